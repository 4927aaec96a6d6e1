/**
 * Stage 4 of `eventStudy`, pair planning: each statement placed on an asset's sessions, the
 * overlap check of the asset's statements (shared by the assets with the same sessions and
 * statements), and for each pair the estimation window with the sessions it leaves out and the
 * span of the event windows.
 * @module
 */
import { checkOverlaps, normalizeWindows, resolveWindows, type AlignmentRow, type EstimationSample, type NormalizedWindows } from "../../calendar/index.js";
import { MarketReactionError, isMarketReactionError, type Warning } from "../../errors.js";
import type { ModelColumns } from "../../models/spec.js";
import type { ModelSpec } from "../../models/index.js";
import type { AlignedReturns } from "../../returns/index.js";
import { isoFromDayKey } from "../../time/index.js";
import { lowerBound } from "../../time/dayKey.js";
import type { MarketEvent } from "../../types.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { SkipLog } from "./skips.js";

/** A statement whose day 0 falls within an asset's sessions. */
export interface PlacedStatement {
  readonly id: string;
  readonly day0: number;
  readonly event: MarketEvent;
}

/** Everything needed to compute one (asset, statement) pair, again if asked for. */
export interface PairPlan {
  readonly eventId: string;
  readonly asset: string;
  readonly event: MarketEvent;
  readonly day0: number;
  readonly data: AlignedReturns;
  readonly columns: ModelColumns;
  readonly est: { readonly start: number; readonly end: number; readonly length: number };
  /** 0 for an estimation session left out (another statement's event window), 1 otherwise; absent when none is. */
  readonly mask: Uint8Array | undefined;
  /** Indices (in the asset's sessions) of the event-window span [spanStart, spanEnd). */
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly day0Index: number;
  /** Estimation sessions removed as other statements' event windows. */
  readonly excluded: number;
  /** The pair's model when it is not the study's (Dimson for a non-synchronous benchmark). */
  readonly model: ModelSpec | undefined;
}

/**
 * The statements whose day 0 lies within the asset's sessions; the others are skipped with
 * `DATE_OUT_OF_RANGE`.
 */
export function placeStatements(
  assetId: string,
  exchange: string,
  days: Int32Array,
  events: readonly MarketEvent[],
  aligned: ReadonlyMap<string, AlignmentRow>,
  skips: SkipLog,
): PlacedStatement[] {
  const first = days[0];
  const last = days[days.length - 1];
  const placed: PlacedStatement[] = [];
  for (const e of events) {
    const day0 = aligned.get(e.id)!.day0;
    if (first === undefined || last === undefined || day0 < first || day0 > last) {
      const span = first === undefined ? "no sessions" : `${isoFromDayKey(first)} to ${isoFromDayKey(last!)}`;
      skips.skip(e.id, assetId, exchange, "DATE_OUT_OF_RANGE", `day 0 ${isoFromDayKey(day0)} is outside the returns of ${assetId} (${span})`);
      continue;
    }
    placed.push({ id: e.id, day0, event: e });
  }
  return placed;
}

interface OverlapGroup {
  readonly warnings: readonly Warning[];
  readonly samples: ReadonlyMap<string, EstimationSample>;
  readonly assets: string[];
}

/**
 * Overlap checks by group: overlaps depend only on the sessions and the statements, so assets on
 * the same sessions with the same statements share one check (and one set of warnings naming
 * them all).
 */
export class OverlapGroups {
  private readonly groups = new Map<string, OverlapGroup>();

  /** The estimation sample of each placed statement of the asset, by statement id. */
  samplesFor(
    assetId: string,
    exchange: string,
    days: Int32Array,
    placed: readonly PlacedStatement[],
    opts: Pick<ResolvedStudyOptions, "estimation" | "windows" | "contamination">,
  ): ReadonlyMap<string, EstimationSample> {
    const key = `${exchange}|${days[0]}|${days.length}|${placed.map((p) => p.id).join("\u0000")}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      const spec = { estimation: opts.estimation, windows: opts.windows };
      const result = checkOverlaps(
        placed.map((p) => ({ id: p.id, day0: p.day0, asset: null })),
        days,
        spec,
        { contamination: opts.contamination },
      );
      group = { warnings: result.warnings, samples: new Map(result.samples.map((s) => [s.event_id, s])), assets: [] };
      this.groups.set(key, group);
    }
    group.assets.push(assetId);
    return group.samples;
  }

  /** The overlap warnings of every group, each naming its assets (the first ten). */
  warnings(): Warning[] {
    return overlapWarnings(this.groups.values());
  }

  /** The groups (key, warnings, assets in the order met), for a shard of a study to hand to the merge. */
  entries(): { readonly key: string; readonly warnings: readonly Warning[]; readonly assets: readonly string[] }[] {
    return [...this.groups].map(([key, g]) => ({ key, warnings: g.warnings, assets: g.assets }));
  }
}

/** The overlap warnings of groups of assets, each naming its assets (the first ten). */
export function overlapWarnings(groups: Iterable<{ readonly warnings: readonly Warning[]; readonly assets: readonly string[] }>): Warning[] {
  const out: Warning[] = [];
  for (const g of groups) {
    const shown = g.assets.slice(0, 10).join(", ") + (g.assets.length > 10 ? `, … (${g.assets.length} assets)` : "");
    for (const w of g.warnings) {
      if (w.code === "DAY0_NOT_IN_DAYS") continue;
      out.push(
        g.assets.length === 1 ? { ...w, message: `${w.message} [asset ${shown}]`, asset: g.assets[0]! } : { ...w, message: `${w.message} [assets ${shown}]` },
      );
    }
  }
  return out;
}

/**
 * The plan of one pair: its estimation window (with the mask of the sessions the overlap check
 * removed) and the span of its event windows; or the error when the windows do not fit the
 * asset's sessions.
 */
export function planPair(
  assetId: string,
  p: PlacedStatement,
  data: AlignedReturns,
  columns: ModelColumns,
  sample: EstimationSample | undefined,
  opts: Pick<ResolvedStudyOptions, "estimation" | "windows">,
  model?: ModelSpec,
): PairPlan | MarketReactionError {
  const w = pairRanges(data.days, p.day0, opts);
  if (w instanceof MarketReactionError) return w;
  const est = w.estimation;
  const mask = sample !== undefined && sample.excluded.length > 0 ? estimationMask(sample, est) : undefined;
  return {
    eventId: p.id,
    asset: assetId,
    event: p.event,
    day0: p.day0,
    data,
    columns,
    est,
    mask,
    spanStart: w.spanStart,
    spanEnd: w.spanEnd,
    day0Index: w.day0Index,
    excluded: sample?.excluded.length ?? 0,
    model, // always present (undefined: the study's), so every plan has one shape
  };
}

/**
 * 0 for each session of the estimation window the overlap check removed, 1 otherwise. The
 * assets of an overlap group share its samples, and their pairs of a statement usually the
 * window: one mask per sample and window serves them all (masks are only read).
 */
function estimationMask(sample: EstimationSample, est: { readonly start: number; readonly end: number; readonly length: number }): Uint8Array {
  const cached = masks.get(sample);
  if (cached !== undefined && cached.start === est.start && cached.mask.length === est.length) return cached.mask;
  const mask = new Uint8Array(est.length).fill(1);
  for (const i of sample.excluded) if (i >= est.start && i < est.end) mask[i - est.start] = 0;
  masks.set(sample, { start: est.start, mask });
  return mask;
}

const masks = new WeakMap<EstimationSample, { readonly start: number; readonly mask: Uint8Array }>();

/** The index ranges of a pair: estimation window, span of the event windows, day 0. */
interface PairRanges {
  readonly estimation: { readonly start: number; readonly end: number; readonly length: number };
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly day0Index: number;
}

/**
 * The pair's ranges in the asset's sessions. When day 0 is a session and every window fits,
 * they come from the windows normalized once per study; otherwise `resolveWindows` finds the
 * error (the same ranges when there is none).
 */
function pairRanges(days: Int32Array, day0: number, opts: Pick<ResolvedStudyOptions, "estimation" | "windows">): PairRanges | MarketReactionError {
  const norm = normalizedWindows(opts);
  const i0 = lowerBound(days, day0);
  const e = norm.estimation;
  const [first, last] = norm.eventSpan;
  if (e !== undefined && days[i0] === day0 && i0 + Math.min(e[0], first) >= 0 && i0 + Math.max(e[1], last) <= days.length - 1) {
    return { estimation: { start: i0 + e[0], end: i0 + e[1] + 1, length: e[1] - e[0] + 1 }, spanStart: i0 + first, spanEnd: i0 + last + 1, day0Index: i0 };
  }
  let w: ReturnType<typeof resolveWindows>;
  try {
    w = resolveWindows(days, day0, { estimation: opts.estimation, windows: opts.windows });
  } catch (error) {
    if (!isMarketReactionError(error)) throw error;
    return error;
  }
  let spanStart = w.windows[0]!.start;
  let spanEnd = w.windows[0]!.end;
  for (const r of w.windows) {
    if (r.start < spanStart) spanStart = r.start;
    if (r.end > spanEnd) spanEnd = r.end;
  }
  const { start, end, length } = w.estimation!;
  return { estimation: { start, end, length }, spanStart, spanEnd, day0Index: w.day0Index };
}

/** The study's windows normalized once per resolved options (a study's options object is its own). */
const normalized = new WeakMap<object, NormalizedWindows>();

function normalizedWindows(opts: Pick<ResolvedStudyOptions, "estimation" | "windows">): NormalizedWindows {
  let norm = normalized.get(opts);
  if (norm === undefined) {
    norm = normalizeWindows({ estimation: opts.estimation, windows: opts.windows });
    normalized.set(opts, norm);
  }
  return norm;
}
