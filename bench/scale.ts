/**
 * Benchmark: the `study` command end to end on inputs that used to grow with the square of
 * their size (issue 17, class 1).
 *
 *   npx tsx bench/scale.ts [--case dense|panel] [--statements 100000] [--assets 2000]
 *                          [--per-asset 40] [--half 30] [--runs 3] [--keep 0|1] [--prof DIR]
 *
 * - `dense`: one asset with `statements` statements at seeded random times of 2015–2025 (many
 *   share a day 0: their event windows and estimation windows overlap massively), market
 *   model on a synthetic market, estimation [-250, -11], windows [-1, 1] and [0, 5], JSON out.
 *   `--keep 1` passes `--contamination keep` (with `exclude`, most estimation windows lose
 *   every session to other statements and the pairs are skipped).
 * - `panel`: `assets` assets × `per-asset` statements of their own (an `asset` column), one
 *   event window [-half, half] (61 sessions for `--half 30`), JSON out.
 *
 * The inputs are written once to a temporary directory (untimed); then each run starts the
 * CLI (bundled from src/ with esbuild, so no loader is timed) in its own process and measures
 * its wall time and peak resident memory (`maxRSS` of the child from getrusage, as
 * `/usr/bin/time -v` reports it) and CPU time (user + system: the steadier figure on a shared machine). `--prof DIR` writes a V8 CPU profile of each run to DIR. Reported: the median, min and max of `runs` runs, the size
 * of the JSON written and the load average before and after.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { dayKeyFromIso, isoFromDayKey, nyseTradingDays } from "../src/index.js";
import { createRandom } from "../src/stats/random.js";
import { machineRows, printTable, summarize } from "./harness.js";

const args = process.argv.slice(2);
function opt(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}
const which = opt("case", "dense");
const runs = Number(opt("runs", "3"));
const rng = createRandom(Number(opt("seed", "20250403")));

const days = nyseTradingDays(dayKeyFromIso("2015-01-02"), dayKeyFromIso("2025-12-31"));
const T = days.length;
const dir = mkdtempSync(path.join(os.tmpdir(), "mr-scale-"));

/** Synthetic market and asset prices (market model with β in [0.5, 1.5]). */
function prices(assets: number): { market: Float64Array; assets: Float64Array[] } {
  const market = new Float64Array(T);
  const mret = new Float64Array(T);
  market[0] = 100;
  for (let t = 1; t < T; t++) {
    mret[t] = 0.0003 + 0.01 * rng.normal();
    market[t] = market[t - 1]! * (1 + mret[t]!);
  }
  const out: Float64Array[] = [];
  for (let a = 0; a < assets; a++) {
    const beta = 0.5 + rng.next();
    const v = new Float64Array(T);
    v[0] = 50;
    for (let t = 1; t < T; t++) v[t] = v[t - 1]! * (1 + beta * mret[t]! + 0.015 * rng.normal());
    out.push(v);
  }
  return { market, assets: out };
}

function writeWide(file: string, names: readonly string[], columns: readonly Float64Array[]): void {
  const lines = [`date,${names.join(",")}`];
  for (let t = 0; t < T; t++) lines.push(`${isoFromDayKey(days[t]!)},${columns.map((c) => c[t]!.toFixed(4)).join(",")}`);
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** A random statement time on a session after 2016 (so the estimation window fits). */
function statementTime(): string {
  const first = days.findIndex((d) => d >= dayKeyFromIso("2016-03-01"));
  const i = first + rng.int(T - first - 40);
  const minute = 9 * 60 + 31 + rng.int(380);
  return `${isoFromDayKey(days[i]!)}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function setUp(): { argv: string[]; workload: string } {
  const out = path.join(dir, "out.json");
  if (which === "dense") {
    const n = Number(opt("statements", "100000"));
    const keep = opt("keep", "0") === "1";
    const p = prices(1);
    writeWide(path.join(dir, "market.csv"), ["MKT"], [p.market]);
    writeWide(path.join(dir, "asset.csv"), ["ASSET"], p.assets);
    const lines = ["id,timestamp,timezone"];
    for (let i = 0; i < n; i++) lines.push(`S${i + 1},${statementTime()},America/New_York`);
    writeFileSync(path.join(dir, "events.csv"), `${lines.join("\n")}\n`);
    return {
      argv: [
        "study",
        "--prices",
        path.join(dir, "asset.csv"),
        "--market",
        path.join(dir, "market.csv"),
        "--events",
        path.join(dir, "events.csv"),
        "--window=-1,1",
        "--window=0,5",
        "--workers", // one thread, as before worker threads existed (the bundled CLI here has no dist/worker.js)
        "1",
        "--format",
        "json",
        "--out",
        out,
        ...(keep ? ["--contamination", "keep"] : []),
      ],
      workload: `1 asset × ${n} statements, ${T} sessions, market model, estimation [-250,-11], windows [-1,1] [0,5], contamination ${keep ? "keep" : "exclude"}, JSON`,
    };
  }
  const assets = Number(opt("assets", "2000"));
  const per = Number(opt("per-asset", "40"));
  const half = Number(opt("half", "30"));
  const keep = opt("keep", "0") === "1";
  const p = prices(assets);
  const names = p.assets.map((_, a) => `A${String(a).padStart(4, "0")}`);
  writeWide(path.join(dir, "market.csv"), ["MKT"], [p.market]);
  writeWide(path.join(dir, "assets.csv"), names, p.assets);
  const lines = ["id,timestamp,timezone,asset"];
  for (const name of names) for (let i = 0; i < per; i++) lines.push(`${name}-${i + 1},${statementTime()},America/New_York,${name}`);
  writeFileSync(path.join(dir, "events.csv"), `${lines.join("\n")}\n`);
  return {
    argv: [
      "study",
      "--prices",
      path.join(dir, "assets.csv"),
      "--market",
      path.join(dir, "market.csv"),
      "--events",
      path.join(dir, "events.csv"),
      `--estimation=-300,-41`,
      `--window=-${half},${half}`,
      "--workers",
      "1",
      "--format",
      "json",
      "--out",
      out,
      ...(keep ? ["--contamination", "keep"] : []),
    ],
    workload: `${assets} assets × ${per} statements, ${T} sessions, market model, estimation [-300,-41], window [-${half},${half}] (${2 * half + 1} sessions), contamination ${keep ? "keep" : "exclude"}, JSON`,
  };
}

async function main(): Promise<void> {
  const cli = path.join(dir, "cli.mjs");
  await build({
    entryPoints: [path.join(import.meta.dirname, "../src/cli/main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: cli,
    tsconfig: path.join(import.meta.dirname, "../tsconfig.json"),
    logLevel: "error",
    // the alias keeps the banner's import apart from the bundled code's own createRequire (src/node/parallel.ts)
    banner: { js: "import { createRequire as benchCreateRequire } from 'node:module'; const require = benchCreateRequire(import.meta.url);" },
  });
  const { argv, workload } = setUp();
  const loadBefore = os.loadavg()[0]!;
  const wall: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  let status = "";
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    // the child reports its own peak RSS (getrusage of the process that ran the CLI)
    const res = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=4096",
        ...(opt("prof", "") === "" ? [] : ["--cpu-prof", `--cpu-prof-dir=${opt("prof", "")}`]),
        "-e",
        `import(${JSON.stringify(cli)}).then((m) => m.runCli(${JSON.stringify(argv)}, m.nodeIO())).then((code) => { const u = process.resourceUsage(); process.stderr.write("\\nMAXRSS " + u.maxRSS + " CPU " + (u.userCPUTime + u.systemCPUTime) + " EXIT " + code + "\\n"); process.exitCode = code; });`,
      ],
      { encoding: "utf8", maxBuffer: 1 << 30 },
    );
    wall.push(performance.now() - t0);
    const m = /MAXRSS (\d+) CPU (\d+) EXIT (\d+)/.exec(res.stderr);
    rss.push(m === null ? Number.NaN : Number(m[1]) / 1024);
    cpu.push(m === null ? Number.NaN : Number(m[2]) / 1000);
    status =
      m === null
        ? `crashed (status ${res.status}, signal ${res.signal}): ${res.stderr.split("\n").slice(0, 3).join(" | ").slice(0, 300)}`
        : `exit ${m[3]}; stderr ${res.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("MAXRSS")).length} lines${m[3] === "0" ? "" : `: ${res.stderr.slice(0, 300)}`}`;
    try {
      bytes = statSync(argv[argv.indexOf("--out") + 1]!).size;
    } catch {
      bytes = 0;
    }
    console.error(`run ${r + 1}: ${(wall[r]! / 1000).toFixed(1)} s (CPU ${(cpu[r]! / 1000).toFixed(1)} s), ${rss[r]!.toFixed(0)} MiB, ${status}`);
  }
  const loadAfter = os.loadavg()[0]!;
  printTable("machine", machineRows());
  const w = summarize(wall);
  const m = summarize(rss);
  printTable("scale", [
    { item: "workload", value: workload },
    { item: "result", value: status },
    { item: "JSON written", value: `${(bytes / 2 ** 20).toFixed(1)} MiB` },
    {
      item: "wall time (median [min, max])",
      value: `${(w.median / 1000).toFixed(1)} s [${(w.min / 1000).toFixed(1)}, ${(w.max / 1000).toFixed(1)}] over ${w.runs} runs`,
    },
    {
      item: "CPU time, user + system (median [min, max])",
      value: `${(summarize(cpu).median / 1000).toFixed(1)} s [${(summarize(cpu).min / 1000).toFixed(1)}, ${(summarize(cpu).max / 1000).toFixed(1)}]`,
    },
    { item: "peak RSS (median [min, max])", value: `${m.median.toFixed(0)} MiB [${m.min.toFixed(0)}, ${m.max.toFixed(0)}]` },
    { item: "load average (1 min) before, after", value: `${loadBefore.toFixed(2)}, ${loadAfter.toFixed(2)}` },
  ]);
  if (opt("keep-dir", "0") === "1") console.error(`inputs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
