import { describe, expect, it } from "vitest";
import { createRandom, createRandomFromState, portableLog } from "../../src/stats/random.js";
import { isMarketReactionError } from "../../src/errors.js";
import { readProjectFile } from "../helpers/shared-data.js";

interface ReferenceCase {
  seed: number;
  splitmix64: [string, string];
  state: [number, number, number, number];
  uint32: number[];
  next: number[];
  int: Record<string, number[]>;
  normal: number[];
}

// Produced by scripts/golden/prng_reference.py (an independent Python implementation that
// first checks itself against the published SplitMix64 and xoshiro128** vectors).
const reference = JSON.parse(readProjectFile("scripts/golden/prng_reference.json")) as { cases: ReferenceCase[] };

function expectThrowsCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isMarketReactionError(caught) && caught.code === code).toBe(true);
}

describe("createRandom(seed): published vectors", () => {
  it("seeds from SplitMix64: seed 1234567 gives the Rosetta Code outputs 6457827717110365317, 3203168211198807973", () => {
    const words = createRandom(1234567).state().words;
    const first = (BigInt(words[1]) << 32n) | BigInt(words[0]);
    const second = (BigInt(words[3]) << 32n) | BigInt(words[2]);
    expect(first).toBe(6457827717110365317n);
    expect(second).toBe(3203168211198807973n);
  });

  it("seed 0 starts from SplitMix64(0) = 0xE220A8397B1DCDAF", () => {
    const [lo, hi] = createRandom(0).state().words;
    expect(((BigInt(hi) << 32n) | BigInt(lo)).toString(16)).toBe("e220a8397b1dcdaf");
  });

  it("steps like the C reference xoshiro128** (state 964D4A0C D40AB895 AD7FDECB 3006F0F0)", () => {
    const rng = createRandomFromState({ words: [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0] });
    expect([rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
    expect(rng.state().words).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
  });
});

describe("createRandom(seed) against the Python reference", () => {
  for (const c of reference.cases) {
    it(`seed ${c.seed}: state, uint32, next and int match exactly`, () => {
      expect(createRandom(c.seed).state().words).toEqual(c.state);
      const a = createRandom(c.seed);
      expect(Array.from({ length: c.uint32.length }, a.uint32)).toEqual(c.uint32);
      const b = createRandom(c.seed);
      expect(Array.from({ length: c.next.length }, b.next)).toEqual(c.next);
      const d = createRandom(c.seed);
      for (const [n, values] of Object.entries(c.int)) {
        expect(
          values.map(() => d.int(Number(n))),
          `int(${n})`,
        ).toEqual(values);
      }
    });
    it(`seed ${c.seed}: normal() matches to 1e-14 (reference uses math.log)`, () => {
      const rng = createRandom(c.seed);
      for (const z of c.normal) {
        const got = rng.normal();
        expect(Math.abs(got - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
      }
    });
  }
});

describe("createRandom: distribution checks (1e6 draws)", () => {
  const N = 1_000_000;
  it("next() is uniform on [0, 1): mean 1/2 and variance 1/12 within 5 standard errors", () => {
    const rng = createRandom(20250409);
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    const bins = new Float64Array(10);
    for (let i = 0; i < N; i++) {
      const u = rng.next();
      sum += u;
      sumSq += u * u;
      if (u < min) min = u;
      if (u > max) max = u;
      bins[Math.floor(u * 10)]! += 1;
    }
    const mean = sum / N;
    const variance = sumSq / N - mean * mean;
    // SE(mean) = sqrt(1/12 / N) ≈ 2.9e-4; SE(variance) = sqrt((1/80 - 1/144) / N) ≈ 7.5e-5.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Chi-square over 10 equal bins, 9 df: 99.99th percentile is 33.7.
    let chi2 = 0;
    for (const count of bins) chi2 += (count - N / 10) ** 2 / (N / 10);
    expect(chi2).toBeLessThan(33.7);
  });

  it("normal() has mean 0, sd 1, kurtosis 3 and the right tail mass within tolerance", () => {
    const rng = createRandom(7);
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    let beyond196 = 0;
    for (let i = 0; i < N; i++) {
      const z = rng.normal();
      s1 += z;
      s2 += z * z;
      s4 += z ** 4;
      if (Math.abs(z) > 1.959963984540054) beyond196 += 1;
    }
    const mean = s1 / N;
    const sd = Math.sqrt(s2 / N - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N)); // SE 1e-3
    expect(Math.abs(sd - 1)).toBeLessThan(5 * Math.sqrt(0.5 / N)); // SE(sd) ≈ 7.1e-4
    expect(Math.abs(s4 / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N)); // Var(z^4) = 105 - 9 = 96
    // P(|Z| > 1.96) = 0.05; SE of the share is sqrt(0.05 * 0.95 / N) ≈ 2.2e-4.
    expect(Math.abs(beyond196 / N - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / N));
  });

  it("int(6) is unbiased: each face within 5 standard errors of 1/6", () => {
    const rng = createRandom(99);
    const counts = new Float64Array(6);
    for (let i = 0; i < N; i++) counts[rng.int(6)]! += 1;
    const se = Math.sqrt(((1 / 6) * (5 / 6)) / N);
    for (const c of counts) expect(Math.abs(c / N - 1 / 6)).toBeLessThan(5 * se);
  });
});

describe("createRandom: behaviour", () => {
  it("the same seed gives the same stream; different seeds differ", () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const c = createRandom(124);
    const xa = Array.from({ length: 50 }, a.next);
    expect(Array.from({ length: 50 }, b.next)).toEqual(xa);
    expect(Array.from({ length: 50 }, c.next)).not.toEqual(xa);
  });

  it("negative seeds are 64-bit two's complement: -1 seeds SplitMix64 with 2^64 - 1", () => {
    const words = createRandom(-1).state().words;
    const first = (BigInt(words[1]) << 32n) | BigInt(words[0]);
    // SplitMix64 from state 2^64 - 1: the first output of splitmix64(0x9E3779B97F4A7C14).
    expect(first).toBe(BigInt(reference.cases.find((c) => c.seed === -1)!.splitmix64[0]));
  });

  it("state() and createRandomFromState resume the stream, including a cached normal", () => {
    const rng = createRandom(5);
    rng.normal(); // leaves the second normal of the pair cached
    const saved = rng.state();
    expect(saved.spareNormal).toBeDefined();
    const rest = [rng.normal(), rng.normal(), rng.next()];
    const resumed = createRandomFromState(saved);
    expect([resumed.normal(), resumed.normal(), resumed.next()]).toEqual(rest);
  });

  it("int(n) stays in [0, n) for large n", () => {
    const rng = createRandom(11);
    for (const n of [2 ** 32, 2 ** 32 + 1, 2 ** 53]) {
      for (let i = 0; i < 1000; i++) {
        const k = rng.int(n);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      }
    }
  });

  it("rejects bad seeds, bad n and bad states with INVALID_OPTION", () => {
    expectThrowsCode(() => createRandom(1.5), "INVALID_OPTION");
    expectThrowsCode(() => createRandom(Number.NaN), "INVALID_OPTION");
    expectThrowsCode(() => createRandom(2 ** 53), "INVALID_OPTION");
    const rng = createRandom(1);
    expectThrowsCode(() => rng.int(0), "INVALID_OPTION");
    expectThrowsCode(() => rng.int(2.5), "INVALID_OPTION");
    expectThrowsCode(() => createRandomFromState({ words: [0, 0, 0, 0] }), "INVALID_OPTION");
    expectThrowsCode(() => createRandomFromState({ words: [1, 2, 3, 2 ** 32] }), "INVALID_OPTION");
  });
});

describe("portableLog", () => {
  it("agrees with Math.log to 4 ulp over 1e5 values spanning 1e-30 … 1e30 and 1e5 near 1", () => {
    const rng = createRandom(3);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = 10 ** (60 * rng.next() - 30);
      const want = Math.log(x);
      const got = portableLog(x);
      const ulp = Math.max(Number.EPSILON * Math.abs(want), Number.MIN_VALUE);
      worst = Math.max(worst, Math.abs(got - want) / ulp);
    }
    for (let i = 0; i < 100_000; i++) {
      const x = 1 + (rng.next() - 0.5) * 1e-3;
      const want = Math.log(x);
      worst = Math.max(worst, Math.abs(portableLog(x) - want) / (Number.EPSILON * Math.abs(want)));
    }
    expect(worst).toBeLessThanOrEqual(4);
  });
  it("is exact at 1, ln 2 at 2, and handles 0 and negatives", () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
    expect(portableLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(portableLog(-1)).toBeNaN();
  });
});
