/**
 * The April 2025 tariff statements: where each lands in New York and Tokyo, and how the
 * index reacted (market model against a world benchmark, and a constant-mean model).
 *
 *   npm run example                                     # the bundled synthetic fixtures
 *   npm run example -- --events my.csv                  # your own statement list
 *   npm run example -- --prices SP500.csv --market ACWI.csv --tokyo nikkei.csv   # real data
 *
 * The fixtures are synthetic (see fixtures/README.md); the statements are real, with sources.
 */
import { parseArgs } from "node:util";
import {
  alignEvents,
  calendarFromSeries,
  checkOverlaps,
  covarianceSentence,
  covarianceUse,
  eventStudy,
  formatTextTable,
  meanCarSentence,
  tradingCalendar,
  type AlignmentRow,
} from "market-reaction";
import { readEventsFile, readSeriesFile } from "market-reaction/node";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "fixtures/events/tariffs-2025.csv" },
    tokyo: { type: "string", default: "fixtures/daily/synthetic-tokyo.csv" },
    prices: { type: "string", default: "fixtures/daily/synthetic-us-index.csv" },
    market: { type: "string", default: "fixtures/daily/synthetic-world.csv" },
  },
});

const { events } = await readEventsFile(values.events!);
const tokyoPrices = await readSeriesFile(values.tokyo!);
const xnys = tradingCalendar("XNYS");
const xtks = calendarFromSeries(tokyoPrices.series[0]!, "XTKS"); // Tokyo trading days from the data

const truncate = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

// 1. Where does each statement land? Day 0 = the first session whose close comes after it.
const aligned = alignEvents(events, [xnys, xtks]);
const byId = new Map<string, { XNYS?: AlignmentRow; XTKS?: AlignmentRow }>();
for (const row of aligned.rows) byId.set(row.id, { ...byId.get(row.id), [row.exchange]: row });

console.log(`${events.length} statements from ${values.events}\n`);
console.log(
  formatTextTable(
    [...byId.entries()].map(([id, r]) => ({
      id,
      statement: r.XNYS?.timestamp ?? r.XTKS?.timestamp ?? "",
      speaker: truncate((r.XNYS ?? r.XTKS)?.event.speaker ?? "", 28),
      nyse_session: r.XNYS?.session ?? "",
      nyse_day0: r.XNYS?.day0_iso ?? "",
      tokyo_clock: r.XTKS?.local_time ?? "",
      tokyo_day0: r.XTKS?.day0_iso ?? "",
    })),
  ),
);

// 2. The cases daily tools get wrong, with the reasons the library gives.
const highlight = ["E10", "E17", "E22", "E34"];
console.log("Why:");
for (const row of aligned.rows) {
  if (highlight.includes(row.id)) console.log(`  ${row.id} ${row.exchange}: ${row.reason}`);
}

// 3. Sunday, Monday and Tuesday statements with [-1, +1] windows overlap on one index.
const april = aligned.rows.filter((r) => r.exchange === "XNYS" && ["E17", "E22", "E27"].includes(r.id));
const overlaps = checkOverlaps(april, xnys, { estimation: [-250, -11], windows: [[-1, 1]] });
console.log(`\nPairs of statements whose [-1, +1] event windows overlap on XNYS: ${overlaps.overlaps.length}`);
for (const w of overlaps.warnings) console.log(`  ${w.code}: ${w.message}`);

// 4. The reaction: abnormal returns of the index around the three statements and the pause.
const index = (await readSeriesFile(values.prices!)).series[0]!;
const world = (await readSeriesFile(values.market!)).series[0]!;
const story = events.filter((e) => ["E17", "E22", "E27", "E34"].includes(e.id));
const windows = [[0, 0], [-1, 1], [0, 5]] as const;
const table = (study: ReturnType<typeof eventStudy>) =>
  formatTextTable(
    study.car.map((r) => ({
      statement: r.event_id,
      speaker: truncate(r.speaker ?? "", 24),
      day0: r.day0,
      window: `[${r.window_start}, ${r.window_end}]`,
      "CAR (%)": 100 * r.car,
      t: r.t,
      p_value: r.p_value,
      sq_p: r.sq_p_value,
      "BHAR (%)": 100 * r.bhar,
    })),
    { digits: 3 },
  );

const market = eventStudy({ assets: [index], market: world, events: story, windows, model: "market" });
const model = market.models[0]!;
const sig = (x: unknown): string => (typeof x === "number" ? x.toPrecision(4) : String(x));
console.log(`\nMarket model of ${index.id} on ${world.id}: alpha ${sig(model.alpha)}, beta ${sig(model.beta)}, sigma ${sig(model.sigma)}, n ${model.n}`);
console.log(table(market));
const constant = eventStudy({ assets: [index], events: story, windows, model: "constant-mean" });
console.log("Constant-mean model:");
console.log(table(constant));
const overlapping = market.warnings.filter((w) => w.code === "OVERLAPPING_WINDOWS").length;
const contaminated = market.warnings.filter((w) => w.code === "ESTIMATION_CONTAMINATED").length;
console.log(`With ${story.length} statements and the windows [0, 0], [-1, 1] and [0, 5], ${overlapping} pairs of statements have overlapping event windows (their union, [-1, 5]), and ${contaminated} estimation windows contain another statement's event window:`);
console.log("statements one session apart share their windows, so their CARs");
console.log("are not separate effects. The methods for clustered statements on one index:");

// 5. Sunday, Monday, Tuesday on one index: dummy-variable regression with Newey-West errors,
//    and placebo dates drawn from the same volatility regime with the same spacing.
const three = events.filter((e) => ["E17", "E22", "E27"].includes(e.id));
const clustered = eventStudy({
  assets: [index], market: world, events: three, windows: [[-1, 1]],
  regression: true,
  placebo: { seed: 20250407, draws: 999, regime: "volatility" },
});
console.log("\nDummy-variable regression (market as control). Coefficients in their own units: the market beta as a ratio, the intercept and event dummies in percent per session; se_used is the standard error of the covariance in vcov:");
const own = (kind: string, x: number): string => (kind === "control" ? x.toFixed(3) : `${(100 * x).toFixed(3)} %`);
console.log(formatTextTable(clustered.regression.map((r) => ({ term: r.term, estimate: own(r.kind, r.estimate), se_used: own(r.kind, r.vcov === "hac" ? r.std_error_hac : r.std_error), p_value: r.p_value, vcov: r.vcov })), { digits: 3 }));
console.log(covarianceSentence(covarianceUse(clustered.regression, clustered.regression_car, clustered.wald)));
console.log(formatTextTable(clustered.regression_car.map((c) => ({ car: c.event_id, window: `[${c.window_start}, ${c.window_end}]`, "CAR (%)": 100 * c.estimate, "se used (%)": 100 * (c.vcov === "hac" ? c.std_error_hac : c.std_error), p_value: c.p_value, vcov: c.vcov })), { digits: 3 }));
const p = clustered.placebo!;
console.log(`Placebo test: ${p.statistic} from each statement's own model = ${(100 * p.observed).toFixed(2)} %, p = ${p.p_value.toFixed(4)} (B = ${p.draws}, seed ${p.seed}, ${p.eligible.size} eligible sessions, regime ${p.eligible.regime})`);
const mean = clustered.regression_car.find((c) => c.event_id === "mean");
if (mean !== undefined) console.log(meanCarSentence(mean.estimate, p.observed, "[-1, +1]"));
for (const w of clustered.warnings.filter((x) => x.code === "HIGH_EVENT_VOLATILITY" || x.code === "MERGED_EVENT_DUMMIES")) console.log(`${w.code}: ${w.message}`);
