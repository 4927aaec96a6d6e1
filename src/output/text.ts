/**
 * Plain-text and CSV renderings of tidy rows (arrays of flat objects).
 * @module
 */

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
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function cellText(value: Row[string], digits: number, missing: string): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return missing;
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
  const columns = options.columns ?? columnsOf(rows);
  const digits = options.digits ?? 6;
  const missing = options.missing ?? "";
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const cut = (text: string): string => (text.length > maxWidth ? `${text.slice(0, Math.max(0, maxWidth - 1))}…` : text);
  const cells = rows.map((row) => columns.map((c) => cut(cellText(row[c], digits, missing).replace(/[\r\n\t]+/g, " "))));
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

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  readonly columns?: readonly string[];
  /** Field delimiter; default `,`. */
  readonly delimiter?: string;
}

/**
 * Renders rows as RFC 4180 CSV: a header row, fields quoted when they contain the delimiter,
 * a quote or a line break, `\n` line ends, empty fields for `null`/`undefined`/`NaN`, and
 * numbers in JavaScript's shortest round-trip form.
 *
 * @example
 * formatCsv([{ id: "E1", label: 'said "no"' }]); // => 'id,label\nE1,"said ""no"""\n'
 */
export function formatCsv(rows: readonly Row[], options: FormatCsvOptions = {}): string {
  const columns = options.columns ?? columnsOf(rows);
  const delimiter = options.delimiter ?? ",";
  const field = (value: Row[string]): string => {
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
    const text = String(value);
    return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(field).join(delimiter), ...rows.map((r) => columns.map((c) => field(r[c])).join(delimiter))];
  return `${lines.join("\n")}\n`;
}
