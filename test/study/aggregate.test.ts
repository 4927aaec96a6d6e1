import { describe, expect, it } from "vitest";
import { crossEventTests, estimationDaysOf, eventStudy, isMarketReactionError, TEST_NAMES, type MarketEvent } from "../../src/index.js";
import { readEventsFileSync, readSeriesFileSync } from "../../src/node/index.js";

const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));

describe("eventStudy({tests}) — cross-event aggregation inside a study", () => {
  const windows = [[0, 0], [-1, 1]] as const;
  const study = eventStudy({ assets: sectors, market: world, events: pick("E10", "E27", "E34"), windows, tests: "all" });

  it("aggregates every (asset, statement) pair with every test, daily and per window", () => {
    const agg = study.aggregate!;
    expect(agg.daily.map((d) => d.rel_day)).toEqual([-1, 0, 1]);
    expect(agg.windows.map((w) => [w.window_start, w.window_end])).toEqual([[0, 0], [-1, 1]]);
    for (const row of agg.windows) {
      expect(row.n).toBe(sectors.length * 3);
      expect(Object.keys(row.tests).sort()).toEqual([...TEST_NAMES].filter((t) => t in row.tests).sort());
      for (const t of Object.values(row.tests)) {
        expect(t).toHaveProperty("statistic");
        expect(t).toHaveProperty("p_value");
      }
    }
  });

  it("equals crossEventTests on the study's own pairs", () => {
    const direct = crossEventTests(
      study.pairs.map((p) => ({ id: p.eventId, asset: p.asset, fit: p.fit, ars: p.ars, estimationDays: estimationDaysOf(p), eventDays: p.eventDays })),
      { windows, tests: "all" },
    );
    expect(JSON.stringify(study.aggregate!.windows)).toBe(JSON.stringify(direct.windows));
  });

  it("the daily AAR is the mean AR over pairs; CAAR over [0,0] equals AAR at day 0", () => {
    const day0 = study.aggregate!.daily.find((d) => d.rel_day === 0)!;
    const ars = study.abnormal.filter((a) => a.rel_day === 0).map((a) => a.ar);
    const mean = ars.reduce((s, x) => s + x, 0) / ars.length;
    expect(Math.abs(day0.aar - mean)).toBeLessThan(1e-15);
    expect(study.aggregate!.windows[0]!.caar).toBe(day0.aar);
  });

  it("appears in the JSON under aggregate only when tests are asked for; bad names are INVALID_OPTION", () => {
    expect(JSON.parse(study.toJSONText())).toHaveProperty("aggregate");
    const plain = eventStudy({ assets: sectors, market: world, events: pick("E10"), windows: [[0, 0]] });
    expect(JSON.parse(plain.toJSONText())).not.toHaveProperty("aggregate");
    try {
      eventStudy({ assets: sectors, market: world, events: pick("E10"), tests: ["patel" as never] });
      expect.unreachable();
    } catch (e) {
      expect(isMarketReactionError(e) && e.code).toBe("INVALID_OPTION");
    }
  });
});
