/**
 * Compensated summation and the first two moments.
 *
 * Kernels: inputs are `ArrayLike<number>` (typically `Float64Array`), nothing is validated,
 * nothing throws, and undefined results are `NaN`. `NaN` inputs propagate.
 *
 * @packageDocumentation
 */
import { mean as ssMean, sum as ssSum } from "simple-statistics";
import { checkNumbers } from "../check.js";

/**
 * Sum of the values with Neumaier's compensated (Kahan–Babuška) summation.
 *
 * ## Method
 * A running sum `s` and a running compensation `c` are kept. For each term `v`,
 * `t = s + v`; the rounding error of that addition is recovered exactly as
 * `(s − t) + v` when `|s| ≥ |v|` and `(v − t) + s` otherwise, and added to `c`.
 * The result is `s + c`. The error bound is `ε|S| + O(nε²)·Σ|xᵢ|`, independent of
 * the order of magnitude of the partial sums (naive summation: `O(nε)·Σ|xᵢ|`).
 * The empty sum is `0`.
 *
 * ## References
 * - Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 *   Summen. ZAMM 54, 39–51.
 * - Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.3.
 *
 * @param x - Values to add.
 * @returns The compensated sum (`NaN` if any value is `NaN`).
 * @example
 * ```ts
 * sum([1, 1e100, 1, -1e100]); // => 2 (naive left-to-right summation gives 0)
 * ```
 */
export function sum(x: ArrayLike<number>): number {
  // simple-statistics' sum is this very algorithm (same order of operations, same result bit
  // for bit); it reads typed arrays by index like plain arrays.
  return ssSum(x as readonly number[] as number[]);
}

/**
 * The exact rounding error of the addition `t = s + v` (for t the rounded sum `s + v`): the
 * number that Neumaier's (1974) step computes as `(s − t) + v` when `|s| ≥ |v|`, else
 * `(v − t) + s`. The one building block of every compensated sum in the library: keep a running
 * compensation `c += neumaierError(s, v, s + v)` and return `s + c`.
 *
 * ## Method
 * Computed without a branch by Knuth's TwoSum (b′ = t − s, error = (s − (t − b′)) + (v − b′)).
 * The rounding error of a sum is one exact number, so both forms give it bit for bit; the
 * branch on |s| ≥ |v| is a coin flip when the terms change sign (returns, residuals), and its
 * mispredictions cost more than TwoSum's four extra operations.
 *
 * @example
 * neumaierError(1e16, 1, 1e16 + 1); // => 1 (the 1 lost by the addition)
 */
export function neumaierError(s: number, v: number, t: number): number {
  const bb = t - s;
  return s - (t - bb) + (v - bb);
}

/**
 * Arithmetic mean, using the compensated {@link sum}.
 *
 * ## Method
 * `mean = sum(x) / n`; `NaN` for an empty input.
 *
 * ## References
 * - Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.3.
 *
 * @param x - Values.
 * @returns The mean, or `NaN` when `x` is empty.
 * @example
 * ```ts
 * mean([1, 2, 3, 4]); // => 2.5
 * ```
 */
export function mean(x: ArrayLike<number>): number {
  if (x.length === 0) return Number.NaN; // simple-statistics throws on an empty input
  return ssMean(x as readonly number[] as number[]);
}

/**
 * Variance with divisor `n − ddof` (default `ddof = 1`, the unbiased sample variance).
 *
 * ## Method
 * Corrected two-pass algorithm: `m = mean(x)`, then
 * `SS = Σ(xᵢ − m)² − (Σ(xᵢ − m))² / n`, both sums compensated; the second term removes
 * the first-order effect of the rounding error in `m`. Result `SS / (n − ddof)`, `NaN`
 * when `n − ddof ≤ 0`. `E[x²] − E[x]²` is never used (it cancels catastrophically).
 *
 * ## References
 * - Chan, T. F., Golub, G. H. & LeVeque, R. J. (1983). Algorithms for computing the sample
 *   variance: analysis and recommendations. The American Statistician 37(3), 242–247.
 * - Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.9.
 *
 * @param x - Values.
 * @param ddof - Delta degrees of freedom (`1` = sample variance, `0` = population variance).
 * @returns The variance, or `NaN` when `n − ddof ≤ 0`.
 * @example
 * ```ts
 * variance([1, 2, 3, 4]);    // => 1.6666666666666667
 * variance([1, 2, 3, 4], 0); // => 1.25
 * ```
 */
// variance and covariance stay hand-written: the corrected two-pass algorithm with compensated
// sums is more accurate than simple-statistics' plain two-pass sampleVariance/sampleCovariance.
export function variance(x: ArrayLike<number>, ddof = 1): number {
  checkNumbers("variance", "x", x);
  return covariance(x, x, ddof);
}

/**
 * Covariance of two equally long series with divisor `n − ddof` (default `ddof = 1`).
 *
 * ## Method
 * Corrected two-pass algorithm: means `x̄`, `ȳ` first, then
 * `S = Σ(xᵢ − x̄)(yᵢ − ȳ) − Σ(xᵢ − x̄)·Σ(yᵢ − ȳ) / n` with compensated sums, divided by
 * `n − ddof`. Only the first `min(len(x), len(y))` pairs are used; `NaN` when
 * `n − ddof ≤ 0`.
 *
 * ## References
 * - Chan, T. F., Golub, G. H. & LeVeque, R. J. (1983). Algorithms for computing the sample
 *   variance: analysis and recommendations. The American Statistician 37(3), 242–247.
 *
 * @param x - First series.
 * @param y - Second series.
 * @param ddof - Delta degrees of freedom.
 * @returns The covariance, or `NaN` when `n − ddof ≤ 0`.
 * @example
 * ```ts
 * covariance([1, 2, 3], [2, 4, 6]); // => 2
 * ```
 */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>, ddof = 1): number {
  checkNumbers("covariance", "x", x);
  checkNumbers("covariance", "y", y);
  const n = Math.min(x.length, y.length);
  if (n - ddof <= 0 || n === 0) return Number.NaN;
  let sx = 0;
  let cx = 0;
  let sy = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    const u = x[i]!;
    let t = sx + u;
    cx += neumaierError(sx, u, t);
    sx = t;
    const v = y[i]!;
    t = sy + v;
    cy += neumaierError(sy, v, t);
    sy = t;
  }
  const mx = (sx + cx) / n;
  const my = (sy + cy) / n;
  // second pass: Σ dx·dy, Σ dx, Σ dy (all compensated)
  let sp = 0;
  let cp = 0;
  let dxs = 0;
  let dxc = 0;
  let dys = 0;
  let dyc = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    const p = dx * dy;
    let t = sp + p;
    cp += neumaierError(sp, p, t);
    sp = t;
    t = dxs + dx;
    dxc += neumaierError(dxs, dx, t);
    dxs = t;
    t = dys + dy;
    dyc += neumaierError(dys, dy, t);
    dys = t;
  }
  const ss = sp + cp - ((dxs + dxc) * (dys + dyc)) / n;
  return ss / (n - ddof);
}
