/**
 * The fields that public functions read from the library's own result objects when a caller
 * hands them back (abnormal returns, CARs, calendars, series, warnings): checked once at the
 * boundary with `checkShape`, so a wrong object is an `INVALID_OPTION` naming the field.
 * @module
 */
import type { Shape } from "./check.js";

/** What the CAR, BHAR and volatility functions read from an `AbnormalReturns`. */
export const ABNORMAL_RETURNS: Shape = {
  start: "integer",
  length: "integer",
  k: "integer",
  df: "number",
  sigma2: "number",
  ar: "numbers",
  variance: "numbers",
  t: "numbers",
  pValue: "numbers",
  actual: "numbers",
  expected: "numbers",
  design: "numbers",
  covUnscaled: "numbers",
};

/** What the single-event tests read from a `CarResult`. */
export const CAR_RESULT: Shape = { car: "number", t: "number", pValue: "number", df: "number", n: "number" };

/** A series keyed by event-time offset or date (the pooled rank tests). */
export const KEYED_SERIES: Shape = { keys: "numbers", values: "numbers" };

/** A dated series (residual correlation). */
export const DATED_SERIES: Shape = { days: "numbers", values: "numbers" };

/** A `TradingCalendar` (its methods included). */
export const CALENDAR: Shape = {
  exchange: "object",
  days: "numbers",
  first: "number",
  last: "number",
  source: "string",
  covers: "function",
  indexOf: "function",
  isSession: "function",
};

/** An `Exchange` as the calendar functions read it. */
export const EXCHANGE: Shape = { code: "string", timezone: "string" };

/** A `Warning`. */
export const WARNING: Shape = { code: "string", message: "string", asset: "string?", event_id: "string?", severity: "string?" };

/** A `Series`. */
export const SERIES: Shape = { id: "string", days: "numbers", values: "numbers" };

/** A `BarSeries` (minute bars). */
export const BAR_SERIES: Shape = {
  id: "string",
  instants: "numbers",
  open: "numbers",
  high: "numbers",
  low: "numbers",
  close: "numbers",
  volume: "numbers",
};

/** The tables of a study the charts read. */
export const CHART_SOURCE: Shape = { abnormal: "array", car: "array", pairs: "array?", options: "object?" };
