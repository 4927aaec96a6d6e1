/**
 * Why a statement got its day 0 on an exchange, in one sentence: the reason text of an
 * alignment row, of a skipped statement and of the warnings and issues of statements that get
 * no row (dropped, out of range, `nonTrading: "error"`). The text is
 * written only when it is read (alignment rows hold it lazily), so this path favours clarity
 * over speed; `alignDays.ts` takes the same decisions without the text.
 *
 * @module
 */
import { isoFromDayKey } from "../time/dayKey.js";
import { parseTimestamp } from "../time/timestamp.js";
import { clockOfMinute, instantToLocal } from "../time/zone.js";
import type { LocalTime } from "../time/zone.js";
import type { DayKey } from "../types.js";
import type { AlignmentRule, NonTradingPolicy, SessionClass } from "./alignTypes.js";
import { weekdayName } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { sessionHoursOn } from "./exchanges.js";
import type { Statement } from "./alignStatements.js";

// Reasons are sentences of a few recurring pieces (a day, a clock time, the statement): each
// piece is written once and reused, so a reason costs a few joins.
const CACHE_LIMIT = 100_000;
const clockTexts: string[] = [];
const dayTexts = new Map<DayKey, string>();
const statementTexts = new WeakMap<Statement, string>();

function hhmm(minute: number): string {
  if (!Number.isInteger(minute) || minute < 0 || minute >= 1440) return clockOfMinute(minute);
  return (clockTexts[minute] ??= clockOfMinute(minute));
}

function describeDay(day: DayKey): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = `${weekdayName(day)} ${isoFromDayKey(day)}`;
    if (dayTexts.size < CACHE_LIMIT) dayTexts.set(day, text);
  }
  return text;
}

const dayOpenings = new Map<DayKey, string>();
const clockEndings = new WeakMap<TradingCalendar["exchange"], string>();

/**
 * ` (Sunday 2025-04-06 23:00 on the XTKS clock, Asia/Tokyo)`: the statement on another
 * exchange's clock, joined from three remembered pieces (a reason, once read, is kept in its
 * row, so fewer joins mean less memory held).
 */
function onClockText(day: DayKey, minute: number, cal: TradingCalendar): string {
  let opening = dayOpenings.get(day);
  if (opening === undefined) {
    opening = ` (${describeDay(day)} `;
    if (dayOpenings.size < CACHE_LIMIT) dayOpenings.set(day, opening);
  }
  let ending = clockEndings.get(cal.exchange);
  if (ending === undefined) clockEndings.set(cal.exchange, (ending = ` on the ${cal.exchange.code} clock, ${cal.exchange.timezone})`));
  return opening + hhmm(minute) + ending;
}

/** The statement as reasons quote it: weekday, local date and time, time zone. */
function describeStatement(st: Statement, zone: string): string {
  let text = statementTexts.get(st);
  if (text === undefined) statementTexts.set(st, (text = `${weekdayName(parseTimestamp(st.text)!.day)} ${st.text.replace("T", " ")} ${zone}`));
  return text;
}

/** A statement's outcome on one exchange, with its reason. */
export interface Decision {
  readonly session: SessionClass;
  readonly rule?: AlignmentRule;
  readonly day0?: DayKey;
  readonly reason: string;
  /** Set when the event is dropped or fails. */
  readonly failure?: "drop" | "error" | "range";
}

/** The decision and its reason for a statement on one exchange (the reference path). */
export function decide(st: Statement, zone: string, cal: TradingCalendar, policy: NonTradingPolicy): Decision {
  return decideOnClock(st, zone, cal, policy, undefined);
}

/**
 * {@link decide} for a statement already put on the exchange clock (`local`; undefined to
 * convert the instant here, unused for a date-only statement): what an alignment calls for the
 * statements it reports with their reason, having converted each instant once per exchange.
 */
export function decideOnClock(st: Statement, zone: string, cal: TradingCalendar, policy: NonTradingPolicy, local: LocalTime | undefined): Decision {
  const code = cal.exchange.code;
  const exZone = cal.exchange.timezone;
  if (st.kind === "date") {
    const day = st.day;
    const what = `Date-only statement on ${describeDay(day)}`;
    if (!cal.covers(day)) return outOfRange(`${what} is outside the ${code} calendar (${isoFromDayKey(cal.first)} to ${isoFromDayKey(cal.last)})`, "date-only");
    if (cal.isSession(day))
      return { session: "date-only", rule: "date-only-same-day", day0: day, reason: `${what}, a trading day on ${code}; day 0 is that session.` };
    return nonTrading(what, "date-only", day, cal, policy);
  }
  if (local === undefined) local = instantToLocal(st.instant, exZone);
  const day = local.day;
  const stmt = describeStatement(st, zone);
  const head = exZone === zone ? stmt : stmt + onClockText(day, local.minute, cal);
  if (!cal.covers(day)) return outOfRange(`${head} is outside the ${code} calendar (${isoFromDayKey(cal.first)} to ${isoFromDayKey(cal.last)})`, "non-trading");
  if (!cal.isSession(day)) {
    return nonTrading(head, "non-trading", day, cal, policy);
  }
  const open = cal.sessionOpen(day);
  const close = cal.sessionClose(day);
  if (local.minute < open) {
    return {
      session: "pre-open",
      rule: "pre-open-same-day",
      day0: day,
      reason: `${head} is before the ${hhmm(open)} open of ${code}; day 0 is that session, ${describeDay(day)}.`,
    };
  }
  if (local.minute < close) {
    const lunch = cal.lunchBreak(day);
    const inLunch = lunch !== undefined && local.minute >= lunch[0] && local.minute < lunch[1];
    const during = inLunch
      ? `during the ${hhmm(lunch[0])}-${hhmm(lunch[1])} lunch break of the ${code} session (a break counts as the session day)`
      : `during the ${code} session (${hhmm(open)}-${hhmm(close)})`;
    return { session: "regular", rule: "regular-same-day", day0: day, reason: `${head} is ${during}; day 0 is that session, ${describeDay(day)}.` };
  }
  const next = cal.nextSession(day);
  const early = cal.earlyCloseName(day);
  const regular = sessionRegularClose(cal, day);
  const isEarly = close < regular;
  if (next === undefined || !cal.covers(next)) {
    return outOfRange(`${head} is after the ${code} close and the next session is beyond the calendar's last day ${isoFromDayKey(cal.last)}`, "after-close");
  }
  if (isEarly && local.minute < regular) {
    return {
      session: "early-close",
      rule: "early-close-next",
      day0: next,
      reason: `${head} is after the ${hhmm(close)} early close of ${code}${early === undefined ? "" : ` (${early})`}; day 0 is the next session, ${describeDay(next)}.`,
    };
  }
  return {
    session: "after-close",
    rule: "after-close-next",
    day0: next,
    reason: `${head} is at or after the ${hhmm(close)} close of ${code}${isEarly && early !== undefined ? ` (early close: ${early})` : ""}; day 0 is the next session, ${describeDay(next)}.`,
  };
}

function sessionRegularClose(cal: TradingCalendar, day: DayKey): number {
  // The exchange's regular close for that date (ignoring early closes).
  return sessionHoursOn(cal.exchange, day).close;
}

function outOfRange(reason: string, session: SessionClass): Decision {
  return { session, reason: `${reason}.`, failure: "range" };
}

/** The part of a non-trading reason after the statement, with the decision it explains. */
interface Tail {
  readonly rule?: AlignmentRule;
  readonly day0?: DayKey;
  readonly failure?: "drop" | "error" | "range";
  readonly text: string;
}

const POLICY_INDEX: Readonly<Record<NonTradingPolicy, number>> = { next: 0, previous: 1, drop: 2, error: 3 };
const tailsByCalendar = new WeakMap<TradingCalendar, Map<number, Tail>>();

function writeTail(day: DayKey, dateOnly: boolean, cal: TradingCalendar, policy: NonTradingPolicy): Tail {
  const closed = ` is not a trading day on ${cal.exchange.code} (${cal.closedReason(day) ?? "closed"})`;
  if (policy === "drop") return { failure: "drop", text: `${closed}; dropped (nonTrading: "drop").` };
  if (policy === "error") return { failure: "error", text: `${closed}.` };
  if (policy === "previous") {
    const prev = cal.previousSession(day);
    if (prev === undefined) return { failure: "range", text: `${closed} and no earlier session is in the calendar.` };
    return {
      rule: dateOnly ? "date-only-previous" : "non-trading-previous",
      day0: prev,
      text: `${closed}; day 0 is the previous session, ${describeDay(prev)} (nonTrading: "previous").`,
    };
  }
  const next = cal.nextSession(day);
  if (next === undefined) return { failure: "range", text: `${closed} and the next session is beyond the calendar's last day ${isoFromDayKey(cal.last)}.` };
  return { rule: dateOnly ? "date-only-next" : "non-trading-next", day0: next, text: `${closed}; day 0 is the next session, ${describeDay(next)}.` };
}

/** A statement on a day without a session: `what` (the statement) and the policy's outcome; the outcome's text is written once per calendar, day and policy. */
function nonTrading(what: string, session: SessionClass, day: DayKey, cal: TradingCalendar, policy: NonTradingPolicy): Decision {
  const dateOnly = session === "date-only";
  let tails = tailsByCalendar.get(cal);
  if (tails === undefined) tailsByCalendar.set(cal, (tails = new Map()));
  const key = day * 8 + POLICY_INDEX[policy] * 2 + (dateOnly ? 1 : 0);
  let tail = tails.get(key);
  if (tail === undefined) {
    tail = writeTail(day, dateOnly, cal, policy);
    if (Number.isSafeInteger(key) && tails.size < CACHE_LIMIT) tails.set(key, tail);
  }
  const reason = what + tail.text;
  if (tail.failure !== undefined) return { session, reason, failure: tail.failure };
  return { session, rule: tail.rule!, day0: tail.day0!, reason };
}
