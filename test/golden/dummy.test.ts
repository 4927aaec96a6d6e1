// Dummy-variable regression with Newey-West HAC errors and Wald tests vs R, and the χ² / F
// survival functions vs R's pchisq / pf. Reference: test/golden/data/dummy.json, written by
// scripts/golden/dummy.R (lm, sandwich::NeweyWest(lag = 4, prewhite = FALSE, adjust = FALSE
// and TRUE), lmtest::coeftest, Wald by hand with solve, pchisq, pf) on the synthetic fixtures;
// R and package versions are recorded in the file.
//
// Statements E10 (2025-04-03), E17 (04-07), E27 (04-08), E34 (04-09), window [-1, +1]: the
// windows overlap, so in the event specification dummies on a shared session are merged (R
// builds one dummy per distinct session). Sample: 250 sessions before 2025-04-02 to 2025-04-10.
//
// Tolerances: coefficients, standard errors, t, covariance elements, CARs and Wald statistics
// 1e-8 relative (the brief's bound; covariance elements with an absolute floor of 1e-10 × the
// largest diagonal element, since off-diagonal elements can be ≈ 0); p-values 1e-8 relative
// with a 1e-15 absolute floor; χ² and F survival functions 1e-12 relative.
import { describe, expect, it } from "vitest";
import { dummyRegression } from "../../src/inference/clustered/index.js";
import type { DummyRegressionOptions, DummyRegressionResult } from "../../src/inference/clustered/index.js";
import { chiSquareCdf, chiSquareSf, fisherFSf } from "../../src/stats/index.js";
import { loadFixtures, returnsOf } from "../abnormal/helpers.js";
import { expectAllClose, expectClose, maxRelErr } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface WaldGolden {
  statistic: number | null;
  df: number;
  p_value: number | null;
  f_statistic: number | null;
  p_value_f: number | null;
}
interface CaseGolden {
  label: string;
  terms: string[];
  n: number;
  k: number;
  df: number;
  lag: number;
  sigma2: number;
  coefficients: number[];
  cov_ols: number[][];
  cov_hac: number[][];
  cov_hac_adjust: number[][];
  se_ols: number[];
  t_ols: number[];
  p_ols: number[];
  se_hac: number[];
  t_hac: number[];
  p_hac: number[];
  se_hac_adjust: number[];
  t_hac_adjust: number[];
  p_hac_adjust: number[];
  residuals: number[];
  combinations: { name: string; estimate: number; se_ols: number; se_hac: number }[];
  wald: { name: string; hac: WaldGolden; ols: WaldGolden }[];
}
interface DummyGolden {
  R_version: string;
  sample: { from: string; to: string; sessions: number };
  day0: Record<string, string>;
  cases: CaseGolden[];
  chisq: { x: number[]; df: number[]; sf: number[]; cdf: number[] };
  f: { f: number[]; df1: number[]; df2: number[]; sf: number[] };
}

const golden = loadGolden<DummyGolden>("dummy.json");
const fx = loadFixtures();
const data = { days: fx.days, asset: returnsOf(fx.prices.US_INDEX!), market: returnsOf(fx.prices.WORLD!) };
const events = Object.entries(golden.day0).map(([id, day0]) => ({ id, day0 }));
const RTOL = 1e-8;
const P = { rtol: 1e-8, atol: 1e-15 };

function run(label: string, extra: DummyRegressionOptions): DummyRegressionResult {
  const base: DummyRegressionOptions = { window: [-1, 1], estimation: 250, hacLag: 4 };
  if (label === "event") return dummyRegression(data, events, { ...base, specification: "event", ...extra });
  if (label === "pooled") return dummyRegression(data, events, { ...base, specification: "pooled", ...extra });
  return dummyRegression(data, events, { ...base, specification: "pooled", lags: 1, ...extra });
}

function flat(m: number[][]): number[] {
  return m.flat();
}

function expectMatrix(actual: Float64Array, expected: number[][], label: string): void {
  const e = flat(expected);
  let maxDiag = 0;
  for (let i = 0; i < expected.length; i++) maxDiag = Math.max(maxDiag, Math.abs(expected[i]![i]!));
  expectAllClose(actual, e, { rtol: RTOL, atol: 1e-10 * maxDiag }, label);
}

function expectWald(
  actual: { statistic: number; p_value: number; f_statistic: number; p_value_f: number; df: number },
  expected: WaldGolden,
  label: string,
): void {
  expect(actual.df, `${label} df`).toBe(expected.df);
  if (expected.statistic === null) {
    expect(actual.statistic, `${label}: R finds R V R' singular`).toBeNaN();
    return;
  }
  expectClose(actual.statistic, expected.statistic, { rtol: RTOL }, `${label} W`);
  expectClose(actual.f_statistic, expected.f_statistic!, { rtol: RTOL }, `${label} W/q`);
  expectClose(actual.p_value, expected.p_value!, P, `${label} p chi2`);
  expectClose(actual.p_value_f, expected.p_value_f!, P, `${label} p F`);
}

describe("dummyRegression vs R lm + sandwich::NeweyWest + lmtest::coeftest", () => {
  it("golden file records the R version and the sample", () => {
    expect(golden.R_version).toMatch(/^R version 4\./);
    expect(golden.cases.map((c) => c.label)).toEqual(["event", "pooled", "pooled_lag"]);
  });

  for (const c of golden.cases) {
    describe(`case ${c.label}`, () => {
      const hac = run(c.label, { vcov: "hac" });
      const ols = run(c.label, { vcov: "ols" });
      const adj = run(c.label, { vcov: "hac", hacAdjust: true });

      it("has R's terms, sample, T, K and lag", () => {
        expect(hac.terms).toEqual(c.terms);
        expect(hac.nObs).toBe(c.n);
        expect(hac.k).toBe(c.k);
        expect(hac.df).toBe(c.df);
        expect(hac.hac.lag).toBe(c.lag);
        expect(hac.sample.from).toBe(golden.sample.from);
        expect(hac.sample.to).toBe(golden.sample.to);
      });

      it("coefficients, s² and residuals agree with lm to 1e-8", () => {
        expectAllClose(hac.coefficients, c.coefficients, { rtol: RTOL, atol: 1e-15 }, "b");
        expectClose(hac.sigma2, c.sigma2, { rtol: RTOL }, "s2");
        expectAllClose(hac.residuals, c.residuals, { rtol: RTOL, atol: 1e-14 }, "residuals");
      });

      it("OLS, NeweyWest(adjust = FALSE) and NeweyWest(adjust = TRUE) covariances agree to 1e-8", () => {
        expectMatrix(hac.covOls, c.cov_ols, "vcov(lm)");
        expectMatrix(hac.covHac, c.cov_hac, "NeweyWest adjust=FALSE");
        expectMatrix(adj.covHac, c.cov_hac_adjust, "NeweyWest adjust=TRUE");
        expect(maxRelErr(hac.covHac, flat(c.cov_hac))).toBeLessThan(1e-8);
      });

      it("coeftest rows (se, t, p with t(T-K)) agree for the OLS and both HAC covariances", () => {
        expectAllClose(
          hac.regression.map((r) => r.std_error),
          c.se_ols,
          { rtol: RTOL },
          "se ols",
        );
        expectAllClose(
          hac.regression.map((r) => r.std_error_hac),
          c.se_hac,
          { rtol: RTOL },
          "se hac",
        );
        expectAllClose(
          hac.regression.map((r) => r.statistic),
          c.t_hac,
          { rtol: RTOL },
          "t hac",
        );
        expectAllClose(
          hac.regression.map((r) => r.p_value),
          c.p_hac,
          P,
          "p hac",
        );
        expectAllClose(
          ols.regression.map((r) => r.statistic),
          c.t_ols,
          { rtol: RTOL },
          "t ols",
        );
        expectAllClose(
          ols.regression.map((r) => r.p_value),
          c.p_ols,
          P,
          "p ols",
        );
        expectAllClose(
          adj.regression.map((r) => r.std_error_hac),
          c.se_hac_adjust,
          { rtol: RTOL },
          "se hac adj",
        );
        expectAllClose(
          adj.regression.map((r) => r.statistic),
          c.t_hac_adjust,
          { rtol: RTOL },
          "t hac adj",
        );
        expectAllClose(
          adj.regression.map((r) => r.p_value),
          c.p_hac_adjust,
          P,
          "p hac adj",
        );
        expect(hac.regression.every((r) => r.vcov === "hac")).toBe(true);
      });

      it("CARs / CAARs as c'b with sqrt(c'Vc) agree", () => {
        for (const g of c.combinations) {
          const m = /^(?:CAR (\S+)|mean|CAAR) \[(-?\d+), \+?(-?\d+)\]$/.exec(g.name);
          expect(m, g.name).not.toBeNull();
          const id = g.name.startsWith("mean") ? "mean" : g.name.startsWith("CAAR") ? "pooled" : m![1]!;
          const w0 = Number(m![2]);
          const w1 = Number(m![3]);
          let row = hac.cars.find((r) => r.event_id === id && r.window[0] === w0 && r.window[1] === w1);
          if (row === undefined) {
            // CAAR [0, 0] is not a default CAR window: ask for it
            const again = run(c.label, { vcov: "hac", carWindows: [[w0, w1]] });
            row = again.cars.find((r) => r.event_id === id);
          }
          expect(row, g.name).toBeDefined();
          expectClose(row!.estimate, g.estimate, { rtol: RTOL }, `${g.name} estimate`);
          expectClose(row!.std_error, g.se_ols, { rtol: RTOL }, `${g.name} se ols`);
          expectClose(row!.std_error_hac, g.se_hac, { rtol: RTOL }, `${g.name} se hac`);
        }
      });

      it("Wald tests (chi-square and F forms) agree with both covariances", () => {
        for (const g of c.wald) {
          const h = hac.wald.find((w) => w.hypothesis === g.name);
          const o = ols.wald.find((w) => w.hypothesis === g.name);
          expect(h, g.name).toBeDefined();
          expect(o, g.name).toBeDefined();
          expectWald(h!, g.hac, `${g.name} [hac]`);
          expectWald(o!, g.ols, `${g.name} [ols]`);
          expect(h!.df_residual).toBe(c.df);
        }
      });
    });
  }
});

describe("chiSquareSf / chiSquareCdf / fisherFSf vs R pchisq / pf", () => {
  it("chiSquareSf(x, df) and chiSquareCdf(x, df) agree with pchisq to 1e-12 relative", () => {
    const { x, df, sf, cdf } = golden.chisq;
    expect(x.length).toBeGreaterThan(100);
    for (let i = 0; i < x.length; i++) {
      expectClose(chiSquareSf(x[i]!, df[i]!), sf[i]!, { rtol: 1e-12, atol: 1e-300 }, `sf(${x[i]}, ${df[i]})`);
      expectClose(chiSquareCdf(x[i]!, df[i]!), cdf[i]!, { rtol: 1e-12, atol: 1e-300 }, `cdf(${x[i]}, ${df[i]})`);
    }
  });
  it("fisherFSf(f, df1, df2) agrees with pf(lower.tail = FALSE) to 1e-12 relative", () => {
    const { f, df1, df2, sf } = golden.f;
    for (let i = 0; i < f.length; i++) {
      expectClose(fisherFSf(f[i]!, df1[i]!, df2[i]!), sf[i]!, { rtol: 1e-12, atol: 1e-300 }, `pf(${f[i]}, ${df1[i]}, ${df2[i]})`);
    }
  });
});
