/**
 * `eventStudy`: the orchestrator that composes the pipeline for notebook users, as a list of
 * stages (each in `stages/`, a function of typed input to typed output):
 *
 * inputs → alignment (day 0 on each asset's exchange) → per asset: returns on its calendar →
 * pair planning (estimation sample, contamination handled) → estimation (model fit) → abnormal
 * returns with exact variances, CARs, BHARs, t and SQ tests → the clustered-statement family →
 * then cross-event tests over all pairs → assembly of the tidy tables.
 *
 * @module
 */
import { MarketReactionError, isMarketReactionError, type Warning } from "../errors.js";
import type { PlaceboResult } from "../inference/clustered/index.js";
import type { AlignmentRow } from "../calendar/index.js";
import type { BenchmarkMemo } from "../returns/align.js";
import { RegressorCache } from "../models/regressorCache.js";
import type { MarketEvent } from "../types.js";
import { resolveStudyOptions, type EventStudyOptions, type ResolvedStudyOptions } from "./options.js";
import type { PairResult } from "./pair.js";
import type { Study } from "./study.js";
import { type CarRecord, newCarRecord } from "../abnormal/car.js";
import { abnormalOfPair, eventWindowGaps, pairResult, type ComputedPair } from "./stages/abnormal.js";
import { alignStudy, type StudyAlignment } from "./stages/alignment.js";
import { assembleStudy, type StudyParts } from "./stages/assembly.js";
import { clusteredFamily, type ClusteredRegression } from "./stages/clustered.js";
import { StudyColumns } from "./stages/columns.js";
import { crossEventStage } from "./stages/crossEvent.js";
import { EstimationBuffers, estimatePairOrShortfall } from "./stages/estimation.js";
import { checkWindowsFitData } from "./stages/dataBounds.js";
import { studyInputs, type StudyInputs } from "./stages/inputs.js";
import { OverlapGroups, placeStatements, planPair, type PairPlan } from "./stages/plan.js";
import { assetReturns, type AssetReturns } from "./stages/returns.js";
import { SkipLog } from "./stages/skips.js";
import { benchmarkClock, lateListingStart, synchronizedReturns, withoutListingDuplicate } from "./realdata.js";
import { eventsByAsset } from "./eventsByAsset.js";
import { ASSET_SLOT, FAMILY_SLOT, type ShardHooks } from "./shards/hooks.js";

export type { PairResult } from "./pair.js";
export { estimationDaysOf, estimationOffsetsOf } from "./pair.js";
export { eventRow } from "./eventRows.js";

/**
 * Runs an event study: for every statement and every asset it applies to, day 0 on the asset's
 * exchange, a normal-return model fitted on the estimation window, abnormal returns with
 * their prediction-error variances, and CARs, BHARs and tests for each event window.
 *
 * ## Method
 * Timing follows docs/conventions.md (day 0 = first session whose close comes after the
 * statement, on the exchange's clock). Returns are computed on the asset's calendar; a
 * missing price never shifts day 0 and multi-session returns are left out. The model is fitted
 * on the complete cases of the estimation window (other statements' event windows removed
 * under `contamination: "exclude"`). Var(AR_τ) = s²(1 + x_τ′(X′X)⁻¹x_τ) and Var(CAR) = 1′V1
 * with the full covariance V = s²(I + X*(X′X)⁻¹X*′) (MacKinlay 1997); t statistics use
 * Student t with M − k degrees of freedom; the SQ test (Gelbach, Helland & Klick 2013) compares
 * each CAR with sums of consecutive estimation residuals.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 * - Campbell, Lo & MacKinlay (1997). The Econometrics of Financial Markets, ch. 4.
 * - Gelbach, Helland & Klick (2013). Valid inference in single-firm, single-event studies. ALER 15(2).
 * - Aktas, de Bodt & Cousin (2007). Event studies with a contaminated estimation period. JCF 13.
 *
 * @throws INVALID_OPTION at once for an option out of its domain (naming option, value and allowed values).
 * @throws INVALID_INPUT / NONEXISTENT_LOCAL_TIME for malformed statements (all listed).
 * @throws NO_VALID_EVENTS when no (asset, statement) pair could be studied (the reasons are in `issues`).
 * @throws any skip reason (INSUFFICIENT_ESTIMATION_DATA, SINGULAR_DESIGN, MISSING_RETURNS, …) with `strict: true`.
 * @example
 * ```ts
 * // synthetic daily returns: the S&P 500 gains 9.52% on 9 April 2025 (the 90-day tariff pause);
 * // XYZ has a beta of 1.5 and gains 4% more than that beta implies
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const pause = dayKeyFromIso("2025-04-09");
 * const spx: Series = { id: "SPX", kind: "return", days, values: Float64Array.from(days, (d, i) => (d === pause ? 0.0952 : 0.008 * Math.sin(i))) };
 * const xyz: Series = { id: "XYZ", kind: "return", days, values: spx.values.map((m, i) => 1.5 * m + 0.002 * Math.cos(3 * i) + (days[i] === pause ? 0.04 : 0)) };
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [xyz], market: spx, events, estimation: [-120, -11], windows: [[0, 0], [-1, 1]] });
 * study.models[0]!.beta; // => 1.500
 * study.car.map((r) => [r.window_start, r.window_end, r.car, r.t]); // => [[0, 0, 0.042, 15.4], [-1, 1, 0.038, 11.6]]
 * study.warnings.map((w) => w.code); // => ["HIGH_EVENT_VOLATILITY"]
 * ```
 */
export function eventStudy(options: EventStudyOptions): Study {
  const run = runStudy(options, undefined);
  return assembleStudy(run.parts, run.opts);
}

/** What the stages of a run computed, before assembly. @internal */
export interface StudyRun {
  readonly parts: StudyParts;
  readonly opts: ResolvedStudyOptions;
  readonly overlaps: OverlapGroups;
}

/**
 * The stages of {@link eventStudy} up to assembly. With `shard` (a shard of a study, see
 * `studyShard`), only the shard's assets or pairs are computed, the positions of warnings and
 * skipped rows are marked, and the cross-study steps (overlap warnings, cross-event tests) are
 * left to the merge.
 * @internal
 */
export function runStudy(options: EventStudyOptions, shard: ShardHooks | undefined): StudyRun {
  const { opts, inputs, skips, alignment } = studyPreamble(options);
  const warnings: Warning[] = [...alignment.warnings];
  // The per-pair objects (fit, abnormal returns, CARs) are kept only when the cross-event tests
  // need them; otherwise their numbers go to columns and `study.pairs` is rebuilt on first
  // access. Keeping 20,000 pairs' objects alive costs more (in garbage collection) than
  // computing them.
  const kept: PairResult[] | undefined = opts.tests !== undefined ? [] : undefined;
  const spanLength = Math.max(...opts.windows.map((w) => w[1])) - Math.min(...opts.windows.map((w) => w[0])) + 1;
  const columns = new StudyColumns(inputs.pairBound, spanLength, opts.windows.length, opts.sq);
  const buffers = new EstimationBuffers(kept !== undefined);
  // without kept pairs, each pair's CARs are written into the same records (read into the columns at once)
  const carRecords = kept === undefined ? opts.windows.map(() => newCarRecord()) : undefined;
  const overlaps = new OverlapGroups();
  const regressions: ClusteredRegression[] = [];
  let placebo: PlaceboResult | null = null;
  const memo: BenchmarkMemo = new Map(); // the benchmark mapped once per span of sessions
  const regressors = new RegressorCache(); // the market's side of the fits on those columns
  const clocks = benchmarkClock(options, inputs.market);
  const progress = options.onProgress;
  progress?.({ stage: "assets", done: 0, total: inputs.assets.length });
  const byAsset = inputs.byAsset ?? eventsByAsset(inputs.events);
  shard?.begin(warnings, skips.rows, columns.sources);
  inputs.assets.forEach((asset, done) => {
    if (shard !== undefined && !shard.takesAsset(done)) return;
    shard?.mark(done, ASSET_SLOT);
    if (done > 0) progress?.({ stage: "assets", done, total: inputs.assets.length });
    const calendar = alignment.calendarOf.get(asset.id)!;
    const aligned = alignment.rowsOf.get(calendar)!;
    const events = byAsset.of(asset.id).filter((e) => aligned.has(e.id));
    if (events.length === 0) return;
    const exchange = calendar.exchange.code;
    const day0s = events.map((e) => aligned.get(e.id)!.day0);
    const listed = lateListingStart(asset, calendar, day0s, opts, warnings);
    const raw = assetReturns(asset, inputs.market, inputs.factors, calendar, opts, memo, listed?.from, regressors);
    warnings.push(...withoutListingDuplicate(raw.warnings, listed));
    if (!raw.ok)
      return skips.skipAll(
        events.map((e) => e.id),
        asset.id,
        exchange,
        raw.error,
      );
    const { returns, opts: assetOpts } = synchronizedReturns(raw, asset.id, calendar, day0s, clocks, opts, warnings);
    const sinks = { opts: assetOpts, skips, overlaps, buffers, columns, kept, carRecords, warnings, shard, assetIndex: done };
    const studied = studyPairs(asset.id, exchange, returns, events, aligned, sinks);
    if (studied.length === 0) return;
    shard?.mark(done, FAMILY_SLOT);
    if (shard?.defersFamily(asset.id, returns.data, studied) === true) return;
    const family = clusteredFamily(asset.id, returns.data, returns.columns, studied, opts);
    warnings.push(...family.warnings);
    if (family.regression !== undefined) regressions.push(family.regression);
    if (family.placebo !== undefined) placebo = family.placebo;
  });
  progress?.({ stage: "assets", done: inputs.assets.length, total: inputs.assets.length });
  shard?.end();
  // a shard leaves the overlap warnings (which name the assets of a group) and the cross-event
  // tests (over all pairs) to the merge
  if (shard === undefined) warnings.push(...overlaps.warnings());
  const cross = shard === undefined ? crossEventStage(kept ?? [], opts, options.sameDay0 ?? "merge") : undefined;
  if (cross !== undefined) warnings.push(...cross.warnings);
  const parts: StudyParts = {
    inputs,
    calendars: alignment.calendarOf.values(),
    eventRows: alignment.eventRows,
    warnings,
    skipped: skips.rows,
    cols: columns.cols,
    sources: columns.sources,
    pairs: kept,
    regressions,
    placebo,
    aggregate: cross?.aggregate,
  };
  return { parts, opts, overlaps };
}

/** What a study knows before its first asset: the options resolved, the inputs checked, the statements aligned. @internal */
export interface StudyPreamble {
  readonly opts: ResolvedStudyOptions;
  readonly inputs: StudyInputs;
  readonly skips: SkipLog;
  readonly alignment: StudyAlignment;
}

/**
 * The stages of a study before its assets: options, inputs, alignment and the check that the
 * windows fit the data (every study-level error is thrown here).
 * @internal
 */
export function studyPreamble(options: EventStudyOptions): StudyPreamble {
  const opts = resolveStudyOptions(options);
  const inputs = studyInputs(options, opts);
  const skips = new SkipLog(opts.strict);
  const alignment = alignStudy(inputs.assets, inputs.events, options.exchange, opts, skips);
  checkWindowsFitData(inputs.assets, alignment.calendarOf, opts);
  return { opts, inputs, skips, alignment };
}

/** Where the pairs of an asset put their results. */
interface PairSinks {
  readonly opts: ResolvedStudyOptions;
  readonly skips: SkipLog;
  readonly overlaps: OverlapGroups;
  readonly buffers: EstimationBuffers;
  readonly columns: StudyColumns;
  /** The kept pairs, when the cross-event tests need them. */
  readonly kept: PairResult[] | undefined;
  /** One CAR record per window, written again by every pair, when no pair is kept. */
  readonly carRecords: readonly CarRecord[] | undefined;
  readonly warnings: Warning[];
  /** A shard's hooks (which pairs it computes, where each pair's warnings start). */
  readonly shard: ShardHooks | undefined;
  readonly assetIndex: number;
}

/**
 * The pairs of one asset, each through planning → estimation → abnormal returns → the result
 * columns; a pair that cannot be studied is skipped (with its reason) where it fails.
 * @returns the plans of the studied pairs.
 */
function studyPairs(
  assetId: string,
  exchange: string,
  returns: Extract<AssetReturns, { ok: true }>,
  events: readonly MarketEvent[],
  aligned: ReadonlyMap<string, AlignmentRow>,
  sinks: PairSinks,
): PairPlan[] {
  const { opts, skips, buffers, columns, kept } = sinks;
  const { data } = returns;
  const placed = placeStatements(assetId, exchange, data.days, events, aligned, skips);
  if (placed.length === 0) return [];
  const samples = sinks.overlaps.samplesFor(assetId, exchange, data.days, placed, opts);
  const studied: PairPlan[] = [];
  placed.forEach((p, i) => {
    if (sinks.shard !== undefined) {
      if (!sinks.shard.takesPair(sinks.assetIndex, p.id)) return;
      sinks.shard.mark(sinks.assetIndex, i);
    }
    const plan = planPair(assetId, p, data, returns.columns, samples.get(p.id), opts, opts.model);
    if (plan instanceof MarketReactionError) return skips.skip(p.id, assetId, exchange, plan.code, plan.message, plan);
    let computed: ComputedPair;
    try {
      const fit = estimatePairOrShortfall(plan, opts, buffers.take(plan.est.length, placed.length - i));
      if (typeof fit === "string") return skips.skip(p.id, assetId, exchange, "INSUFFICIENT_ESTIMATION_DATA", fit);
      computed = abnormalOfPair(plan, fit, opts, sinks.carRecords);
    } catch (error) {
      if (!isMarketReactionError(error)) throw error;
      return skips.skip(p.id, assetId, exchange, error.code, error.message, error);
    }
    buffers.commit(plan.est.length);
    const gaps = eventWindowGaps(plan, computed.ars);
    if (gaps.skip !== undefined) return skips.skip(p.id, assetId, exchange, "MISSING_RETURNS", gaps.skip);
    if (gaps.warning !== undefined) sinks.warnings.push(gaps.warning);
    kept?.push(pairResult(plan, computed));
    studied.push(plan);
    columns.add(plan, computed.fit, computed.ars, computed.cars);
  });
  return studied;
}
