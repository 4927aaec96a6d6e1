/**
 * The thresholds of the kind check, exactly at their edges: at least 20 finite values
 * (NaN and infinities are not counted), a |value| above 0.2 for returns, a tenth or more of the
 * values negative for prices. The check first decides from one lean pass whether any rule can
 * fire; these cases pin that pass to the rules.
 */
import { describe, expect, it } from "vitest";
import { kindMismatch } from "../../src/returns/plausibility.js";

/** `n` values 1.5, −1.5, 1.5, … (percent-sized returns) followed by `extra`. */
const percent = (n: number, ...extra: number[]) => [...Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1.5 : -1.5)), ...extra];

describe("kind check thresholds", () => {
  it("returns: 19 finite values are not judged, however many NaN and infinities come with them; 20 are", () => {
    const inf = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    expect(kindMismatch(percent(19, ...inf, ...inf), "return")).toBeUndefined();
    expect(kindMismatch(percent(20, ...inf), "return")?.looksLike).toBe("percent");
  });

  it("returns: an infinity is not the largest |value|; a |value| of exactly 0.2 cannot fire, one just above can", () => {
    const small = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    expect(kindMismatch([...small, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], "return")).toBeUndefined();
    // the median decides once a rule may fire: 0.3 in every value (percent-like), not 0.2
    expect(
      kindMismatch(
        Array.from({ length: 40 }, () => 0.2),
        "return",
      ),
    ).toBeUndefined();
    expect(
      kindMismatch(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.3 : -0.3)),
        "return",
      )?.looksLike,
    ).toBe("percent");
    expect(
      kindMismatch(
        Array.from({ length: 40 }, (_, i) => (i < 21 ? 0.21 : 0.19)),
        "return",
      )?.looksLike,
    ).toBe("percent");
  });

  it("prices: a tenth of the values negative may fire, one fewer cannot; −Infinity is not a negative value", () => {
    // 40 small values (returns passed as prices), 4 of them negative = 10 %
    const returnsLike = (negatives: number): number[] => Array.from({ length: 40 }, (_, i) => (i < negatives ? -0.01 : 0.01));
    expect(kindMismatch(returnsLike(4), "price")?.looksLike).toBe("returns");
    expect(kindMismatch(returnsLike(3), "price")).toBeUndefined();
    expect(kindMismatch([...returnsLike(3), Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY], "price")).toBeUndefined();
    expect(kindMismatch(returnsLike(3).slice(0, 19).concat([-0.01]), "price")?.looksLike).toBe("returns");
    expect(kindMismatch(returnsLike(3).slice(0, 18).concat([-0.01]), "price")).toBeUndefined();
    const nonFinite = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    expect(kindMismatch(returnsLike(3).slice(0, 18).concat([-0.01], nonFinite), "price")).toBeUndefined();
  });

  it("levels are never judged", () => {
    expect(kindMismatch(percent(40), "level")).toBeUndefined();
  });
});
