/**
 * Simple linear regression `y = α + βx + ε` in closed form on centred data.
 *
 * @packageDocumentation
 */
import { neumaierError } from "./summary.js";
import { checkNumbers } from "../check.js";

/** Result of {@link simpleRegression} and {@link marketModelFromPrefix}. */
export interface SimpleRegressionResult {
  /** Intercept `α = ȳ − βx̄`. */
  alpha: number;
  /** Slope `β = Sxy / Sxx`. */
  beta: number;
  /** Residual variance `rss / (n − 2)`; `NaN` when `n ≤ 2`. */
  sigma2: number;
  /** Residual sum of squares. */
  rss: number;
  /** Number of observations used. */
  n: number;
  /** Residual degrees of freedom `n − 2`. */
  df: number;
  /** Mean of `x`. */
  xMean: number;
  /** Mean of `y`. */
  yMean: number;
  /** `Σ(x − x̄)²`. */
  sxx: number;
  /** `Σ(x − x̄)(y − ȳ)`. */
  sxy: number;
  /** `Σ(y − ȳ)²`. */
  syy: number;
  /** `R² = 1 − rss/Syy` (`NaN` when `Syy = 0`). */
  r2: number;
}

/** {@link SimpleRegressionResult} plus `(XᵀX)⁻¹` for the design `[1, x]`. */
export interface SimpleRegressionFit extends SimpleRegressionResult {
  /**
   * `(XᵀX)⁻¹` for `X = [1, x]`, 2×2 row-major: `[1/n + x̄²/Sxx, −x̄/Sxx, −x̄/Sxx, 1/Sxx]`.
   */
  covUnscaled: Float64Array;
}

/**
 * Least-squares line `y = α + βx` from the closed form on centred data (the market model
 * of an event study).
 *
 * ## Method
 * `x̄`, `ȳ` by compensated sums (with a second-pass correction), then
 * `Sxx = Σ(xᵢ − x̄)²`, `Sxy = Σ(xᵢ − x̄)(yᵢ − ȳ)`, `Syy = Σ(yᵢ − ȳ)²`;
 * `β = Sxy/Sxx`, `α = ȳ − βx̄`; residuals `eᵢ = (yᵢ − ȳ) − β(xᵢ − x̄)`, `rss = Σeᵢ²`,
 * `σ² = rss/(n − 2)` (the unbiased OLS estimator, as in R's `lm`). `(XᵀX)⁻¹` of `[1, x]` is
 * `[[1/n + x̄²/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/Sxx]]`. Raw-sum formulas such as
 * `(nΣxy − ΣxΣy)/(nΣx² − (Σx)²)` are never used (they cancel catastrophically on
 * price-level data). Uses the first `min(len(x), len(y))` pairs; `NaN` inputs propagate;
 * `n < 2` or constant `x` give `NaN` slope.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eqs. (5)–(8).
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.
 *
 * @param y - Response, e.g. security returns.
 * @param x - Regressor, e.g. market returns.
 * @returns The fit.
 * @example
 * ```ts
 * const fit = simpleRegression([1, 3, 5, 8], [0, 1, 2, 3]);
 * fit.beta;  // => 2.3
 * fit.alpha; // => 0.8000000000000003 (≈ 0.8)
 * ```
 */
export function simpleRegression(y: ArrayLike<number>, x: ArrayLike<number>): SimpleRegressionFit {
  checkNumbers("simpleRegression", "y", y);
  return simpleRegressionOf(y, x, undefined);
}

/**
 * {@link simpleRegression} without the argument check, writing the residuals
 * `(yᵢ − ȳ) − β(xᵢ − x̄)` into `residuals` (at least n entries) as it sums their squares: the
 * market model's fit, which needs them, then makes no pass of its own.
 * @internal
 */
export function simpleRegressionOf(y: ArrayLike<number>, x: ArrayLike<number>, residuals: Float64Array | undefined): SimpleRegressionFit {
  const n = Math.min(x.length, y.length);
  let sx = 0;
  let cx = 0;
  let sy = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    const u = x[i]!;
    const v = y[i]!;
    let t = sx + u;
    cx += neumaierError(sx, u, t);
    sx = t;
    t = sy + v;
    cy += neumaierError(sy, v, t);
    sy = t;
  }
  let mx = (sx + cx) / n;
  let my = (sy + cy) / n;
  // second pass: correct the means by the mean deviation
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    dx += x[i]! - mx;
    dy += y[i]! - my;
  }
  mx += dx / n;
  my += dy / n;
  let sxx = 0;
  let cxx = 0;
  let sxy = 0;
  let cxy = 0;
  let syy = 0;
  let cyy = 0;
  for (let i = 0; i < n; i++) {
    const u = x[i]! - mx;
    const v = y[i]! - my;
    const uu = u * u;
    const uv = u * v;
    const vv = v * v;
    let t = sxx + uu;
    cxx += neumaierError(sxx, uu, t);
    sxx = t;
    t = sxy + uv;
    cxy += neumaierError(sxy, uv, t);
    sxy = t;
    t = syy + vv;
    cyy += neumaierError(syy, vv, t);
    syy = t;
  }
  sxx += cxx;
  sxy += cxy;
  syy += cyy;
  const beta = n >= 2 && sxx > 0 ? sxy / sxx : Number.NaN;
  const alpha = my - beta * mx;
  let rs = 0;
  let rc = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - my - beta * (x[i]! - mx);
    if (residuals !== undefined) residuals[i] = e;
    const ee = e * e;
    const t = rs + ee;
    rc += neumaierError(rs, ee, t);
    rs = t;
  }
  const rss = rs + rc;
  const df = n - 2;
  const covUnscaled = new Float64Array([1 / n + (mx * mx) / sxx, -mx / sxx, -mx / sxx, 1 / sxx]);
  if (Number.isNaN(beta)) covUnscaled.fill(Number.NaN);
  return {
    alpha,
    beta,
    sigma2: df > 0 ? rss / df : Number.NaN,
    rss,
    n,
    df,
    xMean: mx,
    yMean: my,
    sxx,
    sxy,
    syy,
    r2: syy > 0 ? 1 - rss / syy : Number.NaN,
    covUnscaled,
  };
}
