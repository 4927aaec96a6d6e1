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
import { cellText } from "./rows.js";
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
 * {@link seriesFromRows} reads it (`Date` on its UTC calendar date, numbers exactly).
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
  const cells = new Array<string | number>(columns.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k]!.values[i];
      cells[k] = typeof v === "number" ? v : cellText(v);
    }
    builder.add(cells, i + 1);
  }
  return builder.finish(n);
}

/**
 * The part of the `hyparquet` module this reader uses (pass the module itself:
 * `import * as hyparquet from "hyparquet"`).
 */
export interface ParquetDecoder<M extends ParquetMetadataLike = ParquetMetadataLike> {
  parquetMetadata(buffer: ArrayBuffer): M;
  parquetRead(options: { file: ArrayBuffer; metadata: M; columns: string[]; onChunk: (chunk: ColumnChunkData) => void }): Promise<void>;
}

/** What the reader reads of a Parquet file's metadata: the flattened schema and the row count. */
export interface ParquetMetadataLike {
  readonly schema: readonly { readonly name: string; readonly num_children?: number | undefined }[];
  readonly num_rows: number | bigint;
}

/** A decoded run of rows of one column. */
export interface ColumnChunkData {
  readonly columnName: string;
  readonly columnData: ArrayLike<unknown>;
  readonly rowStart: number;
  readonly rowEnd: number;
}

/** Joins the decoded runs of a column in row order (one array, of the runs' type when they share one). */
function joinChunks(chunks: ColumnChunkData[], rows: number): ArrayLike<unknown> {
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  if (chunks.length === 1 && chunks[0]!.rowStart === 0 && chunks[0]!.columnData.length === rows) return chunks[0]!.columnData;
  const first = chunks[0]?.columnData;
  const Typed = first instanceof Float64Array ? Float64Array : first instanceof Int32Array ? Int32Array : undefined;
  const out: { [i: number]: unknown; length: number } =
    Typed !== undefined && chunks.every((c) => c.columnData instanceof Typed) ? new Typed(rows) : new Array<unknown>(rows);
  for (const c of chunks) {
    for (let i = c.rowStart; i < Math.min(c.rowEnd, rows); i++) out[i] = c.columnData[i - c.rowStart];
  }
  return out;
}

/** The top-level column names of a Parquet schema (flattened schema: root first, then its children). */
function topLevelColumns(schema: ParquetMetadataLike["schema"]): string[] {
  const names: string[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at]!.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    names.push(schema[i]!.name);
    i = skip(i);
  }
  return names;
}

/**
 * Reads price or return series from the bytes of a Parquet file (wide: a date column and one
 * column per asset; long: date, asset and value columns), with the layouts, checks and warnings
 * of {@link parseSeriesCsv}. The decoding is done by the optional peer dependency `hyparquet`,
 * passed in by the caller (so that a bundle without Parquet never references it; the node
 * entry's `readSeriesParquetFile` loads it itself). Dates may be Parquet DATE or TIMESTAMP
 * columns (read on their UTC calendar date) or text.
 *
 * @param data - The file's bytes.
 * @param hyparquet - The `hyparquet` module (`import * as hyparquet from "hyparquet"`).
 * @param options - As {@link parseSeriesCsv} (`delimiter` and `decimal` do not apply).
 * @throws MarketReactionError `INVALID_INPUT` for bytes that are not Parquet; otherwise as
 *   {@link parseSeriesCsv}.
 * @example
 * // in a browser: import * as hyparquet from "hyparquet";
 * //   const table = await parseSeriesParquet(await (await fetch("prices.parquet")).arrayBuffer(), hyparquet);
 * // bytes the decoder cannot read fail with the input error, as a bad CSV would
 * const decoder = { parquetMetadata: (): never => { throw new Error("not a Parquet file"); }, parquetRead: async () => {} };
 * await parseSeriesParquet(new Uint8Array(8), decoder).catch((e: MarketReactionError) => e.code); // => "INVALID_INPUT"
 */
export async function parseSeriesParquet<M extends ParquetMetadataLike>(
  data: ArrayBuffer | Uint8Array,
  hyparquet: ParquetDecoder<M>,
  options?: ParseSeriesOptions,
): Promise<SeriesTable> {
  const o = checkSeriesOptions(options);
  const hp = hyparquet;
  // a view of a whole buffer is read in place; a slice of a larger one is copied
  const buffer = !(data instanceof Uint8Array)
    ? data
    : data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
      ? (data.buffer as ArrayBuffer)
      : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  let metadata: M;
  try {
    metadata = hp.parquetMetadata(buffer);
  } catch (error) {
    const message = `${o.file === undefined ? "" : `${o.file}: `}not a readable Parquet file (${(error as Error).message})`;
    throw new MarketReactionError("INVALID_INPUT", message, [{ message, ...(o.file === undefined ? {} : { file: o.file }) }], { cause: error });
  }
  const names = topLevelColumns(metadata.schema);
  const chunks = new Map<string, ColumnChunkData[]>(names.map((n) => [n, []]));
  await hp.parquetRead({ file: buffer, metadata, columns: names, onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk) });
  const rows = Number(metadata.num_rows);
  return seriesFromColumns(
    names.map((name) => ({ name, values: joinChunks(chunks.get(name)!, rows) })),
    o,
  );
}
