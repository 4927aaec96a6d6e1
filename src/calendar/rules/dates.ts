/**
 * The dates a rule's date spec gives in one year, as day keys (the date arithmetic is in
 * `time/calendarDates.ts`, with date-fns). Each weekday rule's date of a year is asked of
 * date-fns once and remembered (the same nth Monday of January serves every exchange and
 * every rebuild), and an explicit list of days is read once into a table by year.
 *
 * @module
 */
import { businessDayBefore, nthWeekday, weekdayOnOrBefore } from "../../time/calendarDates.js";
import { dayKey, dayKeyFromIso, easterSunday } from "../../time/dayKey.js";
import type { DayKey } from "../../types.js";
import { seriesDates } from "./lunisolar.js";
import type { DateSpec } from "./types.js";

const weekdayDates = new Map<number, DayKey>();

/** A remembered weekday-rule date: `kind` 0 = nth weekday, 1 = on or before, 2 = business day before. */
function remembered(kind: number, year: number, month: number, a: number, b: number, compute: () => DayKey): DayKey {
  const key = (((year * 3 + kind) * 13 + month) * 64 + a + 8) * 16 + b + 8;
  let day = weekdayDates.get(key);
  if (day === undefined) {
    day = compute();
    if (Number.isSafeInteger(key) && weekdayDates.size < 1_000_000) weekdayDates.set(key, day);
  }
  return day;
}

const listsByYear = new WeakMap<readonly string[], Map<number, DayKey[]>>();

/** The days of an explicit list (`YYYY-MM-DD`) falling in `year`. */
function listed(on: readonly string[], year: number): DayKey[] {
  let byYear = listsByYear.get(on);
  if (byYear === undefined) {
    byYear = new Map();
    for (const iso of on) {
      const y = Number(iso.slice(0, 4));
      const days = byYear.get(y) ?? [];
      days.push(dayKeyFromIso(iso));
      byYear.set(y, days);
    }
    listsByYear.set(on, byYear);
  }
  return byYear.get(year) ?? [];
}

const datesBySpec = new WeakMap<DateSpec, Map<number, readonly DayKey[]>>();

/**
 * The days a date spec gives in `year` (empty when the rule has no date that year), remembered
 * per spec object and year: a descriptor's copies share their rules, so a rebuild asks
 * nothing again. Shared: do not mutate.
 */
export function datesOf(spec: DateSpec, year: number): readonly DayKey[] {
  let byYear = datesBySpec.get(spec);
  if (byYear === undefined) datesBySpec.set(spec, (byYear = new Map()));
  let days = byYear.get(year);
  if (days === undefined) byYear.set(year, (days = computeDates(spec, year)));
  return days;
}

function computeDates(spec: DateSpec, year: number): DayKey[] {
  if ("fixed" in spec) return [dayKey(year, spec.fixed[0], spec.fixed[1])];
  if ("nth" in spec) {
    const [month, weekday, n] = spec.nth;
    const day = remembered(0, year, month, weekday, n, () => nthWeekday(year, month, weekday, n));
    return Number.isFinite(day) ? [day] : [];
  }
  if ("onOrBefore" in spec) {
    const [month, day, weekday] = spec.onOrBefore;
    return [remembered(1, year, month, day, weekday, () => weekdayOnOrBefore(year, month, day, weekday))];
  }
  if ("businessDayBefore" in spec) {
    const [month, day] = spec.businessDayBefore;
    return [remembered(2, year, month, day, 0, () => businessDayBefore(year, month, day))];
  }
  // a day key counts whole days, so moving by n days is adding n (exact, no date object)
  if ("easter" in spec) return [easterSunday(year) + spec.easter];
  if ("series" in spec) return seriesDates(spec.series, year);
  return listed(spec.on, year);
}
