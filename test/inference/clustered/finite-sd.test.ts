import { sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { finiteSd } from "../../../src/inference/clustered/volatility.js";
import { createRandom } from "../../../src/stats/random.js";

/** The former definition: simple-statistics on a filtered copy of the finite values. */
function reference(x: Float64Array, start: number, end: number): { sd: number; m: number } {
  const finite = Array.from(x.subarray(Math.max(0, start), Math.min(end, x.length))).filter(Number.isFinite);
  return { sd: finite.length < 2 ? Number.NaN : sampleStandardDeviation(finite), m: finite.length };
}

describe("finiteSd (in place) gives simple-statistics' sample SD bit for bit", () => {
  it("on 20,000 seeded ranges with NaN, infinities, outliers and scales from 1e-6 to 1e5", () => {
    const rng = createRandom(20251202);
    let compared = 0;
    for (let k = 0; k < 20000; k++) {
      const n = 1 + rng.int(300);
      const scale = 10 ** (rng.int(12) - 6);
      const x = Float64Array.from({ length: n }, () => {
        const u = rng.next();
        if (u < 0.05) return Number.NaN;
        if (u < 0.07) return u < 0.06 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        if (u < 0.09) return 1e8 * scale;
        return (rng.normal() + (k % 3)) * scale;
      });
      const start = rng.int(n) - 2;
      const end = Math.max(0, start + rng.int(n + 5));
      const want = reference(x, start, end);
      const got = finiteSd(x, start, end);
      expect(got.m).toBe(want.m);
      expect(Object.is(got.sd, want.sd)).toBe(true);
      if (want.m >= 2) compared++;
    }
    expect(compared).toBeGreaterThan(15000);
  });

  it("reads x[start, end) clipped to the array; an empty range has no SD", () => {
    const x = Float64Array.of(1, 2, Number.NaN, 4, 8);
    expect(finiteSd(x, -3, 2)).toEqual({ sd: Math.SQRT1_2, m: 2 });
    expect(finiteSd(x, 3, 99)).toEqual({ sd: Math.SQRT2 * 2, m: 2 });
    expect(finiteSd(x, 2, 4)).toEqual({ sd: Number.NaN, m: 1 });
    expect(finiteSd(x, 4, 1)).toEqual({ sd: Number.NaN, m: 0 });
  });
});
