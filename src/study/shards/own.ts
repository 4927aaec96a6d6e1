/**
 * A shard given only its own assets (with a shard head): where each of them stands among the
 * study's assets, checked against the head, and the statements that concern them.
 * @module
 */
import { MarketReactionError, invalidOption } from "../../errors.js";
import { seriesFingerprint } from "../../output/provenance.js";
import type { MarketEvent, Series } from "../../types.js";
import type { EventStudyOptions } from "../options.js";
import { firstDifference } from "./compare.js";
import type { ShardHead, ShardSpec } from "./part.js";
import { runOptionsOf } from "./runOptions.js";

/** The options a shard's run sees, and the study position of each of its assets. */
export interface OwnAssets {
  readonly options: EventStudyOptions;
  readonly indices: Int32Array;
}

/**
 * The shard's own assets, checked against the head: each one of the study's assets (by id, with
 * the content hash the head recorded), in the study's order, and all of the shard's assets
 * present (by assets: those at positions `index`, `index + count`, …; by statements: all). The
 * statements naming an asset of another shard are left out (they concern no asset of this one).
 * @throws SHARD_MISMATCH when the options or the assets are not those the head was made from.
 */
export function ownAssets(options: EventStudyOptions, spec: ShardSpec, head: ShardHead): OwnAssets {
  checkHead(head);
  const difference = firstDifference(runOptionsOf(options), head.run, "run");
  if (difference !== undefined) throw mismatch(`the options differ from those of the shard head at ${difference}`);
  const studyIds = head.options.assets as readonly string[];
  const position = new Map(studyIds.map((id, i) => [id, i]));
  const list = assetList(options.assets);
  const own = list.filter((s) => !(typeof options.market === "string" && s.id === options.market));
  const indices = new Int32Array(own.length);
  own.forEach((series, k) => {
    const at = position.get(series.id);
    if (at === undefined) throw mismatch(`asset ${JSON.stringify(series.id)} is not one of the study's assets in the shard head`);
    if (spec.by === "assets" && at % spec.count !== spec.index)
      throw mismatch(
        `asset ${JSON.stringify(series.id)} (position ${at} in the study) belongs to shard ${at % spec.count} of ${spec.count}, not ${spec.index}`,
      );
    if (k > 0 && at <= indices[k - 1]!) throw mismatch(`asset ${JSON.stringify(series.id)} out of the study's order (the head lists the assets in order)`);
    const d = firstDifference(seriesFingerprint(series), head.provenance.inputs.assets[at], "fingerprint");
    if (d !== undefined) throw mismatch(`asset ${JSON.stringify(series.id)}: its data differ from the data the shard head was made from (${d})`);
    indices[k] = at;
  });
  const expected = spec.by === "assets" ? Math.max(0, Math.ceil((studyIds.length - spec.index) / spec.count)) : studyIds.length;
  if (own.length !== expected)
    throw mismatch(
      `shard ${spec.index} of ${spec.count} by ${spec.by} has ${expected} of the study's ${studyIds.length} assets; the options hold ${own.length} of them`,
    );
  if (own.length === 0) invalidOption("shard", `${spec.index}/${spec.count}`, `at most as many shards as assets (${studyIds.length}) with a shard head`);
  const ids = new Set(own.map((s) => s.id));
  const events = Array.isArray(options.events)
    ? options.events.filter((e: MarketEvent) => typeof e !== "object" || e === null || e.asset === undefined || ids.has(e.asset))
    : options.events;
  return { options: { ...options, events }, indices };
}

/**
 * A head in the shape `shardHead` makes (its content is checked against the options and assets).
 * @throws INVALID_OPTION naming the field that is missing or malformed.
 */
function checkHead(head: ShardHead): void {
  const h = head as unknown as Record<string, unknown>;
  const fields: [string, unknown, boolean][] = [
    ["run", h.run, typeof h.run === "object" && h.run !== null],
    ["options.assets", (h.options as { assets?: unknown } | undefined)?.assets, isStrings((h.options as { assets?: unknown } | null | undefined)?.assets)],
    ["provenance.inputs.assets", undefined, Array.isArray((h.provenance as { inputs?: { assets?: unknown } } | null | undefined)?.inputs?.assets)],
    ["events", h.events, Array.isArray(h.events)],
    [
      "head",
      h.head,
      Array.isArray((h.head as { warnings?: unknown } | null | undefined)?.warnings) &&
        Array.isArray((h.head as { skipped?: unknown } | null | undefined)?.skipped),
    ],
  ];
  for (const [name, value, ok] of fields) if (!ok) invalidOption(`head.${name}`, value, "the shard head of the study (from shardHead)");
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function assetList(assets: EventStudyOptions["assets"]): readonly Series[] {
  const list = Array.isArray(assets) ? assets : (assets as { series?: unknown } | undefined)?.series;
  if (!Array.isArray(list)) return invalidOption("assets", assets, "an array of series or a SeriesTable");
  for (const s of list as unknown[]) {
    if (typeof s !== "object" || s === null || typeof (s as { id?: unknown }).id !== "string") invalidOption("assets", s, "series with string ids");
  }
  return list as readonly Series[];
}

function mismatch(message: string): MarketReactionError {
  return new MarketReactionError("SHARD_MISMATCH", `studyShard: ${message}`);
}
