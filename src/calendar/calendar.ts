/**
 * Trading calendars: the sorted sessions of one exchange over a covered date range, with
 * session hours (early closes and late opens included).
 *
 * Three sources: the built-in rules of the exchange (every built-in MIC; see
 * `rules/registry.ts`), the trading days of a data series ({@link calendarFromSeries}), or, for
 * an exchange without rules and no data, weekdays only (1990-2099), flagged `approximate`.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { dayKey, dayOfWeek, isoFromDayKey, weekdayName } from "../time/dayKey.js";
import type { DayKey, Series } from "../types.js";
import { getExchange, rulesOfExchange, sessionHoursOn, validateExchange } from "./exchanges.js";
import type { Exchange } from "./exchanges.js";
import { lowerBound, ruleTables, sessionHours } from "./rules/engine.js";
import type { RuleTables as RuleTablesLike } from "./rules/engine.js";
import type { ExchangeRules } from "./rules/types.js";

/** Where a calendar's sessions come from. */
export type CalendarSource = "rules" | "data" | "weekdays";

/** The sessions of one exchange over the covered range `[first, last]`. */
export interface TradingCalendar {
  readonly exchange: Exchange;
  /** Session days, strictly increasing. Shared: do not mutate. */
  readonly days: Int32Array;
  /** First day covered (inclusive); before it nothing is known. */
  readonly first: DayKey;
  /** Last day covered (inclusive); after it nothing is known. */
  readonly last: DayKey;
  readonly source: CalendarSource;
  /** True when holidays are unknown (weekdays-only calendar). */
  readonly approximate: boolean;
  /** True when `day` lies in `[first, last]`. */
  covers(day: DayKey): boolean;
  /** Index of `day` in `days`, or -1 when it is not a session. */
  indexOf(day: DayKey): number;
  isSession(day: DayKey): boolean;
  /** First session strictly after `day`; `undefined` past the covered range. */
  nextSession(day: DayKey): DayKey | undefined;
  /** Last session strictly before `day`; `undefined` before the covered range. */
  previousSession(day: DayKey): DayKey | undefined;
  /** First session on or after `day`. */
  sessionOnOrAfter(day: DayKey): DayKey | undefined;
  /** Last session on or before `day`. */
  sessionOnOrBefore(day: DayKey): DayKey | undefined;
  /** Open of the session on `day`, minutes after local midnight; `NaN` when not a session. */
  sessionOpen(day: DayKey): number;
  /** Close of the session on `day`, minutes after local midnight (early closes included); `NaN` when not a session. */
  sessionClose(day: DayKey): number;
  /** Lunch break `[start, end]` in minutes on `day`, if the exchange has one. */
  lunchBreak(day: DayKey): readonly [number, number] | undefined;
  /** Name of the early close on `day` (e.g. `Day after Thanksgiving`), if the session ends early. */
  earlyCloseName(day: DayKey): string | undefined;
  /** Why `day` is not a session (`Saturday`, `Good Friday`, `no session in the data`), or `undefined` for a session. */
  closedReason(day: DayKey): string | undefined;
  /** Name of the special hours on `day` (early close or late open), if the rules give the session other hours. */
  specialHoursName(day: DayKey): string | undefined;
  /** Last year whose holiday tables were checked against the exchange's published lists; `undefined` without built-in rules. */
  readonly edition: number | undefined;
  /** True when `day` lies after the edition year of a rules calendar: its sessions are a projection of the rules (closures announced later are unknown). Always false for a calendar from data. */
  isProjected(day: DayKey): boolean;
}

export { weekdayName };

class Calendar implements TradingCalendar {
  readonly exchange: Exchange;
  readonly days: Int32Array;
  readonly first: DayKey;
  readonly last: DayKey;
  readonly source: CalendarSource;
  readonly approximate: boolean;
  readonly edition: number | undefined;
  private readonly rules: ExchangeRules | undefined;
  private readonly tables: RuleTablesLike | undefined;

  constructor(exchange: Exchange, days: Int32Array, first: DayKey, last: DayKey, source: CalendarSource) {
    this.exchange = exchange;
    this.days = days;
    this.first = first;
    this.last = last;
    this.source = source;
    this.approximate = source === "weekdays";
    this.rules = rulesOfExchange(exchange);
    this.tables = this.rules === undefined ? undefined : ruleTables(this.rules);
    this.edition = this.rules?.edition;
  }

  covers(day: DayKey): boolean {
    return day >= this.first && day <= this.last;
  }

  indexOf(day: DayKey): number {
    const i = lowerBound(this.days, day);
    return i < this.days.length && this.days[i] === day ? i : -1;
  }

  isSession(day: DayKey): boolean {
    return this.indexOf(day) >= 0;
  }

  nextSession(day: DayKey): DayKey | undefined {
    return this.days[lowerBound(this.days, day + 1)];
  }

  previousSession(day: DayKey): DayKey | undefined {
    const i = lowerBound(this.days, day);
    return i > 0 ? this.days[i - 1] : undefined;
  }

  sessionOnOrAfter(day: DayKey): DayKey | undefined {
    return this.days[lowerBound(this.days, day)];
  }

  sessionOnOrBefore(day: DayKey): DayKey | undefined {
    return this.previousSession(day + 1);
  }

  isProjected(day: DayKey): boolean {
    return this.source === "rules" && this.edition !== undefined && day > dayKey(this.edition, 12, 31);
  }

  /** True when the built-in rules know `day` (hours, early closes, reasons). */
  private ruled(day: DayKey): boolean {
    return this.tables !== undefined && day >= this.tables.first && day <= this.tables.last;
  }

  sessionOpen(day: DayKey): number {
    if (!this.isSession(day)) return Number.NaN;
    return this.ruled(day) ? sessionHours(this.rules!, day).open : sessionHoursOn(this.exchange, day).open;
  }

  sessionClose(day: DayKey): number {
    if (!this.isSession(day)) return Number.NaN;
    return this.ruled(day) ? sessionHours(this.rules!, day).close : sessionHoursOn(this.exchange, day).close;
  }

  lunchBreak(day: DayKey): readonly [number, number] | undefined {
    if (this.ruled(day)) {
      const h = sessionHours(this.rules!, day);
      return h.breakStart === undefined ? undefined : [h.breakStart, h.breakEnd!];
    }
    const h = sessionHoursOn(this.exchange, day);
    return h.lunchStart === undefined || h.lunchEnd === undefined ? undefined : [h.lunchStart, h.lunchEnd];
  }

  earlyCloseName(day: DayKey): string | undefined {
    if (!this.isSession(day) || !this.ruled(day)) return undefined;
    const s = this.tables!.special.get(day);
    return s?.close === undefined ? undefined : s.name;
  }

  specialHoursName(day: DayKey): string | undefined {
    if (!this.isSession(day) || !this.ruled(day)) return undefined;
    return this.tables!.special.get(day)?.name;
  }

  closedReason(day: DayKey): string | undefined {
    if (this.isSession(day)) return undefined;
    if (this.ruled(day)) {
      const c = this.tables!.closures.get(day);
      if (c !== undefined) return c.name;
    }
    const w = dayOfWeek(day);
    if (w === 0 || w === 6) return weekdayName(day);
    if (!this.covers(day)) return "outside the calendar range";
    return this.source === "data" ? "no session in the data" : this.ruled(day) ? `${weekdayName(day)}, not a trading day` : "holiday";
  }
}

let builtIn: Map<string, TradingCalendar> | undefined;

function weekdayDays(first: DayKey, last: DayKey): Int32Array {
  const out = new Int32Array(last - first + 1);
  let n = 0;
  for (let d = first; d <= last; d++) {
    const w = dayOfWeek(d);
    if (w !== 0 && w !== 6) out[n++] = d;
  }
  return out.slice(0, n);
}

/**
 * True for a {@link TradingCalendar} (as opposed to an Exchange or a MIC string).
 *
 * @example
 * isTradingCalendar(tradingCalendar("XNYS")); // => true
 * isTradingCalendar("XNYS"); // => false
 */
export function isTradingCalendar(value: unknown): value is TradingCalendar {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { days?: unknown }).days instanceof Int32Array &&
    typeof (value as { indexOf?: unknown }).indexOf === "function"
  );
}

function resolveExchange(exchange: string | Exchange): Exchange {
  return typeof exchange === "string" ? getExchange(exchange) : validateExchange(exchange);
}

/**
 * The calendar of an exchange without data: its built-in rules (every built-in MIC, and any
 * Exchange whose `holidays` names a built-in rule set), or weekdays only (flagged `approximate`)
 * for an exchange without rules, 1990-01-01 to 2099-12-31. Built on first use and cached per
 * rule set.
 *
 * @throws UNKNOWN_EXCHANGE for an unknown MIC (the message lists the built-in ones); INVALID_OPTION for a malformed Exchange object.
 * @example
 * const cal = tradingCalendar("XNYS");
 * isoFromDayKey(cal.nextSession(dayKeyFromIso("2025-04-17"))!); // => "2025-04-21" (Good Friday)
 * tradingCalendar("XTKS").closedReason(dayKeyFromIso("2025-04-29")); // => "Shōwa Day"
 */
export function tradingCalendar(exchange: string | Exchange): TradingCalendar {
  const ex = resolveExchange(exchange);
  const cacheable = typeof exchange === "string" || getExchangeOrUndefined(ex.code) === ex;
  builtIn ??= new Map();
  if (cacheable) {
    const hit = builtIn.get(ex.code);
    if (hit !== undefined) return hit;
  }
  const rules = rulesOfExchange(ex);
  let cal: TradingCalendar;
  if (rules === undefined) {
    const first = dayKey(1990, 1, 1);
    const last = dayKey(2099, 12, 31);
    cal = new Calendar(ex, weekdayDays(first, last), first, last, "weekdays");
  } else {
    const t = ruleTables(rules);
    cal = new Calendar(ex, t.days, t.first, t.last, "rules");
  }
  if (cacheable) builtIn.set(ex.code, cal);
  return cal;
}

function getExchangeOrUndefined(code: string): Exchange | undefined {
  try {
    return getExchange(code);
  } catch {
    return undefined;
  }
}

/**
 * A calendar whose sessions are the days of a data series (or any sorted list of days).
 * The covered range is the first to the last day of the data; days in between that are not
 * in the data are non-trading days. Session hours (and, for NYSE-rule exchanges, early
 * closes) come from the exchange.
 *
 * @throws INVALID_INPUT when the days are empty, not integers, or not strictly increasing.
 * @throws UNKNOWN_EXCHANGE / INVALID_OPTION for a bad exchange.
 * @example
 * // Tokyo sessions around the April 2025 tariff shock, from the days of a Nikkei 225 series
 * const days = ["2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10"].map(dayKeyFromIso);
 * const cal = calendarFromSeries(days, "XTKS");
 * cal.approximate; // => false
 * isoFromDayKey(cal.nextSession(dayKeyFromIso("2025-04-05"))!); // => "2025-04-07"
 */
export function calendarFromSeries(days: Int32Array | readonly DayKey[] | Series, exchange: string | Exchange): TradingCalendar {
  const ex = resolveExchange(exchange);
  const source: Int32Array | readonly DayKey[] =
    days instanceof Int32Array || Array.isArray(days) ? (days as Int32Array | readonly DayKey[]) : (days as Series).days;
  if (source === undefined || typeof source.length !== "number") invalidOption("days", days, "an Int32Array of day keys, an array of day keys or a Series");
  if (source.length === 0) throw new MarketReactionError("INVALID_INPUT", `calendarFromSeries: no days given for ${ex.code}`);
  const out = Int32Array.from(source as ArrayLike<number>);
  for (let i = 0; i < source.length; i++) {
    const d = source[i]!;
    if (!Number.isInteger(d) || out[i] !== d) {
      throw new MarketReactionError("INVALID_INPUT", `calendarFromSeries: element ${i} is not a day key: ${String(d)}`, [
        { row: i + 1, message: "not an integer day key" },
      ]);
    }
    if (i > 0 && d <= out[i - 1]!) {
      throw new MarketReactionError(
        "INVALID_INPUT",
        `calendarFromSeries: days must be strictly increasing; ${isoFromDayKey(d)} follows ${isoFromDayKey(out[i - 1]!)}`,
        [{ row: i + 1, message: "not strictly increasing" }],
      );
    }
  }
  return new Calendar(ex, out, out[0]!, out[out.length - 1]!, "data");
}

/** Result of {@link checkCalendar}. */
export interface CalendarCheck {
  /** First and last day of the checked span (ISO), the overlap of the data and the calendar. */
  readonly from: string;
  readonly to: string;
  /** Calendar sessions in the span that the data lacks (ISO dates). */
  readonly missing: string[];
  /** Data days in the span that are not calendar sessions (ISO dates). */
  readonly extra: string[];
  /** Data days outside the calendar's covered range (ISO dates). */
  readonly outside: string[];
  /** True when nothing is missing or extra. */
  readonly ok: boolean;
}

/**
 * Compares a calendar with the days of a data series over the data's span: sessions missing
 * from the data and data days that are not sessions.
 *
 * @throws INVALID_INPUT when the days are not strictly increasing.
 * @example
 * // a price file that skips Thursday 17 April and has a row on Good Friday
 * const days = ["2025-04-16", "2025-04-18", "2025-04-21"].map(dayKeyFromIso);
 * checkCalendar(tradingCalendar("XNYS"), days); // => { missing: ["2025-04-17"], extra: ["2025-04-18"], ok: false, … }
 */
export function checkCalendar(calendar: TradingCalendar, days: Int32Array | readonly DayKey[] | Series): CalendarCheck {
  if (!isTradingCalendar(calendar)) invalidOption("checkCalendar: calendar", typeof calendar, "a TradingCalendar (tradingCalendar(code))");
  if (typeof days !== "object" || days === null) invalidOption("checkCalendar: days", days, "an Int32Array or array of day keys, or a Series");
  const data = calendarFromSeries(days, calendar.exchange).days;
  const outside: string[] = [];
  const extra: string[] = [];
  const missing: string[] = [];
  const from = Math.max(data[0]!, calendar.first);
  const to = Math.min(data[data.length - 1]!, calendar.last);
  for (const d of data) {
    if (!calendar.covers(d)) outside.push(isoFromDayKey(d));
    else if (!calendar.isSession(d)) extra.push(isoFromDayKey(d));
  }
  const cal = calendar.days;
  for (let i = lowerBound(cal, from); i < cal.length && cal[i]! <= to; i++) {
    const d = cal[i]!;
    const j = lowerBound(data, d);
    if (data[j] !== d) missing.push(isoFromDayKey(d));
  }
  return {
    from: from <= to ? isoFromDayKey(from) : "",
    to: from <= to ? isoFromDayKey(to) : "",
    missing,
    extra,
    outside,
    ok: missing.length === 0 && extra.length === 0,
  };
}
