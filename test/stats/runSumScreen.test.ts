// The screened pass over run sums (src/stats/runSumScreen.ts) against the pass over the exact
// sums of runSums, on inputs where the leading prefix difference and the exact sum disagree.
import { describe, expect, it } from "vitest";
import type { CarResult } from "../../src/abnormal/types.js";
import { sqTest } from "../../src/inference/index.js";
import { sqTestsOfFit } from "../../src/inference/single.js";
import { createRandom } from "../../src/stats/random.js";
import { type RunSumPrefix, runSumPrefix, runSums } from "../../src/stats/runSums.js";
import { screenMargin, screenRunSums } from "../../src/stats/runSumScreen.js";
import { runSumCountsAndTails } from "../../src/stats/runSumTails.js";
import { countsAndTails } from "./helpers.js";

/** The next double above (side 1) or below (side −1) a finite x. */
function step(x: number, side: 1 | -1): number {
  if (x === 0) return side * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + (x > 0 === side > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

interface PassResult {
  le: number;
  ge: number;
  low: number[];
  high: number[];
}

/** The pass over the exact sums (runSums): counts against c, and the sums beyond each bound in the order met. */
function exactPass(pre: RunSumPrefix, L: number, c: number, below: number, above: number): PassResult {
  const sums = runSums(pre, L);
  const r: PassResult = { le: 0, ge: 0, low: [], high: [] };
  for (const v of sums) {
    r.le += +(v <= c);
    r.ge += +(v >= c);
    if (v < below) r.low.push(v);
    if (v > above) r.high.push(v);
  }
  return r;
}

const LOW = new Float64Array(64);
const HIGH = new Float64Array(64);

/** The screened pass, or undefined when it declines. */
function screenedPass(pre: RunSumPrefix, L: number, c: number, below: number, above: number): PassResult | undefined {
  const pass = { le: 0, ge: 0, low: 0, high: 0 };
  if (!screenRunSums(pre, L, pre.n - L + 1, c, below, above, LOW, HIGH, pass)) return undefined;
  return { le: pass.le, ge: pass.ge, low: Array.from(LOW.subarray(0, pass.low)), high: Array.from(HIGH.subarray(0, pass.high)) };
}

/** Leading prefix differences hi[j + L] − hi[j] (what the screen judges by). */
function leading(pre: RunSumPrefix, L: number): number[] {
  return Array.from({ length: pre.n - L + 1 }, (_, j) => pre.hi[j + L]! - pre.hi[j]!);
}

/**
 * Residual-like values: `offset` added to the first one (a prefix far larger than the run
 * sums, so that the leading difference often misses the exact sum in its last bits), rounded to
 * `grid` when given (many tied sums); with `cancel`, pairs that cancel (to 0 and to 1e-12), whose
 * sums of two runSumAt computes directly.
 */
function values(seed: number, M: number, offset: number, grid?: number, cancel = false): Float64Array {
  const rng = createRandom(seed);
  const e = Float64Array.from({ length: M }, () => 0.01 * rng.normal());
  if (grid !== undefined) for (let i = 0; i < M; i++) e[i] = Math.round(e[i]! / grid) * grid;
  if (M > 0) e[0]! += offset;
  if (cancel) for (const k of [19, 30, 41]) e[k + 1] = -e[k]! + (k === 30 ? 1e-12 : 0);
  return e;
}

/** How many sums of L runSumAt sums directly (its cancellation branch). */
function directSums(pre: RunSumPrefix, L: number): number {
  let k = 0;
  for (let j = 0; j + L <= pre.n; j++) {
    const a = pre.hi[j]!;
    const b = pre.hi[j + L]!;
    k += +!(Math.abs(b - a) > 2 ** -30 * Math.max(Math.abs(a), Math.abs(b)));
  }
  return k;
}

describe("stats/runSumScreen", () => {
  it("gives exactly the exact pass's counts and tail candidates, with points and bounds on, next to and between the sums", () => {
    let disagreements = 0; // sums whose leading difference is not the exact sum: the cases that test the margin
    let direct = 0; // sums runSumAt computes directly, screened
    let screened = 0;
    for (const [seed, M, offset, grid, cancel] of [
      [1, 240, 0, undefined, false],
      [2, 240, 1000, undefined, false],
      [3, 240, 1000, 1e-3, false],
      [4, 240, 0, 1e-3, false],
      [5, 60, 3e4, undefined, false],
      [16, 60, 3e4, undefined, true],
      [17, 240, 0, undefined, true],
      [6, 3, 0, undefined, false],
      [7, 2, 1000, undefined, false],
    ] as const) {
      const e = values(seed, M, offset, grid, cancel);
      const pre = runSumPrefix(e, M, undefined);
      for (const L of [2, 3, 6, 11].filter((L) => L <= M)) {
        direct += directSums(pre, L);
        const sums = Array.from(runSums(pre, L));
        const d = leading(pre, L);
        const sorted = [...sums].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
        const points = new Set<number>([0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, at(0.5)]);
        sums.forEach((v, j) => {
          if (v === d[j]) return;
          disagreements++;
          for (const p of [v, d[j]!, step(v, 1), step(v, -1), (v + d[j]!) / 2]) points.add(p);
        });
        for (const j of [0, Math.floor(sums.length / 2), sums.length - 1]) for (const p of [sums[j]!, step(sums[j]!, 1), step(sums[j]!, -1)]) points.add(p);
        // points far out, where the band's edge is the point itself (|x| > 50·hiBound), and at that switch
        const H = pre.hiBound;
        for (const f of [2, 49, 50, 51, 1e3]) for (const p of [f * H, -f * H]) for (const q of [p, step(p, 1), step(p, -1)]) points.add(q);
        // bounds at sums, next to them, and where a sum's leading difference and exact value disagree
        const bounds: [number, number][] = [
          [at(0.08), at(0.92)],
          [step(at(0.05), 1), step(at(0.95), -1)],
          [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
          [-50 * H, 50 * H],
          [step(-50 * H, 1), step(50 * H, -1)],
          [-1e3 * H, 1e3 * H],
          [-2 * H, 2 * H],
        ];
        const j = sums.findIndex((v, i) => v !== d[i]);
        if (j >= 0) bounds.push([sums[j]!, sums[j]!], [d[j]!, d[j]!]);
        for (const c of points) {
          for (const [below, above] of bounds) {
            const want = exactPass(pre, L, c, below, above);
            const got = screenedPass(pre, L, c, below, above);
            if (want.low.length > 63 || want.high.length > 63) continue; // more than the buffers hold: compared through runSumCountsAndTails below
            expect(got, `seed=${seed} L=${L}: declined`).toBeDefined();
            expect(got, `seed=${seed} L=${L} c=${c} bounds=${below},${above}`).toEqual(want);
            screened++;
          }
        }
      }
    }
    expect(disagreements).toBeGreaterThan(100);
    expect(direct).toBeGreaterThan(2);
    expect(screened).toBeGreaterThan(1000);
  });

  it("declines for a prefix that is not finite; with heavy cancellation it declines or agrees", () => {
    const spiky = Float64Array.from(values(8, 300, 0), (v, i) => (i % 50 === 0 ? 1e6 : 0) + v);
    const spikyPre = runSumPrefix(spiky, 300, undefined);
    expect(directSums(spikyPre, 3)).toBeGreaterThan(0);
    for (const c of [0, runSums(spikyPre, 3)[7]!]) {
      const got = screenedPass(spikyPre, 3, c, -0.05, 0.05);
      if (got !== undefined) expect(got).toEqual(exactPass(spikyPre, 3, c, -0.05, 0.05));
    }
    const withInfinity = values(9, 50, 0);
    withInfinity[10] = Number.POSITIVE_INFINITY;
    const pre = runSumPrefix(withInfinity, 50, undefined);
    expect(screenMargin(pre)).toBeNaN();
    expect(screenedPass(pre, 3, 0, -0.05, 0.05)).toBeUndefined();
  });

  it("judges exactly every sum that runSumAt sums directly, wherever its leading difference lies", () => {
    // a prefix whose leading differences all cancel (hi nearly constant, differences of 2⁻¹⁹) over
    // values that do not: runSumAt sums every run from the values, far from its leading difference
    const e = values(18, 40, 0);
    const hi = Float64Array.from({ length: 41 }, (_, j) => 1e6 + j * 2 ** -20);
    const pre: RunSumPrefix = { e, n: 40, idx: undefined, hi, lo: new Float64Array(41), hiBound: 41e6, loBound: 0, squares: 0 };
    expect(directSums(pre, 2)).toBe(39);
    for (const c of [0, 0.005, -0.005, runSums(pre, 2)[3]!]) expect(screenedPass(pre, 2, c, -0.01, 0.01), `c=${c}`).toEqual(exactPass(pre, 2, c, -0.01, 0.01));
  });

  it("the margin bounds |leading difference − exact sum| (checked on sums the difference misses), and is tiny next to the sums", () => {
    for (const offset of [0, 1000, 3e4]) {
      const pre = runSumPrefix(values(10, 240, offset), 240, undefined);
      const margin = screenMargin(pre);
      for (const L of [2, 6]) {
        const d = leading(pre, L);
        runSums(pre, L).forEach((v, j) => expect(Math.abs(v - d[j]!), `offset=${offset} L=${L} j=${j}`).toBeLessThanOrEqual(margin));
      }
      expect(margin).toBeLessThan(1e-6);
    }
  });

  it("runSumCountsAndTails and sqTestsOfFit give today's numbers on these inputs: counts at a point equal to a sum, ties, NaN points, L = 1, short samples", () => {
    const out = new Float64Array(4);
    for (const [seed, M, offset, grid] of [
      [11, 240, 1000, undefined],
      [12, 240, 0, 1e-3],
      [13, 240, 1000, 1e-3],
      [14, 5, 1000, undefined],
      [15, 1, 0, undefined],
    ] as const) {
      const e = values(seed, M, offset, grid);
      const pre = runSumPrefix(e, M, undefined);
      for (const L of [1, 2, 3, 6]) {
        const sums = Float64Array.from(runSums(pre, L));
        const d = leading(pre, L);
        const j = Math.max(
          0,
          Array.from(sums).findIndex((v, i) => v !== d[i]),
        );
        for (const c of [Number.NaN, sums[j] ?? 0, step(sums[j] ?? 0, 1), d[j] ?? 0]) {
          for (const sd of [0.01, Number.NaN]) {
            const done = runSumCountsAndTails(pre, L, c, 0.025, 0.975, out, sd);
            expect(done).toBe(true);
            expect(Array.from(out), `seed=${seed} L=${L} c=${c} sd=${sd}`).toEqual(countsAndTails(sums, c));
          }
        }
        // eventStudy's batch against sqTest, with the CAR equal to a run sum
        if (sums.length === 0) continue;
        const fit = { residuals: e, used: Int32Array.from({ length: M }, (_, i) => i) };
        const cars = [{ car: sums[j]!, n: L, length: L } as unknown as CarResult];
        const batch = new Float64Array(3);
        sqTestsOfFit(cars, fit, batch, 0);
        const one = sqTest(cars[0]!, fit);
        expect(Array.from(batch), `seed=${seed} L=${L}`).toEqual([one.p_value, one.lower, one.upper]);
      }
    }
  });
});
