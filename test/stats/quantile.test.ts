// Type-7 quantiles (src/stats/quantile.ts) against sorting, and R's quantile(type = 7) values.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/stats/random.js";
import { countAtOrBelow, countBelow, quantile7, selectInPlace, selectQuantile7, tailQuantiles7 } from "../../src/stats/quantile.js";

describe("stats/quantile", () => {
  it("quantile7 of sorted data matches R: quantile(c(1, 2, 4, 8, 16), c(0.1, 0.5, 0.975), type = 7) = 1.4, 4, 15.2", () => {
    const x = Float64Array.of(1, 2, 4, 8, 16);
    expect(quantile7(x, 0.1)).toBeCloseTo(1.4, 14);
    expect(quantile7(x, 0.5)).toBe(4);
    expect(quantile7(x, 0.975)).toBeCloseTo(15.2, 13);
    expect(quantile7(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("selection and the tail pass give exactly the sorted quantiles, and the tail pass leaves the data alone", () => {
    const rng = createRandom(5);
    for (const n of [1, 2, 7, 40, 41, 500, 2001]) {
      const a = Float64Array.from({ length: n }, () => rng.normal());
      const sorted = Float64Array.from(a).sort();
      for (const p of [0, 0.025, 0.3, 0.5, 0.975, 1]) expect(selectQuantile7(Float64Array.from(a), p)).toBe(quantile7(sorted, p));
      const copy = Float64Array.from(a);
      expect(tailQuantiles7(a, 0.025, 0.975)).toEqual([quantile7(sorted, 0.025), quantile7(sorted, 0.975)]);
      if (n <= 500) expect(a).toEqual(copy); // the one-pass tail path (at most 32 order statistics per tail) does not reorder
      expect(tailQuantiles7(Float64Array.from(a), 0.3, 0.7)).toEqual([quantile7(sorted, 0.3), quantile7(sorted, 0.7)]);
    }
  });

  it("selectInPlace puts the k-th smallest at k; counts by binary search", () => {
    const a = Float64Array.of(5, 1, 4, 1, 3, 9, 2);
    expect(selectInPlace(a, 3)).toBe(3);
    expect(Array.from(a.subarray(0, 3)).every((v) => v <= 3)).toBe(true);
    const s = Float64Array.of(1, 2, 2, 2, 5);
    expect([countAtOrBelow(s, 2), countBelow(s, 2), countAtOrBelow(s, 0), countBelow(s, 9)]).toEqual([4, 1, 0, 5]);
  });
});
