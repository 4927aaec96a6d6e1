/**
 * Price and return series from CSV text or row objects: generic, Yahoo, Stooq, FRED,
 * Nasdaq.com, wide and long layouts. The layout is resolved in `seriesLayout.ts`, the records
 * read in `seriesBuilder.ts`.
 * @module
 */
import { toSafe, type SafeResult } from "../errors.js";
import { checkSeriesOptions } from "../schema/index.js";
import { readCsvRecords } from "./csv.js";
import { rowsToRecords } from "./rows.js";
import { seriesBuilder } from "./seriesBuilder.js";
import type { ParseSeriesOptions, SeriesTable } from "./types.js";

export { fileStem, seriesBuilder, type SeriesBuilder } from "./seriesBuilder.js";

/**
 * Builds the series of a table of string cells (first record = header).
 * Shared by {@link parseSeriesCsv} and {@link seriesFromRows}.
 */
function buildSeries(rawHeader: readonly string[], rows: readonly (readonly string[])[], options: ParseSeriesOptions, fromText: boolean): SeriesTable {
  const builder = seriesBuilder(rawHeader, options, fromText);
  for (let i = 0; i < rows.length; i++) builder.add(rows[i]!, i + 1);
  return builder.finish(rows.length);
}

/**
 * The whole-text reading of price or return CSV: papaparse over the whole text, then the
 * records one by one. `parseSeriesCsv` reads through the chunk-fed parser instead (same
 * result, property-tested against this function, at a fraction of the memory); this form is
 * kept as its reference.
 * @internal
 */
export function parseSeriesRecords(text: string, options?: ParseSeriesOptions): SeriesTable {
  const o = checkSeriesOptions(options);
  const { records } = readCsvRecords(text, o);
  const [header, ...rows] = records;
  return buildSeries(header ?? [], rows, o, true);
}

/**
 * Builds series from row objects (e.g. from d3-dsv, arquero, Observable or JSON), with the
 * same layouts, checks and warnings as {@link parseSeriesCsv}. Values may be numbers or
 * strings; `Date` values are read on their UTC calendar date. `delimiter` does not apply.
 *
 * @throws MarketReactionError `INVALID_OPTION`, `INVALID_INPUT` (as {@link parseSeriesCsv}).
 * @example
 * seriesFromRows([{ date: "2025-04-08", SPY: 496.48 }, { date: "2025-04-09", SPY: 548.62 }]).series[0]?.id; // => "SPY"
 */
export function seriesFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseSeriesOptions): SeriesTable {
  const o = checkSeriesOptions(options);
  const { header, cells } = rowsToRecords(rows, o.file);
  return buildSeries(header, cells, o, false);
}

/**
 * {@link seriesFromRows} without throwing.
 * @example
 * safeSeriesFromRows([{ date: "2025-04-09", close: -1 }]).success; // => false
 */
export function safeSeriesFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseSeriesOptions): SafeResult<SeriesTable> {
  return toSafe(() => seriesFromRows(rows, options));
}
