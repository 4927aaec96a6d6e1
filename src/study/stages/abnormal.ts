/**
 * Stage 6 of `eventStudy`, abnormal returns: a fitted pair's abnormal returns over the span of
 * its event windows, with their prediction-error variances, and its CARs and BHARs.
 * @module
 */
import type { AbnormalReturns, CarResult } from "../../abnormal/index.js";
import { abnormalReturnsOf } from "../../abnormal/abnormal.js";
import { type CarRecord, carsOf } from "../../abnormal/car.js";
import type { Warning } from "../../errors.js";
import type { ModelFit } from "../../models/index.js";
import { predictColumns } from "../../models/model.js";
import { isoFromDayKey } from "../../time/index.js";
import type { PairResult } from "../pair.js";
import type { ResolvedStudyOptions } from "../options.js";
import { estimatePair, type PairBuffers } from "./estimation.js";
import type { PairPlan } from "./plan.js";

/** The abnormal returns and CARs of a fitted pair. */
export interface PairAbnormal {
  readonly ars: AbnormalReturns;
  readonly cars: readonly CarResult[];
}

/** A pair's fit, abnormal returns and CARs. */
export interface ComputedPair extends PairAbnormal {
  readonly fit: ModelFit;
}

/**
 * Abnormal returns over the event-window span of a fitted pair and the CARs of each event window,
 * with the fit. With `carRecords` (one per window) the CARs are written into them, for a caller
 * that reads them before the next pair.
 */
export function abnormalOfPair(
  plan: PairPlan,
  fit: ModelFit,
  opts: Pick<ResolvedStudyOptions, "returnType" | "windows">,
  carRecords?: readonly CarRecord[],
): ComputedPair {
  const spanIdx = new Int32Array(plan.spanEnd - plan.spanStart);
  for (let i = 0; i < spanIdx.length; i++) spanIdx[i] = plan.spanStart + i;
  const prediction = predictColumns(fit, plan.columns, spanIdx);
  const actual = plan.data.asset.subarray(plan.spanStart, plan.spanEnd);
  // the plan's span covers every window and the prediction covers the span: nothing to check
  const ars = abnormalReturnsOf(fit, prediction, actual, plan.spanStart - plan.day0Index, opts.returnType);
  return new Computed(fit, ars, carsOf(ars, opts.windows, carRecords));
}

/**
 * A computed pair, made by a constructor: not an object literal, whose objects V8 would learn to
 * allocate in the old generation from studies that keep their pairs (the cross-event tests), and
 * then put there for the studies after them that drop each pair at once (as `MarketModelFit` in
 * `src/models/marketModel.ts`); nor a spread of the abnormal returns, which went through V8's slow
 * object-cloning path.
 */
class Computed implements ComputedPair {
  declare readonly fit: ModelFit;
  declare readonly ars: AbnormalReturns;
  declare readonly cars: readonly CarResult[];
  constructor(fit: ModelFit, ars: AbnormalReturns, cars: readonly CarResult[]) {
    this.fit = fit;
    this.ars = ars;
    this.cars = cars;
  }
}

/**
 * Fit, abnormal returns and CARs of one pair (estimation then abnormal returns).
 * @throws MarketReactionError when the pair cannot be studied (too few observations, singular design).
 */
export function computePair(plan: PairPlan, opts: ResolvedStudyOptions, buffers: PairBuffers): ComputedPair {
  const fit = estimatePair(plan, opts, buffers);
  return abnormalOfPair(plan, fit, opts);
}

/**
 * What missing returns in the event windows mean for a pair: nothing; a `MISSING_EVENT_RETURNS`
 * warning when some abnormal returns are missing; or a skip reason when all are.
 */
export function eventWindowGaps(plan: PairPlan, ars: AbnormalReturns): { readonly skip?: string; readonly warning?: Warning } {
  let missing = 0;
  for (let i = 0; i < ars.ar.length; i++) if (Number.isNaN(ars.ar[i]!)) missing++;
  if (missing === ars.ar.length) {
    const days = plan.data.days;
    return {
      skip: `no abnormal return can be computed in the event windows (${isoFromDayKey(days[plan.spanStart]!)} to ${isoFromDayKey(days[plan.spanEnd - 1]!)}): returns missing`,
    };
  }
  if (missing === 0) return {};
  return {
    warning: {
      code: "MISSING_EVENT_RETURNS",
      message: `event ${plan.eventId}, asset ${plan.asset}: ${missing} of ${ars.ar.length} event-window sessions have no abnormal return; CARs over them are null`,
      event_id: plan.eventId,
      asset: plan.asset,
    },
  };
}

/** The building blocks of a pair as `study.pairs` shows them. */
export function pairResult(plan: PairPlan, c: ComputedPair): PairResult {
  const days = plan.data.days;
  // calendar days of the estimation and event sessions: the cross-event tests pool by date
  // (views into the asset's session days, no copy; `fit.used` maps into them)
  return {
    eventId: plan.eventId,
    asset: plan.asset,
    day0Index: plan.day0Index,
    fit: c.fit,
    ars: c.ars,
    cars: c.cars,
    days,
    eventDays: days.subarray(plan.spanStart, plan.spanEnd),
  };
}
