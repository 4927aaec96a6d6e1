/**
 * GARCH(1,1) as a normal-return model: the `fitGarch` maximum-likelihood fit behind the model
 * contract, with the conditional-variance forecast of each predicted session as its variance.
 * @module
 */
import { fitGarch, garchForecast } from "../measures/garch.js";
import { gather } from "./sample.js";
import type { ModelColumns } from "./spec.js";
import type { FitOptions, ModelFit, ModelPrediction, ModelSpec } from "./types.js";

/** Fewest estimation returns a GARCH fit accepts (five parameters; 100+ advised). */
const GARCH_MIN_OBS = 30;

/**
 * Fits GARCH(1,1) on the complete cases `used`, constant mean or market mean (`spec.mean`).
 *
 * ## Method
 * `fitGarch` on the estimation returns in session order (missing sessions dropped). The fit
 * carries every parameter in `coefficients` (`mu` or `alpha`, `beta`; then `omega`, `alpha1`,
 * `beta1`), `k = 0` (no design: the forecasts carry no estimation-error term), `df = M − k_mean`
 * (1 mean parameter for the constant mean, 2 for the market mean), `sigma2 = Σε̂²/df` (the
 * residual variance, as for the linear models; the event-day variances are the forecasts), and
 * `details` with `loglik`, `persistence` (α₁ + β₁), `unconditional_variance` and `converged`
 * (1 or 0). At least 30 observations (or `minObs` when larger).
 *
 * ## References
 * - Bollerslev, T. (1986). Generalized autoregressive conditional heteroskedasticity. Journal of Econometrics 31, 307–327.
 */
export function fitGarchModel(spec: Extract<ModelSpec, { type: "garch" }>, c: ModelColumns, used: Int32Array, options?: FitOptions): ModelFit {
  const mean = spec.mean ?? "constant";
  const y = gather(c.asset, used);
  const data = mean === "market" ? { y, x: gather(c.market!, used) } : { y };
  const g = fitGarch(data, { mean, minObs: Math.max(GARCH_MIN_OBS, options?.minObs ?? 0) });
  const kMean = mean === "market" ? 2 : 1;
  const df = g.nObs - kMean;
  let ss = 0;
  for (let t = 0; t < g.residuals.length; t++) ss += g.residuals[t]! * g.residuals[t]!;
  return {
    spec,
    model: mean === "market" ? "garch-market" : "garch",
    names: g.names,
    coefficients: g.coefficients,
    sigma2: ss / df,
    df,
    nObs: g.nObs,
    k: 0,
    r2: Number.NaN,
    covUnscaled: new Float64Array(0),
    used,
    residuals: g.residuals,
    details: { loglik: g.logLik, persistence: g.persistence, unconditional_variance: g.unconditionalVariance, converged: g.converged ? 1 : 0 },
    garch: g,
  };
}

/**
 * Expected returns (mean equation) and the conditional-variance forecast of each session:
 * the s-step forecast for a session s sessions after the last estimation session used (the
 * same arithmetic as `garchAbnormalReturns`); NaN for sessions not after it.
 */
export function predictGarch(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const g = fit.garch!;
  const coef = g.coefficients;
  const last = fit.used[fit.used.length - 1]!;
  const m = indices.length;
  let maxHorizon = 1;
  for (let j = 0; j < m; j++) maxHorizon = Math.max(maxHorizon, indices[j]! - last);
  const forecasts = garchForecast(g, maxHorizon);
  const expected = new Float64Array(m);
  const variance = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    expected[j] = g.mean === "market" ? coef[0]! + coef[1]! * c.market![i]! : coef[0]!;
    const h = i - last;
    variance[j] = h >= 1 ? forecasts[h - 1]! : Number.NaN;
  }
  return { expected, design: new Float64Array(0), variance };
}
