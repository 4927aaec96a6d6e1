/**
 * Reading Parquet files in Node (the optional peer dependency `hyparquet` does the decoding).
 * @module
 */
import {
  MarketReactionError,
  parseSeriesParquet,
  type ParquetDecoder,
  type ParquetMetadataLike,
  type ParseSeriesOptions,
  type SeriesTable,
} from "market-reaction";
import { openFileRanges } from "./byteRanges.js";
import { checkPath } from "./io-error.js";

/**
 * Reads price or return series from a Parquet file (wide or long layout), with the checks and
 * warnings of `parseSeriesCsv` and the file name in every message. Needs the optional peer
 * dependency `hyparquet`. The file is read by byte ranges (its footer, then the column chunks
 * of one row group and batch of columns at a time), never whole.
 *
 * @throws MarketReactionError `IO_ERROR` when the file cannot be read; `MISSING_DEPENDENCY`
 *   without hyparquet; otherwise as `parseSeriesParquet`.
 * @example
 * // const { series, warnings } = await readSeriesParquetFile("panel.parquet");
 * await readSeriesParquetFile("no-such-panel.parquet").catch((e: MarketReactionError) => e.code); // => "IO_ERROR"
 */
export async function readSeriesParquetFile(path: string, options?: Omit<ParseSeriesOptions, "file">): Promise<SeriesTable> {
  checkPath(path);
  const file = await openFileRanges(path);
  try {
    return await parseSeriesParquet(file, await loadHyparquet(), { ...options, file: path });
  } finally {
    await file.close();
  }
}

let loaded: Promise<ParquetDecoder<ParquetMetadataLike>> | undefined;

/** Loads the optional peer dependency hyparquet once (again after a failure: it may be installed since). */
function loadHyparquet(): Promise<ParquetDecoder<ParquetMetadataLike>> {
  loaded ??= (async () => {
    try {
      return (await import("hyparquet")) as unknown as ParquetDecoder<ParquetMetadataLike>;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
      throw new MarketReactionError(
        "MISSING_DEPENDENCY",
        "reading Parquet needs the optional peer dependency hyparquet; install it with: npm install hyparquet",
        [],
        { cause: error },
      );
    }
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
