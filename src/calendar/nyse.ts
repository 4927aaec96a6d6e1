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
 * Supported range: 1990-01-01 to 2099-12-31 (outside it the functions throw
 * `DATE_OUT_OF_RANGE`). Tables are built on first use and cached.
 *
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { dayKey, dayOfWeek, easterSunday, isoFromDayKey, nthWeekdayOfMonth } from "../time/index.js";
import type { DayKey } from "../types.js";

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
export interface NyseClosure {
  readonly day: DayKey;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** The holiday or event, e.g. `Good Friday`, `Christmas Day (observed)`, `Hurricane Sandy`. */
  readonly name: string;
  /** `holiday` for a rule-based holiday, `special` for an unscheduled closure. */
  readonly kind: "holiday" | "special";
}

/** A session of the NYSE that ends before 16:00 ET. */
export interface NyseEarlyClose {
  readonly day: DayKey;
  readonly date: string;
  /** Close as minutes after local midnight (13:00 = 780). */
  readonly close: number;
  readonly name: string;
}

interface YearTable {
  readonly closures: readonly NyseClosure[];
  readonly earlyCloses: readonly NyseEarlyClose[];
}

interface NyseTables {
  /** All trading days 1990-2099, ascending. */
  readonly days: Int32Array;
  /** Closure by day key. */
  readonly closures: Map<DayKey, NyseClosure>;
  /** Early-close minute by day key. */
  readonly earlyCloses: Map<DayKey, NyseEarlyClose>;
}

let tables: NyseTables | undefined;
let yearCache: Map<number, YearTable> | undefined;

const SPECIAL_CLOSURES: ReadonlyArray<readonly [string, string]> = [
  ["1994-04-27", "National day of mourning for President Richard Nixon"],
  ["2001-09-11", "September 11 attacks"],
  ["2001-09-12", "September 11 attacks"],
  ["2001-09-13", "September 11 attacks"],
  ["2001-09-14", "September 11 attacks"],
  ["2004-06-11", "National day of mourning for President Ronald Reagan"],
  ["2007-01-02", "National day of mourning for President Gerald Ford"],
  ["2012-10-29", "Hurricane Sandy"],
  ["2012-10-30", "Hurricane Sandy"],
  ["2018-12-05", "National day of mourning for President George H. W. Bush"],
  ["2025-01-09", "National day of mourning for President Jimmy Carter"],
];

/** One-off early closes not produced by the yearly rules: date, close (HH:mm ET), reason. */
const ADHOC_EARLY_CLOSES: ReadonlyArray<readonly [string, string, string]> = [
  ["1994-02-11", "14:30", "Snowstorm"],
  ["1996-01-08", "14:00", "Snowstorm"],
  ["1997-10-27", "15:30", "Circuit breaker halt"],
  ["1997-12-26", "13:00", "Day after Christmas"],
  ["2003-12-26", "13:00", "Day after Christmas"],
  ["2005-06-01", "15:56", "Systems communication problem"],
];

/** Late opens of 30 minutes or more since 1990: date, open (HH:mm ET), reason. */
const LATE_OPENS: ReadonlyArray<readonly [string, string, string]> = [
  ["1995-12-18", "10:30", "Computer systems trouble"],
  ["1996-01-08", "11:00", "Snowstorm"],
  ["2002-09-11", "12:00", "First anniversary of the September 11 attacks"],
];

const ONE_PM = 13 * 60;
const TWO_PM = 14 * 60;

/** First day key of the supported range (1990-01-01). */
export function nyseFirstDay(): DayKey {
  return dayKey(NYSE_FIRST_YEAR, 1, 1);
}

/** Last day key of the supported range (2099-12-31). */
export function nyseLastDay(): DayKey {
  return dayKey(NYSE_LAST_YEAR, 12, 31);
}

function hhmmToMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function fromIso(iso: string): DayKey {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return dayKey(y, m, d);
}

/** Applies the Saturday -> Friday, Sunday -> Monday observance; returns the observed day and whether it moved. */
function observed(day: DayKey): DayKey {
  const w = dayOfWeek(day);
  if (w === 6) return day - 1;
  if (w === 0) return day + 1;
  return day;
}

function buildYear(year: number): YearTable {
  const closures: NyseClosure[] = [];
  const add = (day: DayKey, name: string, kind: NyseClosure["kind"] = "holiday"): void => {
    closures.push({ day, date: isoFromDayKey(day), name, kind });
  };
  const fixed = (month: number, dom: number, name: string): void => {
    const actual = dayKey(year, month, dom);
    const obs = observed(actual);
    add(obs, obs === actual ? name : `${name} (observed)`);
  };

  // New Year's Day: Sunday -> Monday; Saturday -> not observed (NYSE Rule 7.2).
  const newYear = dayKey(year, 1, 1);
  const wNewYear = dayOfWeek(newYear);
  if (wNewYear === 0) add(newYear + 1, "New Year's Day (observed)");
  else if (wNewYear !== 6) add(newYear, "New Year's Day");
  if (year >= 1998) add(nthWeekdayOfMonth(year, 1, 1, 3), "Martin Luther King Jr. Day");
  add(nthWeekdayOfMonth(year, 2, 1, 3), "Washington's Birthday");
  add(easterSunday(year) - 2, "Good Friday");
  add(nthWeekdayOfMonth(year, 5, 1, -1), "Memorial Day");
  if (year >= 2022) fixed(6, 19, "Juneteenth National Independence Day");
  fixed(7, 4, "Independence Day");
  add(nthWeekdayOfMonth(year, 9, 1, 1), "Labor Day");
  const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
  add(thanksgiving, "Thanksgiving Day");
  fixed(12, 25, "Christmas Day");
  for (const [iso, name] of SPECIAL_CLOSURES) {
    if (iso.startsWith(`${year}-`)) add(fromIso(iso), name, "special");
  }
  closures.sort((a, b) => a.day - b.day);

  const earlyCloses: NyseEarlyClose[] = [];
  const early = (day: DayKey, close: number, name: string): void => {
    earlyCloses.push({ day, date: isoFromDayKey(day), close, name });
  };
  // Day before Independence Day.
  const july3 = dayKey(year, 7, 3);
  const w3 = dayOfWeek(july3);
  if (year >= 1995 && (w3 === 1 || w3 === 2 || w3 === 4)) early(july3, ONE_PM, "Day before Independence Day");
  if (year >= 2013 && w3 === 3) early(july3, ONE_PM, "Day before Independence Day");
  // Friday after a Thursday Independence Day (1996-2012).
  const july5 = dayKey(year, 7, 5);
  if (year >= 1995 && year <= 2012 && dayOfWeek(july5) === 5) early(july5, ONE_PM, "Day after Independence Day");
  // Day after Thanksgiving (no early close before 1992).
  if (year >= 1992) early(thanksgiving + 1, year >= 1993 ? ONE_PM : TWO_PM, "Day after Thanksgiving");
  // Christmas Eve, Monday to Thursday (on a Friday it is the observed Christmas holiday).
  const christmasEve = dayKey(year, 12, 24);
  const wEve = dayOfWeek(christmasEve);
  if (wEve >= 1 && wEve <= 4) early(christmasEve, year >= 1993 ? ONE_PM : TWO_PM, "Christmas Eve");
  for (const [iso, hhmm, name] of ADHOC_EARLY_CLOSES) {
    if (iso.startsWith(`${year}-`)) early(fromIso(iso), hhmmToMinutes(hhmm), name);
  }
  const closed = new Set(closures.map((c) => c.day));
  const kept = earlyCloses.filter((e) => !closed.has(e.day)).sort((a, b) => a.day - b.day);
  return { closures, earlyCloses: kept };
}

function yearTable(year: number): YearTable {
  yearCache ??= new Map();
  let t = yearCache.get(year);
  if (t === undefined) {
    t = buildYear(year);
    yearCache.set(year, t);
  }
  return t;
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < NYSE_FIRST_YEAR || year > NYSE_LAST_YEAR) {
    throw new MarketReactionError(
      "DATE_OUT_OF_RANGE",
      `${what}: the built-in NYSE calendar covers ${NYSE_FIRST_YEAR}-01-01 to ${NYSE_LAST_YEAR}-12-31; got ${String(year)}`,
    );
  }
}

function checkDay(day: DayKey, what: string): void {
  if (!Number.isInteger(day)) {
    throw new MarketReactionError("DATE_OUT_OF_RANGE", `${what}: not a day key: ${String(day)}`);
  }
  if (day < nyseFirstDay() || day > nyseLastDay()) {
    throw new MarketReactionError(
      "DATE_OUT_OF_RANGE",
      `${what}: ${isoFromDayKey(day)} is outside the built-in NYSE calendar (${NYSE_FIRST_YEAR}-01-01 to ${NYSE_LAST_YEAR}-12-31)`,
    );
  }
}

/** Builds (once) the trading-day table of the whole supported range. */
function nyseTables(): NyseTables {
  if (tables !== undefined) return tables;
  const closures = new Map<DayKey, NyseClosure>();
  const earlyCloses = new Map<DayKey, NyseEarlyClose>();
  for (let y = NYSE_FIRST_YEAR; y <= NYSE_LAST_YEAR; y++) {
    const t = yearTable(y);
    for (const c of t.closures) closures.set(c.day, c);
    for (const e of t.earlyCloses) earlyCloses.set(e.day, e);
  }
  const first = nyseFirstDay();
  const last = nyseLastDay();
  const out = new Int32Array(last - first + 1);
  let n = 0;
  for (let d = first; d <= last; d++) {
    const w = dayOfWeek(d);
    if (w === 0 || w === 6 || closures.has(d)) continue;
    out[n++] = d;
  }
  tables = { days: out.slice(0, n), closures, earlyCloses };
  return tables;
}

/** Index of the first element of sorted `days` that is >= `day` (days.length if none). */
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
  const { days } = nyseTables();
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
  return !nyseTables().closures.has(day);
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
  return yearTable(year).closures;
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
  return yearTable(year).earlyCloses;
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
  return nyseTables().closures.get(day);
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
  return nyseTables().earlyCloses.get(day)?.close ?? 16 * 60;
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
  return nyseLateOpenOn(day) ?? 9 * 60 + 30;
}

/** @internal The late-open minute on `day`, if any (no range check). */
export function nyseLateOpenOn(day: DayKey): number | undefined {
  for (const [iso, hhmm] of LATE_OPENS) {
    if (fromIso(iso) === day) return hhmmToMinutes(hhmm);
  }
  return undefined;
}

/** @internal The early close on `day`, if any (no range check). */
export function nyseEarlyCloseOn(day: DayKey): NyseEarlyClose | undefined {
  return nyseTables().earlyCloses.get(day);
}

/** @internal The sorted trading days of the whole supported range (shared; do not mutate). */
export function nyseAllTradingDays(): Int32Array {
  return nyseTables().days;
}
