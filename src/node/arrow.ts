/**
 * Reading Apache Arrow IPC files (file format / Feather v2, and stream format) in Node, by
 * byte ranges through the library's own IPC reader.
 * @module
 */
import type { ParseSeriesOptions, SeriesTable } from "market-reaction";
import { parseSeriesArrow } from "market-reaction/arrow";
import { openFileRanges } from "./byteRanges.js";
import { checkPath } from "./io-error.js";

/**
 * Reads price or return series from an Arrow IPC file (`.arrow`, `.feather`: the file format;
 * `.arrows`: the stream format), wide or long, with the checks and warnings of
 * `parseSeriesCsv` and the file name in every message. The file is read by byte ranges (each
 * column of each record batch from its own bytes), never whole. No dependency.
 *
 * @throws MarketReactionError `IO_ERROR` when the file cannot be read; otherwise as
 *   `parseSeriesArrow`.
 * @example
 * // const { series, warnings } = await readSeriesArrowFile("panel.arrow");
 * await readSeriesArrowFile("no-such-panel.arrow").catch((e: MarketReactionError) => e.code); // => "IO_ERROR"
 */
export async function readSeriesArrowFile(path: string, options?: Omit<ParseSeriesOptions, "file">): Promise<SeriesTable> {
  checkPath(path);
  const file = await openFileRanges(path);
  try {
    return await parseSeriesArrow(file, { ...options, file: path });
  } finally {
    await file.close();
  }
}
