import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignIntraday, intradayStudy, parseBarsCsv, sessionBars } from "../../src/intraday/index.js";
import type { MarketEvent } from "../../src/types.js";
import { barsCsv } from "./helpers.js";

const flat = () => 100;
const grid = sessionBars(
  parseBarsCsv(
    barsCsv([
      { date: "2025-04-07", close: flat },
      { date: "2025-04-08", close: flat },
      { date: "2025-11-28", n: 210, close: flat },
      { date: "2025-12-01", close: flat },
    ]),
  ).bars,
);
const ev = (id: string, timestamp: string, timezone = "America/New_York"): MarketEvent => ({ id, timestamp, timezone, precision: "minute" });
const one = (e: MarketEvent) => {
  const r = alignIntraday([e], grid);
  return { row: r.rows[0], skipped: r.skipped };
};

describe("alignIntraday(events, grid)", () => {
  it("09:29:59 maps to the 09:30 bar of the same session", () => {
    const { row } = one(ev("a", "2025-04-07T09:29:59"));
    expect(row?.bar_start).toBe("2025-04-07T09:30:00-04:00");
    expect(row?.rule).toBe("pre-open-first-bar");
  });

  it("16:00:00 maps to the next session's first bar, with the reason", () => {
    const { row } = one(ev("b", "2025-04-07T16:00:00"));
    expect(row?.bar_start).toBe("2025-04-08T09:30:00-04:00");
    expect(row?.rule).toBe("after-close-next");
    expect(row?.reason).toMatch(/at or after the close \(16:00\) of 2025-04-07.*Tuesday 2025-04-08/);
  });

  it("never the nearest bar: 10:11:30 maps to the 10:12 bar, 10:11:00 to the 10:11 bar", () => {
    expect(one(ev("c", "2025-04-07T10:11:30")).row?.bar_start).toBe("2025-04-07T10:12:00-04:00");
    expect(one(ev("d", "2025-04-07T10:11:00")).row?.bar_start).toBe("2025-04-07T10:11:00-04:00");
    expect(one(ev("e", "2025-04-07T10:11:00.001")).row?.bar_start).toBe("2025-04-07T10:12:00-04:00");
  });

  it("15:59:30 is after the last bar's start: the next session's first bar", () => {
    const { row } = one(ev("f", "2025-04-07T15:59:30"));
    expect(row?.rule).toBe("after-last-bar-next");
    expect(row?.session).toBe("2025-04-08");
  });

  it("a statement after the 13:00 early close of 28 November 2025 maps to Monday 1 December", () => {
    const { row } = one(ev("g", "2025-11-28T13:30"));
    expect(row?.rule).toBe("early-close-next");
    expect(row?.bar_start).toBe("2025-12-01T09:30:00-05:00");
    expect(one(ev("h", "2025-11-28T12:59")).row?.bar_start).toBe("2025-11-28T12:59:00-05:00");
  });

  it("statements in another zone are read on the exchange clock (15:11 London = 10:11 New York)", () => {
    expect(one(ev("i", "2025-04-07T15:11", "Europe/London")).row?.bar_start).toBe("2025-04-07T10:11:00-04:00");
  });

  it("weekends map to Monday's first bar; date-only statements and sessions without bars are skipped", () => {
    expect(one(ev("j", "2025-04-06T10:00")).row?.rule).toBe("non-trading-next");
    expect(one(ev("j", "2025-04-06T10:00")).row?.bar_start).toBe("2025-04-07T09:30:00-04:00");
    expect(one({ id: "k", timestamp: "2025-04-07", timezone: "America/New_York", precision: "date" }).skipped[0]?.code).toBe("DATE_ONLY");
    expect(one(ev("l", "2025-04-08T16:30")).skipped[0]?.code).toBe("NO_BARS");
  });

  it("property: the mapped bar never starts before the statement and is the first bar starting at or after it", () => {
    const start = Date.UTC(2025, 3, 7, 12, 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 3600 }), (sec) => {
        const t = start + sec * 1000;
        const iso = new Date(t).toISOString();
        const r = alignIntraday([ev("p", iso)], grid);
        if (r.rows.length === 0) return true;
        const row = r.rows[0]!;
        expect(row.barInstant).toBeGreaterThanOrEqual(t);
        if (row.rule === "in-session") expect(row.barInstant - t).toBeLessThan(60_000);
        return true;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("intradayStudy windows around the close", () => {
  const closes = (k: number) => 100 * Math.exp(0.001 * k);
  const g = sessionBars(
    parseBarsCsv(
      barsCsv([
        { date: "2025-11-28", n: 210, close: closes },
        { date: "2025-12-01", close: closes, open: 105 },
      ]),
    ).bars,
  );

  it("a window does not cross the 13:00 early close: cut and reported", () => {
    const st = intradayStudy({ bars: g, events: [ev("x", "2025-11-28T12:55")], windows: [[0, 20]], reference: "prior-bars" });
    const row = st.abnormal[0]!;
    expect(row.bars).toBe(5);
    expect(row.window_end).toBe("2025-11-28T13:00:00-05:00");
    expect(row.truncated).toBe(true);
    expect(row.log_return).toBeCloseTo(0.005, 14);
    expect(st.warnings.some((w) => w.code === "WINDOW_TRUNCATED" && /close of 2025-11-28/.test(w.message))).toBe(true);
  });

  it("with crossClose it continues into the next session, the overnight move included", () => {
    const st = intradayStudy({ bars: g, events: [ev("x", "2025-11-28T12:55")], windows: [[0, 20]], reference: "prior-bars", crossClose: true });
    const row = st.abnormal[0]!;
    expect(row.bars).toBe(20);
    expect(row.truncated).toBe(false);
    // from the 12:54 close to the 09:44 close of 1 December
    const expected = Math.log(closes(14) / closes(204));
    expect(row.log_return).toBeCloseTo(expected, 13);
    expect(row.window_end).toBe("2025-12-01T09:45:00-05:00");
  });
});
