// The steps of placeboTest (src/inference/clustered/placebo/): options, sessions, strata, draws.
import { describe, expect, it } from "vitest";
import { dayKeyFromIso, isMarketReactionError, nyseTradingDays, pairStatistics, type Warning } from "../../../../src/index.js";
import { createRandom } from "../../../../src/stats.js";
import { resolveEvents } from "../../../../src/inference/clustered/common.js";
import { drawNull, drawPlan, summarizeNull } from "../../../../src/inference/clustered/placebo/draws.js";
import { resolvePlaceboOptions } from "../../../../src/inference/clustered/placebo/options.js";
import { placeboSessions } from "../../../../src/inference/clustered/placebo/sessions.js";
import { checkStrata, placeboStrata } from "../../../../src/inference/clustered/placebo/strata.js";
import { quantile7 } from "../../../../src/stats/quantile.js";

const days = nyseTradingDays(dayKeyFromIso("2024-06-03"), dayKeyFromIso("2025-04-30"));
const rng = createRandom(20250407);
const market = Float64Array.from(days, () => 0.01 * rng.normal());
const asset = Float64Array.from(days, (d, i) => 1.1 * market[i]! + 0.004 * rng.normal() + (d === dayKeyFromIso("2025-04-09") ? 0.05 : 0));
const data = { days, asset, market };
const evs = resolveEvents(days, [
  { id: "A", day0: "2025-04-07" },
  { id: "B", day0: "2025-04-09" },
]);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isMarketReactionError(e) ? e.code : String(e);
  }
  return undefined;
};

describe("placebo steps", () => {
  it("options: defaults; a seed is required", () => {
    const o = resolvePlaceboOptions(data, { seed: 1 });
    expect([o.model, o.est, o.windows, o.draws, o.h, o.regime, o.minObs, o.contamination, o.engine, o.spacing]).toEqual([
      { type: "market" },
      [-250, -11],
      [[-1, 1]],
      9999,
      10,
      "none",
      160,
      "include",
      "auto",
      "independent",
    ]);
    expect(codeOf(() => resolvePlaceboOptions(data, {} as never))).toBe("INVALID_OPTION");
    expect(codeOf(() => resolvePlaceboOptions(data, { seed: 1, estimation: [-20, -1], windows: [[-1, 1]] }))).toBe("INVALID_OPTION");
  });

  it("sessions: candidates more than h sessions from every statement, CARs equal to pairStatistics, both engines", () => {
    const o = resolvePlaceboOptions(data, { seed: 1, estimation: [-60, -11], windows: [[0, 1]] });
    const s = placeboSessions(data, evs, o);
    expect(s.fast).toBe(true);
    const a = evs[0]!.index;
    expect(s.eligible.some((d) => Math.abs(d - a) <= 10)).toBe(false);
    expect(s.eligible[0]).toBe(60);
    const d = s.eligible[5]!;
    const p = pairStatistics(data, d, { model: o.model, estimation: o.est, windows: o.windows, minObs: o.minObs });
    expect(s.table.car[0]![d]).toBeCloseTo(p.cars[0]!.car, 12);
    expect(s.table.variance[0]![d]).toBeCloseTo(p.cars[0]!.variance, 14);
    const slow = placeboSessions(data, evs, resolvePlaceboOptions(data, { seed: 1, estimation: [-60, -11], windows: [[0, 1]], engine: "fitModel" }));
    expect(slow.fast).toBe(false);
    expect(slow.eligible).toEqual(s.eligible);
    expect(slow.realTable.car[0]![evs[1]!.index]).toBeCloseTo(s.realTable.car[0]![evs[1]!.index]!, 12);
  });

  it("strata: quarter and volatility terciles; too few sessions is INSUFFICIENT_DATA, under 20 a warning", () => {
    const o = resolvePlaceboOptions(data, { seed: 1, estimation: [-60, -11], regime: "quarter" });
    const { eligible } = placeboSessions(data, evs, o);
    const quarter = placeboStrata(data, evs, eligible, o);
    expect(quarter.map((s) => s.key)).toEqual(["2025-Q2", "2025-Q2"]);
    expect(Array.from(quarter[0]!.sessions).every((d) => days[d]! >= dayKeyFromIso("2025-04-01"))).toBe(true);
    const warnings: Warning[] = [];
    checkStrata(data, evs, [0, 1], quarter, warnings);
    expect(warnings.map((w) => w.code)).toEqual(["SMALL_ELIGIBLE_SET", "SMALL_ELIGIBLE_SET"]);
    const vol = placeboStrata(data, evs, eligible, { regime: "volatility", volWindow: 20 });
    const sizes = new Set(vol.map((s) => s.key));
    expect(sizes.size).toBeGreaterThanOrEqual(1);
    expect(vol[0]!.label).toMatch(/tercile of 20-session trailing volatility/);
    expect(
      codeOf(() =>
        checkStrata(
          data,
          evs,
          [0, 1],
          [
            { key: "x", label: "x", sessions: Int32Array.of(3) },
            { key: "x", label: "x", sessions: Int32Array.of(3) },
          ],
          [],
        ),
      ),
    ).toBe("INSUFFICIENT_DATA");
  });

  it("draws: keep-spacing anchors, a seeded null, p from the count of draws as extreme", () => {
    const o = resolvePlaceboOptions(data, { seed: 7, draws: 499, estimation: [-60, -11], windows: [[0, 0]], spacing: "keep" });
    const s = placeboSessions(data, evs, o);
    const strata = placeboStrata(data, evs, s.eligible, o);
    const warnings: Warning[] = [];
    const plan = drawPlan(evs, [0, 1], strata, s.eligible, o, warnings);
    expect(plan.shifts).toEqual([0, 2]);
    const eligible = new Set(s.eligible);
    expect(Array.from(plan.anchors).every((d) => eligible.has(d) && eligible.has(d + 2))).toBe(true);
    const a = drawNull(evs, [0, 1], strata, plan, s.table, s.realTable, o);
    const b = drawNull(evs, [0, 1], strata, plan, s.table, s.realTable, o);
    expect(Array.from(a.nullStats)).toEqual(Array.from(b.nullStats));
    expect(a.observed).toBeCloseTo((s.realTable.car[0]![evs[0]!.index]! + s.realTable.car[0]![evs[1]!.index]!) / 2, 15);
    expect(a.extreme).toBe(Array.from(a.nullStats).filter((x) => Math.abs(x) >= Math.abs(a.observed) - 1e-12 * Math.abs(a.observed)).length);
    const independent = drawPlan(evs, [0, 1], strata, s.eligible, { spacing: "independent", windows: [[-1, 1]] }, warnings);
    expect(independent.anchors.length).toBe(0);
    expect(warnings.map((w) => w.code)).toEqual(["CLUSTERED_STATEMENTS"]);
  });

  it("summary: type-7 quantiles, mean and SD", () => {
    expect(quantile7(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantile7(Float64Array.of(1, 2, 3, 4), 1 / 3)).toBe(2);
    const { mean, sd, q } = summarizeNull(Float64Array.of(4, 1, 3, 2));
    expect([mean, q(0.25), q(0.975)]).toEqual([2.5, 1.75, 3.925]);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });
});
