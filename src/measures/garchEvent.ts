/**
 * Abnormal returns standardized by GARCH(1,1) variance forecasts: the volatility-aware
 * benchmark for event windows in clustered-volatility regimes.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { ModelData } from "../models/index.js";
import { chiSquareSf, normalSf } from "../stats/index.js";
import { fitGarch, garchFitAt, garchForecast } from "./garch.js";
import type { GarchParameters } from "./garchLikelihood.js";
import type { GarchFit, GarchOptions } from "./garch.js";
import { checkNumbers, checkOptions, checkShape } from "../check.js";
import { checkGarchParameters } from "./garchLikelihood.js";

/** Result of {@link garchAbnormalReturns}. */
export interface GarchAbnormalReturns {
  readonly fit: GarchFit;
  /** Event sessions (indices into the data), as given. */
  readonly indices: Int32Array;
  /** Forecast horizon of each event session: sessions after the last estimation session used. */
  readonly horizon: Int32Array;
  readonly expected: Float64Array;
  readonly ar: Float64Array;
  /** Conditional-variance forecast σ²_τ of each event session. */
  readonly variance: Float64Array;
  /** SAR_τ = AR_τ/σ_τ (approximately N(0, 1) under the model). */
  readonly sar: Float64Array;
  /** Two-sided normal p-values of `sar`. */
  readonly pValue: Float64Array;
  /** SAR_τ²: the abnormal-volatility ratio against the GARCH forecast (χ²(1) under the model). */
  readonly volatilityRatio: Float64Array;
  /** P(χ²(1) > SAR_τ²). */
  readonly volatilityPValue: Float64Array;
  /** Sum of the ARs over the event sessions with an AR, its variance Σσ²_τ and z = CAR/√Σσ²_τ. */
  readonly car: number;
  readonly carVariance: number;
  readonly carZ: number;
  readonly carPValue: number;
  /** Σ SAR_τ² over the event sessions with an AR (χ²(L) under the model) and its p-value. */
  readonly volatilityStatistic: number;
  readonly volatilityDf: number;
  readonly volatilityWindowPValue: number;
}

function finiteEstimation(data: ModelData, estimation: ArrayLike<number>, market: boolean): number[] {
  const used: number[] = [];
  for (let j = 0; j < estimation.length; j++) {
    const i = estimation[j]!;
    if (j > 0 && !(i > estimation[j - 1]!)) invalidOption("estimation", estimation, "strictly increasing session indices");
    if (Number.isFinite(data.asset[i]!) && (!market || Number.isFinite(data.market![i]!))) used.push(i);
  }
  return used;
}

/**
 * Fits GARCH(1,1) on the estimation sessions and standardizes event-session abnormal returns
 * by the conditional-variance forecasts.
 *
 * ## Method
 * The mean equation (`market` when `data.market` is given, else `constant`) and GARCH(1,1)
 * are fitted by {@link fitGarch} on the estimation sessions with complete data (missing sessions
 * are dropped and the recursion runs over the remaining ones). For an event session τ that is
 * s sessions after the last estimation session used, σ²_τ is the s-step forecast of
 * {@link garchForecast}; AR_τ = R_τ − E[R_τ], SAR_τ = AR_τ/σ_τ, the volatility ratio SAR_τ²
 * (χ²(1)), CAR = ΣAR_τ with Var = Σσ²_τ (GARCH shocks are serially uncorrelated) and the
 * window statistic ΣSAR_τ² (χ²(L), treating the standardized shocks as independent). The
 * references are asymptotic: estimation error in the parameters is ignored, as is the
 * dependence of squared shocks over a multi-step horizon.
 *
 * ## References
 * - Bollerslev, T. (1986). Generalized autoregressive conditional heteroskedasticity. Journal of Econometrics 31, 307–327.
 * - Savickas, R. (2003). Event-induced volatility and tests for abnormal performance. Journal of Financial Research 26(2), 165–178.
 *
 * @param data - Returns on one session index (`asset`, optional `market`).
 * @param estimation - Estimation sessions, strictly increasing.
 * @param event - Event sessions, each after the last estimation session.
 * @param options - Those of {@link fitGarch}, or `parameters` to use given parameters instead of
 *   estimating them ({@link garchFitAt}).
 * @throws INVALID_OPTION for unordered or overlapping sessions; the errors of {@link fitGarch}.
 * @example
 * ```ts
 * const asset = new Float64Array(260);
 * let h = 1e-4;
 * for (let t = 0; t < 260; t++) {
 *   asset[t] = Math.sqrt(h) * Math.sin(2.3 * t) * Math.SQRT2;
 *   h = 2e-6 + 0.08 * asset[t]! ** 2 + 0.9 * h;
 * }
 * asset[255] = 0.08; // a large event-day move
 * const r = garchAbnormalReturns({ asset }, Array.from({ length: 250 }, (_, t) => t), [255]);
 * r.horizon; // => Int32Array [6]
 * r.volatilityPValue[0]! < 0.001; // => true
 * ```
 */
export function garchAbnormalReturns(
  data: ModelData,
  estimation: ArrayLike<number>,
  event: ArrayLike<number>,
  options?: GarchOptions & { readonly parameters?: GarchParameters },
): GarchAbnormalReturns {
  checkShape("garchAbnormalReturns", "data", data, { asset: "numbers", market: "numbers?" });
  checkNumbers("garchAbnormalReturns", "estimation", estimation);
  checkNumbers("garchAbnormalReturns", "event", event);
  checkOptions("garchAbnormalReturns", options);
  if (options?.parameters !== undefined) checkGarchParameters("garchAbnormalReturns", options.parameters);
  const market =
    options?.parameters !== undefined
      ? options.parameters.mean.length === 2
      : (options?.mean ?? (data.market === undefined ? "constant" : "market")) === "market";
  if (market && data.market === undefined) invalidOption("mean", "market", "market returns in the data");
  const used = finiteEstimation(data, estimation, market);
  const y = Float64Array.from(used, (i) => data.asset[i]!);
  const x = market ? Float64Array.from(used, (i) => data.market![i]!) : undefined;
  const sample = x === undefined ? { y } : { y, x };
  // given parameters: the model at those parameters on the estimation sample (no estimation)
  const fit =
    options?.parameters !== undefined ? garchFitAt(sample, options.parameters) : fitGarch(sample, { ...options, mean: market ? "market" : "constant" });
  const last = used.at(-1)!;
  const m = event.length;
  const horizon = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    horizon[j] = event[j]! - last;
    if (!(horizon[j]! >= 1)) throw new MarketReactionError("INVALID_OPTION", `event session ${event[j]} is not after the last estimation session ${last}`);
  }
  const forecasts = garchForecast(fit, Math.max(...horizon));
  return standardize(data, fit, Int32Array.from(event), horizon, forecasts, market);
}

function standardize(data: ModelData, fit: GarchFit, indices: Int32Array, horizon: Int32Array, forecasts: Float64Array, market: boolean): GarchAbnormalReturns {
  const m = indices.length;
  const c = fit.coefficients;
  const expected = new Float64Array(m);
  const ar = new Float64Array(m);
  const variance = new Float64Array(m);
  const sar = new Float64Array(m);
  const pValue = new Float64Array(m);
  const volatilityRatio = new Float64Array(m);
  const volatilityPValue = new Float64Array(m);
  let car = 0;
  let carVariance = 0;
  let chi = 0;
  let L = 0;
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    expected[j] = market ? c[0]! + c[1]! * data.market![i]! : c[0]!;
    ar[j] = data.asset[i]! - expected[j]!;
    variance[j] = forecasts[horizon[j]! - 1]!;
    sar[j] = ar[j]! / Math.sqrt(variance[j]!);
    pValue[j] = 2 * normalSf(Math.abs(sar[j]!));
    volatilityRatio[j] = sar[j]! * sar[j]!;
    volatilityPValue[j] = chiSquareSf(volatilityRatio[j]!, 1);
    if (Number.isFinite(ar[j]!)) {
      car += ar[j]!;
      carVariance += variance[j]!;
      chi += volatilityRatio[j]!;
      L++;
    }
  }
  const carZ = L > 0 ? car / Math.sqrt(carVariance) : Number.NaN;
  return {
    fit,
    indices,
    horizon,
    expected,
    ar,
    variance,
    sar,
    pValue,
    volatilityRatio,
    volatilityPValue,
    car: L > 0 ? car : Number.NaN,
    carVariance: L > 0 ? carVariance : Number.NaN,
    carZ,
    carPValue: 2 * normalSf(Math.abs(carZ)),
    volatilityStatistic: L > 0 ? chi : Number.NaN,
    volatilityDf: L,
    volatilityWindowPValue: L > 0 ? chiSquareSf(chi, L) : Number.NaN,
  };
}
