/**
 * One entry point for every normal-return model: `fitModel` and `predictModel` find the
 * model's descriptor in the registry (`registry.ts`) by the spec's `type`.
 * @module
 */
import { MarketReactionError, invalidOption, toSafe } from "../errors.js";
import type { SafeResult } from "../errors.js";
import { modelLabel, type ModelColumns } from "./columns.js";
import { modelDescriptor } from "./registry.js";
import { checkIndices, completeCases, estimationIndicesOf, observationShortfall, requireObservations, singular, type IndexRange } from "./sample.js";
import { modelColumns } from "./spec.js";
import type { FitOptions, ModelData, ModelFit, ModelPrediction, ModelSpec } from "./types.js";

/** Largest per-observation gradient (standardized data) at which a study accepts a GARCH fit. */
const GARCH_GRADIENT_LIMIT = 1e-4;

/** Number of mean parameters of a (validated) spec on its columns. */
function parameterCount(spec: ModelSpec, c: ModelColumns): number {
  return modelDescriptor(spec).parameterCount(spec, c);
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
 * | `garch` / `garch-market` | 1 / 2 | `alpha` / `alpha`, `beta` (maximum likelihood; ω, α₁, β₁ in `details`) | M − k (at least 30 observations) |
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
  // make every t statistic 0/0, and a σ of rounding noise (a price growing at a constant rate:
  // σ = 4e-17 on returns of 1e-3) would make any t statistic "significant"; fitModel itself
  // still returns such a fit (it is a valid fit)
  const scale = returnScale(c.asset, used);
  const sigma = Math.sqrt(fit.sigma2);
  if (fit.sigma2 === 0 || sigma <= DEGENERATE_SIGMA * scale) {
    singular(
      spec,
      `the residual standard deviation over the ${fit.nObs} estimation sessions is ${fit.sigma2 === 0 ? "zero" : `${sigma.toPrecision(2)}, ${(sigma / scale).toPrecision(2)} of the returns' own size (${scale.toPrecision(2)}): rounding noise`} (identical returns, a constant growth rate, or returns fitted exactly), so abnormal returns have no meaningful standard error`,
    );
  }
  // a GARCH likelihood far from its maximum gives variance forecasts of no known meaning (a
  // gradient just above the optimizer's 1e-9 tolerance is a maximum for every practical purpose)
  if (fit.garch !== undefined && !(fit.garch.gradMax <= GARCH_GRADIENT_LIMIT)) {
    singular(
      spec,
      `the likelihood maximisation stopped away from a maximum on the ${fit.nObs} estimation returns (largest gradient ${fit.garch.gradMax.toPrecision(3)} > ${GARCH_GRADIENT_LIMIT}); use a longer estimation window or another model`,
    );
  }
  return fit;
}

/**
 * A residual standard deviation at most this fraction of the returns' root mean square is
 * taken as a perfect fit: floating-point rounding leaves about 1e-16 of the values; any real
 * return series, even prices rounded to a cent, leaves far more than 1e-8.
 */
const DEGENERATE_SIGMA = 1e-8;

/**
 * Root mean square of the asset returns on the estimation sessions (the data's scale). Only
 * the degenerate-fit test and its message read it: the squares are summed in four interleaved
 * sums (one sum was a chain of dependent additions, about 2 % of a large study), which
 * can differ from one sum in the last bits.
 * @internal exported for its test
 */
export function returnScale(asset: Float64Array, used: Int32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let n = 0;
  const m = used.length;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const y0 = asset[used[i]!]!;
    const y1 = asset[used[i + 1]!]!;
    const y2 = asset[used[i + 2]!]!;
    const y3 = asset[used[i + 3]!]!;
    const f0 = Number.isFinite(y0);
    const f1 = Number.isFinite(y1);
    const f2 = Number.isFinite(y2);
    const f3 = Number.isFinite(y3);
    s0 += f0 ? y0 * y0 : 0;
    s1 += f1 ? y1 * y1 : 0;
    s2 += f2 ? y2 * y2 : 0;
    s3 += f3 ? y3 * y3 : 0;
    n += +f0 + +f1 + +f2 + +f3;
  }
  for (; i < m; i++) {
    const y = asset[used[i]!]!;
    if (Number.isFinite(y)) {
      s0 += y * y;
      n++;
    }
  }
  return n === 0 ? 0 : Math.sqrt((s0 + s1 + (s2 + s3)) / n);
}

/** The model's own floor of observations joined with `options.minObs`. */
function withModelFloor(floor: number | undefined, options: FitOptions | undefined): FitOptions | undefined {
  const minObs = floor === undefined ? options?.minObs : Math.max(floor, options?.minObs ?? 0);
  return minObs === undefined ? options : { ...options, minObs };
}

function fitAny(spec: ModelSpec, c: ModelColumns, used: Int32Array, candidates: number, options?: FitOptions, residuals?: Float64Array): ModelFit {
  const model = modelDescriptor(spec);
  requireObservations(spec, model.parameterCount(spec, c), used, candidates, withModelFloor(model.minObs, options));
  return model.fit(spec, c, used, residuals);
}

/**
 * The INSUFFICIENT_ESTIMATION_DATA message {@link fitColumns} would throw for too few complete
 * cases, or undefined: a study skips such pairs without making (and catching) an error each.
 * @internal
 */
export function fitShortfall(spec: ModelSpec, c: ModelColumns, used: Int32Array, candidates: number, options?: FitOptions): string | undefined {
  const model = modelDescriptor(spec);
  return observationShortfall(spec, model.parameterCount(spec, c), used, candidates, withModelFloor(model.minObs, options));
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
  const k = parameterCount(spec, c);
  if (fit.coefficients.length !== k || fit.k !== k) invalidOption("fit", fit.model, `a fit with ${k} coefficients for this model and data`);
  return predictColumns(fit, c, indices);
}

/**
 * {@link predictModel} on columns resolved once by `modelColumns`, for a fit made from those
 * columns, without re-validating them.
 * @internal
 */
export function predictColumns(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  return modelDescriptor(fit.spec).predict(fit, c, indices);
}

/**
 * The estimation indices of a window for a model: the sessions of `[range.start, range.end)`
 * that the mask keeps and at which every column the model needs is finite (the asset, the
 * market and its leads/lags, the factors and the risk-free rate). These are the indices
 * `fitModel` would use; passing the whole range to `fitModel` gives the same fit.
 *
 * @param spec - The model (decides which columns must be present).
 * @param data - Returns on one session index (e.g. the result of `alignReturns`).
 * @param range - `[start, end)` in session indices, e.g. `resolveWindows(al.days, day0, …).estimation`.
 * @param mask - Optional, one byte per session of the range: 1 = keep, 0 = exclude (e.g.
 *   `estimationMask(sample)` of `checkOverlaps` with `contamination: "exclude"`).
 * @throws INVALID_OPTION for a range outside the data, or a mask of the wrong length;
 *   the codes of `fitModel` for a spec that does not fit the data (MISSING_RETURNS, INVALID_OPTION).
 * @example
 * ```ts
 * // the market is missing at session 1 and the asset at session 2
 * const market = Float64Array.of(0.01, NaN, -0.02, 0.015, 0.004, 0.02);
 * const asset = Float64Array.of(0.012, 0.01, NaN, 0.018, 0.006, 0.03);
 * estimationIndices({ type: "market" }, { asset, market }, { start: 0, end: 5 }); // => Int32Array [0, 3, 4]
 * estimationIndices({ type: "constant-mean" }, { asset, market }, { start: 0, end: 5 }); // => Int32Array [0, 1, 3, 4]
 * estimationIndices({ type: "market" }, { asset, market }, { start: 0, end: 5 }, Uint8Array.of(1, 1, 1, 0, 1)); // => Int32Array [0, 4]
 * ```
 */
export function estimationIndices(spec: ModelSpec, data: ModelData, range: IndexRange, mask?: Uint8Array): Int32Array {
  return estimationIndicesOf(modelColumns(spec, data), range, mask);
}
