/**
 * Types of the cross-event inference (AAR/CAAR and the test battery;
 * docs/tests.md). Field names of result rows are snake_case: they are the JSON contract of
 * the `aggregate` table.
 * @module
 */
import type { AbnormalReturns } from "../../abnormal/types.js";
import type { Warning } from "../../errors.js";
import type { ModelFit } from "../../models/types.js";
import type { Window } from "../../types.js";
import type { TestResult } from "../types.js";
import { REGISTERED_NAMES, type RegisteredTestName } from "./registry.js";

/**
 * Names of the cross-event tests (snake_case: the JSON contract), in the order
 * `crossEventTests` reports them (the order of the test registry).
 *
 * @example
 * ```ts
 * TEST_NAMES.length; // => 18
 * TEST_NAMES.slice(0, 4); // => ["cross_sectional_t", "time_series_t", "bw1980", "patell"]
 * TEST_NAMES.includes("corrado_rank"); // => true
 * ```
 */
export const TEST_NAMES = REGISTERED_NAMES;

/** One of {@link TEST_NAMES}. */
export type TestName = RegisteredTestName;

/**
 * Convention profile. `textbook` (default): the textbook formulas of docs/tests.md;
 * `estudy2`: the statistics of the R package estudy2 on complete, date-clustered data.
 */
export type Conventions = "textbook" | "estudy2";

/** Multiple-testing adjustment of p-values: none, Holm (1979) or Benjamini–Hochberg (1995). */
export type PAdjustMethod = "none" | "holm" | "bh";

/**
 * What the orchestrator has for one (asset, statement) pair: the fitted model, the abnormal
 * returns of the event span and the calendar days behind them.
 */
export interface CrossEvent {
  /** Event identifier (statement id, or `statement:asset`). */
  readonly id: string;
  /** Asset identifier. */
  readonly asset: string;
  /** The normal-return model fitted on the estimation window (`residuals` aligned with `used`). */
  readonly fit: ModelFit;
  /** Abnormal returns of the event span (`ars.start` = offset of index 0 relative to day 0). */
  readonly ars: AbnormalReturns;
  /** Calendar day keys of the estimation observations, aligned with `fit.residuals`. */
  readonly estimationDays: Int32Array;
  /** Calendar day keys of the event-span sessions, aligned with `ars.ar`. */
  readonly eventDays: Int32Array;
  /**
   * Session offsets relative to day 0 of the estimation observations (e.g. −250 … −11), aligned
   * with `fit.residuals`. Used for event-time pooling (time-series t, Corrado, Corrado–Zivney,
   * GRANK, Lamb in the textbook profile). When absent, observation j of M gets the pseudo-offset
   * `ars.start − M + j` (the window is aligned at its end, just before the event span): exact
   * grouping whenever every event has a complete estimation window of the same length and gap.
   */
  readonly estimationOffsets?: Int32Array;
}

/** A cross-event test result: the common test shape plus an optional adjusted p-value. */
export interface CrossTestResult extends TestResult {
  /** Holm or Benjamini–Hochberg adjusted p-value (only when `adjust` is not `none`). */
  p_value_adjusted?: number;
  /** Test-specific numbers (e.g. `rbar`, `w`, `p_hat`, `z`, `T`), for reporting. */
  readonly details?: Readonly<Record<string, number>>;
}

/** Results of several tests, keyed by test name. */
export type TestResults = Partial<Record<TestName, CrossTestResult>>;

/** One event day τ across events. */
export interface DailyRow {
  /** Offset τ relative to day 0. */
  readonly rel_day: number;
  /** ISO date, when every event with an AR on τ has the same calendar date. */
  readonly date?: string;
  /** AAR_τ = mean of the available AR_iτ. */
  readonly aar: number;
  /** N_τ, the number of events with an AR on τ. */
  readonly n: number;
  readonly tests: TestResults;
}

/** One window [τ1, τ2] across events. */
export interface WindowRow {
  readonly window_start: number;
  readonly window_end: number;
  /** CAAR = Σ_{τ∈W} AAR_τ (the sum of the daily cross-sectional means). */
  readonly caar: number;
  /**
   * Mean CAR over the events with a complete window, (1/N_W) Σ_i CAR_i. Equal to `caar` in a
   * balanced panel; the CAR-based tests (cross-sectional t, Patell, BMP, sign, Wilcoxon, …) test
   * this mean.
   */
  readonly mean_car: number;
  /** N_W, the number of events with a complete window (an AR on every day). */
  readonly n: number;
  readonly tests: TestResults;
}

/** Options of `crossEventTests`. */
export interface CrossEventOptions {
  /** Windows [τ1, τ2] (offsets relative to day 0, inclusive). */
  readonly windows: readonly Window[];
  /** Tests to run; default `"all"`. */
  readonly tests?: readonly TestName[] | "all";
  /** Convention profile; default `textbook`. */
  readonly conventions?: Conventions;
  /** Multiple-testing adjustment; default `none` (see `adjustPValues` for the families). */
  readonly adjust?: PAdjustMethod;
  /** Report daily rows for these offsets only; default: every offset of the event spans. */
  readonly days?: readonly number[];
}

/** Result of `crossEventTests`. */
export interface CrossEventResult {
  readonly daily: DailyRow[];
  readonly windows: WindowRow[];
  /** The profile actually used (`textbook` when `estudy2` fell back; see `warnings`). */
  readonly conventions: Conventions;
  /** Kolari–Pynnönen average residual correlation r̄ (NaN when not computed). */
  readonly rbar: number;
  readonly warnings: Warning[];
}
