/**
 * The shared rank kernel of the cross-event rank and sign tests: each event's sample (its
 * estimation residuals plus the abnormal returns of part of its event span) is ranked once, and
 * the pooled scores of the Corrado, Corrado–Zivney rank and Corrado–Zivney sign tests are all
 * summed from that one ranking.
 * @module
 */
import type { PooledScores } from "./pooled.js";
import { averageRanks, sortedMedian } from "./util.js";

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

/** The pooled scores of one ranked sample under each of the three transforms (one shared `count`). */
export interface RankPools {
  readonly corrado: PooledScores;
  readonly uniform: PooledScores;
  readonly sign: PooledScores;
}

/**
 * Ranks each event's sample (its non-missing estimation values plus its non-missing span values
 * at offsets from..to, inclusive, clipped to the span) and sums the three scores per key in the
 * same pass: `corrado` K − (T_i + 1)/2, `uniform` K/(T_i + 1) − ½, `sign` sign(x − median_i).
 * One radix sort per event (no comparator callback); only scratch buffers as long as the
 * longest sample are allocated besides the sums, so memory does not grow with the number of
 * events. Each key's sums add the scores in event order, then in sample order (estimation
 * first).
 */
export function rankAndPool(events: readonly RankableEvent[], from: number, to: number): RankPools {
  const N = events.length;
  let longest = 0;
  const range = Float64Array.of(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  for (let i = 0; i < N; i++) {
    const e = events[i]!;
    const [a, b] = spanRange(e, from, to);
    const n = keyRange(e.estValues, e.estKeys, 0, e.estValues.length, range) + keyRange(e.spanValues, e.spanKeys, a, b, range);
    if (n > longest) longest = n;
  }
  const base = range[0]!;
  const hi = range[1]!;
  if (longest === 0) return { corrado: EMPTY_POOL, uniform: EMPTY_POOL, sign: EMPTY_POOL };
  const size = hi - base + 1;
  const sums = { corrado: new Float64Array(size), uniform: new Float64Array(size), sign: new Float64Array(size), count: new Int32Array(size) };
  const scratch = { values: new Float64Array(longest), slots: new Int32Array(longest), rank: new Float64Array(longest), sign: new Int8Array(longest) };
  const work = rankScratch(longest);
  let lengths = 0;
  let counted = 0;
  for (let i = 0; i < N; i++) {
    const T = gather(events[i]!, from, to, base, scratch.slots, scratch.values);
    if (T === 0) continue;
    counted++;
    lengths += T;
    rankEvent(scratch.values, T, work, scratch.rank, scratch.sign);
    addScores(T, scratch, sums);
  }
  let keys = 0;
  for (let k = 0; k < size; k++) if (sums.count[k]! > 0) keys++;
  const meanLength = lengths / counted;
  const pool = (sum: Float64Array): PooledScores => ({ base, sum, count: sums.count, keys, meanLength, events: counted });
  return { corrado: pool(sums.corrado), uniform: pool(sums.uniform), sign: pool(sums.sign) };
}

const EMPTY_POOL: PooledScores = { base: 0, sum: new Float64Array(0), count: new Int32Array(0), keys: 0, meanLength: Number.NaN, events: 0 };

/** Counts the non-missing values of values[a..b) and widens `range` (smallest, largest key) to their keys. */
function keyRange(values: ArrayLike<number>, keys: ArrayLike<number>, a: number, b: number, range: Float64Array): number {
  let n = 0;
  let lo = range[0]!;
  let hi = range[1]!;
  for (let j = a; j < b; j++) {
    if (Number.isNaN(values[j]!)) continue;
    n++;
    const k = keys[j]!;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  range[0] = lo;
  range[1] = hi;
  return n;
}

/** Adds one ranked event's three scores to the sums of their keys, in sample order. */
function addScores(
  T: number,
  s: { readonly slots: Int32Array; readonly rank: Float64Array; readonly sign: Int8Array },
  sums: { readonly corrado: Float64Array; readonly uniform: Float64Array; readonly sign: Float64Array; readonly count: Int32Array },
): void {
  const centre = (T + 1) / 2;
  for (let j = 0; j < T; j++) {
    const k = s.slots[j]!;
    const r = s.rank[j]!;
    sums.corrado[k] = sums.corrado[k]! + (r - centre);
    sums.uniform[k] = sums.uniform[k]! + (r / (T + 1) - 0.5);
    sums.sign[k] = sums.sign[k]! + s.sign[j]!;
    sums.count[k] = sums.count[k]! + 1;
  }
}

function spanRange(e: RankableEvent, from: number, to: number): [number, number] {
  const a = Math.max(0, from - e.start);
  const b = Math.min(e.spanValues.length, to - e.start + 1);
  return [a, Math.max(a, b)];
}

/** Copies the event's non-missing sample values and their key slots (key − base); returns their number. */
function gather(e: RankableEvent, from: number, to: number, base: number, slots: Int32Array, values: Float64Array): number {
  let p = 0;
  for (let j = 0; j < e.estValues.length; j++) {
    const v = e.estValues[j]!;
    if (Number.isNaN(v)) continue;
    slots[p] = e.estKeys[j]! - base;
    values[p++] = v;
  }
  const [a, b] = spanRange(e, from, to);
  for (let j = a; j < b; j++) {
    const v = e.spanValues[j]!;
    if (Number.isNaN(v)) continue;
    slots[p] = e.spanKeys[j]! - base;
    values[p++] = v;
  }
  return p;
}

/** Scratch for reading a float64's bits (byte order of the platform). */
const BITS_F = new Float64Array(1);
const BITS_I = new Int32Array(BITS_F.buffer);
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/** Buffers of {@link rankEvent}, each at least as long as the longest sample. */
interface RankScratch {
  /** Top 32 bits of each value's order-preserving integer image (as int32: only their bytes are read). */
  readonly top: Int32Array;
  readonly order: Int32Array;
  readonly pass: Int32Array;
  /** Sorted copy of the values (fallback only). */
  readonly sorted: Float64Array;
  /** Four 256-bucket histograms. */
  readonly counts: Int32Array;
}

function rankScratch(longest: number): RankScratch {
  return {
    top: new Int32Array(longest),
    order: new Int32Array(longest),
    pass: new Int32Array(longest),
    sorted: new Float64Array(longest),
    counts: new Int32Array(1024),
  };
}

/**
 * Ranks values[0..n): average ranks (ties averaged, 1-based) and signs around the median.
 *
 * The order comes from a counting sort into about n buckets of equal width over the mean ± 4
 * standard deviations (values beyond go to the end buckets), then an insertion pass on the exact
 * values, which only moves values within a bucket: linear for residuals, with no comparator
 * callback. When that pass would move more than 8n places (a sample far from bell-shaped), the
 * order comes from a stable LSD radix sort of the top 32 bits of each value's order-preserving
 * integer image with the same insertion pass; if that too moves more than 8n places (many
 * near-equal values), the ranks come from a sorted copy with binary search (same ranks). Ties
 * are grouped by exact equality (−0 equals 0).
 */
function rankEvent(values: Float64Array, n: number, s: RankScratch, rank: Float64Array, sign: Int8Array): void {
  if (n === 0) return;
  const order = s.pass;
  if (!(bucketOrder(values, n, s) && insertionFix(values, n, order))) {
    radixOrder(values, n, s);
    if (!insertionFix(values, n, order)) {
      rankBySearch(values, n, s.sorted, rank, sign);
      return;
    }
  }
  const h = n >> 1;
  const med = n % 2 === 1 ? values[order[h]!]! : (values[order[h - 1]!]! + values[order[h]!]!) / 2;
  let q = 0;
  while (q < n) {
    const v = values[order[q]!]!;
    let r = q + 1;
    while (r < n && values[order[r]!]! === v) r++;
    const avg = (q + 1 + r) / 2;
    const d = v - med;
    const g = d > 0 ? 1 : d < 0 ? -1 : 0;
    for (let t = q; t < r; t++) {
      rank[order[t]!] = avg;
      sign[order[t]!] = g;
    }
    q = r;
  }
}

/**
 * Positions 0..n−1 in `s.pass`, stably sorted by bucket: about n buckets (a power of two, at
 * most 1,024) of equal width over mean ± 4 SD of the values. False when the values have no
 * finite positive spread (then the radix order is used).
 */
function bucketOrder(values: Float64Array, n: number, s: RankScratch): boolean {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += values[j]!;
  const mean = sum / n;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const d = values[j]! - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / n);
  if (!(sd > 0 && Number.isFinite(sd) && Number.isFinite(mean))) return false;
  let B = 16;
  while (B < n && B < 1024) B <<= 1;
  const lo = mean - 4 * sd;
  const scale = B / (8 * sd);
  const { top, pass, counts } = s;
  counts.fill(0, 0, B);
  const last = B - 1;
  for (let j = 0; j < n; j++) {
    const x = (values[j]! - lo) * scale;
    const b = x <= 0 ? 0 : x >= last ? last : x | 0;
    top[j] = b;
    counts[b]!++;
  }
  let total = 0;
  for (let b = 0; b < B; b++) {
    const c = counts[b]!;
    counts[b] = total;
    total += c;
  }
  for (let j = 0; j < n; j++) pass[counts[top[j]!]!++] = j;
  return true;
}

/** Positions 0..n−1 in `s.pass`, stably sorted by the top 32 bits of the values' integer images. */
function radixOrder(values: Float64Array, n: number, s: RankScratch): void {
  const { top, order, pass, counts } = s;
  counts.fill(0);
  for (let j = 0; j < n; j++) {
    BITS_F[0] = values[j]!;
    const hi = BITS_I[HI]!;
    // int32 arithmetic throughout (no value above 2^31, which V8 would hold as a double)
    const t = hi < 0 ? ~hi : hi ^ -0x80000000;
    top[j] = t;
    counts[t & 255]!++;
    counts[256 + ((t >> 8) & 255)]!++;
    counts[512 + ((t >> 16) & 255)]!++;
    counts[768 + ((t >> 24) & 255)]!++;
  }
  for (let p = 0; p < 1024; p += 256) {
    let sum = 0;
    for (let d = p; d < p + 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
  }
  for (let j = 0; j < n; j++) order[counts[top[j]! & 255]!++] = j;
  for (let q = 0; q < n; q++) {
    const j = order[q]!;
    pass[counts[256 + ((top[j]! >> 8) & 255)]!++] = j;
  }
  for (let q = 0; q < n; q++) {
    const j = pass[q]!;
    order[counts[512 + ((top[j]! >> 16) & 255)]!++] = j;
  }
  for (let q = 0; q < n; q++) {
    const j = order[q]!;
    pass[counts[768 + ((top[j]! >> 24) & 255)]!++] = j;
  }
}

/** Insertion sort of `order` by exact value; false (order unusable) after more than 8n moves. */
function insertionFix(values: Float64Array, n: number, order: Int32Array): boolean {
  let budget = 8 * n;
  for (let q = 1; q < n; q++) {
    const j = order[q]!;
    const v = values[j]!;
    let r = q - 1;
    while (r >= 0 && values[order[r]!]! > v) {
      order[r + 1] = order[r]!;
      r--;
      if (--budget < 0) return false;
    }
    order[r + 1] = j;
  }
  return true;
}

/** {@link rankEvent} by a sorted copy and binary search (the fallback): `averageRanks`, then the signs around the copy's median. */
function rankBySearch(values: Float64Array, n: number, sorted: Float64Array, rank: Float64Array, sign: Int8Array): void {
  averageRanks(values, n, rank, sorted); // leaves sorted[0 … n) sorted
  const med = sortedMedian(sorted, n);
  for (let j = 0; j < n; j++) {
    const d = values[j]! - med;
    sign[j] = d > 0 ? 1 : d < 0 ? -1 : 0;
  }
}
