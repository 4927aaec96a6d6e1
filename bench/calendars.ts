/**
 * Benchmark of the calendar engine: building one exchange's calendar 1990-2099 from its rules
 * (a fresh copy of the descriptor each time, so its built tables are not reused; the weekday
 * rules' dates, which date-fns computes once per year and rule shape, and the lunisolar tables
 * are shared across builds, so each exchange's first build is shown apart; the timed builds go
 * round the exchanges, one of each per round), and aligning
 * 10,000 statements on the 24 built-in exchanges (calendars built once beforehand): the call,
 * which decides every row, and then the first read of its rows, whose objects are made then,
 * are timed apart and summed. Wall-clock and process CPU time are both given: on a loaded
 * machine the CPU time is the steadier one.
 *
 * Run: npx tsx bench/calendars.ts [--runs 15] [--statements 10000]
 * @module
 */
import { alignEvents, exchangeCodes, tradingCalendar, type MarketEvent } from "../src/index.js";
import { ruleTables } from "../src/calendar/rules/engine.js";
import { CALENDAR_RULES } from "../src/calendar/rules/registry.js";
import { createRandom } from "../src/stats/random.js";
import os from "node:os";
import { intOptions, machineRows, ms, printTable, summarize, timeMs } from "./harness.js";

/** Wall-clock and CPU milliseconds (user + system, this process) of running `fn`. */
function timeBoth(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const wall = timeMs(fn);
  const c1 = process.cpuUsage(c0);
  return { wall, cpu: (c1.user + c1.system) / 1000 };
}

const opts = intOptions({ runs: 15, statements: 10_000 });

function buildRows(): Record<string, string | number>[] {
  const exchanges = Object.entries(CALENDAR_RULES).filter(([code]) => code !== "XNAS" && code !== "XSHE"); // the same descriptors as XNYS and XSHG
  // Every exchange's first build comes first (it also fills the shared date memos); then the
  // timed builds go round the exchanges, one build of each per round, so that the engine's
  // warm-up (its code compiled while it runs) falls on every exchange alike. Timed one
  // exchange after another, the first one (XNYS) took about twice the others' medians.
  const firsts = exchanges.map(([, rules]) => timeMs(() => ruleTables({ ...rules })));
  const wall = exchanges.map((): number[] => []);
  const cpu = exchanges.map((): number[] => []);
  const sessions = exchanges.map(() => 0);
  for (let r = 0; r < opts.runs; r++) {
    exchanges.forEach(([, rules], i) => {
      const t = timeBoth(() => (sessions[i] = ruleTables({ ...rules }).days.length));
      wall[i]!.push(t.wall);
      cpu[i]!.push(t.cpu);
    });
  }
  return exchanges.map(([code], i) => {
    const s = summarize(wall[i]!);
    return {
      exchange: code,
      sessions: sessions[i]!,
      first: ms(firsts[i]!),
      median: ms(s.median),
      min: ms(s.min),
      max: ms(s.max),
      "cpu median": ms(summarize(cpu[i]!).median),
    };
  });
}

function statements(n: number): MarketEvent[] {
  const rnd = createRandom(21);
  const zones = ["America/New_York", "Europe/London", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/Berlin"];
  const out: MarketEvent[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(rnd.next() * 28);
    const month = 1 + Math.floor(rnd.next() * 12);
    const minute = Math.floor(rnd.next() * 1440);
    const hh = String(Math.floor(minute / 60)).padStart(2, "0");
    const mm = String(minute % 60).padStart(2, "0");
    const ts = `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${hh}:${mm}`;
    out.push({ id: `S${i}`, timestamp: ts, timezone: zones[i % zones.length]!, precision: i % 10 === 0 ? "date" : "minute" });
  }
  return out;
}

printTable("machine", machineRows());
const rows = buildRows();
printTable(`building one calendar 1990-2099 from its rules (${opts.runs} rounds of one build of each, fresh descriptor copy, milliseconds)`, rows);
const medians = rows.map((r) => Number.parseFloat(String(r.median)));
console.log(`slowest median: ${Math.max(...medians).toFixed(3)} ms; median of medians: ${summarize(medians).median.toFixed(3)} ms`);

const events = statements(opts.statements);
const codes = exchangeCodes();
for (const c of codes) tradingCalendar(c);
alignEvents(events.slice(0, 500), codes); // warm-up
const wall: number[] = [];
const cpu: number[] = [];
const reading: number[] = [];
let rowsOut = 0;
for (let r = 0; r < opts.runs; r++) {
  let result: ReturnType<typeof alignEvents> | undefined;
  const t = timeBoth(() => (result = alignEvents(events, codes)));
  wall.push(t.wall);
  cpu.push(t.cpu);
  // the row objects are made on first read of `rows`: timed apart, as the study's tables are
  reading.push(timeMs(() => (rowsOut = result!.rows.length)));
}
const s = summarize(wall);
const c = summarize(cpu);
const rd = summarize(reading);
const both = summarize(wall.map((x, i) => x + reading[i]!));
printTable(`alignEvents: ${opts.statements} statements x ${codes.length} exchanges = ${rowsOut} rows (${opts.runs} runs)`, [
  {
    measure: "alignEvents(...): every day 0, rule, warning and skipped statement",
    median: ms(s.median),
    min: ms(s.min),
    max: ms(s.max),
    "cpu median": ms(c.median),
  },
  { measure: "then reading rows (the row objects made on first read)", median: ms(rd.median), min: ms(rd.min), max: ms(rd.max), "cpu median": "" },
  { measure: "alignment + rows (median of the sums)", median: ms(both.median), min: ms(both.min), max: ms(both.max), "cpu median": "" },
]);
console.log(
  `load average after the runs: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ")}`,
);
