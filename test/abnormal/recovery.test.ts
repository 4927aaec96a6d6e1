// Recovery of the injected abnormal returns of the synthetic fixtures (fixtures/daily/injected.json).
//
// On an injected day the series' own noise is zero, so with the TRUE alpha and beta the
// abnormal return is exactly the injected one. With estimated parameters the AR also carries
// the estimation error (α − α̂) + (β − β̂)R_m, whose standard deviation is s·√(x'(X'X)⁻¹x)
// (= √(Var(AR) − s²)); prices rounded to cents add < 1e-4 per return (fixtures/README.md).
// Checks, for every series on the NYSE calendar (US index and the six sectors, market model on
// the world benchmark, estimation [-260, -11]) and every injected day as day 0:
// - |AR − injected| < 3·se(AR) (the brief's criterion; se includes the noise variance s²);
// - |AR − injected| < 3·sd(estimation error) + 1e-4 (the tighter, noise-free bound).
// And for the 5-day CAR over 2025-04-03 … 2025-04-09 (five consecutive injected sessions):
// |CAR − Σ injected| < 3·√(Var(CAR) − 5s²) + 5e-4 (the estimation-error part of the full
// covariance, plus rounding).
// The Tokyo series is not covered: its regressor L[d] sums world returns over the NYSE
// sessions between Tokyo sessions and is built by the models/returns layer.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { abnormalReturns, cumulativeAbnormalReturn } from "../../src/abnormal/index.js";
import { fitOls, indexOfDay, loadFixtures, predictOls, returnsOf, slice } from "./helpers.js";

interface Injected {
  series: { id: string; alpha: number; beta: number; injected: { date: string; ar: number }[] }[];
}
const injected = JSON.parse(readFileSync(new URL("../../fixtures/daily/injected.json", import.meta.url), "utf8")) as Injected;
const fx = loadFixtures();
const rWorld = returnsOf(fx.prices.WORLD!);
const nyse = injected.series.filter((s) => s.id !== "TOKYO");

describe("recovery of injected abnormal returns (fixtures/daily/injected.json)", () => {
  it("covers the US index and six sectors, five days each", () => {
    expect(nyse.map((s) => s.id).sort()).toEqual(["ENERGY", "FIN", "HEALTH", "INDUST", "TECH", "US_INDEX", "UTIL"]);
    for (const s of nyse) expect(s.injected).toHaveLength(5);
  });

  for (const s of nyse) {
    it(`${s.id}: each day-0 AR is within its standard errors of the injected AR`, () => {
      const r = returnsOf(fx.prices[s.id]!);
      for (const d of s.injected) {
        const d0 = indexOfDay(fx.days, d.date);
        const fit = fitOls(slice(r, d0 - 260, d0 - 10), [slice(rWorld, d0 - 260, d0 - 10)], "market", ["beta"]);
        const ars = abnormalReturns(fit, predictOls(fit, [slice(rWorld, d0, d0 + 1)], 1), slice(r, d0, d0 + 1));
        const err = Math.abs(ars.ar[0]! - d.ar);
        const se = Math.sqrt(ars.variance[0]!);
        const sdEst = Math.sqrt(ars.variance[0]! - fit.sigma2);
        expect(err, `${s.id} ${d.date}: |AR − injected| vs 3·se`).toBeLessThan(3 * se);
        expect(err, `${s.id} ${d.date}: |AR − injected| vs 3·sd(estimation error) + 1e-4`).toBeLessThan(3 * sdEst + 1e-4);
      }
    });

    it(`${s.id}: the CAR over the five injected sessions recovers their sum`, () => {
      const r = returnsOf(fx.prices[s.id]!);
      const d0 = indexOfDay(fx.days, "2025-04-03");
      expect(indexOfDay(fx.days, "2025-04-09")).toBe(d0 + 4);
      const fit = fitOls(slice(r, d0 - 260, d0 - 10), [slice(rWorld, d0 - 260, d0 - 10)], "market", ["beta"]);
      const ars = abnormalReturns(fit, predictOls(fit, [slice(rWorld, d0 - 5, d0 + 6)], 11), slice(r, d0 - 5, d0 + 6), { start: -5 });
      const c = cumulativeAbnormalReturn(ars, [0, 4]);
      const total = s.injected.reduce((a, d) => a + d.ar, 0);
      const sdEst = Math.sqrt(c.variance - 5 * fit.sigma2);
      expect(Math.abs(c.car - total)).toBeLessThan(3 * sdEst + 5e-4);
      expect(Math.abs(c.car - total)).toBeLessThan(3 * c.se);
    });
  }
});
