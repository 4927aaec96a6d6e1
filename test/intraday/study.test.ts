import { describe, expect, it } from "vitest";
import { concatBars, intradayChartSpec, intradayStudy, parseBarsCsv, parseMinuteWindow, sessionBars } from "../../src/intraday/index.js";
import { parseEventsCsv } from "../../src/io/index.js";
import { tradingCalendar } from "../../src/calendar/index.js";
import { isoFromDayKey, dayKeyFromIso } from "../../src/time/index.js";
import type { MarketEvent } from "../../src/types.js";
import { readProjectFile } from "../helpers/shared-data.js";
import { barsCsv, slotOf, type SessionSpec } from "./helpers.js";

const ev = (id: string, timestamp: string): MarketEvent => ({ id, timestamp, timezone: "America/New_York", precision: "minute" });

// 25 reference sessions before Monday 7 April 2025: flat at 100 except a step of d_j in the 10:11 bar
const cal = tradingCalendar("XNYS");
const refDays: string[] = [];
for (let d = dayKeyFromIso("2025-04-07"), q = 0; q < 25; q++) {
  d = cal.previousSession(d)!;
  refDays.unshift(isoFromDayKey(d));
}
const d = refDays.map((_, j) => (j % 2 === 0 ? 1 : -1) * 0.001 * ((j % 5) + 1));
const m = refDays.map((_, j) => 0.002 * Math.sin(j + 1));
const step =
  (size: number, at = slotOf("10:11")) =>
  (k: number) =>
    k >= at ? 100 * Math.exp(size) : 100;
const asset: SessionSpec[] = refDays.map((date, j) => ({ date, close: step(2 * m[j]! + d[j]!) }));
const bench: SessionSpec[] = refDays.map((date, j) => ({ date, close: step(m[j]!) }));
const JUMP = 0.02;
const assetBars = parseBarsCsv(barsCsv([...asset, { date: "2025-04-07", close: step(JUMP + 2 * 0.003) }])).bars;
const benchBars = parseBarsCsv(barsCsv([...bench, { date: "2025-04-07", close: step(0.003) }])).bars;
const E = [ev("E", "2025-04-07T10:11")];

describe("intradayStudy(options): same-clock reference", () => {
  it("zero mean: sd = sqrt(mean x²) of the same-clock windows, empirical p = 1/(n+1)", () => {
    const st = intradayStudy({ bars: assetBars, events: E, windows: [[0, 10]] });
    const r = st.abnormal[0]!;
    const x = asset.map((_, j) => 2 * m[j]! + d[j]!);
    const sd = Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);
    expect(r.reference).toBe("same-clock");
    expect(r.n_reference).toBe(25);
    expect(r.ar).toBeCloseTo(JUMP + 0.006, 13);
    expect(r.sd).toBeCloseTo(sd, 14);
    expect(r.z).toBeCloseTo((JUMP + 0.006) / sd, 9);
    expect(r.p_value_empirical).toBe(1 / 26);
    expect(r.window_start).toBe("2025-04-07T10:11:00-04:00");
    expect(r.window_end).toBe("2025-04-07T10:21:00-04:00");
    expect(Object.keys(r).slice(0, 9)).toEqual(["event_id", "asset", "window_start", "window_end", "bar_start", "ar", "z", "p_value", "p_value_empirical"]);
  });

  it("constant mean: E = mean, sd with n - 1; a window before the step sees no abnormal return", () => {
    const st = intradayStudy({
      bars: assetBars,
      events: E,
      windows: [
        [0, 10],
        [-10, 0],
      ],
      model: "constant-mean",
    });
    const x = asset.map((_, j) => 2 * m[j]! + d[j]!);
    const mu = x.reduce((a, v) => a + v, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, v) => a + (v - mu) ** 2, 0) / (x.length - 1));
    expect(st.abnormal[0]!.expected).toBeCloseTo(mu, 15);
    expect(st.abnormal[0]!.sd).toBeCloseTo(sd, 14);
    expect(st.abnormal[1]!.log_return).toBe(0);
  });

  it("market model against an intraday benchmark: OLS on the same-clock windows", () => {
    const st = intradayStudy({ bars: assetBars, benchmark: benchBars, events: E, model: "market" });
    const x = asset.map((_, j) => 2 * m[j]! + d[j]!);
    const n = x.length;
    const mx = m.reduce((a, v) => a + v, 0) / n;
    const my = x.reduce((a, v) => a + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let j = 0; j < n; j++) {
      sxy += (m[j]! - mx) * (x[j]! - my);
      sxx += (m[j]! - mx) ** 2;
    }
    const beta = sxy / sxx;
    const alpha = my - beta * mx;
    let rss = 0;
    for (let j = 0; j < n; j++) rss += (x[j]! - alpha - beta * m[j]!) ** 2;
    const r = st.abnormal[0]!;
    expect(r.expected).toBeCloseTo(alpha + beta * 0.003, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(rss / (n - 2)), 12);
    expect(r.ar).toBeCloseTo(JUMP + 0.006 - alpha - beta * 0.003, 12);
  });

  it("keeps other statements' sessions in the references unless excludeStatementWindows, which reports what it left out", () => {
    const events = [...E, ev("F", `${refDays[24]}T11:00`), ev("G", `${refDays[23]}T15:00`)];
    const alone = intradayStudy({ bars: assetBars, events: E }).abnormal[0]!;
    const st = intradayStudy({ bars: assetBars, events });
    expect(st.abnormal[0]).toEqual(alone); // the row does not depend on the other statements
    expect(st.abnormal[0]!.n_reference).toBe(25);
    const ex = intradayStudy({ bars: assetBars, events, excludeStatementWindows: true });
    expect(ex.abnormal[0]!.n_reference).toBe(23);
    expect(ex.abnormal[0]!.excluded_reference).toBe(2);
    expect(ex.abnormal[0]!.reference).toBe("same-clock");
    expect(ex.method.join(" ")).toMatch(/excludeStatementWindows/);
  });

  it("falls back to prior bars when fewer than minSessions same-clock sessions exist, and says so", () => {
    const st = intradayStudy({ bars: assetBars, events: E, minSessions: 30 });
    const r = st.abnormal[0]!;
    expect(r.reference).toBe("prior-bars");
    expect(r.p_value_empirical).toBeNull();
    expect(st.warnings.some((w) => w.code === "REFERENCE_FALLBACK")).toBe(true);
    expect(st.method.join(" ")).toMatch(/prior-bars/);
    // 25 reference sessions x 390 bars minus none blocked, plus 09:30-10:10 of the event day
    expect(r.n_reference).toBe(25 * 390 + slotOf("10:11"));
  });

  it("delever: k divides each bar's simple return by k, with a warning", () => {
    const st = intradayStudy({ bars: assetBars, events: E, delever: 3 });
    const r = st.abnormal[0]!;
    expect(r.log_return).toBeCloseTo(Math.log1p(Math.expm1(JUMP + 0.006) / 3), 14);
    expect(r.delever).toBe(3);
    expect(st.warnings.find((w) => w.code === "DELEVERED_PROXY")?.message).toMatch(/approximation/);
  });

  it("missing bars inside a window are counted and reported; the price is carried forward", () => {
    const bars = parseBarsCsv(barsCsv([{ date: "2025-04-07", close: (k) => 100 + k, skip: [slotOf("10:13"), slotOf("10:14")] }])).bars;
    const st = intradayStudy({ bars, events: E, windows: [[0, 10]], minBars: 3 });
    const r = st.abnormal[0]!;
    expect(r.missing_bars).toBe(2);
    expect(r.bars).toBe(10);
    expect(r.log_return).toBeCloseTo(Math.log((100 + slotOf("10:20")) / (100 + slotOf("10:10"))), 14);
    expect(st.warnings.find((w) => w.code === "MISSING_BARS_IN_WINDOW")?.message).toMatch(/2 of 10 bar\(s\) missing/);
  });

  it("rejects bad options naming them", () => {
    expect(() => intradayStudy({ bars: assetBars, events: E, windows: [[10, 0]] })).toThrow(/invalid windows/);
    expect(() => intradayStudy({ bars: assetBars, events: E, delever: 0 })).toThrow(/invalid delever/);
    expect(() => intradayStudy({ bars: assetBars, events: E, model: "market" })).toThrow(/invalid benchmark/);
    expect(() => intradayStudy({ bars: assetBars, events: [{ id: "x", timestamp: "2025-04-07", timezone: "America/New_York", precision: "date" }] })).toThrow(
      /no statement/,
    );
    expect(parseMinuteWindow("[-10m, +20m]")).toEqual([-10, 20]);
    expect(parseMinuteWindow("0,1h")).toEqual([0, 60]);
    expect(() => parseMinuteWindow("20,-10")).toThrow(/start before the end/);
  });
});

describe("the Hassett headline on the synthetic intraday fixture", () => {
  const files = ["fixtures/intraday/synthetic-us-index-1min.csv", ...[1, 2, 3, 4].map((i) => `fixtures/intraday/synthetic-us-index-1min-history-${i}.csv`)];
  const bars = concatBars(files.map((f) => parseBarsCsv(readProjectFile(f), { id: "US_INDEX", file: f }).bars));
  const events = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv")).events;
  const st = intradayStudy({ bars, events, windows: [[0, 10]] });
  const row = (id: string) => st.abnormal.find((r) => r.event_id === id)!;

  it("E22 (10:11) and E23 (10:30) are separate statements on their own bars, with same-clock references", () => {
    expect(row("E22").bar_start).toBe("2025-04-07T10:11:00-04:00");
    expect(row("E23").bar_start).toBe("2025-04-07T10:30:00-04:00");
    // the 40 history sessions (those holding other statements, E10 -> 3 April and E14 -> 4 April,
    // are left out only with excludeStatementWindows)
    expect(row("E22").n_reference).toBe(40);
    expect(intradayStudy({ bars, events, windows: [[0, 10]], excludeStatementWindows: true }).abnormal.find((r) => r.event_id === "E22")!.n_reference).toBe(38);
    expect(row("E22").reference).toBe("same-clock");
  });

  it("the planned rally (+0.75% a bar, 10:11-10:17) is recovered: E22's [0,+10m] return is large and significant", () => {
    const text = readProjectFile(files[0]!).split("\n");
    const close = (hhmm: string) => Number(text.find((l) => l.startsWith(`2025-04-07T${hhmm}:00`))!.split(",")[4]);
    expect(row("E22").log_return).toBeCloseTo(Math.log(close("10:20") / close("10:10")), 12);
    expect(row("E22").ar).toBeGreaterThan(0.03);
    expect(row("E22").z).toBeGreaterThan(10);
    expect(row("E22").p_value_empirical).toBe(1 / 41);
  });

  it("the 9 April pause (E34, 13:18) is a positive jump", () => {
    expect(row("E34").ar).toBeGreaterThan(0.03);
    expect(row("E34").z).toBeGreaterThan(10);
  });

  it("the chart spec is Vega-Lite v5 with a UTC time scale and both statements marked", () => {
    const spec = intradayChartSpec(
      st.grid,
      st.events.filter((e) => e.event_id === "E22" || e.event_id === "E23"),
    );
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const layers = spec.layer as { data: { values: { t: string; id?: string }[] }; encoding: { x: { scale: { type: string } } } }[];
    expect(layers[0]!.encoding.x.scale.type).toBe("utc");
    expect(layers[0]!.data.values.length).toBe(390);
    expect(layers[1]!.data.values.map((v) => [v.id, v.t])).toEqual([
      ["E22", "2025-04-07T14:11:00Z"],
      ["E23", "2025-04-07T14:30:00Z"],
    ]);
  });
});

describe("history fixture", () => {
  it("crosses the March 2025 DST change in UTC: 14:30Z before 9 March, 13:30Z after, 390 bars every session", () => {
    const files = [1, 2, 3, 4].map((i) => `fixtures/intraday/synthetic-us-index-1min-history-${i}.csv`);
    const grid = sessionBars(concatBars(files.map((f) => parseBarsCsv(readProjectFile(f)).bars)));
    expect(grid.sessions.length).toBe(40);
    expect(grid.dropped).toEqual({ outsideHours: 0, nonTradingDay: 0, offGrid: 0 });
    for (const s of grid.sessions) expect(s.present.every((p) => p === 1)).toBe(true);
    const before = grid.sessions.find((s) => s.date === "2025-03-07")!;
    const after = grid.sessions.find((s) => s.date === "2025-03-10")!;
    expect(before.startInstant).toBe(Date.UTC(2025, 2, 7, 14, 30));
    expect(after.startInstant).toBe(Date.UTC(2025, 2, 10, 13, 30));
  });
});
