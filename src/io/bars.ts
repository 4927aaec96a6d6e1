/**
 * CSV text -> intraday bars (timestamps with an offset, in UTC, or local with a time zone).
 * Part of the intraday module (issue 10); exported from `src/intraday/index.ts`.
 * @module
 */
import { MarketReactionError, invalidOption, throwIfIssues } from "../errors.js";
import type { Issue, Warning } from "../errors.js";
import { formatLocalTime, instantToLocal, isValidTimeZone, localToInstant, parseTimestamp } from "../time/index.js";
import { compactName, parseNumberCell } from "./cells.js";
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
  const where = file === undefined ? "bars" : file;
  const { records } = readCsvRecords(text, {
    ...(file === undefined ? {} : { file }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  const header = (records[0] ?? []).map((h) => h.trim());
  const tCol = options.timeColumn === undefined ? columnIndex(header, TIME_COLUMNS) : header.indexOf(options.timeColumn);
  const fileIssue = file === undefined ? {} : { file };
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
  const issues: Issue[] = [];
  const warnings: Warning[] = [];
  const n = records.length - 1;
  const t = new Float64Array(n);
  const values = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  const keep = new Uint8Array(n);
  let ambiguous = 0;
  let firstAmbiguous = "";
  let noClose = 0;
  for (let r = 0; r < n; r++) {
    const rec = records[r + 1]!;
    const row = r + 1;
    const cell = rec[tCol]?.trim() ?? "";
    const p = parseTimestamp(cell);
    if (p === undefined || p.minute === undefined) {
      issues.push({
        ...fileIssue,
        row,
        column: header[tCol]!,
        message: `malformed bar time ${JSON.stringify(cell)} (expected YYYY-MM-DDTHH:mm[:ss] with Z, an offset, or a timezone option)`,
      });
      continue;
    }
    if (p.offset !== undefined) {
      t[r] = (p.day * 1440 + p.minute - p.offset) * 60_000;
    } else if (options.timezone === undefined) {
      issues.push({
        ...fileIssue,
        row,
        column: header[tCol]!,
        message: `bar time ${cell} has no UTC offset; pass the timezone option (e.g. America/New_York)`,
      });
      continue;
    } else {
      const res = localToInstant({ day: p.day, minute: p.minute }, options.timezone);
      if (res.status === "nonexistent") {
        issues.push({
          ...fileIssue,
          row,
          column: header[tCol]!,
          message: `local time ${cell} does not exist in ${options.timezone} (clocks were put forward)`,
        });
        continue;
      }
      if (res.status === "ambiguous") {
        if (ambiguous === 0) firstAmbiguous = formatLocalTime({ day: p.day, minute: p.minute });
        ambiguous++;
      }
      t[r] = res.instant;
    }
    let bad = false;
    for (const key of ["open", "high", "low", "close", "volume"] as const) {
      const c = cols[key];
      if (c < 0) {
        values[key][r] = Number.NaN;
        continue;
      }
      const v = parseNumberCell(rec[c] ?? "");
      if (v === null) {
        values[key][r] = Number.NaN;
        continue;
      }
      if (!Number.isFinite(v) || (key !== "volume" && v <= 0) || v < 0) {
        issues.push({ ...fileIssue, row, column: header[c]!, message: `${key} must be a positive number, got ${JSON.stringify(rec[c])}` });
        bad = true;
      } else values[key][r] = v;
    }
    if (bad) continue;
    if (Number.isNaN(values.close[r]!)) {
      noClose++;
      continue;
    }
    keep[r] = 1;
  }
  throwIfIssues(issues, `${where}: invalid bars`, "INVALID_INPUT");
  if (ambiguous > 0) {
    warnings.push({
      code: "AMBIGUOUS_LOCAL_TIME",
      message: `${where}: ${ambiguous} bar time(s) occur twice in ${options.timezone} (clocks were put back), first ${firstAmbiguous}; the earlier instant was used — give times with an offset to avoid this`,
    });
  }
  if (noClose > 0) warnings.push({ code: "MISSING_CLOSE", message: `${where}: ${noClose} row(s) without a close were dropped` });

  const order: number[] = [];
  for (let r = 0; r < n; r++) if (keep[r] === 1) order.push(r);
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
  const pick = (a: Float64Array) => Float64Array.from(uniq, (r) => a[r]!);
  const id = options.id ?? (file === undefined ? "bars" : (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, ""));
  return {
    bars: {
      id,
      instants: pick(t),
      open: pick(values.open),
      high: pick(values.high),
      low: pick(values.low),
      close: pick(values.close),
      volume: pick(values.volume),
    },
    timeColumn: header[tCol]!,
    warnings,
  };
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
