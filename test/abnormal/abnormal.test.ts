// Unit tests of src/abnormal: hand-computed cases and closed forms of docs/methods.md.
import { describe, expect, it } from "vitest";
import {
  abnormalCovariance,
  abnormalReturns,
  buyAndHoldAbnormalReturn,
  buyAndHoldReturn,
  cumulativeAbnormalReturn,
  cumulativeAbnormalReturnPath,
  cumulativeAbnormalReturns,
} from "../../src/abnormal/index.js";
import { carsOf, newCarRecord } from "../../src/abnormal/car.js";
import { isMarketReactionError } from "../../src/errors.js";
import type { ModelFit } from "../../src/models/types.js";
import { createRandom, studentTTwoSided } from "../../src/stats/index.js";
import { expectAllClose, expectClose } from "../golden/expect-close.js";
import { fitOls, predictOls } from "./helpers.js";

/** A hand-made market-model fit: alpha 0.001, beta 1.2, s² = 1e-4, M = 100, C = diag(0.01, 100). */
function handFit(): ModelFit {
  return {
    spec: { type: "market" },
    model: "market",
    names: ["alpha", "beta"],
    coefficients: new Float64Array([0.001, 1.2]),
    sigma2: 1e-4,
    df: 98,
    nObs: 100,
    k: 2,
    r2: 0.5,
    covUnscaled: new Float64Array([0.01, 0, 0, 100]),
    used: new Int32Array(0),
    residuals: new Float64Array(0),
  };
}

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

/** Simulated market-model data: M estimation + m event observations. */
function marketData(seed: number, M: number, m: number) {
  const rng = createRandom(seed);
  const x = Float64Array.from({ length: M + m }, () => 0.0003 + 0.01 * rng.normal());
  const y = Float64Array.from(x, (v) => 0.0002 + 1.1 * v + 0.006 * rng.normal());
  return { xe: x.subarray(0, M), ye: y.subarray(0, M), xv: x.subarray(M), yv: y.subarray(M) };
}

describe("abnormalReturns(fit, prediction, actual, options)", () => {
  it("computes AR, Var(AR) = s²(1 + x'Cx), t = SAR and p by hand", () => {
    const fit = handFit();
    const prediction = { expected: new Float64Array([0.013, -0.011]), design: new Float64Array([1, 1, 0.01, -0.01]) };
    const ars = abnormalReturns(fit, prediction, [0.02, -0.03], { start: -1 });
    expectAllClose(ars.ar, [0.007, -0.019], { rtol: 1e-14 });
    // x'Cx = 0.01 + 100·0.0001 = 0.02 → 1e-4·1.02
    expectAllClose(ars.variance, [1.02e-4, 1.02e-4], { rtol: 1e-14 });
    expectAllClose(ars.t, [0.007 / Math.sqrt(1.02e-4), -0.019 / Math.sqrt(1.02e-4)], { rtol: 1e-13 });
    expect(ars.sar).toBe(ars.t);
    // p-values: two-sided t(98), R: 2*pt(-0.007/sqrt(1.02e-4), 98) = 0.48988…, checked against our kernel
    for (let i = 0; i < 2; i++) expect(ars.pValue[i]).toBe(studentTTwoSided(ars.t[i]!, 98));
    expect(ars.start).toBe(-1);
    expect(ars.length).toBe(2);
    expect(ars.df).toBe(98);
    expect(ars.returnType).toBe("simple");
    expect(ars.actual).toBeInstanceOf(Float64Array);
    expect(ars.expected).toBe(prediction.expected);
  });

  it("matches the market-model closed form Var(AR) = s²(1 + 1/M + (R_m − R̄_m)²/S_mm)", () => {
    const { xe, ye, xv, yv } = marketData(11, 120, 7);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const ars = abnormalReturns(fit, predictOls(fit, [Float64Array.from(xv)], 7), yv);
    const M = xe.length;
    const xbar = xe.reduce((a, b) => a + b, 0) / M;
    const smm = xe.reduce((a, b) => a + (b - xbar) ** 2, 0);
    for (let i = 0; i < 7; i++) {
      const want = fit.sigma2 * (1 + 1 / M + (xv[i]! - xbar) ** 2 / smm);
      expectClose(ars.variance[i]!, want, { rtol: 1e-12 }, `Var(AR)[${i}]`);
    }
  });

  it("k = 0 (market-adjusted): Var(AR) = s², no design", () => {
    const fit: ModelFit = { ...handFit(), k: 0, names: [], coefficients: new Float64Array(0), covUnscaled: new Float64Array(0), df: 100 };
    const ars = abnormalReturns(fit, { expected: new Float64Array([0.01, 0.02]), design: new Float64Array(0) }, [0.03, 0.02]);
    expect(Array.from(ars.variance)).toEqual([1e-4, 1e-4]);
    expectAllClose(ars.ar, [0.02, 0], { rtol: 1e-14, atol: 1e-18 });
  });

  it("missing returns give NaN AR, t and p (the variance survives when the regressors are known)", () => {
    const fit = handFit();
    const prediction = { expected: new Float64Array([0.013, Number.NaN]), design: new Float64Array([1, 1, 0.01, Number.NaN]) };
    const ars = abnormalReturns(fit, prediction, [Number.NaN, 0.01]);
    expect(Number.isNaN(ars.ar[0]!)).toBe(true);
    expectClose(ars.variance[0]!, 1.02e-4, { rtol: 1e-14 }, "variance");
    expect(Number.isNaN(ars.t[0]!)).toBe(true);
    expect(Number.isNaN(ars.pValue[0]!)).toBe(true);
    expect(Number.isNaN(ars.variance[1]!)).toBe(true);
  });

  it("throws INVALID_INPUT on inconsistent shapes and INVALID_OPTION on bad options", () => {
    const fit = handFit();
    const prediction = { expected: new Float64Array(2), design: new Float64Array(4) };
    expectCode(() => abnormalReturns(fit, prediction, [1, 2, 3]), "INVALID_INPUT");
    expectCode(() => abnormalReturns(fit, { expected: new Float64Array(2), design: new Float64Array(3) }, [1, 2]), "INVALID_INPUT");
    expectCode(() => abnormalReturns({ ...fit, covUnscaled: new Float64Array(3) }, prediction, [1, 2]), "INVALID_INPUT");
    expectCode(() => abnormalReturns(fit, prediction, [1, 2], { start: 0.5 }), "INVALID_OPTION");
    expectCode(() => abnormalReturns(fit, prediction, [1, 2], { returnType: "percent" as never }), "INVALID_OPTION");
  });
});

describe("abnormalCovariance(fit, prediction)", () => {
  it("constant mean: V = s²(I + J/M)", () => {
    const fit: ModelFit = {
      ...handFit(),
      k: 1,
      names: ["alpha"],
      coefficients: new Float64Array([0]),
      sigma2: 2,
      nObs: 4,
      df: 3,
      covUnscaled: new Float64Array([0.25]),
    };
    const V = abnormalCovariance(fit, { expected: new Float64Array(3), design: new Float64Array([1, 1, 1]) });
    expect(Array.from(V)).toEqual([2.5, 0.5, 0.5, 0.5, 2.5, 0.5, 0.5, 0.5, 2.5]);
  });

  it("is symmetric, its diagonal is Var(AR), and window blocks sum to Var(CAR)", () => {
    const { xe, ye, xv, yv } = marketData(5, 80, 9);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const prediction = predictOls(fit, [Float64Array.from(xv)], 9);
    const V = abnormalCovariance(fit, prediction);
    const ars = abnormalReturns(fit, prediction, yv, { start: -4 });
    for (let i = 0; i < 9; i++) {
      expectClose(V[i * 9 + i]!, ars.variance[i]!, { rtol: 1e-15 }, "diag");
      for (let j = 0; j < 9; j++) expect(V[i * 9 + j]).toBe(V[j * 9 + i]);
    }
    for (const w of [
      [-4, 4],
      [-1, 1],
      [0, 3],
      [2, 2],
    ] as const) {
      let block = 0;
      for (let i = w[0] + 4; i <= w[1] + 4; i++) for (let j = w[0] + 4; j <= w[1] + 4; j++) block += V[i * 9 + j]!;
      expectClose(cumulativeAbnormalReturn(ars, w).variance, block, { rtol: 1e-13 }, `block ${w.join(",")}`);
    }
  });
});

describe("cumulativeAbnormalReturn(ars, window, options)", () => {
  it("market model: Var(CAR) = s²[L + L²/M + (Σ(R_m − R̄_m))²/S_mm] (MacKinlay 1997)", () => {
    const { xe, ye, xv, yv } = marketData(7, 150, 11);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const ars = abnormalReturns(fit, predictOls(fit, [Float64Array.from(xv)], 11), yv, { start: -5 });
    const M = 150;
    const xbar = xe.reduce((a, b) => a + b, 0) / M;
    const smm = xe.reduce((a, b) => a + (b - xbar) ** 2, 0);
    for (const [a, b] of [
      [-5, 5],
      [0, 0],
      [-1, 1],
      [0, 5],
    ] as const) {
      const L = b - a + 1;
      let d = 0;
      let car = 0;
      for (let i = a + 5; i <= b + 5; i++) {
        d += xv[i]! - xbar;
        car += ars.ar[i]!;
      }
      const want = fit.sigma2 * (L + (L * L) / M + (d * d) / smm);
      const c = cumulativeAbnormalReturn(ars, [a, b]);
      expectClose(c.variance, want, { rtol: 1e-12 }, `Var(CAR) [${a},${b}]`);
      expectClose(c.car, car, { rtol: 1e-13 }, "CAR");
      expect(c.length).toBe(L);
      expect(c.n).toBe(L);
      expect(c.from).toBe(a + 5);
      expect(c.to).toBe(b + 6);
      expect(c.se).toBe(Math.sqrt(c.variance));
      expect(c.t).toBe(c.car / c.se);
      expect(c.scar).toBe(c.t);
      expect(c.pValue).toBe(studentTTwoSided(c.t, fit.df));
    }
  });

  it("BHAR = Π(1+R) − Π(1+E[R]) over the window", () => {
    const fit = handFit();
    const prediction = { expected: new Float64Array([0.05, 0.05, 0.01]), design: new Float64Array([1, 1, 1, 0.04, 0.04, 0.0075]) };
    const ars = abnormalReturns(fit, prediction, [0.1, 0.1, 0]);
    const c = cumulativeAbnormalReturn(ars, [0, 1]);
    expectClose(c.bhar, 1.21 - 1.1025, { rtol: 1e-14 }, "BHAR");
    expectClose(c.buyAndHold, 0.21, { rtol: 1e-14 }, "BH");
    expectClose(c.expectedBuyAndHold, 0.1025, { rtol: 1e-14 }, "expected BH");
    // log returns: expm1(Σr) − expm1(ΣE[r])
    const logArs = abnormalReturns(fit, prediction, [0.1, 0.1, 0], { returnType: "log" });
    const cl = cumulativeAbnormalReturn(logArs, [0, 2]);
    expectClose(cl.bhar, Math.exp(0.2) - Math.exp(0.11), { rtol: 1e-14 }, "log BHAR");
    expectClose(cl.car, 0.2 - 0.11, { rtol: 1e-14 }, "log CAR");
  });

  it("missing: 'propagate' gives NaN; 'skip' uses the other days consistently", () => {
    const { xe, ye, xv, yv } = marketData(3, 100, 5);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const prediction = predictOls(fit, [Float64Array.from(xv)], 5);
    const actual = Float64Array.from(yv);
    actual[2] = Number.NaN;
    const ars = abnormalReturns(fit, prediction, actual);
    const p = cumulativeAbnormalReturn(ars, [0, 4]);
    for (const v of [p.car, p.variance, p.t, p.pValue, p.bhar]) expect(Number.isNaN(v)).toBe(true);
    expect(p.n).toBe(5);
    const s = cumulativeAbnormalReturn(ars, [0, 4], { missing: "skip" });
    expect(s.n).toBe(4);
    expect(s.length).toBe(5);
    const V = abnormalCovariance(fit, prediction);
    const keep = [0, 1, 3, 4];
    let block = 0;
    let car = 0;
    for (const i of keep) {
      car += ars.ar[i]!;
      for (const j of keep) block += V[i * 5 + j]!;
    }
    expectClose(s.variance, block, { rtol: 1e-13 }, "skip variance");
    expectClose(s.car, car, { rtol: 1e-13 }, "skip CAR");
    const bh = keep.reduce((a, i) => a * (1 + actual[i]!), 1) - keep.reduce((a, i) => a * (1 + prediction.expected[i]!), 1);
    expectClose(s.bhar, bh, { rtol: 1e-11 }, "skip BHAR");
    const all = cumulativeAbnormalReturn(ars, [2, 2], { missing: "skip" });
    expect(all.n).toBe(0);
    expect(Number.isNaN(all.car)).toBe(true);
  });

  it("rejects windows outside the predicted sessions and unknown policies", () => {
    const fit = handFit();
    const ars = abnormalReturns(fit, { expected: new Float64Array(3), design: new Float64Array(6).fill(1) }, [0, 0, 0], { start: -1 });
    expectCode(() => cumulativeAbnormalReturn(ars, [-2, 0]), "INVALID_OPTION");
    expectCode(() => cumulativeAbnormalReturn(ars, [0, 2]), "INVALID_OPTION");
    expectCode(() => cumulativeAbnormalReturn(ars, [1, 0]), "INVALID_OPTION");
    expectCode(() => cumulativeAbnormalReturn(ars, [0, 0.5]), "INVALID_OPTION");
    expectCode(() => cumulativeAbnormalReturn(ars, [0, 1], { missing: "zero" as never }), "INVALID_OPTION");
    expectCode(
      () =>
        cumulativeAbnormalReturns(ars, [
          [-1, 1],
          [0, 3],
        ]),
      "INVALID_OPTION",
    );
  });

  it("cumulativeAbnormalReturns gives one record per window, in order", () => {
    const { xe, ye, xv, yv } = marketData(9, 60, 11);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const ars = abnormalReturns(fit, predictOls(fit, [Float64Array.from(xv)], 11), yv, { start: -5 });
    const windows = [
      [0, 0],
      [-1, 1],
      [0, 5],
    ] as const;
    const many = cumulativeAbnormalReturns(ars, windows);
    expect(many).toHaveLength(3);
    many.forEach((c, i) => expect(c).toEqual(cumulativeAbnormalReturn(ars, windows[i]!)));
  });

  it("a study's reused CAR records hold exactly what fresh records would, pair after pair (a missing day included)", () => {
    const windows = [
      [0, 0],
      [-1, 1],
      [0, 5],
    ] as const;
    const records = windows.map(() => newCarRecord());
    for (const [seed, missingDay] of [
      [9, -1],
      [10, 6],
      [11, -1],
    ] as const) {
      const { xe, ye, xv, yv } = marketData(seed, 60, 11);
      if (missingDay >= 0) yv[missingDay] = Number.NaN; // day +1: two windows have no CAR
      const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
      const ars = abnormalReturns(fit, predictOls(fit, [Float64Array.from(xv)], 11), yv, { start: -5 });
      const fresh = carsOf(ars, windows);
      expect(carsOf(ars, windows, records)).toBe(records);
      expect(records).toEqual(fresh);
      expect(Object.keys(records[0]!)).toEqual(Object.keys(fresh[0]!));
    }
    expect(Number.isNaN(records[1]!.car)).toBe(false); // the last pair had no missing day
  });
});

describe("cumulativeAbnormalReturnPath(ars, window)", () => {
  it("each point equals the CAR and variance of the window [τ1, τ]", () => {
    const { xe, ye, xv, yv } = marketData(13, 90, 11);
    const fit = fitOls(Float64Array.from(ye), [Float64Array.from(xe)], "market");
    const ars = abnormalReturns(fit, predictOls(fit, [Float64Array.from(xv)], 11), yv, { start: -5 });
    const path = cumulativeAbnormalReturnPath(ars, [-2, 4]);
    expect(Array.from(path.offsets)).toEqual([-2, -1, 0, 1, 2, 3, 4]);
    for (let j = 0; j < 7; j++) {
      const c = cumulativeAbnormalReturn(ars, [-2, -2 + j]);
      expect(path.car[j]).toBe(c.car);
      expectClose(path.variance[j]!, c.variance, { rtol: 1e-15 }, `variance ${j}`);
    }
    const full = cumulativeAbnormalReturnPath(ars);
    expect(full.offsets.length).toBe(11);
  });

  it("propagate: NaN from the first missing AR on; skip: flat there", () => {
    const fit = handFit();
    const ars = abnormalReturns(fit, { expected: new Float64Array(3), design: new Float64Array([1, 1, 1, 0, 0, 0]) }, [0.01, Number.NaN, 0.02]);
    const p = cumulativeAbnormalReturnPath(ars);
    expect(p.car[0]).toBe(0.01);
    expect(Number.isNaN(p.car[1]!)).toBe(true);
    expect(Number.isNaN(p.car[2]!)).toBe(true);
    const s = cumulativeAbnormalReturnPath(ars, [0, 2], { missing: "skip" });
    expect(Array.from(s.car)).toEqual([0.01, 0.01, 0.01 + 0.02]);
    expect(s.variance[1]).toBe(s.variance[0]);
  });
});

describe("buyAndHoldReturn / buyAndHoldAbnormalReturn", () => {
  it("compounds simple and log returns", () => {
    expectClose(buyAndHoldReturn([0.1, -0.1]), -0.01, { rtol: 1e-14 }, "simple");
    expectClose(buyAndHoldReturn([Math.log(1.1)], "log"), 0.1, { rtol: 1e-14 }, "log");
    expect(buyAndHoldReturn([])).toBe(0);
    expectClose(buyAndHoldReturn([0.1, 0.2, 0.3], "simple", 1, 3), 0.56, { rtol: 1e-14 }, "range");
    expectClose(buyAndHoldAbnormalReturn([0.1, 0.1], [0.05, 0.05]), 0.1075, { rtol: 1e-14 }, "BHAR");
  });

  it("keeps full relative accuracy for tiny returns and nearly equal products", () => {
    // (1 + 1e-10)² − 1 = 2e-10 + 1e-20 exactly; the naive product loses ~6 digits
    expectClose(buyAndHoldReturn([1e-10, 1e-10]), 2.0000000001e-10, { rtol: 1e-15 }, "tiny");
    // Π(1+R) − Π(1+E) with R and E differing by d ≈ 1e-12 on one day: exactly 1.02·d (d = a − b is
    // exact by Sterbenz). expm1/log1p gets ~1e-6 relative; the naive product difference ~7e-5.
    const a = 0.01 + 1e-12;
    const b = 0.01;
    expectClose(buyAndHoldAbnormalReturn([0.02, a], [0.02, b]), 1.02 * (a - b), { rtol: 1e-5 }, "near-equal");
  });

  it("propagates NaN", () => {
    expect(Number.isNaN(buyAndHoldReturn([0.1, Number.NaN]))).toBe(true);
    expect(Number.isNaN(buyAndHoldAbnormalReturn([0.1], [Number.NaN]))).toBe(true);
  });
});
