/**
 * Cell-level helpers of the parsers: numbers with `.` or `,` decimals, missing-value tokens,
 * column-name matching, day sorting and the "nothing dropped silently" bookkeeping.
 * Hand-written loops (no zod) because price columns can have millions of cells.
 * @module
 */
import { MarketReactionError, type Issue, type Warning } from "../errors.js";
import { dayKey, isoFromDayKey, parseDate, type DateFormat } from "../time/index.js";

/** Cell texts that mean "no value" (compared case-insensitively after trimming). */
const MISSING_TOKENS = new Set(["", ".", "-", "na", "n/a", "#n/a", "nan", "null", "none"]);

/** True when a (trimmed) cell means "no value": empty, `.`, `-`, `NA`, `N/A`, `#N/A`, `NaN`, `null`, `None`. */
export function isMissingCell(cell: string): boolean {
  return cell.length <= 4 && MISSING_TOKENS.has(cell.toLowerCase());
}

const PLAIN_DOT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Thousands groups after a first group of 1-3 digits not starting with 0 (`0,123` is no thousands number). */
const THOUSANDS_DOT = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS_COMMA = /^[+-]?[1-9]\d{0,2}(?:[. ]\d{3})+(?:,\d*)?$/;
const CURRENCY = /^([+-]?)\$\s*/;

/**
 * Parses a numeric cell: `null` when the cell is missing, `NaN` when it is not a number.
 * Accepts an optional sign, a `$` prefix, exponents, and thousands separators in their
 * standard grouping (`5,074.08`; with `decimal: ","` also `5.074,08` and `5 074,08`); a first
 * group starting with 0 (`0,123`) is not a thousands grouping, so such a cell is not a number.
 * `Infinity` and hexadecimal are not numbers; `1e999` parses to `Infinity` (caller rejects).
 */
export function parseNumberCell(raw: string, decimal: "." | "," = "."): number | null {
  let s = raw.trim();
  if (isMissingCell(s)) return null;
  if (s.includes("$")) s = s.replace(CURRENCY, "$1");
  if (decimal === ".") {
    if (PLAIN_DOT.test(s)) return Number(s);
    if (THOUSANDS_DOT.test(s)) return Number(s.replaceAll(",", ""));
    return Number.NaN;
  }
  if (PLAIN_COMMA.test(s)) return Number(s.replace(",", "."));
  if (THOUSANDS_COMMA.test(s)) return Number(s.replace(/[. ]/g, "").replace(",", "."));
  return Number.NaN;
}

/**
 * A cell quoted for a message, cut to its first 60 characters (`"999…" (2000000 characters)`),
 * so that a huge field cannot turn an error message into megabytes.
 */
export function showCell(cell: string): string {
  if (cell.length <= 60) return JSON.stringify(cell);
  return `${JSON.stringify(cell.slice(0, 60))}… (${cell.length} characters)`;
}

/** Lowercase letters and digits only: `Adj Close` -> `adjclose`, `Mkt-RF` -> `mktrf`. */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Lowercase with runs of other characters as `_`: `Mkt-RF` -> `mkt_rf`, `Source URL` -> `source_url`. */
export function snakeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Index of the first header whose compact name is in `names` (in the order of `names`), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const compact = header.map(compactName);
  for (const n of names) {
    const i = compact.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** Compact names of date columns, in order of preference. */
export const DATE_NAMES = ["date", "observationdate", "datetime", "timestamp", "time", "day", "tradedate", "tradingdate", "data", "dt", "period"] as const;

/** Where a cell came from, for issues. */
export interface Origin {
  readonly file?: string;
}

/** An issue with the file name attached when known. */
export function issueAt(origin: Origin, row: number | undefined, column: string | undefined, message: string): Issue {
  return {
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    ...(origin.file === undefined ? {} : { file: origin.file }),
    message,
  };
}

/** Column names quoted and joined for messages: `"date", "close"`. */
export function quotedNames(names: readonly string[]): string {
  return names.map((h) => JSON.stringify(h)).join(", ");
}

/**
 * Throws `INVALID_INPUT` for a problem of the whole input (a missing column, no data rows):
 * the message prefixed with the file name when known, one issue carrying the column and file.
 */
export function failInput(origin: Origin, message: string, column?: string): never {
  const where = origin.file === undefined ? "" : `${origin.file}: `;
  throw new MarketReactionError("INVALID_INPUT", `${where}${message}`, [
    {
      message,
      ...(column === undefined ? {} : { column }),
      ...(origin.file === undefined ? {} : { file: origin.file }),
    },
  ]);
}

/** Most issues kept per error: beyond this a final issue gives the count of the rest. */
export const MAX_ISSUES = 1000;

/** Collects issues up to {@link MAX_ISSUES} and counts the rest. */
export class IssueList {
  readonly items: Issue[] = [];
  private extra = 0;
  constructor(private readonly origin: Origin) {}
  add(row: number | undefined, column: string | undefined, message: string): void {
    if (this.items.length < MAX_ISSUES) this.items.push(issueAt(this.origin, row, column, message));
    else this.extra++;
  }
  push(issue: Issue): void {
    if (this.items.length < MAX_ISSUES) this.items.push(issue);
    else this.extra++;
  }
  get size(): number {
    return this.items.length + this.extra;
  }
  /** The issues, with a closing summary issue when some were not kept. */
  list(): Issue[] {
    if (this.extra === 0) return this.items;
    return [...this.items, issueAt(this.origin, undefined, undefined, `${this.extra} further problems not listed`)];
  }
}

/** Parses a date cell; `NaN` when malformed or impossible. Plain ISO dates take a fast path. */
export function parseDateCell(cell: string, format: DateFormat): number {
  if (cell.length === 10 && (format === "auto" || format === "YYYY-MM-DD") && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
    const y = digits(cell, 0, 4);
    const m = digits(cell, 5, 7);
    const d = digits(cell, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return dayKey(y, m, d);
  }
  return parseDate(cell, format);
}

/** The number written by the ASCII digits `text[from..to)`, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The day key of a plain `YYYY-MM-DD` date written at `text[start..end)` (nothing around it),
 * or `NaN` for anything else, which the caller then reads the general way. Reads the
 * characters in place: the streaming parser calls it for every row without cutting a string.
 */
export function plainIsoDayAt(text: string, start: number, end: number): number {
  if (end - start !== 10 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return Number.NaN;
  const y = digits(text, start, start + 4);
  const m = digits(text, start + 5, start + 7);
  const d = digits(text, start + 8, start + 10);
  return y < 0 || m < 0 || d < 0 ? Number.NaN : dayKey(y, m, d);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written at `text[start..end)` when it is plain — an optional sign, digits and an
 * optional decimal separator (`decimalCode`) followed by digits, 15 digits at most, nothing
 * around it — else `NaN`, which the caller then reads the general way ({@link parseNumberCell}).
 * Exact: the digits form an integer below 2^53 and the power of ten is exact, so the one
 * division rounds correctly and gives the double `Number()` gives for the same text.
 */
export function plainNumberAt(text: string, start: number, end: number, decimalCode: number): number {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let count = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      count++;
    } else if (c === decimalCode && fraction < 0 && count > 0) fraction = count;
    else return Number.NaN;
  }
  if (count === 0 || count > 15 || fraction === count) return Number.NaN;
  const v = fraction < 0 ? mantissa : mantissa / POW10[count - fraction]!;
  return negative ? -v : v;
}

/** Describes the accepted date formats in messages. */
export function dateFormatHint(format: DateFormat): string {
  return format === "auto" ? "YYYY-MM-DD, YYYYMMDD or MM/DD/YYYY" : format;
}

/** Observations per page of {@link Observations}. */
const PAGE = 512;

/**
 * Observations of one series in file order, before sorting: day, value and 1-based row, in
 * typed-array pages of 512 that are never copied while the file is read. A long panel of many
 * assets thus holds about its final size (at most one part-filled page per asset), where
 * doubling arrays would hold up to twice it plus the garbage of every copy.
 */
export class Observations {
  private readonly dayPages: Int32Array[] = [];
  private readonly valuePages: Float64Array[] = [];
  private readonly rowPages: Int32Array[] = [];
  private used = PAGE;
  length = 0;
  missing = 0;
  readonly missingDays: number[] = [];

  push(day: number, value: number, row: number): void {
    if (this.used === PAGE) {
      this.dayPages.push(new Int32Array(PAGE));
      this.valuePages.push(new Float64Array(PAGE));
      this.rowPages.push(new Int32Array(PAGE));
      this.used = 0;
    }
    const p = this.dayPages.length - 1;
    this.dayPages[p]![this.used] = day;
    this.valuePages[p]![this.used] = value;
    this.rowPages[p]![this.used] = row;
    this.used++;
    this.length++;
  }

  markMissing(day: number): void {
    this.missing++;
    if (this.missingDays.length < 5) this.missingDays.push(day);
  }

  /** The observations as contiguous arrays of their exact length; the pages are released. */
  take(): { days: Int32Array; values: Float64Array; rows: Int32Array } {
    const n = this.length;
    const days = new Int32Array(n);
    const values = new Float64Array(n);
    const rows = new Int32Array(n);
    for (let p = 0; p < this.dayPages.length; p++) {
      const at = p * PAGE;
      const len = Math.min(PAGE, n - at);
      days.set(this.dayPages[p]!.subarray(0, len), at);
      values.set(this.valuePages[p]!.subarray(0, len), at);
      rows.set(this.rowPages[p]!.subarray(0, len), at);
    }
    this.dayPages.length = 0;
    this.valuePages.length = 0;
    this.rowPages.length = 0;
    this.used = PAGE;
    this.length = 0;
    return { days, values, rows };
  }
}

/** Result of {@link finishObservations}: sorted days and values, or nothing if duplicates were found. */
export interface Finished {
  readonly days: Int32Array;
  readonly values: Float64Array;
}

/**
 * Sorts observations by day (reversing a newest-first file, sorting an unordered one, with a
 * warning either way), reports duplicate days as issues, and reports dropped missing values
 * as a `MISSING_VALUES` warning.
 */
export function finishObservations(obs: Observations, name: string, origin: Origin, issues: IssueList, warnings: Warning[], asset?: string): Finished {
  const taken = obs.take();
  const n = taken.days.length;
  const where = origin.file === undefined ? "" : `${origin.file}: `;
  const tag = asset === undefined ? {} : { asset };
  if (obs.missing > 0) {
    const first = obs.missingDays.map((d) => (Number.isNaN(d) ? "?" : isoFromDayKey(d))).join(", ");
    warnings.push({
      code: "MISSING_VALUES",
      message: `${where}${obs.missing} row${obs.missing === 1 ? "" : "s"} of ${name} without a value were dropped (first: ${first}${obs.missing > obs.missingDays.length ? ", …" : ""})`,
      ...tag,
    });
  }
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n; i++) {
    const a = taken.days[i - 1]!;
    const b = taken.days[i]!;
    if (b <= a) ascending = false;
    if (b >= a) descending = false;
  }
  let order: Int32Array | undefined;
  if (!ascending && n > 1) {
    order = new Int32Array(n);
    if (descending) {
      for (let i = 0; i < n; i++) order[i] = n - 1 - i;
      warnings.push({
        code: "REVERSED_ROWS",
        message: `${where}the rows of ${name} are newest first; they were reversed to ascending dates`,
        ...tag,
      });
    } else {
      const idx = Array.from({ length: n }, (_, i) => i);
      const d = taken.days;
      idx.sort((a, b) => d[a]! - d[b]! || a - b);
      order = Int32Array.from(idx);
    }
  }
  let days = taken.days;
  let values = taken.values;
  if (order !== undefined) {
    days = new Int32Array(n);
    values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      days[i] = taken.days[j]!;
      values[i] = taken.values[j]!;
    }
  }
  let duplicates = 0;
  for (let i = 1; i < n; i++) {
    if (days[i] === days[i - 1]) {
      duplicates++;
      const j = order === undefined ? i : order[i]!;
      const k = order === undefined ? i - 1 : order[i - 1]!;
      const rows = [taken.rows[k]!, taken.rows[j]!].sort((a, b) => a - b);
      issues.add(rows[1], undefined, `duplicate date ${isoFromDayKey(days[i]!)} for ${name} (also on row ${rows[0]})`);
    }
  }
  if (!ascending && !descending && duplicates === 0 && n > 1) {
    warnings.push({
      code: "UNSORTED_ROWS",
      message: `${where}the rows of ${name} were not in date order; they were sorted`,
      ...tag,
    });
  }
  return { days, values };
}

/**
 * `v / 100` as the double nearest to the decimal value `v` was written as: shifts the decimal
 * exponent of `v`'s shortest round-trip text (`-0.47` -> `-0.47e-2` = -0.0047 exactly), where
 * a floating-point division would give -0.004699999999999999.
 */
export function percentToDecimal(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v / 100;
  const s = String(v);
  const e = s.search(/e/i);
  if (e < 0) return Number(`${s}e-2`);
  return Number(`${s.slice(0, e)}e${Number(s.slice(e + 1)) - 2}`);
}
