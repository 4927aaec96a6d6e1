/**
 * Heteroskedasticity- and autocorrelation-consistent (HAC) covariance of least-squares
 * coefficients: the Newey–West estimator with the Bartlett kernel. Domain-free kernels: no
 * checks, no throws (preconditions are documented); undefined math gives `NaN`.
 *
 * @packageDocumentation
 */
import { checkInteger, checkNumbers } from "../check.js";

/** Rules for the Newey–West truncation lag q. */
export type NeweyWestLagRule = "nw1994" | "cube-root";

/**
 * Truncation lag of the Newey–West estimator from the number of observations.
 *
 * ## Method
 * - `nw1994` (default): `q = ⌊4·(T/100)^{2/9}⌋`, the rule of thumb of Newey & West (1994)
 *   for the Bartlett kernel (e.g. T = 270 gives q = 4).
 * - `cube-root`: `q = ⌊0.75·T^{1/3}⌋` (Stock & Watson's textbook rule; T = 270 gives q = 4).
 * `T < 1` gives 0.
 *
 * ## References
 * - Newey, W. K. & West, K. D. (1994). Automatic lag selection in covariance matrix
 *   estimation. Review of Economic Studies 61(4), 631–653.
 * - Stock, J. H. & Watson, M. W. (2019). Introduction to Econometrics, 4th ed., §15.4.
 *
 * @param T - Number of observations.
 * @param rule - `nw1994` or `cube-root`.
 * @returns The lag q ≥ 0.
 * @example
 * ```ts
 * neweyWestLag(270, "nw1994");    // => 4
 * neweyWestLag(1000, "cube-root"); // => 7
 * ```
 */
export function neweyWestLag(T: number, rule: NeweyWestLagRule = "nw1994"): number {
  if (!(T >= 1)) return 0;
  const q = rule === "cube-root" ? 0.75 * Math.cbrt(T) : 4 * Math.pow(T / 100, 2 / 9);
  return Math.max(0, Math.floor(q));
}

/**
 * Bartlett kernel weights `w_l = 1 − l/(q + 1)` for `l = 0 … q`.
 *
 * ## Method
 * The triangular (Bartlett) kernel of Newey & West (1987), which keeps the HAC estimate
 * positive semi-definite.
 *
 * ## References
 * - Newey, W. K. & West, K. D. (1987). A simple, positive semi-definite, heteroskedasticity
 *   and autocorrelation consistent covariance matrix. Econometrica 55(3), 703–708.
 *
 * @param lag - Truncation lag q ≥ 0 (an integer).
 * @returns `q + 1` weights, `w_0 = 1`.
 * @example
 * ```ts
 * bartlettWeights(3); // => Float64Array [1, 0.75, 0.5, 0.25]
 * ```
 */
export function bartlettWeights(lag: number): Float64Array {
  checkInteger("bartlettWeights", "lag", lag, 0, 1e6);
  const w = new Float64Array(lag + 1);
  for (let l = 0; l <= lag; l++) w[l] = 1 - l / (lag + 1);
  return w;
}

/**
 * The Newey–West "meat" `S = Σ_t û_t² x_t x_tᵀ + Σ_{l=1}^{q} w_l Σ_{t>l} û_t û_{t−l}
 * (x_t x_{t−l}ᵀ + x_{t−l} x_tᵀ)` with Bartlett weights, as a `k×k` symmetric matrix.
 *
 * ## Method
 * With the scores `ψ_t = û_t x_t`, `Γ_l = Σ_{t=l}^{n−1} ψ_t ψ_{t−l}ᵀ` and
 * `S = Γ_0 + Σ_l w_l (Γ_l + Γ_lᵀ)`, `w_l = 1 − l/(q+1)`. Rows are taken in the order given
 * (the time order; gaps are not filled). Cost `O(n k² (q + 1))`. This is `n ×` the `meat` of
 * R's `sandwich::meatHAC` with Bartlett weights and no prewhitening.
 *
 * ## References
 * - Newey, W. K. & West, K. D. (1987). Econometrica 55(3), 703–708.
 * - Zeileis, A. (2004). Econometric computing with HC and HAC covariance matrix estimators.
 *   Journal of Statistical Software 11(10).
 *
 * @param X - Regressors, `n×k` column-major (`X[i + j·n]`).
 * @param residuals - Residuals `û` (length `n`).
 * @param n - Rows.
 * @param k - Columns.
 * @param lag - Truncation lag q (integer ≥ 0; lags ≥ n contribute nothing).
 * @returns `S`, `k×k` (symmetric, so row- and column-major coincide).
 * @example
 * ```ts
 * // one regressor of ones: S = Σ û² + 2·w₁·Σ û_t û_{t−1} = 6 + 2·0.5·(−1 − 2)
 * neweyWestMeat(new Float64Array([1, 1, 1]), new Float64Array([1, -1, 2]), 3, 1, 1); // => Float64Array [3]
 * ```
 */
export function neweyWestMeat(X: Float64Array, residuals: ArrayLike<number>, n: number, k: number, lag: number): Float64Array {
  checkNumbers("neweyWestMeat", "X", X);
  checkNumbers("neweyWestMeat", "residuals", residuals);
  const psi = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const o = j * n;
    for (let i = 0; i < n; i++) psi[o + i] = residuals[i]! * X[o + i]!;
  }
  const S = new Float64Array(k * k);
  const q = Math.min(lag, n - 1);
  for (let l = 0; l <= q; l++) {
    const w = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let a = 0; a < k; a++) {
      const oa = a * n;
      for (let b = 0; b < k; b++) {
        const ob = b * n;
        // Γ_l[a][b] = Σ_{t=l}^{n-1} ψ_t[a] ψ_{t-l}[b]
        let s = 0;
        for (let t = l; t < n; t++) s += psi[oa + t]! * psi[ob + t - l]!;
        if (l === 0) {
          S[a * k + b] = S[a * k + b]! + s;
        } else {
          S[a * k + b] = S[a * k + b]! + w * s;
          S[b * k + a] = S[b * k + a]! + w * s;
        }
      }
    }
  }
  // symmetrize exactly (Γ_0 is symmetric up to rounding)
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const v = 0.5 * (S[a * k + b]! + S[b * k + a]!);
      S[a * k + b] = v;
      S[b * k + a] = v;
    }
  }
  return S;
}

/** Options of {@link hacCovariance}. */
export interface HacOptions {
  /** Truncation lag q (integer ≥ 0). */
  readonly lag: number;
  /** Multiply by the small-sample factor `n/(n − k)`; default `false`. */
  readonly adjust?: boolean;
}

/**
 * Newey–West HAC covariance of OLS coefficients, `V̂ = (XᵀX)⁻¹ S (XᵀX)⁻¹`, optionally times
 * `n/(n − k)`.
 *
 * ## Method
 * `S` from {@link neweyWestMeat} (Bartlett weights `w_l = 1 − l/(q+1)`, no prewhitening);
 * `(XᵀX)⁻¹` is the `covUnscaled` of a QR fit (`olsQr`), so `XᵀX` is never inverted here.
 * With `adjust: true` the result is scaled by `n/(n − k)`. This equals
 * `sandwich::NeweyWest(fit, lag = q, prewhite = FALSE, adjust = adjust)` in R (whose default
 * is `adjust = FALSE`; its defaults also prewhiten and choose the lag automatically, which we
 * do not).
 *
 * ## References
 * - Newey, W. K. & West, K. D. (1987). Econometrica 55(3), 703–708.
 * - Newey, W. K. & West, K. D. (1994). Review of Economic Studies 61(4), 631–653.
 * - Zeileis, A. (2004). Journal of Statistical Software 11(10).
 *
 * @param X - Regressors, `n×k` column-major.
 * @param residuals - OLS residuals (length `n`).
 * @param covUnscaled - `(XᵀX)⁻¹`, `k×k`.
 * @param n - Rows.
 * @param k - Columns.
 * @param options - `lag`, `adjust`.
 * @returns `V̂`, `k×k` symmetric.
 * @example
 * ```ts
 * // y ≈ 1 + 2x over six observations; X is n×k column-major: a column of ones, then x
 * const X = new Float64Array([1, 1, 1, 1, 1, 1, 0, 1, 2, 3, 4, 5]);
 * const fit = olsQr(new Float64Array([1.1, 2.9, 5.2, 6.8, 9.1, 11]), X, 6, 2);
 * const V = hacCovariance(X, fit.residuals, fit.covUnscaled, 6, 2, { lag: 1 });
 * Math.sqrt(V[3]!); // => 0.0128 (HAC standard error of the slope)
 * ```
 */
export function hacCovariance(
  X: Float64Array,
  residuals: ArrayLike<number>,
  covUnscaled: ArrayLike<number>,
  n: number,
  k: number,
  options: HacOptions,
): Float64Array {
  const S = neweyWestMeat(X, residuals, n, k, options.lag);
  const scale = options.adjust === true ? n / (n - k) : 1;
  return sandwichProduct(covUnscaled, S, k, scale);
}

/**
 * `scale · B S B` for symmetric `k×k` matrices `B` and `S`, symmetrized.
 *
 * ## Method
 * Two dense products, `O(k³)`; the result is made exactly symmetric by averaging.
 *
 * ## References
 * - Zeileis, A. (2006). Object-oriented computation of sandwich estimators. Journal of
 *   Statistical Software 16(9).
 *
 * @param B - Bread, `k×k`.
 * @param S - Meat, `k×k`.
 * @param k - Dimension.
 * @param scale - Factor (default 1).
 * @returns `scale · B S B`.
 * @example
 * ```ts
 * sandwichProduct(new Float64Array([2]), new Float64Array([3]), 1); // => Float64Array [12]
 * ```
 */
export function sandwichProduct(B: ArrayLike<number>, S: ArrayLike<number>, k: number, scale = 1): Float64Array {
  checkNumbers("sandwichProduct", "B", B);
  checkNumbers("sandwichProduct", "S", S);
  const T = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += B[i * k + l]! * S[l * k + j]!;
      T[i * k + j] = s;
    }
  }
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += T[i * k + l]! * B[l * k + j]!;
      V[i * k + j] = s * scale;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const v = 0.5 * (V[i * k + j]! + V[j * k + i]!);
      V[i * k + j] = v;
      V[j * k + i] = v;
    }
  }
  return V;
}
