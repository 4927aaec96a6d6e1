/**
 * The returns' scale that the degenerate-fit test reads: the root mean square of the finite
 * returns on the sample's sessions, summed in four interleaved sums.
 */
import { describe, expect, it } from "vitest";
import { returnScale } from "../../src/models/model.js";
import { createRandom } from "../../src/stats/random.js";

describe("models/returnScale", () => {
  it("is the root mean square of the finite returns on the sessions used, for every length and remainder", () => {
    const rng = createRandom(41);
    const asset = Float64Array.from({ length: 60 }, (_, i) => (i % 13 === 5 ? Number.NaN : i % 17 === 3 ? Number.POSITIVE_INFINITY : 0.01 * rng.normal()));
    for (let m = 0; m <= 40; m++) {
      // every other session, then the rest: the gather follows `used`, not the array's order
      const used = Int32Array.from({ length: m }, (_, j) => (2 * j) % 59);
      let sum = 0;
      let n = 0;
      for (const i of used) {
        const y = asset[i]!;
        if (Number.isFinite(y)) {
          sum += y * y;
          n++;
        }
      }
      const expected = n === 0 ? 0 : Math.sqrt(sum / n);
      const got = returnScale(asset, used);
      // the four sums differ from one only by their roundings: a few units of 2⁻⁵³ relative
      if (expected === 0) expect(got).toBe(0);
      else expect(Math.abs(got - expected) / expected, `m = ${m}`).toBeLessThan(1e-15);
    }
  });
});
