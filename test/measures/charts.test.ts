// Charts of the measures: abnormal-volume bars and level-series change paths in their unit.
import { describe, expect, it } from "vitest";
import { nyseTradingDays } from "../../src/calendar/index.js";
import { parseEventsCsv } from "../../src/io/index.js";
import { abnormalVolume, changePathChart, volumeChart } from "../../src/measures/index.js";
import { carChart } from "../../src/output/index.js";
import { eventStudy } from "../../src/study/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";

describe("measure charts", () => {
  it("volumeChart: one bar per session with the abnormal log volume, its multiple and t·se bars", () => {
    const volume = Float64Array.from({ length: 60 }, (_, t) => 1e6 * (1 + 0.2 * Math.sin(t)));
    volume[55] = 3e6;
    const r = abnormalVolume({ volume, estimation: Array.from({ length: 50 }, (_, t) => t), event: [54, 55, 56], start: -1 });
    const rows = (volumeChart(r).data as { values: { rel_day: number; abnormal: number; multiple: number; lower: number }[] }).values;
    expect(rows.map((x) => x.rel_day)).toEqual([-1, 0, 1]);
    expect(rows[1]!.abnormal).toBe(r.abnormal.ar[1]);
    expect(rows[1]!.multiple).toBeCloseTo(Math.exp(r.abnormal.ar[1]!), 12);
    expect(rows[1]!.lower).toBeLessThan(rows[1]!.abnormal);
    expect(() => volumeChart(r, { level: 1 })).toThrow(/level/);
  });

  it("changePathChart: the CAR path of a level series in basis points (carChart's percent values / 100), axis titled by the unit", () => {
    const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
    const values = Float64Array.from(days, (d, i) => 400 + 3 * Math.sin(i) + (d >= dayKeyFromIso("2025-04-09") ? 15 : 0));
    const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
    const study = eventStudy({ assets: [{ id: "DGS10", kind: "level", days, values }], events, estimation: [-60, -6], windows: [[0, 0]] });
    const bp = changePathChart(study, { unit: "bp" });
    const pct = carChart(study);
    const a = (bp.data as { values: { car: number }[] }).values;
    const b = (pct.data as { values: { car: number }[] }).values;
    expect(a.length).toBe(b.length);
    a.forEach((r, i) => expect(r.car).toBeCloseTo(b[i]!.car / 100, 8));
    const day0 = (bp.data as { values: { rel_day: number; car: number }[] }).values.find((r) => r.rel_day === 0)!;
    expect(day0.car).toBeGreaterThan(10);
    expect(JSON.stringify(bp)).toContain("Cumulative abnormal change (bp)");
    expect(JSON.stringify(bp)).not.toContain("CAR (%)");
  });
});
