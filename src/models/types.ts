/**
 * The one contract every normal-return model follows (each model is a descriptor in `registry.ts`).
 *
 * A model is fitted on the estimation sample of one (asset, statement) pair and predicts the
 * normal return of any session. Everything needed for the exact variances of abnormal returns
 * (MacKinlay 1997) travels in the fit: σ² with its divisor, the degrees of freedom and
 * (XᵀX)⁻¹; `predictModel` returns the regressor rows x_τ of the predicted sessions, so that
 * Var(AR_τ) = σ²(1 + x_τᵀ(XᵀX)⁻¹x_τ) and Cov(AR_τ, AR_s) = σ² x_τᵀ(XᵀX)⁻¹x_s.
 *
 * @module
 */

import type { GarchFit } from "../measures/garch.js";
import type { RegisteredModelSpec } from "./registry.js";

/**
 * A normal-return model: the spec of one of the registered models (`registry.ts`), told apart
 * by `type`: `constant-mean`, `market-adjusted`, `market`, `factors` (with `factors`,
 * `riskFree`, `label`), `scholes-williams`, `dimson` (with `lags`), `garch`, `garch-market`.
 */
export type ModelSpec = RegisteredModelSpec;

/** Returns of one asset and its benchmarks on one session index (NaN = missing). */
export interface ModelData {
  /** Asset returns, one per session. */
  readonly asset: Float64Array;
  /** Market (benchmark) returns on the same sessions. */
  readonly market?: Float64Array;
  /** Factor returns in decimal units, keyed by factor name, on the same sessions. */
  readonly factors?: Readonly<Record<string, Float64Array>>;
}

/** A fitted normal-return model. Plain data: serialisable with structuredClone / JSON (typed arrays aside). */
export interface ModelFit {
  readonly spec: ModelSpec;
  /** Model name for output rows: `constant-mean`, `market-adjusted`, `market`, `ff3`, …, `scholes-williams`, `dimson`, `garch`, `garch-market`. */
  readonly model: string;
  /** Coefficient names: `alpha`, `beta`, factor names, `beta_lag1`, `beta_lead1`, … */
  readonly names: readonly string[];
  readonly coefficients: Float64Array;
  /** Residual variance s² = Σê²/(M − k) (the textbook divisor, as R's `lm`). */
  readonly sigma2: number;
  /** Degrees of freedom M − k. */
  readonly df: number;
  /** Estimation observations used (complete cases), M. */
  readonly nObs: number;
  /** Number of estimated mean parameters k (0 market-adjusted, 1 constant mean and `garch`, 2 market model and `garch-market`, 1+K factors). */
  readonly k: number;
  /** R² (centred); `NaN` where undefined (constant mean, market-adjusted). */
  readonly r2: number;
  /** (XᵀX)⁻¹, k×k, symmetric; empty when k = 0. */
  readonly covUnscaled: Float64Array;
  /** Session indices (into ModelData) of the estimation observations used, ascending. */
  readonly used: Int32Array;
  /** Estimation-window residuals, aligned with `used`. */
  readonly residuals: Float64Array;
  /**
   * Factor models: the risk-free column subtracted from the asset return (and added back to the
   * expected return), `null` for none. Absent for the other models.
   */
  readonly riskFree?: string | null;
  /**
   * Model-specific statistics: Scholes-Williams `beta_lag`, `beta_0`, `beta_lead`, `rho_market`;
   * Dimson `sum_beta`; GARCH `omega`, `alpha1`, `beta1`, `loglik`, `persistence`,
   * `unconditional_variance`, `converged` (1 or 0). Absent for the other models.
   */
  readonly details?: Readonly<Record<string, number>>;
  /**
   * GARCH models: the fitted GARCH(1,1) (mean and variance parameters, log-likelihood,
   * conditional variances) whose forecasts `predictModel` returns as `variance`; its ω, α₁, β₁,
   * log-likelihood and persistence are also in `details`. Absent for the other models.
   */
  readonly garch?: GarchFit;
}

/** Options of `fitModel`. */
export interface FitOptions {
  /**
   * Fewest complete estimation observations accepted; default k + 1 (and at least 1), so that
   * the residual variance has at least one degree of freedom.
   */
  readonly minObs?: number;
}

/** Normal returns of some sessions and the regressor rows behind them. */
export interface ModelPrediction {
  /** Expected (normal) returns, one per requested session; NaN where a regressor is missing. */
  readonly expected: Float64Array;
  /**
   * Regressor rows x_τ, m×k column-major (element (τ, j) at τ + j·m), in the same column
   * order as `ModelFit.names`; empty when k = 0.
   */
  readonly design: Float64Array;
  /**
   * Models that forecast a variance per session (GARCH): Var(AR_τ) of each requested session,
   * used by `abnormalReturns` in place of σ²(1 + x_τ′(XᵀX)⁻¹x_τ); NaN before the estimation
   * sample ends. Absent for the other models.
   */
  readonly variance?: Float64Array;
}
