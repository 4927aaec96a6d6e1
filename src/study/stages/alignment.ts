/**
 * Stage 2 of `eventStudy`, alignment: the calendar of each asset and day 0 of every statement on
 * it, computed once per calendar.
 * @module
 */
import { refineByMarketSession } from "../marketSession.js";
import { alignEvents, isTradingCalendar, tradingCalendar, type AlignmentRow, type ExchangeInput, type TradingCalendar } from "../../calendar/index.js";
import type { Warning } from "../../errors.js";
import type { MarketEvent, Series } from "../../types.js";
import { eventRow } from "../eventRows.js";
import type { EventStudyOptions } from "../options.js";
import type { EventRow } from "../rows.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { SkipLog } from "./skips.js";
import { projectedWarning } from "../../calendar/dataCheck.js";
import { sessionsWithData } from "./sessions.js";

/** The exchange of an asset the `exchange` option does not name. */
export const DEFAULT_EXCHANGE = "XNYS";

/** The statements placed on the calendar of each asset. */
export interface StudyAlignment {
  /** The calendar of each asset, by asset id (in the order of the assets). */
  readonly calendarOf: ReadonlyMap<string, TradingCalendar>;
  /** The alignment rows of each calendar, by statement id (statements that could not be placed are absent). */
  readonly rowsOf: ReadonlyMap<TradingCalendar, ReadonlyMap<string, AlignmentRow>>;
  /** The `events` table: one row per statement and calendar. */
  readonly eventRows: readonly EventRow[];
  readonly warnings: readonly Warning[];
}

/**
 * Aligns the statements on each asset's calendar (each distinct calendar once); statements that
 * cannot be placed go to the skip log with no asset.
 */
export function alignStudy(
  assets: readonly Series[],
  events: readonly MarketEvent[],
  exchange: EventStudyOptions["exchange"],
  opts: Pick<ResolvedStudyOptions, "nonTrading">,
  skips: SkipLog,
): StudyAlignment {
  const calendars = new Map<unknown, TradingCalendar>();
  const rowsOf = new Map<TradingCalendar, Map<string, AlignmentRow>>();
  const calendarOf = new Map<string, TradingCalendar>();
  const eventRows: EventRow[] = [];
  const warnings: Warning[] = [];
  for (const a of assets) calendarOf.set(a.id, calendarFor(exchange, a.id, calendars));
  sessionsWithData(assets, calendarOf, warnings);
  for (const a of assets) {
    const cal = calendarOf.get(a.id)!;
    if (rowsOf.has(cal)) continue;
    const result = refineByMarketSession(alignEvents(events, cal, { nonTrading: opts.nonTrading }), cal);
    warnings.push(...result.warnings);
    const projected = projectedWarning(
      cal,
      result.rows.map((r) => r.day0),
    );
    if (projected !== undefined) warnings.push(projected);
    const byId = new Map<string, AlignmentRow>();
    for (const row of result.rows) {
      byId.set(row.id, row);
      eventRows.push(eventRow(row));
    }
    for (const s of result.skipped) skips.unplaced(s.id, s.exchange, s.code, s.reason);
    rowsOf.set(cal, byId);
  }
  return { calendarOf, rowsOf, eventRows, warnings };
}

function isExchangeObject(value: object): boolean {
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.timezone === "string";
}

/** The calendar an asset trades on (built once per exchange: `cache`). */
export function calendarFor(exchange: EventStudyOptions["exchange"], asset: string, cache: Map<unknown, TradingCalendar>): TradingCalendar {
  let input: ExchangeInput = DEFAULT_EXCHANGE;
  if (exchange !== undefined) {
    if (typeof exchange === "string" || isTradingCalendar(exchange) || isExchangeObject(exchange)) input = exchange as ExchangeInput;
    else input = (exchange as Readonly<Record<string, ExchangeInput>>)[asset] ?? DEFAULT_EXCHANGE;
  }
  if (isTradingCalendar(input)) return input;
  const key = typeof input === "string" ? input.toUpperCase() : input;
  let cal = cache.get(key);
  if (cal === undefined) {
    cal = tradingCalendar(input);
    cache.set(key, cal);
  }
  return cal;
}
