/**
 * Warnings on stderr: a summary by code (at most about 20 lines) or, with `--verbose`, every
 * warning; worded with the CLI's flags instead of the library's option and function names.
 */
import { groupWarnings, warningLines, type Warning } from "market-reaction";
import type { CliIO } from "./context.js";
import { terminalText } from "../output/text.js";

/** Where the library's messages send the reader for each statement's rule and reason. */
const EVENTS_TABLE = /\(rule and reason per statement: the events table\)/g;

/** Library wording → the CLI flag that does the same. */
const CLI_WORDING: readonly (readonly [RegExp, string])[] = [
  [/Build it from data with calendarFromSeries\./g, "Give its trading days with --calendar FILE."],
  [/a calendar built with calendarFromSeries/g, "a calendar from a price file (--calendar FILE)"],
  [/pass unit to say so/g, "pass --factor-unit percent|decimal to say so"],
  [/pass crossClose/g, "pass --cross-close"],
  [/the regression option \(Newey-West errors\)/g, "--method dummy (Newey-West errors)"],
  [/the regression option/g, "--method dummy"],
  [/the placebo option \(a test drawn/g, "--placebo B (a test drawn"],
  [/the placebo option/g, "--placebo B"],
  [/contamination: "keep"/g, "--contamination keep"],
  [/contamination: "exclude"/g, "--contamination exclude"],
  [EVENTS_TABLE, "(rule and reason per statement: --table events, or the align command)"],
];

/** A library message in the CLI's words. */
export function cliWording(text: string): string {
  let out = text;
  for (const [pattern, replacement] of CLI_WORDING) out = out.replace(pattern, replacement);
  return out;
}

/** Options of {@link printWarnings}. */
export interface PrintWarningsOptions {
  readonly verbose?: boolean;
  /** Day 0 of each statement id, to date clusters. */
  readonly day0?: Readonly<Record<string, string>>;
  /** Where the command's own output gives each statement's rule and reason (`align`: its rows), instead of `--table events`. */
  readonly reasonsIn?: string;
}

/**
 * Prints warnings to stderr: `warning:` lines for high and medium severity, `note:` lines for
 * information (statements moved to the next session, …).
 */
export function printWarnings(io: CliIO, warnings: readonly Warning[], options: PrintWarningsOptions = {}): number {
  if (warnings.length === 0) return 0;
  const groups = groupWarnings(warnings, options.day0 === undefined ? {} : { day0: options.day0 });
  const lines = warningLines(groups, { verbose: options.verbose === true, everyWarning: "--verbose, or the warnings of --format json" });
  // warning text carries statement ids and labels: shown safe for the terminal
  for (const line of lines) {
    const text =
      options.reasonsIn === undefined
        ? cliWording(line.text)
        : cliWording(line.text.replace(EVENTS_TABLE, `(rule and reason per statement: ${options.reasonsIn})`));
    io.stderr(`${line.severity === "info" ? "note" : "warning"}: ${terminalText(text)}\n`);
  }
  return lines.length;
}

/** Day 0 of each statement (first exchange's), from a study's events table. */
export function day0ById(events: readonly { readonly id: string; readonly day0: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of events) if (out[e.id] === undefined && e.day0 !== "") out[e.id] = e.day0;
  return out;
}
