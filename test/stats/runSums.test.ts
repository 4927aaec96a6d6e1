// Run sums from double-double prefix sums (src/stats/runSums.ts) against exact rational sums.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/stats/random.js";
import { runSumPrefix, runSums } from "../../src/stats/runSums.js";
import { runSumCountsAndTails } from "../../src/stats/runSumTails.js";
import { tailQuantiles7 } from "../../src/stats/quantile.js";
import { countsAndTails } from "./helpers.js";

/**
 * The correctly rounded sum of doubles: exact integer arithmetic on BigInt with every value
 * scaled by 2^200 (exact for the magnitudes here), then one rounding by Number(BigInt).
 */
function exactSum(values: ArrayLike<number>): number {
  const SCALE = 200;
  let total = 0n;
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) continue;
    view.setFloat64(0, Math.abs(v));
    const bits = view.getBigUint64(0);
    const exp = Number(bits >> 52n);
    const mant = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
    const shift = exp - 1075 + SCALE;
    if (shift < 0) throw new Error("value too small for the scale");
    total += (v < 0 ? -mant : mant) << BigInt(shift);
  }
  return Number(total) / 2 ** SCALE;
}

describe("stats/runSums", () => {
  it("every run sum equals the exactly rounded sum of its run (heavy cancellation included)", () => {
    const rng = createRandom(11);
    const e = Float64Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? 1e6 : 0) + 0.01 * rng.normal());
    expectExactRunSums(e, () => true);
    // prefix sums that swing between about 0 and 1e16 (+1e16 at every 50th value, −1e16 25
    // later): every run that holds neither, however near it starts after the fall to about 0
    const swing = Float64Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? 1e16 : i % 50 === 25 ? -1e16 : 0) + 0.01 * rng.normal());
    expectExactRunSums(swing, (j, L) => Array.from({ length: L }, (_, k) => (j + k) % 25).every((r) => r !== 0));
  });
});

/**
 * The run sums of lengths around small periods (and 49) that `runs(j, L)` selects, at every
 * start j, against the exactly rounded sums.
 */
function expectExactRunSums(e: Float64Array, runs: (j: number, L: number) => boolean): void {
  const pre = runSumPrefix(e, e.length, undefined);
  for (const L of [1, 2, 3, 4, 5, 7, 49]) {
    const sums = Float64Array.from(runSums(pre, L));
    expect(sums.length).toBe(e.length - L + 1);
    for (let j = 0; j < sums.length; j++) if (runs(j, L)) expect(sums[j], `L=${L} j=${j}`).toBe(exactSum(e.subarray(j, j + L)));
  }
}

describe("stats/runSums (sessions, one pass)", () => {
  it("with session indices, only runs of consecutive sessions; into scratch when it is long enough", () => {
    const e = Float64Array.of(1, 2, 3, 4, 5);
    const idx = Int32Array.of(0, 1, 3, 4, 5);
    const scratch = new Float64Array(10);
    const sums = runSums(runSumPrefix(e, 5, idx), 2, scratch);
    expect(Array.from(sums)).toEqual([3, 7, 9]);
    expect(sums.buffer).toBe(scratch.buffer);
  });

  it("one pass of counts and tail quantiles gives exactly what the stored sums give (sums counted, then tailQuantiles7), whatever the guess of the spread", () => {
    const rng = createRandom(23);
    const out = new Float64Array(4);
    for (const M of [1, 2, 6, 40, 240, 900, 2000]) {
      // plain normal values (ties from rounding to 1e-3), and heavy cancellation at every 50th value
      const plain = Float64Array.from({ length: M }, () => Math.round(10 * rng.normal()) / 1000);
      const spiky = plain.map((v, i) => (i % 50 === 0 ? 1e6 : 0) + v);
      for (const [e, L] of [plain, spiky].flatMap((e) => [1, 3, 6, 11].map((L) => [e, L] as const))) {
        const pre = runSumPrefix(e, M, undefined);
        const sums = Float64Array.from(runSums(pre, L));
        // with no guess of the spread, a fair one, and guesses far too small and far too large (the pass then streams again)
        for (const [c, sd] of [Number.NaN, 0, sums[0] ?? 0, 1e9, -1e9].flatMap((c) => [Number.NaN, 0.01, 1e-6, 1e6].map((sd) => [c, sd] as const))) {
          const done = runSumCountsAndTails(pre, L, c, 0.025, 0.975, out, sd);
          const wide = sums.length > 0 && Math.floor((sums.length - 1) * 0.025) + 2 > 32;
          expect(done, `M=${M} L=${L}`).toBe(!wide);
          if (!done) continue;
          expect(Array.from(out), `M=${M} L=${L} c=${c} sd=${sd}`).toEqual(countsAndTails(sums, c));
        }
      }
    }
  });

  it("ties of −0 and +0 at a tail's order statistic come out as a stable sort puts them (the pass narrows its candidates first)", () => {
    // 241 values (h = 240·0.025 = 6 exactly, so the 2.5% quantile is order statistic 6 itself,
    // not an interpolation, and the sign of a zero shows): 21 zeros of random sign, 200 ones
    // and 20 twos. With the fair spread both tails are guessed: the 21 zeros are the low
    // candidates and the twos the high ones, and the zeros are all below the narrowing pivot
    const rng = createRandom(31);
    const out = new Float64Array(4);
    const seen = new Set<string>();
    for (let trial = 0; trial < 40; trial++) {
      const e = new Float64Array(241).fill(1);
      for (let i = 0; i < 21; i++) e[i] = rng.next() < 0.5 ? -0 : 0;
      for (let i = 221; i < 241; i++) e[i] = 2;
      for (let i = 240; i > 0; i--) {
        const j = rng.int(i + 1); // Fisher–Yates
        [e[i], e[j]] = [e[j]!, e[i]!];
      }
      const stable = Array.from(e, (v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const sd = Math.sqrt(e.reduce((s, v) => s + v * v, 0) / 241 - 1);
      expect(runSumCountsAndTails(runSumPrefix(e, 241, undefined), 1, 1, 0.025, 0.975, out, sd)).toBe(true);
      expect(Object.is(out[2], stable[6]![0]), `trial ${trial}`).toBe(true);
      expect(out[3]).toBe(2);
      seen.add(Object.is(out[2], -0) ? "-0" : "+0");
    }
    expect([...seen].sort()).toEqual(["+0", "-0"]);
  });

  it("far tails of a long sample (the guess's quantiles computed afresh, not remembered) give what the stored sums give", () => {
    const rng = createRandom(37);
    const e = Float64Array.from({ length: 5000 }, () => 0.01 * rng.normal());
    const out = new Float64Array(4);
    for (const L of [1, 3]) {
      const sums = Float64Array.from(runSums(runSumPrefix(e, 5000, undefined), L));
      const c = sums[17]!;
      expect(runSumCountsAndTails(runSumPrefix(e, 5000, undefined), L, c, 0.001, 0.999, out, 0.01)).toBe(true);
      const le = sums.filter((v) => v <= c).length;
      const ge = sums.filter((v) => v >= c).length;
      expect(Array.from(out)).toEqual([le, ge, ...tailQuantiles7(sums, 0.001, 0.999)]);
    }
  });

  it("exactly as many candidates as the buffers hold, with values after them, give what the stored sums give", () => {
    // 64 values far below (the smallest first), 64 far above (the largest first), then 112
    // values near 0: with this spread guessed, the bounds fall in the gaps and each tail has
    // exactly 64 candidates, the buffers' length, with values still to come after them
    const low = Array.from({ length: 64 }, (_, i) => (i === 0 ? -20 : -10 - 0.001 * i));
    const high = Array.from({ length: 64 }, (_, i) => (i === 0 ? 20 : 10 + 0.001 * i));
    const mid = Array.from({ length: 112 }, (_, i) => 0.001 * (i - 56));
    const e = Float64Array.from([...low, ...high, ...mid]);
    const out = new Float64Array(4);
    expect(runSumCountsAndTails(runSumPrefix(e, e.length, undefined), 1, 0.5, 0.025, 0.975, out, 3.69)).toBe(true);
    expect(Array.from(out)).toEqual(countsAndTails(e, 0.5));
  });

  it("the one-pass counts decline a prefix with session indices (runs of consecutive sessions only)", () => {
    const e = Float64Array.of(1, 2, 3, 4, 5);
    expect(runSumCountsAndTails(runSumPrefix(e, 5, Int32Array.of(0, 1, 3, 4, 5)), 2, 0, 0.025, 0.975, new Float64Array(4))).toBe(false);
  });
});
