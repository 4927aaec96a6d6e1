/**
 * Writes the synthetic fixtures of market-reaction (fixtures/): daily series on the NYSE and
 * Tokyo calendars with injected abnormal returns, one-minute bars for 7 and 9 April 2025,
 * synthetic Ken French factors, the April 2025 statement list and the documentation.
 *
 *   npx tsx scripts/make-fixtures.ts          (or: npm run fixtures)
 *
 * Rerunning reproduces every file byte for byte: `makeFixtures()` is pure and seeded, and
 * test/fixtures/regenerate.test.ts compares it with the committed files. No value comes from
 * real market data; only the statement list is re-typed from a sourced list.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dayKeyFromIso, isoFromDayKey } from "../src/time/index.js";
import { simulateDaily, type DailyModel } from "./fixtures/daily.js";
import { nyseDay0, tokyoDay0 } from "./fixtures/day0.js";
import { EVENTS, eventsCsv } from "./fixtures/events.js";
import { cents, centsText, fixed } from "./fixtures/format.js";
import {
  DAY_PLANS, HISTORY_SESSIONS, HISTORY_SESSIONS_PER_FILE, historyFiles, simulateHistory, simulateIntraday, type Bar, type HistoryBar,
} from "./fixtures/intraday.js";
import { buildInjected, type Injected } from "./fixtures/injected.js";
import { measuresFixtures } from "./fixtures/measures.js";
import {
  EVENTS_FILE, FACTORS, INJECTED_FILE, INTRADAY_FILE, README_FILE, SECTORS_FILE, SEED, TOKYO, US_INDEX, WORLD,
} from "./fixtures/params.js";
import { readme } from "./fixtures/readme.js";

/** Every fixture file: repository-relative path -> exact text. Pure and deterministic. */
export function makeFixtures(): Map<string, string> {
  const daily = simulateDaily();
  const bars = intradayBars(daily);
  const tokyoSet = new Set(daily.tokyo.days);
  const day0 = EVENTS.map((e) => ({
    id: e.id,
    nyse: nyseDay0(e.timestamp),
    tokyo: tokyoDay0(e.timestamp, (d) => tokyoSet.has(d)),
  }));
  const injected: Injected = buildInjected(daily, day0);

  const files = new Map<string, string>();
  files.set(US_INDEX.file, usIndexCsv(daily, bars));
  files.set(WORLD.file, twoColumnCsv("date,adj_close", daily.days, daily.world.levels));
  files.set(TOKYO.file, twoColumnCsv("date,close", daily.tokyo.days, daily.tokyo.levels));
  files.set(SECTORS_FILE, sectorsCsv(daily));
  files.set(FACTORS.file, factorsCsv(daily));
  files.set(INJECTED_FILE, `${JSON.stringify(injected, null, 2)}\n`);
  files.set(INTRADAY_FILE, intradayCsv(bars));
  const history = historyBars(daily);
  historyFiles().forEach((path, f) => files.set(path, historyCsv(history.slice(f * HISTORY_SESSIONS_PER_FILE, (f + 1) * HISTORY_SESSIONS_PER_FILE))));
  for (const [path, text] of measuresFixtures(daily)) files.set(path, text);
  files.set(EVENTS_FILE, eventsCsv());
  files.set(README_FILE, readme({ daily, bars, injected, day0 }));
  return files;
}

/** The minute bars, built between the daily fixture's closes; also fixes that day's OHLC. */
function intradayBars(daily: DailyModel): Bar[][] {
  const idx = DAY_PLANS.map((p) => daily.days.indexOf(dayKeyFromIso(p.date)));
  for (const [k, i] of idx.entries()) {
    if (i < 1) throw new Error(`intraday day ${DAY_PLANS[k]!.date} is not in the daily series`);
  }
  return simulateIntraday(
    idx.map((i) => daily.us.levels[i - 1]!),
    idx.map((i) => daily.us.levels[i]!),
  );
}

/** Minute bars of the HISTORY_SESSIONS sessions before the first intraday day, between the daily fixture's opens and closes. */
function historyBars(daily: DailyModel): HistoryBar[][] {
  const first = daily.days.indexOf(dayKeyFromIso(DAY_PLANS[0]!.date));
  const from = first - HISTORY_SESSIONS;
  if (from < 0) throw new Error("not enough daily sessions before the intraday days");
  const pick = (a: Float64Array) => a.slice(from, first);
  return simulateHistory(daily.days.slice(from, first), pick(daily.usOhlc.open), pick(daily.us.levels), pick(daily.scale));
}

function historyCsv(sessions: HistoryBar[][]): string {
  const lines = ["datetime,open,close"];
  for (const day of sessions) for (const b of day) lines.push(`${b.utc},${centsText(b.open)},${centsText(b.close)}`);
  return `${lines.join("\n")}\n`;
}

function usIndexCsv(daily: DailyModel, bars: Bar[][]): string {
  const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
  const fromBars = new Map<string, Bar[]>();
  for (const [k, p] of DAY_PLANS.entries()) fromBars.set(p.date, bars[k]!);
  const { open, high, low, volume } = daily.usOhlc;
  for (let i = 0; i < daily.days.length; i++) {
    const date = isoFromDayKey(daily.days[i]!);
    const c = cents(daily.us.levels[i]!);
    let o = cents(open[i]!);
    let h = Math.max(cents(high[i]!), o, c);
    let l = Math.min(cents(low[i]!), o, c);
    const dayBars = fromBars.get(date);
    if (dayBars !== undefined) {
      // The daily bar of an intraday day is the aggregate of its minute bars.
      o = dayBars[0]!.open;
      h = Math.max(...dayBars.map((b) => b.high));
      l = Math.min(...dayBars.map((b) => b.low));
    }
    lines.push([date, centsText(o), centsText(h), centsText(l), centsText(c), centsText(c), fixed(volume[i]!, 0)].join(","));
  }
  return `${lines.join("\n")}\n`;
}

function twoColumnCsv(header: string, days: Int32Array, levels: Float64Array): string {
  const lines = [header];
  for (let i = 0; i < days.length; i++) lines.push(`${isoFromDayKey(days[i]!)},${centsText(cents(levels[i]!))}`);
  return `${lines.join("\n")}\n`;
}

function sectorsCsv(daily: DailyModel): string {
  const lines = [["date", ...daily.sectors.map((s) => s.id)].join(",")];
  for (let i = 0; i < daily.days.length; i++) {
    lines.push([isoFromDayKey(daily.days[i]!), ...daily.sectors.map((s) => centsText(cents(s.levels[i]!)))].join(","));
  }
  return `${lines.join("\n")}\n`;
}

function factorsCsv(daily: DailyModel): string {
  const f = daily.factors;
  const cell = (v: number) => fixed(v, 2).padStart(8, " ");
  const lines = [
    `This file is SYNTHETIC test data made by scripts/make-fixtures.ts of market-reaction (seed ${SEED}).`,
    "It imitates the layout of the daily Fama/French 5-factor file of Kenneth R. French's data library; no value in it is real.",
    "Daily returns in percent.",
    "",
    ",Mkt-RF,SMB,HML,RMW,CMA,RF",
  ];
  for (let i = 0; i < daily.days.length; i++) {
    const ymd = isoFromDayKey(daily.days[i]!).replaceAll("-", "");
    lines.push([ymd, cell(f.mktRf[i]!), cell(f.smb[i]!), cell(f.hml[i]!), cell(f.rmw[i]!), cell(f.cma[i]!), cell(f.rf)].join(","));
  }
  lines.push("", "Synthetic factors for software tests only: do not use them for research.", "See fixtures/README.md for the model.");
  return `${lines.join("\n")}\n`;
}

function intradayCsv(bars: Bar[][]): string {
  const lines = ["datetime,open,high,low,close,volume"];
  for (const day of bars) {
    for (const b of day) {
      lines.push([b.datetime, centsText(b.open), centsText(b.high), centsText(b.low), centsText(b.close), fixed(b.volume, 0)].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Writes the fixtures under `root` (the repository by default); returns the paths written. */
export function writeFixtures(root: string): string[] {
  const written: string[] = [];
  for (const [path, text] of makeFixtures()) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(path);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  for (const path of writeFixtures(root)) process.stdout.write(`wrote ${path}\n`);
}
