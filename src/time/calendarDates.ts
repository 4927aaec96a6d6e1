/**
 * Dates of calendar rules (n-th weekday of a month, the weekday on or before a date, the
 * business day before a date, a day moved by n days), computed with date-fns and returned as
 * day keys. Used by the calendar engine.
 *
 * Every date here is a `UTCDate` (@date-fns/utc: a Date whose getters and setters are UTC),
 * never a host-local `Date`: in a host time zone that skipped a day (Pacific/Apia skipped
 * 2011-12-30) or a midnight (DST at 00:00), local-date arithmetic lands on the wrong day (one
 * day before 2011-12-31 was 2011-12-31 again). A `TZDate` in "UTC" is no escape: it keeps a
 * host-local shadow date, and `subBusinessDays` on it never returned across Apia's gap.
 * @module
 */
import { addDays, getDate, getMonth, getYear, isSameMonth, lastDayOfMonth, nextDay, previousDay, subBusinessDays } from "date-fns";
import type { Day } from "date-fns";
import { UTCDate } from "@date-fns/utc";
import type { DayKey } from "../types.js";
import { dayKey } from "./dayKey.js";

function keyOf(date: Date): DayKey {
  return dayKey(getYear(date), getMonth(date) + 1, getDate(date));
}

/** A civil date as midnight UTC (month 1–12; day 0 or 32 roll over like `Date`). */
function utcDate(year: number, month: number, day: number): UTCDate {
  return new UTCDate(year, month - 1, day);
}

function dateOfKey(key: DayKey): UTCDate {
  return new UTCDate(key * 86_400_000);
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
    const last = lastDayOfMonth(utcDate(year, month, 1));
    return keyOf(last.getDay() === weekday ? last : previousDay(last, weekday as Day));
  }
  const first = nextDay(utcDate(year, month, 0), weekday as Day);
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
  const date = utcDate(year, month, day);
  return keyOf(date.getDay() === weekday ? date : previousDay(date, weekday as Day));
}

/**
 * The last Monday-to-Friday before a month and day (day 32 of December = before 1 January).
 *
 * @example
 * isoFromDayKey(businessDayBefore(2022, 12, 25)); // => "2022-12-23"
 */
export function businessDayBefore(year: number, month: number, day: number): DayKey {
  return keyOf(subBusinessDays(utcDate(year, month, day), 1));
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
