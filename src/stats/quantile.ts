/**
 * Sample quantiles of R's type 7 (`quantile(x, type = 7)`): of sorted data by interpolation, of
 * unsorted data by selection (quickselect) or, for tail probabilities, by one pass that keeps the
 * few extreme order statistics; and counts of sorted values at or below a point.
 * @module
 */

/** Number of sorted values ≤ x (upper bound). */
export function countAtOrBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted values < x (lower bound). */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sample quantile of sorted data, R's type 7: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p. */
// Hand-written: simple-statistics has no type-7 (R's default) quantile, and the SQ test calls this in its inner loop.
export function quantile7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** Rearranges a so that a[k] is the k-th smallest, smaller values before it and larger after (Hoare selection, median-of-three pivot). */
export function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    // (temporaries rather than destructuring swaps: no array allocation in the hot loop)
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Largest number of extreme order statistics kept by {@link tailQuantiles7} before it falls back to selection. */
export const MAX_TAIL = 32;

/**
 * The few smallest and largest values of a stream, in small sorted buffers: `start`, then `add`
 * each value below `smallTop` or above `largeTop` (the others would change nothing), then read type-7 quantiles whose order
 * statistics lie within the kept tails. One instance is module scratch (see {@link tailKeeper}).
 */
export class TailKeeper {
  private readonly small = new Float64Array(MAX_TAIL); // ascending, first kLow used
  private readonly large = new Float64Array(MAX_TAIL); // descending, first kHigh used
  private kLow = 0;
  private kHigh = 0;
  /** small[kLow − 1]: a value below it is kept. */
  smallTop = Number.POSITIVE_INFINITY;
  /** large[kHigh − 1]: a value above it is kept. */
  largeTop = Number.NEGATIVE_INFINITY;

  /**
   * Starts a stream of n values whose type-7 quantiles at `lowP` and `highP` are wanted: keeps
   * the order statistics 0 … ⌊h⌋+1 from the bottom and ⌊h⌋ … n−1 from the top. False (and
   * nothing started) when either tail needs more than {@link MAX_TAIL} (selection is then the
   * faster way).
   */
  start(n: number, lowP: number, highP: number): boolean {
    const kLow = lowTailCount(n, lowP);
    const kHigh = highTailCount(n, highP);
    if (kLow > MAX_TAIL || kHigh > MAX_TAIL) return false;
    this.kLow = kLow;
    this.kHigh = kHigh;
    this.small.fill(Number.POSITIVE_INFINITY, 0, kLow);
    this.large.fill(Number.NEGATIVE_INFINITY, 0, kHigh);
    this.smallTop = Number.POSITIVE_INFINITY;
    this.largeTop = Number.NEGATIVE_INFINITY;
    return true;
  }

  /** Takes `v` into the tails it belongs to (a `NaN` into none). */
  add(v: number): void {
    if (v < this.smallTop) {
      const small = this.small;
      let j = this.kLow - 1;
      while (j > 0 && small[j - 1]! > v) {
        small[j] = small[j - 1]!;
        j--;
      }
      small[j] = v;
      this.smallTop = small[this.kLow - 1]!;
    }
    if (v > this.largeTop) {
      const large = this.large;
      let j = this.kHigh - 1;
      while (j > 0 && large[j - 1]! < v) {
        large[j] = large[j - 1]!;
        j--;
      }
      large[j] = v;
      this.largeTop = large[this.kHigh - 1]!;
    }
  }

  /** Type-7 interpolation at h = (n − 1)p between the order statistics ⌊h⌋ and ⌊h⌋ + 1 of the n values streamed. */
  quantile(n: number, h: number): number {
    return quantileFromTails(this.small, this.kLow, this.large, n, h);
  }
}

/**
 * Type-7 interpolation at h between the order statistics ⌊h⌋ and ⌊h⌋ + 1 of n values of which
 * only the extremes are known: the `kSmall` smallest in `small` (ascending) and the largest in
 * `large` (descending), enough of each for the order statistics read.
 */
export function quantileFromTails(small: Float64Array, kSmall: number, large: Float64Array, n: number, h: number): number {
  const lo = Math.floor(h);
  const x = orderStatistic(small, kSmall, large, n, lo);
  if (h === lo || lo + 1 >= n) return x;
  return x + (h - lo) * (orderStatistic(small, kSmall, large, n, lo + 1) - x);
}

/** Order statistic `index` (0-based, ascending) of n values from their kept extremes. */
function orderStatistic(small: Float64Array, kSmall: number, large: Float64Array, n: number, index: number): number {
  return index < kSmall ? small[index]! : large[n - 1 - index]!;
}

/** How many of n values, from the smallest, the type-7 quantile at `p` reads: order statistics 0 … ⌊h⌋+1, h = (n − 1)p. */
export function lowTailCount(n: number, p: number): number {
  return Math.min(n, Math.floor((n - 1) * p) + 2);
}

/** How many of n values, from the largest, the type-7 quantile at `p` reads: order statistics ⌊h⌋ … n−1, h = (n − 1)p. */
export function highTailCount(n: number, p: number): number {
  return Math.min(n, n - Math.floor((n - 1) * p));
}

/** The module's tail keeper: a caller streams one set of values at a time and calls nothing that could re-enter it meanwhile. */
export const tailKeeper = new TailKeeper();

/**
 * Type-7 quantiles at a low and a high probability of unsorted data, exactly as sorting would
 * give them. For tail probabilities (the SQ test's 2.5% and 97.5%) one pass keeps the few
 * smallest and largest values in small sorted buffers — O(n) with a tiny constant, and the
 * data is not modified; otherwise it falls back to quickselect.
 */
export function tailQuantiles7(a: Float64Array, lowP: number, highP: number): [number, number] {
  const n = a.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const tails = tailKeeper;
  if (!tails.start(n, lowP, highP)) return [selectQuantile7(a, lowP), selectQuantile7(a, highP)];
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (v < tails.smallTop || v > tails.largeTop) tails.add(v);
  }
  return [tails.quantile(n, (n - 1) * lowP), tails.quantile(n, (n - 1) * highP)];
}

/** {@link quantile7} of unsorted data by selection (reorders `a`; same value as sorting first). */
export function selectQuantile7(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = selectInPlace(a, lo);
  if (h === lo || lo + 1 >= n) return x;
  let y = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (a[i]! < y) y = a[i]!;
  return x + (h - lo) * (y - x);
}
