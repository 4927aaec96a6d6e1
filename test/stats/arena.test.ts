import { describe, expect, it } from "vitest";
import { float64s } from "../../src/stats/arena.js";

describe("arena views", () => {
  it("are zero-filled, as long as asked, and never share an entry (across chunk boundaries too)", () => {
    const views = Array.from({ length: 3000 }, (_, i) => float64s(1 + (i % 37)));
    views.forEach((v, i) => {
      expect(v.length).toBe(1 + (i % 37));
      expect(v.every((x) => x === 0)).toBe(true);
      v.fill(i + 1);
    });
    // every view still holds its own mark: no two overlap
    views.forEach((v, i) => expect(v.every((x) => x === i + 1)).toBe(true));
  });

  it("gives a long array its own buffer", () => {
    const big = float64s(100_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(800_000);
  });
});
