/**
 * April 2025 beyond returns: the 10-year yield in basis-point changes, the VIX in points, and
 * trading volume and volatility around the tariff statements.
 *
 *   npx tsx examples/measures-2025.ts
 *
 * Runs on the seeded synthetic fixtures (fixtures/daily/synthetic-levels.csv: DGS10, DGS2, VIX;
 * synthetic-garch.csv: an asset with GARCH(1,1) volatility and volume; synthetic-us-index.csv as
 * the index), whose injected jumps are listed in fixtures/README.md. The same study on the real
 * S&P 500, FRED 10-year yield and Cboe VIX is scripts/april-2025-measures.ts (README table).
 */
import { abnormalVolume, alignReturns, eventStudy, formatTextTable, garchAbnormalReturns, tradingCalendar, dayKeyFromIso } from "market-reaction";
import { readEventsFile, readSeriesFile } from "market-reaction/node";
import { parseVolumeCsv } from "market-reaction";
import { readFileSync } from "node:fs";

const { events } = await readEventsFile("fixtures/events/tariffs-2025.csv");
const story = events.filter((e) => ["E17", "E22", "E27", "E34"].includes(e.id));
const index = (await readSeriesFile("fixtures/daily/synthetic-us-index.csv")).series[0]!;
const levels = await readSeriesFile("fixtures/daily/synthetic-levels.csv", { values: "level", levelUnit: "percent", valueColumn: ["DGS10", "DGS2"] });
const vix = (await readSeriesFile("fixtures/daily/synthetic-levels.csv", { values: "level", valueColumn: "VIX" })).series[0]!;
const dgs10 = levels.series.find((s) => s.id === "DGS10")!;

// 1. The 10-year yield: change in basis points regressed on the index return
const yields = eventStudy({
  assets: [dgs10],
  market: index,
  events: story,
  windows: [
    [0, 0],
    [-1, 1],
  ],
});
console.log("10-year yield, abnormal change in basis points (regression on the index return):");
console.log(
  formatTextTable(
    yields.car.map((c) => ({
      statement: c.event_id,
      day0: c.day0,
      window: `[${c.window_start}, ${c.window_end}]`,
      bp: c.car,
      t: c.t,
      p: c.p_value,
      sq_p: c.sq_p_value,
    })),
    { digits: 3 },
  ),
);

// 2. The VIX: change in points regressed on the index return
const vol = eventStudy({ assets: [vix], market: index, events: story, windows: [[0, 0]] });
console.log("\nVIX, abnormal change in points:");
console.log(
  formatTextTable(
    vol.car.map((c) => ({ statement: c.event_id, day0: c.day0, points: c.car, t: c.t, p: c.p_value })),
    { digits: 3 },
  ),
);

// 3. Volume and GARCH-standardized returns of the synthetic GARCH asset around 9 April (E34)
const garchText = readFileSync("fixtures/daily/synthetic-garch.csv", "utf8");
const asset = (await readSeriesFile("fixtures/daily/synthetic-garch.csv")).series[0]!;
const world = (await readSeriesFile("fixtures/daily/synthetic-world.csv")).series[0]!;
const al = alignReturns({ asset, market: world, calendar: tradingCalendar("XNYS") });
const day0 = al.days.indexOf(dayKeyFromIso("2025-04-09"));
const estimation = Array.from({ length: 240 }, (_, j) => day0 - 250 + j);
const event = [day0 - 1, day0, day0 + 1];
const volume = parseVolumeCsv(garchText, { id: "GARCH asset" });
const onSessions = Float64Array.from(al.days, (d) => volume.values[volume.days.indexOf(d)]!);
const withZero = abnormalVolume({ volume: onSessions, estimation, event, start: -1 });
for (const w of withZero.warnings) console.log(`\nwarning: ${w.message}`);
console.log(`with the zero kept, day 0 has t = ${withZero.abnormal.t[1]!.toFixed(2)}; with the zero-volume session dropped:`);
const av = abnormalVolume({
  volume: onSessions.map((v) => (v === 0 ? Number.NaN : v)),
  estimation,
  event,
  start: -1,
  windows: [
    [0, 0],
    [-1, 1],
  ],
});
console.log("\nGARCH asset around 9 April: abnormal log volume (mean-adjusted) per session:");
console.log(
  formatTextTable(
    Array.from(av.abnormal.ar, (ar, i) => ({ day: i - 1, abnormal: ar, times_normal: Math.exp(ar), t: av.abnormal.t[i]!, p: av.abnormal.pValue[i]! })),
    { digits: 3 },
  ),
);
const g = garchAbnormalReturns(al, estimation, event);
console.log(`\nGARCH(1,1) on the estimation window: alpha1 ${g.fit.alpha1.toFixed(3)}, beta1 ${g.fit.beta1.toFixed(3)}; standardized abnormal returns:`);
console.log(
  formatTextTable(
    Array.from(g.ar, (ar, i) => ({ day: i - 1, ar, sigma: Math.sqrt(g.variance[i]!), sar: g.sar[i]!, volatility_p: g.volatilityPValue[i]! })),
    { digits: 4 },
  ),
);
