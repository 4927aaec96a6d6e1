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
import { eventStudy } from "../src/index.js";
import { ESTUDY2_SECONDS, estudy2Design } from "./workloads.js";
import { ensureExposedGc, intOptions, machineRows, ms, printTable, summarize, timeMs } from "./harness.js";

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
