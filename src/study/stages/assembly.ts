/**
 * Stage 9 of `eventStudy`, assembly: the `Study` from the stages' results — the options as
 * applied, the provenance block, and the builders of the `models`, `abnormal` and `car` tables
 * (run on first access).
 * @module
 */
import type { TradingCalendar } from "../../calendar/index.js";
import { MarketReactionError, type Warning } from "../../errors.js";
import type { PlaceboResult } from "../../inference/clustered/index.js";
import { modelLabel, type ModelSpec } from "../../models/index.js";
import { studyProvenance, type Provenance } from "../../output/provenance.js";
import { isoFromDayKey } from "../../time/index.js";
import type { Window } from "../../types.js";
import { metadataOf } from "../eventRows.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { PairResult } from "../pair.js";
import type { AbnormalRow, CarRow, EventRow, SkippedRow } from "../rows.js";
import { Study, type LazyTables, type StudyData } from "../study.js";
import { computePair, pairResult } from "./abnormal.js";
import type { ClusteredRegression } from "./clustered.js";
import type { RowSource, StudyColumnSet } from "./columns.js";
import type { StudyAggregate } from "./crossEvent.js";
import { pairBuffers } from "./estimation.js";
import type { StudyInputs } from "./inputs.js";

/** What the stages computed, for {@link assembleStudy}. */
export interface StudyParts {
  readonly inputs: StudyInputs;
  readonly calendars: Iterable<TradingCalendar>;
  readonly eventRows: readonly EventRow[];
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
  readonly cols: StudyColumnSet;
  readonly sources: readonly RowSource[];
  /** The kept pairs (when the cross-event tests needed them); else `study.pairs` recomputes them. */
  readonly pairs: readonly PairResult[] | undefined;
  readonly regressions: readonly ClusteredRegression[];
  readonly placebo: PlaceboResult | null;
  readonly aggregate: StudyAggregate | undefined;
}

/**
 * The study: its tables, options, provenance and lazily built rows.
 * @throws NO_VALID_EVENTS when no pair was studied (the skip reasons are the error's issues).
 */
export function assembleStudy(parts: StudyParts, opts: ResolvedStudyOptions): Study {
  if (parts.sources.length === 0) throw noValidEvents(parts.skipped);
  const { options, provenance } = studyHeader(parts, opts);
  const tables = rowBuilders(parts.sources, parts.cols, opts.windows, parts.pairs === undefined ? opts : undefined);
  const asked = { regression: opts.regression !== undefined, placebo: opts.placebo !== undefined };
  return new Study(studyData(parts, options, asked), parts.pairs ?? [], provenance, tables);
}

/** The options as applied (the `options` block) and the provenance block of a study. */
export function studyHeader(
  parts: Pick<StudyParts, "inputs" | "calendars">,
  opts: ResolvedStudyOptions,
): { readonly options: Readonly<Record<string, unknown>>; readonly provenance: Provenance } {
  const { inputs } = parts;
  const options = describeOptions(
    opts,
    inputs.market?.id ?? null,
    inputs.assets.map((a) => a.id),
  );
  const provenance = studyProvenance({
    assets: inputs.assets,
    market: inputs.market,
    factors: inputs.factors,
    events: inputs.events,
    calendars: parts.calendars,
    options,
    ...(opts.placebo === undefined ? {} : { seeds: { placebo: opts.placebo.seed } }),
  });
  return { options, provenance };
}

/** The data of a study but its lazy tables (built by {@link rowBuilders}). */
export function studyData(
  parts: Pick<StudyParts, "eventRows" | "warnings" | "skipped" | "regressions" | "placebo" | "aggregate">,
  options: Readonly<Record<string, unknown>>,
  asked: { readonly regression: boolean; readonly placebo: boolean },
): StudyData {
  const r = parts.regressions;
  return {
    events: parts.eventRows,
    models: [],
    abnormal: [],
    car: [],
    warnings: parts.warnings,
    skipped: parts.skipped,
    options,
    ...(!asked.regression
      ? {}
      : {
          regression: r.flatMap((x) => x.rows),
          regression_car: r.flatMap((x) => x.cars),
          wald: r.flatMap((x) => x.wald),
          regression_info: r.map((x) => x.info),
        }),
    ...(!asked.placebo ? {} : { placebo: parts.placebo }),
    ...(parts.aggregate === undefined ? {} : { aggregate: parts.aggregate }),
  };
}

export function noValidEvents(skipped: readonly SkippedRow[]): MarketReactionError {
  const issues = skipped.map((s) => ({ message: `event ${s.event_id}${s.asset === null ? "" : `, asset ${s.asset}`}: ${s.code}: ${s.reason}` }));
  return new MarketReactionError(
    "NO_VALID_EVENTS",
    `no (asset, statement) pair could be studied${issues.length > 0 ? `; first reason: ${issues[0]!.message}` : " (no statements)"}`,
    issues,
  );
}

/** The options as applied (the `options` block of the JSON). */
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

/** ISO dates of day keys, each converted once. */
function isoMemo(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = isoFromDayKey(day);
      cache.set(day, text);
    }
    return text;
  };
}

/**
 * The builders of the `models`, `abnormal` and `car` tables (and of `pairs`, when `rebuild`
 * gives the options to recompute them with), run on first access.
 */
export function rowBuilders(
  sources: readonly RowSource[],
  cols: StudyColumnSet,
  windows: readonly Window[],
  rebuild: ResolvedStudyOptions | undefined,
): LazyTables {
  const iso = isoMemo();
  return {
    models: () => sources.map((src) => modelRow(src, cols, iso)),
    abnormal: () => [...abnormalRows(sources, cols, iso)],
    car: () => [...carRows(sources, cols, windows, iso)],
    rows: {
      models: () => sources.map((src) => modelRow(src, cols, iso)),
      abnormal: () => abnormalRows(sources, cols, iso),
      car: () => carRows(sources, cols, windows, iso),
    },
    ...(rebuild === undefined
      ? {}
      : {
          pairs: () => sources.map(({ plan }) => pairResult(plan, computePair(plan, rebuild, pairBuffers(plan.est.length)))),
        }),
  };
}

function modelRow(src: RowSource, cols: StudyColumnSet, iso: (day: number) => string) {
  const { plan } = src;
  const coefficients: Record<string, number> = {};
  src.names.forEach((name, j) => {
    coefficients[name] = cols.coefficients.data[src.coefAt + j]!;
  });
  return {
    event_id: plan.eventId,
    asset: plan.asset,
    model: src.model,
    n: src.nObs,
    df: src.df,
    sigma: src.sigma,
    r2: src.r2,
    ...coefficients,
    ...(src.garch ?? {}),
    estimation_start: iso(plan.data.days[plan.est.start]!),
    estimation_end: iso(plan.data.days[plan.est.end - 1]!),
    excluded_sessions: plan.excluded,
    day0: iso(plan.day0),
    ...metadataOf(plan.event),
  };
}

// the rows are made one at a time: a table is built from them on first access, or they are
// written as they are made (study.toJSONChunks / toCSVChunks) without building the table
function* abnormalRows(sources: readonly RowSource[], cols: StudyColumnSet, iso: (day: number) => string): Generator<AbnormalRow> {
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
        market_session: meta.market_session,
      };
    }
  }
}

function* carRows(sources: readonly RowSource[], cols: StudyColumnSet, windows: readonly Window[], iso: (day: number) => string): Generator<CarRow> {
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
        market_session: meta.market_session,
      };
    }
  }
}
