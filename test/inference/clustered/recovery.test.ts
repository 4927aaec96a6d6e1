// Recovery of the injected abnormal returns of fixtures/daily/injected.json by the dummy
// regression, the HAC kernels on hand-computed cases, and the volatility warning.
import { describe, expect, it } from "vitest";
import { dummyRegression, volatilityCheck, waldStatistic } from "../../../src/inference/clustered/index.js";
import { createRandom, hacCovariance, neweyWestLag, neweyWestMeat, olsQr } from "../../../src/stats/index.js";
import { indexOfDay, loadFixtures, returnsOf } from "../../abnormal/helpers.js";
import { readProjectFile } from "../../helpers/shared-data.js";

interface Injected {
  series: { id: string; alpha: number; beta: number; injected: { date: string; ar: number; events: string[] }[] }[];
}
const injected = JSON.parse(readProjectFile("fixtures/daily/injected.json")) as Injected;
const us = injected.series.find((s) => s.id === "US_INDEX")!;
const fx = loadFixtures();
const data = { days: fx.days, asset: returnsOf(fx.prices.US_INDEX!), market: returnsOf(fx.prices.WORLD!) };

describe("dummyRegression recovers the injected abnormal returns (US_INDEX on WORLD)", () => {
  // one statement per injected day 0 (the first listed), window [0, 0]
  const events = us.injected.map((d) => ({ id: d.events[0]!, day0: d.date }));
  const fit = dummyRegression(data, events, { window: [0, 0] });

  it("recovers alpha and beta of the data-generating process within 3 standard errors", () => {
    const [a, b] = [fit.regression[0]!, fit.regression[1]!];
    expect(Math.abs(a.estimate - us.alpha)).toBeLessThan(3 * a.std_error);
    expect(Math.abs(b.estimate - us.beta)).toBeLessThan(3 * b.std_error);
  });

  it("each day-0 coefficient equals the injected AR up to the estimation error of (alpha, beta) and price rounding", () => {
    const T = fit.nObs;
    const C = fit.covOls;
    const K = fit.k;
    for (const d of us.injected) {
      const row = fit.regression.find((r) => r.session === d.date)!;
      expect(row, d.date).toBeDefined();
      // gamma_hat - AR = (alpha - alpha_hat) + (beta - beta_hat) m_t + rounding of returns (< 1e-4)
      const idx = indexOfDay(data.days, d.date);
      const m = data.market[idx]!;
      // sd of (alpha_hat + beta_hat m): sqrt(x' V x) with x = (1, m)
      const sd = Math.sqrt(C[0]! + 2 * m * C[1]! + m * m * C[K + 1]!);
      expect(Math.abs(row.estimate - d.ar), `${d.date}: ${row.estimate} vs ${d.ar}`).toBeLessThan(4 * sd + 1e-4);
      // the coefficient is exactly the prediction error of that day under the fitted line
      const pe = data.asset[idx]! - fit.coefficients[0]! - fit.coefficients[1]! * m;
      expect(Math.abs(row.estimate - pe)).toBeLessThan(1e-12);
      expect(T).toBeGreaterThan(250);
    }
    // the large injected effects are significant with the forecast-error (OLS) errors
    const pause = fit.regression.find((r) => r.session === "2025-04-09")!;
    expect(pause.p_value).toBeLessThan(1e-6);
  });

  it("pooled[0] recovers the mean injected AR", () => {
    const p = dummyRegression(data, events, { window: [0, 0], specification: "pooled" });
    const mean = us.injected.reduce((s, d) => s + d.ar, 0) / us.injected.length;
    const row = p.regression.find((r) => r.term === "pooled[0]")!;
    expect(Math.abs(row.estimate - mean)).toBeLessThan(0.002);
    expect(p.cars[0]!.estimate).toBe(row.estimate);
  });

  it("raises HIGH_EVENT_VOLATILITY in the tariff turmoil (regime scale 3 vs 1)", () => {
    expect(fit.volatility.ratio).toBeGreaterThan(2);
    expect(fit.warnings.some((w) => w.code === "HIGH_EVENT_VOLATILITY")).toBe(true);
    expect(fit.volatility.warning!.message).toMatch(/HAC.*placebo/);
  });
});

describe("volatilityCheck(returns, event, estimation)", () => {
  it("no warning for a homoskedastic series; a warning when the event period is 3x as volatile", () => {
    const rng = createRandom(7);
    const x = Float64Array.from({ length: 300 }, () => 0.01 * rng.normal());
    const calm = volatilityCheck(x, { start: 270, end: 291 }, { start: 0, end: 270 });
    expect(calm.warning).toBeUndefined();
    expect(calm.ratio).toBeGreaterThan(0.5);
    expect(calm.ratio).toBeLessThan(1.6);
    for (let i = 270; i < 291; i++) x[i] = x[i]! * 3;
    const hot = volatilityCheck(x, { start: 270, end: 291 }, { start: 0, end: 270 });
    expect(hot.warning?.code).toBe("HIGH_EVENT_VOLATILITY");
    expect(hot.event_sessions).toBe(21);
    expect(hot.estimation_sessions).toBe(270);
  });
  it("uses sample SDs: [1, 2, 3] has SD 1", () => {
    const v = volatilityCheck(new Float64Array([1, 2, 3, 10, 30]), { start: 3, end: 5 }, { start: 0, end: 3 });
    expect(v.estimation_sd).toBe(1);
    expect(v.event_sd).toBeCloseTo(Math.sqrt(200), 12);
  });
});

describe("HAC kernels", () => {
  it("neweyWestLag(T, rule) follows floor(4 (T/100)^(2/9)) and floor(0.75 T^(1/3))", () => {
    expect(neweyWestLag(100)).toBe(4);
    expect(neweyWestLag(257)).toBe(4);
    expect(neweyWestLag(1000)).toBe(6); // 4 * 10^(2/9) = 6.68
    expect(neweyWestLag(1000, "cube-root")).toBe(7);
    expect(neweyWestLag(64, "cube-root")).toBe(3);
    expect(neweyWestLag(0)).toBe(0);
  });

  it("neweyWestMeat on a hand-computed case (two regressors, lag 1)", () => {
    // X = [[1, 1], [1, 2], [1, 3]], u = [1, -1, 2]: psi = [(1,1), (-1,-2), (2,6)]
    // G0 = sum psi psi' = [[6, 15], [15, 41]]; G1 = psi1 psi0' + psi2 psi1' = [[-1-2, -1-4], [-2-6, -2-12]] = [[-3,-5],[-8,-14]]
    // S = G0 + 0.5 (G1 + G1') = [[6-3, 15-6.5], [15-6.5, 41-14]]
    const S = neweyWestMeat(new Float64Array([1, 1, 1, 1, 2, 3]), new Float64Array([1, -1, 2]), 3, 2, 1);
    expect(Array.from(S)).toEqual([3, 8.5, 8.5, 27]);
  });

  it("hacCovariance with lag 0 is White's HC0; adjust multiplies by n/(n-k)", () => {
    const rng = createRandom(11);
    const n = 40;
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from(x, (v) => 1 + 2 * v + (0.5 + Math.abs(v)) * rng.normal());
    const X = new Float64Array(2 * n);
    X.fill(1, 0, n);
    X.set(x, n);
    const f = olsQr(y, X, n, 2);
    const V = hacCovariance(X, f.residuals, f.covUnscaled, n, 2, { lag: 0 });
    // HC0 slope variance for simple regression: sum((x - xbar)^2 e^2) / Sxx^2
    const xbar = x.reduce((s, v) => s + v, 0) / n;
    let sxx = 0;
    let num = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i]! - xbar;
      sxx += d * d;
      num += d * d * f.residuals[i]! ** 2;
    }
    expect(Math.abs(V[3]! / (num / (sxx * sxx)) - 1)).toBeLessThan(1e-12);
    const Va = hacCovariance(X, f.residuals, f.covUnscaled, n, 2, { lag: 0, adjust: true });
    expect(Math.abs(Va[3]! / V[3]! - n / (n - 2))).toBeLessThan(1e-13);
  });

  it("waldStatistic: one restriction equals the squared t; redundant restrictions give NaN", () => {
    const b = new Float64Array([0.5, 2]);
    const V = new Float64Array([1, 0.2, 0.2, 4]);
    const one = waldStatistic(b, V, 2, new Float64Array([0, 1]), new Float64Array([0]), 50);
    expect(one.statistic).toBeCloseTo(1, 14);
    expect(one.f_statistic).toBe(one.statistic);
    const two = waldStatistic(b, V, 2, new Float64Array([0, 1, 0, 2]), new Float64Array([0, 0]), 50);
    expect(two.statistic).toBeNaN();
  });
});
