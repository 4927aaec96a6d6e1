/**
 * The dates of holiday rules in one year, computed with date-fns and returned as day keys.
 *
 * @module
 */
import { addDays, getDate, getMonth, getYear, isSameMonth, lastDayOfMonth, nextDay, previousDay, subBusinessDays } from "date-fns";
import type { Day } from "date-fns";
import { dayKey, dayKeyFromIso, easterSunday } from "../../time/index.js";
import type { DayKey } from "../../types.js";
import { seriesDates } from "./lunisolar.js";
import type { DateSpec } from "./types.js";

function keyOf(date: Date): DayKey {
  return dayKey(getYear(date), getMonth(date) + 1, getDate(date));
}

/** The n-th given weekday of a month (n = -1: the last one), by date-fns. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): DayKey {
  if (n < 0) {
    const last = lastDayOfMonth(new Date(year, month - 1, 1));
    const found = last.getDay() === weekday ? last : previousDay(last, weekday as Day);
    return keyOf(found);
  }
  const dayBefore = new Date(year, month - 1, 0);
  const first = nextDay(dayBefore, weekday as Day);
  const found = addDays(first, 7 * (n - 1));
  return isSameMonth(found, first) ? keyOf(found) : Number.NaN;
}

/** The last given weekday on or before a month and day, by date-fns. */
export function weekdayOnOrBefore(year: number, month: number, day: number, weekday: number): DayKey {
  const date = new Date(year, month - 1, day);
  return keyOf(date.getDay() === weekday ? date : previousDay(date, weekday as Day));
}

/** The days a date spec gives in `year` (empty when the rule has no date that year). */
export function datesOf(spec: DateSpec, year: number): DayKey[] {
  if ("fixed" in spec) return [dayKey(year, spec.fixed[0], spec.fixed[1])];
  if ("nth" in spec) return [nthWeekday(year, spec.nth[0], spec.nth[1], spec.nth[2])].filter(Number.isFinite);
  if ("onOrBefore" in spec) return [weekdayOnOrBefore(year, spec.onOrBefore[0], spec.onOrBefore[1], spec.onOrBefore[2])];
  if ("businessDayBefore" in spec) return [keyOf(subBusinessDays(new Date(year, spec.businessDayBefore[0] - 1, spec.businessDayBefore[1]), 1))];
  if ("easter" in spec) return [keyOf(addDays(dateOfKey(easterSunday(year)), spec.easter))];
  if ("series" in spec) return seriesDates(spec.series, year);
  const prefix = `${String(year)}-`;
  return spec.on.filter((iso) => iso.startsWith(prefix)).map(dayKeyFromIso);
}

function dateOfKey(key: DayKey): Date {
  const utc = new Date(key * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** `key` moved by `days` calendar days, by date-fns. */
export function shiftDay(key: DayKey, days: number): DayKey {
  return days === 0 ? key : keyOf(addDays(dateOfKey(key), days));
}
