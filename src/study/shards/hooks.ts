/**
 * The hooks a shard of a study sets in `eventStudy`'s stages: which assets and pairs it
 * computes, and marks that tell which asset and pair each warning and skipped row belongs to
 * (so that the merge can put them back in the single run's order).
 * @module
 */
import type { Warning } from "../../errors.js";
import type { AlignedReturns } from "../../returns/index.js";
import type { SkippedRow } from "../rows.js";
import type { RowSource } from "../stages/columns.js";
import type { PairPlan } from "../stages/plan.js";

/** The slot of an asset's own warnings and skips (before its first pair). */
export const ASSET_SLOT = -1;
/** The slot of an asset's clustered-statement family (after its last pair). */
export const FAMILY_SLOT = 1_000_000_000;

/** What a shard run tells the stages and hears from them. @internal */
export interface ShardHooks {
  /** Called once, after alignment: the lists whose later entries the marks place. */
  begin(warnings: readonly Warning[], skipped: readonly SkippedRow[], sources: readonly RowSource[]): void;
  /** Whether this shard computes the asset (index into the study's assets). */
  takesAsset(assetIndex: number): boolean;
  /** Whether this shard computes the pair. */
  takesPair(assetIndex: number, eventId: string): boolean;
  /** What is pushed from now on belongs to this asset and slot (a pair's place among the asset's statements, or a slot above). */
  mark(assetIndex: number, slot: number): void;
  /**
   * Whether the clustered-statement family of the asset is left to the merge (a shard by
   * statements sees only some of the asset's pairs); the hook keeps what the merge needs.
   */
  defersFamily(assetId: string, data: AlignedReturns, studied: readonly PairPlan[]): boolean;
  /** Called once, after the last asset. */
  end(): void;
}
