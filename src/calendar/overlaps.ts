/**
 * Overlapping event windows and contaminated estimation windows (docs/conventions.md).
 *
 * Per asset (events without an asset concern every asset), two statements *overlap* when any
 * of their event windows share a session (overlapping statements form clusters), and a
 * statement *contaminates* another when one of its event windows shares a session with the
 * other's estimation window. With
 * `contamination: "exclude"` the contaminating sessions are listed per event so the
 * estimation can leave them out; with `"keep"` they are only reported.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { Warning } from "../errors.js";
import { isoFromDayKey } from "../time/index.js";
import type { DayKey, Window } from "../types.js";
import { isTradingCalendar } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { lowerBound } from "./nyse.js";
import { sweepClusters } from "./clusters.js";
import { normalizeWindows } from "./windows.js";
import type { WindowSpec } from "./windows.js";

/** A statement positioned at day 0 (an {@link AlignmentRow} fits). */
export interface OverlapEvent {
  readonly id: string;
  readonly day0: DayKey;
  /** The asset concerned; absent or `null` means every asset. */
  readonly asset?: string | null | undefined;
}

/** Options of {@link checkOverlaps}. */
export interface OverlapOptions {
  /** `"exclude"` (default) lists other statements' event-window sessions to drop from each estimation sample; `"keep"` leaves them in. */
  readonly contamination?: "exclude" | "keep";
  /** Assets of the study; events without an asset are checked against each. Default: the assets named by the events. */
  readonly assets?: readonly string[];
}

/** A statement of an {@link OverlapCluster}, with the span of its event windows (ISO, clipped to the sessions). */
export interface ClusterMember {
  readonly id: string;
  readonly day0: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Statements whose event windows overlap, directly or through one another (a connected group:
 * A overlaps B and B overlaps C puts A, B and C in one cluster).
 */
export interface OverlapCluster {
  readonly asset: string | null;
  /** In day-0 order (ties by id). */
  readonly members: readonly ClusterMember[];
  /** First and last session of the members' event windows (ISO). */
  readonly from: string;
  readonly to: string;
}

/**
 * Two statements whose event windows share sessions. {@link checkOverlaps} lists the pairs that
 * link each cluster (a spanning set: at most one per event window), not every overlapping pair;
 * the clusters are in {@link OverlapResult.clusters}.
 */
export interface OverlapPair {
  readonly asset: string | null;
  readonly first_id: string;
  readonly second_id: string;
  readonly first_day0: string;
  readonly second_day0: string;
  /** First and last shared session (ISO). */
  readonly from: string;
  readonly to: string;
}

/** Event windows of a statement (or a group of overlapping ones) inside another statement's estimation window. */
export interface ContaminationRecord {
  readonly asset: string | null;
  /** The statement whose estimation window is contaminated. */
  readonly event_id: string;
  readonly event_day0: string;
  /** The first (in day-0 order) of the statements inside it: one statement, or a group of overlapping ones. */
  readonly other_id: string;
  readonly other_day0: string;
  /** How many statements the group inside it holds (1: only `other_id`). */
  readonly others: number;
  /** Index into {@link OverlapResult.clusters} of that group; `null` for a single statement. */
  readonly cluster: number | null;
  /** Sessions of the estimation window covered by the group's event windows. */
  readonly sessions: number;
  readonly from: string;
  readonly to: string;
}

/** The estimation sample of one (event, asset): which sessions to use. */
export interface EstimationSample {
  readonly event_id: string;
  readonly asset: string | null;
  readonly day0: DayKey;
  readonly day0_index: number;
  /** Index range `[start, end)` of the estimation window in the days array, clipped to the days; `null` without an estimation window. */
  readonly start: number | null;
  readonly end: number | null;
  /** Sessions of the window missing because the days do not reach far enough. */
  readonly shortfall: number;
  /** Ascending indices (into the days array) removed from the sample; empty with `contamination: "keep"`. */
  readonly excluded: number[];
  /** Sessions left in the sample. */
  readonly kept: number;
}

/** Result of {@link checkOverlaps}. */
export interface OverlapResult {
  /** The pairs that link each cluster (see {@link OverlapPair}). */
  readonly overlaps: OverlapPair[];
  /** Groups of two or more statements with overlapping event windows, per asset. */
  readonly clusters: OverlapCluster[];
  /** One per (statement, group of statements inside its estimation window). */
  readonly contaminations: ContaminationRecord[];
  /** One per (event, asset), in event order within each asset. */
  readonly samples: EstimationSample[];
  readonly warnings: Warning[];
}

interface Placed {
  readonly id: string;
  readonly day0: DayKey;
  readonly index: number;
}

/**
 * Finds clusters of statements with overlapping event windows and the sessions of other
 * statements' event windows inside each estimation window, per asset, and builds each event's
 * estimation sample (the sessions to exclude under `contamination: "exclude"`). The work is a
 * sweep over the windows sorted by their first session: time and memory grow with the number
 * of statements times the window lengths, never with the number of overlapping pairs.
 *
 * Warnings: one `OVERLAPPING_WINDOWS` per cluster (its `members`, each with its event-window
 * span, and the cluster's first and last session in the message), one `ESTIMATION_CONTAMINATED`
 * per group of statements whose event windows fall inside other statements' estimation windows
 * (the group in `members`, the statements whose samples lose sessions in `affected`), and
 * `DAY0_NOT_IN_DAYS` for events whose day 0 is not one of the days (left out).
 *
 * @param days - the sessions windows are counted on: a calendar or the days of a series.
 * @throws INVALID_OPTION for bad windows or options; INVALID_INPUT for duplicate event ids within an asset.
 * @example
 * // statements on Monday 7 and Wednesday 9 April 2025: their [-1, 1] windows share 8 April
 * const events = [{ id: "E17", day0: dayKeyFromIso("2025-04-07") }, { id: "E34", day0: dayKeyFromIso("2025-04-09") }];
 * const { warnings, samples, clusters } = checkOverlaps(events, tradingCalendar("XNYS"), { estimation: [-10, -2], windows: [[-1, 1]] });
 * warnings.map((w) => w.code); // => ["OVERLAPPING_WINDOWS", "ESTIMATION_CONTAMINATED"]
 * clusters[0]?.members.map((m) => m.id); // => ["E17", "E34"]
 * samples[1]?.kept; // => 7 (E17's window removed from E34's estimation sample)
 */
export function checkOverlaps(
  events: readonly OverlapEvent[],
  days: TradingCalendar | Int32Array,
  spec: WindowSpec,
  options: OverlapOptions = {},
): OverlapResult {
  const sessions =
    days instanceof Int32Array
      ? days
      : isTradingCalendar(days)
        ? days.days
        : invalidOption("days", days, "a TradingCalendar or an Int32Array of sorted day keys");
  const norm = normalizeWindows(spec);
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an object { contamination?, assets? }");
  const contamination = options.contamination ?? "exclude";
  if (contamination !== "exclude" && contamination !== "keep") invalidOption("contamination", contamination, '"exclude" or "keep"');
  if (!Array.isArray(events)) invalidOption("events", events, "an array of { id, day0, asset? }");
  if (options.assets !== undefined && (!Array.isArray(options.assets) || options.assets.some((a) => typeof a !== "string"))) {
    invalidOption("assets", options.assets, "an array of asset names");
  }
  const out: OverlapResult = { overlaps: [], clusters: [], contaminations: [], samples: [], warnings: [] };
  const placed = placeEvents(events, sessions, out.warnings);
  const named = new Set<string>(options.assets ?? []);
  for (const p of placed) if (p.asset !== null) named.add(p.asset);
  const groups: Array<string | null> = named.size === 0 ? [null] : [...named];
  for (const asset of groups) {
    const members = placed.filter((p) => p.asset === null || p.asset === asset);
    checkUniqueIds(members, asset);
    const sorted = [...members].sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    checkGroup(sorted, members, sessions, norm.estimation, norm.windows, asset, contamination, out);
  }
  return out;
}

interface PlacedEvent extends Placed {
  readonly asset: string | null;
}

/** Positions every event on the sessions; those whose day 0 is not a session are reported and left out. */
function placeEvents(events: readonly OverlapEvent[], sessions: Int32Array, warnings: Warning[]): PlacedEvent[] {
  const placed: PlacedEvent[] = [];
  events.forEach((e, i) => {
    if (typeof e !== "object" || e === null || typeof e.id !== "string") invalidOption(`events[${i}]`, e, "{ id: string, day0: DayKey, asset? }");
    const index = lowerBound(sessions, e.day0);
    if (sessions[index] !== e.day0) {
      warnings.push({
        code: "DAY0_NOT_IN_DAYS",
        message: `event ${e.id}: day 0 ${Number.isInteger(e.day0) ? isoFromDayKey(e.day0) : String(e.day0)} is not one of the sessions; it is left out of the overlap check`,
        event_id: e.id,
      });
      return;
    }
    placed.push({ id: e.id, day0: e.day0, index, asset: e.asset ?? null });
  });
  return placed;
}

function checkUniqueIds(members: readonly Placed[], asset: string | null): void {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) {
      throw new MarketReactionError(
        "INVALID_INPUT",
        `checkOverlaps: event id ${JSON.stringify(m.id)} appears twice${asset === null ? "" : ` for asset ${asset}`}; pass the rows of one exchange`,
      );
    }
    seen.add(m.id);
  }
}

/** How many names a warning message lists before "… and N more" (the structured fields hold all). */
const SHOWN = 8;

function listed(names: readonly string[]): string {
  return names.length <= SHOWN ? names.join(", ") : `${names.slice(0, SHOWN).join(", ")} and ${names.length - SHOWN} more`;
}

function isoAt(sessions: Int32Array, i: number): string {
  return isoFromDayKey(sessions[Math.min(Math.max(i, 0), sessions.length - 1)]!);
}

/** Clusters, links, contamination and samples of one asset's statements (sorted by session). */
function checkGroup(
  sorted: readonly Placed[],
  members: readonly Placed[],
  sessions: Int32Array,
  estimation: Window | undefined,
  windows: readonly Window[],
  asset: string | null,
  contamination: "exclude" | "keep",
  out: OverlapResult,
): void {
  const sweep = sweepClusters(sorted, windows, sessions.length);
  const span: Window = [Math.min(...windows.map((w) => w[0])), Math.max(...windows.map((w) => w[1]))];
  const memberOf = (i: number): ClusterMember => {
    const p = sorted[i]!;
    return { id: p.id, day0: isoFromDayKey(p.day0), from: isoAt(sessions, p.index + span[0]), to: isoAt(sessions, p.index + span[1]) };
  };
  const byComponent = componentMembers(sweep.component, sweep.count);
  const clusterOf = new Int32Array(sweep.count).fill(-1);
  for (let c = 0; c < sweep.count; c++) {
    const list = byComponent[c]!;
    if (list.length < 2) continue;
    clusterOf[c] = out.clusters.length;
    out.clusters.push(clusterRecord(list.map(memberOf), sorted, list, span, sessions, asset));
    out.warnings.push(clusterWarning(out.clusters[out.clusters.length - 1]!, asset));
  }
  for (const link of sweep.links) {
    const a = sorted[link.first]!;
    const b = sorted[link.second]!;
    out.overlaps.push({
      asset,
      first_id: a.id,
      second_id: b.id,
      first_day0: isoFromDayKey(a.day0),
      second_day0: isoFromDayKey(b.day0),
      from: isoAt(sessions, link.lo),
      to: isoAt(sessions, link.hi),
    });
  }
  const position = new Map<string, number>();
  sorted.forEach((p, i) => position.set(p.id, i));
  const affected: string[][] = Array.from({ length: sweep.count }, () => []);
  const lostSessions = new Float64Array(sweep.count);
  for (const m of members) {
    const sample = sampleOf(m, estimation, sessions, sweep.owner, asset, contamination, (c, count, lo, hi) => {
      const first = sorted[byComponent[c]![0]!]!;
      out.contaminations.push({
        asset,
        event_id: m.id,
        event_day0: isoFromDayKey(m.day0),
        other_id: first.id,
        other_day0: isoFromDayKey(first.day0),
        sessions: count,
        from: isoAt(sessions, lo),
        to: isoAt(sessions, hi),
        others: byComponent[c]!.length,
        cluster: clusterOf[c]! >= 0 ? clusterOf[c]! : null,
      });
      affected[c]!.push(m.id);
      lostSessions[c] = lostSessions[c]! + count;
    });
    out.samples.push(sample);
  }
  for (let c = 0; c < sweep.count; c++) {
    if (affected[c]!.length === 0) continue;
    out.warnings.push(contaminationWarning(byComponent[c]!.map(memberOf), affected[c]!, lostSessions[c]!, asset, contamination));
  }
}

/** Member positions of each component, in session order. */
function componentMembers(component: Int32Array, count: number): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < component.length; i++) lists[component[i]!]!.push(i);
  return lists;
}

function clusterRecord(
  members: ClusterMember[],
  sorted: readonly Placed[],
  list: readonly number[],
  span: Window,
  sessions: Int32Array,
  asset: string | null,
): OverlapCluster {
  const lo = sorted[list[0]!]!.index + span[0];
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of list) hi = Math.max(hi, sorted[i]!.index + span[1]);
  return { asset, members, from: isoAt(sessions, lo), to: isoAt(sessions, hi) };
}

function clusterWarning(cluster: OverlapCluster, asset: string | null): Warning {
  const names = cluster.members.map((m) => `${m.id} (day 0 ${m.day0})`);
  return {
    code: "OVERLAPPING_WINDOWS",
    message: `event windows of ${cluster.members.length} statements overlap between ${cluster.from} and ${cluster.to}${asset === null ? "" : ` for ${asset}`}: ${listed(names)}; their abnormal returns share sessions, so their CARs are not independent`,
    event_id: cluster.members[0]!.id,
    ...(asset === null ? {} : { asset }),
    members: cluster.members,
    subjects: cluster.members.map((m) => m.id),
  };
}

function contaminationWarning(
  members: ClusterMember[],
  affected: readonly string[],
  lost: number,
  asset: string | null,
  contamination: "exclude" | "keep",
): Warning {
  const group =
    members.length === 1
      ? `the event window of ${members[0]!.id} (day 0 ${members[0]!.day0}, ${members[0]!.from} to ${members[0]!.to})`
      : `the event windows of ${members.length} overlapping statements (${listed(members.map((m) => m.id))}; ${members[0]!.from} to ${members[members.length - 1]!.to})`;
  return {
    code: "ESTIMATION_CONTAMINATED",
    message: `${group} fall${members.length === 1 ? "s" : ""} inside the estimation window${affected.length === 1 ? "" : "s"} of ${affected.length === 1 ? affected[0]! : `${affected.length} statements (${listed(affected)})`}${asset === null ? "" : ` for ${asset}`}, ${lost} session${lost === 1 ? "" : "s"} in all; ${contamination === "exclude" ? "they are excluded from the estimation samples" : 'they are kept (contamination: "keep")'}`,
    event_id: affected[0]!,
    ...(asset === null ? {} : { asset }),
    members,
    affected,
    subjects: [...members.map((m) => m.id), ...affected],
  };
}

function sampleOf(
  m: Placed,
  estimation: Window | undefined,
  sessions: Int32Array,
  owner: Int32Array,
  asset: string | null,
  contamination: "exclude" | "keep",
  report: (component: number, count: number, lo: number, hi: number) => void,
): EstimationSample {
  // literals written out in full (spreading a shared head into them cloned it for every pair)
  if (estimation === undefined)
    return { event_id: m.id, asset, day0: m.day0, day0_index: m.index, start: null, end: null, shortfall: 0, excluded: [], kept: 0 };
  const n = sessions.length;
  const rawLo = m.index + estimation[0];
  const rawHi = m.index + estimation[1];
  const lo = Math.max(rawLo, 0);
  const hi = Math.min(rawHi, n - 1);
  const shortfall = rawHi - rawLo + 1 - Math.max(0, hi - lo + 1);
  const excluded: number[] = [];
  // the sessions of [lo, hi] covered by event windows, per covering group (the event's own
  // windows never reach its estimation window: normalizeWindows rejects that)
  const seen = new Map<number, { count: number; lo: number; hi: number }>();
  for (let t = lo; t <= hi; t++) {
    const c = owner[t]!;
    if (c < 0) continue;
    if (contamination === "exclude") excluded.push(t);
    const s = seen.get(c);
    if (s === undefined) seen.set(c, { count: 1, lo: t, hi: t });
    else {
      s.count++;
      s.hi = t;
    }
  }
  for (const [c, s] of seen) report(c, s.count, s.lo, s.hi);
  const size = Math.max(0, hi - lo + 1);
  return { event_id: m.id, asset, day0: m.day0, day0_index: m.index, start: lo, end: lo + size, shortfall, excluded, kept: size - excluded.length };
}

/**
 * The estimation-sample mask of an {@link EstimationSample}: one byte per session of
 * `[start, end)`, 1 = use, 0 = excluded.
 *
 * @example
 * const events = [{ id: "E17", day0: dayKeyFromIso("2025-04-07") }, { id: "E34", day0: dayKeyFromIso("2025-04-09") }];
 * const { samples } = checkOverlaps(events, tradingCalendar("XNYS"), { estimation: [-10, -2], windows: [[-1, 1]] });
 * estimationMask(samples[1]!); // => Uint8Array [1, 1, 1, 1, 1, 1, 1, 0, 0]
 */
export function estimationMask(sample: EstimationSample): Uint8Array {
  if (typeof sample !== "object" || sample === null) invalidOption("estimationMask: sample", sample, "an EstimationSample of checkOverlaps");
  if (
    sample.start !== null &&
    sample.end !== null &&
    !(
      Number.isInteger(sample.start) &&
      Number.isInteger(sample.end) &&
      sample.end >= sample.start &&
      sample.end - sample.start <= 1e7 &&
      Array.isArray(sample.excluded)
    )
  ) {
    invalidOption("estimationMask: sample", `start ${String(sample.start)}, end ${String(sample.end)}`, "an EstimationSample of checkOverlaps");
  }
  if (sample.start === null || sample.end === null) return new Uint8Array(0);
  const mask = new Uint8Array(sample.end - sample.start).fill(1);
  for (const i of sample.excluded) mask[i - sample.start] = 0;
  return mask;
}
