/**
 * Mixed date formats in one column. With `dateFormat: "auto"`, ISO (`2025-04-07`), compact
 * (`20250407`) and US slash (`04/07/2025`) dates are each recognised; a column that mixes them
 * (ISO dates with some `MM/DD/YYYY` rows, as in a file pasted together from two sources) may
 * hold day-first dates read month-first. Such a column is an error naming the rows, unless a
 * format is given.
 * @module
 */
import type { IssueList } from "./cells.js";

/** The written form of a date cell under `auto`, or `undefined` for none of them. */
export function dateFormOf(cell: string): "YYYY-MM-DD" | "YYYYMMDD" | "MM/DD/YYYY" | undefined {
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.*)?$/.test(cell)) return "YYYY-MM-DD";
  if (/^\d{8}$/.test(cell)) return "YYYYMMDD";
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(cell)) return "MM/DD/YYYY";
  return undefined;
}

/** Most rows kept per form (to name them in the error). */
const KEPT = 20;

/** Counts the date forms of a column and, at the end, reports the rows of the minority forms. */
export class DateForms {
  private readonly forms = new Map<string, { count: number; rows: number[]; cells: string[] }>();

  /** A row whose date the fast path read as ISO. */
  iso(row: number): void {
    this.note("YYYY-MM-DD", row, "");
  }

  /** A date cell read by the general path. */
  add(cell: string, row: number): void {
    const form = dateFormOf(cell);
    if (form !== undefined) this.note(form, row, cell);
  }

  private note(form: string, row: number, cell: string): void {
    let f = this.forms.get(form);
    if (f === undefined) this.forms.set(form, (f = { count: 0, rows: [], cells: [] }));
    f.count++;
    if (f.rows.length < KEPT) {
      f.rows.push(row);
      f.cells.push(cell);
    }
  }

  /** One issue per row of the less frequent forms when the column mixes forms. */
  report(issues: IssueList, column: string): void {
    if (this.forms.size < 2) return;
    const ranked = [...this.forms.entries()].sort((a, b) => b[1].count - a[1].count);
    const [main, top] = ranked[0]!;
    for (const [form, f] of ranked.slice(1)) {
      f.rows.forEach((row, j) => {
        issues.add(
          row,
          column,
          `date ${JSON.stringify(f.cells[j])} is written ${form} while ${top.count} rows of this column are ${main} (${f.count} row(s) are ${form}): a column with mixed date formats is ambiguous; give the format (dateFormat option, --date-format) to read one`,
        );
      });
    }
  }
}
