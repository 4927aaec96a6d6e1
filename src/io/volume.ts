/**
 * Trading volume from a price file's volume column or a separate volume file.
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { kindMismatch } from "../returns/plausibility.js";
import type { Series } from "../types.js";
import { detectDelimiter } from "./csv.js";
import { findColumn } from "./cells.js";
import { parseSeriesCsv } from "./stream.js";
import type { ParseSeriesOptions } from "./types.js";
import { checkOptions, checkString } from "../check.js";

/** Compact names of volume columns, in order of preference. */
const VOLUME_NAMES = ["volume", "vol", "sharevolume", "totalvolume", "turnover"] as const;

/** Options of {@link parseVolumeCsv}: those of the series parser, `valueColumn` naming the volume column (default detected). */
export type ParseVolumeOptions = Omit<ParseSeriesOptions, "values" | "returnUnit" | "levelUnit" | "format">;

/**
 * Reads the volume column of a price file (Yahoo, Stooq, Nasdaq, `date,open,high,low,close,volume`)
 * or of a separate volume file as a series of kind `level` (volume is a level: zero is valid).
 *
 * The column is `valueColumn` when given, else the first of `volume`, `vol`, `share volume`,
 * `total volume`, `turnover` (case and punctuation ignored). A negative volume is an error
 * (like a non-numeric cell); zero is kept (log volume handles it by an offset, reported).
 *
 * @throws INVALID_INPUT when the file has no volume column (the message lists the columns
 *   found) or a volume cell is not a number or negative; the errors of `parseSeriesCsv`.
 * @example
 * ```ts
 * const t = parseVolumeCsv("Date,Open,High,Low,Close,Volume\n2025-04-08,1,1,1,1,0\n2025-04-09,1,1,1,1,9500\n", { id: "SPX" });
 * t.values; // => Float64Array [0, 9500]
 * const missing = (() => {
 *   try {
 *     return parseVolumeCsv("date,close\n2025-04-09,1\n").id;
 *   } catch (e) {
 *     return (e as Error).message;
 *   }
 * })();
 * missing; // => "no volume column; columns found: date, close (pass valueColumn)"
 * ```
 */
export function parseVolumeCsv(text: string, options?: ParseVolumeOptions): Series {
  checkString("parseVolumeCsv", "text", text);
  checkOptions("parseVolumeCsv", options);
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const delimiter = options?.delimiter ?? detectDelimiter(firstLine);
  const header = firstLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ""));
  let column = options?.valueColumn;
  if (column === undefined) {
    const i = findColumn(header, VOLUME_NAMES);
    if (i < 0) {
      throw new MarketReactionError(
        "INVALID_INPUT",
        `${options?.file === undefined ? "" : `${options.file}: `}no volume column; columns found: ${header.join(", ")} (pass valueColumn)`,
      );
    }
    column = header[i]!;
  }
  const table = parseSeriesCsv(text, { ...options, valueColumn: column, values: "level", format: "generic" });
  const series = table.series[0]!;
  const bad = series.values.findIndex((v) => v < 0);
  if (bad >= 0) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${options?.file === undefined ? "" : `${options.file}: `}volume must not be negative, got ${series.values[bad]} in column ${JSON.stringify(column)}${returnsEvidence(series.values)}`,
    );
  }
  return series;
}

/**
 * "; its values look like returns (…)" when a column with negative volumes holds returns (the
 * kind check of the price parsers: a tenth or more negative, median |value| below 0.2); else "".
 */
function returnsEvidence(values: Float64Array): string {
  const found = kindMismatch(values, "price");
  return found === undefined ? "" : `; its values look like returns, not volumes (${found.evidence}): pass the volume column (valueColumn)`;
}
