/**
 * The April 2025 reactions beyond returns, on REAL data, for docs/measures-2025.md and the
 * table between the `measures` markers of README.md:
 *
 *   npx tsx scripts/april-2025-measures.ts [--data ../shared/data]
 *
 * - the 10-year Treasury yield (FRED DGS10, percent, studied in basis-point changes) regressed
 *   on the S&P 500 return, and as a constant-mean change;
 * - the VIX (Cboe close, points), change regressed on the S&P 500 return;
 * - S&P 500 volume: abnormal log volume, mean-adjusted and market model on the Nasdaq
 *   Composite's log volume;
 * - S&P 500 volatility: GARCH(1,1)-standardized abnormal returns (market mean equation on the
 *   ACWI ETF), the OLS abnormal-volatility F test, and the Parkinson range variance.
 * Statements E17, E22, E27, E34 of fixtures/events/tariffs-2025.csv; estimation window
 * [-250, -11] sessions before each day 0. The price files are read from ../shared/data and
 * never copied into the repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  abnormalReturns,
  abnormalVolatility,
  abnormalVolume,
  alignReturns,
  eventStudy,
  fitModel,
  garchAbnormalReturns,
  parseSeriesCsv,
  parseVolumeCsv,
  predictModel,
  rangeVariance,
  rangeVolatilityTest,
  tradingCalendar,
  dayKeyFromIso,
} from "../src/index.js";
import type { Series } from "../src/index.js";
import { readEventsFile } from "../src/node/index.js";

const { values } = parseArgs({ options: { data: { type: "string", default: "../shared/data" } } });
const dir = values.data!;
const read = (f: string) => readFileSync(join(dir, f), "utf8");
const IDS = ["E17", "E22", "E27", "E34"];
const WINDOWS = [
  [0, 0],
  [-1, 1],
  [0, 2],
] as const;

const spx = parseSeriesCsv(read("sp500_daily_2023_2026.csv"), { id: "S&P 500" }).series[0]!;
const acwi = parseSeriesCsv(read("etf_acwi_daily_adjclose_2023_2026.csv"), { id: "ACWI" }).series[0]!;
const dgs10 = parseSeriesCsv(read("treasury_yields_fred_daily_2023_2026.csv"), { values: "level", levelUnit: "percent", valueColumn: "dgs10", id: "DGS10" })
  .series[0]!;
const vix = parseSeriesCsv(read("vix_daily_cboe_2023_2026.csv"), { values: "level", valueColumn: "close", id: "VIX" }).series[0]!;
const { events } = await readEventsFile("fixtures/events/tariffs-2025.csv");
const story = events.filter((e) => IDS.includes(e.id));

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "—");
const p4 = (x: number) => (x < 1e-4 ? x.toExponential(1) : x.toFixed(4));

/** Level series: an event study of the changes (in the series' unit) with the S&P 500 return as control. */
function levelRows(asset: Series, unit: string, model: "market" | "constant-mean"): string[] {
  const s = eventStudy({
    assets: [asset],
    ...(model === "market" ? { market: spx } : {}),
    model: { type: model },
    events: story,
    windows: WINDOWS.map((w) => [...w] as [number, number]),
  });
  return s.car.map(
    (c) =>
      `| ${c.event_id} | ${c.day0} | ${asset.id} (${unit}, ${model === "market" ? "on S&P 500 return" : "constant-mean change"}) | [${c.window_start}, ${c.window_end}] | ${f(c.car, 2)} | ${f(c.t, 2)} | ${p4(c.p_value)} | ${p4(c.sq_p_value)} |`,
  );
}

const levelTable = [
  "| statement | day 0 | series (unit, model) | window | abnormal change | t | p | SQ p |",
  "|---|---|---|---|---|---|---|---|",
  ...levelRows(dgs10, "bp", "market"),
  ...levelRows(dgs10, "bp", "constant-mean"),
  ...levelRows(vix, "points", "market"),
].join("\n");

// ---- volume and volatility on the NYSE sessions ---------------------------------------------
const nyse = tradingCalendar("XNYS");
const al = alignReturns({ asset: spx, market: acwi, calendar: nyse });
const volSpx = parseVolumeCsv(read("sp500_daily_2023_2026.csv"), { id: "S&P 500" });
const volNdx = parseVolumeCsv(read("nasdaq_composite_daily_2023_2026.csv"), { id: "Nasdaq Composite" });
const ohlc = parseSeriesCsv(read("sp500_daily_2023_2026.csv"), { valueColumn: ["open", "high", "low", "close"] }).series;
const onSessions = (s: Series): Float64Array => {
  const m = new Map<number, number>();
  s.days.forEach((d, j) => m.set(d, s.values[j]!));
  return Float64Array.from(al.days, (d) => m.get(d) ?? Number.NaN);
};
const [vS, vN] = [volSpx, volNdx].map(onSessions);
const [o, h, l, c] = ["open", "high", "low", "close"].map((n) => onSessions(ohlc.find((s) => s.id === n)!));
const parkinson = rangeVariance({ open: o!, high: h!, low: l!, close: c! }, "parkinson");

/** Day 0 of each statement (NYSE session of the statement, or the next one after the close). */
const day0Of = new Map(eventStudy({ assets: [spx], market: acwi, events: story, windows: [[0, 0]] }).car.map((r) => [r.event_id, r.day0]));
const sharing = (day0: string): string[] => IDS.filter((id) => day0Of.get(id) === day0);
const volumeLines: string[] = [];
const volLines: string[] = [];
const seenDay0 = new Set<string>();
for (const e of story) {
  const day0 = day0Of.get(e.id)!;
  const i0 = al.days.indexOf(dayKeyFromIso(day0));
  const estimation = Array.from({ length: 240 }, (_, j) => i0 - 250 + j);
  const event = [i0, i0 + 1, i0 + 2];
  const va = abnormalVolume({
    volume: vS!,
    estimation,
    event,
    windows: [
      [0, 0],
      [0, 2],
    ],
  });
  const vm = abnormalVolume({
    volume: vS!,
    benchmarkVolume: vN!,
    estimation,
    event,
    windows: [
      [0, 0],
      [0, 2],
    ],
  });
  const sessionVolume = vS![i0]! / 1e9;
  volumeLines.push(
    `| ${e.id} | ${day0} | ${f(sessionVolume, 2)} bn | ${f(va.abnormal.ar[0]!, 3)} (×${f(Math.exp(va.abnormal.ar[0]!), 2)}) | ${f(va.abnormal.t[0]!, 2)} | ${f(va.windows[1]!.car.car, 3)} | ${p4(va.windows[1]!.car.pValue)} | ${p4(va.windows[1]!.rankPValue)} | ${f(vm.abnormal.ar[0]!, 3)} | ${f(vm.abnormal.t[0]!, 2)} |`,
  );
  if (seenDay0.has(day0)) continue;
  seenDay0.add(day0);
  const g = garchAbnormalReturns(al, estimation, event);
  const fit = fitModel({ type: "market" }, al, estimation);
  const ars = abnormalReturns(
    fit,
    predictModel(fit, al, event),
    event.map((i) => al.asset[i]!),
  );
  const F = abnormalVolatility(ars);
  const rv = rangeVolatilityTest(parkinson, estimation, event);
  volLines.push(
    `| ${day0} (${sharing(day0).join(", ")}) | ${f(100 * ars.ar[0]!, 2)} % | ${f(F.ratio[0]!, 1)} | ${p4(F.pValue[0]!)} | ${f(Math.sqrt(g.variance[0]!) * 100, 2)} % | ${f(g.sar[0]!, 2)} | ${p4(g.volatilityPValue[0]!)} | ${f(rv.ratio[0]!, 1)} | ${p4(rv.pValue[0]!)} | ${f(g.fit.persistence, 3)} |`,
  );
}

const volumeTable = [
  "| statement | day 0 | volume | abnormal log volume, mean-adjusted (× normal) | t | [0, 2] cumulated | p | rank p | market model on Nasdaq volume | t |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...volumeLines,
].join("\n");
const volTable = [
  "| day 0 (statements) | AR (market model on ACWI) | AR²/s² | F(1, M−2) p | GARCH σ forecast | GARCH SAR | χ²(1) p | Parkinson ratio | p | GARCH α₁+β₁ |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...volLines,
].join("\n");

const body = `Statements E17 (Sunday 6 April; day 0 Monday 7 April), E22 (Monday 7 April 10:11 ET), E27
(Tuesday 8 April) and E34 (Wednesday 9 April, the 90-day pause). Estimation window [-250, -11]
sessions; windows in sessions relative to day 0.

**10-year Treasury yield and VIX, in changes.** The 10-year yield (FRED DGS10, percent) is
studied in basis-point changes, the VIX in points; the control is the S&P 500 return (simple).

${levelTable}

**S&P 500 volume.** Log volume ln(V + 1), estimation sessions [-250, -11]; the rank test is the
Wilcoxon rank-sum of the window's abnormal log volumes against the estimation residuals.

${volumeTable}

**S&P 500 volatility.** Day-0 abnormal return of the market model, its exact F test, the
GARCH(1,1) standardization (market mean equation on ACWI, fitted on the same estimation
window) and the Parkinson range variance against its estimation mean.

${volTable}
`;

const header = `# April 2025 beyond returns, on real data

Produced by \`npx tsx scripts/april-2025-measures.ts\` from ../shared/data (S&P 500 OHLCV, Nasdaq
Composite volume, ACWI adjusted close, FRED DGS10, Cboe VIX; sources and commits in that
folder's README). The repository does not ship these files.

`;
writeFileSync("docs/measures-2025.md", `${header}${body}`);
const readme = readFileSync("README.md", "utf8");
const start = "<!-- measures:start -->";
const end = "<!-- measures:end -->";
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i >= 0 && j > i) writeFileSync("README.md", `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`);
process.stdout.write(body);
