/**
 * Series -> CSV text, lossless: numbers are written in their shortest round-trip form, so
 * parsing the output gives bit-identical values.
 * @module
 */
import { type Issue, throwIfIssues } from "../errors.js";
import { checkSerializeOptions } from "../schema/index.js";
import { isoFromDayKey } from "../time/index.js";
import type { Series } from "../types.js";
import { isFormulaLike } from "../output/text.js";
import { isMissingCell } from "./cells.js";
import { csvCell } from "./csv.js";
import type { SerializeSeriesOptions, SeriesTable } from "./types.js";
import { checkArrayOf, checkObject, checkOptions, checkShape } from "../check.js";
import { SERIES } from "../shapes.js";

/** An asset id as a CSV cell: quoted when needed, and a leading `'` when a spreadsheet would run it as a formula. */
function idCell(id: string, d: string): string {
  return csvCell(isFormulaLike(id) ? `'${id}` : id, d);
}

/** Counts the ±Infinity values written as empty cells, and keeps the first one's place. */
class NonFiniteTally {
  count = 0;
  first: { asset: string; date: string } | undefined;
  note(asset: string, day: number): void {
    this.count++;
    this.first ??= { asset, date: isoFromDayKey(day) };
  }
}

/** A value as its shortest round-trip text; NaN and ±Infinity as an empty cell (±Infinity counted). */
function numberText(v: number, tally: NonFiniteTally, asset: string, day: number): string {
  if (Number.isNaN(v)) return "";
  if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
    tally.note(asset, day);
    return "";
  }
  return Object.is(v, -0) ? "-0" : String(v);
}

/**
 * Writes series as CSV: `wide` (default) is `date,<id1>,<id2>,…` over the union of their days
 * with empty cells where a series has no value; `long` is `date,asset,value`. Dates are ISO.
 * Missing values (`NaN`) are written as empty cells, and so are ±Infinity, which are reported to
 * `options.onNonFinite` (count and first place). An asset id that a spreadsheet would run
 * as a formula (`=…`, `+…`, `-…`, `@…`) is written with a leading `'`, as in every CSV the
 * library writes (it comes back with the `'` when read).
 *
 * An id that would not read back as itself is refused rather than written: one with spaces at
 * either end (the parsers trim cells), one with a carriage return (read back as a line feed), an
 * empty id, two series with the same id, `date` as a column of the wide layout (beside its own
 * date column), and, in the long layout, an id that its asset column reads as a missing cell
 * (`NA`, `NaN`, `null`, `None`, `N/A`, `#N/A`, `.`, in any case; these are fine as wide headers;
 * `-` is written as `'-`, like any id a spreadsheet would run).
 *
 * @throws MarketReactionError `INVALID_OPTION` for a bad option; `INVALID_INPUT` listing every
 * id that would not read back as itself.
 * @example
 * const days = Int32Array.of(dayKeyFromIso("2025-04-08"), dayKeyFromIso("2025-04-09"));
 * serializeSeriesCsv([{ id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) }]);
 * // => "date,SPX\n2025-04-08,4982.77\n2025-04-09,5456.9\n"
 */
export function serializeSeriesCsv(input: SeriesTable | readonly Series[], options?: SerializeSeriesOptions): string {
  checkObject("serializeSeriesCsv", "input", input);
  checkOptions("serializeSeriesCsv", options);
  const o = checkSerializeOptions(options);
  if (!Array.isArray(input)) checkShape("serializeSeriesCsv", "input", input, { series: "array" });
  const list: readonly Series[] = Array.isArray(input) ? (input as readonly Series[]) : (input as SeriesTable).series;
  checkArrayOf("serializeSeriesCsv", "series", list, SERIES);
  const layout = o.layout ?? "wide";
  throwIfIssues(idRoundTripIssues(list, layout), "serializeSeriesCsv: asset ids that would not read back as themselves");
  const d = o.delimiter ?? ",";
  const tally = new NonFiniteTally();
  const text = layout === "long" ? longText(list, d, tally) : wideText(list, d, tally);
  if (tally.first !== undefined) o.onNonFinite?.(tally.count, tally.first);
  return text;
}

/**
 * Why each id would come back different from a parse of the text written: trimmed, its line
 * breaks changed, merged with another series, taken for the date column, or read as a missing cell.
 */
function idRoundTripIssues(list: readonly Series[], layout: "wide" | "long"): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const [k, s] of list.entries()) {
    const at = `series ${k + 1} (${JSON.stringify(s.id)})`;
    const read = s.id.trim(); // as the parsers read the cell
    if (read !== s.id) issues.push({ message: `${at}: spaces at either end are trimmed when read; trim the id` });
    if (s.id.includes("\r")) issues.push({ message: `${at}: a carriage return in an id is read back as a line feed; remove it` });
    if (seen.has(s.id)) issues.push({ message: `${at}: another series has the same id; give each series its own id` });
    seen.add(s.id);
    if (read === "") issues.push({ message: `${at}: an empty id is read as a missing name; name the series` });
    else if (layout === "wide" && read === "date")
      issues.push({ message: `${at}: a second column named date clashes with the date column; rename the series` });
    else if (layout === "long" && !isFormulaLike(s.id) && isMissingCell(s.id)) {
      issues.push({ message: `${at}: the long layout's asset column reads this id as a missing cell; rename the series or write layout "wide"` });
    }
  }
  return issues;
}

/** `date,asset,value`, one row per value. */
function longText(list: readonly Series[], d: string, tally: NonFiniteTally): string {
  const out: string[] = [["date", "asset", "value"].join(d)];
  for (const s of list) {
    const id = idCell(s.id, d);
    for (let i = 0; i < s.days.length; i++) out.push(`${isoFromDayKey(s.days[i]!)}${d}${id}${d}${numberText(s.values[i]!, tally, s.id, s.days[i]!)}`);
  }
  return `${out.join("\n")}\n`;
}

/** `date,<id1>,<id2>,…` over the union of the series' days. */
function wideText(list: readonly Series[], d: string, tally: NonFiniteTally): string {
  const out: string[] = [];
  out.push(["date", ...list.map((s) => idCell(s.id, d))].join(d));
  // merge the sorted day arrays
  const pos = list.map(() => 0);
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let k = 0; k < list.length; k++) {
      const s = list[k]!;
      if (pos[k]! < s.days.length) next = Math.min(next, s.days[pos[k]!]!);
    }
    if (next === Number.POSITIVE_INFINITY) break;
    const cells = [isoFromDayKey(next)];
    for (let k = 0; k < list.length; k++) {
      const s = list[k]!;
      const p = pos[k]!;
      if (p < s.days.length && s.days[p] === next) {
        cells.push(numberText(s.values[p]!, tally, s.id, next));
        pos[k] = p + 1;
      } else cells.push("");
    }
    out.push(cells.join(d));
  }
  return `${out.join("\n")}\n`;
}
