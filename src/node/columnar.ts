/**
 * Columnar panel files by their extension: `.parquet` (hyparquet), `.arrow` / `.feather`
 * (Arrow IPC file format) and `.arrows` (Arrow IPC stream format), so every reader of price
 * files (and the CLI's `--prices`, `--returns`, `--market`, `--levels`) takes them as it takes
 * CSV.
 * @module
 */
import { MarketReactionError, type ParseSeriesOptions, type SeriesTable } from "market-reaction";
import { readSeriesArrowFile } from "./arrow.js";
import { readSeriesParquetFile } from "./parquet.js";

type Reader = (path: string, options?: Omit<ParseSeriesOptions, "file">) => Promise<SeriesTable>;

/** The columnar reader of a file by its extension (case-insensitive), or `undefined` for text files. */
export function columnarReader(path: string): Reader | undefined {
  if (typeof path !== "string") return undefined; // the text readers check the path and fail with IO_ERROR
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === "parquet") return readSeriesParquetFile;
  if (ext === "arrow" || ext === "feather" || ext === "arrows") return readSeriesArrowFile;
  return undefined;
}

/** Fails for a columnar file given to a synchronous text reader (the columnar readers are asynchronous). */
export function refuseColumnarSync(path: string): void {
  if (columnarReader(path) === undefined) return;
  throw new MarketReactionError(
    "INVALID_INPUT",
    `${path}: Parquet and Arrow files are read asynchronously: use readSeriesFile (or readSeriesParquetFile / readSeriesArrowFile) instead of readSeriesFileSync`,
    [{ file: path, message: "columnar file given to a synchronous reader" }],
  );
}
