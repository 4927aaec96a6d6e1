/**
 * `npm run bench`: the headline workloads in one table, under one line naming the machine.
 *
 * Per workload, after untimed warm-up runs (at least 3, and until they have taken `--warmup`
 * milliseconds, 1,000 by default, at most 50: V8 optimizes a study's code over its first runs,
 * and one warm-up left the first timed runs of the small designs twice as slow as the rest): the median, minimum and maximum wall time of the runs
 * back to back (each run's garbage collected as it comes, as in a notebook that runs studies one
 * after another), the number of runs, the median CPU time of the process per run (user + system,
 * all threads: the steadier figure on a shared machine), the median of as many runs again with a
 * full garbage collection forced before each (`--gc 1`, the default; `--gc 0` leaves them out),
 * the ratio of estudy2's own timing to the back-to-back median where the issue quotes one (a
 * lower bound where estudy2 was stopped), and the 1-minute load average at the end.
 *
 * A forced collection makes the next study slower, not faster (on the 2-core machine of December
 * 2026: 50–80 ms a run at N = 500 against 31–40 ms back to back): after it V8 optimizes much of
 * the code again (`node --trace-opt` counts 38–56 functions a run). Both are shown.
 *
 *   npm run bench -- [--runs 7] [--warmup 1000] [--seed 20250403] [--gc 1] [--panels 1] [--dist 0]
 *
 * `--dist 1` times the built package (`npm run build` first) instead of the sources through tsx;
 * the hash rows time the sources' hash classes either way.
 *
 * Workloads: estudy2's benchmark design (bench/workloads.ts, `estudy2Design`) at N = 100, 500,
 * 2,000 and 10,000 through `eventStudy` with the 12 estudy2 tests; the 20,000-pair study of
 * bench/event-study.ts; the provenance content hash over 33 MB of typed arrays (MurmurHash3
 * against the former FNV-1a). estudy2 is not a dependency: its timings are constants quoted
 * from the issue (R on this machine kind, December 2026). Then the 10,000-asset × 2,600-session
 * wide panel read from Parquet, Arrow IPC and CSV (bench/parquet-panel.ts: child processes,
 * with their peak RSS; `--panels 0` leaves it out).
 * @module
 */
import os from "node:os";
import { Fnv1a64 } from "../src/output/hash.js";
import { ContentHash } from "../src/output/murmur3.js";
import type { Row } from "../src/output/index.js";
import { ensureExposedGc, intOptions, ms, printTable, summarize } from "./harness.js";
import { panelRows } from "./parquet-panel.js";
import { ESTUDY2_AT_LEAST_SECONDS, ESTUDY2_QUOTE, ESTUDY2_SECONDS, estudy2Design, manyPairs } from "./workloads.js";

const opt = intOptions({ runs: 7, seed: 20250403, panels: 1, gc: 1, warmup: 1000, dist: 0 });
// the sources through tsx (default), or the built package that users install (`--dist 1`, after
// `npm run build`): esbuild's bundle differs (its module constants are `var`s), and once made
// the Student-t tails of the build 1.7 times as slow as the sources
const { eventStudy } = (
  opt.dist === 1 ? await import(new URL("../dist/index.js", import.meta.url).href) : await import("../src/index.js")
) as typeof import("../src/index.js");
const gc = ensureExposedGc();
const rows: Row[] = [];

/** estudy2's time over ours, `> …×` when estudy2's time is a lower bound. */
function ratio(N: number | undefined, median: number): string {
  if (N === undefined) return "—";
  const exact = ESTUDY2_SECONDS[N];
  const atLeast = ESTUDY2_AT_LEAST_SECONDS[N];
  const seconds = exact ?? atLeast;
  if (seconds === undefined) return "—";
  const r = Math.round((seconds * 1000) / median).toLocaleString("en-US");
  return exact === undefined ? `> ${r}×` : `${r}×`;
}

/** Wall and CPU milliseconds of `runs` runs of `fn`, with a full collection before each when `collect`. */
function timeRuns(runs: number, fn: () => void, collect: boolean): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (collect) gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Untimed runs of `fn`: at least 3, until they have taken `--warmup` ms (at most 50). */
function warmUp(fn: () => void): void {
  const t0 = performance.now();
  for (let r = 0; r < 50 && (r < 3 || performance.now() - t0 < opt.warmup); r++) fn();
}

/** Times `fn` back to back (and with a collection before each run, unless `--gc 0`) after the warm-up; adds a table row (`N`: estudy2's design size, for the ratio). */
function measure(workload: string, runs: number, fn: () => void, N?: number): void {
  warmUp(fn);
  const steady = timeRuns(runs, fn, false);
  const collected = opt.gc !== 0 ? timeRuns(runs, fn, true) : undefined;
  const s = summarize(steady.wall);
  rows.push({
    workload,
    median: ms(s.median),
    "min / max": `${ms(s.min)} / ${ms(s.max)}`,
    runs: s.runs,
    "CPU (median)": ms(summarize(steady.cpu).median),
    "median, gc before each": collected === undefined ? "—" : ms(summarize(collected.wall).median),
    "estudy2 / this": ratio(N, s.median),
    "load (1 min)": os.loadavg()[0]!.toFixed(2),
  });
}

for (const N of [100, 500, 2000, 10000]) {
  const options = estudy2Design(N, opt.seed, true);
  measure(
    `estudy2 design, N = ${N.toLocaleString("en-US")}: eventStudy + 12 tests (estudy2)`,
    N >= 10000 ? Math.max(3, Math.ceil(opt.runs / 2)) : opt.runs,
    () => {
      eventStudy(options);
    },
    N,
  );
}
{
  const { sessions: _sessions, ...options } = manyPairs(1000, 20, opt.seed, true);
  measure("eventStudy, 20,000 pairs, 3 windows, SQ", Math.max(3, Math.ceil(opt.runs / 2)), () => {
    eventStudy(options);
  });
}
{
  const values = Float64Array.from({ length: 2_766_000 }, (_, i) => Math.sin(i) * 100);
  const days = Int32Array.from({ length: 2_766_000 }, (_, i) => i);
  measure("content hash, 33 MB (int32 + float64 arrays): MurmurHash3 (now)", opt.runs, () => {
    new ContentHash().int32Array(days).float64Array(values).hex();
  });
  measure("content hash, 33 MB: FNV-1a 64 (before)", opt.runs, () => {
    new Fnv1a64().int32Array(days).float64Array(values).hex();
  });
}
// the 10,000 × 2,600 panel from Parquet, Arrow and CSV: child processes, 3 runs each (several minutes; --panels 0 skips it)
if (opt.panels !== 0) rows.push(...panelRows(10000, 2600, 3));
const [l1, l5] = os.loadavg();
const machine = `${opt.dist === 1 ? "built package (dist/)" : "sources (tsx)"}, ${new Date().toISOString()}, Node ${process.version} (V8 ${process.versions.v8}), ${os.cpus()[0]?.model.trim() ?? "unknown CPU"} × ${os.cpus().length}, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min)`;
printTable(
  `${machine}\nwall time per workload, runs back to back${opt.gc !== 0 ? " (and the median with a full garbage collection forced before each run)" : ""}; ${ESTUDY2_QUOTE}`,
  rows,
);
