/**
 * The Scholes-Williams (1977) model for nonsynchronous trading.
 * @module
 */
import { covariance, simpleRegression } from "../stats/index.js";
import { isNumericallyConstant, predictLine } from "./marketModel.js";
import { gather, singular, sumOfSquares } from "./sample.js";
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import type { ModelDescriptor } from "./descriptor.js";

/** The Scholes-Williams model: the market model with β from one lag and one lead of the market. */
export interface ScholesWilliamsSpec {
  readonly type: "scholes-williams";
}

/**
 * Fits the Scholes-Williams model on the complete cases `used` (k = 2: `alpha`, `beta`).
 *
 * ## Method
 * The sample is the sessions τ where R_τ, R_m,τ−1, R_m,τ and R_m,τ+1 are all present (leads
 * and lags are the neighbouring sessions of the data, so this is the "trimmed" window). Three
 * OLS slopes on that sample: β⁻ of R_τ on R_m,τ−1, β⁰ on R_m,τ, β⁺ on R_m,τ+1; ρ_m is the
 * Pearson correlation of (R_m,τ, R_m,τ−1) over the same τ. Then
 * `β_SW = (β⁻ + β⁰ + β⁺)/(1 + 2ρ_m)` and `α_SW = R̄ − β_SW R̄_m` (means over the sample);
 * residuals `(R_τ − R̄) − β_SW(R_m,τ − R̄_m)`, `s² = Σê²/(M − 2)`, `R² = 1 − RSS/Syy` (at most
 * the OLS R²). For the prediction-error variance the fit is treated as a market model:
 * `(XᵀX)⁻¹` of `[1, R_m,τ]` from R̄_m and S_mm of the sample, i.e. the estimation error of
 * β_SW is approximated by that of an OLS slope. Abnormal returns are `R_τ − α_SW − β_SW R_m,τ`.
 * `details`: `beta_lag`, `beta_0`, `beta_lead`, `rho_market`.
 *
 * ## References
 * - Scholes, M. & Williams, J. (1977). Estimating betas from nonsynchronous data. JFE 5, 309–327.
 *
 * @throws SINGULAR_DESIGN when a market column is constant over the sample or 1 + 2ρ_m is 0.
 */
export function fitScholesWilliams(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const market = c.market!;
  const y = gather(c.asset, used);
  const x0 = gather(market, used);
  const xm = gather(market, used, -1);
  const xp = gather(market, used, 1);
  const r0 = simpleRegression(y, x0);
  const rm = simpleRegression(y, xm);
  const rp = simpleRegression(y, xp);
  const m = used.length;
  if (isNumericallyConstant(x0, r0.sxx) || isNumericallyConstant(xm, rm.sxx) || isNumericallyConstant(xp, rp.sxx)) {
    singular(spec, `the market return (or its lead or lag) is constant over the ${m} estimation sessions`);
  }
  const rho = covariance(x0, xm, 1) / Math.sqrt(r0.sxx / (m - 1)) / Math.sqrt(rm.sxx / (m - 1));
  const denom = 1 + 2 * rho;
  if (!(Math.abs(denom) > 1e-8)) singular(spec, `1 + 2ρ_m = ${denom} (first-order autocorrelation of the market ${rho})`);
  const beta = (rm.beta + r0.beta + rp.beta) / denom;
  const alpha = r0.yMean - beta * r0.xMean;
  const residuals = new Float64Array(m);
  for (let j = 0; j < m; j++) residuals[j] = y[j]! - r0.yMean - beta * (x0[j]! - r0.xMean);
  const rss = sumOfSquares(residuals);
  return {
    spec,
    model: "scholes-williams",
    names: ["alpha", "beta"],
    coefficients: Float64Array.of(alpha, beta),
    sigma2: rss / (m - 2),
    df: m - 2,
    nObs: m,
    k: 2,
    r2: r0.syy > 0 ? 1 - rss / r0.syy : Number.NaN,
    covUnscaled: r0.covUnscaled,
    used,
    residuals,
    details: { beta_lag: rm.beta, beta_0: r0.beta, beta_lead: rp.beta, rho_market: rho },
  };
}

/** Expected return `α_SW + β_SW R_m,τ`, design rows `[1, R_m,τ]`. */
export function predictScholesWilliams(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  return predictLine(fit, c.market!, indices);
}

/** The Scholes-Williams model in the registry: α + β_SW R_m with the market's lead and lag, k = 2. */
export const scholesWilliamsModel: ModelDescriptor<ScholesWilliamsSpec, "scholes-williams"> = {
  type: "scholes-williams",
  title: () => "the Scholes-Williams model",
  inputs: { market: true, factors: false },
  marketLags: () => 1,
  parameterCount: () => 2,
  validate: () => {},
  fit: (spec, c, used) => fitScholesWilliams(spec, c, used),
  predict: (fit, c, indices) => predictScholesWilliams(fit, c, indices),
  presets: { "scholes-williams": { type: "scholes-williams" } },
  regressionControls: () => ["market"],
};
