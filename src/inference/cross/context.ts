/**
 * The per-call preparation of the cross-event tests: option checks, per-event quantities, the
 * estudy2 profile's feasibility, and the shared building blocks (portfolio, r̄, p̂, ranks, GRANK
 * SARs) that the requested tests declare they need, each computed once.
 * @module
 */
import { MarketReactionError } from "../../errors.js";
import { crossEventSchema } from "../../options/crossEvent.js";
import { checkOptions as checkSchema } from "../../options/schema.js";
import { averageResidualCorrelation } from "./correlation.js";
import type { CrossContext, CrossTestDescriptor, Need, Prepared } from "./descriptor.js";
import { averageByKey, type PooledScores, type ScoreTransform } from "./pooled.js";
import { rankAndPool, type RankableEvent, type RankPools } from "./ranks.js";
import { signProbabilityOf } from "./sign.js";
import { TEST_NAMES, type Conventions, type CrossEvent, type CrossEventOptions, type PAdjustMethod, type TestName } from "./types.js";
import { moments } from "./util.js";

function fail(message: string): never {
  throw new MarketReactionError("INVALID_INPUT", message, [{ message }]);
}

/** Checks the options; returns the tests in registry order, the profile and the adjustment. */
export function checkOptions(options: CrossEventOptions): { tests: TestName[]; conventions: Conventions; adjust: PAdjustMethod } {
  checkSchema(crossEventSchema, options);
  const t = options.tests ?? "all";
  const tests = t === "all" ? [...TEST_NAMES] : TEST_NAMES.filter((n) => t.includes(n));
  const conventions = options.conventions ?? "textbook";
  const adjust = options.adjust ?? "none";
  return { tests, conventions, adjust };
}

/** Per-event quantities; checks that the day arrays match the residuals and ARs. */
export function prepare(events: readonly CrossEvent[]): Prepared[] {
  return events.map((ev, i) => {
    const { fit, ars } = ev;
    const M = fit.residuals.length;
    if (ev.estimationDays.length !== M) fail(`events[${i}] (${ev.id}): estimationDays has ${ev.estimationDays.length} days for ${M} residuals`);
    if (ev.eventDays.length !== ars.length) fail(`events[${i}] (${ev.id}): eventDays has ${ev.eventDays.length} days for ${ars.length} abnormal returns`);
    if (ev.estimationOffsets !== undefined && ev.estimationOffsets.length !== M) {
      fail(`events[${i}] (${ev.id}): estimationOffsets has ${ev.estimationOffsets.length} values for ${M} residuals`);
    }
    let estOffsets = ev.estimationOffsets;
    if (estOffsets === undefined) {
      estOffsets = new Int32Array(M);
      for (let j = 0; j < M; j++) estOffsets[j] = ars.start - M + j;
    }
    const ms = moments(fit.residuals);
    return { ev, start: ars.start, length: ars.length, M, s2: fit.sigma2, s2sample: ms.sd * ms.sd, estOffsets };
  });
}

function sameDays(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A pair's statement id with its asset, when it has one. */
function pairName(ev: CrossEvent): string {
  return `${ev.id} (${ev.asset})`;
}

/** True when one of x[0 … n) is NaN. */
function hasNaN(x: ArrayLike<number>, n: number): boolean {
  for (let j = 0; j < n; j++) if (Number.isNaN(x[j]!)) return true;
  return false;
}

/** Why the estudy2 profile cannot be reproduced exactly on these events (undefined = it can). */
export function estudy2Obstacle(prep: readonly Prepared[]): string | undefined {
  const first = prep[0]!;
  for (const p of prep) {
    const { ar, variance, length } = p.ev.ars;
    if (hasNaN(ar, length) || hasNaN(variance, length)) return `event ${p.ev.id} has a missing abnormal return`;
    if (hasNaN(p.ev.fit.residuals, p.M)) return `event ${p.ev.id} has a missing estimation residual`;
    if (p.start !== first.start || p.length !== first.length || !sameDays(p.ev.eventDays, first.ev.eventDays)) {
      return `events ${first.ev.id} and ${p.ev.id} do not share the same event-window dates`;
    }
    if (!sameDays(p.ev.estimationDays, first.ev.estimationDays)) {
      return `events ${pairName(first.ev)} and ${pairName(p.ev)} do not share the same estimation dates (${first.ev.estimationDays.length} and ${p.ev.estimationDays.length} observations)`;
    }
  }
  return undefined;
}

/** The offsets covered by the event spans. */
export function spanRange(prep: readonly Prepared[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of prep) {
    lo = Math.min(lo, p.start);
    hi = Math.max(hi, p.start + p.length - 1);
  }
  return { lo, hi };
}

/** The events as the rank kernel reads them: calendar keys (estudy2) or event-time keys. */
function rankable(prep: readonly Prepared[], e2: boolean): RankableEvent[] {
  return prep.map((p) => {
    let spanKeys: ArrayLike<number> = p.ev.eventDays;
    if (!e2) {
      const k = new Int32Array(p.length);
      for (let j = 0; j < p.length; j++) k[j] = p.start + j;
      spanKeys = k;
    }
    return { estValues: p.ev.fit.residuals, estKeys: e2 ? p.ev.estimationDays : p.estOffsets, spanValues: p.ev.ars.ar, spanKeys, start: p.start };
  });
}

/** Shared building blocks plus a cache of ranked samples (by window) with their pooled scores. */
export interface ContextWithRanks extends CrossContext {
  /** Ranks over estimation + the span offsets from..to (cached by range). */
  ranksFor(from: number, to: number): RankPools;
}

/** Builds the context: only the blocks some requested test needs are computed. */
export function buildContext(prep: readonly Prepared[], tests: readonly CrossTestDescriptor[], e2: boolean): ContextWithRanks {
  const need = new Set<Need>(tests.flatMap((d) => d.needs));
  const N = prep.length;
  const { lo, hi } = spanRange(prep);
  const events = need.has("ranks") ? rankable(prep, e2) : [];
  const sampleCache = new Map<string, RankPools>();
  const ranksFor = (from: number, to: number): RankPools => {
    const key = `${Math.max(from, lo)},${Math.min(to, hi)}`;
    let r = sampleCache.get(key);
    if (r === undefined) sampleCache.set(key, (r = rankAndPool(events, from, to)));
    return r;
  };
  const pool = (r: RankPools, t: ScoreTransform): PooledScores => r[t];
  return {
    prep,
    N,
    e2,
    Lbar: prep.reduce((a, p) => a + p.M, 0) / N,
    dfTb: prep.map((p) => p.ev.fit.df),
    dfE2: prep.map((p) => p.M - 2),
    portfolio: need.has("portfolio")
      ? averageByKey(prep.map((p) => ({ keys: e2 ? p.ev.estimationDays : p.estOffsets, values: p.ev.fit.residuals })))
      : new Float64Array(0),
    rbar: need.has("rbar") ? averageResidualCorrelation(prep.map((p) => ({ days: p.ev.estimationDays, values: p.ev.fit.residuals }))).rbar : Number.NaN,
    pHat: need.has("pHat")
      ? signProbabilityOf(
          prep.map((p) => p.ev.fit.residuals),
          e2 ? "pooled" : "mean",
        )
      : Number.NaN,
    grankEst: need.has("grank") ? prep.map((p) => ({ keys: p.estOffsets, values: standardized(p.ev.fit.residuals, p.ev.fit.sigma2) })) : [],
    spanRanks: need.has("ranks") ? ranksFor(lo, hi) : undefined,
    first: prep[0]!,
    pool,
    ranksFor,
  };
}

function standardized(residuals: ArrayLike<number>, sigma2: number): Float64Array {
  const s = Math.sqrt(sigma2);
  const out = new Float64Array(residuals.length);
  for (let j = 0; j < residuals.length; j++) out[j] = residuals[j]! / s;
  return out;
}
