// Normal-return models and the alignment of returns vs R. Reference:
// test/golden/data/models.json, written by scripts/golden/models.R from the fixture CSVs
// (R reads them itself; here they go through our parsers, alignReturns and fitModel, so the
// test covers the pipeline). Tolerance: 1e-10 relative for coefficients, σ, σ², R² and
// (XᵀX)⁻¹; residuals with an absolute floor of 1e-10 × max|y|.
import { describe, expect, it } from "vitest";
import { calendarFromSeries, tradingCalendar } from "../../src/calendar/index.js";
import { parseFactorsCsv, parseSeriesCsv } from "../../src/io/index.js";
import { fitModel, modelPreset } from "../../src/models/index.js";
import type { ModelFit, ModelSpec } from "../../src/models/index.js";
import { RETURN_FLAGS, alignReturns } from "../../src/returns/index.js";
import type { AlignedReturns } from "../../src/returns/index.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";
import { readProjectFile } from "../helpers/shared-data.js";
import { expectAllClose, expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface FitGolden {
  names?: string[];
  coefficients?: number[];
  sigma?: number;
  sigma2: number;
  df: number;
  n?: number;
  r_squared?: number;
  cov_unscaled?: number[][];
  residuals: (number | null)[];
  beta_lag?: number;
  beta_0?: number;
  beta_lead?: number;
  rho_market?: number;
}
interface ModelsGolden {
  R_version: string;
  estimation: { last: string; sessions: number; first: string };
  us: Record<"market" | "constant_mean" | "market_adjusted" | "dimson1" | "dimson2" | "scholes_williams", FitGolden>;
  tech: Record<"ff3" | "ff5", FitGolden>;
  tokyo: {
    first_return: string;
    estimation_last: string;
    world_on_tokyo: (number | null)[];
    stale: string[];
    market: FitGolden;
    scholes_williams: FitGolden;
    dimson1: FitGolden;
  };
}

const g = loadGolden<ModelsGolden>("models.json");
const RTOL = 1e-10;

const series = (file: string, id: string) => parseSeriesCsv(readProjectFile(file), { id }).series[0]!;
const us = series("fixtures/daily/synthetic-us-index.csv", "US_INDEX");
const world = series("fixtures/daily/synthetic-world.csv", "WORLD");
const tech = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-sectors.csv")).series.find((s) => s.id === "TECH")!;
const tokyo = series("fixtures/daily/synthetic-tokyo.csv", "TOKYO");
const factors = parseFactorsCsv(readProjectFile("fixtures/daily/synthetic-ff-factors.csv"));
const nyse = tradingCalendar("XNYS");

/** The `count` session indices ending on `last`. */
function windowEnding(al: AlignedReturns, last: string, count: number): Int32Array {
  const end = al.days.indexOf(dayKeyFromIso(last));
  expect(end, `${last} is a session`).toBeGreaterThanOrEqual(count - 1);
  return Int32Array.from({ length: count }, (_, j) => end - count + 1 + j);
}

function checkFit(label: string, fit: ModelFit, ref: FitGolden): void {
  expect(fit.df, `${label} df`).toBe(ref.df);
  if (ref.n !== undefined) expect(fit.nObs, `${label} n`).toBe(ref.n);
  if (ref.coefficients) expectAllClose(fit.coefficients, ref.coefficients, { rtol: RTOL }, `${label} coefficients`);
  expectClose(fit.sigma2, ref.sigma2, { rtol: RTOL }, `${label} sigma2`);
  if (ref.sigma !== undefined) expectClose(Math.sqrt(fit.sigma2), ref.sigma, { rtol: RTOL }, `${label} sigma`);
  if (ref.r_squared !== undefined) expectClose(fit.r2, ref.r_squared, { rtol: RTOL }, `${label} r2`);
  if (ref.cov_unscaled) expectAllClose(fit.covUnscaled, ref.cov_unscaled.flat(), { rtol: RTOL }, `${label} covUnscaled`);
  const res = ref.residuals.filter((v): v is number => v !== null);
  const scale = Math.max(...res.map(Math.abs));
  expectAllClose(fit.residuals, res, { rtol: RTOL, atol: RTOL * scale }, `${label} residuals`);
}

describe("models vs R lm on the fixtures (golden, R)", () => {
  it("records the R version and the estimation window", () => {
    expect(g.R_version).toMatch(/^R version \d/);
    expect(g.estimation.sessions).toBe(250);
  });

  describe("US index on the world benchmark, 250 NYSE sessions ending 2025-03-20", () => {
    const al = alignReturns({ asset: us, market: world, calendar: nyse });
    const idx = windowEnding(al, g.estimation.last, g.estimation.sessions);
    it("the window starts where R's does and has no flagged session", () => {
      expect(isoFromDayKey(al.days[idx[0]!]!)).toBe(g.estimation.first);
      expect(al.gap.subarray(idx[0]!, idx[idx.length - 1]! + 1).every((v) => v === 0)).toBe(true);
    });
    it("market model = lm(y ~ x)", () => {
      const fit = fitModel({ type: "market" }, al, idx);
      expect(fit.names).toEqual(["alpha", "beta"]);
      checkFit("market", fit, g.us.market);
    });
    it("constant mean = lm(y ~ 1); R² is NaN by contract (R reports 0)", () => {
      const fit = fitModel({ type: "constant-mean" }, al, idx);
      expect(fit.r2).toBeNaN();
      const { r_squared: _r2, ...rest } = g.us.constant_mean;
      expect(_r2).toBe(0);
      checkFit("constant-mean", fit, rest);
    });
    it("market-adjusted: σ² = Σ(y − x)²/M", () => checkFit("market-adjusted", fitModel({ type: "market-adjusted" }, al, idx), g.us.market_adjusted));
    it("Dimson p = 1 = lm(y ~ lag1 + m + lead1)", () => {
      const fit = fitModel({ type: "dimson", lags: 1 }, al, idx);
      expect(fit.names).toEqual(["alpha", "beta_lag1", "beta", "beta_lead1"]);
      checkFit("dimson1", fit, g.us.dimson1);
      const c = g.us.dimson1.coefficients!;
      expectClose(fit.details!.sum_beta!, c[1]! + c[2]! + c[3]!, { rtol: RTOL }, "sum_beta");
    });
    it("Dimson p = 2 = lm(y ~ lag2 + lag1 + m + lead1 + lead2)", () => {
      const fit = fitModel({ type: "dimson", lags: 2 }, al, idx);
      expect(fit.names).toEqual(["alpha", "beta_lag2", "beta_lag1", "beta", "beta_lead1", "beta_lead2"]);
      checkFit("dimson2", fit, g.us.dimson2);
    });
    it("Scholes-Williams from three lm slopes and cor(m, m_lag)", () => {
      const fit = fitModel({ type: "scholes-williams" }, al, idx);
      const ref = g.us.scholes_williams;
      checkFit("scholes-williams", fit, ref);
      for (const key of ["beta_lag", "beta_0", "beta_lead", "rho_market"] as const) {
        expectClose(fit.details![key]!, ref[key]!, { rtol: RTOL }, key);
      }
    });
  });

  describe("TECH excess returns on the Fama-French factors (percent file -> decimal)", () => {
    const al = alignReturns({ asset: tech, factors, calendar: nyse });
    const idx = windowEnding(al, g.estimation.last, g.estimation.sessions);
    const cases: [string, ModelSpec, FitGolden][] = [
      ["ff3", modelPreset("ff3"), g.tech.ff3],
      ["ff5", modelPreset("ff5"), g.tech.ff5],
    ];
    for (const [label, spec, ref] of cases) {
      it(`${label} = lm(TECH − RF ~ factors)`, () => {
        const fit = fitModel(spec, al, idx);
        expect(fit.model).toBe(label);
        expect(fit.riskFree).toBe("RF");
        expect(fit.names[0]).toBe("alpha");
        expect(fit.names.slice(1)).toEqual(label === "ff3" ? ["Mkt-RF", "SMB", "HML"] : ["Mkt-RF", "SMB", "HML", "RMW", "CMA"]);
        checkFit(label, fit, ref);
      });
    }
  });

  describe("Tokyo index against the world benchmark (as-of prices on Tokyo sessions)", () => {
    const cal = calendarFromSeries(tokyo, "XTKS");
    const al = alignReturns({ asset: tokyo, market: world, calendar: cal });
    it("maps the world benchmark onto every Tokyo session exactly as R does", () => {
      expect(isoFromDayKey(al.days[0]!)).toBe(g.tokyo.first_return);
      expect(al.market!.length).toBe(g.tokyo.world_on_tokyo.length);
      g.tokyo.world_on_tokyo.forEach((v, i) => {
        if (v === null) expect(al.market![i], `session ${isoFromDayKey(al.days[i]!)}`).toBeNaN();
        else expectClose(al.market![i]!, v, { rtol: 1e-15 }, `world on ${isoFromDayKey(al.days[i]!)}`);
      });
    });
    it("flags and counts the stale sessions (US holidays on Tokyo trading days)", () => {
      const stale = [...al.days].filter((_, i) => (al.gap[i]! & RETURN_FLAGS.MARKET) !== 0).map(isoFromDayKey);
      expect(stale).toEqual(g.tokyo.stale);
      const w = al.warnings.find((x) => x.code === "STALE_BENCHMARK_PRICE");
      expect(w?.message).toMatch(new RegExp(`^${g.tokyo.stale.length} sessions of TOKYO`));
      expect(w?.message).toContain(g.tokyo.stale[0]!);
    });
    const idx = windowEnding(al, g.tokyo.estimation_last, 250);
    it("market model on the complete cases = lm(y ~ x, na.omit)", () => checkFit("tokyo market", fitModel({ type: "market" }, al, idx), g.tokyo.market));
    it("Scholes-Williams", () => {
      const fit = fitModel({ type: "scholes-williams" }, al, idx);
      checkFit("tokyo sw", fit, g.tokyo.scholes_williams);
      expectClose(fit.details!.rho_market!, g.tokyo.scholes_williams.rho_market!, { rtol: RTOL }, "rho");
    });
    it("Dimson p = 1", () => checkFit("tokyo dimson", fitModel({ type: "dimson" }, al, idx), g.tokyo.dimson1));
  });
});
