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
const MAX_TAIL = 32;

/**
 * Type-7 quantiles at a low and a high probability of unsorted data, exactly as sorting would
 * give them. For tail probabilities (the SQ test's 2.5% and 97.5%) one pass keeps the few
 * smallest and largest values in small sorted buffers — O(n) with a tiny constant, and the
 * data is not modified; otherwise it falls back to quickselect.
 */
export function tailQuantiles7(a: Float64Array, lowP: number, highP: number): [number, number] {
  const n = a.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const hLow = (n - 1) * lowP;
  const hHigh = (n - 1) * highP;
  const kLow = Math.min(n, Math.floor(hLow) + 2); // order statistics 0 … ⌊h⌋+1 from the bottom
  const kHigh = Math.min(n, n - Math.floor(hHigh)); // order statistics ⌊h⌋ … n−1 from the top
  if (kLow > MAX_TAIL || kHigh > MAX_TAIL) return [selectQuantile7(a, lowP), selectQuantile7(a, highP)];
  // the buffers are module scratch: this function calls nothing that could re-enter it
  const small = SMALL; // ascending, first kLow used
  const large = LARGE; // descending, first kHigh used
  small.fill(Number.POSITIVE_INFINITY, 0, kLow);
  large.fill(Number.NEGATIVE_INFINITY, 0, kHigh);
  let smallTop = Number.POSITIVE_INFINITY; // small[kLow − 1]
  let largeTop = Number.NEGATIVE_INFINITY; // large[kHigh − 1]
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (v < smallTop) {
      let j = kLow - 1;
      while (j > 0 && small[j - 1]! > v) {
        small[j] = small[j - 1]!;
        j--;
      }
      small[j] = v;
      smallTop = small[kLow - 1]!;
    }
    if (v > largeTop) {
      let j = kHigh - 1;
      while (j > 0 && large[j - 1]! < v) {
        large[j] = large[j - 1]!;
        j--;
      }
      large[j] = v;
      largeTop = large[kHigh - 1]!;
    }
  }
  return [tailQuantile(small, kLow, large, n, hLow), tailQuantile(small, kLow, large, n, hHigh)];
}

const SMALL = new Float64Array(MAX_TAIL);
const LARGE = new Float64Array(MAX_TAIL);

/** Order statistic `index` (0-based, ascending) from the kept smallest (`kSmall` of them) and largest values. */
function orderStatistic(small: Float64Array, kSmall: number, large: Float64Array, n: number, index: number): number {
  return index < kSmall ? small[index]! : large[n - 1 - index]!;
}

/** Type-7 interpolation at h = (n − 1)p between the order statistics ⌊h⌋ and ⌊h⌋ + 1. */
function tailQuantile(small: Float64Array, kSmall: number, large: Float64Array, n: number, h: number): number {
  const lo = Math.floor(h);
  const x = orderStatistic(small, kSmall, large, n, lo);
  if (h === lo || lo + 1 >= n) return x;
  return x + (h - lo) * (orderStatistic(small, kSmall, large, n, lo + 1) - x);
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
