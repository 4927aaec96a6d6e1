import { describe, expect, it } from "vitest";
import { alignEvents } from "../../src/calendar/align.js";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { checkOverlaps, estimationMask } from "../../src/calendar/overlaps.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

const d = dayKeyFromIso;
const cal = tradingCalendar("XNYS");

describe("checkOverlaps", () => {
  it("flags the Sunday/Monday/Tuesday April 2025 statements with [-1, 1] windows", () => {
    const { rows } = alignEvents(
      [
        { id: "lutnick", timestamp: "2025-04-06T10:00", timezone: "America/New_York", precision: "minute" },
        { id: "hassett", timestamp: "2025-04-07T10:11", timezone: "America/New_York", precision: "minute" },
        { id: "bessent", timestamp: "2025-04-08T07:30", timezone: "America/New_York", precision: "minute" },
      ],
      cal,
    );
    const r = checkOverlaps(rows, cal, { windows: [[-1, 1]] });
    // lutnick and hassett share day 0 (7 Apr); bessent's window 7-9 Apr overlaps both: one cluster
    expect(r.clusters).toEqual([
      {
        asset: null,
        from: "2025-04-04",
        to: "2025-04-09",
        members: [
          { id: "hassett", day0: "2025-04-07", from: "2025-04-04", to: "2025-04-08" },
          { id: "lutnick", day0: "2025-04-07", from: "2025-04-04", to: "2025-04-08" },
          { id: "bessent", day0: "2025-04-08", from: "2025-04-07", to: "2025-04-09" },
        ],
      },
    ]);
    // the pairs that link the cluster (not all three pairs)
    expect(r.overlaps.map((p) => [p.first_id, p.second_id, p.from, p.to])).toEqual([
      ["hassett", "lutnick", "2025-04-04", "2025-04-08"],
      ["hassett", "bessent", "2025-04-07", "2025-04-08"],
    ]);
    const w = r.warnings.filter((x) => x.code === "OVERLAPPING_WINDOWS");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe(
      "event windows of 3 statements overlap between 2025-04-04 and 2025-04-09: hassett (day 0 2025-04-07), lutnick (day 0 2025-04-07), bessent (day 0 2025-04-08); their abnormal returns share sessions, so their CARs are not independent",
    );
    expect(w[0]!.members?.map((m) => m.id)).toEqual(["hassett", "lutnick", "bessent"]);
  });

  it("lists contamination of estimation windows and the sessions to exclude", () => {
    const events = [
      { id: "A", day0: d("2025-04-09") },
      { id: "B", day0: d("2025-04-01") }, // 6 sessions before A
      { id: "C", day0: d("2025-01-02") }, // far away
    ];
    const spec = { estimation: [-10, -3] as const, windows: [[-1, 1]] as const };
    const r = checkOverlaps(events, cal, spec);
    expect(r.contaminations).toEqual([
      {
        asset: null,
        event_id: "A",
        event_day0: "2025-04-09",
        other_id: "B",
        other_day0: "2025-04-01",
        others: 1,
        cluster: null,
        sessions: 3,
        from: "2025-03-31",
        to: "2025-04-02",
      },
    ]);
    const a = r.samples.find((s) => s.event_id === "A")!;
    expect(a.end! - a.start!).toBe(8);
    expect(a.excluded.map((i) => isoFromDayKey(cal.days[i]!))).toEqual(["2025-03-31", "2025-04-01", "2025-04-02"]);
    expect(a.kept).toBe(5);
    // [-10, -3] = 26, 27, 28 Mar, 31 Mar, 1, 2, 3, 4 Apr; B covers 31 Mar - 2 Apr.
    expect([...estimationMask(a)]).toEqual([1, 1, 1, 0, 0, 0, 1, 1]);
    const warning = r.warnings.find((x) => x.code === "ESTIMATION_CONTAMINATED")!;
    expect(warning.message).toBe(
      "the event window of B (day 0 2025-04-01, 2025-03-31 to 2025-04-02) falls inside the estimation window of A, 3 sessions in all; they are excluded from the estimation samples",
    );
    expect(warning.affected).toEqual(["A"]);
    const keep = checkOverlaps(events, cal, spec, { contamination: "keep" });
    expect(keep.samples.find((s) => s.event_id === "A")!.excluded).toEqual([]);
    expect(keep.contaminations).toHaveLength(1);
  });

  it("checks per asset; events without an asset apply to all", () => {
    const events = [
      { id: "all", day0: d("2025-04-07") },
      { id: "spx", day0: d("2025-04-08"), asset: "SPX" },
      { id: "nky", day0: d("2025-04-08"), asset: "NKY" },
    ];
    const r = checkOverlaps(events, cal, { windows: [[0, 1]] });
    expect(r.overlaps.map((p) => [p.asset, p.first_id, p.second_id])).toEqual([
      ["SPX", "all", "spx"],
      ["NKY", "all", "nky"],
    ]);
    expect(r.samples.map((s) => `${s.asset}:${s.event_id}`)).toEqual(["SPX:all", "SPX:spx", "NKY:all", "NKY:nky"]);
  });

  it("reports events whose day 0 is not a session", () => {
    const r = checkOverlaps([{ id: "x", day0: d("2025-04-06") }], cal, { windows: [[0, 0]] });
    expect(r.warnings[0]?.code).toBe("DAY0_NOT_IN_DAYS");
    expect(r.samples).toEqual([]);
  });
});
