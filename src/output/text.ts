/**
 * Plain-text and CSV renderings of tidy rows (arrays of flat objects).
 * @module
 */

import { invalidOption } from "../errors.js";
import { checkOptions } from "../check.js";

/** A flat row: primitive values only. */
export type Row = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Options of {@link formatTextTable}. */
export interface FormatTextTableOptions {
  /** Columns to show, in order; default: the keys of the first row, then any new keys of later rows. */
  readonly columns?: readonly string[];
  /** Significant digits for non-integer numbers; default 6. */
  readonly digits?: number;
  /** Text for `null`/`undefined`/`NaN`; default empty. */
  readonly missing?: string;
  /** Longest cell in characters; longer text is cut and ends with `…`. Default: no limit. */
  readonly maxWidth?: number;
}

/**
 * The union of the rows' keys in first-seen order.
 *
 * @example
 * columnsOf([{ id: "E17", car: -0.0123 }, { id: "E34", car: 0.0871, n: 3 }]); // => ["id", "car", "n"]
 */
export function columnsOf(rows: readonly Row[]): string[] {
  checkRows("columnsOf", rows);
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cellText(value: Row[string], digits: number, missing: string): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return missing; // NaN and ±Infinity alike, as in CSV
    if (Number.isInteger(value)) return String(value);
    return Number(value.toPrecision(digits)).toString();
  }
  return String(value);
}

/**
 * Renders rows as an aligned plain-text table (numbers right-aligned), for terminals and logs.
 *
 * @example
 * formatTextTable([{ id: "E17", day0: "2025-04-07", car: -0.0123 }, { id: "E34", day0: "2025-04-09", car: 0.0952 }]).split("\n");
 * // => ["id   day0            car", "---  ----------  -------", "E17  2025-04-07  -0.0123", "E34  2025-04-09   0.0952", ""]
 */
export function formatTextTable(rows: readonly Row[], options: FormatTextTableOptions = {}): string {
  checkRows("formatTextTable", rows);
  checkOptions("formatTextTable", options);
  const columns = options.columns ?? columnsOf(rows);
  const digits = options.digits ?? 6;
  const missing = options.missing ?? "";
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const cut = (text: string): string => (text.length > maxWidth ? `${text.slice(0, Math.max(0, maxWidth - 1))}…` : text);
  const cells = rows.map((row) => columns.map((c) => cut(terminalText(cellText(row[c], digits, missing)))));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === "number"));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j]!.length)));
  const pad = (text: string, j: number): string => (numeric[j] ? text.padStart(widths[j]!) : text.padEnd(widths[j]!));
  const lines = [
    columns.map((c, j) => pad(c, j)).join("  "),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map((r) => r.map((t, j) => pad(t, j)).join("  ")),
  ];
  return `${lines.map((l) => l.trimEnd()).join("\n")}\n`;
}

/**
 * Text made safe for a terminal line: line breaks and tabs become spaces; other control
 * characters (escape sequences that would recolour or move the cursor, the C1 range, the
 * direction overrides that reorder what is shown) are written as visible `\u{…}` codes.
 *
 * @example
 * terminalText("E1\u001b[2J\nnext"); // => "E1\\u{1b}[2J next"
 */
export function terminalText(text: string): string {
  return (
    String(text)
      .replace(/[\r\n\t]+/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
  );
}

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  readonly columns?: readonly string[];
  /** Field delimiter; default `,`. */
  readonly delimiter?: string;
  /**
   * Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
   * tab or a carriage return, and not a plain number): `"escape"` (default) writes them with a
   * leading `'` (the cell shows the text; the `'` is visible to programs reading the CSV);
   * `"keep"` writes them unchanged.
   */
  readonly formulas?: "escape" | "keep";
  /** Called once per non-finite number (±Infinity), written as an empty cell like `NaN`. */
  readonly onNonFinite?: (column: string) => void;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether a text cell would be read as a formula by a spreadsheet (the CSV formula-injection
 * policy of every CSV writer of the library): it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return and is not a plain number such as `-0.5`.
 *
 * @example
 * [isFormulaLike("=HYPERLINK(\"x\")"), isFormulaLike("-0.5"), isFormulaLike("@SUM(A1)"), isFormulaLike("E17")]; // => [true, false, true, false]
 */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One CSV field: empty for missing and non-finite numbers, formula-like text escaped, quoted when needed. */
function csvField(value: unknown, column: string, delimiter: string, options: FormatCsvOptions): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "";
    if (!Number.isFinite(value)) {
      options.onNonFinite?.(column);
      return "";
    }
    return String(value);
  }
  let text = String(value);
  if (typeof value === "string" && options.formulas !== "keep" && isFormulaLike(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line (no line end) of a row, or of the header when `header` is true.
 * @internal
 */
export function csvLine(row: Row | readonly string[], columns: readonly string[], delimiter: string, header: boolean, options: FormatCsvOptions = {}): string {
  let line = "";
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    const value = header ? c : (row as Row)[c];
    line += (j === 0 ? "" : delimiter) + csvField(value, c, delimiter, options);
  }
  return line;
}

/**
 * Renders rows as RFC 4180 CSV: a header row, fields quoted when they contain the delimiter,
 * a quote or a line break; `null`, `NaN` and ±Infinity as empty fields; other numbers in
 * JavaScript's shortest round-trip form. Text that a spreadsheet would run as a formula gets
 * a leading `'` (see {@link isFormulaLike}; `formulas: "keep"` turns that off).
 *
 * @example
 * formatCsv([{ id: "E1", label: 'said "no"' }]); // => 'id,label\nE1,"said ""no"""\n'
 * formatCsv([{ id: "=1+2", car: -0.5 }]); // => "id,car\n'=1+2,-0.5\n"
 */
export function formatCsv(rows: readonly Row[], options: FormatCsvOptions = {}): string {
  checkRows("formatCsv", rows);
  checkOptions("formatCsv", options);
  const columns = options.columns ?? columnsOf(rows);
  const delimiter = options.delimiter ?? ",";
  const lines = [csvLine(columns, columns, delimiter, true, options), ...rows.map((r) => csvLine(r, columns, delimiter, false, options))];
  return `${lines.join("\n")}\n`;
}

/** Throws unless `rows` is an array of objects. */
function checkRows(fn: string, rows: unknown): void {
  if (!Array.isArray(rows) || rows.some((r) => typeof r !== "object" || r === null))
    invalidOption(`${fn}: rows`, Array.isArray(rows) ? "an array holding a non-object" : rows, "an array of row objects");
}
