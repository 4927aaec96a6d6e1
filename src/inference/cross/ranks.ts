/**
 * The shared rank kernel of the cross-event rank and sign tests: each event's sample (its
 * estimation residuals plus the abnormal returns of part of its event span) is ranked once, and
 * the ranks, the sample medians and the pooled scores of the Corrado, Corrado–Zivney rank and
 * Corrado–Zivney sign tests are all read from that one ranking.
 * @module
 */
import type { PooledScores, ScoreTransform } from "./pooled.js";
import { countBelow, sortedMedian } from "./util.js";

/** What the kernel reads of one event. */
export interface RankableEvent {
  /** Estimation residuals (`NaN` = missing) and their time keys. */
  readonly estValues: ArrayLike<number>;
  readonly estKeys: ArrayLike<number>;
  /** Event-span abnormal returns (`NaN` = missing), their time keys, and the offset of index 0. */
  readonly spanValues: ArrayLike<number>;
  readonly spanKeys: ArrayLike<number>;
  readonly start: number;
}

/**
 * Every event's sample ranked once: the non-missing values of event i are entries
 * `offsets[i] … offsets[i + 1] − 1` of the flat arrays, in sample order (estimation first).
 */
export interface RankedSample {
  /** Smallest key; `slot` holds key − base. */
  readonly base: number;
  /** Number of key slots (largest key − base + 1). */
  readonly size: number;
  readonly offsets: Int32Array;
  readonly slot: Int32Array;
  /** Average rank of the value within its event's sample (1-based, ties averaged). */
  readonly rank: Float64Array;
  /** sign(value − median of its event's sample): −1, 0 or 1. */
  readonly sign: Int8Array;
}

/**
 * Ranks each event's sample: its non-missing estimation values plus its non-missing span values
 * at offsets from..to (inclusive; clipped to the span). One native sort per event (no comparator
 * callback); average ranks by binary search on the sorted copy; the median from the same copy.
 */
export function rankSample(events: readonly RankableEvent[], from: number, to: number): RankedSample {
  const N = events.length;
  const offsets = new Int32Array(N + 1);
  let longest = 0;
  for (let i = 0; i < N; i++) {
    const n = sampleLength(events[i]!, from, to);
    offsets[i + 1] = offsets[i]! + n;
    if (n > longest) longest = n;
  }
  const total = offsets[N]!;
  const keys = new Float64Array(total);
  const values = new Float64Array(total);
  for (let i = 0; i < N; i++) gather(events[i]!, from, to, offsets[i]!, keys, values);
  let base = 0;
  let hi = -1;
  if (total > 0) {
    base = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < total; j++) {
      const k = keys[j]!;
      if (k < base) base = k;
      if (k > hi) hi = k;
    }
  }
  const slot = new Int32Array(total);
  for (let j = 0; j < total; j++) slot[j] = keys[j]! - base;
  const rank = new Float64Array(total);
  const sign = new Int8Array(total);
  const sorted = new Float64Array(longest);
  for (let i = 0; i < N; i++) rankEvent(values, offsets[i]!, offsets[i + 1]!, sorted, rank, sign);
  return { base, size: hi - base + 1, offsets, slot, rank, sign };
}

function spanRange(e: RankableEvent, from: number, to: number): [number, number] {
  const a = Math.max(0, from - e.start);
  const b = Math.min(e.spanValues.length, to - e.start + 1);
  return [a, Math.max(a, b)];
}

function sampleLength(e: RankableEvent, from: number, to: number): number {
  let n = 0;
  for (let j = 0; j < e.estValues.length; j++) if (!Number.isNaN(e.estValues[j]!)) n++;
  const [a, b] = spanRange(e, from, to);
  for (let j = a; j < b; j++) if (!Number.isNaN(e.spanValues[j]!)) n++;
  return n;
}

function gather(e: RankableEvent, from: number, to: number, at: number, keys: Float64Array, values: Float64Array): void {
  let p = at;
  for (let j = 0; j < e.estValues.length; j++) {
    const v = e.estValues[j]!;
    if (Number.isNaN(v)) continue;
    keys[p] = e.estKeys[j]!;
    values[p++] = v;
  }
  const [a, b] = spanRange(e, from, to);
  for (let j = a; j < b; j++) {
    const v = e.spanValues[j]!;
    if (Number.isNaN(v)) continue;
    keys[p] = e.spanKeys[j]!;
    values[p++] = v;
  }
}

/** Scratch for reading a float64's bits (byte order of the platform). */
const BITS_F = new Float64Array(1);
const BITS_U = new Uint32Array(BITS_F.buffer);
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/**
 * A float64 key that sorts like (v, j): the top 53 − b bits of v's order-preserving integer image
 * (sign flipped for positives, all bits flipped for negatives) times 2^b, plus the index j < 2^b.
 * Values that differ only below those bits may come out of order: the caller checks.
 */
function packedKey(v: number, j: number, b: number): number {
  BITS_F[0] = v;
  let hi = BITS_U[HI]!;
  let lo = BITS_U[1 - HI]!;
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else hi = (hi | 0x80000000) >>> 0;
  const keep = 53 - b; // value bits kept, 32 < keep ≤ 52
  return (hi * 2 ** (keep - 32) + Math.floor(lo / 2 ** (64 - keep))) * 2 ** b + j;
}

/**
 * Ranks one event's values[a..b): average ranks (ties averaged) and signs around the median.
 * One native sort of packed (value, index) keys gives the order with the positions (no
 * comparator callback); ties are grouped by exact equality. In the rare case where two values
 * agree in their top bits but come out of order, the order is taken from a sorted copy of the
 * values with binary search instead (same ranks).
 */
function rankEvent(values: Float64Array, a: number, b: number, keys: Float64Array, rank: Float64Array, sign: Int8Array): void {
  const n = b - a;
  if (n === 0) return;
  const bits = Math.max(1, Math.ceil(Math.log2(n)));
  if (bits > 20) {
    rankBySearch(values, a, b, keys, rank, sign);
    return;
  }
  const k = keys.subarray(0, n);
  for (let j = 0; j < n; j++) k[j] = packedKey(values[a + j]!, j, bits);
  k.sort();
  const scale = 2 ** bits;
  let prev = Number.NEGATIVE_INFINITY;
  for (let q = 0; q < n; q++) {
    const j = k[q]! % scale;
    const v = values[a + j]!;
    if (v < prev) {
      rankBySearch(values, a, b, keys, rank, sign);
      return;
    }
    prev = v;
    k[q] = j;
  }
  // k now holds the positions in ascending order of value
  const h = n >> 1;
  const med = n % 2 === 1 ? values[a + k[h]!]! : (values[a + k[h - 1]!]! + values[a + k[h]!]!) / 2;
  let q = 0;
  while (q < n) {
    const v = values[a + k[q]!]!;
    let r = q + 1;
    while (r < n && values[a + k[r]!]! === v) r++;
    const avg = (q + 1 + r) / 2;
    const d = v - med;
    const g = d > 0 ? 1 : d < 0 ? -1 : 0;
    for (let t = q; t < r; t++) {
      rank[a + k[t]!] = avg;
      sign[a + k[t]!] = g;
    }
    q = r;
  }
}

/** {@link rankEvent} by a sorted copy and binary search (the fallback). */
function rankBySearch(values: Float64Array, a: number, b: number, sorted: Float64Array, rank: Float64Array, sign: Int8Array): void {
  const n = b - a;
  const s = sorted.subarray(0, n);
  s.set(values.subarray(a, b));
  s.sort();
  const med = sortedMedian(s, n);
  for (let j = a; j < b; j++) {
    const v = values[j]!;
    const below = countBelow(s, n, v);
    let atMost = below + 1;
    while (atMost < n && s[atMost]! <= v) atMost++;
    rank[j] = (below + 1 + atMost) / 2;
    const d = v - med;
    sign[j] = d > 0 ? 1 : d < 0 ? -1 : 0;
  }
}

/**
 * Sums the scores of a ranked sample per key: `corrado` K − (T_i + 1)/2; `uniform`
 * K/(T_i + 1) − ½; `sign` sign(x − median_i). One pass over flat arrays, no allocation beyond
 * the two result arrays.
 */
export function poolRanked(r: RankedSample, transform: ScoreTransform): PooledScores {
  const N = r.offsets.length - 1;
  if (r.size <= 0) return { base: 0, sum: new Float64Array(0), count: new Int32Array(0), keys: 0, meanLength: Number.NaN, events: 0 };
  const sum = new Float64Array(r.size);
  const count = new Int32Array(r.size);
  let lengths = 0;
  let events = 0;
  for (let i = 0; i < N; i++) {
    const a = r.offsets[i]!;
    const b = r.offsets[i + 1]!;
    const T = b - a;
    if (T === 0) continue;
    events++;
    lengths += T;
    const centre = (T + 1) / 2;
    for (let j = a; j < b; j++) {
      const k = r.slot[j]!;
      const u = transform === "sign" ? r.sign[j]! : transform === "corrado" ? r.rank[j]! - centre : r.rank[j]! / (T + 1) - 0.5;
      sum[k] = sum[k]! + u;
      count[k] = count[k]! + 1;
    }
  }
  let keys = 0;
  for (let k = 0; k < r.size; k++) if (count[k]! > 0) keys++;
  return { base: r.base, sum, count, keys, meanLength: events > 0 ? lengths / events : Number.NaN, events };
}
