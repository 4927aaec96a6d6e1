/**
 * Day keys: calendar dates as whole days since 1970-01-01, free of time zones.
 * @module
 */
import { enUS } from "date-fns/locale/en-US";
import type { DayKey } from "../types.js";
import { checkNumber, checkString } from "../check.js";

const MS_PER_DAY = 86_400_000;
/** Days either side of 1970 that a `Date` can hold (beyond them its fields are NaN). */
const DATE_RANGE_DAYS = 100_000_000;

/**
 * The day key of a civil date; `NaN` when the date does not exist (2025-02-30, month 13).
 *
 * @example
 * dayKey(1970, 1, 2); // => 1
 * dayKey(2025, 2, 30); // => NaN
 */
export function dayKey(year: number, month: number, day: number): DayKey {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/**
 * Days since 1970-01-01 of a valid proleptic Gregorian date, by arithmetic alone (no `Date`
 * object: the parsers call this once per row). Years are counted from March so that the leap
 * day ends the year; an era is the 400-year cycle of 146,097 days.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const m = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * m + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The civil date of a day key.
 *
 * @example
 * civilDate(dayKeyFromIso("2025-04-09")); // => { year: 2025, month: 4, day: 9 }
 */
export function civilDate(key: DayKey): { year: number; month: number; day: number } {
  if (typeof key !== "number") checkNumber("civilDate", "key", key);
  if (!Number.isInteger(key) || Math.abs(key) > DATE_RANGE_DAYS) {
    const d = new Date(key * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return civilFromDays(key);
}

/**
 * The inverse of `daysFromCivil`, by arithmetic alone (alignment formats dates for every row):
 * the era and the day of the era, then the year of the era and the March-based day of the year.
 */
function civilFromDays(key: number): { year: number; month: number; day: number } {
  const z = key + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m + 2) / 5) + 1;
  const month = m < 10 ? m + 3 : m - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Day of the week of a day key: 0 = Sunday … 6 = Saturday.
 *
 * @example
 * dayOfWeek(dayKeyFromIso("2025-04-06")); // => 0 (a Sunday)
 */
export function dayOfWeek(key: DayKey): number {
  // a type test only (no call): the calendar rules ask for the weekday of every day they build
  if (typeof key !== "number") checkNumber("dayOfWeek", "key", key);
  return (((key + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(key: DayKey): boolean {
  const w = dayOfWeek(key);
  return w === 0 || w === 6;
}

/**
 * Parses a strict ISO date `YYYY-MM-DD`; `NaN` for anything else or an impossible date.
 *
 * @example
 * dayKeyFromIso("2025-04-07"); // => 20185
 */
export function dayKeyFromIso(text: string): DayKey {
  checkString("dayKeyFromIso", "text", text);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return Number.NaN;
  return dayKey(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The ISO date `YYYY-MM-DD` of a day key.
 *
 * @example
 * isoFromDayKey(20185); // => "2025-04-07"
 */
export function isoFromDayKey(key: DayKey): string {
  const { year, month, day } = civilDate(key);
  const y = year < 0 ? `-${String(-year).padStart(6, "0")}` : year > 9999 ? `+${String(year).padStart(6, "0")}` : String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The `n`-th given weekday (0 = Sunday) of a month; `n = -1` for the last one. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): DayKey {
  if (n > 0) {
    const first = dayKey(year, month, 1);
    const shift = (weekday - dayOfWeek(first) + 7) % 7;
    return first + shift + (n - 1) * 7;
  }
  const last = dayKey(year, month, daysInMonth(year, month));
  const shift = (dayOfWeek(last) - weekday + 7) % 7;
  return last - shift;
}

/** Western (Gregorian) Easter Sunday of a year (anonymous Gregorian algorithm, Meeus). */
export function easterSunday(year: number): DayKey {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayKey(year, month, day);
}

// The English weekday names of date-fns' en-US locale (its `localize.day`, 0 = Sunday), read
// once: alignment writes a name into every reason it gives, and a table lookup keeps that cheap.
// (The locale alone, not date-fns' `format`, which would add its whole formatter to bundles.)
const WEEKDAY_NAMES: readonly string[] = Array.from({ length: 7 }, (_, w) => enUS.localize.day(w as 0, { width: "wide" }));

/**
 * English name of the weekday of a day key.
 *
 * @example
 * weekdayName(dayKeyFromIso("2025-04-09")); // => "Wednesday"
 */
export function weekdayName(day: DayKey): string {
  checkNumber("weekdayName", "day", day);
  return WEEKDAY_NAMES[dayOfWeek(day)]!;
}

/**
 * Index of the first element of the ascending `days` that is `>= day` (`days.length` when none):
 * the binary search behind every "first session at or after" of the calendars and the study.
 *
 * @example
 * lowerBound(Int32Array.of(10, 12, 15), 12); // => 1
 * lowerBound(Int32Array.of(10, 12, 15), 13); // => 2
 */
export function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
