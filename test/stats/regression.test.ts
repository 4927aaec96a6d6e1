import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { householderQr, olsQr, qrCovUnscaled, quadraticForm, simpleRegression } from "../../src/stats/index.js";
import { expectAllClose, expectClose } from "../golden/expect-close.js";

/** Column-major n×k design from columns. */
function cols(...columns: ArrayLike<number>[]): Float64Array {
  const n = columns[0]!.length;
  const X = new Float64Array(n * columns.length);
  columns.forEach((c, j) => {
    for (let i = 0; i < n; i++) X[i + j * n] = c[i]!;
  });
  return X;
}

describe("householderQr / olsQr (hand-computed)", () => {
  it("householderQr(X, 3, 2) of [1, x] with x = 1, 2, 3; (XᵀX)⁻¹ = [[7/3, −1], [−1, 1/2]]", () => {
    const f = householderQr(cols([1, 1, 1], [1, 2, 3]), 3, 2);
    expect(f.rank).toBe(2);
    expect(f.rankDeficient).toBe(false);
    expect(Math.abs(f.qr[0]!)).toBeCloseTo(Math.sqrt(3), 14); // |R_00| = ‖1‖
    expectAllClose(qrCovUnscaled(f), [7 / 3, -1, -1, 0.5], { rtol: 1e-14 }, "cov");
  });

  it("olsQr(y, X) of an exact line recovers it", () => {
    const r = olsQr(new Float64Array([1, 3, 5, 7]), cols([1, 1, 1, 1], [0, 1, 2, 3]), 4, 2);
    expectAllClose(r.coefficients, [1, 2], { rtol: 1e-14 }, "coef");
    expect(r.rss).toBeLessThan(1e-28);
    expect(r.r2).toBeCloseTo(1, 14);
    expect(r.intercept).toBe(true);
  });

  it("olsQr flags a numerically dependent column (tolerance, not === 0) and returns NaN", () => {
    const x = [0.3, 1.7, 2.2, 4.1, 5.9, 0.1];
    const dependent = x.map((v) => 0.1 * v + 0.7); // combination of [1] and x, inexact in binary
    const X = cols([1, 1, 1, 1, 1, 1], x, dependent);
    const f = householderQr(X, 6, 3);
    expect(f.rankDeficient).toBe(true);
    expect(f.rank).toBe(2);
    const r = olsQr(new Float64Array([1, 2, 3, 4, 5, 6]), X, 6, 3);
    expect(r.rankDeficient).toBe(true);
    expect(Number.isNaN(r.coefficients[0]!)).toBe(true);
    expect(Number.isNaN(r.covUnscaled[0]!)).toBe(true);
  });

  it("olsQr with n < k is rank-deficient", () => {
    const r = olsQr(new Float64Array([1, 2]), cols([1, 1], [1, 2], [3, 5]), 2, 3);
    expect(r.rankDeficient).toBe(true);
  });

  it("quadraticForm(C, x, k)", () => {
    expect(quadraticForm(new Float64Array([2, 1, 1, 3]), [1, 2], 2)).toBe(2 + 2 * 2 + 12);
  });

  it("simpleRegression(y, x) hand example", () => {
    const r = simpleRegression([1, 3, 5, 8], [0, 1, 2, 3]);
    // x̄ = 1.5, ȳ = 4.25, Sxx = 5, Sxy = 11.5, β = 2.3, α = 4.25 − 3.45 = 0.8
    expectClose(r.beta, 2.3, { rtol: 1e-15 }, "beta");
    expectClose(r.alpha, 0.8, { rtol: 1e-14 }, "alpha");
    // residuals: 0.2, −0.1, −0.4, 0.3 → rss = 0.3, σ² = 0.15
    expectClose(r.rss, 0.3, { rtol: 1e-14 }, "rss");
    expectClose(r.sigma2, 0.15, { rtol: 1e-14 }, "sigma2");
    expectAllClose(r.covUnscaled, [0.25 + 2.25 / 5, -0.3, -0.3, 0.2], { rtol: 1e-14 }, "cov");
    expect(simpleRegression([1, 2], [3, 3]).beta).toBeNaN();
    expect(simpleRegression([1, 2], [0, 1]).sigma2).toBeNaN();
  });
});

// return-like values on a 1e-7 grid in [-0.1, 0.1] and coefficients in [-2, 2] (no subnormal noise)
const ret = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v * 1e-7);
const coef = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((v) => v * 1e-6);

describe("OLS properties (fast-check)", () => {
  const dataset = fc.integer({ min: 8, max: 80 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      k: fc.integer({ min: 1, max: 4 }),
      x: fc.array(ret, { minLength: n * 4, maxLength: n * 4 }),
      y: fc.array(ret, { minLength: n, maxLength: n }),
    }),
  );

  it("olsQr residuals are orthogonal to every column: |Xⱼᵀe| ≤ 1e-13·‖X‖_F·‖y‖, and fitted + residuals = y", () => {
    fc.assert(
      fc.property(dataset, ({ n, k, x, y }) => {
        const X = new Float64Array(n * k);
        for (let i = 0; i < n; i++) X[i] = 1;
        for (let i = n; i < n * k; i++) X[i] = x[i]!;
        const r = olsQr(Float64Array.from(y), X, n, k);
        if (r.rankDeficient) return true;
        let ny = 0;
        for (const v of y) ny += v * v;
        ny = Math.sqrt(ny);
        let nx = 0;
        for (const v of X) nx += v * v;
        nx = Math.sqrt(nx);
        for (let j = 0; j < k; j++) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += X[i + j * n]! * r.residuals[i]!;
          if (Math.abs(dot) > 1e-13 * nx * ny) return false;
        }
        for (let i = 0; i < n; i++) if (Math.abs(r.fitted[i]! + r.residuals[i]! - y[i]!) > 1e-16 * ny) return false;
        return true;
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("data generated exactly from y = a + b·x recovers a and b with sigma2 ≈ 0 (olsQr and simpleRegression)", () => {
    fc.assert(
      fc.property(fc.array(ret, { minLength: 5, maxLength: 200 }), coef, coef, (x, a, b) => {
        const sd = Math.sqrt(simpleRegression(x, x).syy / x.length);
        fc.pre(sd > 1e-4);
        const y = x.map((v) => a + b * v);
        const s = simpleRegression(y, x);
        const o = olsQr(Float64Array.from(y), cols(new Array<number>(x.length).fill(1), x), x.length, 2);
        const scale = Math.abs(a) + Math.abs(b) + 1e-6;
        // rounding of y (≈ ε·(|a|+0.1|b|)) divided by sd(x) bounds the slope error
        const tolB = (1e-14 * scale) / sd;
        const tolA = 1e-14 * scale + tolB * 0.1;
        return (
          Math.abs(s.beta - b) <= tolB &&
          Math.abs(s.alpha - a) <= tolA &&
          Math.abs(o.coefficients[1]! - b) <= tolB &&
          Math.abs(o.coefficients[0]! - a) <= tolA &&
          s.sigma2 <= (1e-15 * scale) ** 2 &&
          o.sigma2 <= (1e-15 * scale) ** 2
        );
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("simpleRegression(y, x) == olsQr(y, [1, x]) to 1e-10 relative", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 5, max: 150 })
          .chain((n) =>
            fc.tuple(
              fc.array(ret, { minLength: n, maxLength: n }),
              fc.array(ret, { minLength: n, maxLength: n }),
              fc.double({ min: -50, max: 50, noNaN: true }),
            ),
          ),
        ([x, e, shift]) => {
          const xs = x.map((v) => v + shift); // also level-shifted regressors
          const y = xs.map((v, i) => 0.001 + 0.9 * v + e[i]!);
          const s = simpleRegression(y, xs);
          fc.pre(s.sxx > 1e-6);
          const o = olsQr(Float64Array.from(y), cols(new Array<number>(xs.length).fill(1), xs), xs.length, 2);
          const close = (p: number, q: number, scale = Math.abs(q)) => Math.abs(p - q) <= 1e-10 * Math.max(Math.abs(q), scale);
          const seB = Math.sqrt(s.sigma2 / s.sxx);
          return (
            close(s.beta, o.coefficients[1]!, seB) &&
            close(s.alpha, o.coefficients[0]!, Math.sqrt(s.sigma2 * s.covUnscaled[0]!)) &&
            close(s.sigma2, o.sigma2) &&
            s.covUnscaled.every((v, i) => close(v, o.covUnscaled[i]!))
          );
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});
