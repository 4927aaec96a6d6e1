/**
 * A fixed alignment workload for the equivalence test: statements of every kind (minute and
 * date-only, explicit offsets, both sides of DST changes, weekends, holidays, early closes,
 * lunch breaks, before and after the calendars' range) on every built-in exchange under every
 * non-trading policy, serialised to one JSON text per policy. Shared by the test and by the
 * script that recorded the expected hashes.
 */
import { alignEvents, type MarketEvent, type NonTradingPolicy } from "../../src/index.js";
import { createRandom } from "../../src/stats/random.js";
import { localToInstant, parseTimestamp } from "../../src/time/index.js";

const ZONES = ["America/New_York", "Europe/London", "Asia/Tokyo", "Asia/Hong_Kong", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC"];
const FIXED = [
  "2025-04-06T10:00",
  "2025-03-09T03:30",
  "2025-11-02T01:30",
  "2025-11-28T13:30",
  "2025-12-24T12:45",
  "2025-04-18",
  "2025-04-29T11:45",
  "2025-01-29T09:00",
  "1990-01-01T00:30",
  "1989-12-29",
  "2099-12-31T23:00",
  "2100-01-04",
  "2025-04-07T16:00:00.000Z",
  "2025-04-07T09:29:59+09:00",
  "2025-04-07T12:30-04:00",
];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The statements: the fixed edge cases in each zone, then `n` random ones in 1995-2030. */
export function workloadEvents(n: number): MarketEvent[] {
  const rnd = createRandom(2121);
  const out: MarketEvent[] = [];
  FIXED.forEach((ts, i) => {
    for (const zone of ZONES) out.push({ id: `F${i}-${zone}`, timestamp: ts, timezone: zone, precision: ts.length === 10 ? "date" : "minute" });
  });
  for (let i = 0; i < n; i++) {
    const year = 1995 + Math.floor(rnd.next() * 36);
    const month = 1 + Math.floor(rnd.next() * 12);
    const day = 1 + Math.floor(rnd.next() * 28);
    const minute = Math.floor(rnd.next() * 1440);
    const seconds = i % 7 === 0 ? `:${pad(Math.floor(rnd.next() * 60))}` : "";
    const ts = `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}${seconds}`;
    const zone = ZONES[i % ZONES.length]!;
    const local = parseTimestamp(ts)!;
    if (localToInstant({ day: local.day, minute: local.minute! }, zone).status === "nonexistent") continue; // skipped by a DST change
    const text = i % 9 === 0 ? ts.slice(0, 10) : ts;
    const event: MarketEvent = { id: `R${i}`, timestamp: text, timezone: zone, precision: text.length === 10 ? "date" : "minute" };
    out.push(i % 5 === 0 ? { ...event, asset: "SPY" } : event);
  }
  return out;
}

/**
 * The exchanges of the hashed workload: those whose holiday tables this session left as they
 * were (a table change would change the hash for a reason other than the alignment code).
 */
export const WORKLOAD_EXCHANGES = ["XNYS", "XNAS", "XTKS", "XLON", "XETR", "XPAR", "XHKG", "XASX", "XTSE", "XMIL", "XSWX", "BVMF", "XMEX", "XAMS", "XMAD"];

/**
 * The alignment of the workload under one policy as JSON text (or the error it throws), its
 * warnings of rolled statements left out (one per statement and exchange before they were
 * grouped by exchange; the test checks the grouped ones against the rows).
 */
export function workloadText(policy: NonTradingPolicy, n: number, exchanges: readonly string[] = WORKLOAD_EXCHANGES): string {
  const events = workloadEvents(n);
  try {
    const { rows, skipped, warnings } = alignEvents(events, exchanges, { nonTrading: policy });
    return JSON.stringify({ rows, skipped, warnings: warnings.filter((w) => !w.code.startsWith("ROLLED_TO_")) });
  } catch (e) {
    const err = e as { code?: string; message: string; issues?: unknown };
    return JSON.stringify({ code: err.code, message: err.message, issues: err.issues });
  }
}
