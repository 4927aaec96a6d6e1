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
  let parsed;
  try {
    parsed = parseArgs<{ args: string[]; options: T; allowPositionals: false; strict: true; tokens: true }>({
      args: [...argv],
      options,
      allowPositionals: false,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /argument missing|starts with|ambiguous/i.test(message) ? " (write values that start with '-' as --flag=value, e.g. --window=-1,1)" : "";
    throw new UsageError(`${command}: ${message.replace(/^.*?: /, "").split("\n")[0]}${hint}`);
  }
  rejectRepeats(command, parsed.tokens, options);
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * A flag that takes one value given twice (`--format json --format csv`) is a usage error
 * naming both values: parseArgs would silently keep the last one. A repeatable flag given the
 * same value twice (`--window=-1,1 --window=-1,1`) is one too: it would study or read the same
 * thing twice.
 */
function rejectRepeats(command: string, tokens: readonly { kind: string; name?: string; value?: string | undefined }[], options: OptionSpec): void {
  const seen = new Map<string, string>();
  const seenValues = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === undefined) continue;
    const value = t.value ?? "(on)";
    if (options[t.name]?.multiple === true) {
      const key = `${t.name}\u0000${value}`;
      if (seenValues.has(key)) throw new UsageError(`${command}: --${t.name} ${JSON.stringify(value)} given twice; give each value once`);
      seenValues.add(key);
      continue;
    }
    const first = seen.get(t.name);
    if (first !== undefined) throw new UsageError(`${command}: --${t.name} given twice (${JSON.stringify(first)} and ${JSON.stringify(value)}); give it once`);
    seen.set(t.name, value);
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
