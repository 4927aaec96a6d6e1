// eventStudy on a level series: abnormal changes in basis points through every stage (CAR with
// full covariance, t, SQ, the clustered dummy regression and the placebo test).
import { describe, expect, it } from "vitest";
import { parseEventsCsv, parseSeriesCsv } from "../../src/io/index.js";
import { eventStudy } from "../../src/study/index.js";
import { readProjectFile } from "../helpers/shared-data.js";

describe("eventStudy on the 10-year yield in basis points", () => {
  const text = (f: string) => readProjectFile(`fixtures/daily/${f}`);
  const dgs10 = parseSeriesCsv(text("synthetic-levels.csv"), { values: "level", levelUnit: "percent", valueColumn: "DGS10" }).series[0]!;
  const world = parseSeriesCsv(text("synthetic-world.csv"), { id: "WORLD" }).series[0]!;
  const { events } = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv"));
  const story = events.filter((e) => ["E17", "E22", "E27", "E34"].includes(e.id));

  it("CARs are sums of the abnormal changes in bp, with t, p and SQ; the +15 bp of 9 April is found", () => {
    const s = eventStudy({
      assets: [dgs10],
      market: world,
      events: story,
      windows: [
        [0, 0],
        [-1, 1],
      ],
    });
    const e34 = s.car.find((c) => c.event_id === "E34" && c.window_start === 0)!;
    const ar = s.abnormal.find((a) => a.event_id === "E34" && a.rel_day === 0)!;
    expect(e34.car).toBe(ar.ar);
    expect(Math.abs(e34.car - 15)).toBeLessThan(11);
    expect(e34.p_value).toBeLessThan(0.05);
    expect(e34.sq_p_value).toBeGreaterThan(0);
    // the return column holds the change in bp (the yield moved by tens of bp, not by 0.1)
    expect(Math.abs(ar.return)).toBeGreaterThan(1);
  });

  it("the clustered dummy regression and the placebo test run on changes and report bp", () => {
    const s = eventStudy({
      assets: [dgs10],
      market: world,
      events: story.filter((e) => e.id !== "E34"),
      windows: [[-1, 1]],
      regression: true,
      placebo: { seed: 7, draws: 199, regime: "volatility" },
    });
    expect(s.regression_car.length).toBeGreaterThan(0);
    for (const c of s.regression_car) expect(Number.isFinite(c.estimate)).toBe(true);
    expect(s.regression_car.some((c) => Math.abs(c.estimate) > 1)).toBe(true);
    expect(s.placebo!.p_value).toBeGreaterThan(0);
    expect(s.placebo!.p_value).toBeLessThanOrEqual(1);
  });
});
