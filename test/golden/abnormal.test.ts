// Abnormal returns, exact variances, CARs with the full covariance, t tests, BHARs and the SQ
// test vs R. Reference: test/golden/data/abnormal.json, written by scripts/golden/abnormal.R
// from lm() + predict(se.fit = TRUE) + summary.lm()$cov.unscaled on the synthetic fixtures
// (R version recorded in the file). Day 0 = 2025-04-03, estimation [-260, -11], event [-5, 5].
//
// Here the fixtures are read with our own parsers, returns are computed in a few lines, the
// models are fitted with olsQr / simpleRegression and ModelFit / ModelPrediction are built by
// hand (test/abnormal/helpers.ts), so src/models and src/returns are not involved.
//
// Tolerances (stated per quantity):
// - every AR, every Var(AR), every element of the covariance V, every CAR, Var(CAR), the
//   diagonal sum, t, BHAR and the SQ quantiles: 1e-10 relative. ARs, CARs and V also get an
//   absolute floor (1e-12 for returns, 1e-10·s² for V) because single values can be ≈ 0;
// - p-values: 1e-9 relative (pt agrees with R to 1e-12; the t inputs carry ~1e-13);
// - SQ counts (#≤, #≥, number of sums) and p-values: exact.
import { describe, expect, it } from "vitest";
import { abnormalCovariance, abnormalReturns, cumulativeAbnormalReturns, type AbnormalReturns } from "../../src/abnormal/index.js";
import { carTTest, sqNullDistribution, sqTest } from "../../src/inference/index.js";
import type { ModelFit, ModelPrediction } from "../../src/models/types.js";
import type { Window } from "../../src/types.js";
import { fitMarketAdjusted, fitMarketClosedForm, fitOls, indexOfDay, loadFixtures, predictOls, returnsOf, slice } from "../abnormal/helpers.js";
import { expectAllClose, expectClose, maxRelErr } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface SqGolden {
  n: number;
  below: number;
  above: number;
  p_corrected: number;
  p_plain: number;
  lower: number;
  upper: number;
}
interface WindowGolden {
  window: [number, number];
  car: number;
  variance: number;
  diagonal_variance?: number;
  se?: number;
  t: number;
  p: number;
  buy_and_hold?: number;
  expected_buy_and_hold?: number;
  bhar: number;
  sq: SqGolden;
}
interface CaseGolden {
  label: string;
  returns: "simple" | "log";
  coefficients: number[];
  sigma2: number;
  df: number;
  n_obs: number;
  cov_unscaled: number[][];
  residuals: number[];
  expected: number[];
  ar: number[];
  var_ar: number[];
  t_ar: number[];
  p_ar: number[];
  covariance: number[][];
  windows: WindowGolden[];
}
interface AbnormalGolden {
  R_version: string;
  day0: string;
  estimation: [number, number];
  event: [number, number];
  event_dates: string[];
  market: CaseGolden;
  market_log: CaseGolden;
  constant_mean: CaseGolden;
  market_adjusted: { sigma2: number; df: number; residuals: number[]; ar: number[]; windows: WindowGolden[] };
  factor3: CaseGolden;
}

const g = loadGolden<AbnormalGolden>("abnormal.json");
const RTOL = 1e-10;
const P_RTOL = 1e-9;
const RET_ATOL = 1e-12;
const WINDOWS: Window[] = g.market.windows.map((w) => w.window);

const fx = loadFixtures();
const d0 = indexOfDay(fx.days, g.day0);
const est: [number, number] = [d0 + g.estimation[0], d0 + g.estimation[1] + 1];
const evt: [number, number] = [d0 + g.event[0], d0 + g.event[1] + 1];
const m = evt[1] - evt[0];

function estOf(x: Float64Array): Float64Array {
  return slice(x, est[0], est[1]);
}
function evtOf(x: Float64Array): Float64Array {
  return slice(x, evt[0], evt[1]);
}

const rUs = returnsOf(fx.prices.US_INDEX!);
const rWorld = returnsOf(fx.prices.WORLD!);
const lUs = returnsOf(fx.prices.US_INDEX!, true);
const lWorld = returnsOf(fx.prices.WORLD!, true);

function checkCase(label: string, gc: CaseGolden, fit: ModelFit, prediction: ModelPrediction, actual: Float64Array): AbnormalReturns {
  expect(fit.df).toBe(gc.df);
  expect(fit.nObs).toBe(gc.n_obs);
  expectAllClose(fit.coefficients, gc.coefficients, { rtol: RTOL }, `${label} coefficients`);
  expectClose(fit.sigma2, gc.sigma2, { rtol: RTOL }, `${label} sigma2`);
  expectAllClose(fit.covUnscaled, gc.cov_unscaled.flat(), { rtol: RTOL }, `${label} covUnscaled`);
  const ars = abnormalReturns(fit, prediction, actual, { start: g.event[0], returnType: gc.returns });
  expectAllClose(ars.expected, gc.expected, { rtol: RTOL, atol: RET_ATOL }, `${label} expected`);
  expectAllClose(ars.ar, gc.ar, { rtol: RTOL, atol: RET_ATOL }, `${label} AR`);
  expectAllClose(ars.variance, gc.var_ar, { rtol: RTOL }, `${label} Var(AR)`);
  expectAllClose(ars.t, gc.t_ar, { rtol: RTOL, atol: 1e-10 }, `${label} t(AR)`);
  expectAllClose(ars.pValue, gc.p_ar, { rtol: P_RTOL }, `${label} p(AR)`);
  const V = abnormalCovariance(fit, prediction);
  expectAllClose(V, gc.covariance.flat(), { rtol: RTOL, atol: RTOL * gc.sigma2 }, `${label} V`);
  const cars = cumulativeAbnormalReturns(ars, WINDOWS);
  cars.forEach((c, w) => {
    const gw = gc.windows[w]!;
    const at = `${label} [${gw.window.join(",")}]`;
    expect(c.window).toEqual(gw.window);
    expect(c.n).toBe(gw.window[1] - gw.window[0] + 1);
    expectClose(c.car, gw.car, { rtol: RTOL, atol: RET_ATOL }, `${at} CAR`);
    expectClose(c.variance, gw.variance, { rtol: RTOL }, `${at} Var(CAR)`);
    expectClose(c.diagonalVariance, gw.diagonal_variance!, { rtol: RTOL }, `${at} diagonal`);
    expectClose(c.se, gw.se!, { rtol: RTOL }, `${at} se`);
    expectClose(c.t, gw.t, { rtol: RTOL, atol: 1e-10 }, `${at} t`);
    expectClose(c.pValue, gw.p, { rtol: P_RTOL }, `${at} p`);
    expectClose(c.buyAndHold, gw.buy_and_hold!, { rtol: RTOL, atol: RET_ATOL }, `${at} buy-and-hold`);
    expectClose(c.expectedBuyAndHold, gw.expected_buy_and_hold!, { rtol: RTOL, atol: RET_ATOL }, `${at} expected buy-and-hold`);
    expectClose(c.bhar, gw.bhar, { rtol: RTOL, atol: RET_ATOL }, `${at} BHAR`);
    const test = carTTest(c);
    expect(test.statistic).toBe(c.t);
    expect(test.df).toBe(gc.df);
    checkSq(at, sqTest(c, fit), gw.sq);
  });
  return ars;
}

function checkSq(at: string, sq: ReturnType<typeof sqTest>, gs: SqGolden): void {
  expect(sq.n, `${at} SQ n`).toBe(gs.n);
  expect(sq.below, `${at} SQ below`).toBe(gs.below);
  expect(sq.above, `${at} SQ above`).toBe(gs.above);
  expect(sq.p_value, `${at} SQ p`).toBe(gs.p_corrected);
  expectClose(sq.lower, gs.lower, { rtol: RTOL }, `${at} SQ 2.5%`);
  expectClose(sq.upper, gs.upper, { rtol: RTOL }, `${at} SQ 97.5%`);
  expect(sq.alternative).toBe("two-sided");
}

describe("abnormal returns vs R lm/predict (golden, R)", () => {
  it("records the R version and the design", () => {
    expect(g.R_version).toMatch(/^R version \d/);
    expect(g.event_dates).toHaveLength(11);
    expect(g.event_dates[5]).toBe("2025-04-03");
    expect(est[1] - est[0]).toBe(250);
  });

  it("market model (QR), simple returns: every AR, variance, V entry, CAR, Var(CAR), t, p, BHAR, SQ", () => {
    const fit = fitOls(estOf(rUs), [estOf(rWorld)], "market", ["beta"]);
    const ars = checkCase("market", g.market, fit, predictOls(fit, [evtOf(rWorld)], m), evtOf(rUs));
    // the residuals R's SQ test used are the ones we used
    expectAllClose(fit.residuals, g.market.residuals, { rtol: RTOL, atol: RET_ATOL }, "market residuals");
    expect(ars.length).toBe(m);
  });

  it("market model (closed form, simpleRegression) gives the same golden values", () => {
    const fit = fitMarketClosedForm(estOf(rUs), estOf(rWorld));
    checkCase("market/closed form", g.market, fit, predictOls(fit, [evtOf(rWorld)], m), evtOf(rUs));
  });

  it("market model, log returns (BHAR via expm1 of summed log returns)", () => {
    const fit = fitOls(estOf(lUs), [estOf(lWorld)], "market", ["beta"]);
    checkCase("market/log", g.market_log, fit, predictOls(fit, [evtOf(lWorld)], m), evtOf(lUs));
  });

  it("constant mean: Var(AR) = s²(1 + 1/M), Var(CAR) = s²(L + L²/M)", () => {
    const fit = fitOls(estOf(rUs), [], "constant-mean");
    const ars = checkCase("constant mean", g.constant_mean, fit, predictOls(fit, [], m), evtOf(rUs));
    const M = fit.nObs;
    for (const c of cumulativeAbnormalReturns(ars, WINDOWS)) {
      expectClose(c.variance, fit.sigma2 * (c.length + (c.length * c.length) / M), { rtol: 1e-13 }, "closed form");
    }
  });

  it("FF3 factor model on excess returns (TECH on Mkt-RF, SMB, HML; factors from percent)", () => {
    const f = fx.factors;
    // factor rows on the price days (the factor file has every NYSE day)
    const pos = Array.from(fx.days, (d) => f.days.indexOf(d));
    expect(pos.every((p) => p >= 0)).toBe(true);
    const col = (name: string): Float64Array => Float64Array.from(pos, (p) => f.factor(name)[p]!);
    const rf = col("RF");
    const tech = returnsOf(fx.prices.TECH!);
    const excess = tech.map((r, i) => r - rf[i]!);
    const F = ["Mkt-RF", "SMB", "HML"].map(col);
    const fit = fitOls(estOf(excess), F.map(estOf), "ff3", ["Mkt-RF", "SMB", "HML"]);
    // expected TOTAL return = RF + alpha + b'F, actual = total return: BHAR on total returns
    checkCase("ff3", g.factor3, fit, predictOls(fit, F.map(evtOf), m, evtOf(rf)), evtOf(tech));
  });

  it("market-adjusted (k = 0): Var(AR) = s², Var(CAR) = L·s², df = M", () => {
    const ga = g.market_adjusted;
    const fit = fitMarketAdjusted(estOf(rUs), estOf(rWorld));
    expectClose(fit.sigma2, ga.sigma2, { rtol: RTOL }, "sigma2");
    const ars = abnormalReturns(fit, predictOls(fit, [evtOf(rWorld)], m), evtOf(rUs), { start: -5 });
    expectAllClose(ars.ar, ga.ar, { rtol: RTOL, atol: RET_ATOL }, "AR");
    for (let i = 0; i < m; i++) expect(ars.variance[i]).toBe(fit.sigma2);
    cumulativeAbnormalReturns(ars, WINDOWS).forEach((c, w) => {
      const gw = ga.windows[w]!;
      expectClose(c.car, gw.car, { rtol: RTOL, atol: RET_ATOL }, "CAR");
      expectClose(c.variance, gw.variance, { rtol: RTOL }, "Var(CAR)");
      expectClose(c.t, gw.t, { rtol: RTOL }, "t");
      expectClose(c.pValue, gw.p, { rtol: P_RTOL }, "p");
      expectClose(c.bhar, gw.bhar, { rtol: RTOL, atol: RET_ATOL }, "BHAR");
      checkSq(`adjusted [${gw.window.join(",")}]`, sqTest(c, fit), gw.sq);
      // plain empirical p-value variant
      expect(sqTest(c, fit, { correction: false }).p_value).toBe(gw.sq.p_plain);
    });
  });

  it("SQ null distribution: a prebuilt distribution gives the same test; plain p-values match R", () => {
    const fit = fitOls(estOf(rUs), [estOf(rWorld)], "market", ["beta"]);
    const ars = abnormalReturns(fit, predictOls(fit, [evtOf(rWorld)], m), evtOf(rUs), { start: -5 });
    cumulativeAbnormalReturns(ars, WINDOWS).forEach((c, w) => {
      const gw = g.market.windows[w]!;
      const nullDist = sqNullDistribution(fit, c.length);
      expect(nullDist.sums.length).toBe(gw.sq.n);
      const a = sqTest(c.car, nullDist);
      const b = sqTest(c, fit);
      expect(a).toEqual(b);
      expect(sqTest(c.car, nullDist, { correction: false }).p_value).toBe(gw.sq.p_plain);
    });
  });

  it("reports the largest relative error of the market-model variances (diagnostic)", () => {
    const fit = fitOls(estOf(rUs), [estOf(rWorld)], "market", ["beta"]);
    const ars = abnormalReturns(fit, predictOls(fit, [evtOf(rWorld)], m), evtOf(rUs), { start: -5 });
    expect(maxRelErr(ars.variance, g.market.var_ar)).toBeLessThan(RTOL);
    const cars = cumulativeAbnormalReturns(ars, WINDOWS);
    expect(
      maxRelErr(
        cars.map((c) => c.variance),
        g.market.windows.map((w) => w.variance),
      ),
    ).toBeLessThan(RTOL);
  });
});
