// Placebo inference: the prefix-sum engine equals the fitModel pipeline, the eligible set,
// the p-value formula, determinism, the regimes, and pairStatistics against the modules it
// composes.
import { describe, expect, it } from "vitest";
import { abnormalReturns, cumulativeAbnormalReturns } from "../../../src/abnormal/index.js";
import { pairStatistics, placeboTest } from "../../../src/inference/clustered/index.js";
import { fitModel, predictModel } from "../../../src/models/index.js";
import { emptyRegressionResult, marketModelFromPrefix, prefixSums } from "../../../src/stats/index.js";
import { indexOfDay, loadFixtures, returnsOf } from "../../abnormal/helpers.js";

const fx = loadFixtures();
const data = { days: fx.days, asset: returnsOf(fx.prices.US_INDEX!), market: returnsOf(fx.prices.WORLD!) };
const events = [
  { id: "E17", day0: "2025-04-07" },
  { id: "E27", day0: "2025-04-08" },
  { id: "E34", day0: "2025-04-09" },
];
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("pairStatistics(data, day0Index, { model, estimation, windows })", () => {
  it("is fitModel -> predictModel -> abnormalReturns -> cumulativeAbnormalReturns", () => {
    const d = indexOfDay(data.days, "2025-04-08");
    const p = pairStatistics(data, d, {
      model: { type: "market" },
      estimation: [-250, -11],
      windows: [
        [-1, 1],
        [0, 0],
      ],
    });
    const idx = Int32Array.from({ length: 240 }, (_, j) => d - 250 + j);
    const fit = fitModel({ type: "market" }, data, idx);
    const pred = predictModel(fit, data, Int32Array.of(d - 1, d, d + 1));
    const ars = abnormalReturns(fit, pred, data.asset.subarray(d - 1, d + 2), { start: -1 });
    const cars = cumulativeAbnormalReturns(ars, [
      [-1, 1],
      [0, 0],
    ]);
    expect(p.cars.map((c) => c.car)).toEqual(cars.map((c) => c.car));
    expect(p.cars.map((c) => c.variance)).toEqual(cars.map((c) => c.variance));
    expect(p.fit.nObs).toBe(240);
  });

  it("the O(1) prefix-sum market model gives the same CAR and Var(CAR) on 200 sessions (1e-10 relative)", () => {
    const prefix = prefixSums(data.market, data.asset);
    const reg = emptyRegressionResult();
    let worst = 0;
    let count = 0;
    for (let d = 260; d < 660; d += 2) {
      count++;
      const p = pairStatistics(data, d, { model: { type: "market" }, estimation: [-250, -11], windows: [[-1, 1]] });
      marketModelFromPrefix(prefix, d - 250, d - 11, reg);
      let car = 0;
      let sm = 0;
      for (let t = d - 1; t <= d + 1; t++) {
        car += data.asset[t]! - reg.alpha - reg.beta * data.market[t]!;
        sm += data.market[t]! - reg.xMean;
      }
      const v = reg.sigma2 * (3 + 9 / reg.n + (sm * sm) / reg.sxx);
      worst = Math.max(worst, rel(car, p.cars[0]!.car), rel(v, p.cars[0]!.variance));
    }
    expect(count).toBe(200);
    expect(worst).toBeLessThan(1e-10);
  });
});

describe("placeboTest(data, events, options)", () => {
  const base = { seed: 20250407, draws: 1999, windows: [[-1, 1]] as [number, number][] };

  it("prefix-sums engine and fitModel engine give the same observed value, p-value and quantiles", () => {
    const fast = placeboTest(data, events, base);
    const slow = placeboTest(data, events, { ...base, engine: "fitModel" });
    expect(fast.engine).toBe("prefix-sums");
    expect(slow.engine).toBe("fitModel");
    expect(rel(fast.observed, slow.observed)).toBeLessThan(1e-10);
    expect(fast.p_value).toBe(slow.p_value);
    expect(fast.eligible.size).toBe(slow.eligible.size);
    for (const k of ["2.5%", "5%", "50%", "95%", "97.5%"] as const) {
      expect(rel(fast.quantiles[k], slow.quantiles[k])).toBeLessThan(1e-9);
    }
  });

  it("observed mean CAR equals the mean of the statements' pairStatistics CARs", () => {
    const r = placeboTest(data, events, base);
    const cars = events.map(
      (e) => pairStatistics(data, indexOfDay(data.days, e.day0), { model: { type: "market" }, estimation: [-250, -11], windows: [[-1, 1]] }).cars[0]!.car,
    );
    expect(rel(r.observed, (cars[0]! + cars[1]! + cars[2]!) / 3)).toBeLessThan(1e-10);
    expect(r.real.map((x) => x.event_id)).toEqual(["E17", "E27", "E34"]);
  });

  it("eligible set: complete windows, more than h sessions from every statement", () => {
    const r = placeboTest(data, events, { ...base, exclude: 10 });
    const n = data.asset.length;
    // d - 250 >= 0 and d + 1 <= n - 1; index 0 has no return but 239 >= minObs = 160 remain
    const t = events.map((e) => indexOfDay(data.days, e.day0));
    let expected = 0;
    for (let d = 250; d <= n - 2; d++) if (t.every((x) => Math.abs(d - x) > 10)) expected++;
    expect(r.eligible.size).toBe(expected);
    expect(r.eligible.h).toBe(10);
    expect(r.eligible.definition).toContain("more than 10 sessions");
    const wider = placeboTest(data, events, { ...base, exclude: 30 });
    expect(r.eligible.size - wider.eligible.size).toBe(40); // 3 statements on consecutive days: 23 + 20 - 3
  });

  it("p = (1 + #{|S*| >= |S|}) / (B + 1); same seed, same result; another seed, another null", () => {
    const a = placeboTest(data, events, base);
    const b = placeboTest(data, events, base);
    const c = placeboTest(data, events, { ...base, seed: 1 });
    expect(b).toEqual(a);
    expect(Number.isInteger(Math.round(a.p_value * 2000))).toBe(true);
    expect(Math.abs(a.p_value * 2000 - Math.round(a.p_value * 2000))).toBeLessThan(1e-9);
    expect(a.p_value).toBeGreaterThanOrEqual(1 / 2000);
    expect(c.null_mean).not.toBe(a.null_mean);
    expect(a.seed).toBe(20250407);
    expect(a.draws).toBe(1999);
    const q = a.quantiles;
    expect(q["2.5%"]).toBeLessThanOrEqual(q["5%"]);
    expect(q["5%"]).toBeLessThanOrEqual(q["50%"]);
    expect(q["95%"]).toBeLessThanOrEqual(q["97.5%"]);
    expect(a.ci[0]).toBeCloseTo(a.observed - (q["97.5%"] - a.null_mean), 15);
  });

  it("volatility regime: the tariff statements fall in the high tercile; strata are a third of the eligible set", () => {
    const r = placeboTest(data, events, { ...base, regime: "volatility" });
    const all = placeboTest(data, events, base);
    for (const s of r.eligible.strata) expect(s.label).toMatch(/^high tercile/);
    const size = r.eligible.strata[0]!.size;
    expect(Math.abs(size - all.eligible.size / 3)).toBeLessThanOrEqual(1);
    expect(r.warnings.some((w) => w.code === "HIGH_EVENT_VOLATILITY")).toBe(true);
  });

  it("quarter regime: pseudo-dates from 2025-Q2; one-statement CAR statistic; wald statistic is non-negative", () => {
    const r = placeboTest(data, events, { ...base, regime: "quarter", statistic: { type: "car", event: 2 } });
    expect(r.statistic).toBe("CAR E34 [-1, +1]");
    expect(r.eligible.strata).toEqual([{ event_id: "E34", label: "quarter 2025-Q2", size: r.eligible.size }]);
    expect(r.observed).toBe(r.real[2]!.car[0]);
    const w = placeboTest(data, events, { ...base, statistic: { type: "wald" } });
    expect(w.quantiles["2.5%"]).toBeGreaterThanOrEqual(0);
    const expected = w.real.reduce((s, x) => s + (x.car[0]! / x.se[0]!) ** 2, 0);
    expect(rel(w.observed, expected)).toBeLessThan(1e-12);
  });

  it("contamination: exclude uses the fitModel pipeline with the real windows masked", () => {
    const r = placeboTest(data, events, { ...base, contamination: "exclude" });
    expect(r.engine).toBe("fitModel");
    expect(r.eligible.definition).toContain("excluded from every estimation sample");
  });

  it('spacing "keep": pseudo-dates keep the statements\' spacing; independent dates warn CLUSTERED_STATEMENTS', () => {
    const ind = placeboTest(data, events, base);
    expect(ind.warnings.some((w) => w.code === "CLUSTERED_STATEMENTS")).toBe(true);
    expect(ind.eligible.spacing).toBe("independent");
    const keep = placeboTest(data, events, { ...base, spacing: "keep" });
    expect(keep.eligible.spacing).toBe("keep");
    expect(keep.warnings.some((w) => w.code === "CLUSTERED_STATEMENTS")).toBe(false);
    expect(keep.eligible.definition).toContain("spacing (0, 1, 2 sessions)");
    // anchors: eligible d with d+1 and d+2 eligible too
    expect(keep.eligible.size).toBeLessThan(ind.eligible.size);
    expect(keep.eligible.size).toBeGreaterThan(ind.eligible.size - 10);
    expect(keep.observed).toBe(ind.observed);
  });

  it("requires a seed and checks options", () => {
    expect(() => placeboTest(data, events, {} as never)).toThrow(/seed/);
    expect(() => placeboTest(data, events, { ...base, regime: "weekday" as never })).toThrow(/regime/);
    expect(() => placeboTest(data, events, { ...base, estimation: [-250, 0] })).toThrow(/estimation/);
  });
});
