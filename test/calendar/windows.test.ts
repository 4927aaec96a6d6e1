import { describe, expect, it } from "vitest";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { normalizeWindows, resolveWindows, safeResolveWindows } from "../../src/calendar/windows.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

const d = dayKeyFromIso;

describe("resolveWindows", () => {
  const cal = tradingCalendar("XNYS");
  it("counts trading sessions around day 0 (Good Friday skipped)", () => {
    const w = resolveWindows(cal, d("2025-04-17"), {
      estimation: [-5, -2],
      windows: [
        [-1, 1],
        [0, 2],
      ],
    });
    expect(isoFromDayKey(cal.days[w.day0Index]!)).toBe("2025-04-17");
    const [a, b] = w.windows;
    expect([isoFromDayKey(a!.firstDay), isoFromDayKey(a!.lastDay), a!.length]).toEqual(["2025-04-16", "2025-04-21", 3]);
    expect([isoFromDayKey(b!.firstDay), isoFromDayKey(b!.lastDay)]).toEqual(["2025-04-17", "2025-04-22"]);
    expect([...cal.days.subarray(w.estimation!.start, w.estimation!.end)].map(isoFromDayKey)).toEqual(["2025-04-10", "2025-04-11", "2025-04-14", "2025-04-15"]);
  });

  it("turns { length, gap } into offsets before the earliest event window", () => {
    expect(normalizeWindows({ estimation: { length: 240, gap: 10 }, windows: [[-1, 1]] }).estimation).toEqual([-251, -12]);
    expect(
      normalizeWindows({
        estimation: { length: 5 },
        windows: [
          [0, 5],
          [-2, 0],
        ],
      }).estimation,
    ).toEqual([-7, -3]);
  });

  it("states an estimation shortfall", () => {
    const days = Int32Array.from(cal.days.subarray(cal.indexOf(d("2023-01-03")), cal.indexOf(d("2023-03-01"))));
    const i = days.indexOf(d("2023-02-01"));
    expect(i).toBe(20); // 20 sessions in January 2023 after the 2nd (MLK day closed): 3-31 Jan
    const r = safeResolveWindows(days, d("2023-02-01"), { estimation: [-250, -11], windows: [[0, 0]] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("INSUFFICIENT_ESTIMATION_DATA");
      expect(r.error.message).toBe("the estimation window [-250, -11] (240 sessions) needs 250 sessions before day 0 (2023-02-01); the series has 20");
    }
    expect(() => resolveWindows(days, d("2023-02-27"), { windows: [[0, 5]] })).toThrow(
      expect.objectContaining({ code: "INSUFFICIENT_DATA", message: expect.stringContaining("needs 5 sessions after day 0 (2023-02-27); the series has 1") }),
    );
  });

  it("validates windows", () => {
    const bad = (spec: unknown) => () => resolveWindows(cal, d("2025-04-07"), spec as never);
    expect(bad({ windows: [[1, -1]] })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(bad({ windows: [] })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(bad({ windows: [[0.5, 1]] })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(bad({ estimation: [-20, 0], windows: [[0, 1]] })).toThrow(/does not overlap the estimation window \[-20, 0\]/);
    expect(bad({ estimation: { length: 0 }, windows: [[0, 1]] })).toThrow(/estimation.length/);
    expect(() => resolveWindows(cal, d("2025-04-06"), { windows: [[0, 0]] })).toThrow(expect.objectContaining({ code: "NON_TRADING_DAY" }));
  });
});
