/**
 * Rows given as columns (a row group of a Parquet or Arrow file) into a series table, with the
 * checks of the CSV reader: each value passes the same rules (valueRules.ts), each date and
 * asset name the same cell readers of the series builder, and the issues of a block are
 * reported in the order a CSV reading of the same rows finds them (row by row, left to right).
 *
 * A value column whose every value is kept is handed to its series whole (no per-value
 * bookkeeping); a long panel's rows are handed over in runs of one asset.
 * @module
 */
import { MAX_ISSUES, type IssueList, type IssueReport, type Observations, parseNumberCell } from "./cells.js";
import { cellText } from "./rows.js";
import { notANumber, ruleBroken, ruledValue, type ValueRules } from "./valueRules.js";

/**
 * The dates of a block: day keys (days since 1970-01-01, `NaN` for a missing date) of a typed
 * date column, or cells read as text (as a CSV cell would be).
 */
export type BlockDates = { readonly days: ArrayLike<number> } | { readonly cells: ArrayLike<unknown> };

/** The value columns of a block, given one at a time after {@link SeriesBuilder.beginBlock}. */
export interface RowBlock {
  /**
   * Adds the cells of one value column of the layout (by its index in the header; each at
   * most once per block). A `Float64Array` is read as numbers with `NaN` as missing; other
   * arrays hold numbers, text, `null`/`undefined` (missing) or anything else read as text.
   */
  values(column: number, cells: ArrayLike<unknown>): void;
  /** Ends the block: its issues are reported. */
  end(): void;
}

/** What a block needs of the series builder it feeds. */
export interface BlockSink {
  readonly header: readonly string[];
  /** Where the date, value and (long panel) asset columns are, by their index in the header. */
  readonly layout: { readonly date: number; readonly values: readonly number[]; readonly asset?: number | undefined };
  readonly rules: ValueRules;
  readDate(cell: string, row: number, issue: IssueReport): number;
  assetObservations(cell: string, row: number, issue: IssueReport): Observations | undefined;
  /** The observations of each value column of a table without an asset column. */
  readonly perColumn: readonly Observations[];
  readonly issues: IssueList;
}

/** Runs of a long panel shorter than this are added value by value. */
const MIN_RUN = 64;

/** Starts a block of `length` rows whose first row is the 1-based data row `firstRow`. */
export function startBlock(sink: BlockSink, firstRow: number, length: number, dates: BlockDates, assets?: ArrayLike<unknown>): RowBlock {
  const found = new BlockIssues(sink.header);
  const days = blockDays(sink, firstRow, length, dates, found.report);
  const allDated = days.every((d) => !Number.isNaN(d));
  const dayKeys = allDated ? Int32Array.from(days) : undefined;
  return {
    values(column, cells) {
      if (cells.length !== length) throw new RangeError(`column ${sink.header[column]} has ${cells.length} values in a block of ${length} rows`);
      const k = sink.layout.values.indexOf(column);
      if (k < 0) return;
      if (sink.layout.asset === undefined) addColumn(sink, sink.perColumn[k]!, column, cells, days, dayKeys, firstRow, found.report);
      else addLongRows(sink, column, cells, days, assets ?? [], firstRow, found.report);
    },
    end() {
      found.flush(sink.issues);
    },
  };
}

/** The day key of each row of a block (`NaN` for a row whose date is missing or invalid: reported). */
function blockDays(sink: BlockSink, firstRow: number, length: number, dates: BlockDates, issue: IssueReport): Float64Array {
  const out = new Float64Array(length);
  const dateName = sink.header[sink.layout.date];
  if ("days" in dates) {
    for (let i = 0; i < length; i++) {
      const d = dates.days[i]!;
      out[i] = d;
      if (Number.isNaN(d)) issue(firstRow + i, dateName, "missing date");
    }
    return out;
  }
  for (let i = 0; i < length; i++) {
    const cell = dates.cells[i];
    out[i] = sink.readDate(typeof cell === "string" ? cell : cellText(cell), firstRow + i, issue);
  }
  return out;
}

/**
 * The number in a cell: `null` when missing, `NaN` when not a number (with the text for the
 * message in `text.value`).
 */
function cellNumber(cell: unknown, decimal: "." | ",", text: { value: string }): number | null {
  if (typeof cell === "number") return Number.isNaN(cell) ? null : cell;
  const written = typeof cell === "string" ? cell : cellText(cell);
  text.value = written.trim();
  return parseNumberCell(written, decimal);
}

/** Adds one value column of a table without an asset column to its series. */
function addColumn(
  sink: BlockSink,
  obs: Observations,
  column: number,
  cells: ArrayLike<unknown>,
  days: Float64Array,
  dayKeys: Int32Array | undefined,
  firstRow: number,
  issue: IssueReport,
): void {
  const n = cells.length;
  const rules = sink.rules;
  if (dayKeys !== undefined && cells instanceof Float64Array) {
    const kept = new Float64Array(n);
    let whole = true;
    for (let i = 0; i < n; i++) {
      const v = ruledValue(cells[i]!, rules);
      if (Number.isNaN(v)) {
        whole = false;
        break;
      }
      kept[i] = v;
    }
    if (whole) {
      obs.pushRun(dayKeys.slice(), kept, firstRow);
      return;
    }
  }
  const name = sink.header[column];
  const text = { value: "" };
  for (let i = 0; i < n; i++) {
    const day = days[i]!;
    if (Number.isNaN(day)) continue;
    const row = firstRow + i;
    const v = cellNumber(cells[i], rules.decimal, text);
    if (v === null) {
      obs.markMissing(day);
      continue;
    }
    if (Number.isNaN(v)) {
      issue(row, name, notANumber(text.value, rules.decimal));
      continue;
    }
    const kept = ruledValue(v, rules);
    if (Number.isNaN(kept)) issue(row, name, ruleBroken(v, typeof cells[i] === "number" ? String(v) : text.value, rules));
    else obs.push(day, kept, row);
  }
}

/**
 * Adds the rows of a long panel (date, asset, value) to their assets' series: consecutive
 * rows of one asset whose values are all kept go over as one run.
 */
function addLongRows(
  sink: BlockSink,
  column: number,
  cells: ArrayLike<unknown>,
  days: Float64Array,
  assets: ArrayLike<unknown>,
  firstRow: number,
  issue: IssueReport,
): void {
  const n = cells.length;
  const rules = sink.rules;
  const name = sink.header[column];
  const text = { value: "" };
  const keptValues = new Float64Array(n);
  let lastCell: unknown;
  let lastObs: Observations | undefined;
  let runObs: Observations | undefined;
  let runStart = 0;
  const flush = (end: number): void => {
    if (runObs === undefined || end <= runStart) return;
    if (end - runStart >= MIN_RUN) {
      runObs.pushRun(Int32Array.from(days.subarray(runStart, end)), keptValues.slice(runStart, end), firstRow + runStart);
    } else {
      for (let j = runStart; j < end; j++) runObs.push(days[j]!, keptValues[j]!, firstRow + j);
    }
    runObs = undefined;
  };
  for (let i = 0; i < n; i++) {
    const day = days[i]!;
    const row = firstRow + i;
    if (Number.isNaN(day)) {
      flush(i);
      continue;
    }
    const a = assets[i];
    if (a !== lastCell || lastObs === undefined) {
      lastObs = sink.assetObservations(typeof a === "string" ? a : cellText(a), row, issue);
      lastCell = lastObs === undefined ? undefined : a;
      if (lastObs === undefined) {
        flush(i);
        continue;
      }
    }
    const v = cellNumber(cells[i], rules.decimal, text);
    const kept = v === null || Number.isNaN(v) ? Number.NaN : ruledValue(v, rules);
    if (!Number.isNaN(kept) && runObs === lastObs) {
      keptValues[i] = kept;
      continue;
    }
    flush(i);
    if (!Number.isNaN(kept)) {
      runObs = lastObs;
      runStart = i;
      keptValues[i] = kept;
    } else if (v === null) lastObs.markMissing(day);
    else if (Number.isNaN(v)) issue(row, name, notANumber(text.value, rules.decimal));
    else issue(row, name, ruleBroken(v, typeof cells[i] === "number" ? String(v) : text.value, rules));
  }
  flush(n);
}

/**
 * The issues of one block, kept until the block ends and then reported sorted by row and
 * column (the order of a CSV reading). At most {@link MAX_ISSUES} are kept per column (the
 * first in row order, so the first {@link MAX_ISSUES} of the block are among them); the rest
 * are counted.
 */
class BlockIssues {
  private readonly items: { row: number; column: number; name: string | undefined; message: string }[] = [];
  private readonly perColumn = new Map<string | undefined, number>();
  private dropped = 0;
  private readonly position: Map<string, number>;

  constructor(header: readonly string[]) {
    this.position = new Map(header.map((h, i) => [h, i]));
  }

  readonly report: IssueReport = (row, name, message) => {
    const count = this.perColumn.get(name) ?? 0;
    this.perColumn.set(name, count + 1);
    if (count >= MAX_ISSUES) {
      this.dropped++;
      return;
    }
    this.items.push({ row, column: name === undefined ? -1 : (this.position.get(name) ?? -1), name, message });
  };

  flush(issues: IssueList): void {
    this.items.sort((a, b) => a.row - b.row || a.column - b.column);
    for (const it of this.items) issues.add(it.row, it.name, it.message);
    if (this.dropped > 0) issues.more(this.dropped);
  }
}
