/**
 * `shardHead`: the study-level facts of a sharded study, computed once from all its inputs, so
 * that each shard can be computed from its own assets only.
 * @module
 */
import { checkObject } from "../../check.js";
import { studyPreamble } from "../eventStudy.js";
import type { EventStudyOptions } from "../options.js";
import { studyHeader } from "../stages/assembly.js";
import type { ShardHead } from "./part.js";
import { runOptionsOf } from "./runOptions.js";

/**
 * What every shard of a study shares, from all its inputs: the options block, the provenance
 * (the content hash of every series and of the statements), the `events` table and the
 * alignment's warnings and skipped rows. Pass it to `studyShard` with options whose `assets`
 * hold only the shard's assets (by assets: the assets at positions `index`, `index + count`, …;
 * a market named by id stays among them): each machine or worker then reads, aligns and hashes
 * only its own series, and the parts still merge into the single run's study. Plain data
 * (structured-cloneable: `eventStudyParallel` sends it to its workers).
 *
 * @throws what {@link eventStudy} throws before its first asset (malformed options or statements,
 *   windows that do not fit the data).
 * @example
 * ```ts
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const asset = (k: number): Series => ({ id: `S${k}`, kind: "return", days, values: Float64Array.from(days, (_d, i) => 0.004 * Math.sin(k * i)) });
 * const { events } = parseEventsCsv("id,timestamp\nE1,2025-04-02T16:15\nE34,2025-04-09T13:18\n");
 * const options = { assets: [1, 2, 3].map(asset), events, estimation: [-120, -11] as const };
 * const head = shardHead(options);
 * // shard 0 of 2 gets assets 0 and 2, shard 1 asset 1
 * const own = (index: number) => ({ ...options, assets: options.assets.filter((_a, i) => i % 2 === index) });
 * const parts = [0, 1].map((index) => studyShard(own(index), { by: "assets", index, count: 2 }, head));
 * mergeStudies(parts).toJSONText() === eventStudy(options).toJSONText(); // => true
 * ```
 */
export function shardHead(options: EventStudyOptions): ShardHead {
  checkObject("shardHead", "options", options);
  const { opts, inputs, skips, alignment } = studyPreamble(options);
  const header = studyHeader({ inputs, calendars: alignment.calendarOf.values() }, opts);
  return {
    run: runOptionsOf(options),
    options: header.options,
    provenance: header.provenance,
    events: alignment.eventRows,
    head: { warnings: [...alignment.warnings], skipped: [...skips.rows] },
  };
}
