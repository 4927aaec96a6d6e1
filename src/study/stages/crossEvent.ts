/**
 * Stage 8 of `eventStudy`, cross-event tests: AAR and CAAR over all studied (asset, statement)
 * pairs and the tests asked for, pooled by calendar date and by event time.
 * @module
 */
import type { Warning } from "../../errors.js";
import type { DailyRow, WindowRow } from "../../inference/cross/index.js";
import { clusteredCrossEventTests, type SameDay0Policy } from "../clustering.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { PairResult } from "../pair.js";

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
  const { days, offsets } = estimationKeys(pairs);
  // clustered dates: statements of one asset sharing day 0 merged, robust tests first (../clustering.ts)
  const cross = clusteredCrossEventTests(
    pairs.map((p, i) => ({
      id: p.eventId,
      asset: p.asset,
      day0: p.days[p.day0Index]!,
      fit: p.fit,
      ars: p.ars,
      estimationDays: days[i]!,
      eventDays: p.eventDays,
      estimationOffsets: offsets[i]!,
    })),
    { windows: opts.windows, tests: opts.tests, conventions: opts.conventions, adjust: opts.adjust, sameDay0 },
  );
  return { aggregate: { daily: cross.daily, windows: cross.windows }, warnings: cross.warnings };
}

/**
 * Each pair's estimation days and offsets from day 0 (what `estimationDaysOf` and
 * `estimationOffsetsOf` give), as views into two arrays shared by all pairs: two allocations
 * instead of two per pair.
 */
function estimationKeys(pairs: readonly PairResult[]): { days: Int32Array[]; offsets: Int32Array[] } {
  let total = 0;
  for (const p of pairs) total += p.fit.used.length;
  const allDays = new Int32Array(total);
  const allOffsets = new Int32Array(total);
  const days: Int32Array[] = [];
  const offsets: Int32Array[] = [];
  let at = 0;
  for (const p of pairs) {
    const used = p.fit.used;
    for (let j = 0; j < used.length; j++) {
      allDays[at + j] = p.days[used[j]!]!;
      allOffsets[at + j] = used[j]! - p.day0Index;
    }
    days.push(allDays.subarray(at, at + used.length));
    offsets.push(allOffsets.subarray(at, at + used.length));
    at += used.length;
  }
  return { days, offsets };
}
