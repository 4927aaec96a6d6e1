/**
 * Benchmark of the calendar engine: building one exchange's calendar 1990-2099 from its rules
 * (a fresh copy of the descriptor each time, so nothing is cached), and aligning 10,000
 * statements on the 24 built-in exchanges (calendars built once beforehand).
 *
 * Run: npx tsx bench/calendars.ts [--runs 15] [--statements 10000]
 * @module
 */
import { alignEvents, exchangeCodes, tradingCalendar, type MarketEvent } from "../src/index.js";
import { ruleTables } from "../src/calendar/rules/engine.js";
import { CALENDAR_RULES } from "../src/calendar/rules/registry.js";
import { createRandom } from "../src/stats/random.js";
import { intOptions, machineRows, ms, printTable, summarize, timeMs } from "./harness.js";

const opts = intOptions({ runs: 15, statements: 10_000 });

function buildRows(): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const [code, rules] of Object.entries(CALENDAR_RULES)) {
    if (code === "XNAS" || code === "XSHE") continue; // the same descriptors as XNYS and XSHG
    ruleTables({ ...rules }); // warm-up (also fills the shared lunisolar tables)
    const samples: number[] = [];
    let sessions = 0;
    for (let r = 0; r < opts.runs; r++) samples.push(timeMs(() => (sessions = ruleTables({ ...rules }).days.length)));
    const s = summarize(samples);
    rows.push({ exchange: code, sessions, median: ms(s.median), min: ms(s.min), max: ms(s.max) });
  }
  return rows;
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
printTable(`building one calendar 1990-2099 from its rules (${opts.runs} runs each, fresh descriptor copy, milliseconds)`, rows);
const medians = rows.map((r) => Number.parseFloat(String(r.median)));
console.log(`slowest median: ${Math.max(...medians).toFixed(3)} ms; median of medians: ${summarize(medians).median.toFixed(3)} ms`);

const events = statements(opts.statements);
const codes = exchangeCodes();
for (const c of codes) tradingCalendar(c);
alignEvents(events.slice(0, 500), codes); // warm-up
const samples: number[] = [];
let rowsOut = 0;
for (let r = 0; r < opts.runs; r++) samples.push(timeMs(() => (rowsOut = alignEvents(events, codes).rows.length)));
const s = summarize(samples);
printTable(`alignEvents: ${opts.statements} statements x ${codes.length} exchanges = ${rowsOut} rows (${opts.runs} runs)`, [
  { median: ms(s.median), min: ms(s.min), max: ms(s.max) },
]);
