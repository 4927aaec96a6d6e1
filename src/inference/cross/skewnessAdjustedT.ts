/**
 * Skewness-adjusted t test (Johnson 1978; Lyon, Barber & Tsai 1999).
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { Acc, emptyResult, makeResult, moments, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumbers } from "../../check.js";

const METHOD = "skewness-adjusted t test";

/**
 * Johnson's skewness-adjusted t test of a mean (used for CARs and BHARs by Lyon, Barber & Tsai
 * 1999).
 *
 * ## Method
 * With x̄ and s the mean and sample SD (N − 1) of the non-missing x_i: Ŝ = x̄/s and the sample
 * skewness γ̂ = Σ(x_i − x̄)³/(N s³). Statistic t_sa = √N (Ŝ + γ̂Ŝ²/3 + γ̂/(6N)) (the Johnson/LBT
 * form, without Hall's γ̂²Ŝ³/27 term), two-sided p from Student t(N − 1) (the reference of the
 * t test it corrects; LBT pair it with a bootstrap). N < 3 gives `NaN`.
 *
 * ## References
 * - Johnson, N. J. (1978). Modified t tests and confidence intervals for asymmetrical
 *   populations. JASA 73(363), 536–544.
 * - Hall, P. (1992). On the removal of skewness by transformation. JRSS-B 54(1), 221–228.
 * - Lyon, J. D., Barber, B. M. & Tsai, C.-L. (1999). Improved methods for tests of long-run
 *   abnormal stock returns. Journal of Finance 54(1), 165–201.
 *
 * @param x - One value per event (AR of a day, CAR or BHAR of a window); `NaN` = missing.
 * @returns `{ statistic, p_value, df: N − 1, n: N, … }`, `details.skewness` = γ̂.
 * @example
 * ```ts
 * skewnessAdjustedTTest([0.01, 0.02, -0.005, 0.015, 0.08]).statistic; // => 2.046
 * ```
 */
export function skewnessAdjustedTTest(x: ArrayLike<number>): CrossTestResult {
  checkNumbers("skewnessAdjustedTTest", "x", x);
  const convention = "Johnson/LBT: √N(S + γS²/3 + γ/(6N)), S = mean/s, γ = Σ(x − mean)³/(N s³); t(N − 1)";
  const m = moments(x);
  const n = m.n;
  if (n < 3) return emptyResult(n, METHOD, convention);
  const c = new Acc();
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    const d = v - m.mean;
    c.add(d * d * d);
  }
  // Johnson/LBT's γ = Σ(x − x̄)³/(N s³) is neither of simple-statistics' two skewness estimators.
  const g = c.value / (n * m.sd * m.sd * m.sd);
  const S = m.mean / m.sd;
  const t = Math.sqrt(n) * (S + (g * S * S) / 3 + g / (6 * n));
  return makeResult(t, pStudent(t, n - 1), n - 1, n, METHOD, convention, { skewness: g });
}

/** Registry entry: ARs and CARs (textbook in both profiles). */
export const skewnessAdjustedT: CrossTestDescriptor<"skewness_adjusted_t"> = {
  name: "skewness_adjusted_t",
  method: "skewness-adjusted t test",
  needs: [],
  daily: (_ctx, day) => skewnessAdjustedTTest(day.ar),
  window: (_ctx, w) => skewnessAdjustedTTest(w.car),
};
