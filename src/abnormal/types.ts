/**
 * Result types of the abnormal-return step: ARs with their prediction-error variances, CARs with
 * the full covariance, BHARs (docs/methods.md).
 *
 * One (asset, statement) pair gives one {@link AbnormalReturns}: typed arrays over the
 * event-window sessions (no object per day), plus one small {@link CarResult} per event
 * window. Field names are camelCase; the orchestrator renames them for the tidy tables.
 *
 * @module
 */
import type { Window } from "../types.js";

/** Units of the returns: simple `R = P_t/P_{t−1} − 1` or log `r = ln(P_t/P_{t−1})`. */
export type ReturnUnits = "simple" | "log";

/** What a window sum does with a missing abnormal return (a `NaN` AR). */
export type MissingPolicy = "propagate" | "skip";

/** Options of {@link abnormalReturns}. */
export interface AbnormalReturnsOptions {
  /**
   * Offset (in sessions relative to day 0) of the first predicted session, e.g. `-5` for an
   * event span `[-5, 5]`. Default `0`. Windows of {@link cumulativeAbnormalReturn} are given
   * in these offsets.
   */
  readonly start?: number;
  /**
   * Units of `actual` and `prediction.expected`: `simple` (default) or `log`. ARs and CARs
   * are in these units; BHARs are always on simple returns (log returns are converted with
   * `expm1`).
   */
  readonly returnType?: ReturnUnits;
}

/**
 * Abnormal returns of one asset around one statement, with their exact prediction-error
 * variances. Plain data: every per-day quantity is a `Float64Array` of length `length`, index
 * `i` being offset `start + i`.
 */
export interface AbnormalReturns {
  /** Model name from the fit (`market`, `constant-mean`, `ff3`, …). */
  readonly model: string;
  /** Number of estimated mean parameters k (columns of the design). */
  readonly k: number;
  /** Residual degrees of freedom M − k of the fit (the t reference distribution). */
  readonly df: number;
  /** Estimation observations M. */
  readonly nObs: number;
  /** Residual variance s² of the fit. */
  readonly sigma2: number;
  /** Offset of index 0 relative to day 0. */
  readonly start: number;
  /** Number of event-window sessions m. */
  readonly length: number;
  readonly returnType: ReturnUnits;
  /** Actual returns R_τ (a copy when the input was not a `Float64Array`). */
  readonly actual: Float64Array;
  /** Expected (normal) returns E[R_τ] (the prediction's array, not copied). */
  readonly expected: Float64Array;
  /** Abnormal returns AR_τ = R_τ − E[R_τ]. */
  readonly ar: Float64Array;
  /**
   * Prediction-error variances Var(AR_τ) = s²(1 + x_τᵀ(XᵀX)⁻¹x_τ), or the model's forecasts
   * when the prediction carries them (GARCH: the conditional-variance forecasts; see `conditional`).
   */
  readonly variance: Float64Array;
  /**
   * True when `variance` holds the model's per-session forecasts (GARCH): the ARs are then
   * uncorrelated and Var(CAR) is the sum of the daily variances. Absent for the linear models.
   */
  readonly conditional?: boolean;
  /**
   * t statistics AR_τ/√Var(AR_τ). These are also the standardized abnormal returns (SAR) of
   * Patell (1976); `sar` is the same array object.
   */
  readonly t: Float64Array;
  /** Standardized abnormal returns SAR_τ = AR_τ/√Var(AR_τ): the same array object as `t`. */
  readonly sar: Float64Array;
  /** Two-sided p-values of `t` from Student t with `df` degrees of freedom. */
  readonly pValue: Float64Array;
  /** Event-window regressor rows X*, m×k column-major (the prediction's array). */
  readonly design: Float64Array;
  /** (XᵀX)⁻¹ of the fit, k×k (the fit's array). */
  readonly covUnscaled: Float64Array;
}

/** Options of {@link cumulativeAbnormalReturn}. */
export interface CarOptions {
  /**
   * `propagate` (default): a window with a missing AR has `NaN` CAR, variance, t, p and BHAR.
   * `skip`: sum over the days with an AR only; the variance is the quadratic form over the
   * same days and `n` counts them (BHAR then compounds over those days only).
   */
  readonly missing?: MissingPolicy;
}

/** Cumulative and buy-and-hold abnormal return of one event window, with its t test. */
export interface CarResult {
  /** The window `[τ1, τ2]` in offsets relative to day 0. */
  readonly window: Window;
  /** Index (into the {@link AbnormalReturns} arrays) of the first session of the window. */
  readonly from: number;
  /** Index after the last session of the window (exclusive). */
  readonly to: number;
  /** Window length L = τ2 − τ1 + 1. */
  readonly length: number;
  /** Number of ARs summed (L unless some are missing and `missing: "skip"`). */
  readonly n: number;
  /** CAR = Σ_{τ∈W} AR_τ. */
  readonly car: number;
  /** Var(CAR) = 1ᵀV_W1 = s²(n + sᵀ(XᵀX)⁻¹s), s = Σ_{τ∈W} x_τ (the full covariance). */
  readonly variance: number;
  /** Σ_{τ∈W} Var(AR_τ): the diagonal-only variance, reported for comparison (not used for t). */
  readonly diagonalVariance: number;
  /** Standard error √Var(CAR). */
  readonly se: number;
  /** t = CAR/se; also the standardized CAR (SCAR). */
  readonly t: number;
  /** Standardized CAR, SCAR = CAR/√Var(CAR): equal to `t`. */
  readonly scar: number;
  /** Two-sided p-value of `t` from Student t with `df` degrees of freedom. */
  readonly pValue: number;
  /** Degrees of freedom M − k. */
  readonly df: number;
  /** Buy-and-hold abnormal return Π(1+R_τ) − Π(1+E[R_τ]) on simple returns. */
  readonly bhar: number;
  /** Buy-and-hold return of the asset, Π(1+R_τ) − 1. */
  readonly buyAndHold: number;
  /** Buy-and-hold normal return, Π(1+E[R_τ]) − 1. */
  readonly expectedBuyAndHold: number;
}

/** Result of {@link cumulativeAbnormalReturnPath}: CAR from the first offset up to each offset. */
export interface CarPath {
  /** Offsets τ relative to day 0. */
  readonly offsets: Int32Array;
  /** CAR(τ_first, τ). */
  readonly car: Float64Array;
  /** Var(CAR(τ_first, τ)) with the full covariance. */
  readonly variance: Float64Array;
}
