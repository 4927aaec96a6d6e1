/**
 * Shared helpers of the benchmark scripts in bench/ (not a benchmark itself): command-line
 * options, the machine description, run summaries (median, min, max) and table printing.
 *
 * Benchmarks are scripts run by hand (`npx tsx bench/<name>.ts`), never timed tests.
 * @module
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { formatTextTable, type Row } from "../src/output/index.js";

/** Reads `--name value` / `--name=value` integer options from `process.argv`, with defaults. */
export function intOptions<T extends Record<string, number>>(defaults: T): T {
  const out: Record<string, number> = { ...defaults };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(name in defaults)) continue;
    const text = eq < 0 ? args[++i] : arg.slice(eq + 1);
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`--${name} must be a non-negative integer, got ${String(text)}`);
    }
    out[name] = value;
  }
  return out as T;
}

/** Whether a bare flag such as `--child` is on the command line. */
export function hasFlag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

/**
 * Makes explicit garbage collection available: when `gc` is not exposed, re-runs the current
 * script in a child Node process with the same loader flags plus `--expose-gc`, waits for it,
 * and exits with its status. Returns only when `gc` is available.
 */
export function ensureExposedGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) return gc;
  const script = process.argv[1];
  if (script === undefined) throw new Error("cannot find the script to re-run with --expose-gc");
  const res = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", script, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(res.status ?? 1);
}

/** The machine and runtime the figures were measured on. */
export function machineRows(): Row[] {
  const cpus = os.cpus();
  const [l1, l5] = os.loadavg();
  return [
    { item: "date", value: new Date().toISOString() },
    { item: "node", value: process.version },
    { item: "v8", value: process.versions.v8 },
    { item: "platform", value: `${process.platform} ${process.arch}` },
    { item: "cpu", value: cpus[0]?.model.trim() ?? "unknown" },
    { item: "cores", value: cpus.length },
    { item: "memory", value: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB` },
    { item: "load average (1, 5 min)", value: `${(l1 ?? 0).toFixed(2)}, ${(l5 ?? 0).toFixed(2)}` },
  ];
}

/** Median, minimum and maximum of a list of run measurements. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Summarises run measurements (median of an even count = mean of the middle two). */
export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  const median = n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { median, min: s[0]!, max: s[n - 1]!, runs: n };
}

/** Milliseconds elapsed while running `fn` (high-resolution clock). */
export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** A rate (per second) with a unit prefix: `1.23 M/s`. */
export function rate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "n/a";
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(1)} /s`;
}

/** Milliseconds with sensible precision. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

/**
 * This process's own peak resident memory in bytes. On Linux it is `VmHWM` of /proc/self/status:
 * getrusage's `maxRSS` (what `process.resourceUsage()` reports) survives `execve`, so a child
 * spawned by a parent that held 800 MB reports the parent's high-water mark whenever its own
 * peak is lower. Elsewhere it falls back to `maxRSS`.
 */
export function peakRssBytes(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m !== null) return Number(m[1]) * 1024;
  } catch {
    // not Linux: no /proc
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Bytes as MiB. */
export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Prints a titled plain-text table to stdout. */
export function printTable(title: string, rows: readonly Row[]): void {
  process.stdout.write(`\n${title}\n${formatTextTable(rows)}`);
}
