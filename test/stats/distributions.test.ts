import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  normalCdf,
  normalQuantile,
  normalSf,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSided,
} from "../../src/stats/index.js";
import { expectClose } from "../golden/expect-close.js";

describe("Student t closed forms (df = 1 Cauchy, df = 2)", () => {
  // P(T > t) = atan(1/t)/π for df = 1, t > 0; = 1/(√(t²+2)(√(t²+2)+t)) for df = 2, t ≥ 0
  const ts = [1e-8, 0.001, 0.3, 1, 2.5, 10, 1e3, 1e8, 1e100, 1e200, 1e300];
  // Beyond |t| = 1e8 the tail is exp(ν/2·ln x) with |ν/2·ln x| up to ~690, so the exponent's
  // rounding (|·|·ε) allows ~1.5e-13 relative; below that 1e-14.
  const tol = (t: number) => ({ rtol: t > 1e8 ? 2e-13 : 1e-14 });
  it("studentTSf(t, 1) == atan(1/t)/π, including t whose square overflows", () => {
    for (const t of ts) {
      expectClose(studentTSf(t, 1), Math.atan(1 / t) / Math.PI, tol(t), `t=${t}`);
      expectClose(studentTCdf(-t, 1), Math.atan(1 / t) / Math.PI, tol(t), `cdf t=${-t}`);
    }
  });
  it("studentTSf(t, 2) == 1/(√(t²+2)(√(t²+2)+t))", () => {
    for (const t of ts.filter((v) => v < 1e150)) {
      const r = Math.sqrt(t * t + 2);
      expectClose(studentTSf(t, 2), 1 / (r * (r + t)), tol(t), `t=${t}`);
    }
  });
  it("studentTQuantile(p, 1) == tan(π(p − ½)) (as −1/tan(πp) in the lower tail)", () => {
    for (const p of [1e-300, 1e-10, 0.01, 0.3, 0.7, 0.99]) {
      const expected = p < 0.25 ? -1 / Math.tan(Math.PI * p) : Math.tan(Math.PI * (p - 0.5));
      expectClose(studentTQuantile(p, 1), expected, { rtol: 1e-13 }, `p=${p}`);
    }
  });
  it("df = Infinity is the normal distribution", () => {
    for (const t of [-5, -1, 0, 0.5, 3, 8]) {
      expect(studentTCdf(t, Number.POSITIVE_INFINITY)).toBe(normalCdf(t));
      expect(studentTSf(t, Number.POSITIVE_INFINITY)).toBe(normalSf(t));
    }
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
  });
  it("undefined arguments give NaN, limits give 0/1/±Infinity", () => {
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTCdf(1, -2)).toBeNaN();
    expect(studentTSf(Number.NaN, 5)).toBeNaN();
    expect(studentTTwoSided(1, Number.NaN)).toBeNaN();
    expect(studentTQuantile(1.5, 5)).toBeNaN();
    expect(studentTQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTSf(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 5)).toBe(0);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("Student t properties (fast-check)", () => {
  const df = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 1, max: 5000, noNaN: true, noDefaultInfinity: true }));
  const t = fc.double({ min: -60, max: 60, noNaN: true, noDefaultInfinity: true });

  it("studentTCdf(t) + studentTSf(t) == 1 and the tails are mirror images", () => {
    fc.assert(
      fc.property(t, df, (tv, d) => {
        const c = studentTCdf(tv, d);
        const s = studentTSf(tv, d);
        return Math.abs(c + s - 1) <= 4e-16 && studentTSf(-tv, d) === c && studentTTwoSided(tv, d) === Math.min(1, 2 * studentTSf(Math.abs(tv), d));
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it("studentTCdf is nondecreasing in t", () => {
    fc.assert(
      fc.property(t, t, df, (a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return studentTCdf(lo, d) <= studentTCdf(hi, d);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it("studentTCdf(studentTQuantile(p)) == p to 1e-12 relative", () => {
    const p = fc.oneof(
      fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
      fc.integer({ min: 12, max: 300 }).map((e) => 10 ** -e),
    );
    fc.assert(
      fc.property(p, df, (pv, d) => {
        const q = studentTQuantile(pv, d);
        const back = pv < 0.5 ? studentTCdf(q, d) : studentTSf(q, d);
        const target = pv < 0.5 ? pv : 1 - pv;
        return Math.abs(back - target) <= 1e-12 * target;
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe("normal properties", () => {
  it("normalCdf(normalQuantile(p)) == p to 1e-15·(1 + z²) relative", () => {
    // dΦ/Φ ≈ |z|·dz in the tail, so a relative error δ in z shows up as z²δ in p.
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        return Math.abs(normalCdf(z) - p) <= 1e-15 * (1 + z * z) * p;
      }),
      { numRuns: 500, seed: 4 },
    );
  });
  it("normalCdf(z) + normalSf(z) == 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => Math.abs(normalCdf(z) + normalSf(z) - 1) <= 4e-16),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe("regularizedIncompleteBeta closed forms", () => {
  const x = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
  const shape = fc.double({ min: 0.1, max: 50, noNaN: true });
  it("I_x(a, 1) == x^a and I_x(1, b) == 1 − (1−x)^b", () => {
    fc.assert(
      fc.property(x, shape, (xv, a) => {
        const e1 = xv ** a;
        const e2 = -Math.expm1(a * Math.log1p(-xv));
        // the prefactor is exp(a·ln x + …): its rounding is ~|a ln x|·ε relative
        const tol = 4e-16 * (10 + Math.abs(a * Math.log(xv)) + Math.abs(a * Math.log1p(-xv)));
        return Math.abs(regularizedIncompleteBeta(xv, a, 1) - e1) <= tol * e1 && Math.abs(regularizedIncompleteBeta(xv, 1, a) - e2) <= tol * e2;
      }),
      { numRuns: 300, seed: 6 },
    );
  });
  it("I_x(a, b) + I_{1−x}(b, a) == 1 for x exactly representable complements", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1023 }), shape, shape, (m, a, b) => {
        const xv = m / 1024; // 1 − x exact
        return Math.abs(regularizedIncompleteBeta(xv, a, b) + regularizedIncompleteBeta(1 - xv, b, a) - 1) <= 1e-14;
      }),
      { numRuns: 300, seed: 8 },
    );
  });
  it("invalid arguments give NaN; endpoints are exact", () => {
    expect(regularizedIncompleteBeta(-0.1, 2, 2)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 2)).toBeNaN();
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
    expectClose(regularizedIncompleteBeta(0.5, 2, 2), 0.5, { rtol: 4 * 2.220446049250313e-16 }, "I_0.5(2,2)");
    expectClose(regularizedIncompleteBeta(0.25, 2, 3), 0.26171875, { rtol: 16 * 2.220446049250313e-16 }, "I_0.25(2,3)"); // 67/256
  });
});
