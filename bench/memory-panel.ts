/**
 * Benchmark: peak resident memory of reading the 1,000,000-row long panel from a file.
 *
 *   npx tsx bench/memory-panel.ts [--runs 5]
 *
 * Workload: test/reliability/panel.ts (400 assets x 2,500 sessions, `date,asset,value`,
 * seeded), written once to a temporary file (about 25 MB). Each run is a fresh child
 * process that reads the file with `readSeriesFileStream` (streaming: 64 KiB chunks, incremental
 * decoding, chunk-fed parser), `readSeriesFileSync` (the same with blocking reads: it streams
 * files of 4 MiB or more) or, for comparison, `parseSeriesCsv` on the whole decoded text,
 * then reports `process.resourceUsage().maxRSS` (the getrusage high-water mark, the figure
 * `/usr/bin/time -v` prints as "Maximum resident set size"), its RSS before reading (runtime,
 * tsx and the library loaded), the time, and the bytes of the result's typed arrays. The
 * result is checked (400 series of 2,500 values) so a broken read cannot look lean.
 *
 * Each reader is measured twice: from the built package (plain `node` importing
 * dist/node.js — what a user runs; skipped when dist/ is absent, run `npm run build`) and
 * from the sources through tsx (whose transpiler adds about 50 MB to the baseline).
 *
 * Target (issue 9): streaming peak RSS < 2 x typed-array bytes + 100 MB (10^8 bytes).
 * @module
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parseSeriesCsv } from "../src/index.js";
import { decodeText, readSeriesFileStream, readSeriesFileSync } from "../src/node/index.js";
import { PANEL_ASSETS, PANEL_DAYS, writePanel } from "../test/reliability/panel.js";
import { intOptions, machineRows, mib, ms, printTable, summarize } from "./harness.js";

interface ChildReport {
  readonly mode: string;
  readonly maxRss: number;
  readonly rssBefore: number;
  readonly ms: number;
  readonly typedBytes: number;
  readonly series: number;
}

async function child(mode: string, path: string): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const table =
    mode === "stream"
      ? await readSeriesFileStream(path)
      : mode === "sync"
        ? readSeriesFileSync(path)
        : parseSeriesCsv(decodeText(readFileSync(path)).text, { file: path });
  const elapsed = performance.now() - t0;
  let typedBytes = 0;
  for (const s of table.series) {
    if (s.values.length !== PANEL_DAYS) throw new Error(`series ${s.id} has ${s.values.length} values`);
    typedBytes += s.days.byteLength + s.values.byteLength;
  }
  if (table.series.length !== PANEL_ASSETS) throw new Error(`${table.series.length} series`);
  const report: ChildReport = { mode, maxRss: process.resourceUsage().maxRSS * 1024, rssBefore, ms: elapsed, typedBytes, series: table.series.length };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** The child of the dist runs: the same steps in plain JavaScript on the built package. */
function distChild(distNode: string): string {
  return `import { readFileSync } from "node:fs";
import { decodeText, readSeriesFileStream, readSeriesFileSync } from ${JSON.stringify(distNode)};
import { parseSeriesCsv } from ${JSON.stringify(distNode.replace(/node\.js$/, "index.js"))};
const [mode, path] = process.argv.slice(2);
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const table = mode === "stream" ? await readSeriesFileStream(path) : mode === "sync" ? readSeriesFileSync(path) : parseSeriesCsv(decodeText(readFileSync(path)).text, { file: path });
const ms = performance.now() - t0;
let typedBytes = 0;
for (const s of table.series) {
  if (s.values.length !== ${PANEL_DAYS}) throw new Error("series " + s.id + " has " + s.values.length + " values");
  typedBytes += s.days.byteLength + s.values.byteLength;
}
if (table.series.length !== ${PANEL_ASSETS}) throw new Error(table.series.length + " series");
process.stdout.write(JSON.stringify({ mode, maxRss: process.resourceUsage().maxRSS * 1024, rssBefore, ms, typedBytes, series: table.series.length }) + "\\n");
`;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) return child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
  const opt = intOptions({ runs: 5 });
  const dir = mkdtempSync(join(tmpdir(), "mr-memory-panel-"));
  const path = join(dir, "panel.csv");
  try {
    const fd = openSync(path, "w");
    writePanel((piece) => void writeSync(fd, piece));
    closeSync(fd);
    const size = statSync(path).size;
    const script = fileURLToPath(import.meta.url);
    const distNode = fileURLToPath(new URL("../dist/node.js", import.meta.url));
    const childJs = join(dir, "child.mjs");
    const haveDist = existsSync(distNode);
    if (haveDist) writeFileSync(childJs, distChild(distNode));
    else process.stdout.write("notice: dist/ not built; only the tsx runs are measured (npm run build)\n");
    const rows = [];
    let streamPeak = Number.NaN;
    let typed = 0;
    const variants: [string, string][] = [
      ...(haveDist
        ? ([
            ["stream", "dist"],
            ["sync", "dist"],
            ["whole", "dist"],
          ] as [string, string][])
        : []),
      ["stream", "tsx"],
      ["sync", "tsx"],
      ["whole", "tsx"],
    ];
    for (const [mode, via] of variants) {
      const reports: ChildReport[] = [];
      for (let r = 0; r < opt.runs; r++) {
        const argv = via === "dist" ? [childJs, mode, path] : [...process.execArgv, script, "--child", mode, path];
        const res = spawnSync(process.execPath, argv, { encoding: "utf8" });
        if (res.status !== 0) throw new Error(`child (${mode}) failed: ${res.stderr}`);
        reports.push(JSON.parse(res.stdout.trim().split("\n").pop()!) as ChildReport);
      }
      const peak = summarize(reports.map((x) => x.maxRss));
      const before = summarize(reports.map((x) => x.rssBefore));
      const time = summarize(reports.map((x) => x.ms));
      typed = reports[0]!.typedBytes;
      if (mode === "stream" && Number.isNaN(streamPeak)) streamPeak = peak.median;
      rows.push({
        reader: mode === "stream" ? "readSeriesFileStream" : mode === "sync" ? "readSeriesFileSync" : "parseSeriesCsv(whole text)",
        via: via === "dist" ? "node, dist/" : "tsx, src/",
        runs: peak.runs,
        "peak RSS median": mib(peak.median),
        "peak RSS min-max": `${mib(peak.min)} - ${mib(peak.max)}`,
        "RSS before read": mib(before.median),
        "peak - before": mib(peak.median - before.median),
        "time median": ms(time.median),
      });
    }
    const target = 2 * typed + 100e6; // 100 MB, decimal (95.4 MiB): the stricter reading
    printTable("Machine", machineRows());
    printTable("Workload", [
      { item: "file", value: `${PANEL_ASSETS * PANEL_DAYS} rows (${PANEL_ASSETS} assets x ${PANEL_DAYS} sessions), ${mib(size)}` },
      { item: "typed arrays of the result", value: mib(typed) },
      { item: "target: 2 x typed + 100 MB", value: mib(target) },
    ]);
    printTable("Peak resident memory (one child process per run)", rows);
    process.stdout.write(`\nstreaming peak RSS (${haveDist ? "dist" : "tsx"}) ${mib(streamPeak)} ${streamPeak < target ? "<" : ">="} target ${mib(target)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
