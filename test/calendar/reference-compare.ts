// Day-by-day comparison of a built-in calendar with a reference schedule
// (CSV: date,open,close,break_start,break_end; local HH:MM).
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

export interface ReferenceComparison {
  readonly from: string;
  readonly to: string;
  readonly referenceSessions: number;
  readonly ourSessions: number;
  /** Reference sessions that are closed here, with our reason. */
  readonly missing: { date: string; reason: string }[];
  /** Our sessions that the reference does not have. */
  readonly extra: string[];
  /** Sessions in both whose open, close or break differ. */
  readonly hours: { date: string; ours: string; reference: string }[];
}

function hhmm(minute: number | undefined): string {
  if (minute === undefined || Number.isNaN(minute)) return "";
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function compareWithReference(mic: string, csv: string): ReferenceComparison {
  const cal = tradingCalendar(mic);
  const rows = csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  const ref = new Map(rows.map((r) => [dayKeyFromIso(r[0]!), `${r[1]}-${r[2]}${r[3] ? ` break ${r[3]}-${r[4]}` : ""}`]));
  const first = dayKeyFromIso(rows[0]![0]!);
  const last = dayKeyFromIso(rows[rows.length - 1]![0]!);
  const missing: ReferenceComparison["missing"] = [];
  const extra: string[] = [];
  const hours: ReferenceComparison["hours"] = [];
  let ours = 0;
  for (let d = first; d <= last; d++) {
    const session = cal.isSession(d);
    if (session) ours++;
    const theirs = ref.get(d);
    if (theirs === undefined) {
      if (session) extra.push(isoFromDayKey(d));
      continue;
    }
    if (!session) {
      missing.push({ date: isoFromDayKey(d), reason: cal.closedReason(d) ?? "" });
      continue;
    }
    const br = cal.lunchBreak(d);
    const mine = `${hhmm(cal.sessionOpen(d))}-${hhmm(cal.sessionClose(d))}${br ? ` break ${hhmm(br[0])}-${hhmm(br[1])}` : ""}`;
    if (mine !== theirs) hours.push({ date: isoFromDayKey(d), ours: mine, reference: theirs });
  }
  return { from: isoFromDayKey(first), to: isoFromDayKey(last), referenceSessions: rows.length, ourSessions: ours, missing, extra, hours };
}

/** Hours differences grouped by (ours, reference) pair: count, first and last date. */
export interface HoursGroup {
  readonly ours: string;
  readonly reference: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

/** The differences of one exchange in the compact form kept in reference-differences.json. */
export interface KnownDifferences {
  readonly from: string;
  readonly to: string;
  /** Reference sessions closed here: `date reason`. */
  readonly closedHere: string[];
  /** Our sessions the reference lacks. */
  readonly openHere: string[];
  readonly hours: HoursGroup[];
}

export function compactDifferences(r: ReferenceComparison): KnownDifferences {
  const groups = new Map<string, { ours: string; reference: string; count: number; first: string; last: string }>();
  for (const h of r.hours) {
    const key = `${h.ours}|${h.reference}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { ours: h.ours, reference: h.reference, count: 1, first: h.date, last: h.date });
    else {
      g.count++;
      g.last = h.date;
    }
  }
  return {
    from: r.from,
    to: r.to,
    closedHere: r.missing.map((m) => `${m.date} ${m.reason}`),
    openHere: r.extra,
    hours: [...groups.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0)),
  };
}
