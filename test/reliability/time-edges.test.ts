/**
 * Issue 17, class 2: every path from a written time to an instant keeps sub-second precision
 * (never rounded up across a close), and explicit offsets, repeated and skipped local hours,
 * times in their own column and early closes give the session they should.
 */
import fc from "fast-check";
import { tzOffset } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { alignEvents, parseEventsCsv } from "market-reaction";
import { clockOfMinute, zoneOffsetMinutes } from "../../src/time/index.js";

function align(csv: string) {
  const parsed = parseEventsCsv(csv);
  const r = alignEvents(parsed.events, "XNYS");
  return { parsed, rows: Object.fromEntries(r.rows.map((x) => [x.id, x])), warnings: r.warnings };
}

describe("time at the edges", () => {
  it("15:59:59.5 stays before the 16:00 close (same-day session); 16:00:00 is after it", () => {
    const { rows } = align("id,timestamp\nA,2025-04-09T15:59:59.5\nB,2025-04-09T15:59:59.999\nC,2025-04-09T16:00:00\nD,2025-04-09T15:59:59.9999999\n");
    expect([rows.A!.day0_iso, rows.A!.session, rows.A!.timestamp]).toEqual(["2025-04-09", "regular", "2025-04-09T15:59:59.500"]);
    expect(rows.A!.instant_utc).toBe("2025-04-09T19:59:59.500Z");
    expect([rows.B!.day0_iso, rows.B!.session]).toEqual(["2025-04-09", "regular"]);
    expect([rows.C!.day0_iso, rows.C!.session]).toEqual(["2025-04-10", "after-close"]);
    // below a millisecond the time is cut, never rounded up to the close
    expect([rows.D!.day0_iso, rows.D!.session, rows.D!.timestamp]).toEqual(["2025-04-09", "regular", "2025-04-09T15:59:59.999"]);
  });

  it("explicit offsets: Z and -04:00 with fractions give the same instant as the local time", () => {
    const { rows } = align("id,timestamp\nZ,2025-04-09T19:59:59.5Z\nO,2025-04-09T15:59:59.5-04:00\nP,2025-04-09T21:59:59.5+02:00\n");
    for (const id of ["Z", "O", "P"])
      expect([rows[id]!.instant_utc, rows[id]!.day0_iso, rows[id]!.session]).toEqual(["2025-04-09T19:59:59.500Z", "2025-04-09", "regular"]);
  });

  it("early close (Friday 28 November 2025, 13:00): 12:59:59.5 is that session, 13:00 the next", () => {
    const { rows } = align("id,timestamp\nA,2025-11-28T12:59:59.5\nB,2025-11-28T13:00\n");
    expect([rows.A!.day0_iso, rows.A!.session]).toEqual(["2025-11-28", "regular"]);
    expect([rows.B!.day0_iso, rows.B!.session, rows.B!.rule]).toEqual(["2025-12-01", "early-close", "early-close-next"]);
  });

  it("a time in its own column is joined to the date (and said so); a bad time is an error naming the column", () => {
    const { parsed, rows } = align("id,date,time\nA,2025-04-09,15:59:59.5\nB,2025-04-09,16:30\nC,2025-04-09,\n");
    expect(parsed.warnings.map((w) => w.code)).toEqual(["TIME_COLUMN_JOINED"]);
    expect(parsed.warnings[0]!.message).toContain("2 statements");
    expect([rows.A!.day0_iso, rows.A!.session]).toEqual(["2025-04-09", "regular"]);
    expect([rows.B!.day0_iso, rows.B!.session]).toEqual(["2025-04-10", "after-close"]);
    expect(rows.C!.session).toBe("date-only");
    expect(() => parseEventsCsv("id,date,time\nA,2025-04-09,half past four\n")).toThrow(/column time: not a time of day/);
    expect(() => parseEventsCsv("id,date,time\nA,2025-04-09T10:00,16:30\n")).toThrow(/already has a time/);
  });

  it("the repeated autumn hour warns and takes the first instant; the skipped spring hour is an error", () => {
    const r = align("id,timestamp\nA,2025-11-03T01:30:00.25\n");
    expect(r.rows.A!.instant_utc).toBe("2025-11-03T06:30:00.250Z");
    const autumn = parseEventsCsv("id,timestamp\nA,2025-11-02T01:30:30.5\n");
    expect(autumn.warnings.map((w) => w.code)).toEqual(["AMBIGUOUS_LOCAL_TIME"]);
    expect(alignEvents(autumn.events, "XNYS").rows[0]!.instant_utc).toBe("2025-11-02T05:30:30.500Z");
    expect(() => alignEvents(parseEventsCsv("id,timestamp\nA,2025-03-09T02:30:00.5\n").events, "XNYS")).toThrow(/does not exist/);
  });

  it("clockOfMinute never rounds up (1,000 random times below 24:00)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399_999 }), (ms) => {
        const text = clockOfMinute(ms / 60_000);
        const [h, m, s = "0"] = text.split(":");
        const back = Number(h) * 3_600_000 + Number(m) * 60_000 + Math.round(Number(s) * 1000);
        return back === ms;
      }),
      { numRuns: 1000, seed: 1702 },
    );
  });

  it("zone offsets remembered per day equal the zone database at every instant (2,000 random instants, 6 zones)", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, t) => zoneOffsetMinutes(zone, t) === tzOffset(zone, new Date(t)),
      ),
      { numRuns: 2000, seed: 1703 },
    );
    // both sides of a transition: 2025-03-09 07:00 UTC (02:00 EST -> 03:00 EDT)
    const t = Date.UTC(2025, 2, 9, 7, 0, 0);
    expect([zoneOffsetMinutes("America/New_York", t - 1), zoneOffsetMinutes("America/New_York", t)]).toEqual([-300, -240]);
  });
});
