/**
 * Late listings: estimation windows that start before an asset's first observation.
 *
 * The estimation window is counted on the exchange's sessions, not on the asset's rows: the
 * sessions before the first observation are missing data, like any other missing return. A
 * pair is fitted when at least `minEstimationObs` complete cases remain (its `n` is reported
 * in the models table) and skipped with `INSUFFICIENT_ESTIMATION_DATA` otherwise. This is what
 * estudy2 and EventStudyTools do with a stock listed inside the estimation window.
 *
 * @module
 */
import { normalizeWindows, type EstimationLength, type TradingCalendar } from "../calendar/index.js";
import type { Warning } from "../errors.js";
import { isoFromDayKey, lowerBound } from "../time/index.js";
import type { DayKey, Series, Window } from "../types.js";
import { checkArray, checkNumbers, checkShape } from "../check.js";
import { CALENDAR, SERIES } from "../shapes.js";

/** Where an asset's aligned returns must start so that every estimation window is on the exchange's sessions. */
export interface ListingStart {
  /** First session of the aligned returns (passed as `from`). */
  readonly from: DayKey;
  /** The asset's first observation on the calendar. */
  readonly firstObservation: DayKey;
  /** Sessions between `from` and the first observation (missing data). */
  readonly preListing: number;
}

/**
 * The session the asset's returns must start on for the earliest statement's estimation
 * window, when that is before the asset's first observation; `undefined` when the data
 * already reach back far enough (or there is no estimation window, or no statement).
 * The start is clamped to the calendar's first session (a window reaching further back is
 * then skipped with the usual reason).
 * @example
 * ```ts
 * // a stock listed on 1 April 2025 (first return on 2 April), a statement on 9 April 2025,
 * // estimation [-20, -3]: the 15 sessions from 12 March to 1 April count as missing
 * const days = nyseTradingDays(dayKeyFromIso("2025-04-01"), dayKeyFromIso("2025-04-17"));
 * const asset: Series = { id: "NEW", kind: "price", days, values: Float64Array.from(days, (_, i) => 10 + i) };
 * const s = listingStart(tradingCalendar("XNYS"), asset, [dayKeyFromIso("2025-04-09")], [-20, -3])!;
 * [isoFromDayKey(s.from), isoFromDayKey(s.firstObservation), s.preListing]; // => ["2025-03-12", "2025-04-02", 15]
 * ```
 */
export function listingStart(
  calendar: TradingCalendar,
  asset: Series,
  day0s: readonly DayKey[],
  estimation: Window | EstimationLength | undefined,
  windows: readonly Window[] = [[0, 0]],
): ListingStart | undefined {
  checkShape("listingStart", "calendar", calendar, CALENDAR);
  checkShape("listingStart", "asset", asset, SERIES);
  checkNumbers("listingStart", "day0s", day0s);
  checkArray("listingStart", "windows", windows);
  if (estimation === undefined || day0s.length === 0) return undefined;
  const norm = normalizeWindows({ estimation, windows });
  const e = norm.estimation;
  if (e === undefined) return undefined;
  let first = Number.POSITIVE_INFINITY;
  for (let j = 0; j < asset.days.length; j++) {
    if (Number.isFinite(asset.values[j]!)) {
      first = asset.days[j]!;
      break;
    }
  }
  if (!Number.isFinite(first)) return undefined;
  const cdays = calendar.days;
  // statements before the first observation are skipped as out of range, not fitted
  const placed = day0s.filter((d) => d >= first);
  if (placed.length === 0) return undefined;
  const earliest = Math.min(...placed);
  const i0 = lowerBound(cdays, earliest);
  if (cdays[i0] !== earliest) return undefined;
  const fromIndex = Math.max(0, i0 + Math.min(e[0], norm.eventSpan[0]));
  const firstIndex = lowerBound(cdays, first);
  // a price series' first row gives no return: its first return is the next session's
  // (a level series is differenced like prices: its first change is the next session's too)
  const firstReturnIndex = asset.kind !== "return" ? firstIndex + 1 : firstIndex;
  if (fromIndex >= firstReturnIndex || firstIndex >= cdays.length) return undefined;
  return { from: cdays[fromIndex]!, firstObservation: cdays[Math.min(firstReturnIndex, cdays.length - 1)]!, preListing: firstReturnIndex - fromIndex };
}

/**
 * `LATE_LISTING`: one line per asset whose first return comes after the start of an
 * estimation window; the sessions before it count as missing.
 */
export function lateListingWarning(asset: string, exchange: string, start: ListingStart, minObs: string): Warning {
  return {
    code: "LATE_LISTING",
    message: `${asset}: first return on ${isoFromDayKey(start.firstObservation)}, after the start of the earliest estimation window (${isoFromDayKey(start.from)}): the ${start.preListing} ${exchange} sessions before it count as missing returns; each statement is fitted on the observations available when at least ${minObs} remain (n in the models table) and skipped with the reason otherwise`,
    asset,
    exchange,
  };
}
