/**
 * The incremental reading of a series table: the header resolves the layout, then data
 * records arrive one at a time (from papaparse, from row objects, from Parquet columns, or
 * as lines read in place by the chunk-fed parser), and `finish` sorts, checks and names the
 * series. Memory is the typed arrays of the observations, not the records.
 * @module
 */
import { invalidOption, throwIfIssues, type Warning } from "../errors.js";
import type { DateFormat } from "../time/index.js";
import type { Series, SeriesKind } from "../types.js";
import {
  IssueList,
  Observations,
  compactName,
  dateFormatHint,
  failInput,
  finishObservations,
  isMissingCell,
  parseDateCell,
  parseNumberCell,
  percentToDecimal,
  plainIsoDayAt,
  plainNumberAt,
  quotedNames,
  showCell,
  type Origin,
} from "./cells.js";
import { DateForms } from "./dateForms.js";
import { ThousandsTally, numberFormatHint } from "./numberFormat.js";
import { checkColumnKind, levelUnitWarning, returnUnitWarning, type ColumnOrigin } from "./plausibility.js";
import { PRICE_NAMES, RETURN_NAMES, cleanHeader, resolveLayout, type Layout } from "./seriesLayout.js";
import type { ParseSeriesOptions, SeriesTable } from "./types.js";

/** The incremental form of a series table: header first, then one record at a time (streaming). */
export interface SeriesBuilder {
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
  /** Ends the input: sorts, checks and returns the table, or throws every issue found. */
  finish(rowCount: number): SeriesTable;
}

/** The stem of a file name: `data/sp500_daily.csv` -> `sp500_daily`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Starts a series table from its header record: resolves the layout at once (so a bad header
 * fails before any data is read), then takes data records one by one with `add`. Used by
 * `parseSeriesCsv`, `seriesFromRows`, `seriesFromColumns` and the chunk-fed parser.
 * @throws MarketReactionError as `parseSeriesCsv`.
 */
export function seriesBuilder(rawHeader: readonly string[], options: ParseSeriesOptions, fromText: boolean): SeriesBuilder {
  const origin: Origin = options.file === undefined ? {} : { file: options.file };
  const header = cleanHeader(rawHeader, origin);
  return new TableBuilder(header, resolveLayout(header, options, origin), options, origin, fromText);
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

class TableBuilder implements SeriesBuilder {
  private readonly kind: SeriesKind;
  private readonly percent: boolean;
  /** A level in percent (a yield) is kept in basis points, so that its changes are in basis points. */
  private readonly levelScale: number;
  private readonly decimal: "." | ",";
  private readonly dateFormat: DateFormat;
  private readonly dateName: string;
  private readonly issues: IssueList;
  private readonly csvIssues: IssueList;
  /** Mixed date forms are an error under "auto" (a given format reads one form only). */
  private readonly forms: DateForms | undefined;
  private readonly width: number;
  private readonly single: boolean;
  private readonly perColumn: Observations[];
  private readonly perAsset = new Map<string, Observations>();
  /** Prices refused for being at or below zero, by series: evidence when the column holds returns. */
  private readonly refused = new Map<Observations, number[]>();
  /** Per value column: cells whose thousands separator could be a decimal separator. */
  private readonly tallies: ThousandsTally[];
  // the fast path's scratch space
  private readonly plainDates: boolean;
  private readonly fieldStart: Int32Array;
  private readonly parsed: Float64Array;
  private readonly one: Observations[] = [];
  /** The asset of the last line read in place, and its observations. */
  private lastAsset = "";
  private lastObservations: Observations | undefined;

  constructor(
    private readonly header: readonly string[],
    private readonly layout: Layout,
    private readonly options: ParseSeriesOptions,
    private readonly origin: Origin,
    private readonly fromText: boolean,
  ) {
    this.kind = options.values ?? "price";
    this.percent = this.kind === "return" && options.returnUnit === "percent";
    this.levelScale = this.kind === "level" && options.levelUnit === "percent" ? 100 : 1;
    this.decimal = options.decimal ?? ".";
    this.dateFormat = options.dateFormat ?? (layout.format === "nasdaq" ? "MM/DD/YYYY" : "auto");
    this.dateName = header[layout.date]!;
    this.issues = new IssueList(origin);
    this.csvIssues = new IssueList(origin);
    this.forms = this.dateFormat === "auto" ? new DateForms() : undefined;
    this.width = header.length;
    this.single = layout.asset === undefined;
    this.perColumn = this.single ? layout.values.map(() => new Observations()) : [];
    this.plainDates = this.dateFormat === "auto" || this.dateFormat === "YYYY-MM-DD";
    this.fieldStart = new Int32Array(this.width + 1);
    this.parsed = new Float64Array(layout.values.length);
    this.tallies = layout.values.map(() => new ThousandsTally(this.decimal));
  }

  add(cells: readonly (string | number)[], row: number): void {
    if (this.fromText && cells.length !== this.width && this.wrongFieldCount(cells, row)) return;
    const day = this.dayOf(cells, row);
    if (Number.isNaN(day)) return;
    const target = this.targetOf(cells, row);
    if (target === undefined) return;
    const valueIdx = this.layout.values;
    for (let k = 0; k < valueIdx.length; k++) this.addValue(target[k]!, cells[valueIdx[k]!] ?? "", k, day, row);
  }

  addLine(text: string, start: number, end: number, delimiter: string, row: number): void {
    if (!this.addPlain(text, start, end, delimiter.charCodeAt(0), row)) this.add(text.slice(start, end).split(delimiter), row);
  }

  finish(rowCount: number): SeriesTable {
    if (rowCount === 0) failInput(this.origin, `no data rows after the header (${quotedNames(this.header)})`);
    throwIfIssues(this.csvIssues.list(), `${this.options.file ?? "CSV input"}: rows with the wrong number of fields`, "CSV_PARSE");
    const warnings: Warning[] = [];
    const valueNames = this.layout.values.map((c) => this.header[c]!);
    const named = this.namedObservations(valueNames);
    this.forms?.report(this.issues, this.dateName);
    const series = this.finishSeries(named, valueNames, warnings);
    this.numberFormatWarnings(valueNames, warnings);
    const kind = this.kind;
    throwIfIssues(
      this.issues.list(),
      `${this.options.file ?? "series input"}: invalid ${kind === "price" ? "prices" : kind === "level" ? "levels" : "returns"}`,
    );
    if (series.length === 0) failInput(this.origin, `no values in the value column${valueNames.length > 1 ? "s" : ""} ${quotedNames(valueNames)}`);
    return this.table(series, valueNames, rowCount, warnings);
  }

  /** True (with an issue) when a record has fewer fields than the header, or more that are not blank. */
  private wrongFieldCount(cells: readonly (string | number)[], row: number): boolean {
    const width = this.width;
    if (cells.length < width) {
      this.csvIssues.add(row, undefined, `${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${width}`);
      return true;
    }
    for (let k = width; k < cells.length; k++) {
      if (String(cells[k]).trim() !== "") {
        this.csvIssues.add(row, undefined, `${cells.length} fields, the header has ${width}`);
        return true;
      }
    }
    return false;
  }

  /** The day key of a record's date, or `NaN` with an issue for a missing or invalid date. */
  private dayOf(cells: readonly (string | number)[], row: number): number {
    const dateCell = String(cells[this.layout.date] ?? "").trim();
    if (dateCell === "") {
      this.issues.add(row, this.dateName, "missing date");
      return Number.NaN;
    }
    const day = parseDateCell(dateCell, this.dateFormat);
    if (Number.isNaN(day)) {
      this.issues.add(row, this.dateName, `not a valid date: ${showCell(dateCell)} (expected ${dateFormatHint(this.dateFormat)})`);
      return day;
    }
    this.forms?.add(dateCell, row);
    return day;
  }

  /** The observations a record's values go to: one per value column, or its asset's (long panel). */
  private targetOf(cells: readonly (string | number)[], row: number): Observations[] | undefined {
    if (this.single) return this.perColumn;
    const assetIdx = this.layout.asset!;
    const asset = String(cells[assetIdx] ?? "").trim();
    if (isMissingCell(asset)) {
      this.issues.add(row, this.header[assetIdx], "missing asset");
      return undefined;
    }
    return [this.assetObservations(asset)];
  }

  private assetObservations(asset: string): Observations {
    let o = this.perAsset.get(asset);
    if (o === undefined) {
      o = new Observations();
      this.perAsset.set(asset, o);
    }
    return o;
  }

  /**
   * A finite value as stored for the kind (a percent return in decimals, a percent level in
   * basis points), or `NaN` when the kind refuses it (a price at or below zero, a return at or
   * below -100 %).
   */
  private accept(v: number): number {
    if (this.kind === "price") return v <= 0 ? Number.NaN : v;
    if (this.kind === "level") return v * this.levelScale;
    const r = this.percent ? percentToDecimal(v) : v;
    return r <= -1 ? Number.NaN : r;
  }

  /** Reads one value cell into `obs`: missing, refused with an issue, or kept. */
  private addValue(obs: Observations, raw: string | number, k: number, day: number, row: number): void {
    const v = typeof raw === "number" ? (Number.isNaN(raw) ? null : raw) : parseNumberCell(raw, this.decimal);
    if (v === null) {
      obs.markMissing(day);
      return;
    }
    const name = this.header[this.layout.values[k]!];
    if (Number.isNaN(v)) {
      this.issues.add(row, name, `not a number: ${showCell(trimmed(raw))}${numberFormatHint(trimmed(raw), this.decimal)}`);
      return;
    }
    if (!Number.isFinite(v)) {
      this.issues.add(row, name, `not a finite number: ${showCell(trimmed(raw))}`);
      return;
    }
    if (typeof raw === "string") this.tallies[k]!.cell(raw, v, row);
    const kept = this.accept(v);
    if (!Number.isNaN(kept)) obs.push(day, kept, row);
    else if (this.kind === "price") {
      this.issues.add(row, name, `price must be positive, got ${trimmed(raw)}`);
      this.refusedOf(obs).push(v);
    } else this.issues.add(row, name, `return must be greater than -100%, got ${trimmed(raw)}${this.percent ? "%" : ""}`);
  }

  private refusedOf(obs: Observations): number[] {
    let list = this.refused.get(obs);
    if (list === undefined) this.refused.set(obs, (list = []));
    return list;
  }

  /**
   * Splits a line at the delimiter into `fieldStart` (field k is `[fieldStart[k],
   * fieldStart[k + 1] - 1)`); false when the line does not have exactly the header's fields.
   */
  private splitPlain(text: string, start: number, end: number, delimiterCode: number): boolean {
    const fieldStart = this.fieldStart;
    const width = this.width;
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
    return true;
  }

  /** The fast path of `addLine`; false (nothing added) when the line needs the general path. */
  private addPlain(text: string, start: number, end: number, delimiterCode: number, row: number): boolean {
    if (!this.splitPlain(text, start, end, delimiterCode) || !this.plainDates) return false;
    const fieldStart = this.fieldStart;
    const date = this.layout.date;
    const day = plainIsoDayAt(text, fieldStart[date]!, fieldStart[date + 1]! - 1);
    if (Number.isNaN(day)) return false;
    const valueIdx = this.layout.values;
    const decimalCode = this.decimal.charCodeAt(0);
    for (let k = 0; k < valueIdx.length; k++) {
      const c = valueIdx[k]!;
      const v = plainNumberAt(text, fieldStart[c]!, fieldStart[c + 1]! - 1, decimalCode);
      if (Number.isNaN(v)) return false;
      this.tallies[k]!.plain(v);
      const kept = this.accept(v);
      if (Number.isNaN(kept)) return false;
      this.parsed[k] = kept;
    }
    const target = this.single ? this.perColumn : this.plainAssetTarget(text);
    if (target === undefined) return false;
    for (let k = 0; k < valueIdx.length; k++) target[k]!.push(day, this.parsed[k]!, row);
    this.forms?.iso(row);
    return true;
  }

  /** The asset's observations when its name is plain (see {@link plainAssetEdge}), else `undefined`. */
  private plainAssetTarget(text: string): Observations[] | undefined {
    const assetIdx = this.layout.asset!;
    const from = this.fieldStart[assetIdx]!;
    const to = this.fieldStart[assetIdx + 1]! - 1;
    if (to <= from || !plainAssetEdge(text.charCodeAt(from), true) || !plainAssetEdge(text.charCodeAt(to - 1), false)) return undefined;
    // a long panel lists an asset's rows together: the same name as the line before needs no new string
    if (this.lastObservations === undefined || to - from !== this.lastAsset.length || !text.startsWith(this.lastAsset, from)) {
      this.lastAsset = text.slice(from, to);
      this.lastObservations = this.assetObservations(this.lastAsset);
    }
    this.one[0] = this.lastObservations;
    return this.one;
  }

  /** Each series' id with its observations: by value column (single layouts) or by asset. */
  private namedObservations(valueNames: readonly string[]): { ids: string[]; found: Observations[] } {
    const options = this.options;
    const ids: string[] = [];
    const found: Observations[] = [];
    if (!this.single) {
      if (options.id !== undefined) invalidOption("id", options.id, "no id for a long panel (series are named by the asset column)");
      for (const [asset, o] of this.perAsset) {
        ids.push(asset);
        found.push(o);
      }
      return { ids, found };
    }
    if (options.id !== undefined && valueNames.length > 1) {
      invalidOption("id", options.id, `no id: this ${this.layout.format} file has ${valueNames.length} value columns, each named by its column`);
    }
    for (let k = 0; k < valueNames.length; k++) {
      const col = valueNames[k]!;
      const isGenericName = PRICE_NAMES.includes(compactName(col)) || RETURN_NAMES.includes(compactName(col));
      const id = valueNames.length === 1 ? (options.id ?? (isGenericName && options.file !== undefined ? fileStem(options.file) : col)) : col;
      ids.push(id);
      found.push(this.perColumn[k]!);
    }
    return { ids, found };
  }

  /** Sorted, checked series (duplicates as issues, missing values and empty series as warnings). */
  private finishSeries(named: { ids: string[]; found: Observations[] }, valueNames: readonly string[], warnings: Warning[]): Series[] {
    const { ids, found } = named;
    const series: Series[] = [];
    const where = this.options.file === undefined ? "" : `${this.options.file}: `;
    for (let k = 0; k < found.length; k++) {
      const id = ids[k]!;
      const refused = this.refused.get(found[k]!);
      const fin = finishObservations(found[k]!, JSON.stringify(id), this.origin, this.issues, warnings, found.length > 1 ? id : undefined);
      this.checkPlausible(fin.values, refused, { file: this.options.file, column: valueNames[this.single ? k : 0]!, id }, warnings);
      if (fin.days.length === 0) {
        warnings.push({ code: "EMPTY_SERIES", message: `${where}${JSON.stringify(id)} has no values; it was left out`, asset: id });
        continue;
      }
      series.push({ id, days: fin.days, values: fin.values, kind: this.kind });
    }
    return series;
  }

  /**
   * The kind and unit checks of one series' values (issue-free or not): a mismatch of kind
   * stops with the evidence, a suspect unit is a warning.
   */
  private checkPlausible(values: Float64Array, refused: readonly number[] | undefined, at: ColumnOrigin, warnings: Warning[]): void {
    if (this.kind === "price") {
      if (refused !== undefined) checkColumnKind([...values, ...refused], "price", "decimal", at);
      return;
    }
    if (this.kind === "return") checkColumnKind(values, "return", this.percent ? "percent" : "decimal", at);
    const suspect = this.percent ? returnUnitWarning(values, at) : this.levelScale === 100 ? levelUnitWarning(values, at) : undefined;
    if (suspect !== undefined) warnings.push(suspect);
  }

  private numberFormatWarnings(valueNames: readonly string[], warnings: Warning[]): void {
    const where = this.options.file === undefined ? "" : `${this.options.file}: `;
    for (let k = 0; k < valueNames.length; k++) {
      const w = this.tallies[k]!.warning(where, valueNames[k]!);
      if (w !== undefined) warnings.push(w);
    }
  }

  private table(series: Series[], valueNames: readonly string[], rowCount: number, warnings: Warning[]): SeriesTable {
    const { layout, kind } = this;
    return {
      series,
      format: layout.format,
      columns: {
        date: this.dateName,
        values: valueNames,
        ...(layout.asset === undefined ? {} : { asset: this.header[layout.asset]! }),
      },
      kind,
      ...(kind === "return" ? { sourceUnit: this.percent ? ("percent" as const) : ("decimal" as const) } : {}),
      ...(kind === "level" ? { levelUnit: this.levelScale === 100 ? ("basis-points" as const) : ("points" as const) } : {}),
      rowCount,
      warnings,
    };
  }
}
