/**
 * Exchanges: market identifier codes (MIC), time zones and session hours.
 *
 * XNYS and XNAS carry the built-in NYSE holiday rules (see `nyse.ts`). The other exchanges
 * have session hours only: their trading days come from data ({@link calendarFromSeries});
 * without data their calendar is weekdays-only and flagged approximate.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { dayKeyFromIso, isValidTimeZone, minutesOf } from "../time/index.js";
import type { DayKey } from "../types.js";
import { checkFinite, checkObject } from "../check.js";

/** Where an exchange's trading days come from when no data is given. */
export type HolidayRules = "nyse" | "none";

/** Session hours that applied until (and including) a given day. */
export interface PastSessionHours {
  /** Last day (ISO `YYYY-MM-DD`) on which these hours applied. */
  readonly until: string;
  readonly open: string;
  readonly close: string;
  readonly lunch?: readonly [start: string, end: string];
}

/** A stock exchange: its code, clock and regular session hours (local wall-clock time). */
export interface Exchange {
  /** ISO 10383 market identifier code, e.g. `XNYS`. */
  readonly code: string;
  readonly name: string;
  /** IANA time zone of the exchange clock. */
  readonly timezone: string;
  /** Regular open, `HH:mm` local. */
  readonly open: string;
  /** Regular close, `HH:mm` local. */
  readonly close: string;
  /** Lunch break, `HH:mm` local; the break counts as part of the session day. */
  readonly lunch?: readonly [start: string, end: string];
  /** Usual early-close time (`13:00` for the NYSE); the days come from the holiday rules. */
  readonly earlyClose?: string;
  /** Earlier session hours, oldest first. */
  readonly previousHours?: readonly PastSessionHours[];
  /** Built-in holiday rules; `none` means trading days must come from data. */
  readonly holidays: HolidayRules;
}

/** Session hours of one day in minutes after local midnight. */
export interface SessionMinutes {
  readonly open: number;
  readonly close: number;
  readonly lunchStart?: number;
  readonly lunchEnd?: number;
}

const NYSE_HOURS = { timezone: "America/New_York", open: "09:30", close: "16:00", earlyClose: "13:00", holidays: "nyse" } as const;

/**
 * The built-in exchanges, keyed by MIC.
 *
 * @example
 * EXCHANGES.XTKS?.lunch; // => ["11:30", "12:30"]
 * Object.keys(EXCHANGES).length; // => 11
 */
export const EXCHANGES: Readonly<Record<string, Exchange>> = {
  XNYS: { code: "XNYS", name: "New York Stock Exchange", ...NYSE_HOURS },
  XNAS: { code: "XNAS", name: "Nasdaq Stock Market", ...NYSE_HOURS },
  XTKS: {
    code: "XTKS",
    name: "Tokyo Stock Exchange",
    timezone: "Asia/Tokyo",
    open: "09:00",
    close: "15:30",
    lunch: ["11:30", "12:30"],
    previousHours: [{ until: "2024-11-04", open: "09:00", close: "15:00", lunch: ["11:30", "12:30"] }],
    holidays: "none",
  },
  XLON: { code: "XLON", name: "London Stock Exchange", timezone: "Europe/London", open: "08:00", close: "16:30", holidays: "none" },
  XETR: { code: "XETR", name: "Xetra (Deutsche Börse)", timezone: "Europe/Berlin", open: "09:00", close: "17:30", holidays: "none" },
  XPAR: { code: "XPAR", name: "Euronext Paris", timezone: "Europe/Paris", open: "09:00", close: "17:30", holidays: "none" },
  XHKG: {
    code: "XHKG",
    name: "Hong Kong Stock Exchange",
    timezone: "Asia/Hong_Kong",
    open: "09:30",
    close: "16:00",
    lunch: ["12:00", "13:00"],
    holidays: "none",
  },
  XSHG: {
    code: "XSHG",
    name: "Shanghai Stock Exchange",
    timezone: "Asia/Shanghai",
    open: "09:30",
    close: "15:00",
    lunch: ["11:30", "13:00"],
    holidays: "none",
  },
  XSHE: {
    code: "XSHE",
    name: "Shenzhen Stock Exchange",
    timezone: "Asia/Shanghai",
    open: "09:30",
    close: "15:00",
    lunch: ["11:30", "13:00"],
    holidays: "none",
  },
  XASX: { code: "XASX", name: "Australian Securities Exchange", timezone: "Australia/Sydney", open: "10:00", close: "16:00", holidays: "none" },
  XTSE: { code: "XTSE", name: "Toronto Stock Exchange", timezone: "America/Toronto", open: "09:30", close: "16:00", holidays: "none" },
};

/**
 * The codes of the built-in exchanges.
 *
 * @example
 * exchangeCodes(); // => ["XNYS", "XNAS", "XTKS", "XLON", …]
 */
export function exchangeCodes(): string[] {
  return Object.keys(EXCHANGES);
}

/**
 * The built-in exchange with MIC `code` (case-insensitive).
 *
 * @throws UNKNOWN_EXCHANGE when the code is not built in (the message lists the known codes).
 * @example
 * getExchange("xtks").timezone; // => "Asia/Tokyo"
 */
export function getExchange(code: string): Exchange {
  const upper = typeof code === "string" ? code.trim().toUpperCase() : "";
  const found = Object.prototype.hasOwnProperty.call(EXCHANGES, upper) ? EXCHANGES[upper] : undefined;
  if (found === undefined) {
    throw new MarketReactionError(
      "UNKNOWN_EXCHANGE",
      `unknown exchange ${JSON.stringify(code)}; built-in exchanges: ${exchangeCodes().join(", ")} (or pass an Exchange object, or a calendar built with calendarFromSeries)`,
    );
  }
  return found;
}

function checkHours(open: unknown, close: unknown, lunch: unknown, where: string): void {
  const o = typeof open === "string" ? minutesOf(open) : Number.NaN;
  const c = typeof close === "string" ? minutesOf(close) : Number.NaN;
  if (!(o >= 0 && o < 1440)) invalidOption(`${where}.open`, open, "a local time HH:mm");
  if (!(c > o && c <= 1440)) invalidOption(`${where}.close`, close, "a local time HH:mm after the open");
  if (lunch !== undefined) {
    const ok =
      Array.isArray(lunch) &&
      lunch.length === 2 &&
      typeof lunch[0] === "string" &&
      typeof lunch[1] === "string" &&
      minutesOf(lunch[0]) > o &&
      minutesOf(lunch[1]) > minutesOf(lunch[0]) &&
      minutesOf(lunch[1]) < c;
    if (!ok) invalidOption(`${where}.lunch`, lunch, "[start, end] as HH:mm inside the session");
  }
}

/**
 * Checks a user-supplied {@link Exchange} object and returns it.
 *
 * @throws INVALID_OPTION naming the bad field (code, timezone, open, close, lunch, holidays, previousHours).
 * @example
 * const warsaw = validateExchange({ code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" });
 * tradingCalendar(warsaw).approximate; // => true (weekdays only: no holiday rules)
 * toSafe(() => validateExchange({ ...warsaw, close: "08:00" })).success; // => false
 */
export function validateExchange(exchange: Exchange): Exchange {
  if (typeof exchange !== "object" || exchange === null) invalidOption("exchange", exchange, "a MIC string, an Exchange object or a TradingCalendar");
  if (typeof exchange.code !== "string" || exchange.code.trim() === "") invalidOption("exchange.code", exchange.code, "a non-empty MIC such as XNYS");
  if (typeof exchange.timezone !== "string" || !isValidTimeZone(exchange.timezone)) {
    invalidOption("exchange.timezone", exchange.timezone, "an IANA time zone such as America/New_York");
  }
  checkHours(exchange.open, exchange.close, exchange.lunch, "exchange");
  if (exchange.holidays !== "nyse" && exchange.holidays !== "none") invalidOption("exchange.holidays", exchange.holidays, '"nyse" or "none"');
  if (exchange.earlyClose !== undefined && !(minutesOf(exchange.earlyClose) > 0)) invalidOption("exchange.earlyClose", exchange.earlyClose, "HH:mm");
  let previous = Number.NEGATIVE_INFINITY;
  for (const [i, h] of (exchange.previousHours ?? []).entries()) {
    const until = typeof h.until === "string" ? dayKeyFromIso(h.until) : Number.NaN;
    if (!(until > previous)) invalidOption(`exchange.previousHours[${i}].until`, h.until, "ISO dates YYYY-MM-DD in ascending order");
    previous = until;
    checkHours(h.open, h.close, h.lunch, `exchange.previousHours[${i}]`);
  }
  return exchange;
}

/**
 * The regular session hours of `exchange` on `day` (ignoring holidays and early closes), in
 * minutes after local midnight.
 *
 * @example
 * sessionHoursOn(getExchange("XTKS"), dayKeyFromIso("2024-11-05")).close; // => 930 (15:30)
 */
export function sessionHoursOn(exchange: Exchange, day: DayKey): SessionMinutes {
  checkObject("sessionHoursOn", "exchange", exchange);
  checkFinite("sessionHoursOn", "day", day);
  let hours: { open: string; close: string; lunch?: readonly [string, string] } = exchange;
  for (const h of exchange.previousHours ?? []) {
    if (day <= dayKeyFromIso(h.until)) {
      hours = h;
      break;
    }
  }
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (hours.lunch === undefined) return { open, close };
  return { open, close, lunchStart: minutesOf(hours.lunch[0]), lunchEnd: minutesOf(hours.lunch[1]) };
}
