import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alignEvents } from "../../src/calendar/align.js";
import type { NonTradingPolicy } from "../../src/calendar/align.js";
import { decide } from "../../src/calendar/alignReason.js";
import { readStatements, zoneOfEvent } from "../../src/calendar/alignStatements.js";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { exchangeCodes } from "../../src/calendar/exchanges.js";
import { createRandom } from "../../src/stats/random.js";
import { dayKey, formatLocalTime, localToInstant, lowerBound } from "../../src/time/index.js";
import type { MarketEvent } from "../../src/types.js";
import { workloadEvents, workloadText } from "./align-workload.js";

// SHA-256 of the workload's JSON (400 random statements plus the edge cases, 15 exchanges),
// recorded with the implementation that wrote every row's text up front (commit a58191b),
// before rows held `local_time` and `reason` lazily: the lazy rows serialise byte for byte
// the same, reasons, skipped statements, warnings and error messages included. The warnings of
// rolled statements are left out of the text since they are one per exchange (they were one
// per statement and exchange): the hashes under "next" and "previous" were recorded again
// without them on the code of commit e839d80, whose full text gave the eager implementation's
// hashes (next 7155f419…, previous bb057da8…); "drop" and "error" roll no statement.
const RECORDED: Record<NonTradingPolicy, { length: number; sha256: string }> = {
  next: { length: 4_698_947, sha256: "3b402f7f4ae3f4e95cf2f1a2d49d1dc7cd2c83f6eb20c71fdae9551360b045a5" },
  previous: { length: 4_787_287, sha256: "96e37d38b6c2c2e8170e9aac816486cdb4c431cb73e8812e35b2441b7d0cb6a5" },
  drop: { length: 4_685_596, sha256: "b0200326a22ac1500b8ad558a17c7dcae003158998c9b06930b37cf1eec90c90" },
  error: { length: 510_885, sha256: "e7112bab200b90ebba6f09ae88fe949f9bc5dc048852b60cc4b739b2b14b2905" },
};

describe("alignEvents with lazy row text", () => {
  for (const policy of ["next", "previous", "drop", "error"] as const) {
    it(`serialises as the eager implementation did (nonTrading: ${policy})`, () => {
      const text = workloadText(policy, 400);
      expect({ length: text.length, sha256: createHash("sha256").update(text).digest("hex") }).toEqual(RECORDED[policy]);
    });
  }

  it("takes on all 24 exchanges the decisions the reason path takes, under every policy", () => {
    const events = workloadEvents(300);
    const statements = readStatements(events, []);
    const calendars = exchangeCodes().map((c) => tradingCalendar(c));
    for (const policy of ["next", "previous", "drop"] as const) {
      const { rows, skipped } = alignEvents(events, calendars, { nonTrading: policy });
      const got = new Map([
        ...rows.map((r) => [`${r.id}/${r.exchange}`, `${r.session} ${r.rule} ${r.day0}`] as const),
        ...skipped.map((s) => [`${s.id}/${s.exchange}`, `skipped ${s.code}`] as const),
      ]);
      let compared = 0;
      events.forEach((event, i) => {
        for (const cal of calendars) {
          const d = decide(statements[i]!, zoneOfEvent(event), cal, policy);
          const want =
            d.failure === undefined ? `${d.session} ${d.rule} ${d.day0}` : `skipped ${d.failure === "range" ? "DATE_OUT_OF_RANGE" : "NON_TRADING_DAY"}`;
          expect(got.get(`${event.id}/${cal.exchange.code}`), `${event.id} ${event.timestamp} ${event.timezone} on ${cal.exchange.code}`).toBe(want);
          compared++;
        }
      });
      expect(compared).toBe(events.length * 24);
    }
  });

  it("gives rows on all 24 exchanges the reason text the reference path writes, and one rolled-statement warning per exchange naming them", () => {
    const events = workloadEvents(300);
    const statements = readStatements(events, []);
    const index = new Map(events.map((e, i) => [e.id, i] as const));
    const calendars = exchangeCodes().map((c) => tradingCalendar(c));
    const byCode = new Map(calendars.map((c) => [c.exchange.code, c] as const));
    for (const policy of ["next", "previous"] as const) {
      const { rows, warnings } = alignEvents(events, calendars, { nonTrading: policy });
      const rolledIds = new Map<string, string[]>();
      for (const row of rows) {
        const i = index.get(row.id)!;
        const cal = byCode.get(row.exchange)!;
        const d = decide(statements[i]!, zoneOfEvent(events[i]!), cal, policy);
        expect(row.reason, `${row.id} on ${row.exchange}`).toBe(d.reason);
        if (row.rule.startsWith("non-trading-") || row.rule === "date-only-next" || row.rule === "date-only-previous") {
          rolledIds.set(row.exchange, [...(rolledIds.get(row.exchange) ?? []), row.id]);
        }
      }
      const code = policy === "next" ? "ROLLED_TO_NEXT_SESSION" : "ROLLED_TO_PREVIOUS_SESSION";
      const rolled = warnings.filter((w) => w.code.startsWith("ROLLED_TO_"));
      expect(rolled.map((w) => w.exchange)).toEqual(calendars.map((c) => c.exchange.code).filter((c) => rolledIds.has(c)));
      for (const w of rolled) {
        const ids = rolledIds.get(w.exchange!)!;
        expect(w.code).toBe(code);
        expect(w.subjects).toEqual(ids);
        expect(w.count).toBe(ids.length);
        expect(w.event_id).toBeUndefined();
        expect(w.message.startsWith(`${w.exchange}: ${ids.length} statements fall outside a trading day; day 0 is the ${policy} session: ${ids[0]} (`)).toBe(
          true,
        );
      }
      expect(rolled.reduce((s, w) => s + w.count!, 0)).toBeGreaterThan(1000);
    }
  });

  it("agrees with the reference path at every exchange's open, close, break bounds and early closes, a minute either side", () => {
    const calendars = exchangeCodes().map((c) => tradingCalendar(c));
    const rnd = createRandom(2124);
    const events: MarketEvent[] = [];
    for (const cal of calendars) {
      const zone = cal.exchange.timezone;
      const from = lowerBound(cal.days, dayKey(1996, 1, 1));
      const to = lowerBound(cal.days, dayKey(2030, 1, 1));
      // 12 random sessions of 1996-2029 plus every early close and lunch break of 2024-2025
      const picks = Array.from({ length: 12 }, () => cal.days[from + Math.floor(rnd.next() * (to - from))]!);
      for (let d = dayKey(2024, 1, 1); d <= dayKey(2025, 12, 31); d++) if (cal.isSession(d) && cal.earlyCloseName(d) !== undefined) picks.push(d);
      for (const day of picks) {
        const br = cal.lunchBreak(day);
        const bounds = [cal.sessionOpen(day), cal.sessionClose(day), ...(br ?? [])];
        for (const b of bounds) {
          for (const minute of [b - 1, b, b + 1]) {
            const local = { day: day + Math.floor(minute / 1440), minute: ((minute % 1440) + 1440) % 1440 };
            if (localToInstant(local, zone).status !== "unique") continue;
            const ts = formatLocalTime(local);
            events.push({ id: `${cal.exchange.code}-${ts}`, timestamp: ts, timezone: zone, precision: "minute" });
          }
        }
      }
    }
    const statements = readStatements(events, []);
    const { rows, skipped } = alignEvents(events, calendars);
    expect(skipped).toEqual([]);
    const byKey = new Map(rows.map((r) => [`${r.id}/${r.exchange}`, r] as const));
    const sessions = new Set<string>();
    events.forEach((event, i) => {
      for (const cal of calendars) {
        const d = decide(statements[i]!, event.timezone!, cal, "next");
        const row = byKey.get(`${event.id}/${cal.exchange.code}`)!;
        expect(`${row.session} ${row.rule} ${row.day0} ${row.reason}`, `${event.id} on ${cal.exchange.code}`).toBe(
          `${d.session} ${d.rule} ${d.day0} ${d.reason}`,
        );
        sessions.add(row.session);
      }
    });
    expect([...sessions].sort()).toEqual(["after-close", "early-close", "non-trading", "pre-open", "regular"]);
    expect(events.length).toBeGreaterThan(2000);
  });

  it("writes a row's text once, on first read, and serialises it with every key in order", () => {
    const { rows } = alignEvents([{ id: "sun", timestamp: "2025-04-06T10:00", timezone: "America/New_York", precision: "minute" }], ["XNYS", "XTKS"]);
    const tokyo = rows[1]!;
    expect(Object.keys(tokyo)).not.toContain("reason");
    expect(tokyo.reason).toBe(tokyo.reason);
    expect(tokyo.reason).toBe(
      "Sunday 2025-04-06 10:00 America/New_York (Sunday 2025-04-06 23:00 on the XTKS clock, Asia/Tokyo) is not a trading day on XTKS (Sunday); day 0 is the next session, Monday 2025-04-07.",
    );
    expect(tokyo.local_time).toBe("2025-04-06T23:00");
    expect(Object.keys(JSON.parse(JSON.stringify(tokyo)))).toEqual([
      "id",
      "exchange",
      "timestamp",
      "timezone",
      "instant_utc",
      "local_time",
      "exchange_timezone",
      "session",
      "day0",
      "day0_iso",
      "rule",
      "reason",
      "approximate",
      "asset",
      "event",
    ]);
  });
});
