/**
 * Statements -> bars: the first bar that STARTS at or after the statement (never the nearest
 * bar); statements outside the session map to the next session's first bar, with the reason.
 * @module
 */
import type { Warning } from "../errors.js";
import { alignEvents } from "../calendar/align.js";
import type { NonTradingPolicy } from "../calendar/align.js";
import { weekdayName } from "../calendar/calendar.js";
import { instantToLocal, isoFromDayKey, minutesOf, parseTimestamp } from "../time/index.js";
import type { DayKey, MarketEvent } from "../types.js";
import type { SessionBars } from "./sessions.js";
import { clockText, isoInZone } from "./time.js";
import { checkArray, checkOptions, checkShape } from "../check.js";

/** Stable code of the rule that placed a statement on a bar. */
export type IntradayRule = "in-session" | "pre-open-first-bar" | "after-last-bar-next" | "after-close-next" | "early-close-next" | "non-trading-next";

/** One statement placed on a bar. */
export interface IntradayAlignment {
  readonly event_id: string;
  /** Statement instant, ISO UTC. */
  readonly instant_utc: string;
  /** Statement on the exchange clock, ISO with offset. */
  readonly local_time: string;
  /** Session of the mapped bar (ISO date). */
  readonly session: string;
  readonly day: DayKey;
  /** Index of the session in `SessionBars.sessions`. */
  readonly sessionIndex: number;
  /** Slot of the mapped bar in its session. */
  readonly slot: number;
  /** Start of the mapped bar, ISO with offset on the exchange clock. */
  readonly bar_start: string;
  /** Start instant of the mapped bar (ms). */
  readonly barInstant: number;
  readonly rule: IntradayRule;
  readonly reason: string;
  readonly event: MarketEvent;
}

/** A statement that could not be placed on a bar. */
export interface IntradaySkip {
  readonly event_id: string;
  readonly asset: string | null;
  /** `DATE_ONLY`, `NO_BARS`, `NON_TRADING_DAY`, `DATE_OUT_OF_RANGE`, `OTHER_ASSET`, `NO_PRICE`. */
  readonly code: string;
  readonly reason: string;
}

/** Result of {@link alignIntraday}. */
export interface IntradayAlignmentResult {
  readonly rows: IntradayAlignment[];
  readonly skipped: IntradaySkip[];
  readonly warnings: Warning[];
}

/**
 * Places each statement on the first bar of `grid` that starts at or after the statement's
 * instant, on the exchange clock:
 *
 * | statement (exchange clock) | bar |
 * |---|---|
 * | session day, before the first bar | the session's first bar (`pre-open-first-bar`) |
 * | during the session | first bar starting at or after it (`in-session`); 10:11:30 -> the 10:12 bar |
 * | after the last bar's start, before the close | next session's first bar (`after-last-bar-next`) |
 * | at or after the close (16:00:00 included; early closes included) | next session's first bar |
 * | weekend or holiday | next session's first bar (`non-trading-next`) |
 *
 * Date-only statements are skipped (`DATE_ONLY`): an intraday study needs a time. A mapped
 * session with no bars in the data is skipped (`NO_BARS`). Statement times are parsed and
 * checked by {@link alignEvents} (time zones, DST gaps).
 *
 * @throws INVALID_INPUT / NONEXISTENT_LOCAL_TIME for malformed events (from alignEvents).
 * @example
 * // one-minute bars of the 7 April 2025 session (a synthetic path)
 * const times = Array.from({ length: 390 }, (_, i) => new Date(Date.UTC(2025, 3, 7, 13, 30 + i)).toISOString());
 * const { bars } = parseBarsCsv(`datetime,close\n${times.map((t, i) => `${t},${91 + Math.sin(i)}`).join("\n")}`);
 * const { events } = parseEventsCsv("id,timestamp\nE22,2025-04-07T10:11\n");
 * const { rows } = alignIntraday(events, sessionBars(bars, { exchange: "XNYS" }));
 * rows[0]?.bar_start; // => "2025-04-07T10:11:00-04:00"
 */
export function alignIntraday(
  events: readonly MarketEvent[],
  grid: SessionBars,
  options: { readonly nonTrading?: NonTradingPolicy } = {},
): IntradayAlignmentResult {
  checkArray("alignIntraday", "events", events);
  checkShape("alignIntraday", "grid", grid, { calendar: "object", timezone: "string", interval: "integer", sessions: "array" });
  checkOptions("alignIntraday", options);
  const cal = grid.calendar;
  const zone = grid.timezone;
  const intervalMs = grid.interval * 60_000;
  const daily = alignEvents(events, cal, { nonTrading: options.nonTrading ?? "next" });
  const rows: IntradayAlignment[] = [];
  const skipped: IntradaySkip[] = daily.skipped.map((s) => ({ event_id: s.id, asset: s.event.asset ?? null, code: s.code, reason: s.reason }));
  const warnings: Warning[] = [...daily.warnings];
  for (const row of daily.rows) {
    const asset = row.event.asset ?? null;
    if (row.instant_utc === null) {
      skipped.push({
        event_id: row.id,
        asset,
        code: "DATE_ONLY",
        reason: `${row.id}: date-only statement (${row.timestamp}); an intraday study needs a time of day`,
      });
      continue;
    }
    const p = parseTimestamp(row.instant_utc)!;
    const instant = Math.round((p.day * 1440 + p.minute!) * 60_000);
    const local = instantToLocal(instant, zone);
    const localText = isoInZone(instant, zone);
    let day: DayKey | undefined;
    let slot = 0;
    let rule: IntradayRule;
    let why: string;
    const stClock = clockText(local.minute);
    if (cal.isSession(local.day)) {
      const i = grid.byDay.get(local.day);
      const s = i === undefined ? undefined : grid.sessions[i];
      const open = s?.gridStart ?? cal.sessionOpen(local.day);
      const close = s === undefined ? cal.sessionClose(local.day) : s.gridStart + s.slots * grid.interval;
      if (local.minute < open) {
        day = local.day;
        rule = "pre-open-first-bar";
        why = `${stClock} is before the first bar (${clockText(open)}) of ${weekdayName(local.day)} ${isoFromDayKey(local.day)}; mapped to that bar`;
      } else if (local.minute >= close) {
        day = cal.nextSession(local.day);
        const early = cal.earlyCloseName(local.day);
        rule = early !== undefined && local.minute < minutesOf(cal.exchange.close) ? "early-close-next" : "after-close-next";
        why = `${stClock} is at or after the ${early === undefined ? "" : `early (${early}) `}close (${clockText(close)}) of ${isoFromDayKey(local.day)}; mapped to the first bar of the next session${day === undefined ? "" : ` (${weekdayName(day)} ${isoFromDayKey(day)})`}`;
      } else {
        const start = s?.startInstant ?? Number.NaN;
        const k = Number.isNaN(start) ? Math.ceil((local.minute - open) / grid.interval - 1e-9) : Math.ceil((instant - start) / intervalMs - 1e-9);
        const slots = s?.slots ?? Math.ceil((close - open) / grid.interval);
        if (k >= slots) {
          day = cal.nextSession(local.day);
          rule = "after-last-bar-next";
          why = `${stClock} is after the start of the last bar (${clockText(open + (slots - 1) * grid.interval)}) of ${isoFromDayKey(local.day)}; the first bar starting after it is the next session's first bar${day === undefined ? "" : ` (${isoFromDayKey(day)})`}`;
        } else {
          day = local.day;
          slot = k;
          rule = "in-session";
          why = `first ${grid.interval}-minute bar starting at or after ${stClock}: the ${clockText(open + k * grid.interval)} bar of ${isoFromDayKey(local.day)}`;
        }
      }
    } else {
      day = cal.nextSession(local.day);
      rule = "non-trading-next";
      why = `${weekdayName(local.day)} ${isoFromDayKey(local.day)} has no ${cal.exchange.code} session (${cal.closedReason(local.day) ?? "closed"}); mapped to the first bar of the next session${day === undefined ? "" : ` (${weekdayName(day)} ${isoFromDayKey(day)})`}`;
    }
    const index = day === undefined ? undefined : grid.byDay.get(day);
    if (day === undefined || index === undefined) {
      skipped.push({
        event_id: row.id,
        asset,
        code: "NO_BARS",
        reason: `${row.id}: ${why}, but the bars have no session ${day === undefined ? "after it" : isoFromDayKey(day)}`,
      });
      continue;
    }
    const session = grid.sessions[index]!;
    const barInstant = session.startInstant + slot * intervalMs;
    rows.push({
      event_id: row.id,
      instant_utc: row.instant_utc,
      local_time: localText,
      session: session.date,
      day,
      sessionIndex: index,
      slot,
      bar_start: isoInZone(barInstant, zone),
      barInstant,
      rule,
      reason: why,
      event: row.event,
    });
  }
  return { rows, skipped, warnings };
}
