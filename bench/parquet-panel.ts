/**
 * Benchmark: a large wide panel from Parquet into a study's series, against the same panel as CSV.
 *
 *   npx tsx bench/parquet-panel.ts [--assets 10000] [--sessions 2600] [--runs 3]
 *
 * Workload: `assets` × `sessions` prices (seeded random walks, 4 decimals; 26 M values by
 * default) in the wide layout (a date column and one DOUBLE column per asset), written by
 * hyparquet-writer (uncompressed, one row group) to a temporary file that is deleted at the end,
 * and the same table as CSV text. Each reading runs in its own child process, so its peak RSS
 * (`process.resourceUsage().maxRSS`) is its own; the child reports the time of
 * `readSeriesParquetFile` (or `parseSeriesCsv` on the file's text) and the bytes of the result's
 * Float64 arrays. The memory target is 2 × those arrays + 200 MB.
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { dayKeyFromIso, isoFromDayKey, nyseTradingDays, parseSeriesCsv } from "../src/index.js";
import { readSeriesParquetFile } from "../src/node/parquet.js";
import { createRandom } from "../src/stats/random.js";
import { hasFlag, intOptions, machineRows, mib, ms, printTable, summarize } from "./harness.js";

const opt = intOptions({ assets: 10000, sessions: 2600, runs: 3 });

async function child(): Promise<void> {
  const file = process.argv[process.argv.indexOf("--file") + 1]!;
  const kind = process.argv[process.argv.indexOf("--kind") + 1]!;
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const table = kind === "parquet" ? await readSeriesParquetFile(file) : parseSeriesCsv(readFileSync(file, "utf8"), { file });
  const t = performance.now() - t0;
  const floats = table.series.reduce((a, s) => a + s.values.byteLength, 0);
  const out = { ms: t, maxRss: process.resourceUsage().maxRSS * 1024, before, floats, series: table.series.length, n: table.series[0]?.values.length ?? 0 };
  process.stdout.write(JSON.stringify(out));
}

function build(dir: string): { parquet: string; csv: string; bytes: { parquet: number; csv: number } } {
  const rng = createRandom(19);
  const days = nyseTradingDays(dayKeyFromIso("2015-01-02"), dayKeyFromIso("2026-12-31")).slice(0, opt.sessions);
  const dates = Array.from(days, (d) => isoFromDayKey(d));
  const columns: { name: string; data: Float64Array | string[]; type: "DOUBLE" | "STRING" }[] = [{ name: "date", data: dates, type: "STRING" }];
  for (let a = 0; a < opt.assets; a++) {
    const v = new Float64Array(days.length);
    let p = 50;
    for (let t = 0; t < days.length; t++) {
      p *= 1 + 0.015 * rng.normal();
      v[t] = Math.round(p * 1e4) / 1e4;
    }
    columns.push({ name: `A${String(a).padStart(5, "0")}`, data: v, type: "DOUBLE" });
  }
  const parquet = join(dir, "panel.parquet");
  const buf = parquetWriteBuffer({ columnData: columns, codec: "UNCOMPRESSED", rowGroupSize: days.length, statistics: false });
  writeFileSync(parquet, new Uint8Array(buf));
  const csv = join(dir, "panel.csv");
  const lines = [columns.map((c) => c.name).join(",")];
  for (let t = 0; t < days.length; t++) lines.push(columns.map((c) => String(c.data[t])).join(","));
  const text = `${lines.join("\n")}\n`;
  writeFileSync(csv, text);
  return { parquet, csv, bytes: { parquet: buf.byteLength, csv: Buffer.byteLength(text) } };
}

function main(): void {
  const dir = mkdtempSync(join(os.tmpdir(), "mr-parquet-bench-"));
  try {
    const files = build(dir);
    const rows = [];
    for (const kind of ["parquet", "csv"] as const) {
      const runs = [];
      for (let r = 0; r < opt.runs; r++) {
        const text = execFileSync(
          process.execPath,
          [...process.execArgv, process.argv[1]!, "--child", "--kind", kind, "--file", kind === "parquet" ? files.parquet : files.csv],
          { maxBuffer: 1 << 20 },
        ).toString();
        runs.push(JSON.parse(text) as { ms: number; maxRss: number; before: number; floats: number; series: number; n: number });
      }
      const t = summarize(runs.map((x) => x.ms));
      const peak = summarize(runs.map((x) => x.maxRss));
      const floats = runs[0]!.floats;
      rows.push({
        reader: kind === "parquet" ? "readSeriesParquetFile" : "parseSeriesCsv (file text)",
        file: mib(files.bytes[kind]),
        series: `${runs[0]!.series} × ${runs[0]!.n}`,
        median: ms(t.median),
        "min / max": `${ms(t.min)} / ${ms(t.max)}`,
        runs: t.runs,
        "peak RSS (median)": mib(peak.median),
        "RSS before": mib(summarize(runs.map((x) => x.before)).median),
        "target 2 × Float64 + 200 MB": mib(2 * floats + 200e6),
        "load (1 min)": os.loadavg()[0]!.toFixed(2),
      });
    }
    printTable("machine", machineRows());
    printTable(`wide panel ${opt.assets.toLocaleString("en-US")} assets × ${opt.sessions.toLocaleString("en-US")} sessions into series`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (hasFlag("child")) void child();
else main();
