/**
 * The days of a calendar as rows: each session with its open, close and break, and the reason
 * for each closed trading weekday (what `market-reaction calendar MIC --from --to` prints).
 *
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { dayOfWeek, isoFromDayKey } from "../time/index.js";
import type { DayKey } from "../types.js";
import { weekdayName } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { rulesOfExchange } from "./exchanges.js";
import { isTradingWeekday } from "./rules/engine.js";
import { checkFinite, checkShape } from "../check.js";
import { CALENDAR } from "../shapes.js";

/** One day of a calendar listing. */
export interface CalendarDayRow {
  readonly date: string;
  readonly weekday: string;
  /** `session` or `closed`. */
  readonly status: "session" | "closed";
  /** Local `HH:mm`; empty when closed. */
  readonly open: string;
  readonly close: string;
  /** Midday break `HH:mm-HH:mm`, or empty. */
  readonly break: string;
  /** The holiday for a closed day, the early close or late open for a short session, else empty. */
  readonly note: string;
  /** True after the calendar's edition year (a projection of the rules). */
  readonly projected: boolean;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** True on the weekdays the exchange normally trades (Monday-Friday; Sunday-Thursday in Tel Aviv until 2026). */
function tradingWeekday(calendar: TradingCalendar, day: DayKey): boolean {
  const rules = rulesOfExchange(calendar.exchange);
  if (rules !== undefined) return isTradingWeekday(rules, day);
  const w = dayOfWeek(day);
  return w !== 0 && w !== 6;
}

/**
 * The sessions of `calendar` from `from` to `to` (inclusive) and the closed trading weekdays
 * with their reason; weekends are left out.
 *
 * @throws DATE_OUT_OF_RANGE when the range leaves the calendar's covered years (the message names them).
 * @example
 * const rows = calendarDays(tradingCalendar("XTKS"), dayKeyFromIso("2025-04-28"), dayKeyFromIso("2025-04-30"));
 * rows.map((r) => `${r.date} ${r.status} ${r.note}`); // => ["2025-04-28 session ", "2025-04-29 closed Shōwa Day", "2025-04-30 session "]
 */
export function calendarDays(calendar: TradingCalendar, from: DayKey, to: DayKey): CalendarDayRow[] {
  checkShape("calendarDays", "calendar", calendar, CALENDAR);
  checkFinite("calendarDays", "from", from);
  checkFinite("calendarDays", "to", to);
  if (!calendar.covers(from) || !calendar.covers(to)) {
    const outside = calendar.covers(from) ? to : from;
    throw new MarketReactionError(
      "DATE_OUT_OF_RANGE",
      `${isoFromDayKey(outside)} is outside the ${calendar.exchange.code} calendar, which covers ${isoFromDayKey(calendar.first)} to ${isoFromDayKey(calendar.last)}`,
    );
  }
  const rows: CalendarDayRow[] = [];
  for (let d = from; d <= to; d++) {
    const session = calendar.isSession(d);
    if (!session && !tradingWeekday(calendar, d)) continue;
    const base = { date: isoFromDayKey(d), weekday: weekdayName(d), projected: calendar.isProjected(d) };
    if (!session) {
      rows.push({ ...base, status: "closed", open: "", close: "", break: "", note: calendar.closedReason(d) ?? "closed" });
      continue;
    }
    const br = calendar.lunchBreak(d);
    rows.push({
      ...base,
      status: "session",
      open: hhmm(calendar.sessionOpen(d)),
      close: hhmm(calendar.sessionClose(d)),
      break: br === undefined ? "" : `${hhmm(br[0])}-${hhmm(br[1])}`,
      note: calendar.earlyCloseName(d) ?? calendar.specialHoursName(d) ?? "",
    });
  }
  return rows;
}
