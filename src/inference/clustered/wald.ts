/**
 * Wald tests of linear hypotheses Rβ = r with a given covariance.
 * @module
 */
import { chiSquareSf, fisherFSf } from "../../stats/index.js";
import { checkNumbers } from "../../check.js";

/**
 * `vᵀ M⁻¹ v` for a symmetric positive definite `q×q` matrix `M` (Cholesky); `NaN` when `M` is
 * not numerically positive definite (a pivot ≤ `q·1e-13·max diag`).
 */
export function inverseQuadraticForm(M: Float64Array, v: Float64Array, q: number): number {
  checkNumbers("inverseQuadraticForm", "M", M);
  checkNumbers("inverseQuadraticForm", "v", v);
  const L = Float64Array.from(M);
  let maxDiag = 0;
  for (let i = 0; i < q; i++) maxDiag = Math.max(maxDiag, Math.abs(M[i * q + i]!));
  const tol = q * 1e-13 * maxDiag;
  for (let j = 0; j < q; j++) {
    let d = L[j * q + j]!;
    for (let l = 0; l < j; l++) d -= L[j * q + l]! * L[j * q + l]!;
    if (!(d > tol)) return Number.NaN;
    const r = Math.sqrt(d);
    L[j * q + j] = r;
    for (let i = j + 1; i < q; i++) {
      let s = L[i * q + j]!;
      for (let l = 0; l < j; l++) s -= L[i * q + l]! * L[j * q + l]!;
      L[i * q + j] = s / r;
    }
  }
  // solve L z = v; then vᵀM⁻¹v = zᵀz
  let out = 0;
  const z = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let s = v[i]!;
    for (let l = 0; l < i; l++) s -= L[i * q + l]! * z[l]!;
    z[i] = s / L[i * q + i]!;
    out += z[i]! * z[i]!;
  }
  return out;
}

/** Statistic, χ² and F p-values of one Wald test. */
export interface WaldValues {
  readonly statistic: number;
  readonly df: number;
  readonly p_value: number;
  readonly f_statistic: number;
  readonly df_residual: number;
  readonly p_value_f: number;
}

/**
 * Wald statistic `W = (Rb − r)ᵀ(R V Rᵀ)⁻¹(Rb − r)` with its `χ²(q)` p-value, and the F form
 * `W/q` with its `F(q, dfResidual)` p-value.
 *
 * ## Method
 * `R V Rᵀ` is formed explicitly (q is small) and inverted through a Cholesky factorization;
 * a non-positive-definite `R V Rᵀ` (redundant restrictions) gives `NaN`. `χ²` p-value:
 * {@link chiSquareSf}; F p-value: {@link fisherFSf}. With the OLS covariance and normal
 * errors the F form is exact; with a HAC covariance both are asymptotic (the F form is the
 * usual small-sample choice of `lmtest::waldtest`).
 *
 * ## References
 * - Wald, A. (1943). Tests of statistical hypotheses concerning several parameters when the
 *   number of observations is large. Transactions of the AMS 54(3), 426–482.
 * - Greene, W. H. (2018). Econometric Analysis, 8th ed., §5.3.
 *
 * @param b - Coefficients (length k).
 * @param V - Their covariance, k×k.
 * @param k - Number of coefficients.
 * @param R - Restrictions, q×k row-major.
 * @param r - Right-hand sides (length q).
 * @param dfResidual - Denominator df of the F form (T − K).
 * @returns The statistic and both p-values.
 * @example
 * ```ts
 * // H0: b1 = 0 with b = [0.5, 2], V = diag(1, 4): W = 1
 * waldStatistic(new Float64Array([0.5, 2]), new Float64Array([1, 0, 0, 4]), 2,
 *   new Float64Array([0, 1]), new Float64Array([0]), 100).statistic; // => 1
 * ```
 */
export function waldStatistic(b: Float64Array, V: Float64Array, k: number, R: Float64Array, r: Float64Array, dfResidual: number): WaldValues {
  const q = r.length;
  const diff = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let s = -r[i]!;
    for (let j = 0; j < k; j++) s += R[i * k + j]! * b[j]!;
    diff[i] = s;
  }
  // RV (q×k), then RVRᵀ (q×q)
  const RV = new Float64Array(q * k);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += R[i * k + l]! * V[l * k + j]!;
      RV[i * k + j] = s;
    }
  }
  const M = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = i; j < q; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += RV[i * k + l]! * R[j * k + l]!;
      M[i * q + j] = s;
      M[j * q + i] = s;
    }
  }
  const W = inverseQuadraticForm(M, diff, q);
  return {
    statistic: W,
    df: q,
    p_value: chiSquareSf(W, q),
    f_statistic: W / q,
    df_residual: dfResidual,
    p_value_f: fisherFSf(W / q, q, dfResidual),
  };
}
