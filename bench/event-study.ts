/**
 * Benchmark: the whole `eventStudy` pipeline over many (asset, statement) pairs.
 *
 *   npx tsx bench/event-study.ts [--assets 1000] [--statements 20] [--runs 5] [--warmup 1] [--seed 20250403] [--sq 1] [--gc 1]
 *
 * Workload: `assets` synthetic price series on the NYSE calendar from 2015-01-02 to 2025-12-31
 * (≈ 2,760 sessions; prices from a market model on one synthetic market series, seeded with
 * createRandom), `statements` statements at seeded random sessions of 2017–2025 that apply to
 * every asset: assets × statements pairs. Market model, estimation window [-250, -11], three
 * event windows [0,0], [-1,1], [0,5], contamination "exclude", SQ test on every CAR (`--sq 0`
 * turns it off). Timed: `eventStudy(...)` end to end (alignment, returns on the calendar, fits,
 * abnormal returns, CARs, BHARs, SQ tests, provenance hashes); then, apart, the first read of
 * the `car`, `abnormal` and `models` tables, whose row objects are made on first access, and
 * the sum of both. Reported: median, min and max
 * over `runs` runs after `warmup` untimed runs; garbage is collected before each run (`--gc 0`
 * runs them back to back instead, as `npm run bench` does: a forced collection makes the next
 * study slower, as V8 then optimizes much of its code again). The CPU
 * time of the process (user + system, all threads) is reported too: on a busy machine it is
 * the steadier figure.
 * @module
 */
import { eventStudy } from "../src/index.js";
import { manyPairs } from "./workloads.js";
import { ensureExposedGc, intOptions, machineRows, ms, printTable, rate, summarize, timeMs } from "./harness.js";

const opt = intOptions({ assets: 1000, statements: 20, runs: 5, warmup: 1, seed: 20250403, sq: 1, gc: 1 });
const gc = ensureExposedGc();
const workload = manyPairs(opt.assets, opt.statements, opt.seed, opt.sq === 1);
const T = workload.sessions;
const { sessions: _sessions, ...options } = workload;
let rows = { car: 0, abnormal: 0, models: 0 };
for (let w = 0; w < opt.warmup; w++) rows.car = eventStudy(options).car.length;
const samples: number[] = [];
const tables: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < opt.runs; r++) {
  if (opt.gc !== 0) gc();
  const c0 = process.cpuUsage();
  let study: ReturnType<typeof eventStudy> | undefined;
  samples.push(
    timeMs(() => {
      study = eventStudy(options);
    }),
  );
  const c1 = process.cpuUsage(c0);
  cpu.push((c1.user + c1.system) / 1000);
  // the row objects of the tables are made on first access: timed apart
  tables.push(
    timeMs(() => {
      rows = { car: study!.car.length, abnormal: study!.abnormal.length, models: study!.models.length };
    }),
  );
}
const s = summarize(samples);
const st = summarize(tables);
const sc = summarize(cpu);
const pairs = opt.assets * opt.statements;
printTable("machine", machineRows());
printTable(
  `eventStudy: ${opt.assets} assets × ${opt.statements} statements = ${pairs} pairs, ${T} sessions, market model, windows [0,0] [-1,1] [0,5], SQ ${opt.sq === 1 ? "on" : "off"}, ${opt.gc !== 0 ? "garbage collected before each run" : "runs back to back"}`,
  [
    { measure: "eventStudy(...) per study (median): every statistic computed", value: ms(s.median) },
    { measure: "min / max", value: `${ms(s.min)} / ${ms(s.max)}` },
    { measure: "CPU time of the process per study (median; includes GC threads)", value: ms(sc.median) },
    { measure: "then reading car, abnormal and models (row objects made; median)", value: ms(st.median) },
    { measure: "study + every table row (median of the sums)", value: ms(summarize(samples.map((x, i) => x + tables[i]!)).median) },
    { measure: "runs", value: s.runs },
    { measure: "pairs per second (median, eventStudy)", value: rate(pairs / (s.median / 1000)) },
    { measure: "rows: car / abnormal / models", value: `${rows.car} / ${rows.abnormal} / ${rows.models}` },
  ],
);
