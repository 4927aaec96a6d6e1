/**
 * Estimation and event windows in trading sessions, resolved to index ranges of a days array.
 * @module
 */
import { MarketReactionError, invalidOption, toSafe } from "../errors.js";
import type { SafeResult } from "../errors.js";
import { isoFromDayKey } from "../time/index.js";
import type { DayKey, Window } from "../types.js";
import { isTradingCalendar } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { lowerBound } from "./nyse.js";

/**
 * An estimation window given by its length and the gap (in sessions) between its last day and
 * the first day of the earliest event window: `{ length: 240, gap: 10 }` with event window
 * `[-1, 1]` is `[-251, -12]`.
 */
export interface EstimationLength {
  readonly length: number;
  /** Sessions left out between the estimation and the earliest event window; default 0. */
  readonly gap?: number;
}

/** Windows of a study, in sessions relative to day 0. */
export interface WindowSpec {
  /** Estimation window `[start, end]`, or `{ length, gap }`; absent for no estimation window. */
  readonly estimation?: Window | EstimationLength;
  /** One or more event windows `[start, end]`. */
  readonly windows: readonly Window[];
}

/** A {@link WindowSpec} after validation: explicit offsets. */
export interface NormalizedWindows {
  readonly estimation: Window | undefined;
  readonly windows: readonly Window[];
  /** Smallest start and largest end over the event windows. */
  readonly eventSpan: Window;
}

/** One window resolved on a days array. Use `days.subarray(start, end)` for its sessions. */
export interface ResolvedRange {
  /** The offsets relative to day 0, inclusive. */
  readonly offsets: Window;
  /** Index of the first session (inclusive). */
  readonly start: number;
  /** Index after the last session (exclusive). */
  readonly end: number;
  /** Number of sessions (`end - start`). */
  readonly length: number;
  readonly firstDay: DayKey;
  readonly lastDay: DayKey;
}

/** Result of {@link resolveWindows}. */
export interface ResolvedWindows {
  readonly day0: DayKey;
  /** Index of day 0 in the days array. */
  readonly day0Index: number;
  readonly estimation: ResolvedRange | undefined;
  /** The event windows, in the order given. */
  readonly windows: ResolvedRange[];
}

function isWindow(w: unknown): w is Window {
  return Array.isArray(w) && w.length === 2 && Number.isInteger(w[0]) && Number.isInteger(w[1]);
}

function showWindow(w: Window): string {
  return `[${w[0]}, ${w[1]}]`;
}

/**
 * Validates a {@link WindowSpec} and turns `{ length, gap }` into explicit offsets.
 *
 * @throws INVALID_OPTION for a non-integer or reversed window, no event window, a bad length or
 * gap, or an event window that overlaps the estimation window.
 * @example
 * normalizeWindows({ estimation: { length: 240, gap: 10 }, windows: [[-1, 1]] }).estimation; // => [-251, -12]
 */
export function normalizeWindows(spec: WindowSpec): NormalizedWindows {
  if (typeof spec !== "object" || spec === null) invalidOption("windows", spec, "an object { estimation?, windows }");
  if (!Array.isArray(spec.windows) || spec.windows.length === 0) invalidOption("windows", spec.windows, "one or more event windows [start, end]");
  spec.windows.forEach((w, i) => {
    if (!isWindow(w)) invalidOption(`windows[${i}]`, w, "[start, end] with integer offsets");
    if (w[0] > w[1]) invalidOption(`windows[${i}]`, w, "start <= end");
  });
  const windows = spec.windows.map((w) => [w[0], w[1]] as const);
  const eventSpan: Window = [Math.min(...windows.map((w) => w[0])), Math.max(...windows.map((w) => w[1]))];
  let estimation: Window | undefined;
  const e = spec.estimation;
  if (e === undefined) estimation = undefined;
  else if (Array.isArray(e)) {
    if (!isWindow(e)) invalidOption("estimation", e, "[start, end] with integer offsets, or { length, gap }");
    if (e[0] > e[1]) invalidOption("estimation", e, "start <= end");
    estimation = [e[0], e[1]];
  } else if (typeof e === "object" && e !== null) {
    const { length, gap = 0 } = e as EstimationLength;
    if (!Number.isInteger(length) || length < 1) invalidOption("estimation.length", length, "a positive integer number of sessions");
    if (!Number.isInteger(gap) || gap < 0) invalidOption("estimation.gap", gap, "a non-negative integer number of sessions");
    const end = eventSpan[0] - gap - 1;
    estimation = [end - length + 1, end];
  } else {
    invalidOption("estimation", e, "[start, end] or { length, gap }");
  }
  if (estimation !== undefined) {
    for (const [i, w] of windows.entries()) {
      if (w[0] <= estimation[1] && estimation[0] <= w[1]) {
        invalidOption(`windows[${i}]`, w, `an event window that does not overlap the estimation window ${showWindow(estimation)}`);
      }
    }
  }
  return { estimation, windows, eventSpan };
}

function estimationLabel(e: Window): string {
  return `the estimation window ${showWindow(e)} (${e[1] - e[0] + 1} sessions)`;
}

function daysOf(calendarOrDays: TradingCalendar | Int32Array): { days: Int32Array; what: string } {
  if (calendarOrDays instanceof Int32Array) return { days: calendarOrDays, what: "the series" };
  if (isTradingCalendar(calendarOrDays)) return { days: calendarOrDays.days, what: `the ${calendarOrDays.exchange.code} calendar` };
  return invalidOption("days", calendarOrDays, "a TradingCalendar or an Int32Array of sorted day keys");
}

function range(days: Int32Array, i0: number, w: Window): ResolvedRange {
  const start = i0 + w[0];
  const end = i0 + w[1] + 1;
  return { offsets: w, start, end, length: end - start, firstDay: days[start]!, lastDay: days[end - 1]! };
}

/**
 * Resolves the estimation and event windows around `day0` to index ranges of a days array
 * (a calendar's sessions or a series' days), counting trading sessions.
 *
 * @throws INVALID_OPTION for bad windows (see {@link normalizeWindows}).
 * @throws NON_TRADING_DAY when `day0` is not one of the days.
 * @throws INSUFFICIENT_ESTIMATION_DATA when the days do not reach far enough for the estimation window,
 * e.g. "the estimation window [-250, -11] needs 250 sessions before day 0 (2023-02-01); the series has 20".
 * @throws INSUFFICIENT_DATA when an event window runs past the days.
 * @example
 * const w = resolveWindows(tradingCalendar("XNYS"), dayKeyFromIso("2025-04-07"), { estimation: [-250, -11], windows: [[-1, 1]] });
 * w.windows[0]?.length; // => 3
 * isoFromDayKey(w.estimation!.firstDay); // => "2024-04-08"
 */
export function resolveWindows(calendarOrDays: TradingCalendar | Int32Array, day0: DayKey, spec: WindowSpec): ResolvedWindows {
  const { days, what } = daysOf(calendarOrDays);
  const norm = normalizeWindows(spec);
  const i0 = lowerBound(days, day0);
  if (!Number.isInteger(day0) || days[i0] !== day0) {
    throw new MarketReactionError("NON_TRADING_DAY", `day 0 ${Number.isInteger(day0) ? isoFromDayKey(day0) : String(day0)} is not a session of ${what}`);
  }
  const n = days.length;
  // the texts of the errors are built only when one is thrown (this runs once per pair)
  let estimation: ResolvedRange | undefined;
  if (norm.estimation !== undefined) {
    const e = norm.estimation;
    if (i0 + e[0] < 0) {
      throw new MarketReactionError(
        "INSUFFICIENT_ESTIMATION_DATA",
        `${estimationLabel(e)} needs ${-e[0]} sessions before day 0 (${isoFromDayKey(day0)}); ${what} has ${i0}`,
      );
    }
    if (i0 + e[1] > n - 1) {
      throw new MarketReactionError(
        "INSUFFICIENT_ESTIMATION_DATA",
        `${estimationLabel(e)} needs ${e[1]} sessions after day 0 (${isoFromDayKey(day0)}); ${what} has ${n - 1 - i0}`,
      );
    }
    estimation = range(days, i0, e);
  }
  const windows = norm.windows.map((w) => {
    if (i0 + w[0] < 0) {
      throw new MarketReactionError(
        "INSUFFICIENT_DATA",
        `the event window ${showWindow(w)} needs ${-w[0]} sessions before day 0 (${isoFromDayKey(day0)}); ${what} has ${i0}`,
      );
    }
    if (i0 + w[1] > n - 1) {
      throw new MarketReactionError(
        "INSUFFICIENT_DATA",
        `the event window ${showWindow(w)} needs ${w[1]} sessions after day 0 (${isoFromDayKey(day0)}); ${what} has ${n - 1 - i0}`,
      );
    }
    return range(days, i0, w);
  });
  return { day0, day0Index: i0, estimation, windows };
}

/**
 * {@link resolveWindows} without throwing.
 *
 * @example
 * // a series starting in March 2025 is too short for a 250-session estimation window
 * const days = nyseTradingDays(dayKeyFromIso("2025-03-03"), dayKeyFromIso("2025-04-30"));
 * const r = safeResolveWindows(days, dayKeyFromIso("2025-04-09"), { estimation: [-250, -11], windows: [[0, 0]] });
 * if (!r.success) r.error.code; // => "INSUFFICIENT_ESTIMATION_DATA"
 */
export function safeResolveWindows(calendarOrDays: TradingCalendar | Int32Array, day0: DayKey, spec: WindowSpec): SafeResult<ResolvedWindows> {
  return toSafe(() => resolveWindows(calendarOrDays, day0, spec));
}
