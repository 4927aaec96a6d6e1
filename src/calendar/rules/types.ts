/**
 * The data an exchange calendar is made of: trading week, session hours with their history,
 * holiday rules, one-off closures and special hours. One descriptor per exchange, read by one
 * engine (`engine.ts`); adding an exchange is a data file plus a line in `registry.ts`.
 *
 * @module
 */

/** A lunisolar or solar-term date series, tabulated by year (see `lunisolar.ts`). */
export type DateSeries =
  | "chineseNewYear"
  | "buddhaBirthday"
  | "tuenNg"
  | "midAutumn"
  | "chungYeung"
  | "qingming"
  | "vernalEquinox"
  | "autumnalEquinox"
  | "roshHashanah"
  | "pesach"
  | "shavuot"
  | "purim"
  | "yomHaatzmaut"
  | "tishaBav"
  | "eidAlFitr"
  | "eidAlAdha";

/** How a rule's date is found in a given year. */
export type DateSpec =
  /** A fixed month and day. */
  | { readonly fixed: readonly [month: number, day: number] }
  /** The n-th weekday (0 = Sunday) of a month; n = -1 for the last one. */
  | { readonly nth: readonly [month: number, weekday: number, n: number] }
  /** The last given weekday on or before a month and day (Victoria Day: Monday on or before 24 May). */
  | { readonly onOrBefore: readonly [month: number, day: number, weekday: number] }
  /** The last Monday-to-Friday before a month and day (day 32 of December = before 1 January). */
  | { readonly businessDayBefore: readonly [month: number, day: number] }
  /** Days after Western Easter Sunday (Good Friday = -2, Easter Monday = 1). */
  | { readonly easter: number }
  /** A tabulated series (lunisolar dates, solar terms). */
  | { readonly series: DateSeries }
  /** Explicit days, `YYYY-MM-DD` (one-off closures, dates decided each year). */
  | { readonly on: readonly string[] };

/**
 * What happens when a holiday falls on a day without a session (a weekend day) or on another
 * holiday:
 * - `none`: nothing (the holiday is lost);
 * - `nyse`: Saturday -> the Friday before, Sunday -> the Monday after;
 * - `next`: a weekend -> the next weekday that is not a holiday;
 * - `sunday-next`: Sunday -> the next weekday that is not a holiday (Saturday lost);
 * - `sunday-monday`: Sunday -> the Monday after, lost if that Monday is already a holiday;
 * - `clash-next`: a weekend or another holiday -> the next weekday that is not a holiday;
 * - `sunday-clash-next`: Sunday or another holiday -> the next weekday that is not a holiday;
 * - `clash-day-after`: on another holiday -> the first calendar day after the holidays, lost if
 *   that is not a trading weekday; a weekend day is lost.
 */
export type Observance = "none" | "nyse" | "next" | "sunday-next" | "sunday-monday" | "clash-next" | "sunday-clash-next" | "clash-day-after";

/** One holiday (or one kind of special session) and the years it applies. */
export interface DayRule {
  readonly name: string;
  readonly date: DateSpec;
  /** Days added to the date (Boxing Day = Christmas + 1, Ascension = Easter + 39). */
  readonly offset?: number;
  /** Number of consecutive days from the date. Default 1. */
  readonly days?: number;
  /** Instead of `days`: this many trading weekdays from the date (China's holiday weeks close five weekdays whatever the weekday of the first day). */
  readonly tradingDays?: number;
  /** First and last year the rule applies (inclusive). */
  readonly from?: number;
  readonly to?: number;
  /** Years in which the rule does not apply. */
  readonly except?: readonly number[];
  /** Keep the day only when it falls on one of these weekdays (0 = Sunday). */
  readonly onWeekdays?: readonly number[];
  readonly observe?: Observance;
  /** Make a long weekend: a day on Tuesday takes the Monday before with it, on Thursday the Friday after (China's arrangements). */
  readonly bridge?: boolean;
}

/** A day with other hours than the regular ones (an early close, a late open). */
export interface SpecialHoursRule extends DayRule {
  /** Local `HH:mm`; absent = the regular open. */
  readonly open?: string;
  /** Local `HH:mm`; absent = the regular close. */
  readonly close?: string;
  /** Set to remove the lunch break that day (a morning-only session). */
  readonly noBreak?: boolean;
}

/** Regular hours during a period, optionally for some weekdays only. */
export interface HoursPeriod {
  /** First day (ISO) the hours applied; absent = since the start of the calendar. */
  readonly from?: string;
  /** Last day (ISO) the hours applied; absent = still in force. */
  readonly until?: string;
  readonly open: string;
  readonly close: string;
  readonly break?: readonly [start: string, end: string];
  /** Weekdays these hours apply to (0 = Sunday); absent = every trading weekday. */
  readonly weekdays?: readonly number[];
}

/** The trading weekdays during a period. */
export interface TradingWeek {
  /** Last day (ISO) of this week pattern; absent = still in force. */
  readonly until?: string;
  /** Trading weekdays, 0 = Sunday. */
  readonly days: readonly number[];
}

/** Everything the engine needs to build one exchange's calendar. */
export interface ExchangeRules {
  /** ISO 10383 MIC. */
  readonly mic: string;
  readonly name: string;
  /** IANA time zone of the exchange clock. */
  readonly timezone: string;
  /** First and last year of the built calendar. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Last year whose holidays (and one-off closures) were checked against published lists; later years are projections of the rules. */
  readonly edition: number;
  /** Where the rules come from (the exchange's published holiday lists, the law). */
  readonly sources: readonly string[];
  /** Trading weekdays, oldest period first. Default Monday to Friday. */
  readonly week?: readonly TradingWeek[];
  /** Regular hours, oldest first; for a day the last matching period wins. */
  readonly hours: readonly HoursPeriod[];
  /** Full-day closures: holiday rules and one-off closures (`{ on: [...] }`). */
  readonly holidays: readonly DayRule[];
  /** Early closes and late opens. */
  readonly specialHours?: readonly SpecialHoursRule[];
  /** From this year, a weekday between two holidays is a holiday too (Japan's citizens' holiday). */
  readonly bridgeFrom?: number;
  /** Sessions on days that are not trading weekdays (BSE's special Saturday sessions), by explicit dates. */
  readonly extraSessions?: readonly ExtraSessions[];
}

/** Sessions held on days outside the trading week, with the reason. */
export interface ExtraSessions {
  readonly name: string;
  /** `YYYY-MM-DD` */
  readonly on: readonly string[];
}
