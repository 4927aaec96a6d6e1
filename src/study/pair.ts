/**
 * One studied (asset, statement) pair as building blocks, and the calendar views of its
 * estimation sample that the cross-event tests pool by.
 * @module
 */
import type { AbnormalReturns, CarResult } from "../abnormal/index.js";
import type { ModelFit } from "../models/index.js";
import { checkShape } from "../check.js";

/** Everything computed for one (asset, statement) pair: the building blocks, for power users. */
export interface PairResult {
  readonly eventId: string;
  readonly asset: string;
  readonly day0Index: number;
  readonly fit: ModelFit;
  readonly ars: AbnormalReturns;
  readonly cars: readonly CarResult[];
  /** The asset's session days (day keys); `fit.used` indexes into them. */
  readonly days: Int32Array;
  /** Session days (day keys) of the event-window span (`ars`). */
  readonly eventDays: Int32Array;
}

/**
 * Calendar days of a pair's estimation observations (`fit.used` mapped through its sessions).
 * @example
 * ```ts
 * // S&P 500 daily returns (synthetic, with the +9.52% of 9 April 2025), constant-mean model
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d, i) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(i)));
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const pair = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -11] }).pairs[0]!;
 * const estimationDays = Array.from(estimationDaysOf(pair), isoFromDayKey);
 * [estimationDays.length, estimationDays[0], estimationDays[49]]; // => [50, "2025-01-13", "2025-03-25"]
 * ```
 */
export function estimationDaysOf(pair: PairResult): Int32Array {
  checkPair("estimationDaysOf", pair);
  const out = new Int32Array(pair.fit.used.length);
  for (let j = 0; j < out.length; j++) out[j] = pair.days[pair.fit.used[j]!]!;
  return out;
}

/**
 * Session offsets from day 0 of a pair's estimation observations (e.g. −250 … −11, with the
 * gaps of excluded or missing sessions): the cross-event tests pool residuals in event time by them.
 * @example
 * ```ts
 * // S&P 500 daily returns (synthetic, with the +9.52% of 9 April 2025), one missing on 4 March
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d, i) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(i)));
 * values[days.indexOf(dayKeyFromIso("2025-03-04"))] = NaN;
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const pair = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -11] }).pairs[0]!;
 * estimationOffsetsOf(pair); // => Int32Array [-60, -59, -58, …]
 * estimationOffsetsOf(pair).slice(32, 36); // => Int32Array [-28, -27, -25, -24] (no return at −26, 4 March)
 * ```
 */
export function estimationOffsetsOf(pair: PairResult): Int32Array {
  checkPair("estimationOffsetsOf", pair);
  const out = new Int32Array(pair.fit.used.length);
  for (let j = 0; j < out.length; j++) out[j] = pair.fit.used[j]! - pair.day0Index;
  return out;
}

/** Throws unless `pair` has the fields the estimation-sample helpers read. */
function checkPair(fn: string, pair: unknown): asserts pair is PairResult {
  checkShape(fn, "pair", pair, { days: "numbers", day0Index: "integer", fit: "object" });
  checkShape(fn, "pair.fit", (pair as PairResult).fit, { used: "numbers" });
}
