/**
 * Aligning dated statements with exchange sessions: day 0 is the first session whose close
 * comes after the statement, on the exchange's clock (docs/conventions.md).
 *
 * A statement's day 0 is the first session whose close comes after the statement, on the
 * exchange's own clock: before the open -> that session; during the session (lunch breaks
 * included) -> that session; at or after the close (early closes included; exactly 16:00:00
 * counts as after) -> the next session; on a weekend, holiday or closure -> per the
 * `nonTrading` policy (default the next session). A date-only statement is that day if it is
 * a session, else per the policy.
 *
 * @module
 */
import { invalidOption, throwIfIssues, toSafe } from "../errors.js";
import type { Issue, SafeResult, Warning } from "../errors.js";
import {
  clockOfMinute,
  formatLocalTime,
  instantToLocal,
  isValidTimeZone,
  isoFromDayKey,
  localToInstant,
  parseTimestamp,
  zoneOffsetMinutes,
} from "../time/index.js";
import type { DayKey, MarketEvent } from "../types.js";
import { isTradingCalendar, tradingCalendar, weekdayName } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { sessionHoursOn } from "./exchanges.js";
import type { Exchange } from "./exchanges.js";

/** What to do with a statement on a day without a session. */
export type NonTradingPolicy = "next" | "previous" | "drop" | "error";

/** Where a statement falls relative to the session of its local day on the exchange clock. */
export type SessionClass = "pre-open" | "regular" | "after-close" | "early-close" | "non-trading" | "date-only";

/** Stable code of the rule that set day 0. */
export type AlignmentRule =
  | "pre-open-same-day"
  | "regular-same-day"
  | "after-close-next"
  | "early-close-next"
  | "non-trading-next"
  | "non-trading-previous"
  | "date-only-same-day"
  | "date-only-next"
  | "date-only-previous";

/** An exchange given as a MIC, an {@link Exchange} object or a ready {@link TradingCalendar}. */
export type ExchangeInput = string | Exchange | TradingCalendar;

/** Options of {@link alignEvents}. */
export interface AlignOptions {
  /** Policy for statements on non-trading days (and date-only statements on them). Default `"next"`. */
  readonly nonTrading?: NonTradingPolicy;
  /** Throw `DATE_OUT_OF_RANGE` instead of skipping events outside a calendar's range. Default false. */
  readonly strict?: boolean;
}

/** One statement aligned on one exchange: a tidy, JSON-friendly row. */
export interface AlignmentRow {
  /** The event id. */
  readonly id: string;
  /** Exchange MIC. */
  readonly exchange: string;
  /** The statement's local time in its own time zone (`YYYY-MM-DDTHH:mm[:ss]`, or a date). */
  readonly timestamp: string;
  /** The statement's IANA time zone. */
  readonly timezone: string;
  /** The statement instant in UTC (ISO 8601 with `Z`); `null` for a date-only statement. */
  readonly instant_utc: string | null;
  /** The statement on the exchange clock, ISO without offset (a date for date-only statements). */
  readonly local_time: string;
  /** IANA time zone of the exchange clock. */
  readonly exchange_timezone: string;
  readonly session: SessionClass;
  /** Day 0 as a day key. */
  readonly day0: DayKey;
  /** Day 0 as an ISO date. */
  readonly day0_iso: string;
  readonly rule: AlignmentRule;
  /** Why, in one sentence. */
  readonly reason: string;
  /** True when the exchange calendar is weekdays-only (holidays unknown). */
  readonly approximate: boolean;
  /** The event's asset, `null` when it concerns every asset. */
  readonly asset: string | null;
  /** The event, metadata carried unchanged. */
  readonly event: MarketEvent;
}

/** A statement that got no day 0 on an exchange, and why. */
export interface SkippedAlignment {
  readonly id: string;
  readonly exchange: string;
  /** `NON_TRADING_DAY` (dropped by `nonTrading: "drop"`) or `DATE_OUT_OF_RANGE`. */
  readonly code: "NON_TRADING_DAY" | "DATE_OUT_OF_RANGE";
  readonly reason: string;
  readonly event: MarketEvent;
}

/** Result of {@link alignEvents}. */
export interface AlignmentResult {
  /** One row per (event, exchange), events in input order, exchanges in the given order. */
  readonly rows: AlignmentRow[];
  readonly skipped: SkippedAlignment[];
  readonly warnings: Warning[];
}

type Statement =
  | { readonly kind: "date"; readonly day: DayKey; readonly text: string }
  | { readonly kind: "instant"; readonly instant: number; readonly text: string };

const POLICIES: readonly NonTradingPolicy[] = ["next", "previous", "drop", "error"];

function hhmm(minute: number): string {
  return clockOfMinute(minute);
}

function describeDay(day: DayKey): string {
  return `${weekdayName(day)} ${isoFromDayKey(day)}`;
}

function offsetText(zone: string, instant: number): string {
  const o = zoneOffsetMinutes(zone, instant);
  const sign = o < 0 ? "-" : "+";
  const a = Math.abs(o);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/** Parses and checks every event, collecting issues; returns statements by event index. */
function readStatements(events: readonly MarketEvent[], warnings: Warning[]): Statement[] {
  const invalid: Issue[] = [];
  const nonexistent: Issue[] = [];
  const out: Statement[] = [];
  events.forEach((event, i) => {
    const row = i + 1;
    if (typeof event !== "object" || event === null) {
      invalid.push({ row, message: "not an event object" });
      return;
    }
    const id = typeof event.id === "string" && event.id !== "" ? event.id : undefined;
    if (id === undefined) invalid.push({ row, column: "id", message: "missing event id" });
    const zone = event.timezone === undefined || event.timezone === "" ? "America/New_York" : event.timezone;
    if (typeof zone !== "string" || !isValidTimeZone(zone)) {
      invalid.push({
        row,
        column: "timezone",
        message: `event ${id ?? "?"}: unknown time zone ${JSON.stringify(zone)} (expected an IANA name such as America/New_York)`,
      });
      return;
    }
    const parsed = typeof event.timestamp === "string" ? parseTimestamp(event.timestamp) : undefined;
    if (parsed === undefined) {
      invalid.push({
        row,
        column: "timestamp",
        message: `event ${id ?? "?"}: malformed timestamp ${JSON.stringify(event.timestamp)} (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm)`,
      });
      return;
    }
    if (parsed.minute === undefined || event.precision === "date") {
      if (parsed.minute === undefined && event.precision === "minute" && id !== undefined) {
        warnings.push({
          code: "DATE_ONLY_TIMESTAMP",
          message: `event ${id}: precision is "minute" but the timestamp ${event.timestamp} has no time; aligned as a date-only statement`,
          event_id: id,
        });
      }
      out[i] = { kind: "date", day: parsed.day, text: isoFromDayKey(parsed.day) };
      return;
    }
    if (parsed.offset !== undefined) {
      const instant = (parsed.day * 1440 + parsed.minute - parsed.offset) * 60_000;
      out[i] = { kind: "instant", instant, text: formatLocalTime(instantToLocal(instant, zone)) };
      return;
    }
    const local = { day: parsed.day, minute: parsed.minute };
    const r = localToInstant(local, zone);
    if (r.status === "nonexistent") {
      nonexistent.push({
        row,
        column: "timestamp",
        message: `event ${id ?? "?"}: local time ${formatLocalTime(local)} does not exist in ${zone} (clocks were put forward); give the time with an explicit UTC offset`,
      });
      return;
    }
    if (r.status === "ambiguous" && id !== undefined) {
      warnings.push({
        code: "AMBIGUOUS_LOCAL_TIME",
        message: `event ${id}: local time ${formatLocalTime(local)} occurs twice in ${zone} (clocks were put back); the earlier instant (${offsetText(zone, r.instant)}) is used`,
        event_id: id,
      });
    }
    out[i] = { kind: "instant", instant: r.instant, text: formatLocalTime(local) };
  });
  throwIfIssues(invalid, "alignEvents: invalid events", "INVALID_INPUT");
  throwIfIssues(nonexistent, "alignEvents: nonexistent local times", "NONEXISTENT_LOCAL_TIME");
  return out;
}

function toCalendar(input: ExchangeInput): TradingCalendar {
  if (isTradingCalendar(input)) return input;
  if (typeof input === "string" || (typeof input === "object" && input !== null)) return tradingCalendar(input);
  return invalidOption("exchange", input, "a MIC string, an Exchange object or a TradingCalendar");
}

interface Decision {
  readonly session: SessionClass;
  readonly rule?: AlignmentRule;
  readonly day0?: DayKey;
  readonly reason: string;
  /** Set when the event is dropped or fails. */
  readonly failure?: "drop" | "error" | "range";
}

/**
 * Aligns statements with the sessions of one or more exchanges: one row per (event, exchange)
 * with day 0, the session class, a stable rule code and a human-readable reason.
 *
 * Each statement time is converted to an instant with its own `timezone` (or its explicit
 * offset), then to the exchange's local time; DST is handled through the IANA zones. A
 * nonexistent local time (e.g. 2025-03-09T02:30 in New York) is rejected; an ambiguous one
 * (the repeated hour in autumn) takes the earlier instant and adds an `AMBIGUOUS_LOCAL_TIME`
 * warning. On an early-close day, a statement after the early close but before the regular
 * close is classed `early-close` (day 0 = next session); at or after the regular close it is
 * `after-close`. Statements on approximate (weekdays-only) calendars carry `approximate: true`,
 * a note in the reason and one `APPROXIMATE_CALENDAR` warning per exchange.
 *
 * @param events - statements; `timezone` defaults to America/New_York when empty.
 * @param exchange - a MIC (`"XNYS"`), an Exchange, a TradingCalendar, or an array of them.
 * @throws INVALID_OPTION for a bad option or exchange object; UNKNOWN_EXCHANGE for an unknown MIC.
 * @throws INVALID_INPUT listing every malformed event (id, timestamp, timezone).
 * @throws NONEXISTENT_LOCAL_TIME naming every event whose local time was skipped by a DST change.
 * @throws NON_TRADING_DAY with `nonTrading: "error"`, naming every event on a non-trading day.
 * @throws DATE_OUT_OF_RANGE with `strict: true` for events outside a calendar's range (otherwise skipped with a warning).
 * @example
 * const { rows } = alignEvents(
 *   [{ id: "lutnick", timestamp: "2025-04-06T10:00", timezone: "America/New_York", precision: "minute" }],
 *   ["XNYS", "XTKS"],
 * );
 * rows.map((r) => r.day0_iso); // => ["2025-04-07", "2025-04-07"]
 */
export function alignEvents(events: readonly MarketEvent[], exchange: ExchangeInput | readonly ExchangeInput[], options: AlignOptions = {}): AlignmentResult {
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an options object");
  const policy = options.nonTrading ?? "next";
  if (!POLICIES.includes(policy)) invalidOption("nonTrading", policy, '"next", "previous", "drop" or "error"');
  if (options.strict !== undefined && typeof options.strict !== "boolean") invalidOption("strict", options.strict, "true or false");
  if (!Array.isArray(events)) invalidOption("events", events, "an array of MarketEvent objects");
  const inputs: readonly ExchangeInput[] = Array.isArray(exchange) ? exchange : [exchange as ExchangeInput];
  if (inputs.length === 0) invalidOption("exchange", exchange, "at least one exchange");
  const calendars = inputs.map(toCalendar);

  const warnings: Warning[] = [];
  const statements = readStatements(events, warnings);
  const rows: AlignmentRow[] = [];
  const skipped: SkippedAlignment[] = [];
  const errors: Issue[] = [];
  const rangeErrors: Issue[] = [];
  const approximateUsed = new Set<string>();

  events.forEach((event, i) => {
    const st = statements[i]!;
    const zone = event.timezone === undefined || event.timezone === "" ? "America/New_York" : event.timezone;
    for (const cal of calendars) {
      const code = cal.exchange.code;
      const d = decide(st, zone, cal, policy);
      const approxNote = cal.approximate ? ` The ${code} calendar is approximate (weekdays only; its holidays are not built in).` : "";
      if (d.failure !== undefined) {
        if (d.failure === "error") {
          errors.push({ row: i + 1, column: "timestamp", message: `event ${event.id} on ${code}: ${d.reason}` });
        } else if (d.failure === "range") {
          if (options.strict === true) rangeErrors.push({ row: i + 1, column: "timestamp", message: `event ${event.id} on ${code}: ${d.reason}` });
          skipped.push({ id: event.id, exchange: code, code: "DATE_OUT_OF_RANGE", reason: d.reason, event });
          warnings.push({ code: "DATE_OUT_OF_RANGE", message: `event ${event.id} skipped on ${code}: ${d.reason}`, event_id: event.id, exchange: code });
        } else {
          skipped.push({ id: event.id, exchange: code, code: "NON_TRADING_DAY", reason: d.reason + approxNote, event });
          warnings.push({ code: "EVENT_DROPPED", message: `event ${event.id} dropped on ${code}: ${d.reason}`, event_id: event.id, exchange: code });
        }
        continue;
      }
      const day0 = d.day0!;
      if (cal.approximate) approximateUsed.add(code);
      if (d.rule === "non-trading-next" || d.rule === "date-only-next" || d.rule === "non-trading-previous" || d.rule === "date-only-previous") {
        const prev = d.rule.endsWith("previous");
        warnings.push({
          code: prev ? "ROLLED_TO_PREVIOUS_SESSION" : "ROLLED_TO_NEXT_SESSION",
          message: `event ${event.id} on ${code}: ${d.reason}`,
          event_id: event.id,
          exchange: code,
        });
      }
      const local = st.kind === "date" ? st.text : formatLocalTime(instantToLocal(st.instant, cal.exchange.timezone));
      rows.push({
        id: event.id,
        exchange: code,
        timestamp: st.text,
        timezone: zone,
        instant_utc: st.kind === "date" ? null : new Date(st.instant).toISOString(),
        local_time: local,
        exchange_timezone: cal.exchange.timezone,
        session: d.session,
        day0,
        day0_iso: isoFromDayKey(day0),
        rule: d.rule!,
        reason: d.reason + approxNote,
        approximate: cal.approximate,
        asset: event.asset ?? null,
        event,
      });
    }
  });
  throwIfIssues(errors, 'alignEvents: statements on non-trading days (nonTrading: "error")', "NON_TRADING_DAY");
  throwIfIssues(rangeErrors, "alignEvents: statements outside the calendar range (strict: true)", "DATE_OUT_OF_RANGE");
  for (const code of approximateUsed) {
    warnings.push({
      code: "APPROXIMATE_CALENDAR",
      message: `the ${code} calendar is weekdays only (no built-in holidays and no data); day 0 may fall on an exchange holiday. Give the exchange's trading days: --calendar ${code}=FILE (a price file of an asset listed there) on the command line, or in code a calendar built from that data.`,
      exchange: code,
    });
  }
  return { rows, skipped, warnings };
}

/**
 * {@link alignEvents} without throwing: the result, or the error it would have thrown.
 *
 * @example
 * // a statement known only by its date, Sunday 6 April 2025: an error under nonTrading: "error"
 * const events: MarketEvent[] = [{ id: "E17", timestamp: "2025-04-06", timezone: "America/New_York", precision: "date" }];
 * const r = safeAlignEvents(events, "XNYS", { nonTrading: "error" });
 * if (!r.success) r.error.code; // => "NON_TRADING_DAY"
 * if (!r.success) r.error.issues[0]?.message; // => "event E17 on XNYS: Date-only statement on Sunday …"
 */
export function safeAlignEvents(
  events: readonly MarketEvent[],
  exchange: ExchangeInput | readonly ExchangeInput[],
  options: AlignOptions = {},
): SafeResult<AlignmentResult> {
  return toSafe(() => alignEvents(events, exchange, options));
}

function decide(st: Statement, zone: string, cal: TradingCalendar, policy: NonTradingPolicy): Decision {
  const code = cal.exchange.code;
  const exZone = cal.exchange.timezone;
  if (st.kind === "date") {
    const day = st.day;
    const what = `Date-only statement on ${describeDay(day)}`;
    if (!cal.covers(day)) return outOfRange(`${what} is outside the ${code} calendar (${isoFromDayKey(cal.first)} to ${isoFromDayKey(cal.last)})`, "date-only");
    if (cal.isSession(day))
      return { session: "date-only", rule: "date-only-same-day", day0: day, reason: `${what}, a trading day on ${code}; day 0 is that session.` };
    return nonTrading(`${what} is not a trading day on ${code} (${cal.closedReason(day) ?? "closed"})`, "date-only", day, cal, policy);
  }
  const local = instantToLocal(st.instant, exZone);
  const day = local.day;
  const stmt = `${weekdayName(parseTimestamp(st.text)!.day)} ${st.text.replace("T", " ")} ${zone}`;
  const onClock = exZone === zone ? "" : ` (${describeDay(day)} ${hhmm(local.minute)} on the ${code} clock, ${exZone})`;
  const head = `${stmt}${onClock}`;
  if (!cal.covers(day)) return outOfRange(`${head} is outside the ${code} calendar (${isoFromDayKey(cal.first)} to ${isoFromDayKey(cal.last)})`, "non-trading");
  if (!cal.isSession(day)) {
    return nonTrading(`${head} is not a trading day on ${code} (${cal.closedReason(day) ?? "closed"})`, "non-trading", day, cal, policy);
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

function nonTrading(what: string, session: SessionClass, day: DayKey, cal: TradingCalendar, policy: NonTradingPolicy): Decision {
  const dateOnly = session === "date-only";
  if (policy === "drop") return { session, reason: `${what}; dropped (nonTrading: "drop").`, failure: "drop" };
  if (policy === "error") return { session, reason: `${what}.`, failure: "error" };
  if (policy === "previous") {
    const prev = cal.previousSession(day);
    if (prev === undefined) return outOfRange(`${what} and no earlier session is in the calendar`, session);
    return {
      session,
      rule: dateOnly ? "date-only-previous" : "non-trading-previous",
      day0: prev,
      reason: `${what}; day 0 is the previous session, ${describeDay(prev)} (nonTrading: "previous").`,
    };
  }
  const next = cal.nextSession(day);
  if (next === undefined) return outOfRange(`${what} and the next session is beyond the calendar's last day ${isoFromDayKey(cal.last)}`, session);
  return { session, rule: dateOnly ? "date-only-next" : "non-trading-next", day0: next, reason: `${what}; day 0 is the next session, ${describeDay(next)}.` };
}

/**
 * Throws when `value` is not a policy; exported for the CLI's flag parsing.
 *
 * @throws INVALID_OPTION when `value` is not `next`, `previous`, `drop` or `error`.
 * @example
 * parseNonTradingPolicy("previous"); // => "previous"
 * toSafe(() => parseNonTradingPolicy("later")).success; // => false
 */
export function parseNonTradingPolicy(value: string): NonTradingPolicy {
  if (!(POLICIES as readonly string[]).includes(value)) invalidOption("nonTrading", value, '"next", "previous", "drop" or "error"');
  return value as NonTradingPolicy;
}
