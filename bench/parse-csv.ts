/**
 * Benchmark: parsing throughput and peak memory of `parseSeriesCsv` on a long panel.
 *
 *   npx tsx bench/parse-csv.ts [--runs 5] [--warmup 1] [--seed 20250402] [--small 100000] [--large 1000000]
 *
 * Workload: synthetic `date,asset,value` CSV text (layout detected as `long`), dates on
 * consecutive weekdays from 2015-01-02, assets `A0001…`, prices from a seeded random walk
 * with 4 decimals, 0.1 % empty value cells (dropped and counted by the parser). Sorted by
 * date, then asset. 100,000 rows = 40 assets x 2,500 days; 1,000,000 rows = 400 x 2,500.
 *
 * Each size runs in its own child process (started with --expose-gc) so that its peak
 * resident set size is its own: the child generates the text (untimed), collects garbage,
 * records its RSS, then parses the text `warmup + runs` times (garbage collected between
 * runs) and reports the timings, the RSS before parsing and the peak RSS of the process
 * (`VmHWM` on Linux, see `peakRssBytes` in harness.ts: getrusage's maxRSS would report the
 * parent's high-water mark, since it survives `execve`). Each parse result is checked (format `long`,
 * the expected number of series and values) so a broken parse cannot look fast.
 * @module
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseSeriesCsv } from "../src/io/index.js";
import { createRandom } from "../src/stats/random.js";
import { dayKey, isoFromDayKey, isWeekend } from "../src/time/index.js";
import { hasFlag, intOptions, peakRssBytes, machineRows, mib, ms, printTable, rate, summarize, timeMs } from "./harness.js";

const opt = intOptions({ runs: 5, warmup: 1, seed: 20250402, small: 100_000, large: 1_000_000, rows: 0 });

const DAYS = 2500;

/** What a child process reports (one JSON line on stdout). */
interface ChildReport {
  readonly rows: number;
  readonly assets: number;
  readonly days: number;
  readonly missing: number;
  readonly textBytes: number;
  readonly timesMs: number[];
  readonly rssBeforeParse: number;
  readonly rssAfterRuns: number;
  readonly maxRssBeforeParse: number;
  readonly maxRss: number;
}

/** The synthetic long panel as CSV text; `rows` must be a multiple of {@link DAYS}. */
function makePanel(rows: number, seed: number): { text: string; assets: number; missing: number } {
  const assets = Math.max(1, Math.round(rows / DAYS));
  if (assets * DAYS !== rows) throw new Error(`--rows must be a multiple of ${DAYS}`);
  const rng = createRandom(seed);
  const dates: string[] = [];
  for (let d = dayKey(2015, 1, 2); dates.length < DAYS; d++) if (!isWeekend(d)) dates.push(isoFromDayKey(d));
  const names = Array.from({ length: assets }, (_, a) => `A${String(a + 1).padStart(4, "0")}`);
  const price = Array.from({ length: assets }, () => 20 + 180 * rng.next());
  // written byte by byte into one buffer (ASCII), so that generating the text leaves little
  // garbage behind and the RSS before parsing is close to the text itself
  const buf = Buffer.allocUnsafe(32 + rows * 32);
  let pos = buf.write("date,asset,value\n", 0, "latin1");
  let missing = 0;
  for (const date of dates) {
    for (let a = 0; a < assets; a++) {
      if (pos > buf.length - 64) throw new Error("text buffer too small");
      price[a] = price[a]! * Math.exp(0.0002 + 0.015 * rng.normal());
      pos += buf.write(date, pos, "latin1");
      buf[pos++] = 0x2c; // ,
      pos += buf.write(names[a]!, pos, "latin1");
      buf[pos++] = 0x2c;
      if (rng.next() < 0.001) missing++;
      else pos += buf.write(price[a]!.toFixed(4), pos, "latin1");
      buf[pos++] = 0x0a; // \n
    }
  }
  return { text: buf.toString("latin1", 0, pos), assets, missing };
}

function child(rows: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const { text, assets, missing } = makePanel(rows, opt.seed);
  gc?.();
  const rssBeforeParse = process.memoryUsage().rss;
  const maxRssBeforeParse = peakRssBytes();
  const timesMs: number[] = [];
  for (let r = 0; r < opt.warmup + opt.runs; r++) {
    let table: ReturnType<typeof parseSeriesCsv> | undefined;
    const t = timeMs(() => {
      table = parseSeriesCsv(text);
    });
    let values = 0;
    for (const s of table!.series) values += s.values.length;
    if (table!.format !== "long" || table!.series.length !== assets || values !== rows - missing || table!.rowCount !== rows) {
      throw new Error(`unexpected parse: format ${table!.format}, ${table!.series.length} series, ${values} values, ${table!.rowCount} rows`);
    }
    table = undefined;
    gc?.();
    if (r >= opt.warmup) timesMs.push(t);
  }
  const report: ChildReport = {
    rows,
    assets,
    days: DAYS,
    missing,
    textBytes: Buffer.byteLength(text),
    timesMs,
    rssBeforeParse,
    rssAfterRuns: process.memoryUsage().rss,
    maxRssBeforeParse,
    maxRss: peakRssBytes(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function parent(): void {
  const script = fileURLToPath(import.meta.url);
  const reports: ChildReport[] = [];
  for (const rows of [opt.small, opt.large]) {
    const args = [
      ...process.execArgv,
      "--expose-gc",
      script,
      "--child",
      "--rows",
      String(rows),
      "--runs",
      String(opt.runs),
      "--warmup",
      String(opt.warmup),
      "--seed",
      String(opt.seed),
    ];
    const res = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 });
    if (res.status !== 0) {
      process.stderr.write(res.stderr);
      throw new Error(`child for ${rows} rows failed (status ${String(res.status)})`);
    }
    const last = res.stdout.trim().split("\n").pop() ?? "";
    reports.push(JSON.parse(last) as ChildReport);
  }

  printTable("Workload", [
    { item: "layout", value: "long: date,asset,value (format detected), sorted by date then asset" },
    { item: "sizes", value: reports.map((r) => `${r.rows} rows = ${r.assets} assets x ${r.days} days`).join("; ") },
    { item: "missing value cells", value: reports.map((r) => `${r.missing}`).join("; ") },
    { item: "text size", value: reports.map((r) => mib(r.textBytes)).join("; ") },
    { item: "seed", value: opt.seed },
    { item: "runs", value: `${opt.runs} timed after ${opt.warmup} warm-up, each size in its own process` },
  ]);
  printTable("Machine", machineRows());
  printTable(
    `parseSeriesCsv (median [min, max] of ${opt.runs} runs)`,
    reports.map((r) => {
      const s = summarize(r.timesMs);
      return {
        rows: r.rows,
        "time median": ms(s.median),
        "time min": ms(s.min),
        "time max": ms(s.max),
        "rows/s median": rate((r.rows / s.median) * 1000),
        "rows/s min": rate((r.rows / s.max) * 1000),
        "rows/s max": rate((r.rows / s.min) * 1000),
        "MiB/s median": ((r.textBytes / 2 ** 20 / s.median) * 1000).toFixed(1),
      };
    }),
  );
  printTable(
    "Memory (resident set size of the child process)",
    reports.map((r) => ({
      rows: r.rows,
      "RSS before parsing (text in memory)": mib(r.rssBeforeParse),
      "peak RSS before parsing": mib(r.maxRssBeforeParse),
      "peak RSS (whole process)": mib(r.maxRss),
      "peak minus RSS before parsing": mib(r.maxRss - r.rssBeforeParse),
    })),
  );
  process.stdout.write("\n");
}

if (hasFlag("child")) child(opt.rows);
else parent();
