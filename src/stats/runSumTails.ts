/**
 * What the SQ test reads from its null distribution, in one pass over the run sums of a prefix
 * and without storing them: how many sums lie at or below and at or above a point, and the
 * type-7 quantiles at two tail probabilities (from the few extreme sums, kept as they stream by).
 * @module
 */
import { tailKeeper } from "./quantile.js";
import { runSumAt, type RunSumPrefix } from "./runSums.js";

/**
 * Counts and tail quantiles of the n − L + 1 sums of `length` consecutive values of a prefix
 * without session indices, written to `out` as `[#sums ≤ c, #sums ≥ c, quantile(lowP),
 * quantile(highP)]` (counts `NaN` for a `NaN` c; quantiles `NaN` when there is no sum). The
 * numbers are exactly those of `runSums` followed by counting and `tailQuantiles7`.
 * @returns false, with `out` untouched, when the prefix has session indices or a tail needs
 *   more order statistics than the keeper holds (then build the sums with `runSums`).
 */
export function runSumCountsAndTails(pre: RunSumPrefix, length: number, c: number, lowP: number, highP: number, out: Float64Array): boolean {
  if (pre.idx !== undefined) return false;
  const count = Math.max(0, pre.n - length + 1);
  const tails = tailKeeper;
  if (count > 0 && !tails.start(count, lowP, highP)) return false;
  let le = 0;
  let ge = 0;
  for (let j = 0; j < count; j++) {
    const v = runSumAt(pre, j, length);
    // branch-free counts (+boolean): the comparisons are as unpredictable as coin flips
    le += +(v <= c);
    ge += +(v >= c);
    if (v < tails.smallTop || v > tails.largeTop) tails.add(v);
  }
  const counted = !Number.isNaN(c) && count > 0;
  out[0] = counted ? le : Number.NaN;
  out[1] = counted ? ge : Number.NaN;
  out[2] = count > 0 ? tails.quantile(count, (count - 1) * lowP) : Number.NaN;
  out[3] = count > 0 ? tails.quantile(count, (count - 1) * highP) : Number.NaN;
  return true;
}
