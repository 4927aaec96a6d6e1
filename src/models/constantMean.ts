/**
 * The constant-mean model: R_τ = μ + ε_τ.
 * @module
 */
import { mean } from "../stats/index.js";
import { gather, sumOfSquares } from "./sample.js";
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import type { ModelDescriptor } from "./descriptor.js";

/** The constant-mean model: R = μ + ε. */
export interface ConstantMeanSpec {
  readonly type: "constant-mean";
}

/**
 * Fits the constant-mean model on the complete cases `used` (k = 1, X = [1]).
 *
 * ## Method
 * `α̂ = R̄` (compensated mean over the M estimation returns), residuals `R_τ − R̄`,
 * `s² = Σê²/(M − 1)`, `(XᵀX)⁻¹ = [1/M]`; R² is undefined (`NaN`).
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns. Journal of Financial Economics 14, 3–31.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic Literature 35(1), 13–39.
 */
export function fitConstantMean(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const y = gather(c.asset, used);
  const m = y.length;
  let mu = mean(y);
  // second pass: correct the mean by the mean deviation
  let d = 0;
  for (let j = 0; j < m; j++) d += y[j]! - mu;
  mu += d / m;
  const residuals = new Float64Array(m);
  for (let j = 0; j < m; j++) residuals[j] = y[j]! - mu;
  const df = m - 1;
  return {
    spec,
    model: "constant-mean",
    names: ["alpha"],
    coefficients: Float64Array.of(mu),
    sigma2: sumOfSquares(residuals) / df,
    df,
    nObs: m,
    k: 1,
    r2: Number.NaN,
    covUnscaled: Float64Array.of(1 / m),
    used,
    residuals,
  };
}

/** Expected return `α̂` at every session; design rows `[1]`. */
export function predictConstantMean(fit: ModelFit, indices: Int32Array | readonly number[]): ModelPrediction {
  const expected = new Float64Array(indices.length).fill(fit.coefficients[0]!);
  const design = new Float64Array(indices.length).fill(1);
  return { expected, design };
}

/** The constant-mean model in the registry: k = 1 (the mean), no regressors. */
export const constantMeanModel: ModelDescriptor<ConstantMeanSpec, "constant-mean"> = {
  type: "constant-mean",
  title: () => "the constant-mean model",
  inputs: { market: false, factors: false },
  marketLags: () => 0,
  parameterCount: () => 1,
  validate: () => {},
  fit: (spec, c, used) => fitConstantMean(spec, c, used),
  predict: (fit, _c, indices) => predictConstantMean(fit, indices),
  presets: { "constant-mean": { type: "constant-mean" } },
  regressionControls: () => [],
};
