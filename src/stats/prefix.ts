/**
 * O(1) market-model fits over arbitrary index windows from shifted, compensated prefix sums.
 *
 * @packageDocumentation
 */

import type { SimpleRegressionResult } from "./regression.js";
import { neumaierError } from "./summary.js";
import { checkNumbers } from "../check.js";

/**
 * Prefix sums of a pair of aligned series (see {@link prefixSums}). Every array has length
 * `length + 1`; entry `i` covers indices `0 … i−1`. Sums are of the SHIFTED values
 * `x' = x − xRef`, `y' = y − yRef` and are stored as unevaluated pairs `hi + lo`
 * (Neumaier compensation), so window differences keep their accuracy on long series.
 */
export interface MarketModelPrefix {
  /** Length of the input series. */
  readonly length: number;
  /** Shift subtracted from `x` (mean of `x` over the complete cases). */
  readonly xRef: number;
  /** Shift subtracted from `y` (mean of `y` over the complete cases). */
  readonly yRef: number;
  /** Number of complete cases (both values finite) in `0 … i−1`. */
  readonly count: Int32Array;
  readonly sx: Float64Array;
  readonly sxLo: Float64Array;
  readonly sy: Float64Array;
  readonly syLo: Float64Array;
  readonly sxx: Float64Array;
  readonly sxxLo: Float64Array;
  readonly sxy: Float64Array;
  readonly sxyLo: Float64Array;
  readonly syy: Float64Array;
  readonly syyLo: Float64Array;
}

/**
 * Builds per-series prefix sums of `x`, `y`, `x²`, `xy`, `y²` (and a count) so that the
 * market model over any index window is an O(1) computation ({@link marketModelFromPrefix}).
 *
 * ## Method
 * Missing data: only COMPLETE CASES enter — index `i` contributes when both `x[i]` and `y[i]`
 * are finite; other indices contribute nothing and are not counted. Shift: the complete-case
 * means `xRef`, `yRef` are subtracted before accumulating, because moments from raw sums
 * (`Σx² − (Σx)²/n`) cancel catastrophically when `|x̄| ≫ sd(x)` (prices, or returns over long
 * windows). Compensation: each running sum is kept as a Neumaier pair `hi + lo`, so a window
 * sum `(hi[b] − hi[a]) + (lo[b] − lo[a])` is accurate relative to the window's own terms, not
 * to the whole series' partial sums. Cost O(N) time, 11 arrays of N+1 entries.
 *
 * ## References
 * - Chan, T. F., Golub, G. H. & LeVeque, R. J. (1983). Algorithms for computing the sample
 *   variance: analysis and recommendations. The American Statistician 37(3), 242–247
 *   (shifted data).
 * - Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 *   Summen. ZAMM 54, 39–51.
 *
 * @param x - Regressor series (market returns), length N.
 * @param y - Response series (security returns), same length N (extra entries are ignored).
 * @returns The prefix structure.
 * @example
 * ```ts
 * const p = prefixSums(new Float64Array([0.01, -0.02, 0.005]), new Float64Array([0.012, -0.018, 0.004]));
 * marketModelFromPrefix(p, 0, 2).n; // => 3
 * ```
 */
export function prefixSums(x: ArrayLike<number>, y: ArrayLike<number>): MarketModelPrefix {
  checkNumbers("prefixSums", "x", x);
  const len = Math.min(x.length, y.length);
  // complete-case means (compensated) as the shift
  let sx = 0;
  let cx = 0;
  let sy = 0;
  let cy = 0;
  let m = 0;
  for (let i = 0; i < len; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    let t = sx + u;
    cx += neumaierError(sx, u, t);
    sx = t;
    t = sy + v;
    cy += neumaierError(sy, v, t);
    sy = t;
    m++;
  }
  const xRef = m > 0 ? (sx + cx) / m : 0;
  const yRef = m > 0 ? (sy + cy) / m : 0;
  const size = len + 1;
  const count = new Int32Array(size);
  const hi = [0, 1, 2, 3, 4].map(() => new Float64Array(size));
  const lo = [0, 1, 2, 3, 4].map(() => new Float64Array(size));
  const [hx, hy, hxx, hxy, hyy] = hi as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [lx, ly, lxx, lxy, lyy] = lo as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const s = new Float64Array(5);
  const c = new Float64Array(5);
  const v = new Float64Array(5);
  let k = 0;
  for (let i = 0; i < len; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      const u = a - xRef;
      const w = b - yRef;
      v[0] = u;
      v[1] = w;
      v[2] = u * u;
      v[3] = u * w;
      v[4] = w * w;
      for (let j = 0; j < 5; j++) {
        const sj = s[j]!;
        const vj = v[j]!;
        const t = sj + vj;
        c[j] = c[j]! + neumaierError(sj, vj, t);
        s[j] = t;
      }
      k++;
    }
    count[i + 1] = k;
    hx[i + 1] = s[0]!;
    hy[i + 1] = s[1]!;
    hxx[i + 1] = s[2]!;
    hxy[i + 1] = s[3]!;
    hyy[i + 1] = s[4]!;
    lx[i + 1] = c[0]!;
    ly[i + 1] = c[1]!;
    lxx[i + 1] = c[2]!;
    lxy[i + 1] = c[3]!;
    lyy[i + 1] = c[4]!;
  }
  return {
    length: len,
    xRef,
    yRef,
    count,
    sx: hx,
    sxLo: lx,
    sy: hy,
    syLo: ly,
    sxx: hxx,
    sxxLo: lxx,
    sxy: hxy,
    sxyLo: lxy,
    syy: hyy,
    syyLo: lyy,
  };
}

function windowSum(hi: Float64Array, lo: Float64Array, a: number, b: number): number {
  return hi[b]! - hi[a]! + (lo[b]! - lo[a]!);
}

const EPS = 2.220446049250313e-16;

/**
 * Creates a result object with every field `NaN` (`n = 0`), for reuse as the `out` argument
 * of {@link marketModelFromPrefix} in loops over many windows.
 *
 * @returns A fresh, empty result.
 * @example
 * ```ts
 * const p = prefixSums(new Float64Array([0, 1, 2, 3, 4]), new Float64Array([1, 3, 5, 7, 10]));
 * const out = emptyRegressionResult(); // one object, overwritten by every window below
 * [0, 1, 2].map((i0) => marketModelFromPrefix(p, i0, i0 + 2, out).beta); // => [2.0, 2.0, 2.5]
 * ```
 */
export function emptyRegressionResult(): SimpleRegressionResult {
  return {
    alpha: Number.NaN,
    beta: Number.NaN,
    sigma2: Number.NaN,
    rss: Number.NaN,
    n: 0,
    df: -2,
    xMean: Number.NaN,
    yMean: Number.NaN,
    sxx: Number.NaN,
    sxy: Number.NaN,
    syy: Number.NaN,
    r2: Number.NaN,
  };
}

/**
 * Market model `y = α + βx + ε` over the index window `[i0, i1]` (inclusive) in O(1) from
 * {@link prefixSums}.
 *
 * ## Method
 * With `n` complete cases in the window and window sums `S'x, S'y, S'xx, S'xy, S'yy` of the
 * shifted values: `Sxx = S'xx − S'x²/n`, `Sxy = S'xy − S'x S'y/n`, `Syy = S'yy − S'y²/n`;
 * `β = Sxy/Sxx`, `α = ȳ − βx̄`, `rss = max(0, Syy − β·Sxy)`, `σ² = rss/(n − 2)`,
 * `R² = 1 − rss/Syy`. Identical in exact arithmetic to {@link simpleRegression} on the
 * window's complete cases.
 *
 * Accuracy: the remaining cancellation is `S'xx` vs `S'x²/n`, i.e. the square of
 * (window mean − series mean)/sd, small for returns; window sums are compensated. On
 * return-like data (`|r| ~ 0.01`, series of up to a few thousand points) the results agree
 * with the centred two-pass closed form to about `1e-13` relative (property-tested at
 * `1e-10`). `rss` from `Syy − β·Sxy` loses relative accuracy when `R²` is close to 1.
 * A window whose `Sxx ≤ 16·n·ε·S'xx` (constant `x`) is degenerate: `β`, `α`, `σ²` are `NaN`.
 * Windows outside `[0, length)` or with `i1 < i0` give `n = 0` and `NaN` everywhere.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eqs. (5)–(8).
 * - Chan, T. F., Golub, G. H. & LeVeque, R. J. (1983). Algorithms for computing the sample
 *   variance: analysis and recommendations. The American Statistician 37(3), 242–247.
 *
 * @param prefix - Output of {@link prefixSums}.
 * @param i0 - First index of the window.
 * @param i1 - Last index of the window (inclusive).
 * @param out - Optional object to overwrite (avoids an allocation per window in loops).
 * @returns The fit (`out` when given).
 * @example
 * ```ts
 * const p = prefixSums(new Float64Array([0, 1, 2, 3]), new Float64Array([1, 3, 5, 7]));
 * marketModelFromPrefix(p, 0, 3).beta; // => 2
 * ```
 */
export function marketModelFromPrefix(
  prefix: MarketModelPrefix,
  i0: number,
  i1: number,
  out: SimpleRegressionResult = emptyRegressionResult(),
): SimpleRegressionResult {
  const a = i0;
  const b = i1 + 1;
  if (!(a >= 0 && b <= prefix.length && b > a) || !Number.isInteger(a) || !Number.isInteger(b)) {
    out.alpha = out.beta = out.sigma2 = out.rss = out.r2 = Number.NaN;
    out.xMean = out.yMean = out.sxx = out.sxy = out.syy = Number.NaN;
    out.n = 0;
    out.df = -2;
    return out;
  }
  const n = prefix.count[b]! - prefix.count[a]!;
  const Sx = windowSum(prefix.sx, prefix.sxLo, a, b);
  const Sy = windowSum(prefix.sy, prefix.syLo, a, b);
  const Sxx = windowSum(prefix.sxx, prefix.sxxLo, a, b);
  const Sxy = windowSum(prefix.sxy, prefix.sxyLo, a, b);
  const Syy = windowSum(prefix.syy, prefix.syyLo, a, b);
  const mx = Sx / n;
  const my = Sy / n;
  const sxx = Sxx - Sx * mx;
  const sxy = Sxy - Sx * my;
  const syy = Syy - Sy * my;
  const degenerate = !(n >= 2 && sxx > 16 * n * EPS * Sxx);
  const beta = degenerate ? Number.NaN : sxy / sxx;
  const xMean = mx + prefix.xRef;
  const yMean = my + prefix.yRef;
  const rss = degenerate ? Number.NaN : Math.max(0, syy - beta * sxy);
  out.n = n;
  out.df = n - 2;
  out.beta = beta;
  out.alpha = yMean - beta * xMean;
  out.rss = rss;
  out.sigma2 = n > 2 ? rss / (n - 2) : Number.NaN;
  out.xMean = n > 0 ? xMean : Number.NaN;
  out.yMean = n > 0 ? yMean : Number.NaN;
  out.sxx = n > 0 ? sxx : Number.NaN;
  out.sxy = n > 0 ? sxy : Number.NaN;
  out.syy = n > 0 ? syy : Number.NaN;
  out.r2 = syy > 0 ? 1 - rss / syy : Number.NaN;
  return out;
}
