/**
 * `npm run bench:parallel`: an event study in one thread against the same study across worker
 * threads (`eventStudyParallel`), on the built package (run `npm run build` first: the workers
 * load dist/worker.js, as in a user's install).
 *
 *   npx tsx bench/parallel.ts [--runs 5] [--seed 20250403] [--assets 2000] [--statements 40] [--tests 1] [--three 1]
 *
 * `--tests 0` leaves out the workload with cross-event tests, `--three 0` the 3-worker variant,
 * `--pool 0` the pool of two workers started once and kept warm across the runs (`createStudyPool`;
 * its first study, the untimed check run, starts them; a study with cross-event tests runs in this thread).
 *
 * Workloads: the many-pairs design of bench/workloads.ts (`--assets` price series × `--statements`
 * statements on 2015–2025 NYSE sessions, market model, windows [0,0], [-1,1], [0,5], SQ test)
 * without cross-event tests, then with three (cross-sectional t, BMP, Corrado rank), which run
 * at the merge in the main thread. Each workload: one untimed warm-up, then `--runs` timed runs
 * of each variant alternately; the `car` table of every variant is checked to be the same CSV.
 * The wall time counts everything from the call to the study in hand (worker start-up, sending
 * the shards' series to the workers, the merge); the CPU time is the process's (user + system,
 * all threads); the 1-minute load average is printed with each row.
 * @module
 */
import os from "node:os";
import type { EventStudyOptions } from "../src/index.js";
import { intOptions, machineRows, ms, printTable, summarize } from "./harness.js";
import { manyPairs } from "./workloads.js";

const opt = intOptions({ runs: 5, seed: 20250403, assets: 2000, statements: 40, tests: 1, three: 1, pool: 1 });
const dist = new URL("../dist/", import.meta.url);
const core = (await import(new URL("index.js", dist).href)) as typeof import("../src/index.js");
const node = (await import(new URL("node.js", dist).href)) as typeof import("../src/node/index.js");

type Variant = { readonly name: string; readonly run: (o: EventStudyOptions) => Promise<{ toCSV(t: "car"): string }> };
const variants: Variant[] = [
  { name: "eventStudy (1 thread)", run: async (o) => core.eventStudy(o) },
  { name: "eventStudyParallel, 2 workers", run: (o) => node.eventStudyParallel(o, { workers: 2 }) },
  ...(opt.three === 1 ? [{ name: "eventStudyParallel, 3 workers", run: (o: EventStudyOptions) => node.eventStudyParallel(o, { workers: 3 }) }] : []),
];
// a pool's workers start once and stay warm: its first study (the untimed check run) starts them
const pool = opt.pool === 1 ? node.createStudyPool({ workers: 2 }) : undefined;
if (pool !== undefined) variants.push({ name: "createStudyPool, 2 warm workers", run: (o) => pool.eventStudy(o) });

const rows: Record<string, string | number>[] = [];
const { sessions: _sessions, ...base } = manyPairs(opt.assets, opt.statements, opt.seed);
const workloads: [string, EventStudyOptions][] = [[`${opt.assets} assets × ${opt.statements} statements, no tests`, base as EventStudyOptions]];
if (opt.tests === 1)
  workloads.push([
    `${opt.assets} assets × ${opt.statements} statements, 3 tests`,
    { ...base, tests: ["cross_sectional_t", "bmp", "corrado_rank"] } as EventStudyOptions,
  ]);
for (const [workload, options] of workloads) {
  const reference = (await variants[0]!.run(options)).toCSV("car");
  for (const v of variants.slice(1)) if ((await v.run(options)).toCSV("car") !== reference) throw new Error(`${v.name}: car table differs from the single run`);
  const wall = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < opt.runs; r++) {
    for (const v of variants) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await v.run(options);
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall.get(v.name)!.push(t);
      cpu.get(v.name)!.push((c.user + c.system) / 1000);
      process.stderr.write(`${workload}, ${v.name}, run ${r + 1}: ${ms(t)}, CPU ${ms((c.user + c.system) / 1000)} (load ${os.loadavg()[0]!.toFixed(2)})\n`);
    }
  }
  const one = summarize(wall.get(variants[0]!.name)!).median;
  for (const v of variants) {
    const s = summarize(wall.get(v.name)!);
    rows.push({
      workload,
      variant: v.name,
      median: ms(s.median),
      "min / max": `${ms(s.min)} / ${ms(s.max)}`,
      runs: s.runs,
      "CPU (median, all threads)": ms(summarize(cpu.get(v.name)!).median),
      "speed-up": `${(one / s.median).toFixed(2)}×`,
      "load (1 min)": os.loadavg()[0]!.toFixed(2),
    });
  }
}
await pool?.close();
printTable("Machine", machineRows());
printTable("One thread against worker threads (wall time, median of the runs)", rows);
