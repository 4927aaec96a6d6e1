/**
 * Boehmer–Musumeci–Poulsen (1991) standardized cross-sectional test and its Kolari–Pynnönen
 * adjustment.
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { emptyResult, makeResult, moments, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumber, checkNumbers } from "../../check.js";

/**
 * BMP test: a cross-sectional t test on standardized abnormal returns.
 *
 * ## Method
 * ASAR = mean of the SAR_i, S the sample SD (N − 1); t = ASAR/(S/√N) against Student t(N − 1).
 * For windows, SAR_i is replaced by SCAR_i = CAR_i/√Var(CAR_i). Robust to event-induced
 * variance; assumes cross-sectional independence.
 *
 * ## References
 * - Boehmer, E., Musumeci, J. & Poulsen, A. B. (1991). Event-study methodology under conditions
 *   of event-induced variance. Journal of Financial Economics 30(2), 253–272.
 *
 * @param sar - Standardized abnormal returns, one per event (`NaN` = missing).
 * @returns `{ statistic, p_value, df: N − 1, n, … }`.
 * @example
 * ```ts
 * bmpTest([1.2, 0.4, 2.1, -0.3]).statistic; // => 1.643
 * bmpTest([1.2, 0.4, 2.1, -0.3]).p_value;   // => 0.199 (Student t with 3 df)
 * ```
 */
export function bmpTest(sar: ArrayLike<number>): CrossTestResult {
  checkNumbers("bmpTest", "sar", sar);
  const method = "BMP test (Boehmer-Musumeci-Poulsen)";
  const convention = "t = mean(SAR)/(s/√N), s with N − 1; t(N − 1)";
  const m = moments(sar);
  if (m.n < 2) return emptyResult(m.n, method, convention);
  const t = m.mean / (m.sd / Math.sqrt(m.n));
  return makeResult(t, pStudent(t, m.n - 1), m.n - 1, m.n, method, convention);
}

/**
 * Kolari–Pynnönen (2010) adjusted BMP test for cross-correlated abnormal returns.
 *
 * ## Method
 * t_KP = t_BMP · √((1 − r̄)/(1 + (N − 1) r̄)), r̄ the average pairwise correlation of the
 * estimation-window residuals, against Student t(N − 1).
 *
 * ## References
 * - Kolari, J. W. & Pynnönen, S. (2010). Event study testing with cross-sectional correlation of
 *   abnormal returns. Review of Financial Studies 23(11), 3996–4025.
 *
 * @param sar - Standardized abnormal returns, one per event.
 * @param rbar - Average cross-correlation r̄.
 * @returns `{ statistic, p_value, df: N − 1, n, details: { rbar } }`.
 * @example
 * ```ts
 * adjustedBmpTest([1.2, 0.4, 2.1, -0.3], 0.1).statistic; // => 1.367 (1.643 · √(0.9/1.3))
 * ```
 */
export function adjustedBmpTest(sar: ArrayLike<number>, rbar: number): CrossTestResult {
  checkNumber("adjustedBmpTest", "rbar", rbar);
  checkNumbers("adjustedBmpTest", "sar", sar);
  const base = bmpTest(sar);
  const n = base.n;
  const t = base.statistic * Math.sqrt((1 - rbar) / (1 + (n - 1) * rbar));
  return makeResult(
    t,
    pStudent(t, n - 1),
    n - 1,
    n,
    "adjusted BMP test (Kolari-Pynnönen)",
    "t_BMP·√((1 − r̄)/(1 + (N − 1)r̄)), r̄ calendar-aligned (i ≠ j); t(N − 1)",
    { rbar },
  );
}

/** Registry entry: SARs (estudy2: sample-variance SARs); estudy2 `bh`. */
export const bmp: CrossTestDescriptor<"bmp"> = {
  name: "bmp",
  method: "BMP test (Boehmer-Musumeci-Poulsen)",
  estudy2: "bh",
  estudy2Window: "sum-of-daily",
  needs: [],
  daily: (ctx, day) => bmpTest(ctx.e2 ? day.sarE2 : day.sar),
  window: (_ctx, w) => bmpTest(w.scar),
};

/** Registry entry: BMP with the Kolari–Pynnönen r̄ (textbook in both profiles). */
export const adjustedBmp: CrossTestDescriptor<"adjusted_bmp"> = {
  name: "adjusted_bmp",
  method: "adjusted BMP test (Kolari-Pynnönen)",
  needs: ["rbar"],
  daily: (ctx, day) => adjustedBmpTest(day.sar, ctx.rbar),
  window: (ctx, w) => adjustedBmpTest(w.scar, ctx.rbar),
};
