/**
 * The row types of a study's tables (`events`, `models`, `abnormal`, `car`, `skipped`,
 * `regression`, `regression_car`, `wald`): a leaf module (types only), so the renderers in
 * `output/` and the stages of `eventStudy` can name the rows without importing the `Study` class.
 * @module
 */
import type { WaldRow } from "../inference/clustered/index.js";

/** Statement metadata carried to every output row (`null` when absent). */
export interface EventMetadata {
  readonly label: string | null;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly venue: string | null;
  readonly source: string | null;
  readonly group: string | null;
  /** The statements file's `market_session` (pre-open, after-close, …), `null` when absent. */
  readonly market_session: string | null;
}

/** One statement aligned on one exchange (the `events` table). */
export interface EventRow extends EventMetadata {
  readonly id: string;
  readonly exchange: string;
  readonly timestamp: string;
  readonly timezone: string;
  readonly session: string;
  /** Day 0, ISO date. */
  readonly day0: string;
  readonly rule: string;
  readonly reason: string;
  /** The statement on the exchange clock (ISO, no offset; a date for date-only statements). */
  readonly local_time: string;
  readonly exchange_timezone: string;
  /** The statement instant in UTC; `null` for a date-only statement. */
  readonly instant_utc: string | null;
  /** True when the exchange calendar is weekdays-only (holidays unknown). */
  readonly approximate: boolean;
  /** The statement's own asset, `null` for every asset. */
  readonly asset: string | null;
}

/** One fitted model per (statement, asset) (the `models` table); coefficients by name. */
export interface ModelRow extends EventMetadata {
  readonly event_id: string;
  readonly asset: string;
  readonly model: string;
  /** Estimation observations used, M. */
  readonly n: number;
  /** Residual degrees of freedom, M − k. */
  readonly df: number;
  /** Residual standard deviation s (divisor M − k). */
  readonly sigma: number;
  readonly r2: number;
  readonly estimation_start: string;
  readonly estimation_end: string;
  /** Sessions of the estimation window removed as other statements' event windows. */
  readonly excluded_sessions: number;
  readonly day0: string;
  /** Coefficients by name: `alpha`, `beta`, factor names, … */
  readonly [coefficient: string]: string | number | null;
}

/** One session of an event window (the `abnormal` table). */
export interface AbnormalRow extends EventMetadata {
  readonly event_id: string;
  readonly asset: string;
  /** Session offset from day 0. */
  readonly rel_day: number;
  readonly date: string;
  readonly return: number;
  readonly expected: number;
  readonly ar: number;
  /** √Var(AR) with the prediction-error term. */
  readonly se: number;
  readonly t: number;
  readonly p_value: number;
  readonly day0: string;
}

/** One event window of one (statement, asset) (the `car` table). */
export interface CarRow extends EventMetadata {
  readonly event_id: string;
  readonly asset: string;
  readonly window_start: number;
  readonly window_end: number;
  readonly car: number;
  /** √(1′V1) with the full covariance of the window's ARs. */
  readonly se: number;
  readonly t: number;
  readonly p_value: number;
  readonly bhar: number;
  readonly date_start: string;
  readonly date_end: string;
  /** ARs summed. */
  readonly n: number;
  readonly df: number;
  /** Σ Var(AR_τ), the diagonal-only variance, for comparison. */
  readonly variance_diagonal: number;
  /** Gelbach-Helland-Klick SQ test p-value (empirical, two-sided). */
  readonly sq_p_value: number;
  /** 2.5% and 97.5% quantiles of the SQ null distribution. */
  readonly sq_lower: number;
  readonly sq_upper: number;
  readonly day0: string;
}

/** A (statement, asset) pair that was not studied, and why. */
export interface SkippedRow {
  readonly event_id: string;
  /** `null` when the statement was dropped for every asset (alignment). */
  readonly asset: string | null;
  readonly exchange: string;
  readonly code: string;
  readonly reason: string;
}

/** One coefficient of the dummy-variable regression (the `regression` table). */
export interface StudyRegressionRow {
  readonly asset: string;
  readonly term: string;
  /** `intercept`, `control`, `lag`, `event` or `pooled`. */
  readonly kind: string;
  readonly estimate: number;
  /** OLS standard error. */
  readonly std_error: number;
  /** Newey–West standard error. */
  readonly std_error_hac: number;
  /** estimate / the standard error named by `vcov`. */
  readonly statistic: number;
  readonly p_value: number;
  /** `hac` or `ols`: which covariance `statistic` uses (docs/clustered.md). */
  readonly vcov: string;
  readonly df: number;
  /** The session of an event term (ISO). */
  readonly session: string | null;
  /** The statements and offsets behind an event term, e.g. `E17[0] E22[0]` (merged dummies). */
  readonly events: string | null;
}

/** A CAR of the dummy-variable regression: a linear combination of its coefficients. */
export interface StudyRegressionCarRow {
  readonly asset: string;
  /** Statement id, `mean` or `pooled`. */
  readonly event_id: string;
  readonly window_start: number;
  readonly window_end: number;
  readonly estimate: number;
  readonly std_error: number;
  readonly std_error_hac: number;
  readonly statistic: number;
  readonly p_value: number;
  readonly vcov: string;
  readonly df: number;
}

/** A joint Wald test of the dummy-variable regression (the `wald` table): the asset, then the test. */
export type StudyWaldRow = { readonly asset: string } & WaldRow;
