/**
 * The `market_session` column of a statements file (`pre-open`, `regular`, `after-close`, …):
 * when a statement has only a date, it says when in the trading day it came.
 *
 * A date-only statement on a trading day gets that day as day 0 (rule `date-only-same-day`).
 * On an exchange in the statement's own time zone, `market_session` refines it: `after-close`
 * moves day 0 to the next session (the market could not react that day); `pre-open` and
 * `regular` keep the day and say why. On an exchange in another time zone the column describes
 * a different market's day (a New York pre-open statement comes after Tokyo's close), so it
 * only travels as metadata; every output row carries it (`market_session`).
 * @module
 */
import type { AlignmentResult, AlignmentRow, TradingCalendar } from "../calendar/index.js";
import { plainAlignmentRow } from "../calendar/alignRow.js";
import { isoFromDayKey } from "../time/index.js";
import type { MarketEvent } from "../types.js";
import { checkArrayOf, checkObject, checkShape } from "../check.js";
import { CALENDAR } from "../shapes.js";

/**
 * The statement's `market_session` (an extra column of the statements file, or a field of a statement object), or `null`.
 * @example
 * ```ts
 * marketSessionOf(parseEventsCsv("id,timestamp,market_session\nE09,2025-03-26,after_close\n").events[0]!); // => "after_close"
 * ```
 */
export function marketSessionOf(event: MarketEvent): string | null {
  checkObject("marketSessionOf", "event", event);
  const e = event as MarketEvent & { readonly extra?: Readonly<Record<string, unknown>>; readonly market_session?: unknown };
  const v = e.extra?.market_session ?? e.market_session;
  return v === undefined || v === null || v === "" ? null : String(v);
}

/** `after-close`, `after_close`, `After close` … → `after-close`; the sessions this module acts on. */
function normalized(value: string): "pre-open" | "regular" | "after-close" | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (v === "pre-open" || v === "pre-market" || v === "premarket" || v === "before-open") return "pre-open";
  if (v === "regular" || v === "intraday" || v === "during-session") return "regular";
  if (v === "after-close" || v === "post-close" || v === "after-hours" || v === "post-market") return "after-close";
  return undefined;
}

/** One alignment row refined by its statement's `market_session` (see the module notes). */
function refine(row: AlignmentRow, calendar: TradingCalendar): AlignmentRow {
  if (row.rule !== "date-only-same-day" || row.event.timezone !== calendar.exchange.timezone) return row;
  const raw = marketSessionOf(row.event);
  const session = raw === null ? undefined : normalized(raw);
  if (session === undefined) return row;
  const day = row.day0_iso;
  if (session === "after-close") {
    const next = calendar.nextSession(row.day0);
    if (next === undefined) return row;
    return {
      ...plainAlignmentRow(row),
      session: "after-close",
      rule: "after-close-next",
      day0: next,
      day0_iso: isoFromDayKey(next),
      reason: `Date-only statement on ${day} marked after-close (market_session ${JSON.stringify(raw)}): the market could not react that day; day 0 is the next session, ${isoFromDayKey(next)}.`,
    };
  }
  return {
    ...plainAlignmentRow(row),
    session,
    rule: session === "pre-open" ? "pre-open-same-day" : "regular-same-day",
    reason: `Date-only statement on ${day} marked ${session} (market_session ${JSON.stringify(raw)}): day 0 is that session.`,
  };
}

/**
 * The alignment of date-only statements refined by their `market_session`, on an exchange in
 * the statements' own time zone; other rows unchanged.
 * @example
 * ```ts
 * const { events } = parseEventsCsv("id,timestamp,market_session\nE03,2025-02-03,after-close\nE05,2025-02-03,pre-open\n");
 * const rows = refineByMarketSession(alignEvents(events, "XNYS"), tradingCalendar("XNYS")).rows;
 * rows.map((r) => [r.id, r.day0_iso, r.rule]); // => [["E03", "2025-02-04", "after-close-next"], ["E05", "2025-02-03", "pre-open-same-day"]]
 * ```
 */
export function refineByMarketSession(result: AlignmentResult, calendar: TradingCalendar): AlignmentResult {
  checkShape("refineByMarketSession", "result", result, { rows: "array" });
  checkShape("refineByMarketSession", "calendar", calendar, CALENDAR);
  checkArrayOf("refineByMarketSession", "result.rows", result.rows, { event: "object" });
  if (!result.rows.some((r) => marketSessionOf(r.event) !== null)) return result;
  return { ...result, rows: result.rows.map((r) => refine(r, calendar)) };
}
