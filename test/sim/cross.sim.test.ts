// Fast seeded size check of the cross-event tests (the full study is
// scripts/sim/cross-size-power.ts; results in docs/simulation.md). Brown–Warner design with
// N = 50 events, estimation [-250, -11], market model, window [0, 0].
//
// Bands: with 200 replications the rejection rate of a test of exact size 5% lies in
// [0.005, 0.10] with probability > 99.9% (binomial: 0.05 ± 3.3·√(0.05·0.95/200) = ± 0.051).
// The seed is fixed, so the outcome is deterministic; a wrong variance, divisor or reference
// distribution moves a rate far outside the band (e.g. Patell under event-induced variance
// rejects about a third of the time).
import { describe, expect, it } from "vitest";
import type { TestName } from "../../src/inference/cross/index.js";
import { simulate } from "../../scripts/sim/cross-dgp.js";

const MAIN: TestName[] = ["cross_sectional_t", "patell", "bmp", "sign", "generalized_sign", "corrado_rank", "corrado_zivney_rank", "wilcoxon", "time_series_t"];

describe("cross-event tests: seeded size simulation", () => {
  it("(a) iid normal, N = 50, 200 replications: the main tests hold their 5% size on [0, 0] and [-1, 1]", () => {
    const r = simulate({ setting: "a", replications: 200, seed: 7, tests: MAIN, powerRun: false });
    for (const w of ["[0,0]", "[-1,1]"]) {
      for (const t of MAIN) {
        const rate = r.size[w]![t] / 200;
        expect(rate, `${t} ${w}`).toBeGreaterThanOrEqual(0.005);
        expect(rate, `${t} ${w}`).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it("(c) event-day σ doubled: BMP holds its size while Patell over-rejects", () => {
    const r = simulate({ setting: "c", replications: 200, seed: 11, tests: ["patell", "bmp"], powerRun: false });
    const bmp = r.size["[0,0]"]!.bmp / 200;
    const patell = r.size["[0,0]"]!.patell / 200;
    expect(bmp).toBeLessThanOrEqual(0.1);
    expect(patell).toBeGreaterThan(0.2); // theory: P(|2Z| > 1.96) ≈ 0.33
  });
});
