import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covariance, mean, neumaierError, sum, variance } from "../../src/stats/index.js";
import { createRandom } from "../../src/stats/random.js";

describe("sum, mean, variance, covariance (hand-computed)", () => {
  it("sum(x) recovers terms that naive summation loses", () => {
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect(sum(new Float64Array([0.1, 0.2, 0.3, -0.6]))).toBeCloseTo(0, 15);
    expect(sum([])).toBe(0);
    expect(sum([1, Number.NaN])).toBeNaN();
  });

  it("mean(x)", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
  });

  it("variance(x, ddof)", () => {
    expect(variance([1, 2, 3, 4])).toBe(5 / 3);
    expect(variance([1, 2, 3, 4], 0)).toBe(1.25);
    expect(variance([5])).toBeNaN();
    expect(variance([5], 0)).toBe(0);
    // shifted data: E[x²] − E[x]² would return garbage here
    expect(variance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
    expect(variance(new Float64Array([1e15 + 2, 1e15 + 4, 1e15 + 6]))).toBe(4);
  });

  it("covariance(x, y, ddof)", () => {
    expect(covariance([1, 2, 3], [2, 4, 6])).toBe(2);
    expect(covariance([1, 2, 3], [3, 2, 1], 0)).toBeCloseTo(-2 / 3, 15);
    expect(covariance([1], [1])).toBeNaN();
  });
});

/** Exact sum of doubles of the form m·2^e (|e| ≤ 60) with BigInt arithmetic, rounded once. */
function exactSum(values: readonly number[]): number {
  const SHIFT = 80n;
  let acc = 0n;
  for (const v of values) acc += BigInt(v * 2 ** 80); // exact: v·2^80 is an integer < 2^(53+140)
  // Number(bigint) rounds to nearest; dividing by a power of two is exact here
  return Number(acc) / 2 ** Number(SHIFT);
}

function naiveSum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

const EPS = 2.220446049250313e-16;

describe("sum (property, fast-check)", () => {
  // adversarial: huge terms that cancel, mixed with small ones, all exactly representable as m·2^e
  const term = fc.tuple(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.integer({ min: -60, max: 60 })).map(([m, e]) => m * 2 ** e);
  const adversarial = fc
    .tuple(fc.array(term, { minLength: 1, maxLength: 40 }), fc.array(fc.integer({ min: 50, max: 60 }), { minLength: 1, maxLength: 5 }))
    .map(([small, bigExp]) => {
      const out = [...small];
      for (const e of bigExp) {
        const big = 2 ** e + 1;
        out.splice(out.length >> 1, 0, big);
        out.push(-big);
      }
      return out;
    });

  it("sum(x) is at least as accurate as naive summation against an exact reference", () => {
    let strictlyBetter = 0;
    fc.assert(
      fc.property(adversarial, (xs) => {
        const exact = exactSum(xs);
        const errComp = Math.abs(sum(xs) - exact);
        const errNaive = Math.abs(naiveSum(xs) - exact);
        if (errComp < errNaive) strictlyBetter++;
        let absSum = 0;
        for (const v of xs) absSum += Math.abs(v);
        // Neumaier bound: ε|S| + 2nε²Σ|x| (naive can be lucky, so "or within the bound")
        const bound = EPS * Math.abs(exact) + 2 * xs.length * EPS * EPS * absSum;
        return errComp <= errNaive || errComp <= bound;
      }),
      { numRuns: 500, seed: 42 },
    );
    expect(strictlyBetter).toBeGreaterThan(100);
  });

  it("sum(x) satisfies the Neumaier error bound eps|S| + 2n eps^2 sum|x|", () => {
    fc.assert(
      fc.property(adversarial, (xs) => {
        const exact = exactSum(xs);
        let absSum = 0;
        for (const v of xs) absSum += Math.abs(v);
        return Math.abs(sum(xs) - exact) <= EPS * Math.abs(exact) + 2 * xs.length * EPS * EPS * absSum;
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("neumaierError", () => {
  // Neumaier's branch form, the definition the branch-free form must reproduce bit for bit
  const definition = (s: number, v: number, t: number): number => (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
  it("is Neumaier's rounding error, bit for bit, for mixed signs, magnitudes far apart, ties and zeros", () => {
    const rng = createRandom(7);
    const cases: [number, number][] = [
      [1e16, 1],
      [1, 1e16],
      [-0, 0],
      [0, -0],
      [-0, -0],
      [0.1, 0.2],
      [2 ** 53, -1],
      [-(2 ** 53), 0.5],
      [1e-300, -1e-300],
      [Number.MAX_VALUE / 3, 1e-10],
    ];
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** (rng.int(40) - 20);
      cases.push([rng.normal() * scale, rng.normal() * 10 ** (rng.int(40) - 20)]);
    }
    for (const [s, v] of cases) {
      const t = s + v;
      expect(neumaierError(s, v, t)).toBe(definition(s, v, t));
    }
  });
});
