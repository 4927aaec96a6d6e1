/**
 * The plausibility check's median by selection (no sort: it runs on every series of a study,
 * 4,000 times in a 2,000-asset study) is the median of the sorted values, bit for bit.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "market-reaction/stats";
import { median } from "../../src/returns/plausibility.js";

function sortedMedian(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

describe("median by selection", () => {
  it("equals the sorted median on 2,000 seeded arrays (odd and even lengths, ties, runs, sorted and reversed input)", () => {
    const rng = createRandom(20251202);
    for (let c = 0; c < 2000; c++) {
      const n = 1 + rng.int(300);
      const kind = c % 5;
      const v = Float64Array.from({ length: n }, (_, i) =>
        kind === 0 ? rng.next() : kind === 1 ? rng.int(4) : kind === 2 ? i : kind === 3 ? n - i : Math.abs(rng.normal()) * 1e-3,
      );
      const want = sortedMedian(v);
      expect(median(v.slice())).toBe(want);
    }
  });
});
