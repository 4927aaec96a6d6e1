/**
 * Overlapping event windows and contaminated estimation windows (docs/conventions.md).
 *
 * Per asset (events without an asset concern every asset), two statements *overlap* when any
 * of their event windows share a session, and a statement *contaminates* another when one of
 * its event windows shares a session with the other's estimation window. With
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

/** Two statements whose event windows share sessions. */
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

/** A statement whose event window reaches into another statement's estimation window. */
export interface ContaminationRecord {
  readonly asset: string | null;
  /** The statement whose estimation window is contaminated. */
  readonly event_id: string;
  readonly event_day0: string;
  /** The statement inside it. */
  readonly other_id: string;
  readonly other_day0: string;
  /** Sessions of the estimation window covered by the other statement's event windows. */
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
  readonly overlaps: OverlapPair[];
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
 * Finds overlapping event windows and contaminated estimation windows, per asset, and builds
 * each event's estimation sample (the sessions to exclude under `contamination: "exclude"`).
 * Emits `OVERLAPPING_WINDOWS` and `ESTIMATION_CONTAMINATED` warnings naming both event ids and
 * their dates, and `DAY0_NOT_IN_DAYS` for events whose day 0 is not one of the days (left out).
 *
 * @param days - the sessions windows are counted on: a calendar or the days of a series.
 * @throws INVALID_OPTION for bad windows or options; INVALID_INPUT for duplicate event ids within an asset.
 * @example
 * // statements on Monday 7 and Wednesday 9 April 2025: their [-1, 1] windows share 8 April
 * const events = [{ id: "E17", day0: dayKeyFromIso("2025-04-07") }, { id: "E34", day0: dayKeyFromIso("2025-04-09") }];
 * const { warnings, samples } = checkOverlaps(events, tradingCalendar("XNYS"), { estimation: [-10, -2], windows: [[-1, 1]] });
 * warnings.map((w) => w.code); // => ["OVERLAPPING_WINDOWS", "ESTIMATION_CONTAMINATED"]
 * samples[1]?.kept; // => 7 (E17's window removed from E34's estimation sample)
 */
export function checkOverlaps(
  events: readonly OverlapEvent[],
  days: TradingCalendar | Int32Array,
  spec: WindowSpec,
  options: OverlapOptions = {},
): OverlapResult {
  const sessions = days instanceof Int32Array ? days : isTradingCalendar(days) ? days.days : invalidOption("days", days, "a TradingCalendar or an Int32Array of sorted day keys");
  const norm = normalizeWindows(spec);
  const contamination = options.contamination ?? "exclude";
  if (contamination !== "exclude" && contamination !== "keep") invalidOption("contamination", contamination, '"exclude" or "keep"');
  if (!Array.isArray(events)) invalidOption("events", events, "an array of { id, day0, asset? }");
  if (options.assets !== undefined && (!Array.isArray(options.assets) || options.assets.some((a) => typeof a !== "string"))) {
    invalidOption("assets", options.assets, "an array of asset names");
  }

  const warnings: Warning[] = [];
  const overlaps: OverlapPair[] = [];
  const contaminations: ContaminationRecord[] = [];
  const samples: EstimationSample[] = [];

  // Position every event; those whose day 0 is not a session are reported and left out.
  const placed: Array<Placed & { readonly asset: string | null }> = [];
  for (const e of events) {
    const index = lowerBound(sessions, e.day0);
    if (sessions[index] !== e.day0) {
      warnings.push({
        code: "DAY0_NOT_IN_DAYS",
        message: `event ${e.id}: day 0 ${Number.isInteger(e.day0) ? isoFromDayKey(e.day0) : String(e.day0)} is not one of the sessions; it is left out of the overlap check`,
        event_id: e.id,
      });
      continue;
    }
    placed.push({ id: e.id, day0: e.day0, index, asset: e.asset ?? null });
  }

  const named = new Set<string>(options.assets ?? []);
  for (const p of placed) if (p.asset !== null) named.add(p.asset);
  const groups: Array<string | null> = named.size === 0 ? [null] : [...named];

  for (const asset of groups) {
    const members = placed.filter((p) => p.asset === null || p.asset === asset);
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.id)) {
        throw new MarketReactionError("INVALID_INPUT", `checkOverlaps: event id ${JSON.stringify(m.id)} appears twice${asset === null ? "" : ` for asset ${asset}`}; pass the rows of one exchange`);
      }
      seen.add(m.id);
    }
    const sorted = [...members].sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const indices = Int32Array.from(sorted, (p) => p.index);
    checkPairs(sorted, indices, norm.windows, norm.eventSpan, sessions, asset, overlaps, warnings);
    for (const m of members) {
      samples.push(sampleOf(m, sorted, indices, norm.estimation, norm.windows, norm.eventSpan, sessions, asset, contamination, contaminations, warnings));
    }
  }
  return { overlaps, contaminations, samples, warnings };
}

function clip(a: number, b: number, n: number): [number, number] {
  return [Math.max(a, 0), Math.min(b, n - 1)];
}

function checkPairs(
  sorted: readonly Placed[],
  indices: Int32Array,
  windows: readonly Window[],
  span: Window,
  sessions: Int32Array,
  asset: string | null,
  overlaps: OverlapPair[],
  warnings: Warning[],
): void {
  const width = span[1] - span[0];
  const n = sessions.length;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && indices[j]! - a.index <= width; j++) {
      const b = sorted[j]!;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const wa of windows) {
        for (const wb of windows) {
          const s = Math.max(a.index + wa[0], b.index + wb[0]);
          const e = Math.min(a.index + wa[1], b.index + wb[1]);
          if (s <= e) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, e);
          }
        }
      }
      if (lo > hi) continue;
      const [cl, ch] = clip(lo, hi, n);
      const from = cl <= ch ? isoFromDayKey(sessions[cl]!) : "";
      const to = cl <= ch ? isoFromDayKey(sessions[ch]!) : "";
      const pair: OverlapPair = {
        asset,
        first_id: a.id,
        second_id: b.id,
        first_day0: isoFromDayKey(a.day0),
        second_day0: isoFromDayKey(b.day0),
        from,
        to,
      };
      overlaps.push(pair);
      warnings.push({
        code: "OVERLAPPING_WINDOWS",
        message: `event windows of ${a.id} (day 0 ${pair.first_day0}) and ${b.id} (day 0 ${pair.second_day0}) overlap${from === "" ? "" : ` from ${from} to ${to}`}${asset === null ? "" : ` for ${asset}`}`,
        event_id: a.id,
        subjects: [a.id, b.id],
        ...(asset === null ? {} : { asset }),
      });
    }
  }
}

function sampleOf(
  m: Placed,
  sorted: readonly Placed[],
  indices: Int32Array,
  estimation: Window | undefined,
  windows: readonly Window[],
  span: Window,
  sessions: Int32Array,
  asset: string | null,
  contamination: "exclude" | "keep",
  contaminations: ContaminationRecord[],
  warnings: Warning[],
): EstimationSample {
  const base = { event_id: m.id, asset, day0: m.day0, day0_index: m.index };
  if (estimation === undefined) return { ...base, start: null, end: null, shortfall: 0, excluded: [], kept: 0 };
  const n = sessions.length;
  const rawLo = m.index + estimation[0];
  const rawHi = m.index + estimation[1];
  const [lo, hi] = clip(rawLo, rawHi, n);
  const shortfall = rawHi - rawLo + 1 - Math.max(0, hi - lo + 1);
  const excludedSet = new Set<number>();
  // Candidates: events whose event span can reach [lo, hi].
  const first = lowerBound(indices, lo - span[1]);
  for (let k = first; k < sorted.length && indices[k]! + span[0] <= hi; k++) {
    const o = sorted[k]!;
    if (o.id === m.id) continue;
    const covered: number[] = [];
    for (const w of windows) {
      const s = Math.max(o.index + w[0], lo);
      const e = Math.min(o.index + w[1], hi);
      for (let t = s; t <= e; t++) covered.push(t);
    }
    if (covered.length === 0) continue;
    const unique = [...new Set(covered)].sort((x, y) => x - y);
    const rec: ContaminationRecord = {
      asset,
      event_id: m.id,
      event_day0: isoFromDayKey(m.day0),
      other_id: o.id,
      other_day0: isoFromDayKey(o.day0),
      sessions: unique.length,
      from: isoFromDayKey(sessions[unique[0]!]!),
      to: isoFromDayKey(sessions[unique[unique.length - 1]!]!),
    };
    contaminations.push(rec);
    warnings.push({
      code: "ESTIMATION_CONTAMINATED",
      message: `the estimation window of ${m.id} (day 0 ${rec.event_day0}, ${isoFromDayKey(sessions[lo]!)} to ${isoFromDayKey(sessions[hi]!)}) contains ${rec.sessions} session${rec.sessions === 1 ? "" : "s"} of the event window of ${o.id} (day 0 ${rec.other_day0}), ${rec.from} to ${rec.to}${asset === null ? "" : ` for ${asset}`}; ${contamination === "exclude" ? "they are excluded from the estimation sample" : "they are kept (contamination: \"keep\")"}`,
      event_id: m.id,
      subjects: [m.id, o.id],
      ...(asset === null ? {} : { asset }),
    });
    if (contamination === "exclude") for (const t of unique) excludedSet.add(t);
  }
  const excluded = [...excludedSet].sort((x, y) => x - y);
  const size = Math.max(0, hi - lo + 1);
  return { ...base, start: lo, end: lo + size, shortfall, excluded, kept: size - excluded.length };
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
  if (sample.start === null || sample.end === null) return new Uint8Array(0);
  const mask = new Uint8Array(sample.end - sample.start).fill(1);
  for (const i of sample.excluded) mask[i - sample.start] = 0;
  return mask;
}
