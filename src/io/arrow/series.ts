/**
 * Price and return series from Apache Arrow IPC data (the file format, also called Feather
 * v2, and the stream format), read by the library's own small IPC reader: no dependency.
 * @module
 */
import { MarketReactionError } from "../../errors.js";
import { checkSeriesOptions } from "../../schema/index.js";
import type { BlockDates } from "../columnBlock.js";
import type { ByteRangeSource } from "../parquet.js";
import { seriesBuilder } from "../series.js";
import type { ParseSeriesOptions, SeriesTable } from "../types.js";
import { decodeCells, decodeNumbers, dictionaryDecoder, isDateField, isNumeric, unsupported } from "./columns.js";
import { type ArrowField, IpcError, IpcReader, type IpcSource } from "./ipc.js";

/** The input as byte ranges: views of bytes in memory (no copy), or reads of a range source. */
function ipcSource(data: ArrayBuffer | Uint8Array | ByteRangeSource): IpcSource {
  if (data instanceof ArrayBuffer || data instanceof Uint8Array) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return { byteLength: bytes.byteLength, read: async (start, end) => bytes.subarray(start, end) };
  }
  const source = data as Partial<ByteRangeSource> | null | undefined;
  if (typeof source !== "object" || source === null || typeof source.byteLength !== "number" || typeof source.slice !== "function") {
    throw new IpcError(
      `expected the bytes of an Arrow IPC file or stream (ArrayBuffer, Uint8Array or a source of byte ranges), got ${source === null ? "null" : typeof source}`,
    );
  }
  return { byteLength: data.byteLength, read: async (start, end) => new Uint8Array(await data.slice(start, end)) };
}

/** The input error for a problem with the bytes, naming the file and the column. */
function inputError(error: unknown, file: string | undefined): unknown {
  if (!(error instanceof IpcError) && !(error instanceof RangeError)) return error;
  const message = error instanceof IpcError ? error.message : `corrupt Arrow IPC data (${error.message})`;
  const column = error instanceof IpcError ? error.column : undefined;
  return new MarketReactionError(
    "INVALID_INPUT",
    `${file === undefined ? "" : `${file}: `}${message}`,
    [{ message, ...(column === undefined ? {} : { column }), ...(file === undefined ? {} : { file }) }],
    { cause: error },
  );
}

/** Fails unless every column the layout reads has a type this reader reads in its role. */
function checkTypes(fields: readonly ArrowField[], layout: { date: number; values: readonly number[]; asset?: number | undefined }): void {
  const date = fields[layout.date]!;
  if (!(isDateField(date) || date.type.kind === "utf8" || (isNumeric(date) && date.type.kind === "int"))) {
    throw unsupported(date, "dates (Date32, Date64, Timestamp, Utf8 or integers such as 20250407)");
  }
  if (layout.asset !== undefined) {
    const a = fields[layout.asset]!;
    if (!(a.type.kind === "utf8" || (isNumeric(a) && a.type.kind === "int"))) throw unsupported(a, "asset names (Utf8, dictionary-encoded Utf8 or integers)");
  }
  for (const v of layout.values) {
    const f = fields[v]!;
    if (isDateField(f)) throw unsupported(f, "values (it holds dates)");
    if (!(isNumeric(f) || f.type.kind === "utf8")) throw unsupported(f, "values (Float64, Float32, integers or Utf8)");
  }
}

/**
 * Reads price or return series from Apache Arrow IPC data — the file format (`.arrow`,
 * `.feather`, Feather v2) or the stream format (`.arrows`) — wide (a date column and one
 * column per asset) or long (date, asset and value columns), with the layouts, checks and
 * warnings of {@link parseSeriesCsv}. Read by the library's own IPC reader (no dependency,
 * browsers and Node) for the types panels use: Float64, Float32 and integer values; Utf8 or
 * dictionary-encoded asset names; Date32, Date64 or Timestamp dates (their UTC calendar date)
 * or text dates. Record batches are read one at a time, each column from its own bytes.
 *
 * @param data - The bytes, or a {@link ByteRangeSource} (the node entry's
 *   `readSeriesArrowFile` reads a file by ranges this way).
 * @param options - As {@link parseSeriesCsv} (`delimiter` does not apply).
 * @throws MarketReactionError `INVALID_INPUT` naming the file and column for bytes that are not
 *   Arrow IPC, truncated data, compressed (LZ4/ZSTD) bodies and column types it does not
 *   read; otherwise as {@link parseSeriesCsv}.
 * @example
 * // in a browser: const table = await parseSeriesArrow(await (await fetch("prices.arrow")).arrayBuffer());
 * await parseSeriesArrow(new TextEncoder().encode("date,SPY\n2025-04-08,1\n")).catch((e: MarketReactionError) => e.code); // => "INVALID_INPUT"
 */
export async function parseSeriesArrow(data: ArrayBuffer | Uint8Array | ByteRangeSource, options?: ParseSeriesOptions): Promise<SeriesTable> {
  const o = checkSeriesOptions(options);
  try {
    const reader = await IpcReader.open(ipcSource(data));
    const fields = reader.fields;
    const builder = seriesBuilder(
      fields.map((f) => f.name),
      o,
      false,
    );
    const { layout } = builder;
    checkTypes(fields, layout);
    const dictionaries = new Map<number, unknown[]>();
    const decodeDictionary = dictionaryDecoder(reader);
    const dateField = fields[layout.date]!;
    let rows = 0;
    for (
      let batch = await reader.nextBatch(dictionaries, decodeDictionary);
      batch !== undefined;
      batch = await reader.nextBatch(dictionaries, decodeDictionary)
    ) {
      if (batch.length === 0) continue;
      const datePlace = batch.columns[layout.date]!;
      const dates: BlockDates = isDateField(dateField)
        ? { days: await decodeNumbers(reader, dateField, datePlace) }
        : { cells: await decodeCells(reader, dateField, datePlace, dictionaries) };
      const assets = layout.asset === undefined ? undefined : await decodeCells(reader, fields[layout.asset]!, batch.columns[layout.asset]!, dictionaries);
      const block = builder.beginBlock(rows + 1, batch.length, dates, assets);
      for (const c of layout.values) {
        const f = fields[c]!;
        const place = batch.columns[c]!;
        block.values(c, isNumeric(f) ? await decodeNumbers(reader, f, place) : await decodeCells(reader, f, place, dictionaries));
      }
      block.end();
      rows += batch.length;
    }
    return builder.finish(rows);
  } catch (error) {
    throw inputError(error, o.file);
  }
}
