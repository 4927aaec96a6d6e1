/**
 * What the SQ test reads from its null distribution, in one pass over the run sums of a prefix
 * and without storing them: how many sums lie at or below and at or above a point, and the
 * type-7 quantiles at two tail probabilities (from the few extreme sums).
 *
 * The extreme sums are found in one of two ways, with the same numbers. Given a guess of the
 * values' spread, the pass collects the sums beyond where a normal distribution would put about
 * three times as many as the quantiles read, unsorted, and orders the few it needs at the end; when the
 * guess collected too few or too many, or without one, the sums stream through the tail keeper
 * of `quantile.ts`, which keeps the extremes sorted as they come. With a guess, runs of two values
 * or more are first judged by their leading prefix difference (`runSumScreen.ts`), and only the
 * sums that difference cannot place are computed exactly.
 * @module
 */
import { normalQuantile } from "./normal.js";
import { MAX_TAIL, highTailCount, lowTailCount, quantileFromTails, tailKeeper } from "./quantile.js";
import { runSumAt, type RunSumPrefix } from "./runSums.js";
import { screenRunSums } from "./runSumScreen.js";

/**
 * Counts and tail quantiles of the n − L + 1 sums of `length` consecutive values of a prefix
 * without session indices, written to `out` as `[#sums ≤ c, #sums ≥ c, quantile(lowP),
 * quantile(highP)]` (counts `NaN` for a `NaN` c; quantiles `NaN` when there is no sum). The
 * numbers are exactly those of `runSums` followed by counting and `tailQuantiles7`; `sd`, the
 * standard deviation of the values, only makes it faster (any guess gives the same numbers).
 * @returns false, with `out` untouched, when the prefix has session indices or a tail needs
 *   more order statistics than the tail keeper holds (then build the sums with `runSums`).
 */
export function runSumCountsAndTails(pre: RunSumPrefix, length: number, c: number, lowP: number, highP: number, out: Float64Array, sd = Number.NaN): boolean {
  if (pre.idx !== undefined) return false;
  const count = Math.max(0, pre.n - length + 1);
  if (count === 0) {
    out.fill(Number.NaN, 0, 4);
    return true;
  }
  const kLow = lowTailCount(count, lowP);
  const kHigh = highTailCount(count, highP);
  if (kLow > MAX_TAIL || kHigh > MAX_TAIL) return false;
  const counted = !Number.isNaN(c);
  const guess = guessBounds(pre, length, count, kLow, kHigh, lowP, highP, sd);
  if (guess !== undefined) {
    collect(pre, length, count, counted ? c : 0, guess.below, guess.above); // (the counts against a NaN c are not read)
    out[0] = counted ? pass.le : Number.NaN;
    out[1] = counted ? pass.ge : Number.NaN;
    // fewer than CAP each: the passes write every value at the next free slot, kept or not, and
    // past CAP − 1 the slot wraps to 0, so at CAP a later value would have overwritten the first
    if (pass.low >= kLow && pass.low < CAP && pass.high >= kHigh && pass.high < CAP) {
      const small = smallest(LOW, pass.low, kLow, guess.lowPivot);
      const large = largest(HIGH, pass.high, kHigh, guess.highPivot);
      out[2] = quantileFromTails(small, kLow, large, count, (count - 1) * lowP);
      out[3] = quantileFromTails(small, kLow, large, count, (count - 1) * highP);
      return true;
    }
    streamTails(pre, length, count, lowP, highP, Number.NaN);
  } else {
    // no guess: the one pass streams every sum through the tail keeper and counts against c
    streamTails(pre, length, count, lowP, highP, c);
    out[0] = counted ? pass.le : Number.NaN;
    out[1] = counted ? pass.ge : Number.NaN;
  }
  out[2] = tailKeeper.quantile(count, (count - 1) * lowP);
  out[3] = tailKeeper.quantile(count, (count - 1) * highP);
  return true;
}

/** Capacity of each candidate buffer. */
const CAP = 2 * MAX_TAIL;
/** The sums below the lower bound and above the upper bound, in the order met (the first {@link CAP}). */
const LOW = new Float64Array(CAP);
const HIGH = new Float64Array(CAP);
/** What {@link collect} found: the counts against c and how many sums lay beyond each bound. */
const pass = { le: 0, ge: 0, low: 0, high: 0 };

/** One pass over the sums: counts against c, and the sums below `below` and above `above` into the candidate buffers. */
function collect(pre: RunSumPrefix, length: number, count: number, c: number, below: number, above: number): void {
  if (length === 1) {
    collectValues(pre.e, count, c, below, above); // the sums are the values themselves
    return;
  }
  // the sums judged by their leading prefix difference first, where that can be done
  if (screenRunSums(pre, length, count, c, below, above, LOW, HIGH, pass)) return;
  let le = 0;
  let ge = 0;
  let low = 0;
  let high = 0;
  for (let j = 0; j < count; j++) {
    const v = runSumAt(pre, j, length);
    // branch-free counts (+boolean): the comparisons are as unpredictable as coin flips
    le += +(v <= c);
    ge += +(v >= c);
    if (v < below) LOW[low++ & (CAP - 1)] = v; // past CAP the buffer wraps: the count alone says it overflowed
    if (v > above) HIGH[high++ & (CAP - 1)] = v;
  }
  pass.le = le;
  pass.ge = ge;
  pass.low = low;
  pass.high = high;
}

/** {@link collect} for runs of one value: the first `count` values of `e`. */
function collectValues(e: Float64Array, count: number, c: number, below: number, above: number): void {
  const lows = LOW; // locals: module constants are context loads in a bundle (see runSumScreen.ts)
  const highs = HIGH;
  let le = 0;
  let ge = 0;
  let low = 0;
  let high = 0;
  for (let j = 0; j < count; j++) {
    const v = e[j]!;
    le += +(v <= c);
    ge += +(v >= c);
    // branch-free too: each value written, kept (its slot passed) only beyond its bound
    lows[low & (CAP - 1)] = v;
    low += +(v < below);
    highs[high & (CAP - 1)] = v;
    high += +(v > above);
  }
  pass.le = le;
  pass.ge = ge;
  pass.low = low;
  pass.high = high;
}

/**
 * The k smallest of the n ≥ k candidates in `a`, ascending at the start of the array returned
 * (`a` or {@link NARROW_LOW}), in the order a stable sort would put them (see {@link smallestFirst}).
 * The candidates below `pivot` (a guess of where about 1.5·k of them lie) are copied out first,
 * in the order met: when k or more are, the k smallest are among them, and only those few are
 * ordered (a guess too high or too low, or `NaN`, costs time, never the numbers).
 */
function smallest(a: Float64Array, n: number, k: number, pivot: number): Float64Array {
  const narrow = NARROW_LOW; // a local (see collectValues)
  let kept = 0;
  for (let i = 0; i < n; i++) {
    // branch-free: each value written, kept (its slot passed) only below the pivot
    const v = a[i]!;
    narrow[kept] = v;
    kept += +(v < pivot);
  }
  const from = kept >= k ? narrow : a;
  smallestFirst(from, kept >= k ? kept : n, k);
  return from;
}

/** {@link smallest} for the k largest, descending, with the candidates above `pivot` copied out. */
function largest(a: Float64Array, n: number, k: number, pivot: number): Float64Array {
  const narrow = NARROW_HIGH;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    narrow[kept] = v;
    kept += +(v > pivot);
  }
  const from = kept >= k ? narrow : a;
  largestFirst(from, kept >= k ? kept : n, k);
  return from;
}

/** The candidates below the low pivot and above the high pivot. */
const NARROW_LOW = new Float64Array(CAP);
const NARROW_HIGH = new Float64Array(CAP);

/**
 * Puts the k smallest of a[0 … n) (n ≥ k) at a[0 … k), ascending, in the order a stable sort
 * would (equal values in the order met, as the tail keeper keeps them); the rest is left as it
 * falls. The first k are sorted by insertion; each later value below the k-th smallest so far
 * is inserted, and that one dropped.
 */
function smallestFirst(a: Float64Array, n: number, k: number): void {
  for (let i = 1; i < k; i++) {
    const v = a[i]!;
    let j = i;
    while (j > 0 && a[j - 1]! > v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
  }
  let top = a[k - 1]!;
  for (let i = k; i < n; i++) {
    const v = a[i]!;
    if (!(v < top)) continue; // not among the k smallest so far
    let j = k - 1;
    while (j > 0 && a[j - 1]! > v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
    top = a[k - 1]!;
  }
}

/** {@link smallestFirst} for the k largest, descending. */
function largestFirst(a: Float64Array, n: number, k: number): void {
  for (let i = 1; i < k; i++) {
    const v = a[i]!;
    let j = i;
    while (j > 0 && a[j - 1]! < v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
  }
  let top = a[k - 1]!;
  for (let i = k; i < n; i++) {
    const v = a[i]!;
    if (!(v > top)) continue;
    let j = k - 1;
    while (j > 0 && a[j - 1]! < v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
    top = a[k - 1]!;
  }
}

/** Streams every sum through the tail keeper; with a number c (not `NaN`), also counts the sums against it into {@link pass}. */
function streamTails(pre: RunSumPrefix, length: number, count: number, lowP: number, highP: number, c: number): void {
  const tails = tailKeeper;
  tails.start(count, lowP, highP);
  let le = 0;
  let ge = 0;
  for (let j = 0; j < count; j++) {
    const v = runSumAt(pre, j, length);
    le += +(v <= c);
    ge += +(v >= c);
    if (v < tails.smallTop || v > tails.largeTop) tails.add(v);
  }
  if (Number.isNaN(c)) return;
  pass.le = le;
  pass.ge = ge;
}

/**
 * Where about three times the needed number of sums would lie beyond (the bounds of the
 * candidates), and about one and a half times (the pivots that narrow them down), were the
 * sums normal with mean L·ē and standard deviation √L·sd; undefined without a usable `sd` or
 * when the tails hold so large a share of the sums that a guess saves nothing.
 */
function guessBounds(
  pre: RunSumPrefix,
  length: number,
  count: number,
  kLow: number,
  kHigh: number,
  lowP: number,
  highP: number,
  sd: number,
): Guess | undefined {
  const qLow = (3 * kLow) / count;
  const qHigh = (3 * kHigh) / count;
  if (!(sd > 0 && Number.isFinite(sd)) || qLow >= 0.25 || qHigh >= 0.25) return undefined;
  const centre = (length * pre.hi[pre.n]!) / pre.n;
  const scale = Math.sqrt(length) * sd;
  if (lowP !== zLowP || highP !== zHighP || zTable === undefined) {
    zTable ??= new Float64Array(4 * Z_COUNTS);
    zTable.fill(Number.NaN);
    zLowP = lowP;
    zHighP = highP;
  }
  const z = count < Z_COUNTS ? zTable : zScratch;
  const at = count < Z_COUNTS ? 4 * count : 0;
  if (Number.isNaN(z[at]!) || z === zScratch) {
    z[at] = normalQuantile(qLow);
    z[at + 1] = normalQuantile(qHigh);
    z[at + 2] = normalQuantile(qLow / 2);
    z[at + 3] = normalQuantile(qHigh / 2);
  }
  bounds.below = centre + z[at]! * scale;
  bounds.above = centre - z[at + 1]! * scale;
  bounds.lowPivot = centre + z[at + 2]! * scale;
  bounds.highPivot = centre - z[at + 3]! * scale;
  return Number.isFinite(bounds.below) && Number.isFinite(bounds.above) ? bounds : undefined;
}

/** What {@link guessBounds} guessed. */
interface Guess {
  below: number;
  above: number;
  lowPivot: number;
  highPivot: number;
}

const bounds: Guess = { below: 0, above: 0, lowPivot: 0, highPivot: 0 };

/**
 * The standard normal quantiles at qLow, qHigh, qLow/2 and qHigh/2 of `count` sums, four entries
 * a count (`NaN` until computed), for the tail probabilities `zLowP` and `zHighP`: the pairs of a
 * study have samples of many sizes (statements near one another take sessions out), each
 * with a few window lengths, and every size comes back again and again. Counts from
 * {@link Z_COUNTS} up are computed each time, into `zScratch`. Made on first use (128 KiB).
 */
const Z_COUNTS = 4096;
let zTable: Float64Array | undefined;
const zScratch = new Float64Array(4);
let zLowP = Number.NaN;
let zHighP = Number.NaN;
