// Normal distribution and special functions vs R. Reference: test/golden/data/normal.json,
// written by scripts/golden/normal.R (R version recorded in the file).
import { describe, expect, it } from "vitest";
import { logBeta, logGamma, normalCdf, normalQuantile, normalSf, regularizedIncompleteBeta } from "../../src/stats/index.js";
import { EPS, expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface NormalGolden {
  R_version: string;
  pnorm: { z: number[]; lower: number[]; upper: number[] };
  qnorm: { p: number[]; lower: number[]; upper: number[] };
  lgamma: { x: number[]; value: number[] };
  lbeta: { a: number[]; b: number[]; value: number[] };
  pbeta: { x: number[]; a: number[]; b: number[]; lower: number[]; upper: number[] };
}
const g = loadGolden<NormalGolden>("normal.json");

describe("normal distribution vs R (golden, R)", () => {
  it("records the R version", () => {
    expect(g.R_version).toMatch(/^R version \d/);
  });

  // 16 ε relative (stdlib-style kernel tolerance); measured worst: 3.9e-16 at z = ±25.
  it("normalCdf(z) == pnorm(z) and normalSf(z) == pnorm(z, lower.tail = FALSE) to 16 eps relative", () => {
    const { z, lower, upper } = g.pnorm;
    for (let i = 0; i < z.length; i++) {
      expectClose(normalCdf(z[i]!), lower[i]!, { rtol: 16 * EPS }, `pnorm z=${z[i]}`);
      expectClose(normalSf(z[i]!), upper[i]!, { rtol: 16 * EPS }, `pnorm upper z=${z[i]}`);
    }
  });

  it("normalQuantile(p) == qnorm(p) to 16 eps relative", () => {
    const { p, lower } = g.qnorm;
    for (let i = 0; i < p.length; i++) {
      expectClose(normalQuantile(p[i]!), lower[i]!, { rtol: 16 * EPS, atol: 1e-300 }, `qnorm p=${p[i]}`);
    }
  });

  it("-normalQuantile(p) == qnorm(p, lower.tail = FALSE) in the tail (p <= 0.075) to 16 eps", () => {
    // For 0.075 < p < 0.5 R itself forms 1 - p first, so only the tail region is exact in R.
    const { p, upper } = g.qnorm;
    let checked = 0;
    for (let i = 0; i < p.length; i++) {
      if (p[i]! > 0.075) continue;
      checked++;
      expectClose(-normalQuantile(p[i]!), upper[i]!, { rtol: 16 * EPS }, `qnorm upper p=${p[i]}`);
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("special functions vs R (golden, R)", () => {
  it("logGamma(x) == lgamma(x) to 1e-14 relative (absolute floor 1e-15 near the zeros at 1 and 2)", () => {
    const { x, value } = g.lgamma;
    for (let i = 0; i < x.length; i++) {
      expectClose(logGamma(x[i]!), value[i]!, { rtol: 1e-14, atol: 1e-15 }, `lgamma x=${x[i]}`);
    }
  });

  it("logBeta(a, b) == lbeta(a, b) to 1e-14 relative (absolute floor 1e-15)", () => {
    const { a, b, value } = g.lbeta;
    for (let i = 0; i < a.length; i++) {
      expectClose(logBeta(a[i]!, b[i]!), value[i]!, { rtol: 1e-14, atol: 1e-15 }, `lbeta a=${a[i]} b=${b[i]}`);
    }
  });

  it("regularizedIncompleteBeta(x, a, b) == pbeta(x, a, b) to 1e-12 relative", () => {
    const { x, a, b, lower } = g.pbeta;
    for (let i = 0; i < x.length; i++) {
      expectClose(regularizedIncompleteBeta(x[i]!, a[i]!, b[i]!), lower[i]!, { rtol: 1e-12, atol: 1e-300 }, `pbeta x=${x[i]} a=${a[i]} b=${b[i]}`);
    }
  });
});
