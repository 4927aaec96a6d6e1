/**
 * Patell (1976) standardized-residual test.
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { Acc, emptyResult, makeResult, pNormal } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumbers } from "../../check.js";

const METHOD = "Patell test";

/**
 * Patell's Z: the sum of standardized abnormal returns over their null variance.
 *
 * ## Method
 * Each SAR_i (a standardized AR_iτ, or a standardized CAR_i) is t-distributed with ν_i degrees of
 * freedom under H0, with variance ν_i/(ν_i − 2). Z = Σ_i SAR_i / √(Σ_i ν_i/(ν_i − 2)) against
 * N(0, 1). Textbook: ν_i = M_i − k_i, SAR forecast-error corrected with s² = RSS/(M − k);
 * estudy2 passes ν_i = M_i − 2 (its hard-coded (M − 2)/(M − 4)). For windows the textbook
 * profile uses SCAR_i = CAR_i/√Var(CAR_i) with the full covariance (MacKinlay's J2 form).
 * Events with a missing SAR or ν_i ≤ 2 are skipped.
 *
 * ## References
 * - Patell, J. M. (1976). Corporate forecasts of earnings per share and stock price behavior:
 *   empirical tests. Journal of Accounting Research 14(2), 246–276.
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial Markets,
 *   §4.4.3 (J2).
 *
 * @param sar - Standardized abnormal returns, one per event (`NaN` = missing).
 * @param df - ν_i per event (same length).
 * @returns `{ statistic: Z, p_value, n, … }` (normal reference, no `df`).
 * @example
 * ```ts
 * patellTest([1.2, 0.4, 2.1], [238, 238, 238]).statistic; // => 2.127
 * patellTest([1.2, 0.4, 2.1], [238, 238, 238]).p_value;   // => 0.0334
 * ```
 */
export function patellTest(sar: ArrayLike<number>, df: ArrayLike<number>): CrossTestResult {
  checkNumbers("patellTest", "df", df);
  checkNumbers("patellTest", "sar", sar);
  const convention = "Z = ΣSAR/√(Σν/(ν − 2)); N(0,1)";
  const num = new Acc();
  const den = new Acc();
  let n = 0;
  const len = Math.min(sar.length, df.length);
  for (let i = 0; i < len; i++) {
    const s = sar[i]!;
    const v = df[i]!;
    if (Number.isNaN(s) || !(v > 2)) continue;
    num.add(s);
    den.add(v / (v - 2));
    n++;
  }
  if (n === 0) return emptyResult(0, METHOD, convention);
  const z = num.value / Math.sqrt(den.value);
  return makeResult(z, pNormal(z), undefined, n, METHOD, convention);
}

/**
 * Kolari–Pynnönen (2010) adjusted Patell test for cross-correlated abnormal returns.
 *
 * ## Method
 * Z_adj = Z_Patell · √(1/(1 + (N − 1) r̄)), r̄ the average pairwise correlation of the
 * estimation-window residuals (see `averageResidualCorrelation`), against N(0, 1). The (1 − r̄)
 * factor of the adjusted BMP test is absent because Patell's variance is not cross-sectional.
 *
 * ## References
 * - Kolari, J. W. & Pynnönen, S. (2010). Event study testing with cross-sectional correlation of
 *   abnormal returns. Review of Financial Studies 23(11), 3996–4025.
 *
 * @param sar - Standardized abnormal returns, one per event.
 * @param df - ν_i per event.
 * @param rbar - Average cross-correlation r̄.
 * @returns `{ statistic, p_value, n, details: { rbar } … }`.
 * @example
 * ```ts
 * adjustedPatellTest([1.2, 0.4, 2.1], [238, 238, 238], 0.2).statistic; // => 1.798 (2.127/√1.4)
 * ```
 */
export function adjustedPatellTest(sar: ArrayLike<number>, df: ArrayLike<number>, rbar: number): CrossTestResult {
  checkNumbers("adjustedPatellTest", "sar", sar);
  checkNumbers("adjustedPatellTest", "df", df);
  const base = patellTest(sar, df);
  const convention = "Z·√(1/(1 + (N − 1)r̄)), r̄ calendar-aligned (i ≠ j); N(0,1)";
  const z = base.statistic * Math.sqrt(1 / (1 + (base.n - 1) * rbar));
  return makeResult(z, pNormal(z), undefined, base.n, "adjusted Patell test (Kolari-Pynnönen)", convention, { rbar });
}

/** Registry entry: SARs (estudy2: sample-variance SARs, ν = M − 2); estudy2 `pt`. */
export const patell: CrossTestDescriptor<"patell"> = {
  name: "patell",
  method: "Patell test",
  estudy2: "pt",
  estudy2Window: "sum-of-daily",
  needs: [],
  daily: (ctx, day) => (ctx.e2 ? patellTest(day.sarE2, ctx.dfE2) : patellTest(day.sar, ctx.dfTb)),
  window: (ctx, w) => patellTest(w.scar, ctx.dfTb),
};

/** Registry entry: Patell with the Kolari–Pynnönen r̄ (textbook in both profiles). */
export const adjustedPatell: CrossTestDescriptor<"adjusted_patell"> = {
  name: "adjusted_patell",
  method: "adjusted Patell test (Kolari-Pynnönen)",
  needs: ["rbar"],
  daily: (ctx, day) => adjustedPatellTest(day.sar, ctx.dfTb, ctx.rbar),
  window: (ctx, w) => adjustedPatellTest(w.scar, ctx.dfTb, ctx.rbar),
};
