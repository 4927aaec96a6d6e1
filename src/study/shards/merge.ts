/**
 * `mergeStudies`: the study of the single run from the parts of all its shards. The parts' rows,
 * warnings and skipped rows go back to the single run's order (asset by asset, each asset's own
 * entries, then its pairs in statement order, then its clustered family); the steps that span
 * shards (overlap warnings naming the assets of a group, the volatility check of an asset sharded
 * by statements, the cross-event tests) run here on what the parts carry.
 * @module
 */
import { MarketReactionError, type Warning } from "../../errors.js";
import type { PlaceboResult } from "../../inference/clustered/index.js";
import type { ModelColumns } from "../../models/spec.js";
import type { AlignedReturns } from "../../returns/index.js";
import type { Window } from "../../types.js";
import type { DatedCrossEvent, SameDay0Policy } from "../clustering.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { SkippedRow } from "../rows.js";
import { Study } from "../study.js";
import { noValidEvents, rowBuilders, studyData } from "../stages/assembly.js";
import { clusteredFamily, type ClusteredRegression } from "../stages/clustered.js";
import { Column, type RowSource, type StudyColumnSet } from "../stages/columns.js";
import { crossEventOfRecords } from "../stages/crossEvent.js";
import { overlapWarnings, type PairPlan } from "../stages/plan.js";
import { decodeExact, encodeExact } from "./codec.js";
import { checkParts } from "./compare.js";
import { FAMILY_SLOT } from "./hooks.js";
import type { PartFamily, PartPair, PartSlot, StudyPart } from "./part.js";

/**
 * The study of the single run from the parts of all its shards (each a {@link StudyPart} from
 * `studyShard`, or its text from `studyPartToJSONText`): `toJSONText()` gives the same bytes as
 * `eventStudy` on the same options and data. The `pairs` of a merged study are empty (the
 * per-pair building blocks stay with the shards).
 *
 * @throws SHARD_MISMATCH when the parts are not the shards of one study (naming the difference:
 *   a shard missing or twice, the option or the input whose fingerprint differs, the library version).
 * @throws INVALID_INPUT for text that is not a study part; NO_VALID_EVENTS when no shard studied a pair.
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const asset = (k: number): Series => ({ id: `S${k}`, kind: "return", days, values: Float64Array.from(days, (_d, i) => 0.004 * Math.sin(k * i)) });
 * const { events } = parseEventsCsv("id,timestamp\nE1,2025-04-02T16:15\nE34,2025-04-09T13:18\n");
 * const options = { assets: [1, 2].map(asset), events, estimation: [-120, -11] as const };
 * const texts = [0, 1, 2].map((index) => studyPartToJSONText(studyShard(options, { by: "statements", index, count: 3 })));
 * mergeStudies(texts).toJSONText() === eventStudy(options).toJSONText(); // => true
 * const missing = toSafe(() => mergeStudies(texts.slice(1)));
 * missing.success ? "merged" : missing.error.code; // => "SHARD_MISMATCH" (shard 0 of 3 missing)
 * ```
 */
export function mergeStudies(parts: readonly (StudyPart | string)[]): Study {
  if (!Array.isArray(parts)) throw new MarketReactionError("SHARD_MISMATCH", `mergeStudies: parts must be an array of study parts, got ${typeof parts}`);
  const list = parts.map((p) => (typeof p === "string" ? parseStudyPart(p) : p));
  checkParts(list);
  const first = list[0]!;
  const options = first.options;
  const pairs = orderedPairs(list);
  const { warnings, skipped } = orderedEntries(list);
  warnings.push(...mergedOverlapWarnings(list, options.assets as readonly string[]));
  const regressions = list
    .flatMap((p) => p.regressions)
    .sort((a, b) => a.asset - b.asset)
    .map((r) => r.regression as ClusteredRegression);
  const placebo: PlaceboResult | null = list.find((p) => p.placebo !== null)?.placebo ?? null;
  const windows = options.windows as readonly Window[];
  const cross = crossOf(pairs, options, (first.run.sameDay0 as SameDay0Policy | undefined) ?? "merge");
  if (cross !== undefined) warnings.push(...cross.warnings);
  if (pairs.length === 0) throw noValidEvents(skipped);
  const { sources, cols } = mergedColumns(pairs);
  const data = studyData({ eventRows: first.events, warnings, skipped, regressions, placebo, aggregate: cross?.aggregate }, options, {
    regression: "regression" in options,
    placebo: "placebo" in options,
  });
  return new Study(data, [], first.provenance, rowBuilders(sources, cols, windows, undefined));
}

/**
 * The exact JSON text of a study part (typed arrays as base64 of their bytes, NaN and ±Infinity
 * kept): what a shard on another machine writes for `mergeStudies` / `market-reaction merge`.
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const part = studyShard({ assets: [{ id: "S1", kind: "return", days, values: Float64Array.from(days, (_d, i) => 0.004 * Math.sin(i)) }], events, estimation: [-120, -11] }, { by: "assets", index: 0, count: 1 });
 * JSON.parse(studyPartToJSONText(part)).format; // => "market-reaction/study-part"
 * ```
 */
export function studyPartToJSONText(part: StudyPart): string {
  return JSON.stringify(encodeExact(part));
}

/**
 * A study part from its JSON text ({@link studyPartToJSONText}).
 * @throws INVALID_INPUT for text that is not JSON or not a study part.
 * @example
 * ```ts
 * const r = toSafe(() => parseStudyPart("{}"));
 * r.success ? "a part" : r.error.code; // => "INVALID_INPUT"
 * ```
 */
export function parseStudyPart(text: string): StudyPart {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MarketReactionError("INVALID_INPUT", `a study part must be JSON text: ${(error as Error).message}`);
  }
  const part = decodeExact(raw) as StudyPart;
  if (typeof part !== "object" || part === null || part.format !== "market-reaction/study-part")
    throw new MarketReactionError(
      "INVALID_INPUT",
      'not a study part (no "format": "market-reaction/study-part"); write parts with studyPartToJSONText or market-reaction study --shard',
    );
  return part;
}

/** A pair of a part with where its numbers sit in that part's columns. */
interface Located {
  readonly part: StudyPart;
  readonly pair: PartPair;
  readonly index: number;
  readonly arAt: number;
  readonly carAt: number;
  readonly coefAt: number;
}

const byPlace = (a: { asset: number; slot: number }, b: { asset: number; slot: number }): number => a.asset - b.asset || a.slot - b.slot;

/** Every part's pairs in the single run's order (asset, then statement). */
function orderedPairs(parts: readonly StudyPart[]): Located[] {
  const out: Located[] = [];
  for (const part of parts) {
    let arAt = 0;
    let carAt = 0;
    let coefAt = 0;
    part.pairs.forEach((pair, index) => {
      out.push({ part, pair, index, arAt, carAt, coefAt });
      arAt += pair.spanDays.length;
      carAt += pair.carRows;
      coefAt += pair.names.length;
    });
  }
  return out.sort((a, b) => byPlace(a.pair, b.pair));
}

/**
 * The warnings and skipped rows in the single run's order: the alignment's (the same in every
 * part), then asset by asset, slot by slot. An asset's own slot is in every part by statements
 * (the same there): it is taken once. Families left to the merge are checked here.
 */
function orderedEntries(parts: readonly StudyPart[]): { warnings: Warning[]; skipped: SkippedRow[] } {
  const head = parts.find((p) => p.shard.index === 0)!.head;
  const slots = new Map<string, PartSlot>();
  for (const part of parts) for (const s of part.slots) if (!slots.has(`${s.asset}|${s.slot}`)) slots.set(`${s.asset}|${s.slot}`, s);
  for (const s of familySlots(parts)) slots.set(`${s.asset}|${s.slot}`, s);
  const warnings = [...head.warnings];
  const skipped = [...head.skipped];
  for (const s of [...slots.values()].sort(byPlace)) {
    warnings.push(...s.warnings);
    skipped.push(...s.skipped);
  }
  return { warnings, skipped };
}

/** The clustered family (the volatility check) of each asset whose statements were sharded. */
function familySlots(parts: readonly StudyPart[]): PartSlot[] {
  const byAsset = new Map<number, PartFamily[]>();
  for (const part of parts)
    for (const f of part.families) {
      const list = byAsset.get(f.asset) ?? [];
      list.push(f);
      byAsset.set(f.asset, list);
    }
  const out: PartSlot[] = [];
  for (const [asset, families] of byAsset) {
    const studied = families.flatMap((f) => f.studied).sort((a, b) => a.slot - b.slot);
    const plans = studied.map(
      (p) =>
        ({ eventId: p.eventId, day0: p.day0, spanStart: p.spanStart, spanEnd: p.spanEnd, est: { start: p.estStart, end: p.estEnd } }) as unknown as PairPlan,
    );
    const data = { asset: families[0]!.returns } as unknown as AlignedReturns;
    // no regression and no placebo (refused for shards by statements): the volatility check alone
    const asked = { regression: undefined, placebo: undefined } as unknown as ResolvedStudyOptions;
    const family = clusteredFamily(families[0]!.assetId, data, {} as ModelColumns, plans, asked);
    if (family.warnings.length > 0) out.push({ asset, slot: FAMILY_SLOT, warnings: family.warnings, skipped: [] });
  }
  return out;
}

/** The overlap warnings of the groups of all parts, each group's assets in study order. */
function mergedOverlapWarnings(parts: readonly StudyPart[], assetIds: readonly string[]): Warning[] {
  const groups = new Map<string, { warnings: readonly Warning[]; assets: Set<number> }>();
  for (const part of parts)
    for (const g of part.overlaps) {
      const group = groups.get(g.key) ?? { warnings: g.warnings, assets: new Set<number>() };
      for (const a of g.assets) group.assets.add(a);
      groups.set(g.key, group);
    }
  const ordered = [...groups.values()]
    .map((g) => ({ warnings: g.warnings, indices: [...g.assets].sort((a, b) => a - b) }))
    .sort((a, b) => a.indices[0]! - b.indices[0]!);
  return overlapWarnings(ordered.map((g) => ({ warnings: g.warnings, assets: g.indices.map((i) => assetIds[i]!) })));
}

/** The cross-event tests over all pairs (when the options ask for them). */
function crossOf(pairs: readonly Located[], options: Readonly<Record<string, unknown>>, sameDay0: SameDay0Policy) {
  if (!("tests" in options)) return undefined;
  const records: DatedCrossEvent[] = pairs.map((p) => p.part.cross![p.index]!);
  const opts = { windows: options.windows, tests: options.tests, conventions: options.conventions, adjust: options.adjust } as Pick<
    ResolvedStudyOptions,
    "windows" | "tests" | "conventions" | "adjust"
  >;
  return crossEventOfRecords(records, opts, sameDay0);
}

/** The result columns of all pairs in order, and the row source of each. */
function mergedColumns(pairs: readonly Located[]): { sources: RowSource[]; cols: StudyColumnSet } {
  const names = Object.keys(pairs[0]!.part.columns);
  const cols: Record<string, Column> = {};
  for (const name of names) cols[name] = new Column(0);
  const sources: RowSource[] = [];
  const ar = AR_COLUMNS;
  let arAt = 0;
  let carAt = 0;
  let coefAt = 0;
  for (const p of pairs) {
    const { pair } = p;
    const arN = pair.spanDays.length;
    const coefN = pair.names.length;
    for (const name of names) {
      const from = ar.has(name) ? p.arAt : name === "coefficients" ? p.coefAt : p.carAt;
      const n = ar.has(name) ? arN : name === "coefficients" ? coefN : pair.carRows;
      append(cols[name]!, p.part.columns[name]!.subarray(from, from + n));
    }
    sources.push(rowSource(pair, arAt, carAt, coefAt));
    arAt += arN;
    carAt += pair.carRows;
    coefAt += coefN;
  }
  return { sources, cols: cols as unknown as StudyColumnSet };
}

/** The columns with one entry per abnormal-return row. */
const AR_COLUMNS = new Set(["actual", "expected", "ar", "se", "t", "p"]);

function append(col: Column, values: Float64Array): void {
  if (col.length + values.length > col.data.length) {
    const grown = new Float64Array(Math.max(2 * col.data.length, col.length + values.length));
    grown.set(col.data.subarray(0, col.length));
    col.data = grown;
  }
  col.data.set(values, col.length);
  col.length += values.length;
}

/**
 * The row source of a merged pair: its plan holds just what the row builders read (the sessions
 * are [first estimation day, last estimation day, …the event span]).
 */
function rowSource(pair: PartPair, arAt: number, carAt: number, coefAt: number): RowSource {
  const days = new Int32Array(2 + pair.spanDays.length);
  days[0] = pair.estimationFirst;
  days[1] = pair.estimationLast;
  days.set(pair.spanDays, 2);
  const plan = {
    eventId: pair.eventId,
    asset: pair.assetId,
    event: pair.meta,
    day0: pair.day0,
    data: { days },
    est: { start: 0, end: 2, length: 2 },
    spanStart: 2,
    spanEnd: 2 + pair.spanDays.length,
    day0Index: 2 - pair.spanOffset,
    excluded: pair.excluded,
  } as unknown as PairPlan;
  return {
    plan,
    arAt,
    carAt,
    coefAt,
    names: pair.names,
    model: pair.model,
    nObs: pair.nObs,
    df: pair.df,
    sigma: pair.sigma,
    r2: pair.r2,
    ...(pair.garch === undefined ? {} : { garch: pair.garch }),
  };
}
