/**
 * Number formats a parser can misread: a decimal comma in a file read with `.` decimals (and
 * the reverse), and thousands separators that could be decimal separators (`1,234` is 1234 or
 * 1.234). The first is an error with a hint; the second, when a column gives no evidence
 * either way, a warning with an example.
 * @module
 */
import type { Warning } from "../errors.js";

/**
 * A hint for a cell that is not a number under the decimal separator given, when it would be
 * one under the other: `(decimal comma? pass decimal: ",")`, or the reverse; else "".
 */
export function numberFormatHint(cell: string, decimal: "." | ","): string {
  const s = cell.trim().replace(/^([+-]?)\$\s*/, "$1");
  if (decimal === "." && /^[+-]?\d*,\d+$/.test(s)) return ' (decimal comma? pass decimal: ",")';
  if (decimal === "," && /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)\.\d+$/.test(s)) return ' (decimal point? the decimal separator was given as ",")';
  return "";
}

/** A number written with one thousands group and nothing else: `1,234` (decimal `.`) or `1.234` / `1 234` (decimal `,`). */
const AMBIGUOUS_DOT = /^[+-]?\$?\s*[1-9]\d{0,2},\d{3}$/;
const AMBIGUOUS_COMMA = /^[+-]?\$?\s*[1-9]\d{0,2}[. ]\d{3}$/;

/**
 * Tallies, for one column, the cells read with a thousands separator that could as well be a
 * decimal separator, and whether any value of the column has a fractional part (which settles
 * that the separator is the thousands one).
 */
export class ThousandsTally {
  private ambiguous = 0;
  private example = "";
  private exampleRow = 0;
  private exampleValue = 0;
  private settled = false;

  constructor(private readonly decimal: "." | ",") {}

  /** A cell the general path read as `value`. */
  cell(cell: string, value: number, row: number): void {
    if (this.settled) return;
    if (Math.trunc(value) !== value) {
      this.settled = true;
      return;
    }
    const sep = this.decimal === "." ? "," : ".";
    if (!cell.includes(sep) && !(this.decimal === "," && cell.includes(" "))) return;
    const s = cell.trim();
    if (!(this.decimal === "." ? AMBIGUOUS_DOT : AMBIGUOUS_COMMA).test(s)) {
      this.settled = true; // two groups or a decimal part: the separator is the thousands one
      return;
    }
    if (this.ambiguous === 0) {
      this.example = s;
      this.exampleRow = row;
      this.exampleValue = value;
    }
    this.ambiguous++;
  }

  /** A value the fast path read (plain digits): a fractional part settles the question. */
  plain(value: number): void {
    if (!this.settled && Math.trunc(value) !== value) this.settled = true;
  }

  /** The `AMBIGUOUS_THOUSANDS` warning when cells were read with an ambiguous separator and nothing settled it. */
  warning(where: string, column: string, asset?: string): Warning | undefined {
    if (this.ambiguous === 0 || this.settled) return undefined;
    const sep = this.decimal === "." ? "," : ".";
    const other = this.decimal === "." ? 'pass decimal: ","' : 'pass decimal: "." (the default)';
    return {
      code: "AMBIGUOUS_THOUSANDS",
      message: `${where}column ${JSON.stringify(column)}: ${this.ambiguous} value(s) such as ${JSON.stringify(this.example)} (row ${this.exampleRow}) were read with "${sep}" as a thousands separator (${this.exampleValue}), and no value of the column has a decimal part; if "${sep}" is the decimal separator, ${other}`,
      ...(asset === undefined ? {} : { asset }),
    };
  }
}
