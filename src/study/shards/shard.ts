/**
 * `studyShard`: one shard of a study, computed by the stages of `eventStudy` with hooks that
 * choose the shard's assets or pairs and mark where each warning and skipped row belongs.
 * @module
 */
import { invalidOption, type Warning } from "../../errors.js";
import type { AlignedReturns } from "../../returns/index.js";
import { checkObject } from "../../check.js";
import { runStudy, type StudyRun } from "../eventStudy.js";
import type { EventStudyOptions } from "../options.js";
import type { SkippedRow } from "../rows.js";
import { studyHeader } from "../stages/assembly.js";
import type { RowSource } from "../stages/columns.js";
import { crossEventRecord } from "../stages/crossEvent.js";
import type { PairPlan } from "../stages/plan.js";
import { metadataOf } from "../eventRows.js";
import type { EventMetadata } from "../rows.js";
import { ASSET_SLOT, FAMILY_SLOT, type ShardHooks } from "./hooks.js";
import { ownAssets } from "./own.js";
import { PART_FORMAT, PART_VERSION, type PartFamily, type PartPairs, type PartSlot, type ShardHead, type ShardSpec, type StudyPart } from "./part.js";
import { runOptionsOf } from "./runOptions.js";

/**
 * One shard of a study: the same stages as {@link eventStudy} over the shard's assets (`by:
 * "assets"`) or the shard's statements for every asset (`by: "statements"`), returned as a
 * {@link StudyPart}. `mergeStudies` of the parts of all `count` shards is the study of the single
 * run, byte for byte (`toJSONText()`): tables, warnings, skipped rows, provenance, overlaps and the
 * cross-event tests (computed at the merge from each pair's fit and abnormal returns).
 *
 * Without `head`, every shard reads all the inputs (the provenance fingerprints them all) and
 * computes only its share of the pairs. With `head` (from `shardHead` on the whole study's
 * options), `options.assets` holds only the shard's own assets (by assets: those at positions
 * `index`, `index + count`, … of the study's assets; by statements: all of them), and the shard
 * reads, aligns and hashes only those; each is checked against the content hash the head
 * recorded. Shard by assets for many assets; by statements for few assets with many statements.
 *
 * @throws SHARD_MISMATCH with `head`, when the options or assets are not those the head was made
 *   from (an asset of another shard, one missing, different data or options).
 * @throws INVALID_OPTION for a malformed shard; for `by: "statements"` with `regression` or
 *   `placebo` (a series' dummy-variable regression and placebo test need all its statements at
 *   once: shard such a study by assets); and whatever `eventStudy` throws.
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const pause = dayKeyFromIso("2025-04-09");
 * const asset = (k: number): Series => ({ id: `S${k}`, kind: "return", days, values: Float64Array.from(days, (d, i) => (d === pause ? 0.02 * k : 0.004 * Math.sin(k * i))) });
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const options = { assets: [1, 2, 3].map(asset), events, estimation: [-120, -11] as const, tests: ["cross_sectional_t"] as const };
 * const parts = [0, 1].map((index) => studyShard(options, { by: "assets", index, count: 2 }));
 * parts.map((p) => p.pairs.count); // => [2, 1]
 * mergeStudies(parts).toJSONText() === eventStudy(options).toJSONText(); // => true
 * ```
 */
export function studyShard(options: EventStudyOptions, shard: ShardSpec, head?: ShardHead): StudyPart {
  checkObject("studyShard", "options", options);
  const spec = checkShard(shard);
  if (head !== undefined) checkObject("studyShard", "head", head);
  if (spec.by === "statements") {
    for (const name of ["regression", "placebo"] as const) {
      const v = options[name];
      if (v !== undefined && v !== false)
        invalidOption(
          "shard",
          `${spec.index}/${spec.count} by statements`,
          `shards by assets: the ${name === "regression" ? "dummy-variable regression" : "placebo test"} of a series (option ${name}) needs all its statements at once`,
        );
    }
  }
  const events = Array.isArray(options.events) ? options.events : [];
  const statementIndex = new Map(events.map((e, i) => [e.id, i]));
  if (head === undefined) {
    const recorder = new ShardRecorder(spec, statementIndex, undefined);
    return recorder.part(runStudy(options, recorder), options, undefined);
  }
  const own = ownAssets(options, spec, head);
  const recorder = new ShardRecorder(spec, statementIndex, own.indices);
  return recorder.part(runStudy(own.options, recorder), options, head);
}

/**
 * The shard, checked.
 * @throws INVALID_OPTION naming the field out of its domain.
 */
export function checkShard(shard: ShardSpec): ShardSpec {
  checkObject("studyShard", "shard", shard);
  if (shard.by !== "assets" && shard.by !== "statements") invalidOption("shard.by", shard.by, '"assets" or "statements"');
  if (!Number.isInteger(shard.count) || shard.count < 1) invalidOption("shard.count", shard.count, "a whole number ≥ 1");
  if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count)
    invalidOption("shard.index", shard.index, `a whole number from 0 to ${shard.count - 1} (count − 1)`);
  return { by: shard.by, index: shard.index, count: shard.count };
}

/** Where the lists stood when an asset's slot began. */
interface Mark {
  readonly asset: number;
  readonly slot: number;
  readonly warnings: number;
  readonly skipped: number;
  readonly sources: number;
}

/** The hooks of one shard, and the part built from what they saw. */
class ShardRecorder implements ShardHooks {
  private warnings: readonly Warning[] = [];
  private skipped: readonly SkippedRow[] = [];
  private sources: readonly RowSource[] = [];
  private readonly marks: Mark[] = [];
  private readonly families: PartFamily[] = [];
  private pairId = "";
  private readonly slotOf = new Map<string, number>();

  /**
   * @param studyIndex with a shard head: the position among the study's assets of each asset the
   *   run sees (the run sees only the shard's own assets); without, the run sees them all.
   */
  constructor(
    private readonly spec: ShardSpec,
    private readonly statementIndex: ReadonlyMap<string, number>,
    private readonly studyIndex: Int32Array | undefined,
  ) {}

  /** The position among the study's assets of the run's asset `runIndex`. */
  private inStudy(runIndex: number): number {
    return this.studyIndex === undefined ? runIndex : this.studyIndex[runIndex]!;
  }

  begin(warnings: readonly Warning[], skipped: readonly SkippedRow[], sources: readonly RowSource[]): void {
    this.warnings = warnings;
    this.skipped = skipped;
    this.sources = sources;
  }

  takesAsset(assetIndex: number): boolean {
    return this.spec.by !== "assets" || this.inStudy(assetIndex) % this.spec.count === this.spec.index;
  }

  takesPair(_assetIndex: number, eventId: string): boolean {
    this.pairId = eventId;
    return this.spec.by !== "statements" || (this.statementIndex.get(eventId) ?? 0) % this.spec.count === this.spec.index;
  }

  mark(assetIndex: number, slot: number): void {
    if (slot === ASSET_SLOT) this.slotOf.clear();
    else if (slot >= 0 && slot < FAMILY_SLOT) this.slotOf.set(this.pairId, slot);
    this.marks.push({ asset: this.inStudy(assetIndex), slot, warnings: this.warnings.length, skipped: this.skipped.length, sources: this.sources.length });
  }

  defersFamily(assetId: string, data: AlignedReturns, studied: readonly PairPlan[]): boolean {
    if (this.spec.by !== "statements") return false;
    const asset = this.marks[this.marks.length - 1]!.asset;
    this.families.push({
      asset,
      assetId,
      returns: data.asset,
      studied: studied.map((p) => ({
        slot: this.slotOf.get(p.eventId)!,
        eventId: p.eventId,
        day0: p.day0,
        spanStart: p.spanStart,
        spanEnd: p.spanEnd,
        estStart: p.est.start,
        estEnd: p.est.end,
      })),
    });
    return true;
  }

  end(): void {
    this.marks.push({ asset: Number.MAX_SAFE_INTEGER, slot: 0, warnings: this.warnings.length, skipped: this.skipped.length, sources: this.sources.length });
  }

  /** The part of this shard from the run's results. */
  part(run: StudyRun, options: EventStudyOptions, head: ShardHead | undefined): StudyPart {
    const { parts } = run;
    const first = this.marks[0]!;
    const shared: ShardHead = head ?? {
      run: runOptionsOf(options),
      ...studyHeader(parts, run.opts),
      events: parts.eventRows,
      head: { warnings: parts.warnings.slice(0, first.warnings), skipped: parts.skipped.slice(0, first.skipped) },
    };
    const assetIndex = new Map((shared.options.assets as readonly string[]).map((id, i) => [id, i]));
    const pairs = this.pairsOf(parts.cols.car.length);
    const columns: Record<string, Float64Array> = {};
    for (const [name, col] of Object.entries(parts.cols)) columns[name] = col.data.slice(0, col.length);
    return {
      format: PART_FORMAT,
      version: PART_VERSION,
      shard: this.spec,
      run: shared.run,
      options: shared.options,
      provenance: shared.provenance,
      events: shared.events,
      head: shared.head,
      slots: this.slots(),
      pairs,
      columns,
      cross: parts.pairs === undefined ? null : parts.pairs.map(crossEventRecord),
      overlaps: run.overlaps.entries().map((g) => ({ key: g.key, warnings: g.warnings, assets: g.assets.map((id) => assetIndex.get(id)!) })),
      regressions: parts.regressions.map((regression) => ({ asset: assetIndex.get(String(regression.info.asset))!, regression })),
      placebo: parts.placebo,
      families: this.families,
    };
  }

  /** The warnings and skipped rows between consecutive marks (empty slots left out). */
  private slots(): PartSlot[] {
    const out: PartSlot[] = [];
    for (let k = 0; k + 1 < this.marks.length; k++) {
      const m = this.marks[k]!;
      const next = this.marks[k + 1]!;
      if (next.warnings === m.warnings && next.skipped === m.skipped) continue;
      out.push({
        asset: m.asset,
        slot: m.slot,
        warnings: this.warnings.slice(m.warnings, next.warnings),
        skipped: this.skipped.slice(m.skipped, next.skipped),
      });
    }
    return out;
  }

  /** The studied pairs as columns, each with its asset and slot (the mark its row source came under). */
  private pairsOf(carRows: number): PartPairs {
    const n = this.sources.length;
    const out = new PairColumns(n);
    for (let k = 0; k + 1 < this.marks.length; k++) {
      const m = this.marks[k]!;
      const next = this.marks[k + 1]!;
      for (let s = m.sources; s < next.sources; s++) out.add(s, m.asset, m.slot, this.sources[s]!, this.sources[s + 1]?.carAt ?? carRows);
    }
    return out.done();
  }
}

/** The columns of {@link PartPairs}, filled pair by pair. */
class PairColumns {
  private readonly ints: Record<
    "asset" | "slot" | "day0" | "estimationFirst" | "estimationLast" | "spanOffset" | "spanLength" | "excluded" | "carRows" | "model" | "names",
    Int32Array
  >;
  private readonly floats: Record<"nObs" | "df" | "sigma" | "r2", Float64Array>;
  private readonly eventId: string[] = [];
  private readonly spans: Int32Array[] = [];
  private readonly garch: (Readonly<Record<string, number>> | null)[] = [];
  private readonly models = new Map<string, number>();
  private readonly nameSets = new Map<string, { index: number; names: readonly string[] }>();
  private readonly meta: Record<string, EventMetadata> = {};

  constructor(private readonly n: number) {
    const i = (): Int32Array => new Int32Array(n);
    const f = (): Float64Array => new Float64Array(n);
    this.ints = {
      asset: i(),
      slot: i(),
      day0: i(),
      estimationFirst: i(),
      estimationLast: i(),
      spanOffset: i(),
      spanLength: i(),
      excluded: i(),
      carRows: i(),
      model: i(),
      names: i(),
    };
    this.floats = { nObs: f(), df: f(), sigma: f(), r2: f() };
  }

  add(k: number, asset: number, slot: number, src: RowSource, carEnd: number): void {
    const { plan } = src;
    const days = plan.data.days;
    const I = this.ints;
    I.asset[k] = asset;
    I.slot[k] = slot;
    I.day0[k] = plan.day0;
    I.estimationFirst[k] = days[plan.est.start]!;
    I.estimationLast[k] = days[plan.est.end - 1]!;
    I.spanOffset[k] = plan.spanStart - plan.day0Index;
    I.spanLength[k] = plan.spanEnd - plan.spanStart;
    I.excluded[k] = plan.excluded;
    I.carRows[k] = carEnd - src.carAt;
    I.model[k] = indexOf(this.models, src.model);
    const key = src.names.join("\u0000");
    let set = this.nameSets.get(key);
    if (set === undefined) this.nameSets.set(key, (set = { index: this.nameSets.size, names: src.names }));
    I.names[k] = set.index;
    this.floats.nObs[k] = src.nObs;
    this.floats.df[k] = src.df;
    this.floats.sigma[k] = src.sigma;
    this.floats.r2[k] = src.r2;
    this.eventId.push(plan.eventId);
    this.spans.push(days.subarray(plan.spanStart, plan.spanEnd));
    this.garch.push(src.garch ?? null);
    this.meta[plan.eventId] ??= metadataOf(plan.event);
  }

  done(): PartPairs {
    const spanDays = new Int32Array(this.ints.spanLength.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const span of this.spans) {
      spanDays.set(span, at);
      at += span.length;
    }
    return {
      count: this.n,
      ...this.ints,
      ...this.floats,
      eventId: this.eventId,
      spanDays,
      models: [...this.models.keys()],
      nameSets: [...this.nameSets.values()].map((s) => s.names),
      garch: this.garch.some((g) => g !== null) ? this.garch : null,
      meta: this.meta,
    };
  }
}

function indexOf(table: Map<string, number>, key: string): number {
  let i = table.get(key);
  if (i === undefined) table.set(key, (i = table.size));
  return i;
}
