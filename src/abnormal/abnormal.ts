/**
 * Abnormal returns and their exact prediction-error variances (MacKinlay 1997).
 * @module
 */
import { checkNumbers, checkOptions, checkShape } from "../check.js";
import { MarketReactionError, invalidOption } from "../errors.js";
import type { ModelFit, ModelPrediction } from "../models/types.js";
import { studentTTwoSided } from "../stats/index.js";
import { float64s } from "../stats/arena.js";
import type { AbnormalReturns, AbnormalReturnsOptions, ReturnUnits } from "./types.js";

const RETURN_TYPES: readonly ReturnUnits[] = ["simple", "log"];

function fail(message: string): never {
  throw new MarketReactionError("INVALID_INPUT", message, [{ message }]);
}

/** Checks that the fit and the prediction have consistent shapes; returns m. */
function checkShapes(fit: ModelFit, prediction: ModelPrediction, actualLength?: number): number {
  checkShape("abnormal returns", "fit", fit, { k: "number", sigma2: "number", df: "number", covUnscaled: "numbers" });
  checkShape("abnormal returns", "prediction", prediction, { expected: "numbers", design: "numbers", variance: "numbers?" });
  const m = prediction.expected.length;
  const k = fit.k;
  if (!Number.isInteger(k) || k < 0) fail(`abnormal returns: fit.k must be a non-negative integer, got ${k}`);
  if (actualLength !== undefined && actualLength !== m) {
    fail(`abnormal returns: ${actualLength} actual returns but ${m} expected returns; they must cover the same sessions`);
  }
  if (prediction.design.length !== m * k) {
    fail(`abnormal returns: prediction.design has ${prediction.design.length} values; expected m×k = ${m}×${k} = ${m * k}`);
  }
  if (fit.covUnscaled.length !== k * k) {
    fail(`abnormal returns: fit.covUnscaled has ${fit.covUnscaled.length} values; expected k×k = ${k * k}`);
  }
  return m;
}

/** x_iᵀ C x_j for rows i, j of an m×k column-major design. */
function rowForm(design: Float64Array, C: Float64Array, m: number, k: number, i: number, j: number): number {
  let s = 0;
  for (let a = 0; a < k; a++) {
    let r = 0;
    for (let b = 0; b < k; b++) r += C[a * k + b]! * design[j + b * m]!;
    s += design[i + a * m]! * r;
  }
  return s;
}

/**
 * Abnormal returns of one asset around one statement, with the exact prediction-error
 * variance, t statistic (= standardized abnormal return) and two-sided p-value of each day.
 *
 * ## Method
 * For each predicted session τ (index i, offset `start + i`):
 * - AR_τ = R_τ − E[R_τ] (in the units of the inputs, simple or log);
 * - Var(AR_τ) = s²(1 + x_τᵀ(XᵀX)⁻¹x_τ), with s² = `fit.sigma2`, x_τ the regressor row of the
 *   prediction (intercept included) and (XᵀX)⁻¹ = `fit.covUnscaled`; for k = 0
 *   (market-adjusted) Var(AR_τ) = s². The term x_τᵀ(XᵀX)⁻¹x_τ is the estimation error of the
 *   normal return; for the market model it equals 1/M + (R_mτ − R̄_m)²/S_mm; when the
 *   prediction carries its own `variance` (GARCH forecasts), that variance instead;
 * - t_τ = SAR_τ = AR_τ/√Var(AR_τ), two-sided p = 2·P(T_df > |t_τ|) with df = `fit.df` = M − k.
 * A missing actual or expected return (`NaN`) gives a `NaN` AR, t and p; a missing regressor
 * also gives a `NaN` variance. Cost O(m·k²); four `Float64Array`s of length m are allocated.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eqs. (7)–(8).
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.
 * - Patell, J. M. (1976). Corporate forecasts of earnings per share and stock price behavior.
 *   Journal of Accounting Research 14(2), 246–276 (standardized abnormal returns).
 *
 * @param fit - The fitted normal-return model (estimation window).
 * @param prediction - Expected returns and regressor rows of the event-window sessions.
 * @param actual - Actual returns of the same sessions, in the same units (`returnType`).
 * @param options - `start` (offset of the first session, default 0) and `returnType`.
 * @returns Per-day ARs, variances, t statistics and p-values as typed arrays.
 * @throws MarketReactionError `INVALID_INPUT` when the lengths of `actual`, `prediction` and
 *   the fit do not agree; `INVALID_OPTION` for a non-integer `start` or an unknown `returnType`.
 * @example
 * ```ts
 * // market model fitted elsewhere: alpha 0.001, beta 1.2, s² = 1e-4, M = 100, x̄ = 0, Sxx = 0.01
 * const fit = { spec: { type: "market" } as const, model: "market", names: ["alpha", "beta"],
 *   coefficients: new Float64Array([0.001, 1.2]), sigma2: 1e-4, df: 98, nObs: 100, k: 2, r2: 0.5,
 *   covUnscaled: new Float64Array([0.01, 0, 0, 100]), used: new Int32Array(0), residuals: new Float64Array(0) };
 * // market returns of +1% and −1% on days 0 and 1: expected 0.001 ± 1.2 × 0.01
 * const prediction = { expected: new Float64Array([0.013, -0.011]), design: new Float64Array([1, 1, 0.01, -0.01]) };
 * const ars = abnormalReturns(fit, prediction, [0.02, -0.03], { start: 0 });
 * ars.ar;       // => Float64Array [0.007, -0.019]
 * ars.variance; // => Float64Array [1.02e-4, 1.02e-4] (s²(1 + 1/M + 0.01²/Sxx))
 * ars.t;        // => Float64Array [0.693, -1.881]
 * ```
 */
export function abnormalReturns(fit: ModelFit, prediction: ModelPrediction, actual: ArrayLike<number>, options: AbnormalReturnsOptions = {}): AbnormalReturns {
  checkNumbers("abnormalReturns", "actual", actual);
  checkOptions("abnormalReturns", options);
  const start = options.start ?? 0;
  if (!Number.isInteger(start)) invalidOption("start", start, "an integer offset relative to day 0");
  const returnType = options.returnType ?? "simple";
  if (!RETURN_TYPES.includes(returnType)) invalidOption("returnType", returnType, `"simple" or "log"`);
  const m = checkShapes(fit, prediction, actual.length);
  const forecast = prediction.variance;
  if (forecast !== undefined && forecast.length !== m) fail(`abnormal returns: prediction.variance has ${forecast.length} values; expected ${m}`);
  return abnormalReturnsOf(fit, prediction, actual instanceof Float64Array ? actual : Float64Array.from(actual), start, returnType);
}

/**
 * {@link abnormalReturns} on arguments known to be consistent (a fit, its prediction of the
 * same sessions as `actual`), without checking them: the inner loop of `eventStudy`.
 * @internal
 */
export function abnormalReturnsOf(fit: ModelFit, prediction: ModelPrediction, actual: Float64Array, start: number, returnType: ReturnUnits): AbnormalReturns {
  const m = prediction.expected.length;
  const k = fit.k;
  const sigma2 = fit.sigma2;
  const df = fit.df;
  const design = prediction.design;
  const C = fit.covUnscaled;
  const expected = prediction.expected;
  const forecast = prediction.variance;
  const ar = float64s(m);
  const variance = float64s(m);
  const t = float64s(m);
  const pValue = float64s(m);
  for (let i = 0; i < m; i++) {
    const a = actual[i]! - expected[i]!;
    const v = forecast !== undefined ? forecast[i]! : sigma2 * (1 + (k === 0 ? 0 : rowForm(design, C, m, k, i, i)));
    const z = a / Math.sqrt(v);
    ar[i] = a;
    variance[i] = v;
    t[i] = z;
    pValue[i] = studentTTwoSided(z, df);
  }
  const out = new AbnormalReturnsRecord(fit, start, m, returnType, actual, expected, ar, variance, t, pValue, design, C);
  // `conditional` only for forecasts, added after (a conditional spread in the literal cloned
  // every pair's record through V8's slow path)
  if (forecast !== undefined) (out as { conditional?: boolean }).conditional = true;
  return out;
}

/**
 * The abnormal returns of a fit over a span, made by a constructor rather than an object literal
 * (V8 learns from a literal's objects where to allocate the next ones: studies that keep them
 * for the cross-event tests taught it to put every later study's records, dropped at once, into
 * the old generation; see `MarketModelFit` in `src/models/marketModel.ts`). The fields are those
 * of the literal, in its order.
 */
class AbnormalReturnsRecord implements AbnormalReturns {
  declare readonly model: string;
  declare readonly k: number;
  declare readonly df: number;
  declare readonly nObs: number;
  declare readonly sigma2: number;
  declare readonly start: number;
  declare readonly length: number;
  declare readonly returnType: ReturnUnits;
  declare readonly actual: Float64Array;
  declare readonly expected: Float64Array;
  declare readonly ar: Float64Array;
  declare readonly variance: Float64Array;
  declare readonly t: Float64Array;
  declare readonly sar: Float64Array;
  declare readonly pValue: Float64Array;
  declare readonly design: Float64Array;
  declare readonly covUnscaled: Float64Array;
  constructor(
    fit: ModelFit,
    start: number,
    length: number,
    returnType: ReturnUnits,
    actual: Float64Array,
    expected: Float64Array,
    ar: Float64Array,
    variance: Float64Array,
    t: Float64Array,
    pValue: Float64Array,
    design: Float64Array,
    covUnscaled: Float64Array,
  ) {
    this.model = fit.model;
    this.k = fit.k;
    this.df = fit.df;
    this.nObs = fit.nObs;
    this.sigma2 = fit.sigma2;
    this.start = start;
    this.length = length;
    this.returnType = returnType;
    this.actual = actual;
    this.expected = expected;
    this.ar = ar;
    this.variance = variance;
    this.t = t;
    this.sar = t;
    this.pValue = pValue;
    this.design = design;
    this.covUnscaled = covUnscaled;
  }
}

/**
 * Full covariance matrix of the event-window abnormal returns, V = s²(I + X*(XᵀX)⁻¹X*ᵀ).
 *
 * ## Method
 * V_ij = s²(δ_ij + x_iᵀ(XᵀX)⁻¹x_j) for the predicted sessions i, j (Campbell, Lo & MacKinlay
 * 1997, eq. 4.4.8 for the market model; the same form for any linear model). The
 * off-diagonal terms come from the common estimation error of the parameters; they are why
 * Var(CAR) = 1ᵀV_W1 differs from the sum of the daily variances. For k = 0, V = s²I.
 * Returned as an m×m symmetric matrix (row- and column-major alike). O(m²k²); meant for
 * reporting and checking: {@link cumulativeAbnormalReturn} never forms V. A prediction that
 * carries its own `variance` (GARCH forecasts) gives the diagonal V = diag(variance).
 *
 * ## References
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.2–4.4.3.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39.
 *
 * @param fit - The fitted model (`sigma2`, `k`, `covUnscaled`).
 * @param prediction - Regressor rows of the event-window sessions (`design`, m×k).
 * @returns V, m×m.
 * @throws MarketReactionError `INVALID_INPUT` when `design` or `covUnscaled` have the wrong size.
 * @example
 * ```ts
 * // constant-mean model, M = 4 estimation days, s² = 2: V = 2(I + J/4)
 * const fit = { spec: { type: "constant-mean" } as const, model: "constant-mean", names: ["alpha"],
 *   coefficients: new Float64Array([0]), sigma2: 2, df: 3, nObs: 4, k: 1, r2: NaN,
 *   covUnscaled: new Float64Array([0.25]), used: new Int32Array(0), residuals: new Float64Array(0) };
 * abnormalCovariance(fit, { expected: new Float64Array(2), design: new Float64Array([1, 1]) });
 * // => Float64Array [2.5, 0.5, 0.5, 2.5]
 * ```
 */
export function abnormalCovariance(fit: ModelFit, prediction: ModelPrediction): Float64Array {
  const m = checkShapes(fit, prediction);
  const k = fit.k;
  const s2 = fit.sigma2;
  const V = new Float64Array(m * m);
  // forecast variances (GARCH): uncorrelated ARs, V diagonal
  if (prediction.variance !== undefined) {
    for (let i = 0; i < m; i++) V[i * m + i] = prediction.variance[i]!;
    return V;
  }
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      const v = s2 * ((i === j ? 1 : 0) + (k === 0 ? 0 : rowForm(prediction.design, fit.covUnscaled, m, k, i, j)));
      V[i * m + j] = v;
      V[j * m + i] = v;
    }
  }
  return V;
}
