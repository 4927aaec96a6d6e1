/**
 * Benchmark: a large wide panel from Parquet, Arrow IPC and CSV into a study's series.
 *
 *   npx tsx bench/parquet-panel.ts [--assets 10000] [--sessions 2600] [--runs 3]
 *
 * Workload: `assets` × `sessions` prices (seeded random walks, 4 decimals; 26 M values by
 * default) in the wide layout (a date column and one column per asset), written to a
 * temporary directory that is deleted at the end: as Parquet by hyparquet-writer (DOUBLE
 * columns, uncompressed, one row group), as an Arrow IPC file by apache-arrow (Float64
 * columns, one record batch; both writers are devDependencies) and as CSV text. Each reading
 * runs in its own child process, so its peak RSS (`VmHWM`, see `peakRssBytes` in harness.ts) is its
 * own; the child reports the wall and CPU time of `readSeriesParquetFile`,
 * `readSeriesArrowFile` or `readSeriesFile` (CSV, streamed), and the bytes of the result's
 * Float64 arrays. The memory target is 2 × those arrays + 200 MB.
 *
 * `npm run bench` (bench/summary.ts) runs the same measurement through {@link panelRows}.
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Table, Utf8, type Vector, makeVector, tableToIPC, vectorFromArray } from "apache-arrow";
import { parquetWriteBuffer } from "hyparquet-writer";
import { dayKeyFromIso, isoFromDayKey, nyseTradingDays, parseSeriesCsv } from "../src/index.js";
import type { Row } from "../src/output/index.js";
import { readSeriesArrowFile, readSeriesFile, readSeriesParquetFile } from "../src/node/index.js";
import { createRandom } from "../src/stats/random.js";
import { hasFlag, intOptions, peakRssBytes, machineRows, mib, ms, printTable, summarize } from "./harness.js";

const KINDS = ["parquet", "arrow", "csv", "csv-text"] as const;
type Kind = (typeof KINDS)[number];
type FileKind = "parquet" | "arrow" | "csv";
const READERS: Record<Kind, string> = {
  parquet: "readSeriesParquetFile",
  arrow: "readSeriesArrowFile",
  csv: "readSeriesFile (CSV, streamed)",
  "csv-text": "parseSeriesCsv (whole CSV text)",
};

interface ChildReport {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRss: number;
  readonly before: number;
  readonly floats: number;
  readonly series: number;
  readonly n: number;
}

async function child(): Promise<void> {
  const file = process.argv[process.argv.indexOf("--file") + 1]!;
  const kind = process.argv[process.argv.indexOf("--kind") + 1] as Kind;
  const before = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const table =
    kind === "parquet"
      ? await readSeriesParquetFile(file)
      : kind === "arrow"
        ? await readSeriesArrowFile(file)
        : kind === "csv"
          ? await readSeriesFile(file)
          : parseSeriesCsv(readFileSync(file, "utf8"), { file });
  const t = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const floats = table.series.reduce((a, s) => a + s.values.byteLength, 0);
  const out: ChildReport = {
    ms: t,
    cpuMs: (c.user + c.system) / 1000,
    maxRss: peakRssBytes(),
    before,
    floats,
    series: table.series.length,
    n: table.series[0]?.values.length ?? 0,
  };
  process.stdout.write(JSON.stringify(out));
}

/** Writes the panel as Parquet, Arrow and CSV into `dir`; returns the paths and sizes. */
function build(dir: string, assets: number, sessions: number): Record<FileKind, { path: string; bytes: number }> {
  const rng = createRandom(19);
  const days = nyseTradingDays(dayKeyFromIso("2015-01-02"), dayKeyFromIso("2026-12-31")).slice(0, sessions);
  const dates = Array.from(days, (d) => isoFromDayKey(d));
  const names: string[] = [];
  const values: Float64Array[] = [];
  for (let a = 0; a < assets; a++) {
    const v = new Float64Array(days.length);
    let p = 50;
    for (let t = 0; t < days.length; t++) {
      p *= 1 + 0.015 * rng.normal();
      v[t] = Math.round(p * 1e4) / 1e4;
    }
    names.push(`A${String(a).padStart(5, "0")}`);
    values.push(v);
  }
  const parquet = parquetWriteBuffer({
    columnData: [{ name: "date", data: dates, type: "STRING" }, ...names.map((name, a) => ({ name, data: values[a]!, type: "DOUBLE" as const }))],
    codec: "UNCOMPRESSED",
    rowGroupSize: days.length,
    statistics: false,
  });
  const arrowColumns: Record<string, Vector> = { date: vectorFromArray(dates, new Utf8()) };
  names.forEach((name, a) => {
    arrowColumns[name] = makeVector(values[a]!);
  });
  const arrow = tableToIPC(new Table(arrowColumns), "file");
  const lines = [`date,${names.join(",")}`];
  for (let t = 0; t < days.length; t++) lines.push(`${dates[t]},${values.map((v) => String(v[t])).join(",")}`);
  const csv = Buffer.from(`${lines.join("\n")}\n`);
  const out = {} as Record<FileKind, { path: string; bytes: number }>;
  for (const [kind, bytes] of [
    ["parquet", new Uint8Array(parquet)],
    ["arrow", arrow],
    ["csv", csv],
  ] as const) {
    const path = join(dir, `panel.${kind}`);
    writeFileSync(path, bytes);
    out[kind] = { path, bytes: bytes.byteLength };
  }
  return out;
}

/**
 * Measures the three readers on the panel (`runs` child processes each) and returns one
 * table row per reader: wall time (median, min/max), CPU time and peak RSS (medians), the
 * target and the 1-minute load average.
 */
export function panelRows(assets: number, sessions: number, runs: number): Row[] {
  const dir = mkdtempSync(join(os.tmpdir(), "mr-panel-bench-"));
  const script = fileURLToPath(import.meta.url);
  try {
    const files = build(dir, assets, sessions);
    const rows: Row[] = [];
    for (const kind of KINDS) {
      const reports: ChildReport[] = [];
      for (let r = 0; r < runs; r++) {
        const file = files[kind === "csv-text" ? "csv" : kind];
        const text = execFileSync(process.execPath, [...process.execArgv, script, "--child", "--kind", kind, "--file", file.path], {
          maxBuffer: 1 << 20,
        }).toString();
        reports.push(JSON.parse(text) as ChildReport);
      }
      const t = summarize(reports.map((x) => x.ms));
      const floats = reports[0]!.floats;
      rows.push({
        workload: `panel ${assets.toLocaleString("en-US")} × ${sessions.toLocaleString("en-US")} (${reports[0]!.series} series × ${reports[0]!.n}): ${READERS[kind]}, ${mib(files[kind === "csv-text" ? "csv" : kind].bytes)} file`,
        median: ms(t.median),
        "min / max": `${ms(t.min)} / ${ms(t.max)}`,
        runs: t.runs,
        "CPU (median)": ms(summarize(reports.map((x) => x.cpuMs)).median),
        "peak RSS (median)": mib(summarize(reports.map((x) => x.maxRss)).median),
        "RSS before": mib(summarize(reports.map((x) => x.before)).median),
        "target: 2 × Float64 + 200 MB": mib(2 * floats + 200e6),
        "load (1 min)": os.loadavg()[0]!.toFixed(2),
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (hasFlag("child")) void child();
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const opt = intOptions({ assets: 10000, sessions: 2600, runs: 3 });
  const rows = panelRows(opt.assets, opt.sessions, opt.runs);
  printTable("machine", machineRows());
  printTable(`wide panel ${opt.assets.toLocaleString("en-US")} assets × ${opt.sessions.toLocaleString("en-US")} sessions into series`, rows);
}
