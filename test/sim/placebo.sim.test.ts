// Simulation: placebo p-values are uniform under H0 (no abnormal returns). 200 seeded
// repetitions of a market-model series (700 sessions, alpha 0.0001, beta 1.1, market N(2e-4,
// 0.008^2), residual sd 0.0045); three "statements" at random sessions; mean CAR [-1, +1];
// B = 199 pseudo-events per repetition. Kolmogorov-Smirnov: D = sup |F_200(p) - p| must stay
// below the 5% critical value 1.358/sqrt(200) = 0.0960 (asymptotic; p is discrete on k/200,
// which adds at most 1/200 to D). Seeds are fixed, so the outcome is deterministic; the check
// would fail for a mis-centred null or a p-value formula that is off by the "+1"s.
import { describe, expect, it } from "vitest";
import { placeboTest } from "../../src/inference/clustered/index.js";
import { createRandom } from "../../src/stats/index.js";

const T = 700;
const REPS = 200;
const B = 199;

function simulate(seed: number): { days: Int32Array; asset: Float64Array; market: Float64Array } {
  const rng = createRandom(seed);
  const market = new Float64Array(T);
  const asset = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    market[t] = 0.0002 + 0.008 * rng.normal();
    asset[t] = 0.0001 + 1.1 * market[t]! + 0.0045 * rng.normal();
  }
  return { days: Int32Array.from({ length: T }, (_, i) => 19000 + i), asset, market };
}

function ks(p: number[]): number {
  const s = [...p].sort((a, b) => a - b);
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - s[i]!, s[i]! - i / n);
  return d;
}

const CRITICAL = 1.358 / Math.sqrt(REPS);

describe("placebo p-values under H0 (simulation)", () => {
  it("independent statements: KS distance of 200 p-values from U(0,1) is below the 5% critical value", () => {
    const ps: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const data = simulate(1000 + r);
      const pick = createRandom(5000 + r);
      // three statements in [300, 690), at least 12 sessions apart
      const t: number[] = [];
      while (t.length < 3) {
        const d = 300 + pick.int(390);
        if (t.every((x) => Math.abs(x - d) > 12)) t.push(d);
      }
      const res = placeboTest(
        data,
        t.map((d, j) => ({ id: `S${j}`, day0: data.days[d]! })),
        { seed: 9000 + r, draws: B, statistic: { type: "mean-car" } },
      );
      ps.push(res.p_value);
    }
    const d = ks(ps);
    expect(d).toBeLessThan(CRITICAL);
    // and the rejection rate at 5% is within 3 binomial SDs of 0.05
    const rate = ps.filter((p) => p <= 0.05).length / REPS;
    expect(Math.abs(rate - 0.05)).toBeLessThan(3 * Math.sqrt((0.05 * 0.95) / REPS));
  });

  const consecutive = (spacing: "keep" | "independent"): number[] => {
    const ps: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const data = simulate(2000 + r);
      const d0 = 300 + createRandom(6000 + r).int(380);
      const res = placeboTest(
        data,
        [0, 1, 2].map((k) => ({ id: `S${k}`, day0: data.days[d0 + k]! })),
        { seed: 7000 + r, draws: B, statistic: { type: "mean-car" }, spacing },
      );
      ps.push(res.p_value);
    }
    return ps;
  };

  it('consecutive statements with spacing "keep": KS distance below the critical value', () => {
    expect(ks(consecutive("keep"))).toBeLessThan(CRITICAL);
  });

  it("regression guard: independent pseudo-dates over-reject for consecutive statements with overlapping windows", () => {
    const ps = consecutive("independent");
    expect(ks(ps)).toBeGreaterThan(CRITICAL);
    expect(ps.filter((p) => p <= 0.05).length / REPS).toBeGreaterThan(0.05 + 3 * Math.sqrt((0.05 * 0.95) / REPS));
  });
});
