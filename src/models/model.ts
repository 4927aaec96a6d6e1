/**
 * One entry point for every normal-return model: `fitModel` and `predictModel` dispatch on
 * the spec's `type` with an exhaustive switch.
 * @module
 */
import { MarketReactionError, invalidOption, toSafe } from "../errors.js";
import type { SafeResult } from "../errors.js";
import { fitConstantMean, predictConstantMean } from "./constantMean.js";
import { fitDimson, predictDimson } from "./dimson.js";
import { fitFactorModel, predictFactorModel } from "./factorModel.js";
import { fitGarchModel, predictGarch } from "./garchModel.js";
import { fitMarketAdjusted, predictMarketAdjusted } from "./marketAdjusted.js";
import { fitMarketModel, predictLine } from "./marketModel.js";
import { checkIndices, completeCases, requireObservations, singular } from "./sample.js";
import { fitScholesWilliams, predictScholesWilliams } from "./scholesWilliams.js";
import { modelColumns, modelLabel, type ModelColumns } from "./spec.js";
import type { FitOptions, ModelData, ModelFit, ModelPrediction, ModelSpec } from "./types.js";

/** Largest per-observation gradient (standardized data) at which a study accepts a GARCH fit. */
const GARCH_GRADIENT_LIMIT = 1e-4;

function unreachable(value: never): never {
  throw new MarketReactionError("INVALID_OPTION", `unknown model type ${JSON.stringify((value as { type?: unknown }).type)}`);
}

/** Number of mean parameters of a (validated) spec. */
function parameterCount(spec: ModelSpec, factors: number, lags: number): number {
  switch (spec.type) {
    case "constant-mean":
      return 1;
    case "market-adjusted":
      return 0;
    case "market":
    case "scholes-williams":
      return 2;
    case "factors":
      return factors + 1;
    case "dimson":
      return 2 * lags + 2;
    case "garch":
      return 0;
    default:
      return unreachable(spec);
  }
}

/**
 * Fits a normal-return model on an estimation sample.
 *
 * `indices` are the candidate estimation sessions (indices into the columns of `data`,
 * strictly increasing). The model uses the complete cases among them — the sessions where
 * the asset and every column the model needs (market, its leads and lags, factors, risk-free
 * rate) are finite — and records them in `used`; `nObs = used.length = M`.
 *
 * | `spec.type` | k | coefficients | σ² divisor |
 * | --- | --- | --- | --- |
 * | `constant-mean` | 1 | `alpha` (the mean) | M − 1 |
 * | `market-adjusted` | 0 | none (expected = market) | M |
 * | `market` | 2 | `alpha`, `beta` (centred closed form) | M − 2 |
 * | `factors` | 1 + K | `alpha`, factor names (Householder QR, excess over `RF`) | M − k |
 * | `scholes-williams` | 2 | `alpha`, `beta` (SW 1977) | M − 2 |
 * | `dimson` | 2p + 2 | `alpha`, `beta_lagp`…`beta`…`beta_leadp` | M − k |
 * | `garch` | 0 | `mu` or `alpha`, `beta`; `omega`, `alpha1`, `beta1` (maximum likelihood) | M − k_mean |
 *
 * ## Method
 * See each model: `fitConstantMean`, `fitMarketAdjusted`, `fitMarketModel`,
 * `fitFactorModel`, `fitScholesWilliams`, `fitDimson`, `fitGarchModel` (whose predictions
 * carry the conditional-variance forecast of each session as `variance`). Every fit carries σ² with its
 * divisor, df, M, R² (`NaN` where undefined) and `(XᵀX)⁻¹` for the prediction-error
 * variances σ²(1 + x′(XᵀX)⁻¹x) (MacKinlay 1997).
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial Markets, ch. 4.
 *
 * @param spec - The model, e.g. `{ type: "market" }` or `modelPreset("ff3")`.
 * @param data - Returns on one session index (e.g. `alignReturns(…)`).
 * @param indices - Candidate estimation sessions, strictly increasing.
 * @param options - `minObs`: fewest complete cases accepted (default k + 1).
 * @throws INVALID_OPTION for a bad spec, bad indices, a factor or risk-free name not in the data
 *   (the message lists the available columns), or a bad `minObs`.
 * @throws MISSING_RETURNS when the data has no market returns (market-based models) or no
 *   factor returns (factor models).
 * @throws INSUFFICIENT_ESTIMATION_DATA when fewer than max(k + 1, minObs) complete cases remain
 *   (the message states needed and available).
 * @throws SINGULAR_DESIGN for a constant market return or a rank-deficient factor design.
 * @example
 * ```ts
 * // 60 sessions of synthetic returns: the asset moves 1.2 times the market, plus noise
 * const market = Float64Array.from({ length: 60 }, (_, t) => 0.01 * Math.sin(t));
 * const asset = market.map((m, t) => 0.0005 + 1.2 * m + 0.002 * Math.cos(7 * t));
 * const fit = fitModel({ type: "market" }, { asset, market }, Array.from({ length: 50 }, (_, t) => t));
 * fit.names;        // => ["alpha", "beta"]
 * fit.coefficients; // => Float64Array [0.0005, 1.22]
 * fit.df;           // => 48 (M − k = 50 − 2)
 * ```
 */
export function fitModel(spec: ModelSpec, data: ModelData, indices: Int32Array | readonly number[], options?: FitOptions): ModelFit {
  const c = modelColumns(spec, data);
  checkIndices(indices, c.n, "indices", true);
  return finiteFit(spec, fitAny(spec, c, completeCases(c, indices), indices.length, options));
}

/** Throws when a fit overflowed (extreme returns such as 1e306 give an infinite σ²): never a silent NaN. */
function finiteFit(spec: ModelSpec, fit: ModelFit): ModelFit {
  let finite = Number.isFinite(fit.sigma2);
  for (let j = 0; j < fit.coefficients.length; j++) if (!Number.isFinite(fit.coefficients[j]!)) finite = false;
  if (!finite) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `the ${modelLabel(spec)} model overflowed on its ${fit.nObs} estimation returns (σ² = ${fit.sigma2}): the returns are too large for floating point; check the prices for extreme values such as 1e308 or 5e-324`,
    );
  }
  return fit;
}

/**
 * {@link fitModel} on columns resolved once by `modelColumns` and on complete-case indices
 * (from `estimationIndices`), without re-validating them: the inner loop of `eventStudy`,
 * which fits thousands of windows of the same series.
 * @internal
 */
export function fitColumns(spec: ModelSpec, c: ModelColumns, used: Int32Array, candidates: number, options?: FitOptions, residuals?: Float64Array): ModelFit {
  const fit = finiteFit(spec, fitAny(spec, c, used, candidates, options, residuals));
  // a study needs standard errors: σ² = 0 (identical returns, or returns fitted exactly) would
  // make every t statistic 0/0; fitModel itself still returns such a fit (it is a valid fit)
  if (fit.sigma2 === 0) {
    singular(spec, `the residual variance over the ${fit.nObs} estimation sessions is zero (identical returns, or returns fitted exactly), so abnormal returns have no standard error`);
  }
  // a GARCH likelihood far from its maximum gives variance forecasts of no known meaning (a
  // gradient just above the optimizer's 1e-9 tolerance is a maximum for every practical purpose)
  if (fit.garch !== undefined && !(fit.garch.gradMax <= GARCH_GRADIENT_LIMIT)) {
    singular(spec, `the likelihood maximisation stopped away from a maximum on the ${fit.nObs} estimation returns (largest gradient ${fit.garch.gradMax.toPrecision(3)} > ${GARCH_GRADIENT_LIMIT}); use a longer estimation window or another model`);
  }
  return fit;
}

function fitAny(spec: ModelSpec, c: ModelColumns, used: Int32Array, candidates: number, options?: FitOptions, residuals?: Float64Array): ModelFit {
  const k = parameterCount(spec, c.factors.length, c.lags);
  requireObservations(spec, k, used, candidates, options);
  switch (spec.type) {
    case "constant-mean":
      return fitConstantMean(spec, c, used);
    case "market-adjusted":
      return fitMarketAdjusted(spec, c, used);
    case "market":
      return fitMarketModel(spec, c, used, residuals);
    case "factors":
      return fitFactorModel(spec, c, used);
    case "scholes-williams":
      return fitScholesWilliams(spec, c, used);
    case "dimson":
      return fitDimson(spec, c, used);
    case "garch":
      return fitGarchModel(spec, c, used, options);
    default:
      return unreachable(spec);
  }
}

/**
 * {@link fitModel} without throwing.
 * @example
 * ```ts
 * // a missing asset return leaves two complete cases; the market model needs three
 * const data = { asset: Float64Array.of(0.012, NaN, 0.02), market: Float64Array.of(0.01, -0.02, 0.015) };
 * const r = safeFitModel({ type: "market" }, data, [0, 1, 2]);
 * r.success; // => false
 * if (!r.success) r.error.code; // => "INSUFFICIENT_ESTIMATION_DATA"
 * ```
 */
export function safeFitModel(spec: ModelSpec, data: ModelData, indices: Int32Array | readonly number[], options?: FitOptions): SafeResult<ModelFit> {
  return toSafe(() => fitModel(spec, data, indices, options));
}

/**
 * Normal (expected) returns of a fitted model at any sessions, with the regressor rows.
 *
 * `expected[j]` is the model's return for session `indices[j]` (`NaN` where a regressor it
 * needs is missing: the market, a lead/lag, a factor or the risk-free rate); the abnormal
 * return is `data.asset[i] − expected[j]`. `design` holds the rows x_τ (m×k, column-major,
 * columns in the order of `fit.names`, NaN rows where missing), so that
 * Var(AR_τ) = σ²(1 + x_τ′ C x_τ) with C = `fit.covUnscaled`.
 *
 * @param fit - A fit from {@link fitModel}.
 * @param data - The same kind of data the model was fitted on (same session index).
 * @param indices - Sessions to predict (any order).
 * @throws INVALID_OPTION for bad indices or a malformed fit; the codes of {@link fitModel}
 *   when the data lacks a column the model needs; INVALID_INPUT when the data's factor
 *   columns resolve to other names than the fit's.
 * @example
 * ```ts
 * // constant-mean model fitted on sessions 0–2, predicting session 3
 * const data = { asset: Float64Array.of(0.01, 0.03, 0.02, 0.05) };
 * const fit = fitModel({ type: "constant-mean" }, data, [0, 1, 2]);
 * const { expected, design } = predictModel(fit, data, [3]);
 * expected; // => Float64Array [0.02] (the estimation mean)
 * design;   // => Float64Array [1] (the intercept column)
 * data.asset[3]! - expected[0]!; // => 0.03 (the abnormal return)
 * ```
 */
export function predictModel(fit: ModelFit, data: ModelData, indices: Int32Array | readonly number[]): ModelPrediction {
  if (typeof fit !== "object" || fit === null || typeof fit.spec !== "object" || !(fit.coefficients instanceof Float64Array)) {
    invalidOption("fit", fit, "a ModelFit from fitModel");
  }
  const spec = fit.spec;
  const c = modelColumns(spec, data);
  checkIndices(indices, c.n, "indices", false);
  const k = parameterCount(spec, c.factors.length, c.lags);
  const coefficients = spec.type === "garch" ? (spec.mean === "market" ? 5 : 4) : k;
  if (fit.coefficients.length !== coefficients || fit.k !== k || (spec.type === "garch" && fit.garch === undefined)) invalidOption("fit", fit.model, `a fit with ${k} coefficients for this model and data`);
  return predictColumns(fit, c, indices);
}

/**
 * {@link predictModel} on columns resolved once by `modelColumns`, for a fit made from those
 * columns, without re-validating them.
 * @internal
 */
export function predictColumns(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const spec = fit.spec;
  switch (spec.type) {
    case "constant-mean":
      return predictConstantMean(fit, indices);
    case "market-adjusted":
      return predictMarketAdjusted(c, indices);
    case "market":
      return predictLine(fit, c.market!, indices);
    case "factors": {
      const names = fit.names.slice(1);
      const same = names.length === c.factorNames.length && names.every((n, j) => n === c.factorNames[j]);
      const rf = fit.riskFree === undefined ? c.riskFreeName : fit.riskFree;
      if (!same || rf !== c.riskFreeName) {
        throw new MarketReactionError(
          "INVALID_INPUT",
          `the data's factor columns (${c.factorNames.join(", ")}; risk-free ${String(c.riskFreeName)}) differ from the fit's (${names.join(", ")}; risk-free ${String(rf)})`,
        );
      }
      return predictFactorModel(fit, c, indices);
    }
    case "scholes-williams":
      return predictScholesWilliams(fit, c, indices);
    case "dimson":
      return predictDimson(fit, c, indices);
    case "garch":
      return predictGarch(fit, c, indices);
    default:
      return unreachable(spec);
  }
}
