import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alignEvents } from "../../src/calendar/align.js";
import type { NonTradingPolicy } from "../../src/calendar/align.js";
import { decide } from "../../src/calendar/alignReason.js";
import { readStatements, zoneOfEvent } from "../../src/calendar/alignStatements.js";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { exchangeCodes } from "../../src/calendar/exchanges.js";
import { workloadEvents, workloadText } from "./align-workload.js";

// SHA-256 of the workload's JSON (400 random statements plus the edge cases, 15 exchanges),
// recorded with the implementation that wrote every row's text up front (commit a58191b),
// before rows held `local_time` and `reason` lazily: the lazy rows serialise byte for byte
// the same, reasons, skipped statements, warnings and error messages included.
const RECORDED: Record<NonTradingPolicy, { length: number; sha256: string }> = {
  next: { length: 5_298_000, sha256: "463e02572d38f3d002de0690d631798ea80cbbe35724fb355122aa29566593c5" },
  previous: { length: 5_466_858, sha256: "6d15cbc6efe52b2aa4741c784f5a346720e2389ef4934b8be7cb917b7d105754" },
  drop: { length: 4_561_261, sha256: "9873905798543673351a4c04c091a6a80123386e3df14869a0fc43e6b6e9ad63" },
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

  it("writes a row's text once, on first read, and serialises it with every key in order", () => {
    const { rows } = alignEvents([{ id: "sun", timestamp: "2025-04-06T10:00", timezone: "America/New_York" }], ["XNYS", "XTKS"]);
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
