/**
 * Stage 8 of `eventStudy`, cross-event tests: AAR and CAAR over all studied (asset, statement)
 * pairs and the tests asked for, pooled by calendar date and by event time.
 * @module
 */
import type { Warning } from "../../errors.js";
import type { DailyRow, WindowRow } from "../../inference/cross/index.js";
import { clusteredCrossEventTests, type DatedCrossEvent, type SameDay0Policy } from "../clustering.js";
import type { ResolvedStudyOptions } from "../options.js";
import { estimationDaysOf, estimationOffsetsOf, type PairResult } from "../pair.js";

/** The `aggregate` block of a study. */
export interface StudyAggregate {
  readonly daily: readonly DailyRow[];
  readonly windows: readonly WindowRow[];
}

/** The cross-event tests over the studied pairs; `undefined` when none were asked for or no pair was studied. */
export function crossEventStage(
  pairs: readonly PairResult[],
  opts: Pick<ResolvedStudyOptions, "windows" | "tests" | "conventions" | "adjust">,
  sameDay0: SameDay0Policy = "merge",
): { readonly aggregate: StudyAggregate; readonly warnings: readonly Warning[] } | undefined {
  if (opts.tests === undefined || pairs.length === 0) return undefined;
  return crossEventOfRecords(crossEventRecords(pairs), opts, sameDay0);
}

/**
 * {@link crossEventRecord} of every pair, with one copy of each distinct estimation sample: pairs
 * whose estimation observations are the same sessions (the usual case: every asset complete on
 * the study's sessions) share their `estimationDays` and `estimationOffsets` arrays, so the tests'
 * comparisons of those arrays stop at the first identity check and no copies are allocated.
 */
export function crossEventRecords(pairs: readonly PairResult[]): DatedCrossEvent[] {
  const samples = new SharedSamples();
  return pairs.map((p) => {
    const s = samples.of(p);
    return recordOf(p, s.estimationDays, s.estimationOffsets);
  });
}

/** The estimation days and offsets of the pairs seen so far, by day 0 index and sessions array. */
class SharedSamples {
  private readonly byDay0 = new Map<number, { days: Int32Array; used: ArrayLike<number>; estimationDays: Int32Array; estimationOffsets: Int32Array }[]>();

  of(p: PairResult): { estimationDays: Int32Array; estimationOffsets: Int32Array } {
    let list = this.byDay0.get(p.day0Index);
    if (list === undefined) this.byDay0.set(p.day0Index, (list = []));
    const used = p.fit.used;
    for (const c of list) if (c.days === p.days && sameIndices(c.used, used)) return c;
    const entry = { days: p.days, used, estimationDays: estimationDaysOf(p), estimationOffsets: estimationOffsetsOf(p) };
    if (list.length < 8) list.push(entry);
    return entry;
  }
}

function sameIndices(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/** What the cross-event tests read of one studied pair (also what a shard of a study hands to the merge). */
export function crossEventRecord(p: PairResult): DatedCrossEvent {
  return recordOf(p, estimationDaysOf(p), estimationOffsetsOf(p));
}

function recordOf(p: PairResult, estimationDays: Int32Array, estimationOffsets: Int32Array): DatedCrossEvent {
  return { id: p.eventId, asset: p.asset, day0: p.days[p.day0Index]!, fit: p.fit, ars: p.ars, estimationDays, eventDays: p.eventDays, estimationOffsets };
}

/** The cross-event tests over the records of the studied pairs, in the study's pair order. */
export function crossEventOfRecords(
  records: readonly DatedCrossEvent[],
  opts: Pick<ResolvedStudyOptions, "windows" | "tests" | "conventions" | "adjust">,
  sameDay0: SameDay0Policy,
): { readonly aggregate: StudyAggregate; readonly warnings: readonly Warning[] } | undefined {
  if (opts.tests === undefined || records.length === 0) return undefined;
  // clustered dates: statements of one asset sharing day 0 merged, robust tests first (../clustering.ts)
  const cross = clusteredCrossEventTests(records, { windows: opts.windows, tests: opts.tests, conventions: opts.conventions, adjust: opts.adjust, sameDay0 });
  return { aggregate: { daily: cross.daily, windows: cross.windows }, warnings: cross.warnings };
}
