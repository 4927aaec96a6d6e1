/**
 * Dates of calendar rules (n-th weekday of a month, the weekday on or before a date, the
 * business day before a date, a day moved by n days), computed with date-fns and returned as
 * day keys. Used by the calendar engine.
 * @module
 */
import { addDays, getDate, getMonth, getYear, isSameMonth, lastDayOfMonth, nextDay, previousDay, subBusinessDays } from "date-fns";
import type { Day } from "date-fns";
import type { DayKey } from "../types.js";
import { dayKey } from "./dayKey.js";

function keyOf(date: Date): DayKey {
  return dayKey(getYear(date), getMonth(date) + 1, getDate(date));
}

function dateOfKey(key: DayKey): Date {
  const utc = new Date(key * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/**
 * The n-th weekday (0 = Sunday) of a month (n = -1: the last one); NaN when the month has no n-th such weekday.
 *
 * @example
 * isoFromDayKey(nthWeekday(2025, 11, 4, 4)); // => "2025-11-27" (Thanksgiving)
 * isoFromDayKey(nthWeekday(2025, 5, 1, -1)); // => "2025-05-26" (Memorial Day)
 */
export function nthWeekday(year: number, month: number, weekday: number, n: number): DayKey {
  if (n < 0) {
    const last = lastDayOfMonth(new Date(year, month - 1, 1));
    return keyOf(last.getDay() === weekday ? last : previousDay(last, weekday as Day));
  }
  const first = nextDay(new Date(year, month - 1, 0), weekday as Day);
  const found = addDays(first, 7 * (n - 1));
  return isSameMonth(found, first) ? keyOf(found) : Number.NaN;
}

/**
 * The last given weekday on or before a month and day.
 *
 * @example
 * isoFromDayKey(weekdayOnOrBefore(2025, 5, 24, 1)); // => "2025-05-19" (Victoria Day)
 */
export function weekdayOnOrBefore(year: number, month: number, day: number, weekday: number): DayKey {
  const date = new Date(year, month - 1, day);
  return keyOf(date.getDay() === weekday ? date : previousDay(date, weekday as Day));
}

/**
 * The last Monday-to-Friday before a month and day (day 32 of December = before 1 January).
 *
 * @example
 * isoFromDayKey(businessDayBefore(2022, 12, 25)); // => "2022-12-23"
 */
export function businessDayBefore(year: number, month: number, day: number): DayKey {
  return keyOf(subBusinessDays(new Date(year, month - 1, day), 1));
}

/**
 * `key` moved by `days` calendar days.
 *
 * @example
 * isoFromDayKey(shiftDay(dayKeyFromIso("2025-04-20"), -2)); // => "2025-04-18"
 */
export function shiftDay(key: DayKey, days: number): DayKey {
  return days === 0 ? key : keyOf(addDays(dateOfKey(key), days));
}
