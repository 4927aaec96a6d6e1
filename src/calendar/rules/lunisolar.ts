/**
 * Lunisolar and solar-term holiday dates by year: tabulated series (generated, see
 * `lunisolar-data.ts`) and the solar terms computed by their standard formulas.
 *
 * @module
 */
import { dayKey } from "../../time/dayKey.js";
import type { DayKey } from "../../types.js";
import { LUNISOLAR, LUNISOLAR_FIRST_YEAR } from "./lunisolar-data.js";
import type { DateSeries } from "./types.js";

/** Last year of the tabulated lunisolar series. */
export const LUNISOLAR_LAST_YEAR = 2099;

const parsed = new Map<string, (readonly number[])[]>();

function table(name: string): (readonly number[])[] {
  let t = parsed.get(name);
  if (t === undefined) {
    t = (LUNISOLAR[name] ?? "").split(",").map((cell) => (cell === "" ? [] : cell.split("+").map(Number)));
    parsed.set(name, t);
  }
  return t;
}

/**
 * Japan's equinox days (vernal 20-21 March, autumnal 22-23 September), by the formula of the
 * National Astronomical Observatory of Japan valid 1980-2099.
 */
function equinox(year: number, base: number): number {
  return Math.floor(base + 0.242194 * (year - 1980)) - Math.floor((year - 1980) / 4);
}

/** Qingming (Ching Ming), the solar term at 15 degrees of solar longitude, 4-6 April. */
function qingmingDay(year: number): number {
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  return Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
}

/** All dates of `series` in `year` (Eid can fall twice in one Gregorian year). */
export function seriesDates(series: DateSeries, year: number): DayKey[] {
  if (series === "vernalEquinox") return [dayKey(year, 3, equinox(year, 20.8431))];
  if (series === "autumnalEquinox") return [dayKey(year, 9, equinox(year, 23.2488))];
  if (series === "qingming") return [dayKey(year, 4, qingmingDay(year))];
  const cell = table(series)[year - LUNISOLAR_FIRST_YEAR];
  if (cell === undefined) return [];
  return cell.map((mmdd) => dayKey(year, Math.floor(mmdd / 100), mmdd % 100));
}

/** The first date of `series` in `year`, if any. */
export function seriesDate(series: DateSeries, year: number): DayKey | undefined {
  return seriesDates(series, year)[0];
}
