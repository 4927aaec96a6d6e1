/**
 * The New York Stock Exchange calendar, built from the published NYSE holiday rules.
 *
 * Full-day holidays (weekdays only; NYSE Rule 7.2 observance):
 * - New Year's Day, 1 January. Sunday -> Monday 2 January. Saturday -> **not observed** (the
 *   exchange stays open on Friday 31 December, e.g. 1993, 1999, 2004, 2010, 2021).
 * - Martin Luther King Jr. Day, third Monday of January, from 1998.
 * - Washington's Birthday (Presidents Day), third Monday of February.
 * - Good Friday, two days before Western Easter Sunday.
 * - Memorial Day, last Monday of May.
 * - Juneteenth National Independence Day, 19 June, from 2022.
 * - Independence Day, 4 July.
 * - Labor Day, first Monday of September.
 * - Thanksgiving Day, fourth Thursday of November.
 * - Christmas Day, 25 December.
 * Saturday holidays (other than New Year's Day) are observed on the Friday before, Sunday
 * holidays on the Monday after.
 *
 * Special closures since 1990: 1994-04-27 (President Nixon's funeral), 2001-09-11 to
 * 2001-09-14 (September 11 attacks), 2004-06-11 (President Reagan), 2007-01-02 (President
 * Ford), 2012-10-29 and 2012-10-30 (Hurricane Sandy), 2018-12-05 (President G. H. W. Bush),
 * 2025-01-09 (President Carter).
 *
 * Early closes (13:00 ET from 1993): the day after Thanksgiving (from 1992; 14:00 in 1992);
 * Christmas Eve when it is a Monday to Thursday (14:00 in 1990-1992); 3 July when it is a
 * Monday, Tuesday or Thursday (from 1995) or a Wednesday (from 2013); Friday 5 July when
 * 4 July was a Thursday (1996-2012); the one-off 13:00 closes of 1997-12-26 and 2003-12-26;
 * and the unscheduled early closes 1994-02-11 14:30 (snow), 1996-01-08 14:00 (snow),
 * 1997-10-27 15:30 (circuit breaker), 2005-06-01 15:56 (systems problem). Late opens of
 * 30 minutes or more: 1995-12-18 10:30, 1996-01-08 11:00, 2002-09-11 12:00.
 * 1999-12-31 is treated as a full session (an early close that day is disputed and not in
 * the NYSE closings history). See docs/conventions.md for sources.
 *
 * The rules are data (`markets/xnys.ts`) read by the calendar engine (`rules/engine.ts`).
 * Supported range: 1990-01-01 to 2099-12-31 (outside it the functions throw
 * `DATE_OUT_OF_RANGE`). Tables are built on first use and cached.
 *
 * @module
 */
import { describeValue, MarketReactionError } from "../errors.js";
import { dayKey, dayOfWeek, isoFromDayKey } from "../time/index.js";
import type { DayKey } from "../types.js";
import { XNYS } from "./markets/xnys.js";
import { lowerBound, ruleTables, ruleYear } from "./rules/engine.js";
import type { RuleClosure } from "./rules/engine.js";

export { lowerBound } from "./rules/engine.js";

/**
 * First year covered by the built-in NYSE rules.
 *
 * @example
 * tradingCalendar("XNYS").first === dayKey(NYSE_FIRST_YEAR, 1, 1); // => true
 */
export const NYSE_FIRST_YEAR = 1990;
/**
 * Last year covered by the built-in NYSE rules.
 *
 * @example
 * NYSE_LAST_YEAR; // => 2099
 * nyseHolidays(NYSE_LAST_YEAR).length > 0; // => true
 */
export const NYSE_LAST_YEAR = 2099;

/** A weekday on which the NYSE is closed all day. */
export type NyseClosure = RuleClosure;

/** A session of the NYSE that ends before 16:00 ET. */
export interface NyseEarlyClose {
  readonly day: DayKey;
  readonly date: string;
  /** Close as minutes after local midnight (13:00 = 780). */
  readonly close: number;
  readonly name: string;
}

const REGULAR_OPEN = 9 * 60 + 30;
const REGULAR_CLOSE = 16 * 60;
const earlyCache = new Map<number, readonly NyseEarlyClose[]>();

/** First day key of the supported range (1990-01-01). */
export function nyseFirstDay(): DayKey {
  return dayKey(NYSE_FIRST_YEAR, 1, 1);
}

/** Last day key of the supported range (2099-12-31). */
export function nyseLastDay(): DayKey {
  return dayKey(NYSE_LAST_YEAR, 12, 31);
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < NYSE_FIRST_YEAR || year > NYSE_LAST_YEAR) {
    throw new MarketReactionError(
      "DATE_OUT_OF_RANGE",
      `${what}: the built-in NYSE calendar covers ${NYSE_FIRST_YEAR}-01-01 to ${NYSE_LAST_YEAR}-12-31; got ${describeValue(year)}`,
    );
  }
}

function checkDay(day: DayKey, what: string): void {
  if (!Number.isInteger(day)) {
    throw new MarketReactionError("DATE_OUT_OF_RANGE", `${what}: not a day key: ${describeValue(day)}`);
  }
  if (day < nyseFirstDay() || day > nyseLastDay()) {
    throw new MarketReactionError(
      "DATE_OUT_OF_RANGE",
      `${what}: ${isoFromDayKey(day)} is outside the built-in NYSE calendar (${NYSE_FIRST_YEAR}-01-01 to ${NYSE_LAST_YEAR}-12-31)`,
    );
  }
}

/**
 * All NYSE trading days in `[from, to]` (inclusive), ascending.
 *
 * @throws DATE_OUT_OF_RANGE when `from` or `to` is outside 1990-01-01 .. 2099-12-31.
 * @example
 * nyseTradingDays(dayKeyFromIso("2025-04-17"), dayKeyFromIso("2025-04-22")).length; // => 3 (Good Friday closed)
 */
export function nyseTradingDays(from: DayKey, to: DayKey): Int32Array {
  checkDay(from, "nyseTradingDays");
  checkDay(to, "nyseTradingDays");
  if (to < from) return new Int32Array(0);
  const { days } = ruleTables(XNYS);
  return days.slice(lowerBound(days, from), lowerBound(days, to + 1));
}

/**
 * True when the NYSE holds a session on `day` (early-close days included).
 *
 * @throws DATE_OUT_OF_RANGE when `day` is outside 1990-01-01 .. 2099-12-31.
 * @example
 * isNyseTradingDay(dayKeyFromIso("2025-01-09")); // => false (Carter day of mourning)
 */
export function isNyseTradingDay(day: DayKey): boolean {
  checkDay(day, "isNyseTradingDay");
  const w = dayOfWeek(day);
  if (w === 0 || w === 6) return false;
  return !ruleTables(XNYS).closures.has(day);
}

/**
 * The weekday full-day closures of the NYSE in one year (rule holidays and special closures), ascending.
 *
 * @throws DATE_OUT_OF_RANGE outside 1990 .. 2099.
 * @example
 * nyseHolidays(2025).map((c) => c.date); // => ["2025-01-01", "2025-01-09", "2025-01-20", …]
 */
export function nyseHolidays(year: number): readonly NyseClosure[] {
  checkYear(year, "nyseHolidays");
  return ruleYear(XNYS, year).closures;
}

/**
 * The NYSE early closes (sessions ending before 16:00 ET) of one year, ascending.
 *
 * @throws DATE_OUT_OF_RANGE outside 1990 .. 2099.
 * @example
 * nyseEarlyCloses(2025).map((e) => e.date); // => ["2025-07-03", "2025-11-28", "2025-12-24"]
 */
export function nyseEarlyCloses(year: number): readonly NyseEarlyClose[] {
  checkYear(year, "nyseEarlyCloses");
  let out = earlyCache.get(year);
  if (out === undefined) {
    out = ruleYear(XNYS, year).special.flatMap((s) => (s.close === undefined ? [] : [{ day: s.day, date: s.date, close: s.close, name: s.name }]));
    earlyCache.set(year, out);
  }
  return out;
}

/**
 * The closure (holiday or special closure) on `day`, or `undefined` when the NYSE is not closed
 * all day on a weekday then (weekends return `undefined` too).
 *
 * @throws DATE_OUT_OF_RANGE outside 1990-01-01 .. 2099-12-31.
 * @example
 * nyseClosure(dayKeyFromIso("2025-04-18"))?.name; // => "Good Friday"
 */
export function nyseClosure(day: DayKey): NyseClosure | undefined {
  checkDay(day, "nyseClosure");
  return ruleTables(XNYS).closures.get(day);
}

/**
 * The close of the NYSE session on `day` in minutes after midnight ET: 960 (16:00) on a normal
 * session, 780 (13:00) on an early close; `NaN` when `day` is not a trading day.
 *
 * @throws DATE_OUT_OF_RANGE outside 1990-01-01 .. 2099-12-31.
 * @example
 * nyseCloseMinute(dayKeyFromIso("2025-11-28")); // => 780
 */
export function nyseCloseMinute(day: DayKey): number {
  if (!isNyseTradingDay(day)) return Number.NaN;
  return nyseEarlyCloseOn(day)?.close ?? REGULAR_CLOSE;
}

/**
 * The open of the NYSE session on `day` in minutes after midnight ET: 570 (09:30) except on the
 * few late-open days since 1990; `NaN` when `day` is not a trading day.
 *
 * @throws DATE_OUT_OF_RANGE outside 1990-01-01 .. 2099-12-31.
 * @example
 * nyseOpenMinute(dayKeyFromIso("2002-09-11")); // => 720 (noon, anniversary of 9/11)
 */
export function nyseOpenMinute(day: DayKey): number {
  if (!isNyseTradingDay(day)) return Number.NaN;
  return nyseLateOpenOn(day) ?? REGULAR_OPEN;
}

/** @internal The late-open minute on `day`, if any (no range check). */
export function nyseLateOpenOn(day: DayKey): number | undefined {
  return ruleTables(XNYS).special.get(day)?.open;
}

/** @internal The early close on `day`, if any (no range check). */
export function nyseEarlyCloseOn(day: DayKey): NyseEarlyClose | undefined {
  const s = ruleTables(XNYS).special.get(day);
  return s?.close === undefined ? undefined : { day: s.day, date: s.date, close: s.close, name: s.name };
}

/** @internal The sorted trading days of the whole supported range (shared; do not mutate). */
export function nyseAllTradingDays(): Int32Array {
  return ruleTables(XNYS).days;
}
