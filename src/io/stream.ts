/**
 * Chunk-fed parsing of price and return CSV text: the same layouts, checks, warnings and
 * errors as `parseSeriesCsv`, but the text arrives in pieces (from a file stream, a fetch
 * body, a decompressor) and is never held whole. Only complete records are handed to
 * papaparse; a record cut by a chunk boundary waits for the next chunk.
 * @module
 */
import Papa from "papaparse";
import { MarketReactionError, throwIfIssues, toSafe, type Issue, type SafeResult } from "../errors.js";
import { checkSeriesOptions } from "../schema/index.js";
import { detectDelimiter } from "./csv.js";
import { seriesBuilder, type SeriesBuilder } from "./series.js";
import type { ParseSeriesOptions, SeriesTable } from "./types.js";

/** Text looked at before the delimiter is guessed (as `parseSeriesCsv` does). */
const SNIFF = 65_536;

/** A parser fed with text chunks; see {@link createSeriesCsvParser}. */
export interface SeriesCsvParser {
  /** Adds the next piece of text (any length, cut anywhere, even inside a quoted field or a CRLF). */
  write(chunk: string): void;
  /**
   * Ends the text and returns the table.
   * @throws MarketReactionError as `parseSeriesCsv`.
   */
  end(): SeriesTable;
  /** Data records seen so far (header and blank lines excluded). */
  readonly rowCount: number;
}

/**
 * Creates a chunk-fed parser of price or return CSV text. Feeding it the chunks of a text
 * and calling `end()` gives the same table as `parseSeriesCsv(text, options)` (same series,
 * warnings and error codes; row numbers and line numbers count the whole text), while memory
 * holds only the observations' typed arrays and the current chunk.
 *
 * @throws MarketReactionError `INVALID_OPTION` at once for a bad option; from `write` or
 *   `end`, the errors of `parseSeriesCsv` (`INVALID_INPUT` for a bad header as soon as it is
 *   read, `CSV_PARSE` for malformed quotes or rows with the wrong number of fields, …).
 * @example
 * const parser = createSeriesCsvParser({ id: "SPX" });
 * parser.write("date,close\n2025-04-08,4982.");
 * parser.write("77\n2025-04-09,5456.90\n");
 * parser.end().series[0]?.values; // => Float64Array [4982.77, 5456.9]
 */
export function createSeriesCsvParser(options?: ParseSeriesOptions): SeriesCsvParser {
  const opts = checkSeriesOptions(options);
  const file = opts.file;
  let pending = "";
  let first = true;
  let carryCR = false;
  let delimiter: string | undefined = opts.delimiter;
  let builder: SeriesBuilder | undefined;
  let rows = 0;
  let lineBase = 1; // line number of pending[0]
  let scanned = 0; // pending[0..scanned) scanned for quotes
  let quoted = false; // quote state at `scanned`
  let lastBreak = -1; // last "\n" outside quotes in pending[0..scanned)
  let seenText = false;
  let ended = false;
  const csvIssues: Issue[] = [];
  const seen = new Set<string>();

  function parseBlock(block: string): void {
    if (!block.includes('"')) {
      parsePlainBlock(block);
      return;
    }
    const parsed = Papa.parse<string[]>(block, { delimiter: delimiter!, header: false, dynamicTyping: false, skipEmptyLines: "greedy", quoteChar: '"' });
    for (const e of parsed.errors) {
      const line = e.index === undefined ? undefined : lineBase + countBreaks(block, e.index);
      const message = `${line === undefined ? "" : `line ${line}: `}${e.code === "MissingQuotes" ? 'quoted field is not closed (missing ")' : e.code === "InvalidQuotes" ? "malformed quotes (a quote inside an unquoted or after a quoted field)" : e.message}`;
      if (seen.has(message) || csvIssues.length >= 1000) continue;
      seen.add(message);
      csvIssues.push({ message, ...(file === undefined ? {} : { file }) });
    }
    for (const cells of parsed.data) {
      if (builder === undefined) builder = seriesBuilder(cells, opts, true);
      else builder.add(cells, ++rows);
    }
    lineBase += countBreaks(block, block.length);
  }

  /**
   * A block without quotes, read line by line in place: what papaparse does with such text
   * (split on line breaks, then on the delimiter; lines of only delimiters and white space
   * skipped), without an array of strings per line.
   */
  function parsePlainBlock(block: string): void {
    const d = delimiter!;
    const dc = d.charCodeAt(0);
    let start = 0;
    let breaks = 0;
    while (start <= block.length) {
      let end = block.indexOf("\n", start);
      if (end < 0) end = block.length;
      else breaks++;
      if (end > start && !blankLine(block, start, end, dc)) {
        if (builder === undefined)
          builder = seriesBuilder(block.slice(start, end).split(d), opts, true); // the header
        else builder.addLine(block, start, end, d, ++rows);
      }
      start = end + 1;
    }
    lineBase += breaks;
  }

  /** Hands the complete records of `pending` (all of it when `final`) to papaparse. */
  function flush(final: boolean): void {
    if (delimiter === undefined) {
      if (!final && pending.length < SNIFF) return;
      delimiter = detectDelimiter(pending, opts.decimal ?? ".");
    }
    for (let i = scanned; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) lastBreak = i;
    }
    scanned = pending.length;
    const cut = final ? pending.length : lastBreak + 1;
    if (cut <= 0) return;
    const block = pending.slice(0, cut);
    pending = pending.slice(cut);
    scanned = pending.length;
    lastBreak = -1;
    // the quote state at the end is unchanged: the cut was made outside quotes (or at the end)
    parseBlock(block);
  }

  return {
    write(chunk: string): void {
      if (ended) throw new MarketReactionError("INVALID_INPUT", "createSeriesCsvParser: write after end");
      if (typeof chunk !== "string") {
        throw new MarketReactionError("INVALID_INPUT", `expected CSV text (a string), got ${chunk === null ? "null" : typeof chunk}`);
      }
      let text = chunk;
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (carryCR) text = `\r${text}`;
      carryCR = text.endsWith("\r");
      if (carryCR) text = text.slice(0, -1);
      if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
      if (!seenText && /\S/.test(text)) seenText = true;
      pending += text;
      flush(false);
    },
    end(): SeriesTable {
      if (ended) throw new MarketReactionError("INVALID_INPUT", "createSeriesCsvParser: end called twice");
      ended = true;
      if (carryCR) pending += "\n";
      if (!seenText) {
        const where = file === undefined ? "" : `${file}: `;
        throw new MarketReactionError("INVALID_INPUT", `${where}empty input: no header and no data`, [
          { message: "empty input", ...(file === undefined ? {} : { file }) },
        ]);
      }
      flush(true);
      throwIfIssues(csvIssues, `${file ?? "CSV input"}: malformed CSV`, "CSV_PARSE");
      if (builder === undefined) throw new MarketReactionError("INVALID_INPUT", `${file === undefined ? "" : `${file}: `}empty input: no header and no data`);
      return builder.finish(rows);
    },
    get rowCount(): number {
      return rows;
    },
  };
}

/** True when `text[start..end)` holds only delimiters and white space (papaparse's "greedy" empty line). */
function blankLine(text: string, start: number, end: number, delimiterCode: number): boolean {
  const c = text.charCodeAt(start);
  if (c > 32 && c !== delimiterCode && c < 127) return false;
  let rest = "";
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== delimiterCode) rest += text[i];
  return rest.trim() === "";
}

function countBreaks(text: string, end: number): number {
  let n = 0;
  const stop = Math.min(end, text.length);
  for (let i = 0; i < stop; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Parses price or return series from CSV text.
 *
 * The layout is detected from the header unless `format` is given (see `SeriesFormat`);
 * `columns` in the result says which columns were used (e.g. `Adj Close` in a Yahoo export).
 * Rows may come in any order (newest-first files are reversed, unordered ones sorted; both
 * reported as warnings). Missing values (empty, `.`, `NA`, `null`, …) are dropped and counted
 * in a `MISSING_VALUES` warning; in a wide file each asset keeps its own non-missing days.
 * Every bad row is collected before one error is thrown. Lines without quotes are read in
 * place (no string per cell), so a million-row text parses in about half a second.
 *
 * @throws MarketReactionError `INVALID_OPTION` for a bad option; `CSV_PARSE` for malformed CSV
 *   (bad quotes, rows with the wrong number of fields); `INVALID_INPUT` for an empty file,
 *   missing columns (the message lists the columns found), impossible dates, duplicate dates,
 *   non-numeric, non-finite or non-positive prices, returns at or below -100%.
 * @example
 * const { series } = parseSeriesCsv("Date,Close\n2025-04-08,4982.77\n2025-04-09,5456.90\n", { id: "SPX" });
 * series[0]?.values; // => Float64Array [4982.77, 5456.9]
 */
export function parseSeriesCsv(text: string, options?: ParseSeriesOptions): SeriesTable {
  const parser = createSeriesCsvParser(options);
  parser.write(text);
  return parser.end();
}

/**
 * {@link parseSeriesCsv} without throwing: returns `{ success, data }` or `{ success: false, error }`.
 * @example
 * const r = safeParseSeriesCsv("date,close\n2025-02-30,1\n");
 * if (!r.success) r.error.issues[0]; // => { row: 1, column: "date", message: "not a valid date: …" }
 */
export function safeParseSeriesCsv(text: string, options?: ParseSeriesOptions): SafeResult<SeriesTable> {
  return toSafe(() => parseSeriesCsv(text, options));
}
