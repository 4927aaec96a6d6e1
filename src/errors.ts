/**
 * Errors and warnings of market-reaction.
 *
 * Every failure the library signals is a {@link MarketReactionError} with a stable `code`
 * and, for bad input rows, the full list of `issues` (row, column, reason). Soft problems
 * never throw and never reach the console: they are returned as {@link Warning}s.
 *
 * @module
 */

import type { WarningCode } from "./warnings.js";

/** Stable machine-readable error codes (a code is never renamed; new ones may be added). */
export type ErrorCode =
  | "INVALID_OPTION"
  | "INVALID_INPUT"
  | "CSV_PARSE"
  | "NON_TRADING_DAY"
  | "NONEXISTENT_LOCAL_TIME"
  | "UNKNOWN_EXCHANGE"
  | "DATE_OUT_OF_RANGE"
  | "INSUFFICIENT_ESTIMATION_DATA"
  | "INSUFFICIENT_DATA"
  | "MISSING_RETURNS"
  | "SINGULAR_DESIGN"
  | "NO_VALID_EVENTS"
  | "IO_ERROR"
  /** Parts of a sharded study that do not make one study (different options, data, or shard layout; a part missing or twice). */
  | "SHARD_MISMATCH"
  /** An optional peer dependency (e.g. vega / vega-lite for SVG rendering) is not installed. */
  | "MISSING_DEPENDENCY";

/** One problem found in the input: where it is and what is wrong. */
export interface Issue {
  /** 1-based data row number (header excluded) or element index + 1 for row objects. */
  readonly row?: number;
  /** Column or field name. */
  readonly column?: string;
  /** Source file name, when the input came from a file. */
  readonly file?: string;
  /** What is wrong, in words. */
  readonly message: string;
}

const BRAND = Symbol.for("market-reaction.error");

/**
 * The one error class of the library.
 *
 * The message always names what failed; `issues` lists every bad row or field found, so a
 * caller can report all problems at once. Use {@link isMarketReactionError} rather than
 * `instanceof` when the ESM and CJS builds may both be loaded.
 *
 * @example
 * const r = safeParseSeriesCsv("date,close\n2025-02-30,1\n");
 * if (!r.success) [r.error.code, r.error.issues[0]?.row]; // => ["INVALID_INPUT", 1]
 */
export class MarketReactionError extends Error {
  override readonly name = "MarketReactionError";
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super(typeof message === "string" ? message : describeValue(message), options);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * True for a {@link MarketReactionError} from any copy of the library (ESM or CJS).
 *
 * @example
 * try {
 *   getExchange("XXXX");
 * } catch (error) {
 *   isMarketReactionError(error); // => true
 * }
 * isMarketReactionError(new Error("not ours")); // => false
 */
export function isMarketReactionError(value: unknown): value is MarketReactionError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Result of a `safe*` function: the data, or the error it would have thrown. */
export type SafeResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: MarketReactionError };

/**
 * Runs `fn` and returns its value or the {@link MarketReactionError} it threw. Other errors propagate.
 *
 * @example
 * toSafe(() => getExchange("XNYS").timezone); // => { success: true, data: "America/New_York" }
 * const r = toSafe(() => getExchange("XXXX"));
 * if (!r.success) r.error.code; // => "UNKNOWN_EXCHANGE"
 */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  if (typeof fn !== "function") invalidOption("toSafe: fn", typeof fn, "a function");
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (isMarketReactionError(error)) return { success: false, error };
    throw error;
  }
}

/**
 * Formats issues as one line each, for error messages; past `max` issues, a last line counts the rest.
 *
 * @example
 * formatIssues([{ row: 3, column: "close", message: "not a number" }, { row: 7, message: "duplicate date" }]);
 * // => "row 3, column close: not a number\nrow 7: duplicate date"
 */
export function formatIssues(issues: readonly Issue[], max = 10): string {
  if (!Array.isArray(issues)) invalidOption("formatIssues: issues", typeof issues, "an array of issues");
  if (!Number.isInteger(max) || max < 0) invalidOption("formatIssues: max", max, "a non-negative integer");
  const lines = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join("\n");
}

/**
 * One issue as `file, row R, column C: message` (each part only when known).
 *
 * @example
 * formatIssue({ file: "spx.csv", row: 3, column: "close", message: "not a number" }); // => "spx.csv, row 3, column close: not a number"
 * formatIssue({ message: "empty input" }); // => "empty input"
 */
export function formatIssue(issue: Issue): string {
  if (typeof issue !== "object" || issue === null) invalidOption("formatIssue: issue", issue, "an issue { message, row?, column?, file? }");
  const where: string[] = [];
  if (issue.file !== undefined) where.push(issue.file);
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column ${issue.column}`);
  return where.length > 0 ? `${where.join(", ")}: ${issue.message}` : issue.message;
}

/**
 * Throws one INVALID_INPUT (or the given code) error carrying every issue, if there are any.
 * The message states the count and the first few issues.
 *
 * @throws MarketReactionError with `code` (default `INVALID_INPUT`) and `issues`, when `issues` is not empty.
 * @example
 * throwIfIssues([], "spx.csv"); // no issues: returns
 * const r = toSafe(() => throwIfIssues([{ row: 3, column: "close", message: "not a number" }], "spx.csv"));
 * if (!r.success) r.error.message; // => "spx.csv: 1 problem\nrow 3, column close: not a number"
 */
export function throwIfIssues(issues: readonly Issue[], what: string, code: ErrorCode = "INVALID_INPUT"): void {
  if (!Array.isArray(issues)) invalidOption("throwIfIssues: issues", typeof issues, "an array of issues");
  if (issues.length === 0) return;
  const n = issues.length;
  throw new MarketReactionError(code, `${what}: ${n} problem${n === 1 ? "" : "s"}\n${formatIssues(issues)}`, issues);
}

/**
 * Throws INVALID_OPTION naming the option, the value received and the allowed domain.
 *
 * @throws MarketReactionError `INVALID_OPTION`, always.
 * @example
 * const r = toSafe(() => invalidOption("level", 1.5, "a number in (0, 1)"));
 * if (!r.success) r.error.message; // => "invalid level: 1.5; expected a number in (0, 1)"
 */
export function invalidOption(name: string, value: unknown, allowed: string): never {
  throw new MarketReactionError("INVALID_OPTION", `invalid ${name}: ${describeValue(value)}; expected ${allowed}`, [
    { column: name, message: `expected ${allowed}` },
  ]);
}

/** A value as text for a message: never throws (an object whose `toString` is not a function included). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(", ")}]`;
  try {
    return String(value);
  } catch {
    // e.g. an object parsed from JSON with a "toString" key
    return typeof value;
  }
}

/**
 * A soft problem: something the library decided for the user (a rolled date, a dropped row,
 * an overlap). Warnings are data, returned with results; the library never logs.
 */
export interface Warning {
  /**
   * Stable machine-readable code, e.g. `ROLLED_TO_NEXT_SESSION`, `OVERLAPPING_WINDOWS`: one of
   * {@link WarningCode} (docs/warnings.md says what each means).
   */
  readonly code: WarningCode | (string & {});
  /** What happened and why, in one sentence. */
  readonly message: string;
  readonly event_id?: string;
  readonly asset?: string;
  readonly exchange?: string;
  readonly row?: number;
  /**
   * The statements a warning is about, each with the span of its event windows (ISO):
   * `OVERLAPPING_WINDOWS` lists a cluster's members, `ESTIMATION_CONTAMINATED` the statements
   * whose event windows fall inside other statements' estimation windows.
   */
  readonly members?: readonly { readonly id: string; readonly day0?: string; readonly from?: string; readonly to?: string }[];
  /** `ESTIMATION_CONTAMINATED`: the statements whose estimation windows hold those sessions. */
  readonly affected?: readonly string[];
  /**
   * Everything the warning is about beyond `asset`, e.g. both statement ids of an overlapping
   * pair (`["E17", "E22"]`). Used to group warnings (`groupWarnings`).
   */
  readonly subjects?: readonly string[];
  /**
   * How many cases one warning stands for, when it groups them (e.g. `ROLLED_TO_NEXT_SESSION`:
   * the statements rolled on one exchange, named in `subjects`).
   */
  readonly count?: number;
  /** `high`, `medium` or `info`; filled in from the code by `classifyWarnings` when absent. */
  readonly severity?: "high" | "medium" | "info";
}
