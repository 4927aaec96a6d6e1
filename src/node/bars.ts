/**
 * Reading intraday bar files (issue 10).
 * @module
 */
import { readFile } from "node:fs/promises";
import { MarketReactionError, parseBarsCsv, type BarTable, type ParseBarsOptions } from "market-reaction";
import { decodeText } from "./decode.js";

/**
 * Reads a CSV file of bars (see `parseBarsCsv`); messages name the file.
 *
 * @throws IO_ERROR when the file cannot be read; the parse errors of `parseBarsCsv`.
 * @example
 * const { bars } = await readBarsFile("spxl_1min.csv", { id: "SPXL" });
 */
export async function readBarsFile(path: string, options: ParseBarsOptions = {}): Promise<BarTable> {
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
