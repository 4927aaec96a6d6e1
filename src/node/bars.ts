/**
 * Reading intraday bar files (issue 10).
 * @module
 */
import { readFile } from "node:fs/promises";
import { MarketReactionError, parseBarsCsv, type BarTable, type ParseBarsOptions } from "market-reaction";
import { decodeText } from "./decode.js";
import { checkPath } from "./io-error.js";

/**
 * Reads a CSV file of bars (see `parseBarsCsv`); messages name the file.
 *
 * @throws IO_ERROR when the file cannot be read; the parse errors of `parseBarsCsv`.
 * @example
 * // spxl_1min.csv: datetime_et,open,high,low,close,volume, 09:30–09:32 on 7 April 2025
 * const { bars, timeColumn } = await readBarsFile("spxl_1min.csv", { id: "SPXL" });
 * timeColumn; // => "datetime_et"
 * bars.close; // => Float64Array [90.91, 91.33, 90.2981]
 */
export async function readBarsFile(path: string, options: ParseBarsOptions = {}): Promise<BarTable> {
  checkPath(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : error instanceof Error ? error.message : String(error);
    throw new MarketReactionError("IO_ERROR", `cannot read ${path}: ${reason}`, [{ file: path, message: reason }], { cause: error });
  }
  return parseBarsCsv(decodeText(bytes).text, { file: path, ...options });
}
