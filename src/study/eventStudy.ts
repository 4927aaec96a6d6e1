/**
 * `eventStudy`: the orchestrator that composes the pipeline for notebook users.
 *
 * statements → day 0 on each asset's exchange → returns on that calendar → estimation sample
 * (contamination handled) → model fit → abnormal returns with exact variances → CARs, BHARs,
 * t and SQ tests → tidy tables.
 *
 * @module
 */
import { abnormalReturns, cumulativeAbnormalReturns, type AbnormalReturns, type CarResult } from "../abnormal/index.js";
import {
  alignEvents,
  checkOverlaps,
  isTradingCalendar,
  resolveWindows,
  tradingCalendar,
  type AlignmentRow,
  type EstimationSample,
  type ExchangeInput,
  type TradingCalendar,
} from "../calendar/index.js";
import { MarketReactionError, invalidOption, isMarketReactionError, throwIfIssues, type ErrorCode, type Issue, type Warning } from "../errors.js";
import { sqTestsOfFit } from "../inference/single.js";
import { dummyRegression, placeboTest, volatilityCheck, type PlaceboResult } from "../inference/clustered/index.js";
import { crossEventTests, type DailyRow, type WindowRow } from "../inference/cross/index.js";
import { modelLabel, type ModelFit, type ModelSpec } from "../models/index.js";
import { fitColumns, predictColumns } from "../models/model.js";
import { estimationIndicesOf } from "../models/sample.js";
import { modelColumns, type ModelColumns } from "../models/spec.js";
import type { AlignedReturns } from "../returns/index.js";
import { alignReturnsWith, type BenchmarkMemo } from "../returns/align.js";
import { studyProvenance } from "../output/provenance.js";
import { isoFromDayKey } from "../time/index.js";
import type { MarketEvent, Series, Window } from "../types.js";
import { eventsByAsset } from "./eventsByAsset.js";
import { modelNeedsMarket, resolveStudyOptions, type EventStudyOptions, type ResolvedStudyOptions } from "./options.js";
import {
  Study,
  type LazyTables,
  type AbnormalRow,
  type CarRow,
  type EventRow,
  type EventMetadata,
  type ModelRow,
  type SkippedRow,
  type StudyRegressionCarRow,
  type StudyRegressionRow,
  type StudyWaldRow,
} from "./study.js";
import { checkObject } from "../check.js";

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

const DEFAULT_EXCHANGE = "XNYS";

function metadataOf(event: MarketEvent): EventMetadata {
  return {
    label: event.label ?? null,
    speaker: event.speaker ?? null,
    role: event.role ?? null,
    venue: event.venue ?? null,
    source: event.source ?? null,
    group: event.group ?? null,
  };
}

function isExchangeObject(value: object): boolean {
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.timezone === "string";
}

/** The calendar each asset trades on. */
function calendarFor(exchange: EventStudyOptions["exchange"], asset: string, cache: Map<unknown, TradingCalendar>): TradingCalendar {
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

function assetList(assets: EventStudyOptions["assets"]): readonly Series[] {
  if (Array.isArray(assets)) return assets as readonly Series[];
  if (typeof assets === "object" && assets !== null && Array.isArray((assets as { series?: unknown }).series)) {
    return (assets as { series: readonly Series[] }).series;
  }
  return invalidOption("assets", assets, "an array of series or a SeriesTable");
}

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
  const opts = resolveStudyOptions(options);
  const all = assetList(options.assets);
  if (!Array.isArray(options.events)) invalidOption("events", options.events, "an array of statements (MarketEvent)");

  let market: Series | undefined;
  let assets: readonly Series[] = all;
  if (typeof options.market === "string") {
    market = all.find((s) => s.id === options.market);
    if (market === undefined) invalidOption("market", options.market, `the id of one of the assets (${all.map((s) => s.id).join(", ")}) or a Series`);
    assets = all.filter((s) => s !== market);
  } else if (options.market !== undefined) {
    market = options.market;
  }
  if (assets.length === 0) invalidOption("assets", options.assets, "at least one series besides the market");
  const ids = new Set<string>();
  for (const s of assets) {
    if (ids.has(s.id)) invalidOption("assets", s.id, "series with distinct ids");
    ids.add(s.id);
  }
  if (modelNeedsMarket(opts.model) && market === undefined) {
    invalidOption("market", undefined, `a benchmark series for the ${modelLabel(opts.model)} model (or choose model "constant-mean")`);
  }
  if (opts.model.type === "factors" && options.factors === undefined) {
    invalidOption("factors", undefined, `a factor table for the ${modelLabel(opts.model)} model`);
  }
  if (opts.placebo !== undefined && assets.length !== 1) {
    invalidOption("placebo", opts.placebo, `a study of one series (this one has ${assets.length}: placebo dates are drawn from one series' own history)`);
  }
  // statements: objects with distinct ids (every problem listed at once); the alignment checks
  // timestamps and zones
  const eventIssues: Issue[] = [];
  const seenIds = new Map<string, number>();
  options.events.forEach((e: unknown, i) => {
    const row = i + 1;
    if (typeof e !== "object" || e === null) {
      eventIssues.push({ row, message: `not a statement object: ${e === null ? "null" : typeof e}` });
      return;
    }
    const { id, asset } = e as { id?: unknown; asset?: unknown };
    if (typeof id !== "string" || id === "") {
      eventIssues.push({ row, column: "id", message: "missing statement id" });
      return;
    }
    const first = seenIds.get(id);
    if (first !== undefined) eventIssues.push({ row, column: "id", message: `duplicate statement id ${JSON.stringify(id)} (first at row ${first})` });
    else seenIds.set(id, row);
    if (asset !== undefined && (typeof asset !== "string" || !ids.has(asset))) {
      eventIssues.push({ row, column: "asset", message: `statement ${id}: asset ${JSON.stringify(asset)} is not one of the studied assets (${[...ids].join(", ")})` });
    }
  });
  throwIfIssues(eventIssues, "eventStudy: invalid statements");

  const warnings: Warning[] = [];
  const skipped: SkippedRow[] = [];
  const eventRows: EventRow[] = [];
  const pairs: PairResult[] = [];
  const regressionRows: StudyRegressionRow[] = [];
  const regressionCars: StudyRegressionCarRow[] = [];
  const waldRows: StudyWaldRow[] = [];
  let placebo: PlaceboResult | null = null;
  const regressionInfo: Record<string, unknown>[] = [];
  const overlapGroups = new Map<string, { warnings: readonly Warning[]; samples: Map<string, EstimationSample>; assets: string[] }>();
  let sqScratch = new Float64Array(0); // reused by every SQ test (no allocation per window)
  let sqOut = new Float64Array(3 * opts.windows.length);
  // The per-pair objects (fit, abnormal returns, CARs) are kept only when the cross-event
  // tests need them; otherwise their numbers go to columns and `study.pairs` is rebuilt on
  // first access. Keeping 20,000 pairs' objects alive costs more (in garbage collection) than
  // computing them.
  const keepPairs = opts.tests !== undefined;
  let scratch: PairBuffers = { indices: new Int32Array(0), residuals: new Float64Array(0), used: 0 };
  // column capacity: every (asset, statement) pair that could be studied, sized once
  const byAsset = eventsByAsset(options.events);
  let pairBound = 0;
  for (const a of assets) pairBound += byAsset.of(a.id).length;
  const spanLength = Math.max(...opts.windows.map((w) => w[1])) - Math.min(...opts.windows.map((w) => w[0])) + 1;
  const cols = newColumns(pairBound * spanLength, pairBound * opts.windows.length, pairBound * 4);
  /** One per studied pair, in row order. */
  const sources: RowSource[] = [];
  const isoCache = new Map<number, string>();
  const iso = (day: number): string => {
    let text = isoCache.get(day);
    if (text === undefined) {
      text = isoFromDayKey(day);
      isoCache.set(day, text);
    }
    return text;
  };

  // 1. Alignment, once per calendar
  const calendars = new Map<unknown, TradingCalendar>();
  const alignments = new Map<TradingCalendar, Map<string, AlignmentRow>>();
  const assetCalendar = new Map<string, TradingCalendar>();
  for (const a of assets) {
    const cal = calendarFor(options.exchange, a.id, calendars);
    assetCalendar.set(a.id, cal);
    if (alignments.has(cal)) continue;
    const result = alignEvents(options.events, cal, { nonTrading: opts.nonTrading });
    warnings.push(...result.warnings);
    const byId = new Map<string, AlignmentRow>();
    for (const row of result.rows) {
      byId.set(row.id, row);
      eventRows.push(eventRow(row));
    }
    for (const s of result.skipped) {
      skipped.push({ event_id: s.id, asset: null, exchange: s.exchange, code: s.code, reason: s.reason });
    }
    alignments.set(cal, byId);
  }

  const skip = (eventId: string, asset: string, exchange: string, code: ErrorCode | string, reason: string, cause?: unknown): void => {
    if (opts.strict) {
      if (isMarketReactionError(cause)) throw cause;
      throw new MarketReactionError(code as ErrorCode, `event ${eventId}, asset ${asset}: ${reason}`);
    }
    skipped.push({ event_id: eventId, asset, exchange, code, reason });
  };

  // 2. Per asset: returns on its calendar (the benchmark mapped once per span of sessions), then each statement
  const benchmarkMemo: BenchmarkMemo = new Map();
  const progress = options.onProgress;
  let assetsDone = 0;
  progress?.({ stage: "assets", done: 0, total: assets.length });
  for (const asset of assets) {
    if (assetsDone > 0) progress?.({ stage: "assets", done: assetsDone, total: assets.length });
    assetsDone++;
    const cal = assetCalendar.get(asset.id)!;
    const exchange = cal.exchange.code;
    const aligned = alignments.get(cal)!;
    const events = byAsset.of(asset.id).filter((e) => aligned.has(e.id));
    if (events.length === 0) continue;
    let data: AlignedReturns;
    try {
      data = alignReturnsWith({
        asset,
        ...(market !== undefined && modelNeedsMarket(opts.model) ? { market } : {}),
        ...(options.factors !== undefined && opts.model.type === "factors" ? { factors: options.factors } : {}),
        calendar: cal,
        returnType: opts.returnType,
      }, benchmarkMemo);
    } catch (error) {
      if (!isMarketReactionError(error) || opts.strict) throw error;
      for (const e of events) skip(e.id, asset.id, exchange, error.code, error.message, error);
      continue;
    }
    warnings.push(...data.warnings);
    const thin = thinTradingWarning(asset.id, exchange, data.asset);
    if (thin !== undefined) warnings.push(thin);
    let columns: ModelColumns;
    try {
      columns = modelColumns(opts.model, data); // resolved and checked once per asset
    } catch (error) {
      if (!isMarketReactionError(error) || opts.strict) throw error;
      for (const e of events) skip(e.id, asset.id, exchange, error.code, error.message, error);
      continue;
    }
    studyAsset(asset.id, exchange, data, columns, events, aligned);
  }
  progress?.({ stage: "assets", done: assets.length, total: assets.length });

  function studyAsset(
    assetId: string,
    exchange: string,
    data: AlignedReturns,
    columns: ModelColumns,
    events: readonly MarketEvent[],
    aligned: Map<string, AlignmentRow>,
  ): void {
    const days = data.days;
    const first = days[0];
    const last = days[days.length - 1];
    const placed: { id: string; day0: number; asset: string; event: MarketEvent }[] = [];
    for (const e of events) {
      const day0 = aligned.get(e.id)!.day0;
      if (first === undefined || last === undefined || day0 < first || day0 > last) {
        const span = first === undefined ? "no sessions" : `${isoFromDayKey(first)} to ${isoFromDayKey(last!)}`;
        skip(e.id, assetId, exchange, "DATE_OUT_OF_RANGE", `day 0 ${isoFromDayKey(day0)} is outside the returns of ${assetId} (${span})`);
        continue;
      }
      placed.push({ id: e.id, day0, asset: assetId, event: e });
    }
    if (placed.length === 0) return;
    const spec = { estimation: opts.estimation, windows: opts.windows };
    // Overlaps depend only on the sessions and the statements: assets on the same sessions
    // with the same statements share one check (and one set of warnings naming them all).
    const key = `${exchange}|${first}|${days.length}|${placed.map((p) => p.id).join("\u0000")}`;
    let group = overlapGroups.get(key);
    if (group === undefined) {
      const result = checkOverlaps(placed.map((p) => ({ id: p.id, day0: p.day0, asset: null })), days, spec, { contamination: opts.contamination });
      group = { warnings: result.warnings, samples: new Map(result.samples.map((s) => [s.event_id, s])), assets: [] };
      overlapGroups.set(key, group);
    }
    group.assets.push(assetId);
    const samples = group.samples;
    const studied: PairPlan[] = [];

    let pool: PairBuffers | undefined; // per asset when the fits are kept (they hold views into it)
    let poolOffsetIndex = 0;
    for (const p of placed) {
      poolOffsetIndex++;
      let w;
      try {
        w = resolveWindows(days, p.day0, spec);
      } catch (error) {
        if (!isMarketReactionError(error)) throw error;
        skip(p.id, assetId, exchange, error.code, error.message, error);
        continue;
      }
      const est = w.estimation!;
      const sample = samples.get(p.id);
      let mask: Uint8Array | undefined;
      if (sample !== undefined && sample.excluded.length > 0) {
        mask = new Uint8Array(est.length).fill(1);
        for (const i of sample.excluded) if (i >= est.start && i < est.end) mask[i - est.start] = 0;
      }
      let spanStart = w.windows[0]!.start;
      let spanEnd = w.windows[0]!.end;
      for (const r of w.windows) {
        if (r.start < spanStart) spanStart = r.start;
        if (r.end > spanEnd) spanEnd = r.end;
      }
      const plan: PairPlan = { eventId: p.id, asset: assetId, event: p.event, day0: p.day0, data, columns, est, mask, spanStart, spanEnd, day0Index: w.day0Index, excluded: sample?.excluded.length ?? 0 };
      let buffers: PairBuffers;
      if (keepPairs) {
        // one backing store per asset for every statement's estimation indices and residuals
        if (pool === undefined || pool.used + est.length > pool.indices.length) {
          const size = est.length * Math.max(1, placed.length - poolOffsetIndex + 1);
          pool = { indices: new Int32Array(size), residuals: new Float64Array(size), used: 0 };
        }
        buffers = pool;
      } else {
        // nothing of the pair is kept: one scratch for all (the pairs are rebuilt if asked for)
        if (scratch.indices.length < est.length) scratch = { indices: new Int32Array(est.length), residuals: new Float64Array(est.length), used: 0 };
        buffers = scratch;
      }
      let computed: ComputedPair;
      try {
        computed = computePair(plan, opts, buffers);
      } catch (error) {
        if (!isMarketReactionError(error)) throw error;
        skip(p.id, assetId, exchange, error.code, error.message, error);
        continue;
      }
      if (keepPairs) pool!.used += est.length;
      const { fit, ars, cars } = computed;
      let missing = 0;
      for (let i = 0; i < ars.ar.length; i++) if (Number.isNaN(ars.ar[i]!)) missing++;
      if (missing === ars.ar.length) {
        skip(p.id, assetId, exchange, "MISSING_RETURNS", `no abnormal return can be computed in the event windows (${isoFromDayKey(days[spanStart]!)} to ${isoFromDayKey(days[spanEnd - 1]!)}): returns missing`);
        continue;
      }
      if (missing > 0) {
        warnings.push({
          code: "MISSING_EVENT_RETURNS",
          message: `event ${p.id}, asset ${assetId}: ${missing} of ${ars.ar.length} event-window sessions have no abnormal return; CARs over them are null`,
          event_id: p.id,
          asset: assetId,
        });
      }
      if (keepPairs) pairs.push(pairResult(plan, computed));
      studied.push(plan);
      // the statistics are kept in columns; the row objects are made when a table is first read
      const source: RowSource = { plan, arAt: cols.ar.length, carAt: cols.car.length, coefAt: cols.coefficients.length, names: fit.names, model: fit.model, nObs: fit.nObs, df: fit.df, sigma: Math.sqrt(fit.sigma2), r2: fit.r2 };
      for (let i = 0; i < ars.length; i++) {
        cols.actual.push(ars.actual[i]!);
        cols.expected.push(ars.expected[i]!);
        cols.ar.push(ars.ar[i]!);
        cols.se.push(Math.sqrt(ars.variance[i]!));
        cols.t.push(ars.t[i]!);
        cols.p.push(ars.pValue[i]!);
      }
      for (let j = 0; j < fit.coefficients.length; j++) cols.coefficients.push(fit.coefficients[j]!);
      if (opts.sq) {
        if (sqScratch.length < fit.residuals.length) sqScratch = new Float64Array(fit.residuals.length);
        if (sqOut.length < 3 * cars.length) sqOut = new Float64Array(3 * cars.length);
        sqTestsOfFit(cars, fit, sqOut, 0, sqScratch);
      } else sqOut.fill(Number.NaN);
      for (let c = 0; c < cars.length; c++) {
        const car = cars[c]!;
        cols.car.push(car.car);
        cols.carSe.push(car.se);
        cols.carT.push(car.t);
        cols.carP.push(car.pValue);
        cols.bhar.push(car.bhar);
        cols.from.push(car.from);
        cols.to.push(car.to);
        cols.n.push(car.n);
        cols.df.push(car.df);
        cols.diagonal.push(car.diagonalVariance);
        cols.sqP.push(sqOut[3 * c]!);
        cols.sqLower.push(sqOut[3 * c + 1]!);
        cols.sqUpper.push(sqOut[3 * c + 2]!);
      }
      sources.push(source);
    }
    if (studied.length > 0) clusteredFamily(assetId, data, columns, studied);
  }

  /** Volatility check, dummy-variable regression and placebo test of one series. */
  function clusteredFamily(
    assetId: string,
    data: AlignedReturns,
    columns: ModelColumns,
    studied: readonly PairPlan[],
  ): void {
    const eventStart = Math.min(...studied.map((x) => x.spanStart));
    const eventEnd = Math.max(...studied.map((x) => x.spanEnd));
    const first = studied.reduce((a, b) => (b.day0 < a.day0 ? b : a));
    // event period: the event windows and a band of 10 sessions around them; estimation
    // period: the earliest statement's estimation window up to that band (docs/clustered.md)
    const band = 10;
    const bandStart = Math.max(0, eventStart - band);
    const volatility = volatilityCheck(
      data.asset,
      { start: bandStart, end: Math.min(data.asset.length, eventEnd + band) },
      { start: first.est.start, end: Math.max(first.est.start, Math.min(first.est.end, bandStart)) },
      { asset: assetId, eventId: first.eventId },
    );
    if (volatility.warning !== undefined) {
      const w = volatility.warning;
      // the advice names what this study computed, or the options that would compute it
      const advice =
        opts.regression !== undefined && opts.placebo !== undefined
          ? "so read the Newey-West (HAC) results and the placebo test drawn from the same volatility regime"
          : opts.regression !== undefined
            ? "so read the Newey-West (HAC) results (the placebo option adds a test drawn from the same volatility regime)"
            : opts.placebo !== undefined
              ? "so read the placebo test drawn from the same volatility regime (the regression option adds Newey-West (HAC) errors)"
              : "so the t and SQ p-values of this study may be too small: the regression option (Newey-West errors) and the placebo option (a test drawn from the same volatility regime) are robust to it";
      warnings.push({ ...w, message: w.message.replace(/so read the Newey-West \(HAC\) results and the placebo test drawn from the same volatility regime$/, advice) });
    }
    const events = studied.map((x) => ({ id: x.eventId, day0: x.day0 }));
    const span: Window = [Math.min(...opts.windows.map((w) => w[0])), Math.max(...opts.windows.map((w) => w[1]))];
    if (opts.regression !== undefined) {
      const controls = opts.model.type === "constant-mean" ? [] : opts.model.type === "factors" ? [...columns.factorNames] : ["market"];
      const r = opts.regression;
      try {
        const fit = dummyRegression(data, events, {
          window: span,
          carWindows: opts.windows,
          controls,
          estimation: first.est.end - first.est.start,
          ...(r.specification === undefined ? {} : { specification: r.specification }),
          ...(r.hacLag === undefined ? {} : { hacLag: r.hacLag }),
          ...(r.hacAdjust === undefined ? {} : { hacAdjust: r.hacAdjust }),
          ...(r.lags === undefined ? {} : { lags: r.lags }),
          ...(r.vcov === undefined ? {} : { vcov: r.vcov }),
        });
        warnings.push(...fit.warnings.filter((w) => w.code !== "HIGH_EVENT_VOLATILITY"));
        for (const row of fit.regression) {
          regressionRows.push({
            asset: assetId,
            term: row.term,
            kind: row.kind,
            estimate: row.estimate,
            std_error: row.std_error,
            std_error_hac: row.std_error_hac,
            statistic: row.statistic,
            p_value: row.p_value,
            vcov: row.vcov,
            df: row.df,
            session: row.session ?? null,
            events: row.events === undefined ? null : row.events.map((e) => `${e.id}[${e.offset > 0 ? "+" : ""}${e.offset}]`).join(" "),
          });
        }
        for (const c of fit.cars) {
          regressionCars.push({ asset: assetId, event_id: c.event_id, window_start: c.window[0], window_end: c.window[1], estimate: c.estimate, std_error: c.std_error, std_error_hac: c.std_error_hac, statistic: c.statistic, p_value: c.p_value, vcov: c.vcov, df: c.df });
        }
        for (const w of fit.wald) waldRows.push({ asset: assetId, ...w });
        regressionInfo.push({ asset: assetId, method: fit.method, convention: fit.convention, n: fit.nObs, k: fit.k, df: fit.df, sigma: Math.sqrt(fit.sigma2), r2: fit.r2, hac_lag: fit.hac.lag, hac_rule: fit.hac.rule, hac_adjust: fit.hac.adjust, sample_from: fit.sample.from, sample_to: fit.sample.to });
      } catch (error) {
        if (!isMarketReactionError(error) || opts.strict) throw error;
        warnings.push({ code: "REGRESSION_FAILED", message: `dummy-variable regression of ${assetId}: ${error.code}: ${error.message}`, asset: assetId });
      }
    }
    if (opts.placebo !== undefined) {
      const p = opts.placebo;
      placebo = placeboTest(data, events, {
        model: opts.model,
        estimation: opts.estimation as Window,
        windows: opts.windows,
        statistic: events.length === 1 ? { type: "car" } : { type: "mean-car" },
        seed: p.seed,
        draws: p.draws ?? 9999,
        regime: p.regime ?? "volatility",
        spacing: p.spacing ?? "keep",
        ...(p.exclude === undefined ? {} : { exclude: p.exclude }),
        contamination: opts.contamination === "exclude" ? "exclude" : "include",
        returnType: opts.returnType,
        ...(opts.minEstimationObs === undefined ? {} : { minObs: opts.minEstimationObs }),
      });
      warnings.push(...placebo.warnings.filter((w) => w.code !== "HIGH_EVENT_VOLATILITY"));
    }
  }

  for (const g of overlapGroups.values()) {
    const shown = g.assets.slice(0, 10).join(", ") + (g.assets.length > 10 ? `, … (${g.assets.length} assets)` : "");
    for (const w of g.warnings) {
      if (w.code === "DAY0_NOT_IN_DAYS") continue;
      warnings.push(
        g.assets.length === 1
          ? { ...w, message: `${w.message} [asset ${shown}]`, asset: g.assets[0]! }
          : { ...w, message: `${w.message} [assets ${shown}]` },
      );
    }
  }

  let aggregate: { daily: readonly DailyRow[]; windows: readonly WindowRow[] } | undefined;
  if (opts.tests !== undefined && pairs.length > 0) {
    const cross = crossEventTests(
      pairs.map((p) => ({ id: p.eventId, asset: p.asset, fit: p.fit, ars: p.ars, estimationDays: estimationDaysOf(p), eventDays: p.eventDays, estimationOffsets: estimationOffsetsOf(p) })),
      { windows: opts.windows, tests: opts.tests, conventions: opts.conventions, adjust: opts.adjust },
    );
    aggregate = { daily: cross.daily, windows: cross.windows };
    warnings.push(...cross.warnings);
  }

  if (sources.length === 0) {
    const issues = skipped.map((s) => ({ message: `event ${s.event_id}${s.asset === null ? "" : `, asset ${s.asset}`}: ${s.code}: ${s.reason}` }));
    throw new MarketReactionError(
      "NO_VALID_EVENTS",
      `no (asset, statement) pair could be studied${issues.length > 0 ? `; first reason: ${issues[0]!.message}` : " (no statements)"}`,
      issues,
    );
  }

  const described = describeOptions(opts, market?.id ?? null, assets.map((a) => a.id));
  const provenance = studyProvenance({ assets, market, factors: options.factors, events: options.events, calendars: assetCalendar.values(), options: described, ...(opts.placebo === undefined ? {} : { seeds: { placebo: opts.placebo.seed } }) });
  const tables = rowBuilders(sources, cols, iso, opts.windows, keepPairs ? undefined : opts);
  return new Study({
    events: eventRows,
    models: [],
    abnormal: [],
    car: [],
    warnings,
    skipped,
    options: described,
    ...(opts.regression === undefined ? {} : { regression: regressionRows, regression_car: regressionCars, wald: waldRows, regression_info: regressionInfo }),
    ...(opts.placebo === undefined ? {} : { placebo }),
    ...(aggregate === undefined ? {} : { aggregate }),
  }, keepPairs ? pairs : [], provenance, tables);
}

/** Buffers for a pair's estimation indices and residuals (`used`: taken so far, for a pool). */
interface PairBuffers {
  readonly indices: Int32Array;
  readonly residuals: Float64Array;
  used: number;
}

/** Everything needed to compute one (asset, statement) pair, again if asked for. */
interface PairPlan {
  readonly eventId: string;
  readonly asset: string;
  readonly event: MarketEvent;
  readonly day0: number;
  readonly data: AlignedReturns;
  readonly columns: ModelColumns;
  readonly est: { readonly start: number; readonly end: number; readonly length: number };
  readonly mask: Uint8Array | undefined;
  /** Indices (in the asset's sessions) of the event-window span [spanStart, spanEnd). */
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly day0Index: number;
  /** Estimation sessions removed as other statements' event windows. */
  readonly excluded: number;
}

interface ComputedPair {
  readonly fit: ModelFit;
  readonly ars: AbnormalReturns;
  readonly cars: readonly CarResult[];
}

/**
 * Fit, abnormal returns and CARs of one pair; the fit's residuals and indices are views into
 * `buffers` at `buffers.used`.
 * @throws MarketReactionError when the pair cannot be studied (too few observations, singular design).
 */
function computePair(plan: PairPlan, opts: ResolvedStudyOptions, buffers: PairBuffers): ComputedPair {
  const { est, columns } = plan;
  const at = buffers.used;
  const indices = estimationIndicesOf(columns, est, plan.mask, buffers.indices.subarray(at, at + est.length));
  const minObs = opts.minEstimationObs ?? Math.max(Math.ceil(est.length / 2), 3);
  const fit = fitColumns(opts.model, columns, indices, est.length, { minObs }, buffers.residuals.subarray(at, at + est.length));
  const spanIdx = new Int32Array(plan.spanEnd - plan.spanStart);
  for (let i = 0; i < spanIdx.length; i++) spanIdx[i] = plan.spanStart + i;
  const prediction = predictColumns(fit, columns, spanIdx);
  const actual = plan.data.asset.subarray(plan.spanStart, plan.spanEnd);
  const ars = abnormalReturns(fit, prediction, actual, { start: plan.spanStart - plan.day0Index, returnType: opts.returnType });
  return { fit, ars, cars: cumulativeAbnormalReturns(ars, opts.windows) };
}

function pairResult(plan: PairPlan, c: ComputedPair): PairResult {
  const days = plan.data.days;
  // calendar days of the estimation and event sessions: the cross-event tests pool by date
  // (views into the asset's session days, no copy; `fit.used` maps into them)
  return { eventId: plan.eventId, asset: plan.asset, day0Index: plan.day0Index, fit: c.fit, ars: c.ars, cars: c.cars, days, eventDays: days.subarray(plan.spanStart, plan.spanEnd) };
}

/** What the rows of one studied pair need beyond the columns. */
interface RowSource {
  readonly plan: PairPlan;
  /** Where this pair's abnormal returns, CARs and coefficients start in the columns. */
  readonly arAt: number;
  readonly carAt: number;
  readonly coefAt: number;
  readonly names: readonly string[];
  readonly model: string;
  readonly nObs: number;
  readonly df: number;
  readonly sigma: number;
  readonly r2: number;
}

/** A growable column of numbers (typed storage: no boxing, nothing for the collector to trace). */
class Column {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  private grow(): void {
    const grown = new Float64Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }
}

/** The numbers of the `abnormal`, `car` and `models` tables, one entry per row (or coefficient). */
function newColumns(abnormalRows: number, carRows: number, coefficients: number) {
  const a = (): Column => new Column(abnormalRows);
  const c = (): Column => new Column(carRows);
  return {
    actual: a(), expected: a(), ar: a(), se: a(), t: a(), p: a(),
    car: c(), carSe: c(), carT: c(), carP: c(), bhar: c(), from: c(), to: c(), n: c(), df: c(), diagonal: c(), sqP: c(), sqLower: c(), sqUpper: c(),
    coefficients: new Column(coefficients),
  };
}
type Columns = ReturnType<typeof newColumns>;

/**
 * The builders of the `models`, `abnormal` and `car` tables (and of `pairs`, when `rebuild`
 * gives the options to recompute them with), run on first access.
 */
function rowBuilders(sources: readonly RowSource[], cols: Columns, iso: (day: number) => string, windows: readonly Window[], rebuild: ResolvedStudyOptions | undefined): LazyTables {
  // the rows are made one at a time: a table is built from them on first access, or they are
  // written as they are made (study.toJSONChunks / toCSVChunks) without building the table
  function* models(): Generator<ModelRow> {
    for (const src of sources) {
      const { plan } = src;
      const coefficients: Record<string, number> = {};
      src.names.forEach((name, j) => {
        coefficients[name] = cols.coefficients.data[src.coefAt + j]!;
      });
      yield {
        event_id: plan.eventId,
        asset: plan.asset,
        model: src.model,
        n: src.nObs,
        df: src.df,
        sigma: src.sigma,
        r2: src.r2,
        ...coefficients,
        estimation_start: iso(plan.data.days[plan.est.start]!),
        estimation_end: iso(plan.data.days[plan.est.end - 1]!),
        excluded_sessions: plan.excluded,
        day0: iso(plan.day0),
        ...metadataOf(plan.event),
      };
    }
  }
  function* abnormal(): Generator<AbnormalRow> {
    for (const { plan, arAt } of sources) {
      const meta = metadataOf(plan.event);
      const day0 = iso(plan.day0);
      const days = plan.data.days;
      const offset0 = plan.spanStart - plan.day0Index;
      for (let i = 0; i < plan.spanEnd - plan.spanStart; i++) {
        const r = arAt + i;
        // fields written out (no object spread): this loop makes most of a large study's rows
        yield {
          event_id: plan.eventId,
          asset: plan.asset,
          rel_day: offset0 + i,
          date: iso(days[plan.spanStart + i]!),
          return: cols.actual.data[r]!,
          expected: cols.expected.data[r]!,
          ar: cols.ar.data[r]!,
          se: cols.se.data[r]!,
          t: cols.t.data[r]!,
          p_value: cols.p.data[r]!,
          day0,
          label: meta.label,
          speaker: meta.speaker,
          role: meta.role,
          venue: meta.venue,
          source: meta.source,
          group: meta.group,
        };
      }
      }
  }
  function* car(): Generator<CarRow> {
    for (let k = 0; k < sources.length; k++) {
      const { plan, carAt } = sources[k]!;
      const end = k + 1 < sources.length ? sources[k + 1]!.carAt : cols.car.length;
      const meta = metadataOf(plan.event);
      const day0 = iso(plan.day0);
      const days = plan.data.days;
      for (let r = carAt; r < end; r++) {
        const window = r - carAt;
        yield {
          event_id: plan.eventId,
          asset: plan.asset,
          window_start: windows[window]![0],
          window_end: windows[window]![1],
          car: cols.car.data[r]!,
          se: cols.carSe.data[r]!,
          t: cols.carT.data[r]!,
          p_value: cols.carP.data[r]!,
          bhar: cols.bhar.data[r]!,
          date_start: iso(days[plan.spanStart + cols.from.data[r]!]!),
          date_end: iso(days[plan.spanStart + cols.to.data[r]! - 1]!),
          n: cols.n.data[r]!,
          df: cols.df.data[r]!,
          variance_diagonal: cols.diagonal.data[r]!,
          sq_p_value: cols.sqP.data[r]!,
          sq_lower: cols.sqLower.data[r]!,
          sq_upper: cols.sqUpper.data[r]!,
          day0,
          label: meta.label,
          speaker: meta.speaker,
          role: meta.role,
          venue: meta.venue,
          source: meta.source,
          group: meta.group,
        };
      }
      }
  }
  return {
    models: () => [...models()],
    abnormal: () => [...abnormal()],
    car: () => [...car()],
    rows: { models, abnormal, car },
    ...(rebuild === undefined
      ? {}
      : {
          pairs: () =>
            sources.map(({ plan }) => {
              const n = plan.est.length;
              return pairResult(plan, computePair(plan, rebuild, { indices: new Int32Array(n), residuals: new Float64Array(n), used: 0 }));
            }),
        }),
  };
}

/**
 * The `events` table row of an alignment: the contract fields first (`id, exchange, timestamp,
 * timezone, session, day0, rule, reason`), then the exchange clock and the statement metadata.
 * Used by `eventStudy` and by `market-reaction align`.
 * @example
 * ```ts
 * const { events } = parseEventsCsv("id,timestamp,speaker\nE34,2025-04-09T13:18,Donald Trump\n");
 * const row = eventRow(alignEvents(events, "XNYS").rows[0]!);
 * row; // => { id: "E34", exchange: "XNYS", session: "regular", day0: "2025-04-09", rule: "regular-same-day", … }
 * [row.instant_utc, row.speaker, row.label]; // => ["2025-04-09T17:18:00.000Z", "Donald Trump", null]
 * ```
 */
export function eventRow(r: AlignmentRow): EventRow {
  checkObject("eventRow", "row", r);
  return {
    id: r.id,
    exchange: r.exchange,
    timestamp: r.timestamp,
    timezone: r.timezone,
    session: r.session,
    day0: r.day0_iso,
    rule: r.rule,
    reason: r.reason,
    local_time: r.local_time,
    exchange_timezone: r.exchange_timezone,
    instant_utc: r.instant_utc,
    approximate: r.approximate,
    asset: r.asset,
    ...metadataOf(r.event),
  };
}

function describeOptions(o: ResolvedStudyOptions, market: string | null, assets: string[]): Readonly<Record<string, unknown>> {
  const spec: ModelSpec = o.model;
  return {
    model: modelLabel(spec),
    model_spec: spec,
    return_type: o.returnType,
    estimation: o.estimation,
    windows: o.windows,
    non_trading: o.nonTrading,
    contamination: o.contamination,
    min_estimation_obs: o.minEstimationObs ?? "half the estimation window",
    sq: o.sq,
    ...(o.regression === undefined ? {} : { regression: o.regression }),
    ...(o.placebo === undefined ? {} : { placebo: o.placebo }),
    ...(o.tests === undefined ? {} : { tests: o.tests, conventions: o.conventions, adjust: o.adjust }),
    market,
    assets,
  };
}

export type { Window };

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
  const out = new Int32Array(pair.fit.used.length);
  for (let j = 0; j < out.length; j++) out[j] = pair.fit.used[j]! - pair.day0Index;
  return out;
}

/** Share of sessions with an exactly unchanged price above which a series counts as thinly traded. */
const THIN_TRADING_SHARE = 0.1;

/**
 * `THIN_TRADING` when at least 10% (and 5) of an asset's returns are exactly zero: stale prices
 * bias market-model betas towards zero; the Scholes-Williams and Dimson models correct for it.
 */
function thinTradingWarning(asset: string, exchange: string, returns: Float64Array): Warning | undefined {
  let zeros = 0;
  let finite = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (!Number.isFinite(r)) continue;
    finite++;
    if (r === 0) zeros++;
  }
  if (zeros < 5 || zeros < THIN_TRADING_SHARE * finite) return undefined;
  return {
    code: "THIN_TRADING",
    message: `${asset}: ${zeros} of ${finite} returns (${((100 * zeros) / finite).toFixed(1)}%) are exactly zero (unchanged prices): the series looks thinly traded, which biases market-model betas towards zero; consider the scholes-williams or dimson model`,
    asset,
    exchange,
  };
}
