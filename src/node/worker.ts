/**
 * The worker thread of `eventStudyParallel`: computes one shard of a study and posts its part
 * (or the error, as plain data). Built as its own file, `dist/worker.js`, next to the node entry.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { isMarketReactionError, studyShard, type EventStudyOptions, type ShardSpec } from "market-reaction";

const { options, shard } = workerData as { options: EventStudyOptions; shard: ShardSpec };
try {
  const part = studyShard(options, shard);
  // the result columns and the pair columns move to the main thread without a copy
  const moved = [...Object.values(part.columns), ...Object.values(part.pairs).filter((v) => ArrayBuffer.isView(v))].map(
    (a) => (a as Float64Array).buffer as ArrayBuffer,
  );
  parentPort!.postMessage({ ok: true, part }, [...new Set(moved)]);
} catch (error) {
  const e = error as Error;
  parentPort!.postMessage({
    ok: false,
    error: {
      code: isMarketReactionError(error) ? error.code : undefined,
      issues: isMarketReactionError(error) ? error.issues : [],
      message: e?.message ?? String(error),
      name: e?.name,
    },
  });
}
