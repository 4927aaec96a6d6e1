/**
 * The `run` block of a study part: the options beyond the data, which every part of one study
 * must share.
 * @module
 */
import type { EventStudyOptions } from "../options.js";

/** The data options of a study: in the provenance block (by their content hashes), not in `run`. */
const DATA_OPTIONS = new Set(["assets", "market", "factors", "events", "onProgress"]);

/** The options beyond the data, as plain JSON data (what two parts of one study must share). */
export function runOptionsOf(options: EventStudyOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || typeof value === "function") continue;
    if (DATA_OPTIONS.has(key) && !(key === "market" && typeof value === "string")) continue;
    out[key] = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))) as unknown;
  }
  return out;
}
