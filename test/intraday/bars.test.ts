import { describe, expect, it } from "vitest";
import { aggregateBars, concatBars, parseBarsCsv, sessionBars } from "../../src/intraday/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";
import { barsCsv, slotOf } from "./helpers.js";

const flat = (v: number) => () => v;

describe("parseBarsCsv(text, options)", () => {
  it("reads offsets, UTC and local times with a zone to the same instants", () => {
    const a = parseBarsCsv("datetime,close\n2025-04-07T09:30:00-04:00,10\n").bars.instants[0];
    const b = parseBarsCsv("datetime_utc,close\n2025-04-07T13:30:00Z,10\n").bars.instants[0];
    const c = parseBarsCsv("time,close\n2025-04-07 09:30,10\n", { timezone: "America/New_York" }).bars.instants[0];
    expect(a).toBe(Date.UTC(2025, 3, 7, 13, 30));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("rejects local times without a zone and DST-skipped local times, listing every row", () => {
    expect(() => parseBarsCsv("datetime,close\n2025-04-07T09:30,10\n2025-04-07T09:31,10\n")).toThrow(/2 problems[\s\S]*no UTC offset/);
    try {
      parseBarsCsv("datetime,close\n2025-03-09T02:30,10\n", { timezone: "America/New_York" });
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe("INVALID_INPUT");
      expect(String(e)).toMatch(/does not exist/);
    }
  });

  it("sorts unsorted rows and keeps the first of duplicate times, with warnings", () => {
    const t = parseBarsCsv("datetime,close\n2025-04-07T13:31:00Z,2\n2025-04-07T13:30:00Z,1\n2025-04-07T13:31:00Z,3\n");
    expect([...t.bars.close]).toEqual([1, 2]);
    expect(t.warnings.map((w) => w.code).sort()).toEqual(["DUPLICATE_BARS", "UNSORTED_BARS"]);
  });

  it("rejects non-positive prices and a missing close column", () => {
    expect(() => parseBarsCsv("datetime,close\n2025-04-07T13:30:00Z,-1\n")).toThrow(/positive/);
    expect(() => parseBarsCsv("datetime,open\n2025-04-07T13:30:00Z,1\n")).toThrow(/no close column/);
  });
});

describe("sessionBars(bars, options): DST", () => {
  it("bars stamped in UTC land on 09:30 local on both sides of the March 2025 DST change", () => {
    // Friday 7 March (EST, open 14:30Z) and Monday 10 March (EDT, open 13:30Z)
    const text = barsCsv([
      { date: "2025-03-07", close: flat(100) },
      { date: "2025-03-10", close: flat(101) },
    ]);
    expect(text).toContain("2025-03-07T14:30:00Z");
    expect(text).toContain("2025-03-10T13:30:00Z");
    const grid = sessionBars(parseBarsCsv(text).bars, { exchange: "XNYS" });
    expect(grid.sessions.map((s) => s.date)).toEqual(["2025-03-07", "2025-03-10"]);
    for (const s of grid.sessions) {
      expect(s.slots).toBe(390);
      expect(s.present.every((p) => p === 1)).toBe(true);
    }
    expect(grid.dropped).toEqual({ outsideHours: 0, nonTradingDay: 0, offGrid: 0 });
    expect(grid.sessions[1]!.startInstant).toBe(Date.UTC(2025, 2, 10, 13, 30));
    expect(grid.sessions[0]!.startInstant).toBe(Date.UTC(2025, 2, 7, 14, 30));
  });

  it("and on both sides of the November 2025 change (13:30Z on Friday 31 October, 14:30Z on Monday 3 November)", () => {
    const text = barsCsv([
      { date: "2025-10-31", close: flat(100) },
      { date: "2025-11-03", close: flat(100) },
    ]);
    const grid = sessionBars(parseBarsCsv(text).bars);
    expect(grid.sessions.map((s) => [s.date, s.startInstant])).toEqual([
      ["2025-10-31", Date.UTC(2025, 9, 31, 13, 30)],
      ["2025-11-03", Date.UTC(2025, 10, 3, 14, 30)],
    ]);
    expect(grid.dropped.outsideHours).toBe(0);
  });

  it("a bar at 13:30Z in January is 08:30 New York time: outside the session, dropped and reported", () => {
    const grid = sessionBars(parseBarsCsv("datetime,close\n2025-01-10T13:30:00Z,1\n2025-01-10T14:30:00Z,1\n").bars);
    expect(grid.dropped.outsideHours).toBe(1);
    expect(grid.warnings.find((w) => w.code === "BARS_OUTSIDE_SESSION")?.message).toMatch(/2025-01-10 08:30/);
    expect(grid.sessions[0]!.present[0]).toBe(1);
  });
});

describe("sessionBars(bars, options): half-days and gaps", () => {
  it("keeps 210 bars on the day after Thanksgiving (13:00 close) and drops the rest", () => {
    const grid = sessionBars(parseBarsCsv(barsCsv([{ date: "2025-11-28", close: flat(50) }])).bars);
    const s = grid.sessions[0]!;
    expect(s.close).toBe(13 * 60);
    expect(s.slots).toBe(210);
    expect(s.earlyClose).toMatch(/Thanksgiving/);
    expect(grid.dropped.outsideHours).toBe(180);
  });

  it("with extendedHours keeps pre- and post-market bars on a 04:00-20:00 grid", () => {
    const grid = sessionBars(parseBarsCsv(barsCsv([{ date: "2025-04-07", from: "08:00", n: 600, close: flat(50) }])).bars, { extendedHours: true });
    expect(grid.sessions[0]!.slots).toBe(16 * 60);
    expect(grid.dropped.outsideHours).toBe(0);
  });

  it("counts missing bars inside a session and names the first missing times", () => {
    const grid = sessionBars(parseBarsCsv(barsCsv([{ date: "2025-04-07", close: (k) => 100 + k, skip: [slotOf("10:13"), slotOf("10:14"), 389] }])).bars);
    const s = grid.sessions[0]!;
    expect(s.gaps).toBe(2);
    const w = grid.warnings.find((x) => x.code === "BAR_GAPS")!;
    expect(w.message).toMatch(/2 missing inside \(first 10:13, 10:14\)/);
    expect(w.message).toMatch(/1 missing before the close/);
    // carry-forward: the 10:15 bar's return spans the gap
    expect(s.logReturn[slotOf("10:13")]).toBe(0);
    expect(s.logReturn[slotOf("10:15")]).toBeCloseTo(Math.log((100 + slotOf("10:15")) / (100 + slotOf("10:12"))), 15);
  });

  it("reports sessions without bars between the first and the last", () => {
    const grid = sessionBars(
      parseBarsCsv(
        barsCsv([
          { date: "2025-04-07", close: flat(1) },
          { date: "2025-04-09", close: flat(1) },
        ]),
      ).bars,
    );
    expect(grid.warnings.find((w) => w.code === "SESSIONS_WITHOUT_BARS")?.message).toMatch(/2025-04-08/);
  });
});

describe("aggregateBars(bars, minutes, options)", () => {
  it("5-minute bars from the open: first open, max high, min low, last close, summed volume", () => {
    const one = parseBarsCsv(barsCsv([{ date: "2025-04-07", open: 99, close: (k) => 100 + ((k * 7) % 11) }])).bars;
    const five = aggregateBars(one, 5);
    expect(five.instants.length).toBe(78);
    expect(five.instants[1]! - five.instants[0]!).toBe(5 * 60_000);
    expect(five.instants[0]).toBe(Date.UTC(2025, 3, 7, 13, 30));
    for (let b = 0; b < 78; b++) {
      const idx = [0, 1, 2, 3, 4].map((q) => 5 * b + q);
      expect(five.open[b]).toBe(one.open[idx[0]!]);
      expect(five.close[b]).toBe(one.close[idx[4]!]);
      expect(five.high[b]).toBe(Math.max(...idx.map((i) => one.high[i]!)));
      expect(five.low[b]).toBe(Math.min(...idx.map((i) => one.low[i]!)));
      expect(five.volume[b]).toBe(5000);
    }
    expect(sessionBars(five).interval).toBe(5);
  });

  it("15-minute bars on a half-day end with the 12:45 bar", () => {
    const one = sessionBars(parseBarsCsv(barsCsv([{ date: "2025-11-28", n: 210, close: flat(1) }])).bars);
    const fifteen = sessionBars(aggregateBars(parseBarsCsv(barsCsv([{ date: "2025-11-28", n: 210, close: flat(1) }])).bars, 15));
    expect(one.sessions[0]!.slots).toBe(210);
    expect(fifteen.sessions[0]!.slots).toBe(14);
    expect(fifteen.sessions[0]!.present.every((p) => p === 1)).toBe(true);
  });

  it("concatBars joins files in time order", () => {
    const a = parseBarsCsv(barsCsv([{ date: "2025-04-09", close: flat(2) }])).bars;
    const b = parseBarsCsv(barsCsv([{ date: "2025-04-07", close: flat(1) }])).bars;
    const all = concatBars([a, b]);
    expect(all.instants.length).toBe(780);
    expect(sessionBars(all).sessions.map((s) => s.day)).toEqual([dayKeyFromIso("2025-04-07"), dayKeyFromIso("2025-04-09")]);
  });
});
