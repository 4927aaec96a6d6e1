/** `market-reaction merge PART…`: the study from the parts of its shards (`study --shard K/N`). */
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { MarketReactionError, mergeStudies, parseStudyPart, type StudyPart } from "market-reaction";
import { UsageError, type CliIO } from "./context.js";
import { fileError } from "./files.js";
import { writeStudy } from "./study.js";
import { parseStudyFlags, type StudyFlags } from "./studyFlags.js";

export const MERGE_HELP = `Usage: market-reaction merge PART… [options]

Merges the parts written by 'market-reaction study … --shard K/N' (one per shard, K = 0 … N−1,
in any order) into the study a single run gives, byte for byte, and writes it like 'study'.
Parts computed with other options or from other data are refused, naming the difference.

Options:
  --format FORMAT        table | markdown | html | latex | csv | json   (default table)
  --table TABLE          car | abnormal | models | events | skipped | warnings | regression |
                         regression_car | wald
  --stat t|p             under each CAR of the paper table: t statistic or p-value (default t)
  --out FILE             write the result to FILE instead of stdout
  --verbose              print every warning (default: a summary by code)
  --debug                print stack traces on errors

Example (docs/scale.md):
  for k in 0 1 2 3; do
    market-reaction study --prices panel.csv --market world.csv --events statements.csv \\
      --shard $k/4 --out part-$k.json
  done
  market-reaction merge part-*.json --format json --out study.json
`;

export const MERGE_OPTIONS = {
  format: { type: "string" },
  table: { type: "string" },
  stat: { type: "string" },
  out: { type: "string" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function mergeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseMergeArgs(argv);
  if (values.help === true) {
    io.stdout(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("merge: name the part files (market-reaction merge part-0.json part-1.json …)");
  // the output flags mean what they mean for study (checked by the same parser, before any file is read)
  const passed = Object.entries(values).flatMap(([k, v]) => (k === "help" ? [] : v === true ? [`--${k}`] : typeof v === "string" ? [`--${k}=${v}`] : []));
  outputFlags(passed, {});
  const parts: StudyPart[] = [];
  for (const file of positionals) parts.push(await readPart(file));
  const study = mergeStudies(parts);
  const flags = outputFlags(passed, study.options);
  const first = parts.find((p) => p.shard.index === 0) ?? parts[0]!;
  const inputs = {
    assets: [],
    events: [],
    exchange: "XNYS",
    warnings: [...(first.inputWarnings ?? [])],
    named: [],
    priceFiles: new Map<string, readonly string[]>(),
    levelUnit: "points" as const,
    levelUnits: new Map<string, "percent" | "points">(),
  };
  return writeStudy(io, study, flags, inputs);
}

function parseMergeArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: MERGE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`merge: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * The flags of `study` that shape the output, for the merged study: the output flags given, and
 * what the study's options say (the dummy-variable method, the cross-event tests' conventions).
 */
function outputFlags(passed: readonly string[], options: Readonly<Record<string, unknown>>): StudyFlags {
  const fromStudy = [
    ...("regression" in options ? ["--method=dummy"] : []),
    ...(Array.isArray(options.tests) ? [`--tests=${options.tests.join(",")}`, `--conventions=${String(options.conventions)}`] : []),
  ];
  // the data flags are placeholders: parseStudyFlags checks flags, it reads no file
  const flags = parseStudyFlags([...passed, ...fromStudy, "--events=(parts)", "--prices=(parts)"]);
  if (flags === "help") throw new UsageError("merge: --help is not an output flag");
  return flags;
}

/** One part file, read and parsed (its name in the error when it is not a part). */
async function readPart(file: string): Promise<StudyPart> {
  let text: string;
  try {
    if (!(await stat(file)).isFile()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    text = await readFile(file, "utf8");
  } catch (error) {
    throw fileError("read", file, error);
  }
  try {
    return parseStudyPart(text);
  } catch (error) {
    if (error instanceof MarketReactionError) throw new MarketReactionError(error.code, `${file}: ${error.message}`, [{ file, message: error.message }]);
    throw error;
  }
}
