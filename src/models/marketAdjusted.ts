/**
 * The market-adjusted model: the normal return is the market return.
 * @module
 */
import { sumOfSquares } from "./sample.js";
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import type { ModelDescriptor } from "./descriptor.js";

/** The market-adjusted model: AR = R − R_m (no parameters). */
export interface MarketAdjustedSpec {
  readonly type: "market-adjusted";
}

/**
 * "Fits" the market-adjusted model (nothing is estimated, k = 0) on the complete cases `used`.
 *
 * ## Method
 * Abnormal returns `AR_τ = R_τ − R_mτ`; `σ² = Σ_E AR²/M` with df = M (no mean is estimated:
 * the abnormal return has mean zero under the model); `covUnscaled` is empty, so the
 * prediction-error variance is σ² and Var(CAR) = Lσ².
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1980). Measuring security price performance. Journal of Financial Economics 8, 205–258.
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial Markets, §4.3.
 */
export function fitMarketAdjusted(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const market = c.market!;
  const m = used.length;
  const residuals = new Float64Array(m);
  for (let j = 0; j < m; j++) residuals[j] = c.asset[used[j]!]! - market[used[j]!]!;
  return {
    spec,
    model: "market-adjusted",
    names: [],
    coefficients: new Float64Array(0),
    sigma2: sumOfSquares(residuals) / m,
    df: m,
    nObs: m,
    k: 0,
    r2: Number.NaN,
    covUnscaled: new Float64Array(0),
    used,
    residuals,
  };
}

/** Expected return = market return (NaN where it is missing); no design rows (k = 0). */
export function predictMarketAdjusted(c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const market = c.market!;
  const expected = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) expected[j] = market[indices[j]!]!;
  return { expected, design: new Float64Array(0) };
}

/** The market-adjusted model in the registry: expected return = the market's, k = 0. */
export const marketAdjustedModel: ModelDescriptor<MarketAdjustedSpec, "market-adjusted"> = {
  type: "market-adjusted",
  title: () => "the market-adjusted model",
  inputs: { market: true, factors: false },
  marketLags: () => 0,
  parameterCount: () => 0,
  validate: () => {},
  fit: (spec, c, used) => fitMarketAdjusted(spec, c, used),
  predict: (_fit, c, indices) => predictMarketAdjusted(c, indices),
  presets: { "market-adjusted": { type: "market-adjusted" } },
  regressionControls: () => ["market"],
};
