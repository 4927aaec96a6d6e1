/**
 * Argument parsing for the CLI on top of node:util parseArgs (no dependency).
 *
 * parseArgs rejects option values that start with "-" in the spaced form, so windows are
 * written `--window=-1,1` (the form docs/cli.md uses); the error message says so.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./context.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parses `argv` for one command; every problem becomes a {@link UsageError} naming the flag. */
export function parseCommandArgs<T extends OptionSpec>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: false; strict: true }>({
      args: [...argv],
      options,
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /argument missing|starts with|ambiguous/i.test(message)
      ? " (write values that start with '-' as --flag=value, e.g. --window=-1,1)"
      : "";
    throw new UsageError(`${command}: ${message.replace(/^.*?: /, "").split("\n")[0]}${hint}`);
  }
}

/** Checks an enumerated flag value. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid --${flag}: ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
}

/** Parses `A,B` into two integers (a window in sessions). */
export function parseWindowFlag(flag: string, value: string): [number, number] {
  const m = /^\s*([+-]?\d+)\s*[,:]\s*([+-]?\d+)\s*$/.exec(value);
  if (m === null) throw new UsageError(`invalid --${flag}: ${JSON.stringify(value)}; expected two integers A,B such as --${flag}=-1,1`);
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > b) throw new UsageError(`invalid --${flag}: ${value}; the start ${a} is after the end ${b}`);
  return [a, b];
}
