/**
 * Price and return series from CSV text or row objects: generic, Yahoo, Stooq, FRED,
 * Nasdaq.com, wide and long layouts.
 * @module
 */
import { MarketReactionError, invalidOption, throwIfIssues, toSafe, type SafeResult, type Warning } from "../errors.js";
import { checkSeriesOptions } from "../schema/index.js";
import type { DateFormat } from "../time/index.js";
import { DateForms } from "./dateForms.js";
import type { Series } from "../types.js";
import {
  DATE_NAMES,
  IssueList,
  Observations,
  type IssueReport,
  compactName,
  dateFormatHint,
  findColumn,
  finishObservations,
  isMissingCell,
  parseDateCell,
  parseNumberCell,
  percentToDecimal,
  plainIsoDayAt,
  plainNumberAt,
  showCell,
  type Origin,
} from "./cells.js";
import { readCsvRecords } from "./csv.js";
import { startBlock, type BlockDates, type BlockSink, type RowBlock } from "./columnBlock.js";
import { ruleBroken, ruledValue, notANumber, valueRules } from "./valueRules.js";
import { rowsToRecords } from "./rows.js";
import type { ParseSeriesOptions, SeriesFormat, SeriesTable } from "./types.js";

/** Compact names of price columns, in order of preference (adjusted closes first). */
const PRICE_NAMES = ["adjclose", "adjustedclose", "close", "closelast", "zamkniecie", "closingprice", "price", "last", "pxlast", "value", "settle", "nav"];
/** Compact names of return columns, in order of preference. */
const RETURN_NAMES = ["return", "returns", "ret", "dailyreturn", "logreturn", "simplereturn", "r", "rate", "observed", "value"];
/** Other columns of OHLCV exports: never treated as an asset of a wide file. */
const OTHER_OHLCV = [
  "open",
  "high",
  "low",
  "volume",
  "adjopen",
  "adjhigh",
  "adjlow",
  "adjvolume",
  "otwarcie",
  "najwyzszy",
  "najnizszy",
  "wolumen",
  "dividends",
  "stocksplits",
  "capitalgains",
  "openinterest",
  "vwap",
  "change",
  "changepercent",
  "pctchange",
];
/** Compact names of the asset column of a long panel, in order of preference. */
const ASSET_NAMES = ["asset", "ticker", "symbol", "security", "permno", "secid", "instrument", "isin", "cusip", "assetid", "seriesid"];

/** Where the date, value and asset columns of a table are (indices into its header). */
export interface Layout {
  format: Exclude<SeriesFormat, "auto">;
  date: number;
  values: number[];
  asset?: number;
}

/** The stem of a file name: `data/sp500_daily.csv` -> `sp500_daily`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

function columnsFound(header: readonly string[]): string {
  return header.map((h) => JSON.stringify(h)).join(", ");
}

function fail(origin: Origin, message: string, column?: string): never {
  const where = origin.file === undefined ? "" : `${origin.file}: `;
  throw new MarketReactionError("INVALID_INPUT", `${where}${message}`, [
    {
      message,
      ...(column === undefined ? {} : { column }),
      ...(origin.file === undefined ? {} : { file: origin.file }),
    },
  ]);
}

/** Finds a column named by the user: exact, then ignoring case and punctuation. */
function namedColumn(header: readonly string[], wanted: string, role: string, origin: Origin): number {
  let i = header.indexOf(wanted);
  if (i < 0) i = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (i < 0) i = header.findIndex((h) => compactName(h) === compactName(wanted) && compactName(h) !== "");
  if (i < 0) fail(origin, `${role} column ${JSON.stringify(wanted)} not found; columns found: ${columnsFound(header)}`, wanted);
  return i;
}

function detectDateColumn(header: readonly string[], options: ParseSeriesOptions, origin: Origin): number {
  if (options.dateColumn !== undefined) return namedColumn(header, options.dateColumn, "date", origin);
  const i = findColumn(header, DATE_NAMES);
  if (i >= 0) return i;
  if (header.length >= 2) return 0;
  return fail(origin, `no date column; columns found: ${columnsFound(header)}`);
}

function resolveLayout(header: readonly string[], options: ParseSeriesOptions, origin: Origin): Layout {
  const compact = header.map(compactName);
  const kind = options.values ?? "price";
  const preferred = kind === "return" ? RETURN_NAMES : PRICE_NAMES;
  const date = detectDateColumn(header, options, origin);
  const others = header.map((_, i) => i).filter((i) => i !== date);
  const given = options.valueColumn === undefined ? undefined : typeof options.valueColumn === "string" ? [options.valueColumn] : options.valueColumn;
  const givenIdx = given?.map((v) => namedColumn(header, v, "value", origin));
  let format: SeriesFormat = options.format ?? "auto";

  const pick = (cols: readonly number[], names: readonly string[]): number => {
    for (const n of names) {
      const i = cols.find((c) => compact[c] === n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  const needValue = (): never =>
    fail(
      origin,
      `cannot tell which column holds the ${kind === "return" ? "returns" : kind === "level" ? "levels" : "prices"}; columns found: ${columnsFound(header)}; pass valueColumn`,
    );

  if (format === "auto") {
    const assetIdx = options.assetColumn !== undefined ? namedColumn(header, options.assetColumn, "asset", origin) : pick(others, ASSET_NAMES);
    if (compact.includes("closelast")) format = "nasdaq";
    else if (options.assetColumn !== undefined || (assetIdx >= 0 && (given === undefined || given.length === 1) && others.length >= 2)) format = "long";
    else if (givenIdx !== undefined) format = givenIdx.length > 1 ? "wide" : "generic";
    else if (compact[date] === "observationdate" || (header[date] === "DATE" && date === 0)) format = "fred";
    else if (header.includes("Adj Close") && header.includes("Close")) format = "yahoo";
    else if (compact.includes("zamkniecie") || /^Date,Open,High,Low,Close(,Volume)?$/.test(header.join(","))) format = "stooq";
    else {
      const known = others.filter((c) => PRICE_NAMES.includes(compact[c]!) || RETURN_NAMES.includes(compact[c]!) || OTHER_OHLCV.includes(compact[c]!));
      format = known.length === 0 && others.length >= 2 ? "wide" : "generic";
    }
  }

  switch (format) {
    case "long": {
      const asset = options.assetColumn !== undefined ? namedColumn(header, options.assetColumn, "asset", origin) : pick(others, ASSET_NAMES);
      if (asset < 0) fail(origin, `no asset column for a long panel; columns found: ${columnsFound(header)}; pass assetColumn`);
      if (givenIdx !== undefined && givenIdx.length !== 1) {
        invalidOption("valueColumn", options.valueColumn, "one column name for a long panel");
      }
      const rest = others.filter((c) => c !== asset);
      let value = givenIdx?.[0] ?? pick(rest, preferred);
      if (value < 0 && rest.length === 1) value = rest[0]!;
      if (value < 0) needValue();
      return { format, date, values: [value], asset };
    }
    case "wide":
    case "fred": {
      const values = givenIdx ?? others;
      if (values.length === 0) fail(origin, `no value columns; columns found: ${columnsFound(header)}`);
      return { format, date, values };
    }
    case "nasdaq":
    case "yahoo":
    case "stooq":
    case "generic": {
      if (givenIdx !== undefined) return { format, date, values: givenIdx };
      const names = format === "nasdaq" ? ["closelast"] : format === "yahoo" ? ["adjclose", "close"] : format === "stooq" ? ["close", "zamkniecie"] : preferred;
      let value = pick(others, names);
      if (value < 0 && format === "generic" && others.length === 1) value = others[0]!;
      if (value < 0) {
        if (format === "generic") needValue();
        const expected = format === "nasdaq" ? "Close/Last" : format === "yahoo" ? "Adj Close or Close" : "Close";
        fail(origin, `not a ${format} file: no ${expected} column; columns found: ${columnsFound(header)}`);
      }
      return { format, date, values: [value] };
    }
  }
}

/** Cleans header cells: trimmed, empty names replaced by `column_<n>`, duplicates rejected. */
function cleanHeader(raw: readonly string[], origin: Origin): string[] {
  const header = raw.map((h, i) => {
    const t = h.trim();
    return t === "" ? `column_${i + 1}` : t;
  });
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) fail(origin, `duplicate column name ${JSON.stringify(h)} in the header`, h);
    seen.add(h);
  }
  return header;
}

/** The incremental form of a series table: header first, then one record at a time (streaming). */
export interface SeriesBuilder {
  /** Where the date, value and (long panel) asset columns are: a columnar reader decodes only these. */
  readonly layout: Layout;
  /**
   * Adds one data record (`row`: 1-based data row number, header excluded). A value cell may
   * be a number (from a typed source such as Parquet): read as is, `NaN` as missing.
   */
  add(cells: readonly (string | number)[], row: number): void;
  /**
   * Adds the data record written on `text[start..end)` (a line without quotes, fields split
   * by `delimiter`): the same outcome as `add(line.split(delimiter), row)`, but a line of plain
   * ISO date, asset and numbers is read in place, without a string per cell.
   */
  addLine(text: string, start: number, end: number, delimiter: string, row: number): void;
  /**
   * Starts a block of rows given as columns (a row group of a Parquet or Arrow file), with
   * its dates and, for a long panel, its asset names; its value columns follow one by one.
   */
  beginBlock(firstRow: number, length: number, dates: BlockDates, assets?: ArrayLike<unknown>): RowBlock;
  /** Ends the input: sorts, checks and returns the table, or throws every issue found. */
  finish(rowCount: number): SeriesTable;
}

/**
 * Starts a series table from its header record: resolves the layout at once (so a bad header
 * fails before any data is read), then takes data records one by one with `add`. Memory is
 * the typed arrays of the observations, not the records. Used by {@link parseSeriesCsv},
 * {@link seriesFromRows} and the chunk-fed parser of `stream.ts`.
 * @throws MarketReactionError as {@link parseSeriesCsv}.
 */
export function seriesBuilder(rawHeader: readonly string[], options: ParseSeriesOptions, fromText: boolean): SeriesBuilder {
  const origin: Origin = options.file === undefined ? {} : { file: options.file };
  const header = cleanHeader(rawHeader, origin);
  const layout = resolveLayout(header, options, origin);
  const rules = valueRules(options);
  const { kind, percent, levelScale, decimal } = rules;
  const dateFormat: DateFormat = options.dateFormat ?? (layout.format === "nasdaq" ? "MM/DD/YYYY" : "auto");
  const dateName = header[layout.date]!;
  const issues = new IssueList(origin);
  const csvIssues = new IssueList(origin);
  // mixed date forms are an error under "auto" (a given format reads one form only)
  const forms = dateFormat === "auto" ? new DateForms() : undefined;
  const width = header.length;

  const single = layout.asset === undefined;
  const perColumn = single ? layout.values.map(() => new Observations()) : [];
  const perAsset = new Map<string, Observations>();
  const assetIdx = layout.asset ?? -1;
  const valueIdx = layout.values;

  const report = (row: number, column: string | undefined, message: string): void => issues.add(row, column, message);
  /** The day key of a date cell, or `NaN` after reporting why there is none. */
  const readDate = (cell: string, row: number, issue: IssueReport): number => {
    const dateCell = cell.trim();
    if (dateCell === "") {
      issue(row, dateName, "missing date");
      return Number.NaN;
    }
    const day = parseDateCell(dateCell, dateFormat);
    if (Number.isNaN(day)) {
      issue(row, dateName, `not a valid date: ${showCell(dateCell)} (expected ${dateFormatHint(dateFormat)})`);
      return Number.NaN;
    }
    forms?.add(dateCell, row);
    return day;
  };
  /** The observations of the asset named by a cell of a long panel, or `undefined` after reporting a missing name. */
  const assetObservations = (cell: string, row: number, issue: IssueReport): Observations | undefined => {
    const asset = cell.trim();
    if (isMissingCell(asset)) {
      issue(row, header[assetIdx], "missing asset");
      return undefined;
    }
    let o = perAsset.get(asset);
    if (o === undefined) {
      o = new Observations();
      perAsset.set(asset, o);
    }
    return o;
  };

  const add = (cells: readonly (string | number)[], row: number): void => {
    if (fromText && cells.length !== width) {
      if (cells.length < width) {
        csvIssues.add(row, undefined, `${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${width}`);
        return;
      }
      let extra = false;
      for (let k = width; k < cells.length; k++) if (String(cells[k]).trim() !== "") extra = true;
      if (extra) {
        csvIssues.add(row, undefined, `${cells.length} fields, the header has ${width}`);
        return;
      }
    }
    const day = readDate(String(cells[layout.date] ?? ""), row, report);
    if (Number.isNaN(day)) return;
    let target: Observations[];
    if (single) target = perColumn;
    else {
      const o = assetObservations(String(cells[assetIdx] ?? ""), row, report);
      if (o === undefined) return;
      target = [o];
    }
    for (let k = 0; k < valueIdx.length; k++) {
      const c = valueIdx[k]!;
      const raw = cells[c] ?? "";
      const v = typeof raw === "number" ? (Number.isNaN(raw) ? null : raw) : parseNumberCell(raw, decimal);
      const obs = target[k]!;
      if (v === null) {
        obs.markMissing(day);
        continue;
      }
      if (Number.isNaN(v)) {
        issues.add(row, header[c], notANumber(trimmed(raw), decimal));
        continue;
      }
      const kept = ruledValue(v, rules);
      if (Number.isNaN(kept)) issues.add(row, header[c], ruleBroken(v, trimmed(raw), rules));
      else obs.push(day, kept, row);
    }
  };

  const plainDates = dateFormat === "auto" || dateFormat === "YYYY-MM-DD";
  const decimalCode = decimal.charCodeAt(0);
  const fieldStart = new Int32Array(width + 1);
  const parsed = new Float64Array(valueIdx.length);
  const one: Observations[] = [];
  /** The fast path of `addLine`; false (nothing added) when the line needs the general path. */
  const addPlain = (text: string, start: number, end: number, delimiterCode: number, row: number): boolean => {
    let fields = 1;
    fieldStart[0] = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) === delimiterCode) {
        if (fields === width) return false;
        fieldStart[fields++] = i + 1;
      }
    }
    if (fields !== width) return false;
    fieldStart[width] = end + 1;
    if (!plainDates) return false;
    const day = plainIsoDayAt(text, fieldStart[layout.date]!, fieldStart[layout.date + 1]! - 1);
    if (Number.isNaN(day)) return false;
    for (let k = 0; k < valueIdx.length; k++) {
      const c = valueIdx[k]!;
      let v = plainNumberAt(text, fieldStart[c]!, fieldStart[c + 1]! - 1, decimalCode);
      if (Number.isNaN(v)) return false;
      if (kind === "price") {
        if (v <= 0) return false;
      } else if (kind === "level") {
        v *= levelScale;
      } else {
        if (percent) v = percentToDecimal(v);
        if (v <= -1) return false;
      }
      parsed[k] = v;
    }
    let target = perColumn;
    if (!single) {
      const from = fieldStart[assetIdx]!;
      const to = fieldStart[assetIdx + 1]! - 1;
      if (to <= from || !plainAssetEdge(text.charCodeAt(from), true) || !plainAssetEdge(text.charCodeAt(to - 1), false)) return false;
      const asset = text.slice(from, to);
      let o = perAsset.get(asset);
      if (o === undefined) {
        o = new Observations();
        perAsset.set(asset, o);
      }
      one[0] = o;
      target = one;
    }
    for (let k = 0; k < valueIdx.length; k++) target[k]!.push(day, parsed[k]!, row);
    forms?.iso(row);
    return true;
  };
  const addLine = (text: string, start: number, end: number, delimiter: string, row: number): void => {
    if (!addPlain(text, start, end, delimiter.charCodeAt(0), row)) add(text.slice(start, end).split(delimiter), row);
  };

  const finish = (rowCount: number): SeriesTable => {
    if (rowCount === 0) fail(origin, `no data rows after the header (${columnsFound(header)})`);
    throwIfIssues(csvIssues.list(), `${options.file ?? "CSV input"}: rows with the wrong number of fields`, "CSV_PARSE");

    const warnings: Warning[] = [];
    const valueNames = layout.values.map((c) => header[c]!);
    const ids: string[] = [];
    const found: Observations[] = [];
    if (single) {
      if (options.id !== undefined && valueNames.length > 1) {
        invalidOption("id", options.id, `no id: this ${layout.format} file has ${valueNames.length} value columns, each named by its column`);
      }
      for (let k = 0; k < valueNames.length; k++) {
        const col = valueNames[k]!;
        const isGenericName = PRICE_NAMES.includes(compactName(col)) || RETURN_NAMES.includes(compactName(col));
        const id = valueNames.length === 1 ? (options.id ?? (isGenericName && options.file !== undefined ? fileStem(options.file) : col)) : col;
        ids.push(id);
        found.push(perColumn[k]!);
      }
    } else {
      if (options.id !== undefined) invalidOption("id", options.id, "no id for a long panel (series are named by the asset column)");
      for (const [asset, o] of perAsset) {
        ids.push(asset);
        found.push(o);
      }
    }
    forms?.report(issues, dateName);
    const series: Series[] = [];
    const where = options.file === undefined ? "" : `${options.file}: `;
    for (let k = 0; k < found.length; k++) {
      const id = ids[k]!;
      const fin = finishObservations(
        found[k]!,
        single && found.length === 1 ? JSON.stringify(id) : `${JSON.stringify(id)}`,
        origin,
        issues,
        warnings,
        found.length > 1 ? id : undefined,
      );
      if (fin.days.length === 0) {
        warnings.push({ code: "EMPTY_SERIES", message: `${where}${JSON.stringify(id)} has no values; it was left out`, asset: id });
        continue;
      }
      series.push({ id, days: fin.days, values: fin.values, kind });
    }
    throwIfIssues(issues.list(), `${options.file ?? "series input"}: invalid ${kind === "price" ? "prices" : kind === "level" ? "levels" : "returns"}`);
    if (series.length === 0)
      fail(origin, `no values in the value column${valueNames.length > 1 ? "s" : ""} ${valueNames.map((v) => JSON.stringify(v)).join(", ")}`);

    return {
      series,
      format: layout.format,
      columns: {
        date: dateName,
        values: valueNames,
        ...(layout.asset === undefined ? {} : { asset: header[layout.asset]! }),
      },
      kind,
      ...(kind === "return" ? { sourceUnit: percent ? ("percent" as const) : ("decimal" as const) } : {}),
      ...(kind === "level" ? { levelUnit: levelScale === 100 ? ("basis-points" as const) : ("points" as const) } : {}),
      rowCount,
      warnings,
    };
  };
  const sink: BlockSink = { header, layout, rules, readDate, assetObservations, perColumn, issues };
  const beginBlock = (firstRow: number, length: number, dates: BlockDates, assets?: ArrayLike<unknown>): RowBlock =>
    startBlock(sink, firstRow, length, dates, assets);
  return { layout, add, addLine, beginBlock, finish };
}

/** A cell's text, trimmed (a number cell as its shortest round-trip text; for messages). */
function trimmed(cell: string | number): string {
  return (typeof cell === "number" ? String(cell) : cell).trim();
}

/**
 * True when a character can begin (`first`) or end an asset name read in place: printable
 * ASCII other than a space, and at the start none of the characters that begin a missing-value
 * token (`n`, `N`, `#`, `.`, `-`). Anything else takes the general path, which trims and checks.
 */
function plainAssetEdge(c: number, first: boolean): boolean {
  if (c <= 32 || c >= 127) return false;
  return !first || (c !== 110 && c !== 78 && c !== 35 && c !== 46 && c !== 45);
}

/**
 * Builds the series of a table of string cells (first record = header).
 * Shared by {@link parseSeriesCsv} and {@link seriesFromRows}.
 */
function buildSeries(rawHeader: readonly string[], rows: readonly (readonly string[])[], options: ParseSeriesOptions, fromText: boolean): SeriesTable {
  const builder = seriesBuilder(rawHeader, options, fromText);
  for (let i = 0; i < rows.length; i++) builder.add(rows[i]!, i + 1);
  return builder.finish(rows.length);
}

/**
 * The whole-text reading of price or return CSV: papaparse over the whole text, then the
 * records one by one. `parseSeriesCsv` reads through the chunk-fed parser instead (same
 * result, property-tested against this function, at a fraction of the memory); this form is
 * kept as its reference.
 * @internal
 */
export function parseSeriesRecords(text: string, options?: ParseSeriesOptions): SeriesTable {
  const o = checkSeriesOptions(options);
  const { records } = readCsvRecords(text, o);
  const [header, ...rows] = records;
  return buildSeries(header ?? [], rows, o, true);
}

/**
 * Builds series from row objects (e.g. from d3-dsv, arquero, Observable or JSON), with the
 * same layouts, checks and warnings as {@link parseSeriesCsv}. Values may be numbers or
 * strings; `Date` values are read on their UTC calendar date. `delimiter` does not apply.
 *
 * @throws MarketReactionError `INVALID_OPTION`, `INVALID_INPUT` (as {@link parseSeriesCsv}).
 * @example
 * seriesFromRows([{ date: "2025-04-08", SPY: 496.48 }, { date: "2025-04-09", SPY: 548.62 }]).series[0]?.id; // => "SPY"
 */
export function seriesFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseSeriesOptions): SeriesTable {
  const o = checkSeriesOptions(options);
  const { header, cells } = rowsToRecords(rows, o.file);
  return buildSeries(header, cells, o, false);
}

/**
 * {@link seriesFromRows} without throwing.
 * @example
 * safeSeriesFromRows([{ date: "2025-04-09", close: -1 }]).success; // => false
 */
export function safeSeriesFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseSeriesOptions): SafeResult<SeriesTable> {
  return toSafe(() => seriesFromRows(rows, options));
}
