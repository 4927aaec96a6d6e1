/**
 * Factor returns (Fama-French and similar) from Ken French's daily CSV files or plain tables,
 * converted to decimal units with the conversion recorded.
 * @module
 */
import { MarketReactionError, invalidOption, throwIfIssues, toSafe, type SafeResult, type Warning } from "../errors.js";
import { checkFactorsOptions } from "../schema/index.js";
import type { DateFormat } from "../time/index.js";
import { DateForms } from "./dateForms.js";
import {
  DATE_NAMES,
  IssueList,
  Observations,
  compactName,
  dateFormatHint,
  findColumn,
  finishObservations,
  parseDateCell,
  parseNumberCell,
  percentToDecimal,
  showCell,
  snakeName,
  type Origin,
} from "./cells.js";
import { readCsvRecords } from "./csv.js";
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

function fail(origin: Origin, message: string): never {
  const where = origin.file === undefined ? "" : `${origin.file}: `;
  throw new MarketReactionError("INVALID_INPUT", `${where}${message}`, [{ message, ...(origin.file === undefined ? {} : { file: origin.file }) }]);
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
    if (header === undefined) fail(origin, "empty input");
    return { header, rows, format };
  }
  if (first < 1) {
    fail(origin, "not a Ken French daily file: no header row followed by YYYYMMDD dates (monthly and annual files are not supported)");
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
  const raw = frame.header.map((h) => h.trim());
  const header = raw.map((h, i) => (h === "" ? (i === 0 ? "date" : `column_${i + 1}`) : h));
  const seen = new Map<string, string>();
  for (const h of header) {
    const c = compactName(h);
    const prev = seen.get(c);
    if (prev !== undefined) fail(origin, `columns ${JSON.stringify(prev)} and ${JSON.stringify(h)} have the same normalised name`);
    seen.set(c, h);
  }
  let date = 0;
  if (options.dateColumn !== undefined) {
    date = header.findIndex((h) => compactName(h) === compactName(options.dateColumn!));
    if (date < 0)
      fail(origin, `date column ${JSON.stringify(options.dateColumn)} not found; columns found: ${header.map((h) => JSON.stringify(h)).join(", ")}`);
  } else if (frame.format === "generic") {
    const d = findColumn(header, DATE_NAMES);
    date = d >= 0 ? d : 0;
  }
  let factorIdx = header.map((_, i) => i).filter((i) => i !== date);
  if (options.columns !== undefined) {
    const names = factorIdx.map((i) => header[i]!);
    factorIdx = options.columns.map((want) => {
      const hit = findFactorName(names, want);
      if (hit === undefined) {
        fail(origin, `factor column ${JSON.stringify(want)} not found; factor columns found: ${names.map((n) => JSON.stringify(n)).join(", ")}`);
      }
      return header.indexOf(hit);
    });
  }
  if (factorIdx.length === 0) fail(origin, `no factor columns; columns found: ${header.map((h) => JSON.stringify(h)).join(", ")}`);
  if (frame.rows.length === 0) fail(origin, "no data rows after the header");

  const fmt: DateFormat = options.dateFormat ?? "auto";
  const decimal = options.decimal ?? ".";
  const issues = new IssueList(origin);
  const csvIssues = new IssueList(origin);
  const width = header.length;
  const nf = factorIdx.length;
  const positions = new Observations();
  const raws: number[][] = factorIdx.map(() => []);
  const french = frame.format === "french";
  const forms = fmt === "auto" ? new DateForms() : undefined; // mixed date forms: an error naming the rows
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
    forms?.add(dateCell, row);
    const vals = new Array<number>(nf);
    let missing = false;
    let bad = false;
    for (let k = 0; k < nf; k++) {
      const c = factorIdx[k]!;
      const cell = cells[c] ?? "";
      const v = parseNumberCell(cell, decimal);
      if (v === null || (french && FRENCH_MISSING.has(v))) {
        missing = true;
        continue;
      }
      if (Number.isNaN(v) || !Number.isFinite(v)) {
        issues.add(row, header[c], `not a ${Number.isNaN(v) ? "number" : "finite number"}: ${showCell(cell.trim())}`);
        bad = true;
        continue;
      }
      vals[k] = v;
    }
    if (bad) continue;
    if (missing) {
      positions.markMissing(day);
      continue;
    }
    for (let k = 0; k < nf; k++) raws[k]!.push(vals[k]!);
    positions.push(day, raws[0]!.length - 1, row);
  }
  throwIfIssues(csvIssues.list(), `${options.file ?? "factor input"}: rows with the wrong number of fields`, "CSV_PARSE");
  const warnings: Warning[] = [];
  forms?.report(issues, header[date]!);
  const fin = finishObservations(positions, "the factor file", origin, issues, warnings);
  throwIfIssues(issues.list(), `${options.file ?? "factor input"}: invalid factor values`);
  if (fin.days.length === 0) fail(origin, "no complete rows of factor values");

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

  // unit: French files are in percent; generic files by option or by the size of the values
  const typical = medianAbs(raws, names);
  let sourceUnit: "percent" | "decimal";
  const unit = options.unit ?? "auto";
  if (unit !== "auto") {
    sourceUnit = unit;
    const suspect = (unit === "decimal" && typical > UNIT_THRESHOLD) || (unit === "percent" && typical < UNIT_THRESHOLD && typical > 0);
    if (suspect) {
      warnings.push({
        code: "FACTOR_UNIT_SUSPECT",
        message: `${where}factor values were read as ${unit}, but their median absolute value ${typical} looks like ${unit === "decimal" ? "percent" : "decimal"} daily returns`,
      });
    }
  } else if (french) {
    sourceUnit = "percent";
  } else {
    sourceUnit = typical > UNIT_THRESHOLD ? "percent" : "decimal";
    warnings.push({
      code: "FACTOR_UNIT_ASSUMED",
      message: `${where}factor values assumed to be in ${sourceUnit} (median absolute value ${typical}); pass unit to say so`,
    });
  }
  const columns: Record<string, Float64Array> = {};
  const order = fin.values;
  for (let k = 0; k < nf; k++) {
    const src = raws[k]!;
    const col = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const v = src[order[i]!]!;
      col[i] = sourceUnit === "percent" ? percentToDecimal(v) : v;
    }
    columns[names[k]!] = col;
  }
  const keys = names.map(normalizeFactorName);
  return {
    days: fin.days,
    names,
    keys,
    columns,
    unit: "decimal",
    sourceUnit,
    format: frame.format,
    rowCount: frame.rows.length,
    warnings,
    factor(name: string): Float64Array {
      const hit = findFactorName(names, name);
      if (hit === undefined) return invalidOption("factor", name, `a factor of this table (${names.map((n) => JSON.stringify(n)).join(", ")})`);
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
