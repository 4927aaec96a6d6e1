// OLS vs R's lm()/summary.lm(). Reference: test/golden/data/lm.json, written by
// scripts/golden/lm.R (set.seed(20250402), R version recorded in the file).
// Tolerance: 1e-10 relative for every quantity (well-conditioned data; design §3.9).
// Residuals and fitted values use an absolute floor of 1e-10 × max|y| because single
// residuals can be arbitrarily close to 0.
import { describe, expect, it } from "vitest";
import { olsQr, quadraticForm, simpleRegression } from "../../src/stats/index.js";
import { expectAllClose, expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface FitGolden {
  formula: string;
  coefficients: number[];
  names: string[];
  sigma: number;
  sigma2: number;
  df_residual: number;
  r_squared: number;
  residuals: number[];
  fitted: number[];
  cov_unscaled: number[][];
  std_errors: number[];
  x0?: number[][];
  prediction?: number[];
  prediction_error_variance?: number[];
}
interface LmGolden {
  R_version: string;
  data: Record<"y" | "market" | "smb" | "hml" | "mom" | "rmw" | "market_level", number[]>;
  factor5: FitGolden;
  factor5_predict_check: number[];
  market: FitGolden;
  market_level: FitGolden;
  no_intercept: FitGolden;
}
const g = loadGolden<LmGolden>("lm.json");
const RTOL = 1e-10;
const n = g.data.y.length;
const y = Float64Array.from(g.data.y);
const yScale = Math.max(...g.data.y.map(Math.abs));

/** Column-major design from named columns; "(Intercept)" is a column of ones. */
function design(names: readonly string[]): Float64Array {
  const X = new Float64Array(n * names.length);
  names.forEach((name, j) => {
    const col = name === "(Intercept)" ? new Array<number>(n).fill(1) : g.data[name as keyof LmGolden["data"]];
    for (let i = 0; i < n; i++) X[i + j * n] = col[i]!;
  });
  return X;
}

function checkOls(label: string, fit: FitGolden): void {
  const k = fit.names.length;
  const res = olsQr(y, design(fit.names), n, k);
  expect(res.rankDeficient).toBe(false);
  expect(res.df).toBe(fit.df_residual);
  expectAllClose(res.coefficients, fit.coefficients, { rtol: RTOL }, `${label} coefficients`);
  expectClose(res.sigma2, fit.sigma2, { rtol: RTOL }, `${label} sigma2`);
  expectClose(Math.sqrt(res.sigma2), fit.sigma, { rtol: RTOL }, `${label} sigma`);
  expectClose(res.r2, fit.r_squared, { rtol: RTOL }, `${label} r2`);
  expectAllClose(res.residuals, fit.residuals, { rtol: RTOL, atol: RTOL * yScale }, `${label} residuals`);
  expectAllClose(res.fitted, fit.fitted, { rtol: RTOL, atol: RTOL * yScale }, `${label} fitted`);
  expectAllClose(res.covUnscaled, fit.cov_unscaled.flat(), { rtol: RTOL }, `${label} covUnscaled`);
  for (let j = 0; j < k; j++) {
    expectClose(Math.sqrt(res.sigma2 * res.covUnscaled[j * k + j]!), fit.std_errors[j]!, { rtol: RTOL }, `${label} se[${j}]`);
  }
  if (fit.x0 && fit.prediction && fit.prediction_error_variance) {
    fit.x0.forEach((row, r) => {
      let pred = 0;
      for (let j = 0; j < k; j++) pred += row[j]! * res.coefficients[j]!;
      expectClose(pred, fit.prediction![r]!, { rtol: RTOL }, `${label} prediction[${r}]`);
      const pev = res.sigma2 * (1 + quadraticForm(res.covUnscaled, row, k));
      expectClose(pev, fit.prediction_error_variance![r]!, { rtol: RTOL }, `${label} pev[${r}]`);
    });
  }
}

describe("olsQr vs R lm (golden, R)", () => {
  it("records the R version and 250 observations", () => {
    expect(g.R_version).toMatch(/^R version \d/);
    expect(n).toBe(250);
  });

  it("olsQr(y, [1, market, smb, hml, mom, rmw]) matches lm to 1e-10 relative", () => {
    checkOls("factor5", g.factor5);
  });

  it("R's own predict() agrees with sigma^2 (1 + x0' C x0) (consistency of the golden file)", () => {
    expectAllClose(g.factor5.prediction_error_variance!, g.factor5_predict_check, { rtol: 1e-12 }, "predict check");
  });

  it("olsQr(y, [1, market]) matches lm to 1e-10 relative", () => {
    checkOls("market", g.market);
  });

  it("olsQr(y, [1, market + 100]) (ill-conditioned [1, x]) matches lm to 1e-10 relative", () => {
    checkOls("market_level", g.market_level);
  });

  it("olsQr(y, [market, smb]) without intercept uses the uncentred R² like summary.lm", () => {
    checkOls("no_intercept", g.no_intercept);
  });
});

describe("simpleRegression vs R lm (golden, R)", () => {
  for (const [label, key] of [
    ["market", "market"],
    ["market_level", "market_level"],
  ] as const) {
    it(`simpleRegression(y, ${key}) matches lm(y ~ ${key}) to 1e-10 relative`, () => {
      const fit = g[label];
      const r = simpleRegression(y, g.data[key]);
      expectClose(r.alpha, fit.coefficients[0]!, { rtol: RTOL }, "alpha");
      expectClose(r.beta, fit.coefficients[1]!, { rtol: RTOL }, "beta");
      expectClose(r.sigma2, fit.sigma2, { rtol: RTOL }, "sigma2");
      expectClose(r.r2, fit.r_squared, { rtol: RTOL }, "r2");
      expect(r.df).toBe(fit.df_residual);
      expectAllClose(r.covUnscaled, fit.cov_unscaled.flat(), { rtol: RTOL }, "covUnscaled");
    });
  }
});
