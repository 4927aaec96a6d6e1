/**
 * CSV text -> intraday bars (timestamps with an offset, in UTC, or local with a time zone).
 * Part of the intraday module (issue 10); exported from `src/intraday/index.ts`.
 * @module
 */
import { MarketReactionError, invalidOption, throwIfIssues } from "../errors.js";
import type { Issue, Warning } from "../errors.js";
import { formatLocalTime, instantToLocal, isValidTimeZone, localToInstant, parseTimestamp } from "../time/index.js";
import { kindMismatch } from "../returns/plausibility.js";
import { compactName, parseNumberCell } from "./cells.js";
import { numberFormatHint } from "./numberFormat.js";
import { readCsvRecords } from "./csv.js";
import { checkArrayOf, checkOptions, checkString } from "../check.js";
import { BAR_SERIES } from "../shapes.js";

/**
 * A series of bars: one row per bar, sorted by start instant, no duplicates.
 * Prices are columns of equal length; a column absent from the input is all `NaN`.
 */
export interface BarSeries {
  readonly id: string;
  /** Bar start instants, ms since the epoch (UTC), strictly increasing. */
  readonly instants: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Options of {@link parseBarsCsv}. */
export interface ParseBarsOptions {
  /** Series id (default: the file name without extension, else `bars`). */
  readonly id?: string;
  /** Column holding the bar start time. Default: the first of `datetime_utc`, `datetime`, `timestamp`, `time`, `datetime_et`, `date`. */
  readonly timeColumn?: string;
  /** IANA zone of timestamps written without an offset (e.g. `America/New_York`). Required for such timestamps. */
  readonly timezone?: string;
  /** File name for messages. */
  readonly file?: string;
  readonly delimiter?: string;
}

/** Result of {@link parseBarsCsv}. */
export interface BarTable {
  readonly bars: BarSeries;
  /** The column the times were read from. */
  readonly timeColumn: string;
  /** Unsorted input, duplicate bars, ambiguous local times, rows without a close. */
  readonly warnings: Warning[];
}

const TIME_COLUMNS = ["datetime_utc", "datetime", "timestamp", "time", "datetime_et", "date"] as const;
const PRICE_COLUMNS = { open: ["open"], high: ["high"], low: ["low"], close: ["close", "adj_close", "price", "last"], volume: ["volume"] } as const;

function columnIndex(header: readonly string[], names: readonly string[]): number {
  const compact = header.map(compactName);
  for (const n of names) {
    const i = compact.indexOf(compactName(n));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Parses bars from CSV text: a time column and `open,high,low,close,volume` (only `close`
 * is required). A time is a bar's START; it may carry an offset (`2025-04-07T09:30:00-04:00`),
 * be in UTC (`…Z`), or be local wall-clock time, read in `options.timezone` through the IANA
 * zone (so DST is handled; a local time skipped by a DST change is an error, a repeated one
 * takes the earlier instant with an `AMBIGUOUS_LOCAL_TIME` warning). Rows are sorted by time
 * (`UNSORTED_BARS` warning); a repeated time keeps the first row (`DUPLICATE_BARS` warning);
 * rows whose close is missing are dropped (`MISSING_CLOSE` warning).
 *
 * @throws INVALID_OPTION for an unknown `timezone`.
 * @throws INVALID_INPUT when the time or close column is absent, or listing every row with a
 *   malformed time, a local time without `timezone`, a nonexistent local time or a bad number.
 * @throws CSV_PARSE for malformed CSV.
 * @example
 * // SPXL one-minute bars at the 7 April 2025 open (09:30 and 09:31 New York time)
 * const { bars } = parseBarsCsv("datetime,close\n2025-04-07T13:30:00Z,90.91\n2025-04-07T13:31:00Z,91.33\n", { id: "SPXL" });
 * bars.instants[0]; // => 1744032600000
 * bars.close; // => Float64Array [90.91, 91.33]
 */
export function parseBarsCsv(text: string, options: ParseBarsOptions = {}): BarTable {
  checkString("parseBarsCsv", "text", text);
  checkOptions("parseBarsCsv", options);
  if (options.timezone !== undefined && !isValidTimeZone(options.timezone))
    invalidOption("timezone", options.timezone, "an IANA time zone such as America/New_York");
  const file = options.file;
  const { records } = readCsvRecords(text, {
    ...(file === undefined ? {} : { file }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  const header = (records[0] ?? []).map((h) => h.trim());
  const read: BarReading = {
    options,
    where: file === undefined ? "bars" : file,
    fileIssue: file === undefined ? {} : { file },
    header,
    ...barColumns(header, options),
  };
  const rows = readBarRows(records, read);
  if (rows.issues.length > 0) closesLookLikeReturns(records, read);
  throwIfIssues(rows.issues, `${read.where}: invalid bars`, "INVALID_INPUT");
  const warnings = rowWarnings(rows, read);
  const uniq = barOrder(rows, read.where, warnings);
  const inconsistent = rangeWarning(rows, uniq, read.where);
  if (inconsistent !== undefined) warnings.push(inconsistent);
  const pick = (a: Float64Array) => Float64Array.from(uniq, (r) => a[r]!);
  const id = options.id ?? (file === undefined ? "bars" : (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, ""));
  const values = rows.values;
  return {
    bars: {
      id,
      instants: pick(rows.t),
      open: pick(values.open),
      high: pick(values.high),
      low: pick(values.low),
      close: pick(values.close),
      volume: pick(values.volume),
    },
    timeColumn: header[read.tCol]!,
    warnings,
  };
}

type BarField = "open" | "high" | "low" | "close" | "volume";
const BAR_FIELDS: readonly BarField[] = ["open", "high", "low", "close", "volume"];

/** What reading the rows of a bar file needs: the options, the name for messages and the columns. */
interface BarReading {
  readonly options: ParseBarsOptions;
  /** The file name, or `bars`, prefixed to messages. */
  readonly where: string;
  readonly fileIssue: { readonly file?: string };
  readonly header: readonly string[];
  readonly tCol: number;
  /** Column of each field; -1 when absent. */
  readonly cols: Readonly<Record<BarField, number>>;
}

/** The rows of a bar file as read: instants and fields per row, which rows to keep, and what was found. */
interface BarRows {
  readonly t: Float64Array;
  readonly values: Record<BarField, Float64Array>;
  readonly keep: Uint8Array;
  readonly issues: Issue[];
  ambiguous: number;
  firstAmbiguous: string;
  noClose: number;
}

/** The time column and the price and volume columns of a bar header; the time and close columns are required. */
function barColumns(header: readonly string[], options: ParseBarsOptions): Pick<BarReading, "tCol" | "cols"> {
  const where = options.file === undefined ? "bars" : options.file;
  const fileIssue = options.file === undefined ? {} : { file: options.file };
  const tCol = options.timeColumn === undefined ? columnIndex(header, TIME_COLUMNS) : header.indexOf(options.timeColumn);
  if (tCol < 0) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${where}: no time column (expected ${options.timeColumn ?? TIME_COLUMNS.join(", ")}); header: ${header.join(",")}`,
      [{ ...fileIssue, row: 0, message: "no time column" }],
    );
  }
  const cols = {
    open: columnIndex(header, PRICE_COLUMNS.open),
    high: columnIndex(header, PRICE_COLUMNS.high),
    low: columnIndex(header, PRICE_COLUMNS.low),
    close: columnIndex(header, PRICE_COLUMNS.close),
    volume: columnIndex(header, PRICE_COLUMNS.volume),
  };
  if (cols.close < 0) {
    throw new MarketReactionError("INVALID_INPUT", `${where}: no close column (expected close, adj_close, price or last); header: ${header.join(",")}`, [
      { ...fileIssue, row: 0, message: "no close column" },
    ]);
  }
  return { tCol, cols };
}

/** Reads every data row: its instant and fields, issues for bad rows, counts for the warnings. */
function readBarRows(records: readonly (readonly string[])[], read: BarReading): BarRows {
  const n = records.length - 1;
  const rows: BarRows = {
    t: new Float64Array(n),
    values: { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) },
    keep: new Uint8Array(n),
    issues: [],
    ambiguous: 0,
    firstAmbiguous: "",
    noClose: 0,
  };
  for (let r = 0; r < n; r++) {
    const rec = records[r + 1]!;
    const instant = barInstant(rec[read.tCol]?.trim() ?? "", r + 1, read, rows);
    if (Number.isNaN(instant)) continue;
    rows.t[r] = instant;
    if (!readBarFields(rec, r, read, rows)) continue;
    if (Number.isNaN(rows.values.close[r]!)) {
      rows.noClose++;
      continue;
    }
    rows.keep[r] = 1;
  }
  return rows;
}

/**
 * The instant of a bar time cell: with its offset, or local time in `options.timezone`
 * (an ambiguous local time counted); `NaN` with an issue when it cannot be read.
 */
function barInstant(cell: string, row: number, read: BarReading, rows: BarRows): number {
  const { options, header, tCol, fileIssue } = read;
  const issue = (message: string): number => {
    rows.issues.push({ ...fileIssue, row, column: header[tCol]!, message });
    return Number.NaN;
  };
  const p = parseTimestamp(cell);
  if (p === undefined || p.minute === undefined) {
    return issue(`malformed bar time ${JSON.stringify(cell)} (expected YYYY-MM-DDTHH:mm[:ss] with Z, an offset, or a timezone option)`);
  }
  if (p.offset !== undefined) return (p.day * 1440 + p.minute - p.offset) * 60_000;
  if (options.timezone === undefined) return issue(`bar time ${cell} has no UTC offset; pass the timezone option (e.g. America/New_York)`);
  const res = localToInstant({ day: p.day, minute: p.minute }, options.timezone);
  if (res.status === "nonexistent") return issue(`local time ${cell} does not exist in ${options.timezone} (clocks were put forward)`);
  if (res.status === "ambiguous") {
    if (rows.ambiguous === 0) rows.firstAmbiguous = formatLocalTime({ day: p.day, minute: p.minute });
    rows.ambiguous++;
  }
  return res.instant;
}

/** Reads the price and volume cells of row `r` (absent or missing: `NaN`); false when one is invalid. */
function readBarFields(rec: readonly string[], r: number, read: BarReading, rows: BarRows): boolean {
  let ok = true;
  for (const key of BAR_FIELDS) {
    const c = read.cols[key];
    const v = c < 0 ? null : parseNumberCell(rec[c] ?? "");
    if (v === null) {
      rows.values[key][r] = Number.NaN;
      continue;
    }
    if (!Number.isFinite(v) || (key !== "volume" && v <= 0) || v < 0) {
      // bars are read with "." decimals only: the hint names the format, not an option
      const hint =
        Number.isNaN(v) && numberFormatHint(rec[c] ?? "", ".") !== "" ? ' (decimal comma? bar files are read with "." as the decimal separator)' : "";
      rows.issues.push({
        ...read.fileIssue,
        row: r + 1,
        column: read.header[c]!,
        message: `${key} must be a positive number, got ${JSON.stringify(rec[c])}${hint}`,
      });
      ok = false;
    } else rows.values[key][r] = v;
  }
  return ok;
}

/**
 * Throws `INVALID_INPUT` naming the close column when its values look like returns rather than
 * prices (the kind check of the series parsers: a tenth or more negative, median |value| below
 * 0.2), instead of one issue per nonpositive close. Called only when rows were refused.
 */
function closesLookLikeReturns(records: readonly (readonly string[])[], read: BarReading): void {
  const c = read.cols.close;
  const closes: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const v = parseNumberCell(records[r]![c] ?? "");
    if (v !== null && Number.isFinite(v)) closes.push(v);
  }
  const found = kindMismatch(closes, "price");
  if (found === undefined) return;
  throw new MarketReactionError(
    "INVALID_INPUT",
    `${read.where}: column ${JSON.stringify(read.header[c])} holds bar closes, but its values look like returns (${found.evidence}); bars are read as prices: give the bars' prices`,
    [{ ...read.fileIssue, column: read.header[c]!, message: "closes look like returns" }],
  );
}

/**
 * A `BAR_RANGE_INCONSISTENT` warning when kept bars have a high below their low, or an open or
 * close outside [low, high] (each compared only where both are given): mislabelled columns.
 */
function rangeWarning(rows: BarRows, kept: readonly number[], where: string): Warning | undefined {
  const { open, high, low, close } = rows.values;
  let count = 0;
  let first = -1;
  for (const r of kept) {
    const h = high[r]!;
    const l = low[r]!;
    const bad = h < l || open[r]! > h || close[r]! > h || open[r]! < l || close[r]! < l;
    if (!bad) continue;
    if (count === 0) first = r + 1;
    count++;
  }
  if (count === 0) return undefined;
  return {
    code: "BAR_RANGE_INCONSISTENT",
    message: `${where}: ${count} bar(s) have a high below the low, or an open or close outside [low, high] (first on row ${first}); check which columns hold open, high, low and close`,
  };
}

/** The warnings of the rows read: ambiguous local times, rows without a close. */
function rowWarnings(rows: BarRows, read: BarReading): Warning[] {
  const warnings: Warning[] = [];
  if (rows.ambiguous > 0) {
    warnings.push({
      code: "AMBIGUOUS_LOCAL_TIME",
      message: `${read.where}: ${rows.ambiguous} bar time(s) occur twice in ${read.options.timezone} (clocks were put back), first ${rows.firstAmbiguous}; the earlier instant was used — give times with an offset to avoid this`,
    });
  }
  if (rows.noClose > 0) warnings.push({ code: "MISSING_CLOSE", message: `${read.where}: ${rows.noClose} row(s) without a close were dropped` });
  return warnings;
}

/** The kept rows in time order, the first of each repeated time only (warned). */
function barOrder(rows: BarRows, where: string, warnings: Warning[]): number[] {
  const { t, keep } = rows;
  const order: number[] = [];
  for (let r = 0; r < keep.length; r++) if (keep[r] === 1) order.push(r);
  let sorted = true;
  for (let i = 1; i < order.length; i++) if (t[order[i]!]! < t[order[i - 1]!]!) sorted = false;
  if (!sorted) {
    order.sort((a, b) => t[a]! - t[b]! || a - b);
    warnings.push({ code: "UNSORTED_BARS", message: `${where}: bars were not in time order; they were sorted` });
  }
  const uniq: number[] = [];
  let duplicates = 0;
  let firstDuplicate = Number.NaN;
  for (const r of order) {
    if (uniq.length > 0 && t[uniq[uniq.length - 1]!] === t[r]) {
      if (duplicates === 0) firstDuplicate = t[r]!;
      duplicates++;
      continue;
    }
    uniq.push(r);
  }
  if (duplicates > 0) {
    warnings.push({
      code: "DUPLICATE_BARS",
      message: `${where}: ${duplicates} bar(s) repeat an earlier bar time (first ${formatLocalTime(instantToLocal(firstDuplicate, "UTC"))}Z); the first row of each time was kept`,
    });
  }
  return uniq;
}

/**
 * Joins bar series of one instrument (e.g. files split by month) into one, in time order.
 * A bar time present in several inputs keeps the first input's bar.
 *
 * @example
 * // SPXL's first one-minute bar on 7 and on 9 April 2025, from two files
 * const april7 = parseBarsCsv("datetime,close\n2025-04-07T13:30:00Z,90.91\n").bars;
 * const april9 = parseBarsCsv("datetime,close\n2025-04-09T13:30:00Z,94.56\n").bars;
 * concatBars([april9, april7], "SPXL").close; // => Float64Array [90.91, 94.56]
 */
export function concatBars(parts: readonly BarSeries[], id?: string): BarSeries {
  checkArrayOf("concatBars", "parts", parts, BAR_SERIES);
  if (id !== undefined) checkString("concatBars", "id", id);
  const rows: [number, number, number][] = [];
  parts.forEach((p, s) => {
    for (let i = 0; i < p.instants.length; i++) rows.push([p.instants[i]!, s, i]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keep = rows.filter((r, j) => j === 0 || rows[j - 1]![0] !== r[0]);
  const col = (key: "open" | "high" | "low" | "close" | "volume") => Float64Array.from(keep, (r) => parts[r[1]]![key][r[2]]!);
  return {
    id: id ?? parts[0]?.id ?? "bars",
    instants: Float64Array.from(keep, (r) => r[0]),
    open: col("open"),
    high: col("high"),
    low: col("low"),
    close: col("close"),
    volume: col("volume"),
  };
}
