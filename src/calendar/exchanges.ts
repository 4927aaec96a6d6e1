/**
 * Exchanges: market identifier codes (MIC), time zones and session hours.
 *
 * Every built-in exchange carries built-in holiday rules (`rules/registry.ts`, one data file
 * per exchange in `markets/`): its sessions, early closes and breaks are known without data.
 * A user-supplied {@link Exchange} may reuse a built-in rule set (`holidays: "XLON"`) or have
 * none (`holidays: "none"`): then its trading days come from data
 * ({@link calendarFromSeries}); without data its calendar is weekdays only and flagged
 * approximate.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { dayKeyFromIso, isoFromDayKey } from "../time/dayKey.js";
import { isValidTimeZone, minutesOf } from "../time/zone.js";
import type { DayKey } from "../types.js";
import { regularHours } from "./rules/engine.js";
import { CALENDAR_RULES, rulesOf } from "./rules/registry.js";
import type { ExchangeRules, HoursPeriod } from "./rules/types.js";
import { checkFinite, checkObject, checkShape } from "../check.js";
import { EXCHANGE } from "../shapes.js";

/**
 * Where an exchange's trading days come from when no data is given: `nyse` (the NYSE rules,
 * same as `XNYS`), the MIC of a built-in rule set (e.g. `XLON`), or `none` (from data only).
 */
export type HolidayRules = "nyse" | "none" | (string & {});

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

/** Names of the built-in exchanges (XNAS shares the NYSE's rules but not its name). */
const NAMES: Readonly<Record<string, string>> = { XNAS: "Nasdaq Stock Market" };

function hoursText(p: HoursPeriod): { open: string; close: string; lunch?: readonly [string, string] } {
  return p.break === undefined ? { open: p.open, close: p.close } : { open: p.open, close: p.close, lunch: p.break };
}

/** The {@link Exchange} view of a built-in rule set: current hours, earlier hours, clock. */
function exchangeFromRules(code: string, rules: ExchangeRules): Exchange {
  const periods = rules.hours.filter((h) => h.weekdays === undefined);
  const current = periods[periods.length - 1]!;
  const previousHours = periods.slice(0, -1).map((h, i) => ({
    until: h.until ?? isoFromDayKey(dayKeyFromIso(periods[i + 1]!.from!) - 1),
    ...hoursText(h),
  }));
  return {
    code,
    name: NAMES[code] ?? rules.name,
    timezone: rules.timezone,
    ...hoursText(current),
    ...(code === "XNYS" || code === "XNAS" ? { earlyClose: "13:00" } : {}),
    ...(previousHours.length > 0 ? { previousHours } : {}),
    holidays: code === "XNYS" || code === "XNAS" ? "nyse" : code,
  };
}

/**
 * The built-in exchanges, keyed by MIC.
 *
 * @example
 * EXCHANGES.XTKS?.lunch; // => ["11:30", "12:30"]
 * EXCHANGES.XHKG?.holidays; // => "XHKG"
 */
export const EXCHANGES: Readonly<Record<string, Exchange>> = Object.fromEntries(
  Object.entries(CALENDAR_RULES).map(([code, rules]) => [code, exchangeFromRules(code, rules)]),
);

/**
 * The built-in rules an exchange's `holidays` field names (`nyse` = XNYS), if any.
 *
 * @example
 * rulesOfExchange(getExchange("XNAS"))?.mic; // => "XNYS"
 * rulesOfExchange(getExchange("XTKS"))?.edition; // => 2026
 */
export function rulesOfExchange(exchange: Exchange): ExchangeRules | undefined {
  checkShape("rulesOfExchange", "exchange", exchange, EXCHANGE);
  if (exchange.holidays === "none") return undefined;
  return rulesOf(exchange.holidays === "nyse" ? "XNYS" : exchange.holidays.toUpperCase());
}

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
  if (typeof exchange.holidays !== "string" || (exchange.holidays !== "none" && rulesOfExchange(exchange) === undefined)) {
    invalidOption("exchange.holidays", exchange.holidays, `"none", "nyse" or a built-in MIC (${exchangeCodes().join(", ")})`);
  }
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
  if (EXCHANGES[exchange.code] === exchange) {
    const h = regularHours(rulesOfExchange(exchange)!, day);
    return h.breakStart === undefined ? { open: h.open, close: h.close } : { open: h.open, close: h.close, lunchStart: h.breakStart, lunchEnd: h.breakEnd! };
  }
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
