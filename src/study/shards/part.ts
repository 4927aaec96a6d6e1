/**
 * The part of a sharded study: what one shard computed, in a form the merge can put back in the
 * single run's order (and, through `codec.ts`, as exact JSON text).
 * @module
 */
import type { Warning } from "../../errors.js";
import type { PlaceboResult } from "../../inference/clustered/index.js";
import type { Provenance } from "../../output/provenance.js";
import type { DatedCrossEvent } from "../clustering.js";
import type { EventMetadata, EventRow, SkippedRow } from "../rows.js";
import type { ClusteredRegression } from "../stages/clustered.js";

/** The `format` field of a study part. */
export const PART_FORMAT = "market-reaction/study-part";
/** The version of the part format (a merge refuses parts of another version). */
export const PART_VERSION = 1;

/**
 * One shard of a study: shard `index` (0-based) of `count`, by assets (asset `i` of the study's
 * assets goes to shard `i mod count`) or by statements (statement `j` of the study's statements
 * goes to shard `j mod count`, for every asset).
 */
export interface ShardSpec {
  readonly by: "assets" | "statements";
  readonly index: number;
  readonly count: number;
}

/** The warnings and skipped rows of one asset's slot (its own, one pair's, or its clustered family's). */
export interface PartSlot {
  readonly asset: number;
  readonly slot: number;
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
}

/** One studied pair: where it goes, and what its table rows need beyond the columns. */
export interface PartPair {
  readonly asset: number;
  /** Its place among the asset's statements. */
  readonly slot: number;
  readonly eventId: string;
  readonly assetId: string;
  /** Day keys of day 0, of the first and last estimation sessions, and of the event span's sessions. */
  readonly day0: number;
  readonly estimationFirst: number;
  readonly estimationLast: number;
  readonly spanDays: Int32Array;
  /** Offset from day 0 of the span's first session. */
  readonly spanOffset: number;
  readonly excluded: number;
  readonly meta: EventMetadata;
  readonly model: string;
  readonly names: readonly string[];
  readonly nObs: number;
  readonly df: number;
  readonly sigma: number;
  readonly r2: number;
  readonly garch?: Readonly<Record<string, number>>;
  /** Its numbers of rows in the abnormal-return and CAR columns. */
  readonly carRows: number;
}

/** An asset's clustered-statement family left to the merge (shards by statements). */
export interface PartFamily {
  readonly asset: number;
  readonly assetId: string;
  /** The asset's returns on its sessions (what the volatility check reads). */
  readonly returns: Float64Array;
  /** The asset's pairs this shard studied, with what the check reads of their plans. */
  readonly studied: readonly { slot: number; eventId: string; day0: number; spanStart: number; spanEnd: number; estStart: number; estEnd: number }[];
}

/** A group of assets sharing one overlap check. */
export interface PartOverlapGroup {
  readonly key: string;
  readonly warnings: readonly Warning[];
  readonly assets: readonly number[];
}

/**
 * What one shard of a study computed (see `studyShard`); `mergeStudies` makes the study of the
 * single run from all the parts. Plain data: structured-cloneable, and JSON through
 * `studyPartToJSONText` / `parseStudyPart` without losing a bit.
 */
export interface StudyPart {
  readonly format: typeof PART_FORMAT;
  readonly version: number;
  readonly shard: ShardSpec;
  /** The options that shape the output beyond the `options` block (exchanges, non-synchronous policy, same-day-0 policy, …). */
  readonly run: Readonly<Record<string, unknown>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
  readonly events: readonly EventRow[];
  /** The warnings and skipped rows of the alignment (the same in every part). */
  readonly head: { readonly warnings: readonly Warning[]; readonly skipped: readonly SkippedRow[] };
  readonly slots: readonly PartSlot[];
  readonly pairs: readonly PartPair[];
  /** The numeric columns of the abnormal, CAR and model rows of `pairs`, in their order. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** What the cross-event tests read of each pair (aligned with `pairs`); `null` without tests. */
  readonly cross: readonly DatedCrossEvent[] | null;
  readonly overlaps: readonly PartOverlapGroup[];
  readonly regressions: readonly { readonly asset: number; readonly regression: ClusteredRegression }[];
  readonly placebo: PlaceboResult | null;
  readonly families: readonly PartFamily[];
  /** Warnings of reading the input files (the command line's readers), written before the study's; not compared by the merge. */
  readonly inputWarnings?: readonly Warning[];
}
