/**
 * Every core and many machines from the command line: `study --workers N` (worker threads),
 * `study --shard K/N` (one shard's part as JSON) and `merge PART…` (the study from all parts).
 */
import {
  eventStudy,
  studyPartToJSONText,
  studyShard,
  type EventStudyOptions,
  type ShardSpec,
  type Study,
  type StudyProgress,
  type Warning,
} from "market-reaction";
import { eventStudyParallel } from "market-reaction/node";
import { UsageError, type CliIO } from "./context.js";
import { emit } from "./output.js";
import type { StudyFlags } from "./studyFlags.js";

/** `--workers` (undefined: the default, the number of cores) and `--shard K/N --shard-by BY`. */
export interface ParallelFlags {
  readonly workers: number | undefined;
  readonly shard?: ShardSpec;
}

/** `--workers N`, `--shard K/N`, `--shard-by BY`, checked against each other and the other flags. */
export function parseParallelFlags(flags: StudyFlags): ParallelFlags {
  const v = flags.values as Record<string, unknown>;
  const workers = v.workers === undefined ? undefined : wholeNumber("workers", String(v.workers), 1);
  // charts and the volume/volatility measures read each pair's building blocks, which stay in the workers
  const inThread = flags.plot !== undefined || flags.measures.some((m) => m !== "returns") || ((v.levels as string[] | undefined) ?? []).length > 0;
  if (v.shard === undefined) {
    if (v["shard-by"] !== undefined) throw new UsageError("--shard-by goes with --shard K/N");
    return { workers: inThread ? 1 : workers };
  }
  const m = /^(\d+)\/(\d+)$/.exec(String(v.shard));
  if (m === null) throw new UsageError(`invalid --shard: ${JSON.stringify(v.shard)}; expected K/N, shard K (0 … N−1) of N, e.g. --shard 0/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && index < count)) throw new UsageError(`invalid --shard: ${JSON.stringify(v.shard)}; K must be 0 … N−1 and N ≥ 1`);
  const by = v["shard-by"] === undefined ? "assets" : String(v["shard-by"]);
  if (by !== "assets" && by !== "statements") throw new UsageError(`invalid --shard-by: ${JSON.stringify(by)}; expected assets or statements`);
  if (workers !== undefined) throw new UsageError("--shard computes one shard in this thread: leave out --workers (each machine of a cluster runs one shard)");
  if (inThread)
    throw new UsageError(
      "--shard writes the study's part for market-reaction merge: without --plot, --levels and --measure other than returns (merge the parts, then chart)",
    );
  if (v.format !== undefined && v.format !== "json")
    throw new UsageError("--shard writes its part as JSON: leave out --format (market-reaction merge PART… --format FORMAT formats the merged study)");
  return { workers: undefined, shard: { by, index, count } };
}

function wholeNumber(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`invalid --${flag}: ${JSON.stringify(text)}; expected a whole number ≥ ${min}`);
  return Number(text);
}

/** The study in this thread (`workers` 1) or across worker threads. */
export async function runStudy(options: EventStudyOptions, workers: number | undefined, onProgress: ((p: StudyProgress) => void) | undefined): Promise<Study> {
  if (workers === 1) return eventStudy(onProgress === undefined ? options : { ...options, onProgress });
  return eventStudyParallel(options, workers === undefined ? {} : { workers });
}

/** `--shard K/N`: the shard's part as JSON text (with the file readers' warnings). */
export async function writeShard(
  io: CliIO,
  options: EventStudyOptions,
  shard: ShardSpec,
  inputWarnings: readonly Warning[],
  out: string | undefined,
): Promise<number> {
  const part = { ...studyShard(options, shard), inputWarnings };
  await emit(io, `${studyPartToJSONText(part)}\n`, out);
  io.stderr(
    `market-reaction: wrote shard ${shard.index}/${shard.count} by ${shard.by} (${part.pairs.count} pairs); market-reaction merge with the other parts gives the study\n`,
  );
  return 0;
}
