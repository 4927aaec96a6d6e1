import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyRegressionResult, marketModelFromPrefix, prefixSums, simpleRegression } from "../../src/stats/index.js";

/** Centred closed form on the complete cases of x[i0..i1], y[i0..i1]. */
function direct(x: ArrayLike<number>, y: ArrayLike<number>, i0: number, i1: number) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = i0; i <= i1; i++) {
    if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) {
      xs.push(x[i]!);
      ys.push(y[i]!);
    }
  }
  return simpleRegression(ys, xs);
}

// returns on a 1e-8 grid, |r| ≤ 0.05, with an optional drift (so window means differ from the series mean)
const series = fc
  .record({
    n: fc.integer({ min: 10, max: 3000 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    drift: fc.constantFrom(0, 0.0005, 0.01),
    beta: fc.integer({ min: -2000, max: 2000 }).map((v) => v / 1000),
    nanRate: fc.constantFrom(0, 0.05),
  })
  .map(({ n, seed, drift, beta, nanRate }) => {
    // small deterministic LCG so long series are cheap to generate
    let s = seed;
    const u = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.round((drift * (i / n) + 0.02 * (u() - 0.5)) * 1e8) / 1e8;
      y[i] = Math.round((0.0002 + beta * x[i]! + 0.03 * (u() - 0.5)) * 1e8) / 1e8;
      if (u() < nanRate) (u() < 0.5 ? x : y)[i] = Number.NaN;
    }
    return { x, y };
  });

const RTOL = 1e-10;
function close(actual: number, expected: number, scale = 0): boolean {
  return Math.abs(actual - expected) <= RTOL * Math.max(Math.abs(expected), scale);
}

describe("marketModelFromPrefix (property, fast-check)", () => {
  it("agrees with the centred closed form (simpleRegression on the window's complete cases) to 1e-10 relative", () => {
    fc.assert(
      fc.property(series, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ x, y }, f0, f1) => {
        const n = x.length;
        let i0 = Math.floor(f0 * (n - 1));
        let i1 = Math.floor(f1 * (n - 1));
        if (i0 > i1) [i0, i1] = [i1, i0];
        const p = prefixSums(x, y);
        const a = marketModelFromPrefix(p, i0, i1);
        const d = direct(x, y, i0, i1);
        expect(a.n).toBe(d.n);
        if (d.n < 3 || !(d.sxx > 0)) return true;
        // β and α are compared on the scale of their standard errors when they are ~0
        const seBeta = Math.sqrt(d.sigma2 / d.sxx);
        const seAlpha = Math.sqrt(d.sigma2 * d.covUnscaled[0]!);
        return (
          close(a.beta, d.beta, seBeta) &&
          close(a.alpha, d.alpha, seAlpha) &&
          close(a.sigma2, d.sigma2) &&
          close(a.xMean, d.xMean, Math.sqrt(d.sxx / d.n)) &&
          close(a.sxx, d.sxx) &&
          close(a.sxy, d.sxy, Math.sqrt(d.sxx * d.syy)) &&
          close(a.r2, d.r2, 1e-6)
        );
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it("uses complete cases only: a NaN in x or y removes that index from the window", () => {
    const x = new Float64Array([0.01, Number.NaN, -0.02, 0.015, 0.003, -0.007]);
    const y = new Float64Array([0.012, 0.5, -0.018, Number.NaN, 0.004, -0.01]);
    const p = prefixSums(x, y);
    const r = marketModelFromPrefix(p, 0, 5);
    expect(r.n).toBe(4);
    const d = simpleRegression([0.012, -0.018, 0.004, -0.01], [0.01, -0.02, 0.003, -0.007]);
    expect(Math.abs(r.beta - d.beta)).toBeLessThan(1e-14);
    expect(Math.abs(r.sigma2 - d.sigma2)).toBeLessThan(1e-18);
  });

  it("reuses the out object and returns NaN for empty, reversed, out-of-range or constant-x windows", () => {
    const x = new Float64Array([0.01, 0.01, 0.01, 0.02, -0.01]);
    const y = new Float64Array([0.02, 0.01, 0.0, 0.03, -0.02]);
    const p = prefixSums(x, y);
    const out = emptyRegressionResult();
    expect(marketModelFromPrefix(p, 0, 4, out)).toBe(out);
    expect(out.n).toBe(5);
    expect(Number.isFinite(out.beta)).toBe(true);
    expect(marketModelFromPrefix(p, 0, 2).beta).toBeNaN(); // constant x
    expect(marketModelFromPrefix(p, 3, 2).n).toBe(0);
    expect(marketModelFromPrefix(p, 3, 2).beta).toBeNaN();
    expect(marketModelFromPrefix(p, -1, 2).alpha).toBeNaN();
    expect(marketModelFromPrefix(p, 0, 5).alpha).toBeNaN();
    expect(marketModelFromPrefix(p, 3, 4).sigma2).toBeNaN(); // n = 2
  });

  it("stays accurate on price levels (|x̄| ≫ sd) thanks to the shift", () => {
    const n = 2000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 4500 + Math.sin(i) * 3 + i * 1e-3;
      y[i] = 120 + 0.02 * x[i]! + Math.cos(3 * i);
    }
    const p = prefixSums(x, y);
    for (const [i0, i1] of [
      [0, 249],
      [1000, 1249],
      [1750, 1999],
    ] as const) {
      const a = marketModelFromPrefix(p, i0, i1);
      const d = direct(x, y, i0, i1);
      expect(Math.abs(a.beta - d.beta)).toBeLessThanOrEqual(1e-9 * Math.abs(d.beta));
      expect(Math.abs(a.sigma2 - d.sigma2)).toBeLessThanOrEqual(1e-9 * d.sigma2);
    }
  });
});
