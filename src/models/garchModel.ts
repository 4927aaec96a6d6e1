/**
 * GARCH(1,1) as a normal-return model: the `fitGarch` maximum-likelihood fit behind the model
 * contract, with the conditional-variance forecast of each predicted session as its variance.
 * Two models in the registry: `garch` (constant mean) and `garch-market` (market-model mean).
 * @module
 */
import { fitGarch, garchForecast } from "../measures/garch.js";
import type { ModelColumns } from "./columns.js";
import type { ModelDescriptor } from "./descriptor.js";
import { gather } from "./sample.js";
import type { ModelFit, ModelPrediction } from "./types.js";

/**
 * GARCH(1,1) with Gaussian errors, fitted by maximum likelihood on the estimation window, with
 * a constant mean (`garch`: R = α + ε) or the market model as mean (`garch-market`:
 * R = α + β·R_m + ε); each event session's abnormal return is standardized by its
 * conditional-variance forecast.
 */
export interface GarchConstantSpec {
  readonly type: "garch";
}

/** GARCH(1,1) with the market model as mean equation (see {@link GarchConstantSpec}). */
export interface GarchMarketSpec {
  readonly type: "garch-market";
}

/** Fewest estimation returns a GARCH fit accepts (five parameters; 100+ advised). */
export const GARCH_MIN_OBS = 30;

type GarchSpec = GarchConstantSpec | GarchMarketSpec;

/** (XᵀX)⁻¹ of the mean equation's design: [1/M] or the 2×2 inverse for [1, R_m]. */
function meanCovUnscaled(x: Float64Array | undefined, m: number): Float64Array {
  if (x === undefined) return Float64Array.of(1 / m);
  let sx = 0;
  let sxx = 0;
  for (let t = 0; t < m; t++) {
    sx += x[t]!;
    sxx += x[t]! * x[t]!;
  }
  const det = m * sxx - sx * sx;
  return Float64Array.of(sxx / det, -sx / det, -sx / det, m / det);
}

/**
 * Fits GARCH(1,1) on the complete cases `used`: constant mean (`garch`) or market mean
 * (`garch-market`).
 *
 * ## Method
 * `fitGarch` on the estimation returns in session order (missing sessions dropped). The fit has
 * the mean parameters as `coefficients` (`alpha`, or `alpha`, `beta`; k = 1 or 2), the regressor
 * rows and (XᵀX)⁻¹ of the mean equation like a linear model, `df = M − k`, `sigma2 = Σε̂²/df`
 * (the residual variance, for comparison with the linear models: the event-day variances are
 * the forecasts), the GARCH fit in `garch` and `details` with `omega`, `alpha1`, `beta1`,
 * `loglik`, `persistence` (α₁ + β₁), `unconditional_variance` and `converged` (1 or 0).
 *
 * ## References
 * - Bollerslev, T. (1986). Generalized autoregressive conditional heteroskedasticity. Journal of Econometrics 31, 307–327.
 */
export function fitGarchModel(spec: GarchSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const market = spec.type === "garch-market";
  const y = gather(c.asset, used);
  const x = market ? gather(c.market!, used) : undefined;
  const g = fitGarch(x === undefined ? { y } : { y, x }, { mean: market ? "market" : "constant", minObs: GARCH_MIN_OBS });
  const k = market ? 2 : 1;
  const df = g.nObs - k;
  let ss = 0;
  for (let t = 0; t < g.residuals.length; t++) ss += g.residuals[t]! * g.residuals[t]!;
  return {
    spec,
    model: spec.type,
    names: market ? ["alpha", "beta"] : ["alpha"],
    coefficients: g.coefficients.slice(0, k),
    sigma2: ss / df,
    df,
    nObs: g.nObs,
    k,
    r2: Number.NaN,
    covUnscaled: meanCovUnscaled(x, g.nObs),
    used,
    residuals: g.residuals,
    details: {
      omega: g.omega,
      alpha1: g.alpha1,
      beta1: g.beta1,
      loglik: g.logLik,
      persistence: g.persistence,
      unconditional_variance: g.unconditionalVariance,
      converged: g.converged ? 1 : 0,
    },
    garch: g,
  };
}

/**
 * Expected returns (mean equation), regressor rows, and the conditional-variance forecast of
 * each session as `variance`: the s-step forecast for a session s sessions after the last
 * estimation session used (the arithmetic of `garchAbnormalReturns`); NaN for sessions not after it.
 */
export function predictGarch(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const g = fit.garch!;
  const coef = fit.coefficients;
  const market = fit.k === 2;
  const last = fit.used[fit.used.length - 1]!;
  const m = indices.length;
  let maxHorizon = 1;
  for (let j = 0; j < m; j++) maxHorizon = Math.max(maxHorizon, indices[j]! - last);
  const forecasts = garchForecast(g, maxHorizon);
  const expected = new Float64Array(m);
  const design = new Float64Array(m * fit.k);
  const variance = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    design[j] = 1;
    if (market) design[j + m] = c.market![i]!;
    expected[j] = market ? coef[0]! + coef[1]! * c.market![i]! : coef[0]!;
    const h = i - last;
    variance[j] = h >= 1 ? forecasts[h - 1]! : Number.NaN;
  }
  return { expected, design, variance };
}

/** GARCH(1,1) with a constant mean in the registry: k = 1, no regressors. */
export const garchModel: ModelDescriptor<GarchConstantSpec, "garch"> = {
  type: "garch",
  title: () => "the GARCH(1,1) constant-mean model",
  inputs: { market: false, factors: false },
  marketLags: () => 0,
  parameterCount: () => 1,
  minObs: GARCH_MIN_OBS,
  validate: () => {},
  fit: (spec, c, used) => fitGarchModel(spec, c, used),
  predict: predictGarch,
  presets: { garch: { type: "garch" } },
  regressionControls: () => [],
};

/** GARCH(1,1) with the market model as mean equation in the registry: k = 2. */
export const garchMarketModel: ModelDescriptor<GarchMarketSpec, "garch-market"> = {
  type: "garch-market",
  title: () => "the GARCH(1,1) market model",
  inputs: { market: true, factors: false },
  marketLags: () => 0,
  parameterCount: () => 2,
  minObs: GARCH_MIN_OBS,
  validate: () => {},
  fit: (spec, c, used) => fitGarchModel(spec, c, used),
  predict: predictGarch,
  presets: { "garch-market": { type: "garch-market" } },
  regressionControls: () => ["market"],
};
