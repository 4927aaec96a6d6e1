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
import type { PartFamily, PartSlot, StudyPart } from "./part.js";

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
  const { sources, cols } = mergedColumns(pairs, options.assets as readonly string[]);
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

/** A pair of a part (its index there) with where its numbers sit in that part's columns. */
interface Located {
  readonly part: StudyPart;
  readonly index: number;
  readonly asset: number;
  readonly slot: number;
  readonly arAt: number;
  readonly carAt: number;
  readonly coefAt: number;
}

const byPlace = (a: { asset: number; slot: number }, b: { asset: number; slot: number }): number => a.asset - b.asset || a.slot - b.slot;

/** Every part's pairs in the single run's order (asset, then statement). */
function orderedPairs(parts: readonly StudyPart[]): Located[] {
  const out: Located[] = [];
  for (const part of parts) {
    const p = part.pairs;
    let arAt = 0;
    let carAt = 0;
    let coefAt = 0;
    for (let index = 0; index < p.count; index++) {
      out.push({ part, index, asset: p.asset[index]!, slot: p.slot[index]!, arAt, carAt, coefAt });
      arAt += p.spanLength[index]!;
      carAt += p.carRows[index]!;
      coefAt += p.nameSets[p.names[index]!]!.length;
    }
  }
  return out.sort(byPlace);
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
  const records: DatedCrossEvent[] = pairs.map((l) => l.part.cross![l.index]!);
  const opts = { windows: options.windows, tests: options.tests, conventions: options.conventions, adjust: options.adjust } as Pick<
    ResolvedStudyOptions,
    "windows" | "tests" | "conventions" | "adjust"
  >;
  return crossEventOfRecords(records, opts, sameDay0);
}

/** The result columns of all pairs in order, and the row source of each. */
function mergedColumns(pairs: readonly Located[], assetIds: readonly string[]): { sources: RowSource[]; cols: StudyColumnSet } {
  const names = Object.keys(pairs[0]!.part.columns);
  const total = (f: (l: Located) => number): number => pairs.reduce((a, l) => a + f(l), 0);
  const arTotal = total((l) => l.part.pairs.spanLength[l.index]!);
  const carTotal = total((l) => l.part.pairs.carRows[l.index]!);
  const coefTotal = total((l) => l.part.pairs.nameSets[l.part.pairs.names[l.index]!]!.length);
  const cols: Record<string, Column> = {};
  for (const name of names) {
    const col = new Column(AR_COLUMNS.has(name) ? arTotal : name === "coefficients" ? coefTotal : carTotal);
    cols[name] = col;
  }
  // the sessions every row plan reads: per pair [first estimation day, last estimation day, …span]
  const days = new Int32Array(2 * pairs.length + arTotal);
  const data = { days };
  const sources: RowSource[] = [];
  let arAt = 0;
  let carAt = 0;
  let coefAt = 0;
  let dayAt = 0;
  copyColumns(pairs, names, cols);
  for (const l of pairs) {
    const p = l.part.pairs;
    const k = l.index;
    const arN = p.spanLength[k]!;
    days[dayAt] = p.estimationFirst[k]!;
    days[dayAt + 1] = p.estimationLast[k]!;
    days.set(p.spanDays.subarray(l.arAt, l.arAt + arN), dayAt + 2);
    sources.push(rowSource(l, assetIds[l.asset]!, data, dayAt, { arAt, carAt, coefAt }));
    dayAt += 2 + arN;
    arAt += arN;
    carAt += p.carRows[k]!;
    coefAt += p.nameSets[p.names[k]!]!.length;
  }
  return { sources, cols: cols as unknown as StudyColumnSet };
}

/**
 * The pairs' numbers appended to the merged columns, a run at a time: consecutive pairs of one
 * part (an asset's statements, in a shard by assets) are one copy per column.
 */
function copyColumns(pairs: readonly Located[], names: readonly string[], cols: Record<string, Column>): void {
  let i = 0;
  while (i < pairs.length) {
    const first = pairs[i]!;
    let j = i + 1;
    while (j < pairs.length && pairs[j]!.part === first.part && pairs[j]!.index === pairs[j - 1]!.index + 1) j++;
    const last = pairs[j - 1]!;
    const p = last.part.pairs;
    const k = last.index;
    const end = { ar: last.arAt + p.spanLength[k]!, car: last.carAt + p.carRows[k]!, coef: last.coefAt + p.nameSets[p.names[k]!]!.length };
    for (const name of names) {
      const [from, to] = AR_COLUMNS.has(name) ? [first.arAt, end.ar] : name === "coefficients" ? [first.coefAt, end.coef] : [first.carAt, end.car];
      const col = cols[name]!;
      col.data.set(first.part.columns[name]!.subarray(from, to), col.length);
      col.length += to - from;
    }
    i = j;
  }
}

/** The columns with one entry per abnormal-return row. */
const AR_COLUMNS = new Set(["actual", "expected", "ar", "se", "t", "p"]);

/**
 * The row source of a merged pair: its plan holds just what the row builders read, on the
 * shared sessions array (at `at`: the first and last estimation days, then the event span).
 */
function rowSource(l: Located, assetId: string, data: { days: Int32Array }, at: number, where: { arAt: number; carAt: number; coefAt: number }): RowSource {
  const p = l.part.pairs;
  const k = l.index;
  const eventId = p.eventId[k]!;
  const plan = {
    eventId,
    asset: assetId,
    event: p.meta[eventId],
    day0: p.day0[k],
    data,
    est: { start: at, end: at + 2, length: 2 },
    spanStart: at + 2,
    spanEnd: at + 2 + p.spanLength[k]!,
    day0Index: at + 2 - p.spanOffset[k]!,
    excluded: p.excluded[k],
  } as unknown as PairPlan;
  const garch = p.garch?.[k] ?? undefined;
  return {
    plan,
    ...where,
    names: p.nameSets[p.names[k]!]!,
    model: p.models[p.model[k]!]!,
    nObs: p.nObs[k]!,
    df: p.df[k]!,
    sigma: p.sigma[k]!,
    r2: p.r2[k]!,
    garch,
  };
}
