/**
 * What `eventStudyParallel` sends a worker: the options of its shard with only the shard's own
 * series, their arrays copied once into buffers that move to the worker (transferred, not cloned).
 * @module
 */
import type { EventStudyOptions, Issue, Series, ShardHead, ShardSpec, StudyPart } from "market-reaction";

/** The message a worker computes its part from. */
export interface ShardMessage {
  readonly options: Omit<EventStudyOptions, "onProgress">;
  readonly shard: ShardSpec;
  readonly head: ShardHead;
}

/** What a worker is sent: a shard's message and its id, which the reply carries back. */
export type ShardRequest = ShardMessage & { readonly id: number };

/** What a worker sends back for the shard of message `id`: its part, or its error as plain data. */
export type ShardReply =
  | { readonly id: number; readonly ok: true; readonly part: StudyPart }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: string | undefined; readonly message: string; readonly issues: readonly Issue[]; readonly name: string | undefined };
    };

/** A message and the buffers it moves to the worker. */
export interface ShardDelivery {
  readonly message: ShardMessage;
  readonly transfer: ArrayBuffer[];
}

/**
 * The message of one shard. By assets, the worker gets the assets at positions `index`,
 * `index + count`, … of the study (and a benchmark named by id), each day and value array copied
 * once (arrays shared between series stay shared) into a buffer that is transferred; the caller's
 * arrays are left as they are. By statements, every worker needs every series: they are cloned.
 */
export function shardDelivery(options: Omit<EventStudyOptions, "onProgress">, shard: ShardSpec, head: ShardHead): ShardDelivery {
  if (shard.by !== "assets") return { message: { options, shard, head }, transfer: [] };
  const all = Array.isArray(options.assets) ? options.assets : (options.assets as { series: readonly Series[] }).series;
  const market = typeof options.market === "string" ? options.market : undefined;
  const copies = new ArrayCopies();
  let position = 0;
  const own: Series[] = [];
  for (const series of all) {
    const isMarket = series.id === market;
    const mine = isMarket || position % shard.count === shard.index;
    if (!isMarket) position++;
    if (mine) own.push({ ...series, days: copies.of(series.days), values: copies.of(series.values) });
  }
  const ids = new Set(own.map((s) => s.id));
  const events = Array.isArray(options.events) ? options.events.filter((e) => e.asset === undefined || ids.has(e.asset)) : options.events;
  return { message: { options: { ...options, assets: own, events }, shard, head }, transfer: copies.buffers };
}

/** Typed arrays copied into their own buffers, each source array once. */
class ArrayCopies {
  readonly buffers: ArrayBuffer[] = [];
  private readonly done = new Map<unknown, unknown>();

  of<T>(array: T): T {
    if (!(array instanceof Float64Array || array instanceof Int32Array) || !(array.buffer instanceof ArrayBuffer)) return array;
    let copy = this.done.get(array) as T | undefined;
    if (copy === undefined) {
      const fresh = array.slice();
      this.buffers.push(fresh.buffer as ArrayBuffer);
      this.done.set(array, fresh);
      copy = fresh as T;
    }
    return copy;
  }
}
