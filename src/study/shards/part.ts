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

/**
 * The studied pairs of a part as columns (one entry per pair, in the part's order): where each
 * goes, and what its table rows need beyond the result columns. Typed arrays, so that a part
 * crosses from a worker thread without one object per pair.
 */
export interface PartPairs {
  readonly count: number;
  /** The asset (index into the study's assets) and the pair's place among its statements. */
  readonly asset: Int32Array;
  readonly slot: Int32Array;
  readonly eventId: readonly string[];
  /** Day keys of day 0 and of the first and last estimation sessions. */
  readonly day0: Int32Array;
  readonly estimationFirst: Int32Array;
  readonly estimationLast: Int32Array;
  /** Offset from day 0 of the span's first session, and the span's sessions (its abnormal-return rows). */
  readonly spanOffset: Int32Array;
  readonly spanLength: Int32Array;
  /** The day keys of every pair's span, one after the other. */
  readonly spanDays: Int32Array;
  readonly excluded: Int32Array;
  /** CAR rows of the pair. */
  readonly carRows: Int32Array;
  readonly nObs: Float64Array;
  readonly df: Float64Array;
  readonly sigma: Float64Array;
  readonly r2: Float64Array;
  /** Index into `models` and into `names` (the coefficient names). */
  readonly model: Int32Array;
  readonly names: Int32Array;
  readonly models: readonly string[];
  readonly nameSets: readonly (readonly string[])[];
  /** GARCH columns of the models rows (`null` entries for other models); `null` when no pair has them. */
  readonly garch: readonly (Readonly<Record<string, number>> | null)[] | null;
  /** The statement metadata of the rows, by statement id. */
  readonly meta: Readonly<Record<string, EventMetadata>>;
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
  readonly pairs: PartPairs;
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

/**
 * What every part of one study shares, computed once from all its inputs (see `shardHead`): the
 * options, the provenance (the content hashes of every input), the `events` table and the
 * alignment's warnings and skipped rows. With it, `studyShard` needs only the shard's own assets.
 */
export type ShardHead = Pick<StudyPart, "run" | "options" | "provenance" | "events" | "head">;
