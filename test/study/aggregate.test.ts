import { describe, expect, it } from "vitest";
import { crossEventTests, estimationDaysOf, estimationOffsetsOf, eventStudy, isMarketReactionError, TEST_NAMES, type MarketEvent } from "../../src/index.js";
import { readEventsFileSync, readSeriesFileSync } from "../../src/node/index.js";

const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));

describe("eventStudy({tests}) — cross-event aggregation inside a study", () => {
  const windows = [
    [0, 0],
    [-1, 1],
  ] as const;
  const study = eventStudy({ assets: sectors, market: world, events: pick("E10", "E27", "E34"), windows, tests: "all" });

  it("aggregates every (asset, statement) pair with every test, daily and per window", () => {
    const agg = study.aggregate!;
    expect(agg.daily.map((d) => d.rel_day)).toEqual([-1, 0, 1]);
    expect(agg.windows.map((w) => [w.window_start, w.window_end])).toEqual([
      [0, 0],
      [-1, 1],
    ]);
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
    // same numbers; the tests are listed robust-first because the six sectors share their dates
    expect(study.aggregate!.windows).toEqual(direct.windows);
  });

  it("pools estimation residuals in event time by their true offsets when contamination leaves gaps", () => {
    // S1's estimation window holds S0's event window (removed: a gap); S2's has none
    const at = (id: string, date: string): MarketEvent => ({ id, timestamp: `${date}T12:00`, timezone: "America/New_York", precision: "minute" });
    const gapped = eventStudy({
      assets: sectors.slice(0, 3),
      market: world,
      events: [at("S0", "2025-01-15"), at("S1", "2025-04-09"), at("S2", "2024-06-12")],
      windows,
      tests: ["corrado_rank", "time_series_t", "grank_t"],
    });
    const pairs = gapped.pairs;
    const s1 = pairs.find((p) => p.eventId === "S1")!;
    const offsets = estimationOffsetsOf(s1);
    expect(offsets.length).toBe(s1.fit.used.length);
    expect(offsets[offsets.length - 1]).toBe(-11);
    expect(offsets[0]).toBe(-250);
    expect(offsets.length).toBeLessThan(240); // the gap
    const base = (p: (typeof pairs)[number]) => ({
      id: p.eventId,
      asset: p.asset,
      fit: p.fit,
      ars: p.ars,
      estimationDays: estimationDaysOf(p),
      eventDays: p.eventDays,
    });
    const withOffsets = crossEventTests(
      pairs.map((p) => ({ ...base(p), estimationOffsets: estimationOffsetsOf(p) })),
      { windows, tests: ["corrado_rank", "time_series_t", "grank_t"] },
    );
    const endAligned = crossEventTests(pairs.map(base), { windows, tests: ["corrado_rank", "time_series_t", "grank_t"] });
    expect(JSON.stringify(gapped.aggregate!.windows)).toBe(JSON.stringify(withOffsets.windows));
    expect(JSON.stringify(endAligned.windows)).not.toBe(JSON.stringify(withOffsets.windows));
    expect(gapped.warnings.map((w) => w.code)).not.toContain("ESTIMATION_OFFSETS_MISSING");
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
