// The Hassett headline on real one-minute SPXL bars (../shared/data; never copied into the repo).
import { expect, it } from "vitest";
import { intradayStudy, parseBarsCsv } from "../../src/intraday/index.js";
import { parseEventsCsv } from "../../src/io/index.js";
import { describeWithSharedData, readProjectFile, readSharedData } from "../helpers/shared-data.js";

describeWithSharedData("intraday: SPXL minute bars, 7 and 9 April 2025", () => {
  const text = readSharedData("spxl_1min_rth_20250407_20250409.csv");
  const { bars } = parseBarsCsv(text, { id: "SPXL" });
  const events = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv")).events.filter((e) => ["E22", "E23", "E34"].includes(e.id));
  const st = intradayStudy({ bars, events, windows: [[0, 10]], delever: 3 });
  const row = (id: string) => st.abnormal.find((r) => r.event_id === id)!;
  // independent reading of the raw rows: close by ET clock time
  const lines = text
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const close = (date: string, hhmm: string) => Number(lines.find((c) => c[0]!.startsWith(`${date}T${hhmm}:00`))![5]);
  const delevered = (date: string, from: string, to: string) => {
    // sum of log(1 + r/3) over the bars from..to (bar returns close to close)
    const rows = lines.filter((c) => c[0]!.startsWith(date));
    const i0 = rows.findIndex((c) => c[0]!.slice(11, 16) === from);
    const i1 = rows.findIndex((c) => c[0]!.slice(11, 16) === to);
    let s = 0;
    for (let i = i0; i <= i1; i++) s += Math.log1p((Number(rows[i]![5]) / Number(rows[i - 1]![5]) - 1) / 3);
    return s;
  };

  it("reads the 780 regular-session bars (UTC column) onto 09:30-15:59 New York time, no gaps", () => {
    expect(st.grid.sessions.map((s) => s.date)).toEqual(["2025-04-07", "2025-04-09"]);
    for (const s of st.grid.sessions) expect(s.present.every((p) => p === 1)).toBe(true);
    expect(st.grid.dropped).toEqual({ outsideHours: 0, nonTradingDay: 0, offGrid: 0 });
  });

  it("E22 (false headline, 10:11 ET) and E23 (White House denial, 10:30 ET) are separate rows on their own bars", () => {
    expect(row("E22").bar_start).toBe("2025-04-07T10:11:00-04:00");
    expect(row("E23").bar_start).toBe("2025-04-07T10:30:00-04:00");
    expect(row("E22").log_return).toBeCloseTo(delevered("2025-04-07", "10:11", "10:20"), 12);
    expect(row("E23").log_return).toBeCloseTo(delevered("2025-04-07", "10:30", "10:39"), 12);
    expect(row("E22").ar).toBeGreaterThan(0);
    expect(row("E23").ar).toBeLessThan(0);
    expect(close("2025-04-07", "10:20")).toBeGreaterThan(close("2025-04-07", "10:10"));
  });

  it("only two sessions: the fallback reference (prior bars) is used and reported, never silently", () => {
    for (const id of ["E22", "E23", "E34"]) {
      expect(row(id).reference).toBe("prior-bars");
      expect(row(id).p_value_empirical).toBeNull();
    }
    // E22: 09:30-10:10 minus its own [0,+10m] window (none before 10:11) = 41 bars
    expect(row("E22").n_reference).toBe(41);
    expect(st.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["REFERENCE_FALLBACK", "DELEVERED_PROXY", "SESSIONS_WITHOUT_BARS"]));
  });

  it("the 9 April pause (13:18 ET) is the largest move: z above 5", () => {
    expect(row("E34").ar).toBeGreaterThan(0.03);
    expect(row("E34").z).toBeGreaterThan(5);
  });
});
