/**
 * Factor returns (Fama-French and similar) from Ken French's daily CSV files or plain tables,
 * converted to decimal units with the conversion recorded.
 * @module
 */
import { invalidOption, throwIfIssues, toSafe, type SafeResult, type Warning } from "../errors.js";
import { checkFactorsOptions } from "../schema/index.js";
import type { DateFormat } from "../time/index.js";
import { DateForms } from "./dateForms.js";
import {
  DATE_NAMES,
  IssueList,
  Observations,
  compactName,
  dateFormatHint,
  failInput,
  findColumn,
  finishObservations,
  parseDateCell,
  parseNumberCell,
  percentToDecimal,
  quotedNames,
  showCell,
  snakeName,
  type Origin,
} from "./cells.js";
import { readCsvRecords } from "./csv.js";
import { ThousandsTally, numberFormatHint } from "./numberFormat.js";
import { kindMismatch } from "../returns/plausibility.js";
import { rowsToRecords } from "./rows.js";
import type { FactorTable, ParseFactorsOptions } from "./types.js";
import { checkArray, checkString } from "../check.js";
import { median } from "simple-statistics";

/** Synonyms of factor names (compact form): momentum and the market excess return. */
const SYNONYMS: readonly (readonly string[])[] = [
  ["mom", "umd", "wml"],
  ["mktrf", "rmrf", "exmkt"],
];

/**
 * Normalises a factor name for display and lookup: lowercase, runs of punctuation and spaces as `_`.
 * @example
 * normalizeFactorName("Mkt-RF"); // => "mkt_rf"
 */
export function normalizeFactorName(name: string): string {
  checkString("normalizeFactorName", "name", name);
  return snakeName(name);
}

function lookupKeys(name: string): readonly string[] {
  const c = compactName(name);
  return SYNONYMS.find((group) => group.includes(c)) ?? [c];
}

/**
 * Finds the original column name of a factor by a case- and punctuation-insensitive name
 * (`mkt_rf`, `MKT-RF`, `mktrf`; `mom`/`umd`/`wml` are synonyms); `undefined` if none matches.
 * @example
 * findFactorName(["Mkt-RF", "SMB"], "mkt_rf"); // => "Mkt-RF"
 */
export function findFactorName(names: readonly string[], name: string): string | undefined {
  checkArray("findFactorName", "names", names);
  checkString("findFactorName", "name", name);
  for (const [i, n] of names.entries()) checkString("findFactorName", `names[${i}]`, n);
  const wanted = lookupKeys(name);
  const exact = names.find((n) => n === name);
  if (exact !== undefined) return exact;
  for (const w of wanted) {
    const hit = names.find((n) => compactName(n) === w);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Median absolute daily factor value separating decimal from percent files: typical values are
 * about 0.005 in decimal and 0.5 in percent; 0.05 is their geometric midpoint.
 */
const UNIT_THRESHOLD = 0.05;

/** French files mark missing values with these sentinels. */
const FRENCH_MISSING = new Set([-99.99, -999]);

interface Frame {
  header: string[];
  rows: readonly (readonly string[])[];
  format: "french" | "generic";
  /** Data row number of `rows[0]` minus 1 (rows are numbered from 1 after the header). */
  trailing?: { row: number; count: number; text: string };
}

function frameFromRecords(records: string[][], options: ParseFactorsOptions, origin: Origin): Frame {
  const fmt: DateFormat = options.dateFormat ?? "auto";
  const isDateRow = (r: readonly string[] | undefined): boolean => r !== undefined && r.length > 1 && !Number.isNaN(parseDateCell((r[0] ?? "").trim(), fmt));
  const first = records.findIndex((r) => isDateRow(r));
  let format = options.format ?? "auto";
  if (format === "auto") {
    if (first > 1) format = "french";
    else if (first === 1 && (records[0]![0] ?? "").trim() === "" && /^\d{8}$/.test((records[1]![0] ?? "").trim())) format = "french";
    else format = "generic";
  }
  if (format === "generic") {
    const [header, ...rows] = records;
    if (header === undefined) failInput(origin, "empty input");
    return { header, rows, format };
  }
  if (first < 1) {
    failInput(origin, "not a Ken French daily file: no header row followed by YYYYMMDD dates (monthly and annual files are not supported)");
  }
  let end = first;
  while (end < records.length && isDateRow(records[end])) end++;
  const frame: Frame = { header: records[first - 1]!, rows: records.slice(first, end), format };
  if (end < records.length) {
    const text = records[end]!.join(",").trim().slice(0, 60);
    frame.trailing = { row: end - first + 1, count: records.length - end, text };
  }
  return frame;
}

function buildFactors(frame: Frame, options: ParseFactorsOptions, origin: Origin, fromText: boolean): FactorTable {
  const header = factorHeader(frame, origin);
  const date = dateColumnOf(header, frame, options, origin);
  const factorIdx = factorColumns(header, date, options, origin);
  if (frame.rows.length === 0) failInput(origin, "no data rows after the header");
  const read = readFactorRows(frame, { header, date, factorIdx }, options, origin, fromText);
  const warnings: Warning[] = [];
  read.forms?.report(read.issues, header[date]!);
  const fin = finishObservations(read.positions, "the factor file", origin, read.issues, warnings);
  throwIfIssues(read.issues.list(), `${options.file ?? "factor input"}: invalid factor values`);
  if (fin.days.length === 0) failInput(origin, "no complete rows of factor values");

  const names = factorIdx.map((i) => header[i]!);
  const where = options.file === undefined ? "" : `${options.file}: `;
  if (frame.trailing !== undefined) {
    const t = frame.trailing;
    warnings.push({
      code: "TRAILING_ROWS_IGNORED",
      message: `${where}the daily data end at row ${t.row - 1}; ${t.count} following line${t.count === 1 ? "" : "s"} (from ${JSON.stringify(t.text)}) were not read as data`,
      row: t.row,
    });
  }
  const sourceUnit = factorUnit(read.raws, names, options, frame.format === "french", where, warnings);
  const columns: Record<string, Float64Array> = {};
  const order = fin.values;
  for (let k = 0; k < names.length; k++) {
    const src = read.raws[k]!;
    const col = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const v = src[order[i]!]!;
      col[i] = sourceUnit === "percent" ? percentToDecimal(v) : v;
    }
    columns[names[k]!] = col;
    checkFactorKind(col, names[k]!, sourceUnit, origin);
    const ambiguous = read.tallies[k]!.warning(where, names[k]!);
    if (ambiguous !== undefined) warnings.push(ambiguous);
  }
  return factorTable({ days: fin.days, names, columns, sourceUnit, format: frame.format, rowCount: frame.rows.length, warnings });
}

/** The header of a factor frame: trimmed, an empty first name `date`, other empty names `column_<n>`; no two alike once normalised. */
function factorHeader(frame: Frame, origin: Origin): string[] {
  const raw = frame.header.map((h) => h.trim());
  const header = raw.map((h, i) => (h === "" ? (i === 0 ? "date" : `column_${i + 1}`) : h));
  const seen = new Map<string, string>();
  for (const h of header) {
    const c = compactName(h);
    const prev = seen.get(c);
    if (prev !== undefined) failInput(origin, `columns ${JSON.stringify(prev)} and ${JSON.stringify(h)} have the same normalised name`);
    seen.set(c, h);
  }
  return header;
}

/** The date column: named by the option, detected by name in a generic table, else the first. */
function dateColumnOf(header: readonly string[], frame: Frame, options: ParseFactorsOptions, origin: Origin): number {
  if (options.dateColumn !== undefined) {
    const date = header.findIndex((h) => compactName(h) === compactName(options.dateColumn!));
    if (date < 0) failInput(origin, `date column ${JSON.stringify(options.dateColumn)} not found; columns found: ${quotedNames(header)}`);
    return date;
  }
  if (frame.format !== "generic") return 0;
  const d = findColumn(header, DATE_NAMES);
  return d >= 0 ? d : 0;
}

/** The factor columns read: all but the date, or those named by `columns` (fuzzy names). */
function factorColumns(header: readonly string[], date: number, options: ParseFactorsOptions, origin: Origin): number[] {
  let factorIdx = header.map((_, i) => i).filter((i) => i !== date);
  if (options.columns !== undefined) {
    const names = factorIdx.map((i) => header[i]!);
    factorIdx = options.columns.map((want) => {
      const hit = findFactorName(names, want);
      if (hit === undefined) failInput(origin, `factor column ${JSON.stringify(want)} not found; factor columns found: ${quotedNames(names)}`);
      return header.indexOf(hit);
    });
  }
  if (factorIdx.length === 0) failInput(origin, `no factor columns; columns found: ${quotedNames(header)}`);
  return factorIdx;
}

/** Where the dates and factors are in a frame's records. */
interface FactorLayout {
  readonly header: readonly string[];
  readonly date: number;
  readonly factorIdx: readonly number[];
}

/** The complete rows of a frame: each row's day (with the index of its values), the values by column, and the problems. */
interface FactorRows {
  readonly positions: Observations;
  readonly raws: number[][];
  readonly issues: IssueList;
  readonly forms: DateForms | undefined;
  /** Per factor column: cells whose thousands separator could be a decimal separator. */
  readonly tallies: readonly ThousandsTally[];
}

/**
 * Reads the data rows: a row with a missing value (or a French sentinel) is counted and
 * dropped, a bad date or number is an issue; rows with the wrong number of fields throw
 * `CSV_PARSE` at the end.
 */
function readFactorRows(frame: Frame, layout: FactorLayout, options: ParseFactorsOptions, origin: Origin, fromText: boolean): FactorRows {
  const { header, date, factorIdx } = layout;
  const fmt: DateFormat = options.dateFormat ?? "auto";
  const issues = new IssueList(origin);
  const csvIssues = new IssueList(origin);
  const width = header.length;
  const read: FactorRows = {
    positions: new Observations(),
    raws: factorIdx.map(() => []),
    issues,
    forms: fmt === "auto" ? new DateForms() : undefined, // mixed date forms: an error naming the rows
    tallies: factorIdx.map(() => new ThousandsTally(options.decimal ?? ".")),
  };
  for (let i = 0; i < frame.rows.length; i++) {
    const cells = frame.rows[i]!;
    const row = i + 1;
    if (fromText && cells.length < width) {
      csvIssues.add(row, undefined, `${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${width}`);
      continue;
    }
    const dateCell = (cells[date] ?? "").trim();
    const day = parseDateCell(dateCell, fmt);
    if (Number.isNaN(day)) {
      issues.add(row, header[date], dateCell === "" ? "missing date" : `not a valid date: ${showCell(dateCell)} (expected ${dateFormatHint(fmt)})`);
      continue;
    }
    read.forms?.add(dateCell, row);
    const vals = factorValues(cells, row, layout, read, options.decimal ?? ".", frame.format === "french");
    if (vals === "bad") continue;
    if (vals === "missing") {
      read.positions.markMissing(day);
      continue;
    }
    for (let k = 0; k < vals.length; k++) read.raws[k]!.push(vals[k]!);
    read.positions.push(day, read.raws[0]!.length - 1, row);
  }
  throwIfIssues(csvIssues.list(), `${options.file ?? "factor input"}: rows with the wrong number of fields`, "CSV_PARSE");
  return read;
}

/** The factor values of one row; `bad` (issues added) when one is not a finite number, else `missing` when one is missing. */
function factorValues(
  cells: readonly string[],
  row: number,
  layout: FactorLayout,
  read: FactorRows,
  decimal: "." | ",",
  french: boolean,
): number[] | "bad" | "missing" {
  const { header, factorIdx } = layout;
  const { issues, tallies } = read;
  const vals = new Array<number>(factorIdx.length);
  let missing = false;
  let bad = false;
  for (let k = 0; k < factorIdx.length; k++) {
    const c = factorIdx[k]!;
    const cell = cells[c] ?? "";
    const v = parseNumberCell(cell, decimal);
    if (v === null || (french && FRENCH_MISSING.has(v))) {
      missing = true;
      continue;
    }
    if (Number.isNaN(v) || !Number.isFinite(v)) {
      issues.add(
        row,
        header[c],
        `not a ${Number.isNaN(v) ? "number" : "finite number"}: ${showCell(cell.trim())}${Number.isNaN(v) ? numberFormatHint(cell, decimal) : ""}`,
      );
      bad = true;
      continue;
    }
    tallies[k]!.cell(cell, v, row);
    vals[k] = v;
  }
  return bad ? "bad" : missing ? "missing" : vals;
}

/** The unit of the file: French files are in percent; generic files by option (warned when suspect) or by the size of the values (warned). */
function factorUnit(
  raws: readonly number[][],
  names: readonly string[],
  options: ParseFactorsOptions,
  french: boolean,
  where: string,
  warnings: Warning[],
): "percent" | "decimal" {
  const typical = medianAbs(raws, names);
  const unit = options.unit ?? "auto";
  if (unit !== "auto") {
    const suspect = (unit === "decimal" && typical > UNIT_THRESHOLD) || (unit === "percent" && typical < UNIT_THRESHOLD && typical > 0);
    if (suspect) {
      warnings.push({
        code: "FACTOR_UNIT_SUSPECT",
        message: `${where}factor values were read as ${unit}, but their median absolute value ${typical} looks like ${unit === "decimal" ? "percent" : "decimal"} daily returns`,
      });
    }
    return unit;
  }
  if (french) return "percent";
  const sourceUnit = typical > UNIT_THRESHOLD ? "percent" : "decimal";
  warnings.push({
    code: "FACTOR_UNIT_ASSUMED",
    message: `${where}factor values assumed to be in ${sourceUnit} (median absolute value ${typical}); pass unit to say so`,
  });
  return sourceUnit;
}

/**
 * Throws `INVALID_INPUT` when a factor column, in decimal units, looks like prices or index
 * levels (the kind check of the series parsers): 95 % positive with a median above 1, or, read
 * in percent, a typical day still moving more than 20 %. (A percent-sized column read as
 * decimals is FACTOR_UNIT_SUSPECT's case: a warning.)
 */
function checkFactorKind(decimals: Float64Array, name: string, sourceUnit: "percent" | "decimal", origin: Origin): void {
  const found = kindMismatch(decimals, "return");
  if (found === undefined || (found.looksLike === "percent" && sourceUnit === "decimal")) return;
  const size = found.looksLike === "prices" ? "" : `, even divided by 100 a typical day moves ${(100 * found.median).toPrecision(3)} %`;
  failInput(
    origin,
    `factor column ${JSON.stringify(name)} looks like prices or index levels, not returns (${found.evidence} after the unit conversion${size}); a factor file holds daily returns: give an index's prices as the market (--market FILE, option market) instead`,
    name,
  );
}

/** The table of factor columns in decimal units, with its case- and punctuation-insensitive lookup. */
function factorTable(parts: Omit<FactorTable, "keys" | "unit" | "factor">): FactorTable {
  const { names, columns } = parts;
  return {
    days: parts.days,
    names,
    keys: names.map(normalizeFactorName),
    columns,
    unit: "decimal",
    sourceUnit: parts.sourceUnit,
    format: parts.format,
    rowCount: parts.rowCount,
    warnings: parts.warnings,
    factor(name: string): Float64Array {
      const hit = findFactorName(names, name);
      if (hit === undefined) return invalidOption("factor", name, `a factor of this table (${quotedNames(names)})`);
      return columns[hit]!;
    },
  };
}

/** Median absolute value over the non-risk-free columns (all columns if only RF exists). */
function medianAbs(raws: readonly number[][], names: readonly string[]): number {
  const use = names.map((n) => compactName(n) !== "rf");
  const all: number[] = [];
  for (let k = 0; k < raws.length; k++) {
    if (!use[k] && use.some(Boolean)) continue;
    for (const v of raws[k]!) all.push(Math.abs(v));
  }
  return all.length === 0 ? 0 : median(all);
}

/**
 * Parses daily factor returns: a Ken French daily CSV (text lines before the header, a header
 * such as `,Mkt-RF,SMB,HML,RF`, `YYYYMMDD` dates, percent values; reading stops at the first
 * non-date line after the data began, reported as `TRAILING_ROWS_IGNORED`) or a generic table
 * (date + named columns, unit by option). Values are returned in decimal units; `sourceUnit`
 * records the conversion. Rows with a missing value (or French's -99.99 / -999) are dropped
 * and counted in a `MISSING_VALUES` warning.
 *
 * @throws MarketReactionError `INVALID_OPTION`; `CSV_PARSE`; `INVALID_INPUT` for empty input,
 *   no date rows, bad dates or numbers (all rows listed), duplicate dates, unknown `columns`.
 * @example
 * const f = parseFactorsCsv("date,Mkt-RF,RF\n2025-04-09,9.65,0.02\n", { unit: "percent" });
 * f.factor("mkt_rf")[0]; // => 0.0965
 */
export function parseFactorsCsv(text: string, options?: ParseFactorsOptions): FactorTable {
  const o = checkFactorsOptions(options);
  const origin: Origin = o.file === undefined ? {} : { file: o.file };
  const { records } = readCsvRecords(text, o);
  return buildFactors(frameFromRecords(records, o, origin), o, origin, true);
}

/**
 * {@link parseFactorsCsv} without throwing.
 * @example
 * safeParseFactorsCsv("").success; // => false
 */
export function safeParseFactorsCsv(text: string, options?: ParseFactorsOptions): SafeResult<FactorTable> {
  return toSafe(() => parseFactorsCsv(text, options));
}

/**
 * Factor returns from row objects (date + one property per factor), as the generic layout of
 * {@link parseFactorsCsv}.
 * @throws MarketReactionError `INVALID_OPTION`, `INVALID_INPUT`.
 * @example
 * factorsFromRows([{ date: "2025-04-09", mkt_rf: 0.0965 }], { unit: "decimal" }).columns.mkt_rf; // => Float64Array [0.0965]
 */
export function factorsFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseFactorsOptions): FactorTable {
  const o = checkFactorsOptions(options);
  if (o.format === "french") invalidOption("format", o.format, '"generic" or "auto" for row objects');
  const origin: Origin = o.file === undefined ? {} : { file: o.file };
  const { header, cells } = rowsToRecords(rows, o.file);
  return buildFactors({ header, rows: cells, format: "generic" }, o, origin, false);
}

/**
 * {@link factorsFromRows} without throwing.
 * @example
 * safeFactorsFromRows([{ date: "2025-02-30", smb: 0.1 }]).success; // => false
 */
export function safeFactorsFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseFactorsOptions): SafeResult<FactorTable> {
  return toSafe(() => factorsFromRows(rows, options));
}
