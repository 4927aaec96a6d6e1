// Cross-event tests vs an independent computation from their formulas in R.
// Reference: test/golden/data/cross.json, written by scripts/golden/cross.R, which fits the
// market model with lm() on the fixtures, forms the ARs, SARs, CARs (full covariance) itself
// and evaluates every test from its formula (R's rank, median, cor, pt, pnorm, psignrank).
// Here the inputs come from fitModel / predictModel / abnormalReturns (src).
//
// Tolerance: 1e-8 relative on every statistic and p-value (atol 1e-12 for p-values ≈ 0 and
// statistics ≈ 0); degrees of freedom and counts exact.
import { describe, expect, it } from "vitest";
import { crossEventTests, TEST_NAMES, type CrossEventResult, type TestName } from "../../src/inference/cross/index.js";
import type { Window } from "../../src/types.js";
import { fixtureEvents } from "../inference/cross/helpers.js";
import { expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface TestGolden {
  statistic: number;
  p_value: number;
  df?: number;
}
interface RowGolden {
  tests: Record<TestName, TestGolden>;
  n: number;
}
interface DailyGolden extends RowGolden {
  rel_day: number;
  aar: number;
}
interface WindowGolden extends RowGolden {
  window_start: number;
  window_end: number;
  caar: number;
  mean_car: number;
}
interface CaseGolden {
  name: string;
  day0: string | string[];
  sectors: string[];
  result: { profile: "textbook" | "estudy2"; rbar: number; daily: DailyGolden[]; windows: WindowGolden[] };
}
interface CrossGolden {
  R_version: string;
  cases: CaseGolden[];
}

const golden = loadGolden<CrossGolden>("cross.json");
const WINDOWS: Window[] = [
  [0, 0],
  [-1, 1],
  [0, 5],
  [-5, 5],
];
const TOL = { rtol: 1e-8, atol: 1e-12 };

function compareRow(got: { n: number; tests: CrossEventResult["daily"][number]["tests"] }, want: RowGolden, where: string): number {
  let worst = 0;
  expect(got.n, `${where} n`).toBe(want.n);
  for (const name of TEST_NAMES) {
    const g = got.tests[name];
    const w = want.tests[name];
    if (w === undefined) continue; // estudy2 profile: textbook-only tests are checked in the textbook cases
    expect(g, `${where} ${name}`).toBeDefined();
    expectClose(g!.statistic, w.statistic, TOL, `${where} ${name} statistic`);
    expectClose(g!.p_value, w.p_value, TOL, `${where} ${name} p_value`);
    if (w.df !== undefined) expect(g!.df, `${where} ${name} df`).toBe(w.df);
    else expect(g!.df, `${where} ${name} df`).toBeUndefined();
    worst = Math.max(worst, Math.abs(g!.statistic - w.statistic) / Math.max(1e-300, Math.abs(w.statistic)));
  }
  return worst;
}

describe(`crossEventTests vs R formulas (${golden.R_version})`, () => {
  for (const c of golden.cases) {
    const day0s = Array.isArray(c.day0) ? c.day0 : [c.day0];
    it(`${c.name} (${day0s.length} × ${c.sectors.length} events), ${c.result.profile}: every test, daily and windows, to 1e-8`, () => {
      const events = fixtureEvents(day0s, c.sectors);
      const r = crossEventTests(events, { windows: WINDOWS, conventions: c.result.profile });
      expect(r.conventions).toBe(c.result.profile);
      expect(r.warnings).toEqual([]);
      expectClose(r.rbar, c.result.rbar, { rtol: 1e-10 }, "rbar");
      expect(r.daily.map((d) => d.rel_day)).toEqual(c.result.daily.map((d) => d.rel_day));
      let worst = 0;
      c.result.daily.forEach((want, i) => {
        const got = r.daily[i]!;
        expectClose(got.aar, want.aar, { rtol: 1e-10 }, `day ${want.rel_day} aar`);
        worst = Math.max(worst, compareRow(got, want, `day ${want.rel_day}`));
      });
      c.result.windows.forEach((want, i) => {
        const got = r.windows[i]!;
        expect([got.window_start, got.window_end]).toEqual([want.window_start, want.window_end]);
        expectClose(got.caar, want.caar, { rtol: 1e-10 }, "caar");
        expectClose(got.mean_car, want.mean_car, { rtol: 1e-10 }, "mean_car");
        worst = Math.max(worst, compareRow(got, want, `window [${want.window_start}, ${want.window_end}]`));
      });
      expect(worst).toBeLessThan(1e-8);
    });
  }

  it("the estudy2 profile changes the numbers where its conventions differ (clustered case)", () => {
    const tb = golden.cases[1]!.result;
    const e2 = golden.cases[2]!.result;
    // same day, same data: BW 1980 (divisor M − 1 vs M − 2) and the windows (Σ daily/√D) differ
    expect(e2.daily[5]!.tests.bw1980.statistic).not.toBe(tb.daily[5]!.tests.bw1980.statistic);
    expect(e2.windows[2]!.tests.patell.statistic).not.toBe(tb.windows[2]!.tests.patell.statistic);
    // and the cross-sectional t of a day is identical in both
    expect(e2.daily[5]!.tests.cross_sectional_t.statistic).toBe(tb.daily[5]!.tests.cross_sectional_t.statistic);
  });
});
