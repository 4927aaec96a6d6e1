/**
 * Composing the pipeline by hand: the steps `eventStudy` runs, one call each, so each can be
 * inspected or replaced (here: a Dimson model with two leads and lags, and our own report).
 *
 *   npx tsx examples/custom-model.ts
 */
import {
  abnormalReturns,
  alignEvents,
  alignReturns,
  carTTest,
  cumulativeAbnormalReturns,
  estimationIndices,
  fitModel,
  formatTextTable,
  isoFromDayKey,
  predictModel,
  resolveWindows,
  sqTest,
  tradingCalendar,
  type ModelSpec,
} from "market-reaction";
import { readEventsFile, readSeriesFile } from "market-reaction/node";

const index = (await readSeriesFile("fixtures/daily/synthetic-us-index.csv")).series[0]!;
const world = (await readSeriesFile("fixtures/daily/synthetic-world.csv")).series[0]!;
const { events } = await readEventsFile("fixtures/events/tariffs-2025.csv");
const pause = events.find((e) => e.id === "E34")!; // the 90-day pause, 13:18 ET on 9 April 2025

// 1. Day 0 on the exchange's clock, with the reason
const calendar = tradingCalendar("XNYS");
const [row] = alignEvents([pause], calendar).rows;
console.log(`${pause.id}: ${row!.reason}`);

// 2. Returns on the calendar (a gap never shifts day 0; multi-session returns are left out)
const data = alignReturns({ asset: index, market: world, calendar });

// 3. Windows in sessions, resolved to index ranges of the aligned data
const windows = [
  [0, 0],
  [0, 1],
  [-1, 5],
] as const;
const w = resolveWindows(data.days, row!.day0, { estimation: [-250, -11], windows });

// 4. A model of our choice: Dimson with two leads and lags of the market
const spec: ModelSpec = { type: "dimson", lags: 2 };
const fit = fitModel(spec, data, estimationIndices(spec, data, w.estimation!));
console.log(
  `\n${fit.model}: ${fit.names.map((n, j) => `${n} ${fit.coefficients[j]!.toFixed(4)}`).join(", ")}; sum beta ${fit.details?.sum_beta?.toFixed(4)}; M = ${fit.nObs}`,
);

// 5. Abnormal returns over the span of all windows, with prediction-error variances
const start = Math.min(...w.windows.map((r) => r.start));
const end = Math.max(...w.windows.map((r) => r.end));
const span = Int32Array.from({ length: end - start }, (_, i) => start + i);
const ars = abnormalReturns(fit, predictModel(fit, data, span), data.asset.subarray(start, end), { start: start - w.day0Index });

// 6. CARs with the full covariance, the t test and the SQ test, in our own table
const rows = cumulativeAbnormalReturns(ars, windows).map((car) => {
  const t = carTTest(car);
  const sq = sqTest(car, fit);
  return {
    window: `[${car.window[0]}, ${car.window[1]}]`,
    from: isoFromDayKey(data.days[start + car.from]!),
    to: isoFromDayKey(data.days[start + car.to - 1]!),
    car_pct: 100 * car.car,
    se_pct: 100 * car.se,
    t: t.statistic,
    p_t: t.p_value,
    p_sq: sq.p_value,
    bhar_pct: 100 * car.bhar,
  };
});
console.log(formatTextTable(rows, { digits: 3 }));
