/**
 * The `Study` result: tidy tables as data fields, renderings as prototype methods.
 * @module
 */
import type { Warning } from "../errors.js";
import { invalidOption } from "../errors.js";
import { formatCsv, formatJson, formatTextTable, type Row } from "../output/index.js";
import type { PlaceboResult } from "../inference/clustered/index.js";
import type { PairResult } from "./eventStudy.js";

/** Statement metadata carried to every output row (`null` when absent). */
export interface EventMetadata {
  readonly label: string | null;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly venue: string | null;
  readonly source: string | null;
  readonly group: string | null;
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

/** A joint Wald test of the dummy-variable regression (the `wald` table). */
export interface StudyWaldRow {
  readonly asset: string;
  readonly hypothesis: string;
  /** χ² statistic. */
  readonly statistic: number;
  readonly df: number;
  readonly p_value: number;
  readonly f_statistic: number;
  readonly df_residual: number;
  readonly p_value_f: number;
  readonly vcov: string;
}

/** The tidy tables of a {@link Study}. */
export type StudyTable = "events" | "models" | "abnormal" | "car" | "skipped" | "warnings" | "regression" | "regression_car" | "wald";

const TABLES: readonly StudyTable[] = ["events", "models", "abnormal", "car", "skipped", "warnings", "regression", "regression_car", "wald"];

/** The data of a study. */
export interface StudyData {
  readonly events: readonly EventRow[];
  readonly models: readonly ModelRow[];
  readonly abnormal: readonly AbnormalRow[];
  readonly car: readonly CarRow[];
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
  readonly options: Readonly<Record<string, unknown>>;
  /** Dummy-variable regression (when asked for): coefficients, CARs, Wald tests, fit summary per asset. */
  readonly regression?: readonly StudyRegressionRow[];
  readonly regression_car?: readonly StudyRegressionCarRow[];
  readonly wald?: readonly StudyWaldRow[];
  readonly regression_info?: readonly Readonly<Record<string, unknown>>[];
  /** Placebo inference (when asked for). */
  readonly placebo?: PlaceboResult | null;
}

/**
 * The result of {@link eventStudy}: tidy tables (`events`, `models`, `abnormal`, `car`), the
 * `warnings` and `skipped` lists, and the resolved options. Fields are plain data (a
 * `structuredClone` gives plain objects); methods render them.
 */
export class Study implements StudyData {
  readonly events: readonly EventRow[];
  readonly models: readonly ModelRow[];
  readonly abnormal: readonly AbnormalRow[];
  readonly car: readonly CarRow[];
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly regression: readonly StudyRegressionRow[];
  readonly regression_car: readonly StudyRegressionCarRow[];
  readonly wald: readonly StudyWaldRow[];
  readonly regression_info: readonly Readonly<Record<string, unknown>>[];
  readonly placebo: PlaceboResult | null;
  /** The per-pair building blocks (fits, typed arrays); not serialised. */
  declare readonly pairs: readonly PairResult[];

  constructor(data: StudyData, pairs: readonly PairResult[] = []) {
    this.events = data.events;
    this.models = data.models;
    this.abnormal = data.abnormal;
    this.car = data.car;
    this.warnings = data.warnings;
    this.skipped = data.skipped;
    this.options = data.options;
    this.regression = data.regression ?? [];
    this.regression_car = data.regression_car ?? [];
    this.wald = data.wald ?? [];
    this.regression_info = data.regression_info ?? [];
    this.placebo = data.placebo ?? null;
    Object.defineProperty(this, "pairs", { value: pairs, enumerable: false });
  }

  /**
   * The rows of a tidy table (the array itself, not a copy).
   * @throws INVALID_OPTION for an unknown table name.
   */
  toRows(table: StudyTable): readonly object[] {
    if (!TABLES.includes(table)) invalidOption("table", table, TABLES.join(", "));
    return this[table];
  }

  /** Plain JSON-ready data: the tables by name; `NaN` becomes `null` in `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      events: this.events,
      models: this.models,
      abnormal: this.abnormal,
      car: this.car,
      warnings: this.warnings,
      skipped: this.skipped,
      options: this.options,
    };
    // the clustered-statement results appear when they were asked for
    if ("regression" in this.options) {
      out.regression = this.regression;
      out.regression_car = this.regression_car;
      out.wald = this.wald;
      out.regression_info = this.regression_info;
    }
    if ("placebo" in this.options) out.placebo = this.placebo;
    return out;
  }

  /** The study as JSON text (two-space indentation, `null` for missing numbers); byte-stable. */
  toJSONText(): string {
    return formatJson(this.toJSON());
  }

  /** A tidy table as CSV text. */
  toCSV(table: StudyTable = "car"): string {
    return formatCsv(this.toRows(table) as Row[]);
  }

  /** A plain-text summary table of the CARs (statements × windows). */
  toString(): string {
    const rows = this.car.map((r) => ({
      event: r.event_id,
      asset: r.asset,
      day0: r.day0,
      window: `[${r.window_start}, ${r.window_end}]`,
      car: r.car,
      se: r.se,
      t: r.t,
      p_value: r.p_value,
      bhar: r.bhar,
    }));
    const n = this.skipped.length;
    return `${formatTextTable(rows, { digits: 4 })}${n > 0 ? `${n} skipped (see .skipped)\n` : ""}`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Study (${this.models.length} fits, ${this.car.length} CARs, ${this.warnings.length} warnings, ${this.skipped.length} skipped)\n${this.toString()}`;
  }
}
