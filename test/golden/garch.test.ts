// GARCH(1,1) vs R. Reference: test/golden/data/garch.json, written by scripts/golden/garch.R
// (fGarch::garchFit for the constant mean; an R log-likelihood with fGarch's "mci" start,
// checked there against fGarch's own at fGarch's optimum, maximised by nlminb + optim(BFGS)
// for both mean equations). Tolerances:
//   - log-likelihood at the same parameters: 1e-10 relative (the same recursion and start);
//   - variance forecasts at the same parameters: 1e-10 relative (also vs fGarch's predict);
//   - estimated parameters: two optimizers stop at slightly different points of a flat
//     maximum, so parameters agree to 1e-4 relative (mean parameters with an absolute floor of
//     1e-4 return SDs); the maximised log-likelihoods to 1e-10 relative;
//   - fGarch's own estimates are a lower bound: our maximum is never below fGarch's (its sqp
//     optimizer stops 0.117 log-likelihood units short on the synthetic asset).
import { describe, expect, it } from "vitest";
import { parseSeriesCsv } from "../../src/io/index.js";
import { fitGarch, garchAbnormalReturns, garchForecast, garchLogLikelihood } from "../../src/measures/index.js";
import { chiSquareSf, normalSf } from "../../src/stats/index.js";
import type { GarchFit } from "../../src/measures/index.js";
import { describeWithSharedData, readProjectFile, readSharedData } from "../helpers/shared-data.js";
import { expectAllClose, expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface FitGolden {
  names: string[];
  coefficients: number[];
  log_lik: number;
  forecast_var: number[];
  forecast_sd_fgarch?: number[];
  n: number;
}
interface GarchGolden {
  window: { first: string; last: string; sessions: number };
  fixed: Record<"constant" | "market", { parameters: number[]; log_lik: number }>;
  fgarch: FitGolden;
  constant: FitGolden;
  market: FitGolden;
  sp500?: FitGolden & { first: string; last: string; fixed_log_lik: number; fgarch: FitGolden };
  event: {
    first: string;
    last: string;
    ar: number[];
    variance: number[];
    sar: number[];
    p_value: number[];
    volatility_p_value: number[];
    car: number;
    car_variance: number;
    car_z: number;
    car_p_value: number;
    volatility_statistic: number;
    volatility_window_p_value: number;
  };
}

const g = loadGolden<GarchGolden>("garch.json");

/** Simple returns (p_t − p_{t−1})/p_{t−1} of the `sessions` rows ending on `last`, with their dates. */
function returnsEnding(text: string, column: string, last: string, sessions: number): { dates: string[]; r: Float64Array } {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.split(",");
  const c = header.indexOf(column);
  const rows = lines.slice(1).map((l) => l.split(","));
  const end = rows.findIndex((row) => row[0] === last);
  expect(end).toBeGreaterThan(sessions);
  const r = new Float64Array(sessions);
  const dates: string[] = [];
  for (let j = 0; j < sessions; j++) {
    const i = end - sessions + 1 + j;
    const p0 = Number(rows[i - 1]![c]);
    const p1 = Number(rows[i]![c]);
    r[j] = (p1 - p0) / p0;
    dates.push(rows[i]![0]!);
  }
  return { dates, r };
}

const asParams = (p: number[], k: number) => ({ mean: p.slice(0, k), omega: p[k]!, alpha1: p[k + 1]!, beta1: p[k + 2]! });

function expectFitMatches(fit: GarchFit, ref: FitGolden, ySd: number, label: string): void {
  expect(fit.names).toEqual(ref.names);
  expect(fit.converged, `${label} converged`).toBe(true);
  const k = ref.names.length - 3;
  for (let j = 0; j < ref.coefficients.length; j++) {
    const isMean = j < k && ref.names[j] !== "beta";
    expectClose(fit.coefficients[j]!, ref.coefficients[j]!, { rtol: 1e-4, atol: isMean ? 1e-4 * ySd : 0 }, `${label} ${ref.names[j]}`);
  }
  expectClose(fit.logLik, ref.log_lik, { rtol: 1e-10 }, `${label} logLik`);
}

function expectNotBelow(fit: GarchFit, fgarch: FitGolden, label: string): void {
  expect(fit.logLik, `${label}: our maximum is not below fGarch's`).toBeGreaterThanOrEqual(fgarch.log_lik - 1e-10 * Math.abs(fgarch.log_lik));
}

function sd(x: Float64Array): number {
  let m = 0;
  for (const v of x) m += v / x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

describe("GARCH(1,1) vs R (synthetic GARCH asset on the world benchmark)", () => {
  const asset = readProjectFile("fixtures/daily/synthetic-garch.csv");
  const world = readProjectFile("fixtures/daily/synthetic-world.csv");
  const { dates, r: y } = returnsEnding(asset, "close", g.window.last, g.window.sessions);
  const { r: x } = returnsEnding(world, "adj_close", g.window.last, g.window.sessions);

  it("uses R's window", () => {
    expect(dates[0]).toBe(g.window.first);
    expect(dates.at(-1)).toBe(g.window.last);
  });

  it("log-likelihood at fixed parameters matches R to 1e-10 (constant and market mean)", () => {
    expectClose(garchLogLikelihood({ y }, asParams(g.fixed.constant.parameters, 1)), g.fixed.constant.log_lik, { rtol: 1e-10 }, "constant");
    expectClose(garchLogLikelihood({ y, x }, asParams(g.fixed.market.parameters, 2)), g.fixed.market.log_lik, { rtol: 1e-10 }, "market");
  });

  it("log-likelihood at fGarch's and R's estimates matches their maxima to 1e-10", () => {
    expectClose(garchLogLikelihood({ y }, asParams(g.fgarch.coefficients, 1)), g.fgarch.log_lik, { rtol: 1e-10 }, "fGarch");
    expectClose(garchLogLikelihood({ y }, asParams(g.constant.coefficients, 1)), g.constant.log_lik, { rtol: 1e-10 }, "constant");
    expectClose(garchLogLikelihood({ y, x }, asParams(g.market.coefficients, 2)), g.market.log_lik, { rtol: 1e-10 }, "market");
  });

  it("constant mean: estimates match R's maximum, and beat fGarch::garchFit's", () => {
    const fit = fitGarch({ y });
    expectFitMatches(fit, g.constant, sd(y), "constant");
    expectNotBelow(fit, g.fgarch, "constant");
    expect(fit.logLik - g.fgarch.log_lik).toBeGreaterThan(0.1);
  });

  it("market mean: estimates match R's nlminb + BFGS maximum", () => {
    expectFitMatches(fitGarch({ y, x }), g.market, sd(y), "market");
  });

  it("variance forecasts at R's parameters match R (and fGarch's predict) to 1e-10", () => {
    const k1 = asParams(g.fgarch.coefficients, 1);
    const z = y.map((v) => v - k1.mean[0]!);
    const h = new Float64Array(z.length);
    let m = 0;
    for (const v of z) m += (v * v) / z.length;
    h[0] = k1.omega + (k1.alpha1 + k1.beta1) * m;
    for (let t = 1; t < z.length; t++) h[t] = k1.omega + k1.alpha1 * z[t - 1]! ** 2 + k1.beta1 * h[t - 1]!;
    const f = garchForecast({ omega: k1.omega, alpha1: k1.alpha1, beta1: k1.beta1, residuals: z, variances: h }, 10);
    expectAllClose(f, g.fgarch.forecast_var, { rtol: 1e-10 }, "forecast");
    expectAllClose(f.map(Math.sqrt), g.fgarch.forecast_sd_fgarch!, { rtol: 1e-10 }, "fGarch predict");
  });

  it("the fitted model's forecasts follow from its parameters (R's recursion at our estimates)", () => {
    const fit = fitGarch({ y, x });
    const f = garchForecast(fit, 3);
    const n = fit.residuals.length;
    expectClose(f[0]!, fit.omega + fit.alpha1 * fit.residuals[n - 1]! ** 2 + fit.beta1 * fit.variances[n - 1]!, { rtol: 1e-15 }, "h+1");
    expectClose(f[2]!, fit.omega + fit.persistence * (fit.omega + fit.persistence * f[0]!), { rtol: 1e-14 }, "h+3");
    expectAllClose(f, g.market.forecast_var.slice(0, 3), { rtol: 1e-3 }, "vs R's forecasts at R's estimates");
  });
});

describe("GARCH-standardized abnormal returns at R's market-mean estimates vs R (2025-04-01 to 2025-04-11)", () => {
  it("ARs, forecast variances, SARs, χ²(1) and normal p-values, CAR and the window χ²(L) to 1e-10 (distribution functions 1e-12)", () => {
    const asset = readProjectFile("fixtures/daily/synthetic-garch.csv");
    const world = readProjectFile("fixtures/daily/synthetic-world.csv");
    const L = g.event.ar.length;
    const n = g.window.sessions + L;
    const { dates, r: y } = returnsEnding(asset, "close", g.event.last, n);
    const { r: x } = returnsEnding(world, "adj_close", g.event.last, n);
    expect(dates[g.window.sessions]).toBe(g.event.first);
    const est = Array.from({ length: g.window.sessions }, (_, j) => j);
    const ev = Array.from({ length: L }, (_, j) => g.window.sessions + j);
    const r = garchAbnormalReturns({ asset: y, market: x }, est, ev, { parameters: asParams(g.market.coefficients, 2) });
    expect(Array.from(r.horizon)).toEqual(ev.map((_, j) => j + 1));
    expectAllClose(r.ar, g.event.ar, { rtol: 1e-10 }, "ar");
    expectAllClose(r.variance, g.event.variance, { rtol: 1e-10 }, "variance");
    expectAllClose(r.sar, g.event.sar, { rtol: 1e-10 }, "sar");
    expectAllClose(r.pValue, g.event.p_value, { rtol: 1e-9 }, "p");
    expectAllClose(r.volatilityPValue, g.event.volatility_p_value, { rtol: 1e-9 }, "volatility p");
    g.event.sar.forEach((s, j) => {
      expectClose(chiSquareSf(s * s, 1), g.event.volatility_p_value[j]!, { rtol: 1e-12 }, `pchisq[${j}]`);
      expectClose(2 * normalSf(Math.abs(s)), g.event.p_value[j]!, { rtol: 1e-12 }, `pnorm[${j}]`);
    });
    expectClose(r.car, g.event.car, { rtol: 1e-10 }, "car");
    expectClose(r.carVariance, g.event.car_variance, { rtol: 1e-10 }, "car variance");
    expectClose(r.carZ, g.event.car_z, { rtol: 1e-10 }, "car z");
    expectClose(r.carPValue, g.event.car_p_value, { rtol: 1e-9 }, "car p");
    expectClose(r.volatilityStatistic, g.event.volatility_statistic, { rtol: 1e-10 }, "Σ SAR²");
    expectClose(r.volatilityWindowPValue, g.event.volatility_window_p_value, { rtol: 1e-9 }, "window p");
    expectClose(chiSquareSf(g.event.volatility_statistic, L), g.event.volatility_window_p_value, { rtol: 1e-12 }, "pchisq window");
  });
});

describeWithSharedData("GARCH(1,1) vs fGarch on the S&P 500 (500 sessions to 2025-03-31)", () => {
  it("log-likelihood to 1e-10 at fixed and at R's parameters; estimates match fGarch and R's maximum", () => {
    const sp = g.sp500;
    expect(sp, "garch.json has the S&P 500 section (run scripts/golden/garch.R with ../shared present)").toBeDefined();
    const { dates, r } = returnsEnding(readSharedData("sp500_daily_2023_2026.csv"), "close", sp!.last, sp!.n);
    expect(dates[0]).toBe(sp!.first);
    expectClose(garchLogLikelihood({ y: r }, asParams(g.fixed.constant.parameters, 1)), sp!.fixed_log_lik, { rtol: 1e-10 }, "fixed");
    expectClose(garchLogLikelihood({ y: r }, asParams(sp!.fgarch.coefficients, 1)), sp!.fgarch.log_lik, { rtol: 1e-10 }, "at fGarch");
    expectClose(garchLogLikelihood({ y: r }, asParams(sp!.coefficients, 1)), sp!.log_lik, { rtol: 1e-10 }, "at R's maximum");
    const fit = fitGarch({ y: r });
    expectFitMatches(fit, sp!, sd(r), "S&P 500");
    expectFitMatches(fit, sp!.fgarch, sd(r), "S&P 500 vs fGarch");
  });
});

describe("parseSeriesCsv reads the GARCH fixture (volume column present)", () => {
  it("has the OHLCV layout", () => {
    const t = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-garch.csv"), { id: "G" });
    expect(t.columns.values).toEqual(["close"]);
  });
});
