// Student t distribution vs R's pt()/qt(). Reference: test/golden/data/pt.json, written by
// scripts/golden/pt.R (R version recorded in the file).
import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile, studentTSf, studentTTwoSided } from "../../src/stats/index.js";
import { expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface PtGolden {
  R_version: string;
  cdf: { t: number[]; df: number[]; lower: number[]; upper: number[] };
  quantile: { p: number[]; df: number[]; q: number[]; q_newton: number[] };
}
const g = loadGolden<PtGolden>("pt.json");

// Requirement: 1e-12 RELATIVE for df 1–1000 and |t| ≤ 40, both tails (measured: ≤ 5e-14).
const RTOL = 1e-12;

describe("studentT vs R pt (golden, R)", () => {
  it("the golden file records the R version and covers the grid", () => {
    expect(g.R_version).toMatch(/^R version \d/);
    expect(g.cdf.t.length).toBe(23 * 17);
    expect(Math.max(...g.cdf.t)).toBe(40);
    expect(Math.min(...g.cdf.upper)).toBeLessThan(1e-200); // df = 1000, t = 40
  });

  it("studentTCdf(t, df) == pt(t, df) to 1e-12 relative", () => {
    for (let i = 0; i < g.cdf.t.length; i++) {
      const t = g.cdf.t[i]!;
      const df = g.cdf.df[i]!;
      expectClose(studentTCdf(t, df), g.cdf.lower[i]!, { rtol: RTOL }, `cdf t=${t} df=${df}`);
    }
  });

  it("studentTSf(t, df) == pt(t, df, lower.tail = FALSE) to 1e-12 relative", () => {
    for (let i = 0; i < g.cdf.t.length; i++) {
      const t = g.cdf.t[i]!;
      const df = g.cdf.df[i]!;
      expectClose(studentTSf(t, df), g.cdf.upper[i]!, { rtol: RTOL }, `sf t=${t} df=${df}`);
    }
  });

  it("studentTTwoSided(t, df) == 2 * pt(-|t|, df) to 1e-12 relative", () => {
    for (let i = 0; i < g.cdf.t.length; i++) {
      const t = g.cdf.t[i]!;
      const df = g.cdf.df[i]!;
      if (t > 0) continue;
      const expected = Math.min(1, 2 * g.cdf.lower[i]!);
      expectClose(studentTTwoSided(t, df), expected, { rtol: RTOL }, `two-sided t=${t} df=${df}`);
      expectClose(studentTTwoSided(-t, df), expected, { rtol: RTOL }, `two-sided t=${-t} df=${df}`);
    }
  });

  it("studentTQuantile(p, df) == qt(p, df) (Newton-polished in R) to 1e-12 relative", () => {
    const { p, df, q_newton } = g.quantile;
    for (let i = 0; i < p.length; i++) {
      // atol only matters at p = 0.5 where the quantile is 0
      expectClose(studentTQuantile(p[i]!, df[i]!), q_newton[i]!, { rtol: RTOL, atol: 1e-300 }, `qt p=${p[i]} df=${df[i]}`);
    }
  });

  it("studentTQuantile(p, df) == raw qt(p, df) to 1e-12 relative for p >= 1e-100", () => {
    const { p, df, q } = g.quantile;
    for (let i = 0; i < p.length; i++) {
      if (p[i]! < 1e-100) continue; // R's qt is off by up to 1e-5 relative at p = 1e-300
      expectClose(studentTQuantile(p[i]!, df[i]!), q[i]!, { rtol: RTOL, atol: 1e-300 }, `qt p=${p[i]} df=${df[i]}`);
    }
  });
});
