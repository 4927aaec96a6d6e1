/**
 * `eventStudyParallel`: an event study over worker threads, built on studies in shards: the
 * assets (or, for few assets, the statements) split into one shard per worker, each shard
 * computed by `studyShard` in a worker thread, the parts merged by `mergeStudies` into the
 * single run's study.
 * @module
 */
import { availableParallelism } from "node:os";
import { eventStudy, type EventStudyOptions, type Study } from "market-reaction";
import { invalidOption, ShardWorker, splitStudy, studyOnWorkers, studySize, type ShardLayout } from "./pool.js";

/** Options of {@link eventStudyParallel}. */
export interface ParallelOptions {
  /**
   * Worker threads. Default: one per {@link PARALLEL_MIN_PAIRS}/2 (asset, statement) pairs, up
   * to the machine's cores (`os.availableParallelism()`); a study of fewer than
   * {@link PARALLEL_MIN_PAIRS} pairs runs in this thread (a worker's start-up and cold code cost
   * more than such a study saves), and so does a study with cross-event tests (sending each
   * pair's fit and abnormal returns back for the tests costs more than the workers save).
   * `1`: in this thread. A number above 1 always uses that many workers (fewer when the study
   * has fewer assets and statements).
   */
  readonly workers?: number;
}

/**
 * Below this many (asset, statement) pairs, `eventStudyParallel` without `workers` runs the study
 * in this thread; above, it starts one worker per half this many pairs, up to the cores. Each
 * worker costs about 0.35 s of CPU before its first pair (start-up, and the library's code run
 * cold in a fresh thread) and the main thread checks the study and merges the parts: measured on
 * a 2-core machine, two workers beat one thread from about 25,000 pairs of the market model with
 * the SQ test (docs/scale.md).
 * @example
 * ```ts
 * PARALLEL_MIN_PAIRS; // => 25000
 * ```
 */
export const PARALLEL_MIN_PAIRS = 25_000;

/**
 * An event study computed across worker threads: the same result as {@link eventStudy}, byte for
 * byte (`toJSONText()`). The per-pair work is divided among the workers; what is not divided is
 * the workers' start-up (each loads the library, overlapped with the next step), the study's
 * checks and shared facts in this thread (`shardHead`: alignment, the content hashes of every
 * input), and the merge with the cross-event tests, also in this thread.
 *
 * The study is split by assets when there are at least as many assets as workers, else by
 * statements (not with `regression` or `placebo`, which need all of a series' statements: those
 * run in this thread). By assets, each worker receives only its own series (their arrays copied
 * once and transferred, the caller's arrays untouched), the benchmark, the factors and the
 * statements that concern them; by statements, every worker receives every series.
 * `onProgress` is not called from the workers. The options go to the workers by structured
 * cloning: they must be plain data (series, factors, statements, exchange codes). The `pairs`
 * of the result are empty (they stay in the workers).
 *
 * A separate function rather than an `eventStudy` option: the core is platform-neutral (no
 * threads in a browser bundle) and synchronous; this is asynchronous and Node-only.
 *
 * @throws what {@link eventStudy} throws (the error of a worker, with its code and issues);
 *   INVALID_OPTION for `workers` that is not a whole number ≥ 1 or options that cannot be cloned.
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const asset = (k: number): Series => ({ id: `S${k}`, kind: "return", days, values: Float64Array.from(days, (_d, i) => 0.004 * Math.sin(k * i)) });
 * const { events } = parseEventsCsv("id,timestamp\nE1,2025-04-02T16:15\nE34,2025-04-09T13:18\n");
 * const options = { assets: [1, 2, 3].map(asset), events, estimation: [-120, -11] as const };
 * const study = await eventStudyParallel(options, { workers: 2 });
 * study.toJSONText() === eventStudy(options).toJSONText(); // => true
 * ```
 */
export async function eventStudyParallel(options: EventStudyOptions, parallel: ParallelOptions = {}): Promise<Study> {
  if (typeof options !== "object" || options === null) invalidOption("options", typeof options, "the options of eventStudy (an object)");
  if (typeof parallel !== "object" || parallel === null) invalidOption("parallel", typeof parallel, "{ workers?: number }");
  const requested = parallel.workers;
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1))
    invalidOption("workers", requested, "a whole number ≥ 1 (1: in this thread)");
  const layout = shardLayout(options, requested);
  if (layout === undefined) return eventStudy(options);
  // the workers start first: each loads the library while this thread checks the study and
  // computes what all shards share (the head); then each gets only its shard's series
  const workers = Array.from({ length: layout.count }, () => new ShardWorker());
  try {
    return await studyOnWorkers(options, layout, workers);
  } finally {
    // the study is in hand (or failed): the threads are stopped without waiting for their exit
    for (const worker of workers) void worker.stop();
  }
}

/**
 * How the study is split (`requested` workers, or the default), or `undefined` to run it in this
 * thread. The default leaves in this thread a study under {@link PARALLEL_MIN_PAIRS} pairs, and
 * one with cross-event tests: each part then carries every pair's fit and abnormal returns for
 * the tests, and sending them back (structured cloning of ~15 small arrays per pair) cost more
 * CPU than the workers saved (2,000 assets × 40 statements, three tests: 15.8 s with 2 workers
 * against 7.9 s in one thread).
 * @internal exported for its test
 */
export function shardLayout(options: EventStudyOptions, requested: number | undefined, cores = availableParallelism()): ShardLayout | undefined {
  const count = studySize(options);
  if (requested !== undefined) return splitStudy(options, requested, count);
  const pairs = count.assets * count.statements;
  if (options.tests !== undefined || pairs < PARALLEL_MIN_PAIRS) return undefined;
  return splitStudy(options, Math.min(cores, Math.floor(pairs / (PARALLEL_MIN_PAIRS / 2))), count);
}
