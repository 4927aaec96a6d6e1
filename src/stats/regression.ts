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
  if (centredScratch.length < n) centredScratch = new Float64Array(Math.max(n, 2 * centredScratch.length));
  const u = centredScratch;
  const { mean, sxx } = centreRegressor(x, n, u);
  return regressOnCentred(y, n, u, mean, sxx, residuals);
}

/** The centred regressor of {@link simpleRegressionOf} (module scratch, read within the call). */
let centredScratch = new Float64Array(256);

/** The regressor's side of a fit: its mean and `Sxx`, the centred values in `u`. */
export interface CentredRegressor {
  readonly mean: number;
  readonly sxx: number;
}

/**
 * The regressor's side of {@link simpleRegressionOf}: `x̄` by a compensated sum with a
 * second-pass correction, the centred values `uᵢ = xᵢ − x̄` written into `u`, and `Sxx = Σuᵢ²`
 * compensated, over the first n values (a length, not a view: a view is an object per fit). It
 * depends on x alone, so a fit of many responses on one regressor (the assets of a study on the
 * market, over one estimation sample) can compute it once and pass it to {@link regressOnCentred}
 * for each: the same operations in the same order as one fit, so the same bits.
 * @internal
 */
export function centreRegressor(x: ArrayLike<number>, n: number, u: Float64Array): CentredRegressor {
  let sx = 0;
  let cx = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    const t = sx + v;
    cx += neumaierError(sx, v, t);
    sx = t;
  }
  let mx = (sx + cx) / n;
  // second pass: correct the mean by the mean deviation
  let dx = 0;
  for (let i = 0; i < n; i++) dx += x[i]! - mx;
  mx += dx / n;
  let sxx = 0;
  let cxx = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]! - mx;
    u[i] = v;
    const vv = v * v;
    const t = sxx + vv;
    cxx += neumaierError(sxx, vv, t);
    sxx = t;
  }
  return { mean: mx, sxx: sxx + cxx };
}

/**
 * The response's side of {@link simpleRegressionOf} on a regressor centred by
 * {@link centreRegressor} (`u`, with mean `mx` and `sxx`): `ȳ` as `x̄` is made, `Sxy`, `Syy`,
 * the slope and intercept, and the residuals (into `residuals` when given) with their sum of
 * squares, over the first n entries.
 * @internal
 */
export function regressOnCentred(
  y: ArrayLike<number>,
  n: number,
  u: Float64Array,
  mx: number,
  sxx: number,
  residuals: Float64Array | undefined,
): SimpleRegressionFit {
  let sy = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    const t = sy + v;
    cy += neumaierError(sy, v, t);
    sy = t;
  }
  let my = (sy + cy) / n;
  let dy = 0;
  for (let i = 0; i < n; i++) dy += y[i]! - my;
  my += dy / n;
  let sxy = 0;
  let cxy = 0;
  let syy = 0;
  let cyy = 0;
  for (let i = 0; i < n; i++) {
    const w = u[i]!;
    const v = y[i]! - my;
    const uv = w * v;
    const vv = v * v;
    let t = sxy + uv;
    cxy += neumaierError(sxy, uv, t);
    sxy = t;
    t = syy + vv;
    cyy += neumaierError(syy, vv, t);
    syy = t;
  }
  sxy += cxy;
  syy += cyy;
  const beta = n >= 2 && sxx > 0 ? sxy / sxx : Number.NaN;
  const alpha = my - beta * mx;
  let rs = 0;
  let rc = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - my - beta * u[i]!;
    if (residuals !== undefined) residuals[i] = e;
    const ee = e * e;
    const t = rs + ee;
    rc += neumaierError(rs, ee, t);
    rs = t;
  }
  const rss = rs + rc;
  const df = n - 2;
  // filled entry by entry (from an array literal, each fit also made and dropped a JavaScript array)
  const covUnscaled = new Float64Array(4);
  const noSlope = Number.isNaN(beta);
  covUnscaled[0] = noSlope ? Number.NaN : 1 / n + (mx * mx) / sxx;
  covUnscaled[1] = covUnscaled[2] = noSlope ? Number.NaN : -mx / sxx;
  covUnscaled[3] = noSlope ? Number.NaN : 1 / sxx;
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
