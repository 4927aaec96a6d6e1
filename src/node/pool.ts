/**
 * Worker threads that compute shards of event studies: one-off for `eventStudyParallel`, or kept
 * warm across studies by a {@link StudyPool}, so that only the first study pays for starting them
 * (each worker loads the library and runs its code cold: about 0.35 s of CPU on a 2-core machine).
 * @module
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { MarketReactionError, eventStudy, mergeStudies, shardHead, type EventStudyOptions, type ShardSpec, type Study, type StudyPart } from "market-reaction";
import { shardDelivery, type ShardDelivery, type ShardReply, type ShardRequest } from "./shardMessage.js";

/** How the assets or statements of a study are split among workers (`index` set per shard). */
export type ShardLayout = Omit<ShardSpec, "index">;

/** A shard a worker has been given and not yet answered. */
interface PendingShard {
  readonly resolve: (part: StudyPart) => void;
  readonly reject: (error: unknown) => void;
  readonly label: string;
}

/**
 * One worker thread that computes the shards it is sent, one after another, for as long as it
 * lives. It holds the process open only while it has a shard to answer.
 */
export class ShardWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingShard>();
  private nextId = 0;
  private ended = false;
  /** Why the thread stopped (its error, or the exit), once it has. */
  private failure: Error | undefined;

  constructor() {
    const script = workerScript();
    this.worker = startWorker(script.file, { eval: script.eval });
    this.worker.unref();
    this.worker.on("message", (reply: ShardReply) => this.answer(reply));
    this.worker.once("error", (error) => this.end(error));
    this.worker.once("exit", (code) => this.end(new Error(`a study worker stopped (exit code ${code}) before it sent its part`)));
  }

  /** False once the thread has stopped (an error, or {@link stop}): it takes no more shards. */
  get alive(): boolean {
    return !this.ended;
  }

  /**
   * Sends a shard; the promise settles with the worker's part or error (with its code).
   * @throws INVALID_OPTION (synchronously) when the options cannot be sent to a thread.
   */
  compute(delivery: ShardDelivery, label: string): Promise<StudyPart> {
    if (this.ended) return Promise.reject(new Error(`${label}: ${this.failure?.message ?? "the study worker has stopped"}`));
    const id = this.nextId++;
    try {
      const request: ShardRequest = { id, ...delivery.message };
      this.worker.postMessage(request, delivery.transfer);
    } catch (error) {
      if ((error as Error).name === "DataCloneError")
        invalidOption(
          "options",
          (error as Error).message,
          "plain data for worker threads (series, statements, exchange codes); use eventStudy for other options",
        );
      throw error;
    }
    if (this.pending.size === 0) this.worker.ref();
    const part = new Promise<StudyPart>((resolve, reject) => this.pending.set(id, { resolve, reject, label }));
    // a part nobody awaits any more (another shard of its study failed first) is no unhandled rejection
    part.catch(() => undefined);
    return part;
  }

  /** Stops the thread; shards still pending are rejected. */
  async stop(): Promise<void> {
    if (this.ended) return;
    this.end(new Error("the study workers were closed before they sent their parts"));
    await this.worker.terminate();
  }

  private answer(reply: ShardReply): void {
    const waiting = this.pending.get(reply.id);
    if (waiting === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.part);
    else if (reply.error.code !== undefined) waiting.reject(new MarketReactionError(reply.error.code as never, reply.error.message, reply.error.issues));
    else waiting.reject(new Error(`${waiting.label}: ${reply.error.name ?? "Error"}: ${reply.error.message}`));
  }

  private end(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    for (const [, waiting] of this.pending) waiting.reject(new Error(`${waiting.label}: ${error.message}`, { cause: error }));
    this.pending.clear();
  }
}

/**
 * A study over `workers` (one per shard of `layout`, as many as it has shards): the shared facts
 * computed here (`shardHead`) while the workers take their shards' series, the parts merged here.
 * The same study as {@link eventStudy}, byte for byte.
 * @internal
 */
export async function studyOnWorkers(options: EventStudyOptions, layout: ShardLayout, workers: readonly ShardWorker[]): Promise<Study> {
  const { onProgress: _dropped, ...data } = options;
  const head = shardHead(data);
  const parts = Array.from({ length: layout.count }, (_, index) => {
    const shard = { ...layout, index };
    return workers[index]!.compute(shardDelivery(data, shard, head), `worker for shard ${index}/${layout.count}`);
  });
  // every part is awaited (none is left to reject unhandled) before the first error is thrown
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed !== undefined) throw failed.reason;
  return mergeStudies(settled.map((s) => (s as PromiseFulfilledResult<StudyPart>).value));
}

/** Options of {@link createStudyPool}. */
export interface StudyPoolOptions {
  /** Worker threads kept (a whole number ≥ 1). Default: the machine's cores (`os.availableParallelism()`). */
  readonly workers?: number;
  /**
   * Studies of fewer (asset, statement) pairs run in this thread (a whole number ≥ 0). Default
   * {@link POOL_MIN_PAIRS}; 0 sends every study that can be split to the workers.
   */
  readonly minPairs?: number;
}

/** Worker threads kept warm across studies: see {@link createStudyPool}. */
export interface StudyPool {
  /** The number of worker threads. */
  readonly workers: number;
  /**
   * The study of `options` on the pool's workers: the same result as {@link eventStudy}, byte for
   * byte (`toJSONText()`), with empty `pairs` (they stay in the workers). A study the workers
   * cannot speed up runs in this thread instead (see {@link createStudyPool}).
   * @throws what {@link eventStudy} throws; INVALID_OPTION after {@link StudyPool.close} or for
   *   options that cannot be sent to a thread.
   */
  eventStudy(options: EventStudyOptions): Promise<Study>;
  /** Stops the workers (studies still running are rejected). Calling it again does nothing. */
  close(): Promise<void>;
}

/**
 * Below this many (asset, statement) pairs a {@link StudyPool} runs the study in this thread: the
 * shared facts, the sending and the merge cost more than two workers save on so small a study.
 * @example
 * ```ts
 * POOL_MIN_PAIRS; // => 2000
 * ```
 */
export const POOL_MIN_PAIRS = 2000;

/**
 * Worker threads for many event studies: started once, each loads the library and warms its code
 * on the first study it computes, and every later study is split among them at once — where
 * {@link eventStudyParallel} starts fresh workers for each study, whose start-up costs more than
 * they save below about 25,000 pairs. For a service, a dashboard or a notebook that computes
 * studies again and again (other windows, models, statements).
 *
 * Each study is split as `eventStudyParallel` splits it with `workers` set (by assets, or by
 * statements when there is one asset). It runs in this thread instead when it has fewer than
 * `minPairs` ({@link POOL_MIN_PAIRS}) (asset, statement) pairs, when it has cross-event tests
 * (each part would carry every pair's fit and abnormal returns back for the tests, which costs
 * more than the workers save), when it has one asset and one statement, or when it has one asset
 * and a `regression` or `placebo`. `onProgress` is not called from the workers. Idle workers do not
 * keep the process alive; `close()` stops them.
 *
 * @throws INVALID_OPTION for `workers` that is not a whole number ≥ 1 or `minPairs` that is not a
 *   whole number ≥ 0.
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const asset = (k: number): Series => ({ id: `S${k}`, kind: "return", days, values: Float64Array.from(days, (_d, i) => 0.004 * Math.sin(k * i)) });
 * const { events } = parseEventsCsv("id,timestamp\nE1,2025-04-02T16:15\nE34,2025-04-09T13:18\n");
 * const options = { assets: [1, 2, 3].map(asset), events, estimation: [-120, -11] as const };
 * // minPairs 0: even this small study goes to the workers (by default it would run in this thread)
 * const pool = createStudyPool({ workers: 2, minPairs: 0 });
 * try {
 *   const study = await pool.eventStudy(options); // the first study also warms the workers up
 *   study.toJSONText() === eventStudy(options).toJSONText(); // => true
 *   study.pairs.length; // => 0 (the per-pair objects stay in the workers)
 *   const again = await pool.eventStudy({ ...options, windows: [[0, 0], [0, 5]] }); // on warm workers
 *   again.car.length; // => 12
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function createStudyPool(options: StudyPoolOptions = {}): StudyPool {
  if (typeof options !== "object" || options === null) invalidOption("options", typeof options, "{ workers?: number, minPairs?: number }");
  const size = options.workers ?? availableParallelism();
  if (!(Number.isInteger(size) && size >= 1)) invalidOption("workers", size, "a whole number ≥ 1");
  const minPairs = options.minPairs ?? POOL_MIN_PAIRS;
  if (!(Number.isInteger(minPairs) && minPairs >= 0)) invalidOption("minPairs", minPairs, "a whole number ≥ 0");
  const threads: ShardWorker[] = Array.from({ length: size }, () => new ShardWorker());
  let closed = false;
  return {
    workers: size,
    async eventStudy(study: EventStudyOptions): Promise<Study> {
      if (closed) invalidOption("pool", "closed", "a pool that is open (createStudyPool again after close())");
      if (typeof study !== "object" || study === null) invalidOption("options", typeof study, "the options of eventStudy (an object)");
      const layout = poolLayout(study, size, minPairs);
      if (layout === undefined) return eventStudy(study);
      // a worker that stopped (its thread failed) is replaced before the study is sent
      for (let i = 0; i < threads.length; i++) if (!threads[i]!.alive) threads[i] = new ShardWorker();
      return studyOnWorkers(study, layout, threads);
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(threads.map((t) => t.stop()));
    },
  };
}

/** How a pool of `size` workers splits a study, or `undefined` to run it in this thread. @internal exported for its test */
export function poolLayout(options: EventStudyOptions, size: number, minPairs = POOL_MIN_PAIRS): ShardLayout | undefined {
  if (options.tests !== undefined) return undefined;
  const count = studySize(options);
  if (count.assets * count.statements < minPairs) return undefined;
  return splitStudy(options, size, count);
}

/** The number of assets and statements a study's options list. @internal */
export function studySize(options: EventStudyOptions): { readonly assets: number; readonly statements: number } {
  const assets = Array.isArray(options.assets) ? options.assets.length : ((options.assets as { series?: readonly unknown[] } | undefined)?.series?.length ?? 0);
  const statements = Array.isArray(options.events) ? options.events.length : 0;
  return { assets, statements };
}

/**
 * A study split among `workers` workers: by assets when there are at least two, else by statements
 * (not with `regression` or `placebo`, which need all of a series' statements); `undefined` when
 * it cannot be split (then it runs in this thread).
 * @internal
 */
export function splitStudy(options: EventStudyOptions, workers: number, count = studySize(options)): ShardLayout | undefined {
  if (workers <= 1) return undefined;
  const { assets, statements } = count;
  if (assets >= 2) return { by: "assets", count: Math.min(workers, assets) };
  const whole = (options.regression !== undefined && options.regression !== false) || options.placebo !== undefined;
  if (whole || statements < 2) return undefined;
  return { by: "statements", count: Math.min(workers, statements) };
}

/** Throws INVALID_OPTION. @internal */
export function invalidOption(option: string, value: unknown, expected: string): never {
  throw new MarketReactionError(
    "INVALID_OPTION",
    `invalid ${option}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}; expected ${expected}`,
  );
}

/**
 * How a worker starts: `worker.js` next to the built entry; from the TypeScript sources (tests,
 * tsx), a small script that registers tsx's loader in the worker and imports `worker.ts`.
 */
function workerScript(): { readonly file: URL | string; readonly eval: boolean } {
  // (the CommonJS build has import.meta.url through tsup's shims)
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { file: new URL("./worker.js", here), eval: false };
  const tsx = pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const source = new URL("./worker.ts", here).href;
  return { file: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}

/**
 * A worker with the parent's Node flags. They are inherited as they are (Node passes process-wide
 * flags such as `--max-old-space-size` through), unless `--input-type` (of
 * `node --input-type=module -e …`) is among them, which a worker file refuses: then the worker
 * gets the other flags, without those a worker's own `execArgv` may not hold (V8 heap sizes and
 * other process-wide flags, which Node names in its error), as they still apply process-wide.
 */
function startWorker(file: URL | string, options: WorkerOptions): Worker {
  if (!process.execArgv.some((a) => a.startsWith("--input-type"))) return new Worker(file, options);
  const execArgv = process.execArgv.filter((a) => !a.startsWith("--input-type"));
  try {
    return new Worker(file, { ...options, execArgv });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    const refused = new Set(((error as Error).message.split(": ")[1] ?? "").split(/[\s,]+/));
    return new Worker(file, { ...options, execArgv: execArgv.filter((a) => !refused.has(a)) });
  }
}
