/**
 * File readers of the node entry: read, decode, and hand the text to the core parsers with
 * the file name, so every issue, warning and error message names the file.
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import {
  parseEventsCsv,
  parseEventsJson,
  parseFactorsCsv,
  parseSeriesCsv,
  type EventsTable,
  type FactorTable,
  type ParseEventsOptions,
  type ParseFactorsOptions,
  type ParseSeriesOptions,
  type SeriesTable,
  type Warning,
} from "market-reaction";
import { decodeText, type DecodedText } from "./decode.js";
import { readSeriesFileStream, readSeriesFileStreamSync } from "./stream.js";
import { checkPath, ioError } from "./io-error.js";
import { columnarReader, refuseColumnarSync } from "./columnar.js";

/**
 * Price and return files of this many bytes or more are parsed as they are read (see
 * `readSeriesFileStream`) instead of being decoded whole first: same result, a fraction of the
 * memory (a 25 MB, 1,000,000-row panel: about 48 MB above the runtime instead of 350 MB).
 *
 * @example
 * STREAM_BYTES; // => 4194304 (4 MiB)
 */
export const STREAM_BYTES = 4 * 1024 * 1024;

async function isLarge(path: unknown): Promise<boolean> {
  if (typeof path !== "string" || path === "") return false;
  try {
    return (await stat(path)).size >= STREAM_BYTES;
  } catch {
    return false; // the read reports the error
  }
}

function isLargeSync(path: unknown): boolean {
  if (typeof path !== "string" || path === "") return false;
  try {
    return statSync(path).size >= STREAM_BYTES;
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<DecodedText> {
  checkPath(path);
  try {
    return decodeText(await readFile(path));
  } catch (error) {
    throw ioError(path, error);
  }
}

function readTextSync(path: string): DecodedText {
  checkPath(path);
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    throw ioError(path, error);
  }
}

function encodingWarning(path: string, decoded: DecodedText): Warning[] {
  if (decoded.encoding !== "windows-1252") return [];
  return [
    {
      code: "ENCODING_FALLBACK",
      message: `${path}: not valid UTF-8; decoded as Windows-1252`,
    },
  ];
}

function withWarnings<T extends { readonly warnings: readonly Warning[] }>(result: T, extra: Warning[]): T {
  if (extra.length === 0) return result;
  // keep methods (FactorTable.factor) by copying property descriptors
  const copy = Object.create(Object.getPrototypeOf(result) as object, Object.getOwnPropertyDescriptors(result)) as T;
  Object.defineProperty(copy, "warnings", { value: [...extra, ...result.warnings], enumerable: true });
  return copy;
}

function isJson(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return true;
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return false;
  const start = text.replace(/^\uFEFF/, "").trimStart()[0];
  return start === "[" || start === "{";
}

/**
 * Reads a price or return file (any layout of `parseSeriesCsv`). UTF-8 (BOM stripped) and
 * UTF-16 files are decoded; the series id defaults to the file name stem for single-series
 * layouts. Files of 4 MiB or more are parsed by streaming ({@link STREAM_BYTES}). Files ending
 * in `.parquet` are read by `readSeriesParquetFile`, in `.arrow`, `.feather` or `.arrows` by
 * `readSeriesArrowFile`.
 *
 * @throws MarketReactionError `IO_ERROR` when the file cannot be read; otherwise as `parseSeriesCsv`
 *   (with the file name in the message and in every issue).
 * @example
 * // data/sp500.csv: date,open,high,low,close,volume for 2–11 April 2025
 * const table = await readSeriesFile("data/sp500.csv");
 * table.series[0]?.id; // => "sp500"
 * table.columns; // => { date: "date", values: ["close"] }
 */
export async function readSeriesFile(path: string, options?: Omit<ParseSeriesOptions, "file">): Promise<SeriesTable> {
  const columnar = columnarReader(path);
  if (columnar !== undefined) return columnar(path, options);
  if (await isLarge(path)) return readSeriesFileStream(path, options);
  const decoded = await readText(path);
  return withWarnings(parseSeriesCsv(decoded.text, { ...options, file: path }), encodingWarning(path, decoded));
}

/**
 * Synchronous {@link readSeriesFile} (files of 4 MiB or more also streamed, with blocking reads).
 * @throws MarketReactionError `IO_ERROR`, and as `parseSeriesCsv`.
 * @example
 * const spx = readSeriesFileSync("data/sp500.csv", { id: "SPX" }).series[0]!;
 * spx.values.slice(2, 6); // => Float64Array [5074.08, 5062.25, 4982.77, 5456.9]
 */
export function readSeriesFileSync(path: string, options?: Omit<ParseSeriesOptions, "file">): SeriesTable {
  refuseColumnarSync(path);
  if (isLargeSync(path)) return readSeriesFileStreamSync(path, options);
  const decoded = readTextSync(path);
  return withWarnings(parseSeriesCsv(decoded.text, { ...options, file: path }), encodingWarning(path, decoded));
}

/**
 * Reads a factor file (Ken French daily CSV or a generic table), in decimal units.
 * @throws MarketReactionError `IO_ERROR`, and as `parseFactorsCsv`.
 * @example
 * // Ken French's daily five-factor file (percent): 7, 8 and 9 April 2025
 * const f = await readFactorsFile("F-F_Research_Data_5_Factors_2x3_daily.CSV");
 * f.names; // => ["Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF"]
 * f.factor("mkt_rf"); // => Float64Array [-0.0023, -0.0167, 0.0965]
 */
export async function readFactorsFile(path: string, options?: Omit<ParseFactorsOptions, "file">): Promise<FactorTable> {
  const decoded = await readText(path);
  return withWarnings(parseFactorsCsv(decoded.text, { ...options, file: path }), encodingWarning(path, decoded));
}

/**
 * Synchronous {@link readFactorsFile}.
 * @throws MarketReactionError `IO_ERROR`, and as `parseFactorsCsv`.
 * @example
 * const f = readFactorsFileSync("factors.csv", { unit: "percent" });
 * f.names; // => ["Mkt-RF", "SMB", "HML", "RF"]
 * f.factor("hml"); // => Float64Array [0.0097, -0.0306]
 */
export function readFactorsFileSync(path: string, options?: Omit<ParseFactorsOptions, "file">): FactorTable {
  const decoded = readTextSync(path);
  return withWarnings(parseFactorsCsv(decoded.text, { ...options, file: path }), encodingWarning(path, decoded));
}

/**
 * Reads an event list: JSON when the extension is `.json` (or, for other extensions, when the
 * text starts with `[` or `{`), else CSV.
 * @throws MarketReactionError `IO_ERROR`, and as `parseEventsCsv` / `parseEventsJson`.
 * @example
 * // tariff_events_2025.csv: id,datetime_et,timezone,speaker,description
 * const { events } = await readEventsFile("tariff_events_2025.csv");
 * events.map((e) => e.id); // => ["E17", "E22", "E34"]
 * events[2]; // => { id: "E34", timestamp: "2025-04-09T13:18", speaker: "Donald Trump", label: "90-day pause …", … }
 */
export async function readEventsFile(path: string, options?: Omit<ParseEventsOptions, "file">): Promise<EventsTable> {
  const decoded = await readText(path);
  const o = { ...options, file: path };
  const table = isJson(path, decoded.text) ? parseEventsJson(decoded.text, o) : parseEventsCsv(decoded.text, o);
  return withWarnings(table, encodingWarning(path, decoded));
}

/**
 * Synchronous {@link readEventsFile}.
 * @throws MarketReactionError `IO_ERROR`, and as `parseEventsCsv` / `parseEventsJson`.
 * @example
 * readEventsFileSync("events.json").events.map((e) => e.speaker); // => ["Donald Trump", "Scott Bessent"]
 */
export function readEventsFileSync(path: string, options?: Omit<ParseEventsOptions, "file">): EventsTable {
  const decoded = readTextSync(path);
  const o = { ...options, file: path };
  const table = isJson(path, decoded.text) ? parseEventsJson(decoded.text, o) : parseEventsCsv(decoded.text, o);
  return withWarnings(table, encodingWarning(path, decoded));
}
