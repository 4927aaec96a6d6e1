// Property tests (fast-check) of the abnormal-return step. Data are drawn from the seeded PRNG
// of src/stats (the seed itself is a fast-check input), fits are built with olsQr.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abnormalCovariance, abnormalReturns, cumulativeAbnormalReturn, type AbnormalReturns } from "../../src/abnormal/index.js";
import type { ModelFit, ModelPrediction } from "../../src/models/types.js";
import { createRandom } from "../../src/stats/index.js";
import { expectClose } from "../golden/expect-close.js";
import { fitOls, predictOls } from "./helpers.js";

interface Case {
  fit: ModelFit;
  prediction: ModelPrediction;
  actual: Float64Array;
  m: number;
  start: number;
}

/** A random linear model with `factors` regressors (0 = constant mean), M estimation and m event rows. */
function makeCase(seed: number, factors: number, M: number, m: number, start: number): Case {
  const rng = createRandom(seed);
  const cols = Array.from({ length: factors }, () => Float64Array.from({ length: M + m }, () => 0.01 * rng.normal()));
  const y = new Float64Array(M + m);
  for (let i = 0; i < M + m; i++) {
    let v = 0.0003 + 0.008 * rng.normal();
    cols.forEach((c, j) => (v += (0.5 + 0.3 * j) * c[i]!));
    y[i] = v;
  }
  const fit = fitOls(
    y.slice(0, M),
    cols.map((c) => c.slice(0, M)),
    "test",
  );
  const prediction = predictOls(
    fit,
    cols.map((c) => c.slice(M)),
    m,
  );
  return { fit, prediction, actual: y.slice(M), m, start };
}

const caseArb = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    factors: fc.integer({ min: 0, max: 4 }),
    M: fc.integer({ min: 30, max: 200 }),
    m: fc.integer({ min: 1, max: 15 }),
    start: fc.integer({ min: -10, max: 0 }),
  })
  .map(({ seed, factors, M, m, start }) => makeCase(seed, factors, M, m, start));

/** A random window inside the predicted sessions. */
function windowOf(ars: AbnormalReturns, a: number, b: number): [number, number] {
  const i = a % ars.length;
  const j = b % ars.length;
  return [ars.start + Math.min(i, j), ars.start + Math.max(i, j)];
}

describe("abnormal returns: properties", () => {
  it("CAR equals the sum of the ARs of its window; Var(CAR) is the window block of V", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, a, b) => {
        const ars = abnormalReturns(c.fit, c.prediction, c.actual, { start: c.start });
        const w = windowOf(ars, a, b);
        const car = cumulativeAbnormalReturn(ars, w);
        let s = 0;
        for (let i = w[0] - c.start; i <= w[1] - c.start; i++) s += ars.ar[i]!;
        expectClose(car.car, s, { rtol: 1e-12, atol: 1e-15 }, "CAR = ΣAR");
        const V = abnormalCovariance(c.fit, c.prediction);
        let block = 0;
        for (let i = w[0] - c.start; i <= w[1] - c.start; i++) {
          for (let j = w[0] - c.start; j <= w[1] - c.start; j++) block += V[i * c.m + j]!;
        }
        expectClose(car.variance, block, { rtol: 1e-12 }, "Var(CAR) = 1'V_W1");
      }),
      { numRuns: 200, seed: 20250404 },
    );
  });

  it("negating every AR flips t (daily and CAR) and leaves the two-sided p-values unchanged", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, a, b) => {
        const ars = abnormalReturns(c.fit, c.prediction, c.actual, { start: c.start });
        // actual' = 2·E[R] − R has AR' = −AR exactly when the subtraction is exact; compare with tolerance
        const mirrored = c.actual.map((r, i) => 2 * c.prediction.expected[i]! - r);
        const neg = abnormalReturns(c.fit, c.prediction, mirrored, { start: c.start });
        for (let i = 0; i < c.m; i++) {
          // 2E − R rounds: absolute error ≤ a few ulps of 0.1, i.e. ≲ 1e-16; se ≥ 0.005 here
          expectClose(neg.ar[i]!, -ars.ar[i]!, { rtol: 1e-9, atol: 1e-15 }, "AR");
          expectClose(neg.t[i]!, -ars.t[i]!, { rtol: 1e-9, atol: 1e-12 }, "t");
          expectClose(neg.pValue[i]!, ars.pValue[i]!, { rtol: 1e-8, atol: 1e-12 }, "p");
          expect(neg.variance[i]).toBe(ars.variance[i]);
        }
        const w = windowOf(ars, a, b);
        const x = cumulativeAbnormalReturn(ars, w);
        const y = cumulativeAbnormalReturn(neg, w);
        expectClose(y.t, -x.t, { rtol: 1e-9, atol: 1e-12 }, "t(CAR)");
        expectClose(y.pValue, x.pValue, { rtol: 1e-8, atol: 1e-12 }, "p(CAR)");
        expect(y.variance).toBe(x.variance);
      }),
      { numRuns: 200, seed: 20250405 },
    );
  });

  it("negating the ARs directly (same design): t flips exactly and p is bit-identical", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // expected = 0 so that AR = actual and −actual gives exactly −AR
        const zero: ModelPrediction = { expected: new Float64Array(c.m), design: c.prediction.design };
        const x = abnormalReturns(c.fit, zero, c.actual);
        const y = abnormalReturns(
          c.fit,
          zero,
          c.actual.map((v) => -v),
        );
        for (let i = 0; i < c.m; i++) {
          expect(y.t[i]).toBe(-x.t[i]!);
          expect(y.pValue[i]).toBe(x.pValue[i]);
        }
      }),
      { numRuns: 100, seed: 20250406 },
    );
  });

  it("constant mean: Var(CAR) ≥ Σ Var(AR_τ) (all off-diagonal covariances are s²/M > 0)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 5, max: 300 }), fc.integer({ min: 1, max: 20 }), (seed, M, m) => {
        const c = makeCase(seed, 0, M, m, 0);
        const ars = abnormalReturns(c.fit, c.prediction, c.actual);
        const car = cumulativeAbnormalReturn(ars, [0, m - 1]);
        expect(car.variance).toBeGreaterThanOrEqual(car.diagonalVariance * (1 - 1e-14));
        // and exactly s²(L + L²/M) vs s²(L + L/M)
        expectClose(car.variance - car.diagonalVariance, (c.fit.sigma2 * (m * m - m)) / M, { rtol: 1e-9, atol: 1e-20 }, "gap");
      }),
      { numRuns: 100, seed: 20250407 },
    );
  });

  it("market model: Var(CAR) ≥ Σ Var(AR_τ) is NOT a theorem (off-diagonals can be negative)", () => {
    // Var(CAR) − ΣVar(AR) = s²[(L² − L)/M + ((Σd)² − Σd²)/S_mm], d = R_m − R̄_m: negative when the
    // window's market deviations are large and of opposite signs.
    const M = 100;
    const x = Float64Array.from({ length: M }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    const rng = createRandom(42);
    const y = Float64Array.from(x, (v) => 0.001 + v + 0.005 * rng.normal());
    const fit = fitOls(y, [x], "market");
    const xv = new Float64Array([0.08, -0.08]);
    const ars = abnormalReturns(fit, predictOls(fit, [xv], 2), [0.01, -0.01]);
    const car = cumulativeAbnormalReturn(ars, [0, 1]);
    expect(car.variance).toBeLessThan(car.diagonalVariance);
  });
});
