/**
 * The dates a rule's date spec gives in one year, as day keys (the date arithmetic is in
 * `time/calendarDates.ts`, with date-fns).
 *
 * @module
 */
import { businessDayBefore, dayKey, dayKeyFromIso, easterSunday, nthWeekday, shiftDay, weekdayOnOrBefore } from "../../time/index.js";
import type { DayKey } from "../../types.js";
import { seriesDates } from "./lunisolar.js";
import type { DateSpec } from "./types.js";

export { shiftDay };

/** The days a date spec gives in `year` (empty when the rule has no date that year). */
export function datesOf(spec: DateSpec, year: number): DayKey[] {
  if ("fixed" in spec) return [dayKey(year, spec.fixed[0], spec.fixed[1])];
  if ("nth" in spec) return [nthWeekday(year, spec.nth[0], spec.nth[1], spec.nth[2])].filter(Number.isFinite);
  if ("onOrBefore" in spec) return [weekdayOnOrBefore(year, spec.onOrBefore[0], spec.onOrBefore[1], spec.onOrBefore[2])];
  if ("businessDayBefore" in spec) return [businessDayBefore(year, spec.businessDayBefore[0], spec.businessDayBefore[1])];
  if ("easter" in spec) return [shiftDay(easterSunday(year), spec.easter)];
  if ("series" in spec) return seriesDates(spec.series, year);
  const prefix = `${String(year)}-`;
  return spec.on.filter((iso) => iso.startsWith(prefix)).map(dayKeyFromIso);
}
