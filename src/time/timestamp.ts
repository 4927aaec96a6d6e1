/**
 * Parsing of statement timestamps and of dates in the formats vendors use.
 * @module
 */
import type { DayKey } from "../types.js";
import { UTCDate, utc } from "@date-fns/utc";
import { isValid, parse as parseDateFns } from "date-fns";
import { dayKey, dayKeyFromIso } from "./dayKey.js";
import { checkString } from "../check.js";

/** A parsed timestamp: a civil day, the minute of the day if a time was given, and an explicit offset if one was given. */
export interface ParsedTimestamp {
  readonly day: DayKey;
  /** Minutes since local midnight (seconds as a fraction); absent for a date-only timestamp. */
  readonly minute?: number;
  /** Explicit UTC offset in minutes (`Z` = 0, `-04:00` = -240), when the text carried one. */
  readonly offset?: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, `YYYY-MM-DDTHH:mm:ss[.fff]`, optionally followed by
 * `Z` or an offset `±HH:MM`; a space may replace the `T`. Returns `undefined` when the text
 * is malformed or names an impossible date or time.
 *
 * @example
 * parseTimestamp("2025-04-07T10:11"); // => { day: 20185, minute: 611 }
 */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  checkString("parseTimestamp", "text", text);
  const common = parseCommonForm(text);
  if (common !== null) return common;
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return undefined;
  const day = dayKey(Number(m[1]), Number(m[2]), Number(m[3]));
  if (Number.isNaN(day)) return undefined;
  if (m[4] === undefined) return { day };
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (h > 23 || min > 59 || s > 59) return undefined;
  const minute = h * 60 + min + (s + frac) / 60;
  if (m[8] === undefined) return { day, minute };
  if (m[8] === "Z") return { day, minute, offset: 0 };
  const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[8])!;
  const oh = Number(o[2]);
  const om = Number(o[3]);
  if (oh > 18 || om > 59) return undefined;
  return { day, minute, offset: (o[1] === "-" ? -1 : 1) * (oh * 60 + om) };
}

/** The digit at `i` of `text` (0–9), or -1 for any other character. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The number written by the two digits at `i`, or -1 when either is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = digitAt(text, i);
  const b = digitAt(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm` exactly (the forms most statement files use) read
 * character by character, with the same result as the general pattern; `null` for any other
 * text (which the pattern then reads).
 */
function parseCommonForm(text: string): ParsedTimestamp | undefined | null {
  const n = text.length;
  if ((n !== 10 && n !== 16) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null; // "-"
  const hi = twoDigits(text, 0);
  const lo = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const dd = twoDigits(text, 8);
  if (hi < 0 || lo < 0 || month < 0 || dd < 0) return null;
  if (n === 16 && (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58)) return null; // "T", ":"
  const h = n === 16 ? twoDigits(text, 11) : 0;
  const min = n === 16 ? twoDigits(text, 14) : 0;
  if (h < 0 || min < 0) return null;
  const day = dayKey(hi * 100 + lo, month, dd);
  if (Number.isNaN(day)) return undefined;
  if (n === 10) return { day };
  if (h > 23 || min > 59) return undefined;
  return { day, minute: h * 60 + min };
}

/** Date formats understood by the CSV readers. */
export type DateFormat = "YYYY-MM-DD" | "YYYYMMDD" | "MM/DD/YYYY" | "DD/MM/YYYY" | "DD.MM.YYYY" | "auto";

/**
 * Parses a date written in `format`; `NaN` when it is malformed or impossible. With `auto`,
 * ISO (`2025-04-07`, also with a time part, which is ignored), compact (`20250407`) and
 * US slash (`04/07/2025`) dates are recognised; day-first dates need an explicit format.
 *
 * @example
 * parseDate("04/07/2025", "MM/DD/YYYY"); // => 20185
 */
export function parseDate(text: string, format: DateFormat = "auto"): DayKey {
  checkString("parseDate", "text", text);
  const s = text.trim();
  switch (format) {
    case "YYYY-MM-DD":
      return dayKeyFromIso(s);
    case "YYYYMMDD":
      return /^\d{8}$/.test(s) ? parseWithPattern(s, "yyyyMMdd") : Number.NaN;
    case "MM/DD/YYYY":
      return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s) ? parseWithPattern(s, "M/d/yyyy") : Number.NaN;
    case "DD/MM/YYYY":
      return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s) ? parseWithPattern(s, "d/M/yyyy") : Number.NaN;
    case "DD.MM.YYYY":
      return /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(s) ? parseWithPattern(s, "d.M.yyyy") : Number.NaN;
    case "auto": {
      if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return dayKeyFromIso(s);
      const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(s);
      if (withTime !== null) return dayKeyFromIso(withTime[1]!);
      if (/^\d{8}$/.test(s)) return parseDate(s, "YYYYMMDD");
      if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s)) return parseDate(s, "MM/DD/YYYY");
      return Number.NaN;
    }
  }
}

// Dates in the other formats are parsed by date-fns (`parse` with a Unicode pattern, into a
// UTCDate of @date-fns/utc, so the host's time zone cannot shift or skip the day), after a strict shape check above. ISO dates keep
// their hand-written path: the CSV readers call it once per row, and date-fns' general parser
// costs tens of microseconds a call. A file repeats its dates (one per asset in a long panel),
// so parsed dates are remembered, up to PARSED_LIMIT of them.
const REFERENCE = new UTCDate(2000, 0, 1);
const PARSED_LIMIT = 65_536;
const parsed = new Map<string, DayKey>();

function parseWithPattern(text: string, pattern: string): DayKey {
  const key = `${pattern}|${text}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  const d = parseDateFns(text, pattern, REFERENCE, { in: utc });
  const day = isValid(d) ? dayKey(d.getFullYear(), d.getMonth() + 1, d.getDate()) : Number.NaN;
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(key, day);
  return day;
}
