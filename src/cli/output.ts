/** Writing command results: to stdout or a file, in the format asked for. */
import { formatCsv, formatTextTable, type Row } from "market-reaction";
import { escapeMarkdownCell } from "../output/escape.js";
import type { CliIO } from "./context.js";

/** Output formats of the CLI. */
export type OutputFormat = "table" | "markdown" | "csv" | "json";

/** Stable JSON: two-space indentation, a final newline; `NaN`/`Infinity` become `null`. */
export { formatJson as toJsonText } from "market-reaction";

/** A markdown pipe table (user strings have `|` escaped). */
export function formatMarkdownTable(rows: readonly Row[], columns: readonly string[]): string {
  // escapeMarkdownCell: `|`, backticks, emphasis and `<`/`>` (so `<script>` in a label stays text)
  const esc = (v: Row[string]): string =>
    v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? "" : escapeMarkdownCell(String(v));
  const lines = [
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${columns.map((c) => esc(r[c])).join(" | ")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

/** Counts the ±Infinity values a command wrote as empty cells or `null`, so that it can say so once on stderr. */
export interface NonFiniteTally {
  count: number;
}

function isInfinite(v: unknown): boolean {
  return v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
}

/** Adds the ±Infinity numbers anywhere in `value` (a JSON-like tree) to `tally`; returns `value`. */
export function tallyInfinite<T>(value: T, tally: NonFiniteTally): T {
  const walk = (v: unknown): void => {
    if (isInfinite(v)) tally.count++;
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === "object" && v !== null && !ArrayBuffer.isView(v)) for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return value;
}

/** One line on stderr when infinite numbers were written as `null` (JSON) or empty cells (the other formats). */
export function warnNonFinite(io: CliIO, tally: NonFiniteTally, format: string): void {
  const n = tally.count;
  if (n > 0) io.stderr(`warning: ${n} infinite number${n === 1 ? " was" : "s were"} written as ${format === "json" ? "null" : "empty cells"}\n`);
}

/** Renders rows in a tabular format; ±Infinity in the written columns is counted in `tally` (the writers leave the cell empty). */
export function renderRows(rows: readonly Row[], columns: readonly string[], format: Exclude<OutputFormat, "json">, tally?: NonFiniteTally): string {
  if (tally !== undefined) for (const r of rows) for (const c of columns) if (isInfinite(r[c])) tally.count++;
  switch (format) {
    case "table":
      return formatTextTable(rows, { columns, maxWidth: 72 });
    case "markdown":
      return formatMarkdownTable(rows, columns);
    case "csv":
      return formatCsv(rows, { columns });
  }
}

/** Sends the result to `--out` (a file) or to stdout. */
export async function emit(io: CliIO, text: string, out: string | undefined): Promise<void> {
  if (out === undefined || out === "-") io.stdout(text);
  else await io.writeFile(out, text);
}

/** About 1 MiB of text per write when a result is written in chunks. */
const BATCH = 1 << 20;

/** Chunks of text gathered into batches of about {@link BATCH} characters. */
export function* batched(chunks: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= BATCH) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}

/**
 * Sends a result made of chunks to `--out` or stdout as it is made, so a large study is never
 * one string (the JSON of 80,000 pairs × 61 sessions is about a gigabyte).
 */
export async function emitChunks(io: CliIO, chunks: Iterable<string>, out: string | undefined): Promise<void> {
  if (out === undefined || out === "-") {
    for (const text of batched(chunks)) io.stdout(text);
  } else if (io.writeFileChunks !== undefined) await io.writeFileChunks(out, batched(chunks));
  else await io.writeFile(out, [...chunks].join(""));
}

/** A progress report, as `eventStudy`'s `onProgress` gives it. */
export interface ProgressReport {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/**
 * A one-line progress bar on stderr, redrawn in place with `\r`, or `undefined` when stderr is
 * not a terminal (pipes, CI, tests): then nothing is printed. Redraws at most every 100 ms;
 * the line is cleared when the work is done. (A dependency such as cli-progress would add
 * a runtime dependency to the package for these few lines.)
 */
export function progressBar(io: CliIO, options: { now?: () => number; width?: number } = {}): ((p: ProgressReport) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  const now = options.now ?? Date.now;
  const width = options.width ?? 24;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return (p) => {
    const finished = p.total > 0 && p.done >= p.total;
    if (finished) {
      if (shown) io.stderr("\r\u001b[K");
      shown = false;
      return;
    }
    const t = now();
    if (t - last < 100) return;
    last = t;
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : 0;
    io.stderr(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.done}/${p.total} ${p.stage}`);
    shown = true;
  };
}
