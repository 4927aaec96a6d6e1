/**
 * The checks that parts of a sharded study belong together: one shard layout with every shard
 * once, the same options, the same data (by the provenance's fingerprints) and library.
 * @module
 */
import { MarketReactionError } from "../../errors.js";
import { PART_FORMAT, PART_VERSION, type StudyPart } from "./part.js";

function mismatch(message: string): MarketReactionError {
  return new MarketReactionError("SHARD_MISMATCH", message);
}

const text = (v: unknown): string => JSON.stringify(v) ?? "undefined";

/** The first key (path) at which two JSON-like values differ, or `undefined` when they agree. */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (text(a) === text(b)) return undefined;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path} (${a.length} vs ${b.length} entries)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return path;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    const d = firstDifference(ra[key], rb[key], path === "" ? key : `${path}.${key}`);
    if (d !== undefined) return d;
  }
  return path;
}

/** A readable name of a provenance path: the asset's id for `inputs.assets[i]…`. */
function describePath(path: string, part: StudyPart): string {
  const m = /^provenance\.inputs\.assets\[(\d+)\]/.exec(path);
  const asset = m === null ? undefined : part.provenance.inputs.assets[Number(m[1])];
  return asset === undefined ? path : `${path} (asset ${asset.id})`;
}

/**
 * Checks that the parts make one study.
 * @throws SHARD_MISMATCH naming the difference: a part that is not a study part or of another
 *   format version, different shard layouts, a shard missing or given twice, different options
 *   (the key), different data or library (the provenance field, e.g. an asset's content hash).
 */
export function checkParts(parts: readonly StudyPart[]): void {
  if (parts.length === 0) throw mismatch("no study parts to merge");
  parts.forEach((p, i) => {
    if (typeof p !== "object" || p === null || p.format !== PART_FORMAT)
      throw mismatch(`part ${i + 1} is not a study part (format ${JSON.stringify((p as { format?: unknown } | null)?.format)}, expected "${PART_FORMAT}")`);
    if (p.version !== PART_VERSION) throw mismatch(`part ${i + 1} has format version ${p.version}; this library merges version ${PART_VERSION}`);
  });
  const first = parts[0]!;
  const { by, count } = first.shard;
  const seen = new Map<number, number>();
  parts.forEach((p, i) => {
    if (p.shard.by !== by || p.shard.count !== count)
      throw mismatch(
        `part ${i + 1} is shard ${p.shard.index}/${p.shard.count} by ${p.shard.by}, part 1 is ${first.shard.index}/${count} by ${by}: one study is sharded one way`,
      );
    const twice = seen.get(p.shard.index);
    if (twice !== undefined) throw mismatch(`shard ${p.shard.index} of ${count} is given twice (parts ${twice + 1} and ${i + 1})`);
    seen.set(p.shard.index, i);
  });
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length > 0) throw mismatch(`shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${count} (by ${by}) missing: every shard is needed`);
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    for (const field of ["options", "run"] as const) {
      const d = firstDifference(first[field], p[field], "");
      if (d !== undefined)
        throw mismatch(
          `part ${i + 1} was computed with other options than part 1: ${d} differs (${text(pick(first[field], d))} vs ${text(pick(p[field], d))})`,
        );
    }
    const d = firstDifference(first.provenance, p.provenance, "provenance");
    if (d !== undefined) throw mismatch(`part ${i + 1} was computed from other data or by another library than part 1: ${describePath(d, first)} differs`);
  }
}

/** The value at a top-level key path `a.b` (for the message; undefined when the path goes deeper than plain keys). */
function pick(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split(".")) {
    const name = key.replace(/\[.*$/, "").replace(/ \(.*$/, "");
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[name];
  }
  return v;
}
