// Unit tests of the cross-event test kernels on small hand-computed cases. Reference numbers
// are worked out in the comments (or come from R where stated: p.adjust, wilcox.test,
// psignrank, R 4.2.2).
import { describe, expect, it } from "vitest";
import {
  adjustedBmpTest,
  adjustedPatellTest,
  adjustPValues,
  averageByKey,
  averageResidualCorrelation,
  bmpTest,
  brownWarner1980Test,
  corradoRankTest,
  corradoZivneyRankTest,
  corradoZivneySignTest,
  crossSectionalTTest,
  generalizedSignProbability,
  generalizedSignTest,
  grankTest,
  jackknifeTest,
  lambTest,
  patellTest,
  signedRankDistribution,
  signTest,
  skewnessAdjustedTTest,
  timeSeriesTTest,
  wilcoxonSignedRankTest,
} from "../../../src/inference/cross/index.js";
import { normalSf, studentTTwoSided } from "../../../src/stats/index.js";
import { expectClose } from "../../golden/expect-close.js";

const R12 = { rtol: 1e-12 };

describe("crossSectionalTTest(x)", () => {
  it("is mean/(s/√N) with t(N − 1): [1…5] gives 3√2, df 4", () => {
    const r = crossSectionalTTest([1, 2, 3, 4, 5]);
    expectClose(r.statistic, 3 * Math.SQRT2, R12, "t");
    expect(r.df).toBe(4);
    expect(r.n).toBe(5);
    expectClose(r.p_value, studentTTwoSided(3 * Math.SQRT2, 4), R12, "p");
  });
  it("skips NaN and gives NaN below two values", () => {
    expect(crossSectionalTTest([1, Number.NaN, 2, 3, 4, 5]).n).toBe(5);
    expect(crossSectionalTTest([1]).statistic).toBeNaN();
  });
});

describe("patellTest(sar, df) and adjustedPatellTest", () => {
  it("Z = ΣSAR/√(Σν/(ν − 2)): [1, 2, 3] with ν = 10 gives 6/√3.75", () => {
    const r = patellTest([1, 2, 3], [10, 10, 10]);
    expectClose(r.statistic, 6 / Math.sqrt(3.75), R12, "Z");
    expectClose(r.p_value, 2 * normalSf(6 / Math.sqrt(3.75)), R12, "p");
    expect(r.df).toBeUndefined();
  });
  it("adjusted: Z·√(1/(1 + (N − 1)r̄))", () => {
    const r = adjustedPatellTest([1, 2, 3], [10, 10, 10], 0.25);
    expectClose(r.statistic, (6 / Math.sqrt(3.75)) * Math.sqrt(1 / 1.5), R12, "Z_adj");
    expect(r.details?.rbar).toBe(0.25);
  });
});

describe("bmpTest(sar) and adjustedBmpTest", () => {
  it("BMP is the cross-sectional t of the SARs; KP multiplies by √((1 − r̄)/(1 + (N − 1)r̄))", () => {
    const sar = [1.2, 0.4, 2.1, -0.3];
    const base = crossSectionalTTest(sar).statistic;
    expectClose(bmpTest(sar).statistic, base, R12, "bmp");
    const adj = adjustedBmpTest(sar, 0.1);
    expectClose(adj.statistic, base * Math.sqrt(0.9 / 1.3), R12, "kp");
    expect(adj.df).toBe(3);
  });
});

describe("skewnessAdjustedTTest(x)", () => {
  it("equals √N(S + γS²/3 + γ/(6N)) — for symmetric data γ = 0 and it is the t statistic", () => {
    const x = [1, 2, 3, 4, 5];
    expectClose(skewnessAdjustedTTest(x).statistic, 3 * Math.SQRT2, R12, "symmetric");
    // x = [0, 0, 3]: mean 1, s = √3, Σd³ = (−1)³·2 + 2³ = 6, γ = 6/(3·3√3) = 2/(3√3), S = 1/√3
    const g = 2 / (3 * Math.sqrt(3));
    const S = 1 / Math.sqrt(3);
    const want = Math.sqrt(3) * (S + (g * S * S) / 3 + g / 18);
    expectClose(skewnessAdjustedTTest([0, 0, 3]).statistic, want, R12, "skewed");
  });
});

describe("jackknifeTest(x, variance)", () => {
  it("with equal variances the pseudo-values are the observations (the cross-sectional t)", () => {
    const x = [0.01, 0.02, -0.005, 0.015];
    expectClose(jackknifeTest(x, [1, 1, 1, 1]).statistic, crossSectionalTTest(x).statistic, { rtol: 1e-10 }, "J");
  });
  it("with unequal variances: pseudo-values p_i = Nθ − (N − 1)θ₋ᵢ of the weighted mean", () => {
    // x = [1, 2, 4], w = [1, 1, 2]: θ = (1 + 2 + 8)/4 = 2.75; θ₋₁ = 10/3, θ₋₂ = 3, θ₋₃ = 1.5
    // p = [8.25 − 20/3, 8.25 − 6, 8.25 − 3] = [1.5833…, 2.25, 5.25]
    const p = [8.25 - 20 / 3, 2.25, 5.25];
    const r = jackknifeTest([1, 2, 4], [1, 1, 0.5]);
    expectClose(r.statistic, crossSectionalTTest(p).statistic, R12, "J");
    expect(r.details?.estimate).toBe(2.75);
  });
});

describe("signTest / generalizedSignTest", () => {
  it("w = #{x > 0}; zero counts as not positive", () => {
    const r = signTest([0.01, 0.02, -0.01, 0.03]);
    expect(r.statistic).toBe(1);
    expect(r.details?.w).toBe(3);
    expect(signTest([0, 0, 1, -1]).details?.w).toBe(1);
  });
  it("p̂: mean of per-event fractions (Cowan) or pooled (estudy2)", () => {
    const est = [
      [0.1, -0.2, 0.3],
      [0.1, -0.1],
    ];
    expectClose(generalizedSignProbability(est), (2 / 3 + 1 / 2) / 2, R12, "mean");
    expectClose(generalizedSignProbability(est, "pooled"), 3 / 5, R12, "pooled");
  });
  it("Z = (w − Np̂)/√(Np̂(1 − p̂))", () => {
    const r = generalizedSignTest([1, 1, 1, -1, 1], 0.4);
    expectClose(r.statistic, (4 - 2) / Math.sqrt(5 * 0.4 * 0.6), R12, "Z");
  });
});

describe("signedRankDistribution(n) and wilcoxonSignedRankTest(x)", () => {
  it("n = 3: counts 1,1,1,2,1,1,1 over 8", () => {
    expect(Array.from(signedRankDistribution(3))).toEqual([1, 1, 1, 2, 1, 1, 1].map((c) => c / 8));
  });
  it("sums to 1 and matches R psignrank(10, 12) = 0.010498046875", () => {
    const d = signedRankDistribution(12);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    let cdf = 0;
    for (let w = 0; w <= 10; w++) cdf += d[w]!;
    expectClose(cdf, 0.010498046875000007, R12, "psignrank");
  });
  it("n = 50 is exact in doubles (the central count is an integer below 2^53)", () => {
    const d = signedRankDistribution(50);
    const mid = d[637]! * 2 ** 50;
    expect(Number.isInteger(mid)).toBe(true);
  });
  it("exact p: seven values, one negative with the smallest |x|, W⁺ = 27, p = 2·2/128", () => {
    const r = wilcoxonSignedRankTest([0.5, 1.2, -0.3, 2.0, 0.8, 1.1, 0.9]);
    expect(r.statistic).toBe(27);
    expect(r.p_value).toBe(0.03125);
    expect(r.details?.exact).toBe(1);
  });
  it("ties: normal approximation with tie correction, as R wilcox.test(exact = FALSE, correct = FALSE)", () => {
    const r = wilcoxonSignedRankTest([1.5, -0.5, 2, 2, -1, 3, 0.25, -2]);
    expect(r.details?.exact).toBe(0);
    expectClose(r.p_value, 0.32460611172618192, { rtol: 1e-12 }, "p");
  });
});

describe("averageResidualCorrelation(series)", () => {
  it("uses common calendar days only and averages over pairs i < j", () => {
    // a and b perfectly correlated on days 2..5; c has no common day with a or b -> counts 0
    const a = { days: [1, 2, 3, 4, 5], values: [9, 1, 2, 3, 5] };
    const b = { days: [2, 3, 4, 5, 6], values: [2, 4, 6, 10, -7] };
    const c = { days: [10, 11, 12], values: [1, 2, 3] };
    expectClose(averageResidualCorrelation([a, b]).rbar, 1, R12, "pair");
    const r = averageResidualCorrelation([a, b, c]);
    expect(r.pairs).toBe(3);
    expect(r.overlapping).toBe(1);
    expectClose(r.rbar, 1 / 3, R12, "three");
  });
});

describe("portfolio tests", () => {
  it("averageByKey pools values by key", () => {
    expect(
      Array.from(
        averageByKey([
          { keys: [1, 2], values: [0.1, 0.3] },
          { keys: [2, 3], values: [0.1, 0.2] },
        ]),
      ),
    ).toEqual([0.1, 0.2, 0.2]);
  });
  it("timeSeriesTTest = estimate/(√L·sd), t(M − 1)", () => {
    const port = [1, 2, 3, 4, 5]; // sd √2.5
    const r = timeSeriesTTest(3, port, { length: 4 });
    expectClose(r.statistic, 3 / (2 * Math.sqrt(2.5)), R12, "t");
    expect(r.df).toBe(4);
    expect(timeSeriesTTest(3, port, { df: "normal" }).df).toBeUndefined();
  });
  it("brownWarner1980Test: S = √Σs²/N", () => {
    const r = brownWarner1980Test(0.01, [1e-4, 2e-4, 1e-4]);
    expectClose(r.statistic, 0.01 / (Math.sqrt(4e-4) / 3), R12, "t");
  });
  it("lambTest: estimate/(sd·√C)", () => {
    expectClose(lambTest(3, [1, 2, 3, 4, 5], 1.21).statistic, 3 / (Math.sqrt(2.5) * 1.1), R12, "lamb");
  });
});

describe("rank tests on keyed series", () => {
  it("corradoRankTest: one event [0.1, −0.2, 0.4] on keys −2..0 -> deviations [0, −1, 1], S_K = √(2/3), Z_0 = 1/S_K", () => {
    const s = [{ keys: [-2, -1, 0], values: [0.1, -0.2, 0.4] }];
    expectClose(corradoRankTest(s, [0]).statistic, 1 / Math.sqrt(2 / 3), R12, "Z");
    // window of keys −1..0: (−1 + 1)/(√2 S_K) = 0
    expect(corradoRankTest(s, [-1, 0]).statistic).toBe(0);
  });
  it("corradoZivneyRankTest: two events, U − ½ pooled with N_t^{-1/2}", () => {
    // both events rank [2, 1, 3] -> U − ½ = [0, −1/4, 1/4]; per key sum/√2 = [0, −√2/4, √2/4]
    const s = [
      { keys: [-2, -1, 0], values: [0.1, -0.2, 0.4] },
      { keys: [-2, -1, 0], values: [5, 1, 9] },
    ];
    const q = Math.SQRT2 / 4;
    const S = Math.sqrt((2 * q * q) / 3);
    expectClose(corradoZivneyRankTest(s, [0]).statistic, q / S, R12, "Z");
  });
  it("corradoZivneySignTest: signs about each event's median", () => {
    const s = [{ keys: [-3, -2, -1, 0], values: [1, 2, 3, 4] }]; // median 2.5: G = [−1, −1, 1, 1]
    expectClose(corradoZivneySignTest(s, [0]).statistic, 1, R12, "Z");
  });
  it("ranks are invariant to a monotone transformation of each event's values", () => {
    const a = [{ keys: [1, 2, 3, 4, 5], values: [0.3, -0.1, 0.2, 0.5, -0.4] }];
    const b = [{ keys: [1, 2, 3, 4, 5], values: [0.3, -0.1, 0.2, 0.5, -0.4].map((v) => Math.exp(3 * v)) }];
    expect(corradoRankTest(a, [5]).statistic).toBe(corradoRankTest(b, [5]).statistic);
  });
});

describe("grankTest(estimation, scar)", () => {
  it("hand case: two events, M = 3, SCAR* the largest value of each -> U_0 = 4/5 − ½", () => {
    const est = [
      { keys: [-3, -2, -1], values: [0.5, -1, 0.2] },
      { keys: [-3, -2, -1], values: [1, -0.4, 0.1] },
    ];
    // SCAR = [3, 2] -> sd = 1/√2 -> SCAR* = [4.24, 2.83]: rank 4 of 4 in both; T = 4 keys incl. event
    // U: event 1 ranks [3, 1, 2, 4] -> [0.1, −0.3, −0.1, 0.3]; event 2 ranks [3, 1, 2, 4] likewise
    const r = grankTest(est, [3, 2]);
    const ub = [0.1, -0.3, -0.1, 0.3];
    const S = Math.sqrt(ub.reduce((a, u) => a + u * u, 0) / 4);
    const z = 0.3 / S;
    expectClose(r.t.details!.z!, z, R12, "Z");
    expectClose(r.t.statistic, z * Math.sqrt(2 / (3 - z * z)), R12, "t");
    expect(r.t.df).toBe(2);
    expectClose(r.z.statistic, 0.3 / Math.sqrt(3 / (12 * 2 * 5)), R12, "Z theoretical");
  });
});

describe("adjustPValues(p, method)", () => {
  const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, Number.NaN];
  it("holm matches R p.adjust(p, 'holm')", () => {
    const want = [0.008, 0.056, 0.234, 0.234, 0.234, 0.234, 0.234, 0.234];
    const got = adjustPValues(p, "holm");
    want.forEach((w, i) => expectClose(got[i]!, w, R12, `holm[${i}]`));
    expect(got[8]).toBeNaN();
  });
  it("bh matches R p.adjust(p, 'BH')", () => {
    const want = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.084571428571428561, 0.205];
    const got = adjustPValues(p, "bh");
    want.forEach((w, i) => expectClose(got[i]!, w, R12, `bh[${i}]`));
  });
  it("rejects an unknown method", () => {
    expect(() => adjustPValues([0.1], "bonferroni" as never)).toThrow(/adjust/);
  });
});
