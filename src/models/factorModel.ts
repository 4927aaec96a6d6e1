/**
 * Factor models (Fama-French three and five factors, Carhart, any named columns):
 * R_τ − R_fτ = α + b′F_τ + ε_τ, by Householder QR.
 * @module
 */
import { olsQr } from "../stats/index.js";
import { singular } from "./sample.js";
import type { ModelColumns } from "./spec.js";
import { modelLabel } from "./spec.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";

/**
 * OLS of `y` on the column-major design `X` (M×k, a column of ones first) through
 * `olsQr`, as a {@link ModelFit}.
 * @throws SINGULAR_DESIGN when `X` is numerically rank-deficient.
 */
export function fitByQr(
  spec: ModelSpec,
  names: readonly string[],
  y: Float64Array,
  X: Float64Array,
  used: Int32Array,
  extra: Pick<ModelFit, "riskFree" | "details"> = {},
): ModelFit {
  const m = used.length;
  const k = names.length;
  const r = olsQr(y, X, m, k);
  if (r.rankDeficient) {
    singular(spec, `the design [${names.map((n) => (n === "alpha" ? "1" : n)).join(", ")}] has rank ${r.rank} < ${k} over the ${m} estimation sessions (a constant or collinear regressor)`);
  }
  return {
    spec,
    model: modelLabel(spec),
    names,
    coefficients: r.coefficients,
    sigma2: r.sigma2,
    df: r.df,
    nObs: m,
    k,
    r2: r.r2,
    covUnscaled: r.covUnscaled,
    used,
    residuals: r.residuals,
    ...extra,
  };
}

/**
 * Fits a factor model on the complete cases `used` (k = 1 + K).
 *
 * ## Method
 * Response `R_τ − R_fτ` (or `R_τ` without a risk-free column), design `[1, F_1τ, …, F_Kτ]`;
 * Householder QR without forming XᵀX (`olsQr`), with the rank tolerance `M·ε·max|R_jj|`;
 * `s² = Σê²/(M − k)`, centred R², `(XᵀX)⁻¹ = R⁻¹R⁻ᵀ`. Coefficient names: `alpha` and the
 * factor names as written in the data.
 *
 * ## References
 * - Fama, E. F. & French, K. R. (1993). Common risk factors in the returns on stocks and bonds. JFE 33, 3–56.
 * - Carhart, M. M. (1997). On persistence in mutual fund performance. Journal of Finance 52, 57–82.
 * - Fama, E. F. & French, K. R. (2015). A five-factor asset pricing model. JFE 116, 1–22.
 *
 * @throws SINGULAR_DESIGN for a constant or collinear factor.
 */
export function fitFactorModel(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const m = used.length;
  const kf = c.factors.length;
  const y = new Float64Array(m);
  const X = new Float64Array(m * (kf + 1));
  for (let j = 0; j < m; j++) {
    const i = used[j]!;
    y[j] = c.riskFree === undefined ? c.asset[i]! : c.asset[i]! - c.riskFree[i]!;
    X[j] = 1;
    for (let f = 0; f < kf; f++) X[j + (f + 1) * m] = c.factors[f]![i]!;
  }
  return fitByQr(spec, ["alpha", ...c.factorNames], y, X, used, { riskFree: c.riskFreeName });
}

/** Expected return `R_fτ + α̂ + b̂′F_τ`, design rows `[1, F_τ]`; NaN where a factor or the risk-free rate is missing. */
export function predictFactorModel(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const m = indices.length;
  const kf = c.factors.length;
  const k = kf + 1;
  const b = fit.coefficients;
  const expected = new Float64Array(m);
  const design = new Float64Array(m * k);
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    const rf = c.riskFree === undefined ? 0 : c.riskFree[i]!;
    let s = b[0]!;
    let ok = Number.isFinite(rf);
    design[j] = 1;
    for (let f = 0; f < kf; f++) {
      const v = c.factors[f]![i]!;
      if (!Number.isFinite(v)) ok = false;
      design[j + (f + 1) * m] = v;
      s += b[f + 1]! * v;
    }
    if (!ok) for (let col = 0; col < k; col++) design[j + col * m] = Number.NaN;
    expected[j] = ok ? rf + s : Number.NaN;
  }
  return { expected, design };
}
