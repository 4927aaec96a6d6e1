/**
 * Row objects -> a header and string cells, so row input goes through the same checks as CSV.
 * @module
 */
import { MarketReactionError, throwIfIssues } from "../errors.js";
import { IssueList } from "./cells.js";

/** Text of one value: numbers exactly (shortest round-trip form, `-0` kept), `Date` as its UTC date, null/undefined as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "" : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** How the objects of a row input are named in messages: `row` (`a row object`, `invalid rows`) or `event`. */
export interface RowNoun {
  readonly noun: "row" | "event";
  readonly article: "a" | "an";
}

/**
 * The objects of an iterable of rows with their keys in first-seen order; every element that
 * is not an object is an issue, thrown together.
 * @throws MarketReactionError `INVALID_INPUT` when `rows` is not iterable or an element is not an object.
 */
export function collectRowObjects(
  rows: Iterable<Record<string, unknown>>,
  name: RowNoun,
  file?: string,
): { header: string[]; list: Record<string, unknown>[] } {
  const { noun, article } = name;
  if (rows === null || typeof rows !== "object" || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new MarketReactionError("INVALID_INPUT", `expected an array or iterable of ${noun} objects, got ${rows === null ? "null" : typeof rows}`);
  }
  const list: Record<string, unknown>[] = [];
  const issues = new IssueList(file === undefined ? {} : { file });
  const header: string[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const row of rows) {
    n++;
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      issues.add(n, undefined, `expected ${article} ${noun} object, got ${row === null ? "null" : Array.isArray(row) ? "an array" : typeof row}`);
      continue;
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
    list.push(row);
  }
  throwIfIssues(issues.list(), `${file ?? `${noun} input`}: invalid ${noun}s`);
  return { header, list };
}

/**
 * Collects the keys of all rows (in first-seen order) as the header and each row's values as text.
 * @throws MarketReactionError `INVALID_INPUT` when `rows` is not iterable or an element is not an object.
 */
export function rowsToRecords(rows: Iterable<Record<string, unknown>>, file?: string): { header: string[]; cells: string[][] } {
  const { header, list } = collectRowObjects(rows, { noun: "row", article: "a" }, file);
  const cells = list.map((row) => header.map((key) => cellText(row[key])));
  return { header, cells };
}
