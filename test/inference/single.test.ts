// Single-event inference: AR and CAR t tests, and the Gelbach–Helland–Klick SQ test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abnormalReturns, cumulativeAbnormalReturn } from "../../src/abnormal/index.js";
import { isMarketReactionError } from "../../src/errors.js";
import { arTTest, carTTest, sqNullDistribution, sqTest } from "../../src/inference/index.js";
import { sqTestsOfFit } from "../../src/inference/single.js";
import type { CarResult } from "../../src/abnormal/types.js";
import type { ModelFit } from "../../src/models/types.js";
import { createRandom } from "../../src/stats/index.js";
import { fitOls, predictOls } from "../abnormal/helpers.js";
import { expectAllClose, expectClose } from "../golden/expect-close.js";

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(isMarketReactionError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

/** A fit whose only relevant fields are the residuals and their sessions. */
function residualFit(residuals: number[], used?: number[]): Pick<ModelFit, "residuals" | "used"> {
  return {
    residuals: Float64Array.from(residuals),
    used: Int32Array.from(used ?? residuals.map((_, i) => i)),
  };
}

function marketCase(seed: number) {
  const rng = createRandom(seed);
  const M = 120;
  const m = 7;
  const x = Float64Array.from({ length: M + m }, () => 0.01 * rng.normal());
  const y = Float64Array.from(x, (v) => 0.0002 + 0.9 * v + 0.006 * rng.normal());
  const fit = fitOls(y.slice(0, M), [x.slice(0, M)], "market", ["beta"]);
  const ars = abnormalReturns(fit, predictOls(fit, [x.slice(M)], m), y.slice(M), { start: -3 });
  return { fit, ars };
}

describe("arTTest(ars, offset) / carTTest(car)", () => {
  it("return the DESIGN §6 test shape with the day's and the window's numbers", () => {
    const { fit, ars } = marketCase(1);
    const t0 = arTTest(ars, 0);
    expect(t0).toEqual({
      statistic: ars.t[3],
      p_value: ars.pValue[3],
      df: fit.df,
      n: 1,
      alternative: "two-sided",
      method: "AR t test",
      convention: expect.stringContaining("M − k") as unknown as string,
      estimate: ars.ar[3],
      se: Math.sqrt(ars.variance[3]!),
    });
    expect(arTTest(ars)).toEqual(t0);
    expect(arTTest(ars, -3).statistic).toBe(ars.t[0]);
    const car = cumulativeAbnormalReturn(ars, [-1, 1]);
    const tc = carTTest(car);
    expect(tc.statistic).toBe(car.t);
    expect(tc.p_value).toBe(car.pValue);
    expect(tc.n).toBe(3);
    expect(tc.df).toBe(118);
    expect(tc.estimate).toBe(car.car);
    expect(tc.se).toBe(car.se);
  });

  it("arTTest rejects offsets outside the predicted sessions", () => {
    const { ars } = marketCase(2);
    expectCode(() => arTTest(ars, 4), "INVALID_OPTION");
    expectCode(() => arTTest(ars, -4), "INVALID_OPTION");
    expectCode(() => arTTest(ars, 0.5), "INVALID_OPTION");
  });
});

describe("sqNullDistribution(fit, length, options)", () => {
  it("L = 1: the sorted residuals; L = 3: sorted sums of overlapping runs", () => {
    const fit = residualFit([0.3, -0.1, 0.2, -0.5, 0.4]);
    expect(Array.from(sqNullDistribution(fit, 1).sums)).toEqual([-0.5, -0.1, 0.2, 0.3, 0.4]);
    // runs: 0.3−0.1+0.2 = 0.4, −0.1+0.2−0.5 = −0.4, 0.2−0.5+0.4 = 0.1
    expectAllClose(sqNullDistribution(fit, 3).sums, [-0.4, 0.1, 0.4], { rtol: 1e-15 });
    expect(sqNullDistribution(fit, 5).sums.length).toBe(1);
    expect(sqNullDistribution(fit, 6).sums.length).toBe(0);
  });

  it("gaps: 'ignore' sums across missing sessions, 'exclude' keeps runs of consecutive sessions only", () => {
    // sessions 0,1,2, then 5,6 (3 and 4 missing from the estimation sample)
    const fit = residualFit([1, 2, 3, 4, 5], [0, 1, 2, 5, 6]);
    expect(Array.from(sqNullDistribution(fit, 2).sums)).toEqual([3, 5, 7, 9]);
    const ex = sqNullDistribution(fit, 2, { gaps: "exclude" });
    expect(Array.from(ex.sums)).toEqual([3, 5, 9]);
    expect(ex.gaps).toBe("exclude");
  });

  it("drops NaN residuals", () => {
    expect(Array.from(sqNullDistribution(residualFit([1, Number.NaN, 2]), 1).sums)).toEqual([1, 2]);
  });

  it("throws on a bad length or gaps option, and on used/residuals mismatch with gaps: 'exclude'", () => {
    const fit = residualFit([1, 2, 3]);
    expectCode(() => sqNullDistribution(fit, 0), "INVALID_OPTION");
    expectCode(() => sqNullDistribution(fit, 1.5), "INVALID_OPTION");
    expectCode(() => sqNullDistribution(fit, 1, { gaps: "fill" as never }), "INVALID_OPTION");
    expectCode(() => sqNullDistribution({ residuals: new Float64Array(3), used: new Int32Array(2) }, 1, { gaps: "exclude" }), "INVALID_INPUT");
  });
});

describe("sqTest(statistic, reference, options)", () => {
  const fit = residualFit([-3, -2, -1, 0, 1, 2, 3]);

  it("counts, corrected and plain p-values, and type-7 quantiles by hand", () => {
    const a = sqTest(2.5, fit, { length: 1 });
    expect(a.below).toBe(6);
    expect(a.above).toBe(1);
    expect(a.n).toBe(7);
    expect(a.p_value).toBe((2 * (1 + 1)) / 8);
    expect(sqTest(2.5, fit, { length: 1, correction: false }).p_value).toBe(2 / 7);
    // beyond every null sum: corrected p = 2/(n+1), plain p = 0
    expect(sqTest(10, fit, { length: 1 }).p_value).toBe(2 / 8);
    expect(sqTest(10, fit, { length: 1, correction: false }).p_value).toBe(0);
    // the centre: p capped at 1
    expect(sqTest(0, fit, { length: 1 }).p_value).toBe(1);
    // type 7: h = 6·0.025 = 0.15 → −3 + 0.15 = −2.85; h = 5.85 → 2 + 0.85 = 2.85
    expectClose(a.lower, -2.85, { rtol: 1e-15 }, "lower");
    expectClose(a.upper, 2.85, { rtol: 1e-15 }, "upper");
    const b = sqTest(2.5, fit, { length: 1, level: 0.5 });
    expectClose(b.lower, -1.5, { rtol: 1e-15 }, "25%");
    expectClose(b.upper, 1.5, { rtol: 1e-15 }, "75%");
    expect(a).toMatchObject({ statistic: 2.5, estimate: 2.5, alternative: "two-sided", length: 1, level: 0.95 });
    expect(a.method).toContain("Gelbach");
    expect(a.df).toBeUndefined();
  });

  it("ties count on both sides", () => {
    const t = sqTest(2, fit, { length: 1 });
    expect(t.below).toBe(6);
    expect(t.above).toBe(2);
  });

  it("takes a CarResult and uses its n as L; NaN statistics give NaN p", () => {
    const { fit: f, ars } = marketCase(3);
    const car = cumulativeAbnormalReturn(ars, [-1, 1]);
    const viaCar = sqTest(car, f);
    expect(viaCar.length).toBe(3);
    expect(viaCar.n).toBe(118);
    expect(viaCar).toEqual(sqTest(car.car, sqNullDistribution(f, 3)));
    const nan = sqTest(Number.NaN, f, { length: 2 });
    expect(Number.isNaN(nan.p_value)).toBe(true);
    expect(Number.isNaN(nan.below)).toBe(true);
    const empty = sqTest(0.1, residualFit([]), { length: 1 });
    expect(Number.isNaN(empty.p_value)).toBe(true);
    expect(Number.isNaN(empty.lower)).toBe(true);
  });

  it("throws on a bad level or a missing length", () => {
    expectCode(() => sqTest(1, fit, { length: 1, level: 1 }), "INVALID_OPTION");
    expectCode(() => sqTest(1, fit, { length: 1, level: 0 }), "INVALID_OPTION");
    expectCode(() => sqTest(1, fit), "INVALID_OPTION");
    const { fit: f, ars } = marketCase(4);
    const car = cumulativeAbnormalReturn(ars, [-1, 1]);
    expectCode(() => sqTest(car, sqNullDistribution(f, 2)), "INVALID_OPTION");
  });
});

describe("sqTest: the one-off path (selection) equals the prebuilt sorted path", () => {
  it("same counts, p-values and quantiles for random residuals, with ties, any L and level", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: -60, max: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.boolean(),
        (ints, L, stat, level, correction) => {
          // small integers make ties and exact sums common
          const f = residualFit(ints.map((v) => v / 4));
          const c = stat / 4;
          const one = sqTest(c, f, { length: L, level, correction });
          const pre = sqTest(c, sqNullDistribution(f, L), { level, correction });
          expect(one).toEqual(pre);
          if (one.n > 0) {
            // brute force on the sorted sums
            const sorted = Array.from(sqNullDistribution(f, L).sums);
            expect(one.below).toBe(sorted.filter((v) => v <= c).length);
            expect(one.above).toBe(sorted.filter((v) => v >= c).length);
            const h = (sorted.length - 1) * ((1 - level) / 2);
            const lo = Math.floor(h);
            const want = sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
            expect(one.lower).toBe(want);
          }
        },
      ),
      { numRuns: 500, seed: 2013 },
    );
  });
});

describe("single-event tests: size under the null (seeded simulation)", () => {
  // Estimation and event disturbances are iid Student t(3) (fat tails, the case GHK target);
  // the event window is [0, 2] (L = 3), M = 120, constant-mean model. 2000 replications; the
  // rejection rate at 5% must lie within 3 binomial SDs of 0.05 (±0.0146) for the SQ test,
  // whose corrected p-value is conservative by construction (p ≤ α has probability ≤ α for
  // exchangeable sums); the t test is reported alongside (it is close to 5% for L = 3 too).
  it("SQ and CAR t tests reject about 5% of true nulls", () => {
    const rng = createRandom(20130415);
    const studentT3 = (): number => {
      const z = rng.normal();
      let chi = 0;
      for (let i = 0; i < 3; i++) chi += rng.normal() ** 2;
      return z / Math.sqrt(chi / 3);
    };
    const reps = 2000;
    const M = 120;
    let sqReject = 0;
    let tReject = 0;
    for (let r = 0; r < reps; r++) {
      const y = Float64Array.from({ length: M + 3 }, () => 0.01 * studentT3());
      const fit = fitOls(y.slice(0, M), [], "constant-mean");
      const ars = abnormalReturns(fit, predictOls(fit, [], 3), y.slice(M));
      const car = cumulativeAbnormalReturn(ars, [0, 2]);
      if (sqTest(car, fit).p_value <= 0.05) sqReject++;
      if (car.pValue <= 0.05) tReject++;
    }
    const band = 3 * Math.sqrt((0.05 * 0.95) / reps);
    expect(Math.abs(sqReject / reps - 0.05)).toBeLessThan(band);
    expect(Math.abs(tReject / reps - 0.05)).toBeLessThan(band);
  });
});

describe("SQ run sums (double-double prefix sums)", () => {
  /** The exact sum of doubles (all multiples of 2^-200), correctly rounded: BigInt arithmetic. */
  function exactSum(values: readonly number[]): number {
    const scale = 2 ** 200;
    let total = 0n;
    for (const v of values) total += BigInt(v * scale);
    return Number(total) / scale;
  }
  const residual = fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Math.abs(v) < 2 ** -140 ? 0 : v));

  /** Distance in units in the last place between two doubles of the same sign (0 when equal). */
  function ulps(a: number, b: number): number {
    if (a === b) return 0;
    const view = new DataView(new ArrayBuffer(16));
    view.setFloat64(0, a);
    view.setFloat64(8, b);
    return Math.abs(Number(view.getBigInt64(0) - view.getBigInt64(8)));
  }

  // the sums are within one unit in the last place of the exact sum (correctly rounded but
  // for near-halfway cases), as the compensated sum of each run was
  it("every sum of L consecutive residuals is within one ulp of the exact sum", () => {
    fc.assert(
      fc.property(fc.array(residual, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (res, L) => {
        const fit = { residuals: Float64Array.from(res), used: Int32Array.from(res, (_, i) => i) };
        const got = sqNullDistribution(fit, L).sums;
        const want = Array.from({ length: Math.max(0, res.length - L + 1) }, (_, j) => exactSum(res.slice(j, j + L))).sort((a, b) => a - b);
        expect(got.length).toBe(want.length);
        got.forEach((g, j) => {
          const w = want[j]!;
          if (!(ulps(g, w) <= 1 || (Math.abs(g) < 1e-300 && Math.abs(w) < 1e-300))) throw new Error(`run sum ${g} vs exact ${w}`);
        });
      }),
      { numRuns: 400, seed: 4242 },
    );
  });

  it("cancellation does not hurt: huge residuals around tiny ones", () => {
    const res = [1e16, 1, -1e16, 3, 1e-3, -2, 5e15, -5e15, 0.1];
    const fit = { residuals: Float64Array.from(res), used: Int32Array.from(res, (_, i) => i) };
    for (const L of [2, 3, 4, 5]) {
      const want = Array.from({ length: res.length - L + 1 }, (_, j) => exactSum(res.slice(j, j + L))).sort((a, b) => a - b);
      expect(Array.from(sqNullDistribution(fit, L).sums).map((g, j) => ulps(g, want[j]!))).toEqual(want.map(() => 0));
    }
  });

  it("sqTestsOfFit (eventStudy's batch) gives exactly what sqTest gives for each CAR", () => {
    const rng = createRandom(77);
    for (let rep = 0; rep < 50; rep++) {
      const M = 30 + rng.int(200);
      const residuals = Float64Array.from({ length: M }, () => 0.01 * rng.normal());
      if (rep % 7 === 0) residuals[rng.int(M)] = Number.NaN;
      const fit = { residuals, used: Int32Array.from({ length: M }, (_, i) => i) };
      const cars = [1, 3, 6, 11].map((n) => ({ car: 0.02 * rng.normal(), n, length: n }) as unknown as CarResult);
      cars.push({ car: Number.NaN, n: 3, length: 3 } as unknown as CarResult);
      const out = new Float64Array(3 * cars.length + 3);
      sqTestsOfFit(cars, fit, out, 3);
      cars.forEach((car, k) => {
        const one = Number.isFinite(car.car) ? sqTest(car, fit) : { p_value: Number.NaN, lower: Number.NaN, upper: Number.NaN };
        expect([out[3 + 3 * k], out[4 + 3 * k], out[5 + 3 * k]]).toEqual([one.p_value, one.lower, one.upper]);
      });
    }
  });
});
