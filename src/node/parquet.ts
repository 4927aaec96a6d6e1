/**
 * Reading Parquet files in Node (the optional peer dependency `hyparquet` does the decoding).
 * @module
 */
import { readFile } from "node:fs/promises";
import {
  MarketReactionError,
  parseSeriesParquet,
  type ParquetDecoder,
  type ParquetMetadataLike,
  type ParseSeriesOptions,
  type SeriesTable,
} from "market-reaction";
import { checkPath, ioError } from "./io-error.js";

/**
 * Reads price or return series from a Parquet file (wide or long layout), with the checks and
 * warnings of `parseSeriesCsv` and the file name in every message. Needs the optional peer
 * dependency `hyparquet`.
 *
 * @throws MarketReactionError `IO_ERROR` when the file cannot be read; `MISSING_DEPENDENCY`
 *   without hyparquet; otherwise as `parseSeriesParquet`.
 * @example
 * // const { series, warnings } = await readSeriesParquetFile("panel.parquet");
 * await readSeriesParquetFile("no-such-panel.parquet").catch((e: MarketReactionError) => e.code); // => "IO_ERROR"
 */
export async function readSeriesParquetFile(path: string, options?: Omit<ParseSeriesOptions, "file">): Promise<SeriesTable> {
  checkPath(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw ioError(path, error);
  }
  return parseSeriesParquet(bytes, await loadHyparquet(), { ...options, file: path });
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
