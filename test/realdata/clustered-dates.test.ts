// Clustered event dates in the cross-event tests. Synthetic fixtures: six sectors on the world
// benchmark and five statements on four dates (E17 and E22 share day 0, Monday 7 April 2025).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { eventStudy, type MarketEvent } from "../../src/index.js";
import { readEventsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { cli } from "../cli/helpers.js";
import { describeWithSharedData, sharedDataDir } from "../helpers/shared-data.js";

const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));
const FIVE = pick("E10", "E17", "E22", "E27", "E34");
const TESTS = ["cross_sectional_t", "bmp", "adjusted_bmp", "adjusted_patell", "time_series_t", "lamb", "sign"] as const;
const run = (evs: MarketEvent[], extra: Record<string, unknown> = {}) =>
  eventStudy({
    assets: sectors,
    market: world,
    events: evs,
    windows: [
      [0, 0],
      [-1, 1],
    ],
    tests: [...TESTS],
    ...extra,
  });

describe("statements of one asset that share day 0", () => {
  it("are one event per asset and day 0 by default (E17+E22), with the same statistics as a run without the duplicate", () => {
    const study = run(FIVE);
    const without = run(pick("E10", "E17", "E27", "E34"));
    expect(study.aggregate!.windows.map((w) => w.n)).toEqual([24, 24]);
    expect(study.aggregate!.windows).toEqual(without.aggregate!.windows);
    expect(study.aggregate!.daily).toEqual(without.aggregate!.daily);
    expect(study.car.filter((r) => r.event_id === "E22")).toHaveLength(12); // the per-statement tables keep both
    const merged = study.warnings.filter((w) => w.code === "SAME_DAY0_MERGED");
    expect(merged.map((w) => w.message)).toEqual([
      `cross-event tests: statements E17, E22 share day 0 (2025-04-07) on 6 asset(s) (${sectors
        .slice(0, 5)
        .map((s) => s.id)
        .join(
          ", ",
        )}, …), so their pairs have identical abnormal returns: merged into one event per asset and day 0, E17+E22 (6 duplicate pair(s) removed; --same-day0 keep, sameDay0: "keep", tests them separately)`,
    ]);
  });

  it("sameDay0 keep tests every pair and says they count one observation twice", () => {
    const study = run(FIVE, { sameDay0: "keep" });
    expect(study.aggregate!.windows.map((w) => w.n)).toEqual([30, 30]);
    expect(study.warnings.find((w) => w.code === "SAME_DAY0_MERGED")!.message).toMatch(
      /kept as 6 duplicate pair\(s\) \(sameDay0 "keep"\), which count one observation 2 times/,
    );
  });

  it("options that cannot apply are errors naming the option", () => {
    expect(() => eventStudy({ assets: sectors, market: world, events: FIVE, sameDay0: "keep" })).toThrow(/sameDay0.*tests/);
    expect(() => run(FIVE, { sameDay0: "first" })).toThrow(/sameDay0/);
  });
});

describe("event dates shared across assets", () => {
  it("one warning with the counts and r̄; the correlation-adjusted and portfolio tests come first", () => {
    const study = run(FIVE);
    const w = study.warnings.filter((x) => x.code === "CLUSTERED_EVENT_DATES");
    expect(w).toHaveLength(1);
    const rbar = study.aggregate!.windows[0]!.tests.adjusted_bmp!.details!.rbar!;
    expect(w[0]!.message).toBe(
      `cross-event tests: 24 of 24 pairs (100%) share their day 0 with pairs of other assets (4 dates); mean residual correlation r̄ = ${rbar.toFixed(3)}: tests that treat the pairs as independent overstate significance; valid under this clustering: the correlation-adjusted and portfolio tests (adjusted_bmp, adjusted_patell, time_series_t, lamb), reported first`,
    );
    for (const row of [...study.aggregate!.windows, ...study.aggregate!.daily]) {
      expect(Object.keys(row.tests).slice(0, 4)).toEqual(["adjusted_bmp", "adjusted_patell", "time_series_t", "lamb"]);
    }
  });

  it("no warning when the pairs do not share dates (one asset, staggered statements)", () => {
    const study = eventStudy({ assets: [sectors[0]!], market: world, events: pick("E10", "E27", "E34"), windows: [[0, 0]], tests: ["cross_sectional_t"] });
    expect(study.warnings.map((x) => x.code)).not.toContain("CLUSTERED_EVENT_DATES");
    expect(Object.keys(study.aggregate!.windows[0]!.tests)).toEqual(["cross_sectional_t"]);
  });
});

describeWithSharedData("11 SPDR sector ETFs on SPY, statements E10, E17, E22, E27, E34, window [0, 0]", () => {
  it("--same-day0 keep gives the numbers of the issue (p 0.014 vs 0.41); the default merges and matches the run without E22", async () => {
    const D = sharedDataDir!;
    const base = [
      "study",
      "--prices",
      `${D}/derived/sectors11_wide.csv`,
      "--market",
      `${D}/etf_spy_daily_adj_2023_2026.csv`,
      "--window=0,0",
      "--tests",
      "cross_sectional_t,adjusted_bmp",
      "--format",
      "json",
    ];
    type Out = { aggregate: { windows: { n: number; tests: Record<string, { p_value: number }> }[] }; warnings: { code: string }[] };
    // the statements file holds 40 statements: the five (and four) go through filtered copies in a temporary folder
    const lines = readFileSync(`${D}/tariff_events_2025.csv`, "utf8").trim().split(/\r?\n/);
    const subset = (ids: string[]) => [lines[0]!, ...lines.slice(1).filter((l) => ids.includes(l.split(",")[0]!))].join("\n") + "\n";
    const dir = mkdtempSync(`${tmpdir()}/mr-clustered-`);
    writeFileSync(`${dir}/five.csv`, subset(["E10", "E17", "E22", "E27", "E34"]));
    writeFileSync(`${dir}/four.csv`, subset(["E10", "E17", "E27", "E34"]));
    const go = async (file: string, ...extra: string[]) => JSON.parse((await cli(...base, "--events", `${dir}/${file}`, ...extra)).stdout) as Out;
    const keep = await go("five.csv", "--same-day0", "keep");
    expect(keep.aggregate.windows[0]!.n).toBe(55);
    expect(keep.aggregate.windows[0]!.tests.cross_sectional_t!.p_value.toFixed(3)).toBe("0.014");
    expect(keep.aggregate.windows[0]!.tests.adjusted_bmp!.p_value.toFixed(2)).toBe("0.41");
    const merged = await go("five.csv");
    const four = await go("four.csv");
    expect(merged.aggregate.windows[0]!.n).toBe(44);
    expect(merged.aggregate.windows).toEqual(four.aggregate.windows);
    expect(merged.warnings.filter((w) => w.code === "SAME_DAY0_MERGED")).toHaveLength(1);
    expect(merged.warnings.filter((w) => w.code === "CLUSTERED_EVENT_DATES")).toHaveLength(1);
  });
});
