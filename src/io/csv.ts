/**
 * CSV text -> records of string cells (the only papaparse importer).
 * @module
 */
import Papa from "papaparse";
import { MarketReactionError, throwIfIssues, type Issue } from "../errors.js";
import { checkString } from "../check.js";

/** Records of a CSV text: every non-blank line as an array of raw string cells. */
export interface CsvRecords {
  readonly records: string[][];
  readonly delimiter: string;
}

/** Removes a leading UTF-8 byte-order mark (U+FEFF). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * Guesses the delimiter from the first non-blank lines: the candidate (`,` `;` tab `|`)
 * found outside quotes on the most lines, then the most often. With a decimal comma the
 * comma is only chosen when nothing else is found.
 *
 * @example
 * detectDelimiter("date;close\n2025-04-07;5062,25\n", ","); // => ";"
 */
export function detectDelimiter(text: string, decimal: "." | "," = "."): string {
  checkString("detectDelimiter", "text", text);
  const lines = text
    .slice(0, 65_536)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, 30);
  let best: string = ",";
  let bestLines = 0;
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    if (decimal === "," && candidate === ",") continue;
    let lineHits = 0;
    let count = 0;
    for (const line of lines) {
      const n = countOutsideQuotes(line, candidate);
      if (n > 0) lineHits++;
      count += n;
    }
    if (lineHits > bestLines || (lineHits === bestLines && count > bestCount)) {
      best = candidate;
      bestLines = lineHits;
      bestCount = count;
    }
  }
  return bestLines === 0 ? (decimal === "," ? ";" : ",") : best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * Splits CSV text into records. Strips a BOM, accepts LF, CRLF and CR line ends, skips blank
 * lines. Malformed quoting is reported as `CSV_PARSE` with the line number.
 *
 * @throws MarketReactionError `INVALID_INPUT` for an empty text, `CSV_PARSE` for malformed quotes.
 * @example
 * readCsvRecords("date,close\r\n2025-04-07,5062.25\r\n").records; // => [["date","close"],["2025-04-07","5062.25"]]
 */
export function readCsvRecords(text: string, options: { delimiter?: string; decimal?: "." | ","; file?: string } = {}): CsvRecords {
  if (typeof text !== "string") {
    throw new MarketReactionError("INVALID_INPUT", `expected CSV text (a string), got ${text === null ? "null" : typeof text}`);
  }
  // one line-end convention: papaparse guesses a single newline style per text
  const bare = stripBom(text);
  const body = bare.includes("\r") ? bare.replace(/\r\n?/g, "\n") : bare;
  const file = options.file;
  if (!/\S/.test(body)) throwEmptyInput(file);
  const delimiter = options.delimiter ?? detectDelimiter(body, options.decimal ?? ".");
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: "greedy",
    quoteChar: '"',
  });
  if (parsed.errors.length > 0) {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const e of parsed.errors) {
      const line = e.index === undefined ? undefined : lineOf(body, e.index);
      const message = `${line === undefined ? "" : `line ${line}: `}${describeCsvError(e.code, e.message)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      issues.push({ message, ...(file === undefined ? {} : { file }) });
    }
    throwIfIssues(issues, `${file ?? "CSV input"}: malformed CSV`, "CSV_PARSE");
  }
  return { records: parsed.data, delimiter };
}

/**
 * Throws `INVALID_INPUT` for a text without a header (empty or white space only).
 * @internal
 */
export function throwEmptyInput(file: string | undefined): never {
  const where = file === undefined ? "" : `${file}: `;
  throw new MarketReactionError("INVALID_INPUT", `${where}empty input: no header and no data`, [
    { message: "empty input", ...(file === undefined ? {} : { file }) },
  ]);
}

/** A papaparse error in words (quoting problems named plainly). */
export function describeCsvError(code: string, message: string): string {
  switch (code) {
    case "MissingQuotes":
      return 'quoted field is not closed (missing ")';
    case "InvalidQuotes":
      return "malformed quotes (a quote inside an unquoted or after a quoted field)";
    default:
      return message;
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
  }
  return line;
}

/** Quotes a cell for CSV output when it contains the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter = ","): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
