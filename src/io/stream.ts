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
import { describeCsvError, detectDelimiter, throwEmptyInput } from "./csv.js";
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
  const parser = new ChunkParser(checkSeriesOptions(options));
  return {
    write: (chunk: string): void => parser.write(chunk),
    end: (): SeriesTable => parser.end(),
    get rowCount(): number {
      return parser.rows;
    },
  };
}

/** The state of a chunk-fed parser: text not yet handed on, quote state, the builder once the header is read. */
class ChunkParser {
  private readonly file: string | undefined;
  private pending = "";
  private first = true;
  private carryCR = false;
  private delimiter: string | undefined;
  private builder: SeriesBuilder | undefined;
  rows = 0;
  /** Line number of `pending[0]`. */
  private lineBase = 1;
  /** `pending[0..scanned)` scanned for quotes. */
  private scanned = 0;
  /** Quote state at `scanned`. */
  private quoted = false;
  /** Last "\n" outside quotes in `pending[0..scanned)`. */
  private lastBreak = -1;
  private seenText = false;
  private ended = false;
  private readonly csvIssues: Issue[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly opts: ParseSeriesOptions) {
    this.file = opts.file;
    this.delimiter = opts.delimiter;
  }

  write(chunk: string): void {
    if (this.ended) throw new MarketReactionError("INVALID_INPUT", "createSeriesCsvParser: write after end");
    if (typeof chunk !== "string") {
      throw new MarketReactionError("INVALID_INPUT", `expected CSV text (a string), got ${chunk === null ? "null" : typeof chunk}`);
    }
    const text = this.normalize(chunk);
    if (!this.seenText && /\S/.test(text)) this.seenText = true;
    this.pending += text;
    this.flush(false);
  }

  end(): SeriesTable {
    if (this.ended) throw new MarketReactionError("INVALID_INPUT", "createSeriesCsvParser: end called twice");
    this.ended = true;
    if (this.carryCR) this.pending += "\n";
    const file = this.file;
    if (!this.seenText) throwEmptyInput(file);
    this.flush(true);
    throwIfIssues(this.csvIssues, `${file ?? "CSV input"}: malformed CSV`, "CSV_PARSE");
    if (this.builder === undefined)
      throw new MarketReactionError("INVALID_INPUT", `${file === undefined ? "" : `${file}: `}empty input: no header and no data`);
    return this.builder.finish(this.rows);
  }

  /** A chunk with the BOM of the text dropped and its line ends as "\n" (a CR at its end waits for the next chunk). */
  private normalize(chunk: string): string {
    let text = chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    if (this.carryCR) text = `\r${text}`;
    this.carryCR = text.endsWith("\r");
    if (this.carryCR) text = text.slice(0, -1);
    return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  }

  /** Hands the complete records of `pending` (all of it when `final`) on. */
  private flush(final: boolean): void {
    if (this.delimiter === undefined) {
      if (!final && this.pending.length < SNIFF) return;
      this.delimiter = detectDelimiter(this.pending, this.opts.decimal ?? ".");
    }
    const pending = this.pending;
    for (let i = this.scanned; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 34) this.quoted = !this.quoted;
      else if (c === 10 && !this.quoted) this.lastBreak = i;
    }
    const cut = final ? pending.length : this.lastBreak + 1;
    this.scanned = pending.length;
    if (cut <= 0) return;
    this.pending = pending.slice(cut);
    this.scanned = this.pending.length;
    this.lastBreak = -1;
    // the quote state at the end is unchanged: the cut was made outside quotes (or at the end)
    this.parseBlock(pending.slice(0, cut));
  }

  private parseBlock(block: string): void {
    if (block.includes('"')) this.parseQuotedBlock(block);
    else this.parsePlainBlock(block);
  }

  /** A block with quotes: papaparse, its errors collected as issues with their line numbers. */
  private parseQuotedBlock(block: string): void {
    const parsed = Papa.parse<string[]>(block, { delimiter: this.delimiter!, header: false, dynamicTyping: false, skipEmptyLines: "greedy", quoteChar: '"' });
    for (const e of parsed.errors) {
      const line = e.index === undefined ? undefined : this.lineBase + countBreaks(block, e.index);
      const message = `${line === undefined ? "" : `line ${line}: `}${describeCsvError(e.code, e.message)}`;
      if (this.seen.has(message) || this.csvIssues.length >= 1000) continue;
      this.seen.add(message);
      this.csvIssues.push({ message, ...(this.file === undefined ? {} : { file: this.file }) });
    }
    for (const cells of parsed.data) {
      if (this.builder === undefined) this.builder = seriesBuilder(cells, this.opts, true);
      else this.builder.add(cells, ++this.rows);
    }
    this.lineBase += countBreaks(block, block.length);
  }

  /**
   * A block without quotes, read line by line in place: what papaparse does with such text
   * (split on line breaks, then on the delimiter; lines of only delimiters and white space
   * skipped), without an array of strings per line.
   */
  private parsePlainBlock(block: string): void {
    const d = this.delimiter!;
    const dc = d.charCodeAt(0);
    let start = 0;
    let breaks = 0;
    while (start <= block.length) {
      let end = block.indexOf("\n", start);
      if (end < 0) end = block.length;
      else breaks++;
      if (end > start && !blankLine(block, start, end, dc)) {
        if (this.builder === undefined)
          this.builder = seriesBuilder(block.slice(start, end).split(d), this.opts, true); // the header
        else this.builder.addLine(block, start, end, d, ++this.rows);
      }
      start = end + 1;
    }
    this.lineBase += breaks;
  }
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
