#!/usr/bin/env node
/**
 * The market-reaction command. Data goes to stdout, messages to stderr.
 * Exit codes: 0 success, 1 failure (bad data, unreadable file), 2 usage error.
 */
import { isMarketReactionError } from "market-reaction";
import { ALIGN_HELP, alignCommand } from "./align.js";
import { calendarCommand } from "./calendar.js";
import { INTRADAY_HELP, intradayCommand } from "./intraday.js";
import { DEMO_HELP, demoCommand } from "./demo.js";
import { STUDY_HELP, studyCommand } from "./study.js";
import { mergeCommand } from "./merge.js";
import { UsageError, type CliIO } from "./context.js";
import { VERSION } from "./version.js";
import { onStdoutError, writeChunksFile, writeTextFile } from "./files.js";
import { terminalText } from "../output/text.js";

const HELP = `market-reaction ${VERSION} — event studies of market reactions to dated statements

Usage: market-reaction <command> [options]

Commands:
  align    map statements to day 0 on exchange calendars, with the rule and reason
  study    abnormal returns, CARs, BHARs and tests around each statement
  merge    the study from the parts of its shards (study --shard K/N on many machines)
  intraday abnormal returns on minute bars around timestamped statements
  calendar an exchange's sessions, hours and holidays; or check a price file against them
  demo     the April 2025 tariff story on synthetic data made in memory (no files needed)

Run 'market-reaction <command> --help' for a command's options.

Options:
  --help, -h     this help
  --version, -v  the version

Examples:
  market-reaction demo
  market-reaction align --events statements.csv --exchange XNYS --exchange XTKS
  market-reaction study --prices SP500.csv --market ACWI.csv --events statements.csv --window=0,0 --window=-1,1
  market-reaction align --events statements.csv --format json --out aligned.json
  market-reaction calendar XTKS --from 2025-04-25 --to 2025-05-09

statements.csv has one statement a row: id,timestamp,timezone[,speaker,label,...]
(e.g. E22,2025-04-07T10:11,America/New_York,unofficial X accounts). Price files are CSV
with a date column and a price column (FRED, Yahoo, Stooq and similar layouts are detected).
`;

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  align: alignCommand,
  study: studyCommand,
  merge: mergeCommand,
  intraday: intradayCommand,
  demo: demoCommand,
  calendar: calendarCommand,
};

/** The command names (the file-system test checks it covers each). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** First line of an error, for the one-line message. */
function oneLine(message: string): string {
  const lines = message.split("\n");
  return lines.length > 1 ? `${lines[0]} (${lines[1]!.trim()}${lines.length > 2 ? "; …" : ""})` : lines[0]!;
}

/**
 * Runs the CLI with arguments `argv` (without `node` and the script) and returns the exit code.
 * Errors become one line on stderr; `--debug` adds the stack.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (run === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}; expected one of ${Object.keys(COMMANDS).join(", ")}`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`market-reaction: ${terminalText(error.message)}\n`);
      if (debug) io.stderr(`${error.stack ?? ""}\n`);
      return 2;
    }
    if (isMarketReactionError(error)) {
      io.stderr(`market-reaction: ${error.code}: ${terminalText(oneLine(error.message))}\n`);
      if (debug) {
        for (const issue of error.issues) io.stderr(`  ${JSON.stringify(issue)}\n`);
        io.stderr(`${error.stack ?? ""}\n`);
      }
      return error.code === "INVALID_OPTION" ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`market-reaction: internal error: ${oneLine(message)}${debug ? "" : " (run with --debug for details)"}\n`);
    if (debug && error instanceof Error) io.stderr(`${error.stack ?? ""}\n`);
    return 1;
  }
}

/** Process wiring: real stdout/stderr, EPIPE-safe (e.g. `| head`). */
export function nodeIO(): CliIO {
  // a closed pipe ends quietly; a full disk or /dev/full is one IO_ERROR line
  process.stdout.on("error", (error: NodeJS.ErrnoException) =>
    onStdoutError(
      error,
      (text) => void process.stderr.write(text),
      (code) => process.exit(code),
    ),
  );
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    writeFile: writeTextFile,
    writeFileChunks: writeChunksFile,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

export { ALIGN_HELP, DEMO_HELP, INTRADAY_HELP, STUDY_HELP };
export { MERGE_HELP } from "./merge.js";

const isMain = (() => {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  return /(^|[\\/])(cli\.js|main\.ts|market-reaction)$/.test(entry);
})();

const NODE_MAJOR = Number(process.versions.node.split(".")[0]);
if (isMain && NODE_MAJOR < 20) {
  process.stderr.write(`market-reaction: needs Node.js 20 or later; this is ${process.version}\n`);
  process.exitCode = 1;
} else if (isMain) {
  runCli(process.argv.slice(2), nodeIO()).then((code) => {
    process.exitCode = code;
  });
}
