/**
 * Benchmark: the cross-event tests on estudy2's own benchmark design, through `eventStudy`.
 *
 *   npx tsx bench/cross-event.ts [--runs 7] [--warmup 1] [--seed 20250403] [--sizes 100,500,2000,10000]
 *
 * Workload (per N): N synthetic price series and one market index on 400 NYSE sessions (prices
 * from a market model, seeded with createRandom), one statement on session 300 that applies to
 * every asset, market model on [-260, -11] (250 sessions ending 11 before day 0), one event
 * window [0, 10], and the 12 tests estudy2 runs with `conventions: "estudy2"`. Data already
 * built; timed: `eventStudy(...)` in process (alignment, returns, fits, ARs, CARs, the tests),
 * and apart the same study without tests, so that the share of the tests is visible.
 *
 * estudy2's own timings on this design (R, measured on this machine kind, 2 cores, Dec 2026,
 * quoted from the issue): 5.70 s at N = 100, 59.0 s at N = 500; N = 2,000 was stopped after
 * 5 minutes. estudy2 is not a dependency: its figures are constants here.
 * @module
 */
import os from "node:os";
import { dayKeyFromIso, eventStudy, isoFromDayKey, nyseTradingDays, type MarketEvent, type Series, type TestName } from "../src/index.js";
import { createRandom } from "../src/stats/random.js";
import { ensureExposedGc, intOptions, machineRows, ms, printTable, summarize, timeMs } from "./harness.js";

/** The 12 tests estudy2 runs. */
export const ESTUDY2_BENCH_TESTS: readonly TestName[] = [
  "cross_sectional_t", "time_series_t", "bw1980", "patell", "bmp", "lamb", "sign",
  "generalized_sign", "corrado_zivney_sign", "corrado_rank", "corrado_zivney_rank", "wilcoxon",
];

/** estudy2's timings (seconds) on this design, measured on this machine kind in Dec 2026. */
export const ESTUDY2_SECONDS: Readonly<Record<number, number>> = { 100: 5.7, 500: 59.0 };

/** The study options of the estudy2 benchmark design with N assets. */
export function estudy2Design(N: number, seed: number, tests = true): Parameters<typeof eventStudy>[0] {
  const rng = createRandom(seed);
  const days = nyseTradingDays(dayKeyFromIso("2024-01-02"), dayKeyFromIso("2026-12-31")).slice(0, 400);
  const T = days.length;
  const mret = new Float64Array(T);
  const mkt = new Float64Array(T);
  mkt[0] = 100;
  for (let t = 1; t < T; t++) {
    mret[t] = 0.0003 + 0.01 * rng.normal();
    mkt[t] = mkt[t - 1]! * (1 + mret[t]!);
  }
  const assets: Series[] = [];
  for (let a = 0; a < N; a++) {
    const beta = 0.5 + rng.next();
    const values = new Float64Array(T);
    values[0] = 50;
    for (let t = 1; t < T; t++) values[t] = values[t - 1]! * (1 + 0.0001 + beta * mret[t]! + 0.015 * rng.normal());
    assets.push({ id: `A${String(a).padStart(5, "0")}`, kind: "price", days, values });
  }
  const events: MarketEvent[] = [{ id: "E", timestamp: `${isoFromDayKey(days[300]!)}T12:00`, timezone: "America/New_York", precision: "minute" }];
  return {
    assets,
    market: { id: "MKT", kind: "price", days, values: mkt },
    events,
    estimation: [-260, -11],
    windows: [[0, 10]],
    ...(tests ? { tests: ESTUDY2_BENCH_TESTS, conventions: "estudy2" as const } : {}),
  };
}

function main(): void {
  const opt = intOptions({ runs: 7, warmup: 1, seed: 20250403 });
  const sizesArg = process.argv.find((a) => a.startsWith("--sizes="));
  const sizes = sizesArg === undefined ? [100, 500, 2000, 10000] : sizesArg.slice(8).split(",").map(Number);
  const gc = ensureExposedGc();
  const rows = [];
  for (const N of sizes) {
    const withTests = estudy2Design(N, opt.seed, true);
    const without = estudy2Design(N, opt.seed, false);
    const runs = N >= 10000 ? Math.max(3, Math.ceil(opt.runs / 2)) : opt.runs;
    for (let w = 0; w < opt.warmup; w++) eventStudy(withTests);
    const a: number[] = [];
    const b: number[] = [];
    const loads: number[] = [];
    for (let r = 0; r < runs; r++) {
      gc();
      a.push(timeMs(() => eventStudy(withTests)));
      gc();
      b.push(timeMs(() => eventStudy(without)));
      loads.push(os.loadavg()[0]!);
    }
    const s = summarize(a);
    const s0 = summarize(b);
    const e2 = ESTUDY2_SECONDS[N];
    rows.push({
      workload: `estudy2 design, N = ${N.toLocaleString("en-US")}, 12 tests`,
      median: ms(s.median),
      "min / max": `${ms(s.min)} / ${ms(s.max)}`,
      runs: s.runs,
      "without tests (median)": ms(s0.median),
      "estudy2 / ours": e2 === undefined ? "—" : `${Math.round((e2 * 1000) / s.median).toLocaleString("en-US")}×`,
      "load (1 min)": summarize(loads).median.toFixed(2),
    });
  }
  printTable("machine", machineRows());
  printTable("cross-event tests, estudy2 benchmark design (estudy2: 5.70 s at N = 100, 59.0 s at N = 500; R, this machine kind, Dec 2026)", rows);
}


if (process.argv[1] !== undefined && /cross-event\.ts$/.test(process.argv[1])) main();
