/**
 * Series from columnar files: Apache Parquet decoded by the optional peer dependency `hyparquet`
 * (pure JavaScript, no dependencies of its own, browser and Node; passed in by the caller), and
 * any column arrays.
 * Every value goes through the same series builder as CSV text, so layouts (wide, long,
 * single), checks, issues and warnings are those of {@link parseSeriesCsv}.
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { checkSeriesOptions } from "../schema/index.js";
import type { BlockDates } from "./columnBlock.js";
import { seriesBuilder } from "./series.js";
import type { ParseSeriesOptions, SeriesTable } from "./types.js";
import { checkArrayOf } from "../check.js";

/** One named column of a table (values of any type: numbers, strings, `Date`, bigint, null). */
export interface NamedColumn {
  readonly name: string;
  readonly values: ArrayLike<unknown>;
}

/**
 * Builds series from named columns of equal length (e.g. decoded from Parquet or Arrow), with
 * the layouts, checks and warnings of {@link parseSeriesCsv}. Each value is read as
 * {@link seriesFromRows} reads it (`Date` on its UTC calendar date, numbers exactly); a
 * `Float64Array` value column is read as numbers with `NaN` as missing, without a per-value
 * object.
 *
 * @throws MarketReactionError `INVALID_INPUT` for columns of different lengths, and as
 *   {@link parseSeriesCsv}.
 * @example
 * seriesFromColumns([{ name: "date", values: ["2025-04-08", "2025-04-09"] }, { name: "SPY", values: [496.48, 548.62] }]).series[0]?.values;
 * // => Float64Array [496.48, 548.62]
 */
export function seriesFromColumns(columns: readonly NamedColumn[], options?: ParseSeriesOptions): SeriesTable {
  checkArrayOf("seriesFromColumns", "columns", columns, { name: "string", values: "object" });
  const o = checkSeriesOptions(options);
  const n = columns.length > 0 ? columns[0]!.values.length : 0;
  for (const c of columns) {
    if (c.values.length !== n) {
      const message = `column ${JSON.stringify(c.name)} has ${c.values.length} values, column ${JSON.stringify(columns[0]!.name)} has ${n}`;
      throw new MarketReactionError("INVALID_INPUT", message, [{ message, column: c.name, ...(o.file === undefined ? {} : { file: o.file }) }]);
    }
  }
  const builder = seriesBuilder(
    columns.map((c) => c.name),
    o,
    false,
  );
  if (n > 0) {
    const { layout } = builder;
    const block = builder.beginBlock(1, n, { cells: columns[layout.date]!.values }, layout.asset === undefined ? undefined : columns[layout.asset]!.values);
    for (const c of layout.values) block.values(c, columns[c]!.values);
    block.end();
  }
  return builder.finish(n);
}

/** A file read by byte ranges (hyparquet's `AsyncBuffer`: e.g. a file handle in Node, HTTP ranges in a browser). */
export interface ByteRangeSource {
  readonly byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/**
 * The part of the `hyparquet` module this reader uses (pass the module itself:
 * `import * as hyparquet from "hyparquet"`).
 */
export interface ParquetDecoder<M extends ParquetMetadataLike = ParquetMetadataLike> {
  parquetMetadata(buffer: ArrayBuffer): M;
  /** Reads the metadata of a file read by ranges (needed only for a {@link ByteRangeSource}). */
  parquetMetadataAsync?(file: ByteRangeSource): Promise<M>;
  parquetRead(options: {
    file: ArrayBuffer | ByteRangeSource;
    metadata: M;
    columns: string[];
    rowStart?: number;
    rowEnd?: number;
    parsers?: Partial<ParquetDateParsers>;
    onChunk: (chunk: ColumnChunkData) => void;
  }): Promise<void>;
}

/** The decoders of dates and timestamps this reader gives hyparquet: day keys instead of `Date` objects. */
export interface ParquetDateParsers {
  timestampFromMilliseconds(millis: bigint): number;
  timestampFromMicroseconds(micros: bigint): number;
  timestampFromNanoseconds(nanos: bigint): number;
  dateFromDays(days: number): number;
}

/** One element of a Parquet schema, as far as this reader looks at it. */
export interface ParquetSchemaElementLike {
  readonly name: string;
  readonly num_children?: number | undefined;
  readonly type?: string | undefined;
  readonly converted_type?: string | undefined;
  readonly logical_type?: { readonly type: string } | undefined;
}

/** What the reader reads of a Parquet file's metadata: the flattened schema, the row count and the row groups. */
export interface ParquetMetadataLike {
  readonly schema: readonly ParquetSchemaElementLike[];
  readonly num_rows: number | bigint;
  /** The row groups, each with its column chunks in the order of the schema's leaves. */
  readonly row_groups?: readonly { readonly num_rows: number | bigint; readonly columns?: readonly unknown[] }[];
}

/** A decoded run of rows of one column. */
export interface ColumnChunkData {
  readonly columnName: string;
  readonly columnData: ArrayLike<unknown>;
  readonly rowStart: number;
  readonly rowEnd: number;
}

/** Value columns decoded per call of hyparquet: bounds the memory of the decoded, not yet kept, columns. */
const COLUMN_BATCH = 256;

const DAY_MS = 86_400_000n;

/** `a / b` rounded down (bigint division rounds toward zero). */
function floorDiv(a: bigint, b: bigint): number {
  const q = a / b;
  return Number(a % b < 0n ? q - 1n : q);
}

/** Dates and timestamps as day keys (their UTC calendar date, as a `Date` would be read). */
const DAY_KEY_PARSERS: ParquetDateParsers = {
  timestampFromMilliseconds: (ms) => floorDiv(BigInt(ms), DAY_MS),
  timestampFromMicroseconds: (us) => floorDiv(BigInt(us), DAY_MS * 1000n),
  timestampFromNanoseconds: (ns) => floorDiv(BigInt(ns), DAY_MS * 1_000_000n),
  dateFromDays: (days) => days,
};

/** The top-level columns of a Parquet schema (flattened schema: root first, then its children). */
function topLevelColumns(schema: ParquetMetadataLike["schema"]): ParquetSchemaElementLike[] {
  const columns: ParquetSchemaElementLike[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at]!.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    columns.push(schema[i]!);
    i = skip(i);
  }
  return columns;
}

/** True for a DATE, TIMESTAMP or INT96 column (decoded to day keys by this reader). */
function isDateType(e: ParquetSchemaElementLike): boolean {
  const c = e.converted_type;
  const l = e.logical_type?.type;
  return c === "DATE" || c === "TIMESTAMP_MILLIS" || c === "TIMESTAMP_MICROS" || l === "DATE" || l === "TIMESTAMP" || (e.type === "INT96" && c === undefined);
}

/** True for a column decoded to numbers (or bigints) only: kept as a `Float64Array`. */
function isNumericType(e: ParquetSchemaElementLike): boolean {
  return (e.type === "DOUBLE" || e.type === "FLOAT" || e.type === "INT32" || e.type === "INT64") && !isDateType(e) && (e.num_children ?? 0) === 0;
}

/**
 * Joins the decoded runs of a column over rows `[from, to)` in row order: a `Float64Array`
 * (`NaN` for missing) for a numeric column, else an array of the decoded cells.
 */
function joinChunks(chunks: readonly ColumnChunkData[], from: number, to: number, numeric: boolean): ArrayLike<unknown> {
  const n = to - from;
  const one = chunks.length === 1 ? chunks[0]! : undefined;
  if (one !== undefined && one.rowStart === from && one.columnData.length === n && (!numeric || one.columnData instanceof Float64Array)) return one.columnData;
  const out: { [i: number]: unknown; length: number } = numeric ? new Float64Array(n).fill(Number.NaN) : new Array<unknown>(n).fill(null);
  for (const c of chunks) {
    const lo = Math.max(c.rowStart, from);
    const hi = Math.min(c.rowEnd, to);
    const data = c.columnData;
    if (numeric) {
      const target = out as Float64Array;
      for (let r = lo; r < hi; r++) {
        const v = data[r - c.rowStart];
        target[r - from] = typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : Number.NaN;
      }
    } else {
      for (let r = lo; r < hi; r++) out[r - from] = data[r - c.rowStart];
    }
  }
  return out;
}

/** One row group of a file: its rows `[from, to)` and its index in the metadata. */
interface RowGroupRange {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The metadata of one row group and some top-level columns only, when every column of the
 * schema is flat (one leaf per column, so the i-th column chunk is the i-th column); else
 * `undefined`. hyparquet's planning walks every column of the metadata on each read, which a
 * panel of 10,000 columns read in batches would repeat for every batch.
 */
function projectMetadata<M extends ParquetMetadataLike>(metadata: M, group: RowGroupRange, columns: readonly number[]): M | undefined {
  const schema = metadata.schema;
  const chunks = metadata.row_groups?.[group.index]?.columns;
  if (chunks === undefined || chunks.length !== schema.length - 1 || schema.slice(1).some((e) => (e.num_children ?? 0) > 0)) return undefined;
  return {
    ...metadata,
    num_rows: BigInt(group.to - group.from),
    schema: [{ ...schema[0]!, num_children: columns.length }, ...columns.map((c) => schema[c + 1]!)],
    row_groups: [{ ...metadata.row_groups![group.index]!, columns: columns.map((c) => chunks[c]) }],
  };
}

/** Reads the given top-level columns (by index) of one row group, each joined by {@link joinChunks}. */
async function readColumns<M extends ParquetMetadataLike>(
  hp: ParquetDecoder<M>,
  file: ArrayBuffer | ByteRangeSource,
  metadata: M,
  all: readonly ParquetSchemaElementLike[],
  wanted: readonly number[],
  group: RowGroupRange,
): Promise<ArrayLike<unknown>[]> {
  const columns = wanted.map((i) => all[i]!);
  const chunks = new Map<string, ColumnChunkData[]>(columns.map((c) => [c.name, []]));
  const projected = projectMetadata(metadata, group, wanted);
  const offset = projected === undefined ? 0 : group.from;
  await hp.parquetRead({
    file,
    metadata: projected ?? metadata,
    columns: columns.map((c) => c.name),
    rowStart: group.from - offset,
    rowEnd: group.to - offset,
    parsers: DAY_KEY_PARSERS,
    onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
  });
  return columns.map((c) => joinChunks(chunks.get(c.name)!, group.from - offset, group.to - offset, isNumericType(c)));
}

/** The row groups with rows (one group for the whole file when the metadata lists none). */
function rowGroupRanges(metadata: ParquetMetadataLike): RowGroupRange[] {
  const total = Number(metadata.num_rows);
  const groups = metadata.row_groups ?? [{ num_rows: total }];
  const ranges: RowGroupRange[] = [];
  let at = 0;
  groups.forEach((g, index) => {
    const n = Number(g.num_rows);
    if (n > 0) ranges.push({ index, from: at, to: at + n });
    at += n;
  });
  return ranges;
}

/** Reads the Parquet metadata, or fails with the input error a bad CSV file would give. */
async function readMetadata<M extends ParquetMetadataLike>(hp: ParquetDecoder<M>, file: ArrayBuffer | ByteRangeSource, where: string | undefined): Promise<M> {
  try {
    if (file instanceof ArrayBuffer) return hp.parquetMetadata(file);
    if (hp.parquetMetadataAsync === undefined) throw new Error("the decoder has no parquetMetadataAsync for a file read by ranges");
    return await hp.parquetMetadataAsync(file);
  } catch (error) {
    const message = `${where === undefined ? "" : `${where}: `}not a readable Parquet file (${(error as Error).message})`;
    throw new MarketReactionError("INVALID_INPUT", message, [{ message, ...(where === undefined ? {} : { file: where }) }], { cause: error });
  }
}

/** Fails for a value or asset column holding dates (their day numbers must not be read as prices). */
function checkNotDates(columns: readonly ParquetSchemaElementLike[], used: readonly number[], where: string | undefined): void {
  for (const i of used) {
    const c = columns[i]!;
    if (!isDateType(c)) continue;
    const message = `column ${JSON.stringify(c.name)} holds dates (Parquet ${c.logical_type?.type ?? c.converted_type ?? c.type}), not values or asset names`;
    throw new MarketReactionError("INVALID_INPUT", `${where === undefined ? "" : `${where}: `}${message}`, [
      { message, column: c.name, ...(where === undefined ? {} : { file: where }) },
    ]);
  }
}

/**
 * Reads price or return series from a Parquet file (wide: a date column and one column per
 * asset; long: date, asset and value columns), with the layouts, checks and warnings of
 * {@link parseSeriesCsv}. The decoding is done by the optional peer dependency `hyparquet`,
 * passed in by the caller (so that a bundle without Parquet never references it; the node
 * entry's `readSeriesParquetFile` loads it itself). Dates may be Parquet DATE or TIMESTAMP
 * columns (read on their UTC calendar date) or text.
 *
 * The file is read one row group at a time, value columns in batches: numeric columns are
 * decoded into `Float64Array`s that become the series' values when every value is kept.
 * `data` may also be a {@link ByteRangeSource} (hyparquet's `AsyncBuffer`, e.g. its
 * `asyncBufferFromUrl`), so a large file is never in memory whole.
 *
 * @param data - The file's bytes, or a source of byte ranges.
 * @param hyparquet - The `hyparquet` module (`import * as hyparquet from "hyparquet"`).
 * @param options - As {@link parseSeriesCsv} (`delimiter` and `decimal` do not apply).
 * @throws MarketReactionError `INVALID_INPUT` for bytes that are not Parquet and for a value
 *   column of dates; otherwise as {@link parseSeriesCsv}.
 * @example
 * // in a browser: import * as hyparquet from "hyparquet";
 * //   const table = await parseSeriesParquet(await (await fetch("prices.parquet")).arrayBuffer(), hyparquet);
 * // bytes the decoder cannot read fail with the input error, as a bad CSV would
 * const decoder = { parquetMetadata: (): never => { throw new Error("not a Parquet file"); }, parquetRead: async () => {} };
 * await parseSeriesParquet(new Uint8Array(8), decoder).catch((e: MarketReactionError) => e.code); // => "INVALID_INPUT"
 */
export async function parseSeriesParquet<M extends ParquetMetadataLike>(
  data: ArrayBuffer | Uint8Array | ByteRangeSource,
  hyparquet: ParquetDecoder<M>,
  options?: ParseSeriesOptions,
): Promise<SeriesTable> {
  const o = checkSeriesOptions(options);
  const hp = hyparquet;
  // a view of a whole buffer is read in place; a slice of a larger one is copied
  const file =
    data instanceof ArrayBuffer || !(data instanceof Uint8Array)
      ? data
      : data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? (data.buffer as ArrayBuffer)
        : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const metadata = await readMetadata(hp, file, o.file);
  const columns = topLevelColumns(metadata.schema);
  const builder = seriesBuilder(
    columns.map((c) => c.name),
    o,
    false,
  );
  const { layout } = builder;
  checkNotDates(columns, layout.asset === undefined ? layout.values : [layout.asset, ...layout.values], o.file);
  const keys = [layout.date, ...(layout.asset === undefined ? [] : [layout.asset])];
  for (const group of rowGroupRanges(metadata)) {
    const [dates, assets] = await readColumns(hp, file, metadata, columns, keys, group);
    const dated: BlockDates = isDateType(columns[layout.date]!) ? { days: dayKeys(dates!) } : { cells: dates! };
    const block = builder.beginBlock(group.from + 1, group.to - group.from, dated, assets);
    for (let b = 0; b < layout.values.length; b += COLUMN_BATCH) {
      const batch = layout.values.slice(b, b + COLUMN_BATCH);
      const decoded = await readColumns(hp, file, metadata, columns, batch, group);
      batch.forEach((c, j) => {
        block.values(c, decoded[j]!);
      });
    }
    block.end();
  }
  return builder.finish(Number(metadata.num_rows));
}

/** Day keys of a decoded date column (`NaN` for a missing date). */
function dayKeys(cells: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    out[i] = typeof v === "number" ? v : Number.NaN;
  }
  return out;
}
