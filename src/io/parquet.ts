/**
 * Series from columnar files: Apache Parquet through the optional peer dependency `hyparquet`
 * (pure JavaScript, no dependencies of its own, browser and Node), and any column arrays.
 * Every value goes through the same series builder as CSV text, so layouts (wide, long,
 * single), checks, issues and warnings are those of {@link parseSeriesCsv}.
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { checkSeriesOptions } from "../schema/index.js";
import { cellText } from "./rows.js";
import { seriesBuilder } from "./series.js";
import type { ParseSeriesOptions, SeriesTable } from "./types.js";

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

/** The part of hyparquet this reader uses. */
interface Hyparquet {
  parquetMetadata(buffer: ArrayBuffer): { schema: readonly { name: string; num_children?: number }[]; num_rows: number | bigint };
  parquetRead(options: { file: ArrayBuffer; metadata?: unknown; columns?: string[]; onChunk(chunk: ColumnChunkData): void }): Promise<void>;
}

/** A decoded run of rows of one column. */
interface ColumnChunkData {
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
  const out: { [i: number]: unknown; length: number } = Typed !== undefined && chunks.every((c) => c.columnData instanceof Typed) ? new Typed(rows) : new Array<unknown>(rows);
  for (const c of chunks) {
    for (let i = c.rowStart; i < Math.min(c.rowEnd, rows); i++) out[i] = c.columnData[i - c.rowStart];
  }
  return out;
}

let hyparquet: Promise<Hyparquet> | undefined;

function loadHyparquet(): Promise<Hyparquet> {
  hyparquet ??= (async () => {
    try {
      return (await import("hyparquet")) as unknown as Hyparquet;
    } catch (error) {
      throw new MarketReactionError(
        "MISSING_DEPENDENCY",
        "reading Parquet needs the optional peer dependency hyparquet; install it with: npm install hyparquet",
        [],
        { cause: error },
      );
    }
  })();
  hyparquet.catch(() => {
    hyparquet = undefined; // a later call (after installing) tries again
  });
  return hyparquet;
}

/** The top-level column names of a Parquet schema (flattened schema: root first, then its children). */
function topLevelColumns(schema: readonly { name: string; num_children?: number }[]): string[] {
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
 * of {@link parseSeriesCsv}. Needs the optional peer dependency `hyparquet` (loaded on first
 * use; works in browsers and Node). Dates may be Parquet DATE or TIMESTAMP columns (read on
 * their UTC calendar date) or text.
 *
 * @param data - The file's bytes.
 * @param options - As {@link parseSeriesCsv} (`delimiter` and `decimal` do not apply).
 * @throws MarketReactionError `MISSING_DEPENDENCY` without hyparquet; `INVALID_INPUT` for a file
 *   that is not Parquet; otherwise as {@link parseSeriesCsv}.
 * @example
 * // in a browser: const table = await parseSeriesParquet(await (await fetch("prices.parquet")).arrayBuffer());
 * // bytes that are not Parquet fail with the input error, as a bad CSV would
 * await parseSeriesParquet(new TextEncoder().encode("date,SPY\n2025-04-09,548.62\n")).catch((e: MarketReactionError) => e.code); // => "INVALID_INPUT"
 */
export async function parseSeriesParquet(data: ArrayBuffer | Uint8Array, options?: ParseSeriesOptions): Promise<SeriesTable> {
  const o = checkSeriesOptions(options);
  const hp = await loadHyparquet();
  // a view of a whole buffer is read in place; a slice of a larger one is copied
  const buffer =
    !(data instanceof Uint8Array) ? data
    : data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? (data.buffer as ArrayBuffer)
    : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  let metadata: ReturnType<Hyparquet["parquetMetadata"]>;
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
