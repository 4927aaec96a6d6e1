/**
 * A worker thread of `eventStudyParallel` and of a study pool: computes each shard it is sent
 * (the options with the shard's own series, and the study's shard head), one after another, and
 * posts each part (or the error, as plain data) with the message's id. Built as its own file,
 * `dist/worker.js`, next to the node entry.
 * @module
 */
import { parentPort } from "node:worker_threads";
import { isMarketReactionError, studyShard } from "market-reaction";
import type { ShardReply, ShardRequest } from "./shardMessage.js";

parentPort!.on("message", ({ id, options, shard, head }: ShardRequest) => {
  try {
    const part = studyShard(options, shard, head);
    // the result columns and the pair columns move to the main thread without a copy
    const moved = [...Object.values(part.columns), ...Object.values(part.pairs).filter((v) => ArrayBuffer.isView(v))].map(
      (a) => (a as Float64Array).buffer as ArrayBuffer,
    );
    const reply: ShardReply = { id, ok: true, part };
    parentPort!.postMessage(reply, [...new Set(moved)]);
  } catch (error) {
    const e = error as Error;
    const reply: ShardReply = {
      id,
      ok: false,
      error: {
        code: isMarketReactionError(error) ? error.code : undefined,
        issues: isMarketReactionError(error) ? error.issues : [],
        message: e?.message ?? String(error),
        name: e?.name,
      },
    };
    parentPort!.postMessage(reply);
  }
});
