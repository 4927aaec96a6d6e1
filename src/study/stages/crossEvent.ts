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
  return crossEventOfRecords(pairs.map(crossEventRecord), opts, sameDay0);
}

/** What the cross-event tests read of one studied pair (also what a shard of a study hands to the merge). */
export function crossEventRecord(p: PairResult): DatedCrossEvent {
  return {
    id: p.eventId,
    asset: p.asset,
    day0: p.days[p.day0Index]!,
    fit: p.fit,
    ars: p.ars,
    estimationDays: estimationDaysOf(p),
    eventDays: p.eventDays,
    estimationOffsets: estimationOffsetsOf(p),
  };
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
