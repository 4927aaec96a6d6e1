// averageResidualCorrelation sums the correlations of complete series that share their days in
// O(K M) ((‖Σ z‖² − Σ ‖z‖²)/2 of the standardized deviations); this checks it against the
// pair-by-pair definition (a merge-join on common days for every pair, written out here) on
// mixes of shared, equal (distinct arrays, same content), shifted and incomplete day lists, and
// on one large clustered panel. Tolerance: 1e-14 absolute on r̄ (a mean of correlations in
// [−1, 1]; the two sums differ by rounding only, at most 1.4e-16 observed here), pair counts exact.
import { describe, expect, it } from "vitest";
import { averageResidualCorrelation, type DatedSeries } from "../../../src/inference/cross/correlation.js";
import { createRandom } from "../../../src/stats/random.js";

/** The definition, pair by pair: Pearson correlation on the common non-NaN days. */
function pairwise(series: readonly DatedSeries[], minOverlap = 3): { rbar: number; overlapping: number } {
  let s = 0;
  let c = 0;
  let overlapping = 0;
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const a = series[i]!;
      const b = series[j]!;
      const pairs: [number, number][] = [];
      for (let p = 0, q = 0; p < a.days.length && q < b.days.length; ) {
        if (a.days[p]! < b.days[q]!) p++;
        else if (b.days[q]! < a.days[p]!) q++;
        else {
          const u = a.values[p++]!;
          const v = b.values[q++]!;
          if (!Number.isNaN(u) && !Number.isNaN(v)) pairs.push([u, v]);
        }
      }
      if (pairs.length < minOverlap) continue;
      let su = 0;
      let sv = 0;
      for (const [u, v] of pairs) {
        su += u;
        sv += v;
      }
      const mu = su / pairs.length;
      const mv = sv / pairs.length;
      let suv = 0;
      let suu = 0;
      let svv = 0;
      for (const [u, v] of pairs) {
        suv += (u - mu) * (v - mv);
        suu += (u - mu) * (u - mu);
        svv += (v - mv) * (v - mv);
      }
      if (!(suu > 0) || !(svv > 0)) continue;
      const r = suv / Math.sqrt(suu * svv);
      // Neumaier sum, as the library accumulates r̄
      const t = s + r;
      c += Math.abs(s) >= Math.abs(r) ? s - t + r : r - t + s;
      s = t;
      overlapping++;
    }
  }
  const n = series.length;
  return { rbar: (s + c) / ((n * (n - 1)) / 2), overlapping };
}

describe("averageResidualCorrelation on series sharing their days", () => {
  it("equals the pair-by-pair definition to 1e-14 (200 seeded panels)", () => {
    const rng = createRandom(1202);
    for (let panel = 0; panel < 200; panel++) {
      const M = 3 + rng.int(60);
      const shared = Int32Array.from({ length: M }, (_, k) => 100 + k);
      const series: DatedSeries[] = [];
      const N = 2 + rng.int(25);
      const common = rng.normal() * 0.01;
      for (let i = 0; i < N; i++) {
        const kind = rng.int(5);
        let days: Int32Array = shared;
        if (kind === 1) days = Int32Array.from(shared); // equal content, another array
        if (kind === 2) days = Int32Array.from(shared, (d) => d + 1 + rng.int(3)); // shifted
        const values = Float64Array.from(days, (_, k) => common * Math.sin(k) + 0.01 * rng.normal());
        if (kind === 3) values[rng.int(M)] = Number.NaN; // incomplete
        if (kind === 4 && rng.next() < 0.3) values.fill(0.002); // constant: no correlation
        series.push({ days, values });
      }
      const got = averageResidualCorrelation(series);
      const want = pairwise(series);
      expect(got.overlapping).toBe(want.overlapping);
      expect(Math.abs(got.rbar - want.rbar)).toBeLessThanOrEqual(1e-14);
    }
  });

  it("equals the pair-by-pair definition to 1e-14 on 400 correlated series of 250 shared days", () => {
    const rng = createRandom(400);
    const days = Int32Array.from({ length: 250 }, (_, k) => 20000 + k);
    const market = Float64Array.from(days, () => 0.01 * rng.normal());
    const series = Array.from({ length: 400 }, () => {
      const beta = 0.2 + rng.next();
      return { days, values: Float64Array.from(market, (m) => beta * m + 0.015 * rng.normal()) };
    });
    const got = averageResidualCorrelation(series);
    const want = pairwise(series);
    expect(want.rbar).toBeGreaterThan(0.1); // clustered: a common factor
    expect(got.overlapping).toBe(want.overlapping);
    expect(Math.abs(got.rbar - want.rbar)).toBeLessThanOrEqual(1e-14);
  });

  it("counts a pair with fewer common days than minOverlap as 0", () => {
    const days = Int32Array.of(1, 2, 3);
    const a = { days, values: Float64Array.of(0.1, -0.2, 0.3) };
    const b = { days, values: Float64Array.of(0.2, -0.1, 0.2) };
    expect(averageResidualCorrelation([a, b], 4)).toEqual({ rbar: 0, pairs: 1, overlapping: 0 });
    expect(averageResidualCorrelation([a, b], 3).overlapping).toBe(1);
  });
});
