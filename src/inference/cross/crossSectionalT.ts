/**
 * Cross-sectional t test of a mean abnormal return (Brown & Warner 1985).
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { emptyResult, makeResult, moments, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumbers } from "../../check.js";

const METHOD = "cross-sectional t test";

/**
 * Cross-sectional t test: is the mean of N abnormal returns (AR_iτ of one day, or CAR_i of one
 * window) zero?
 *
 * ## Method
 * With x̄ and s the mean and sample SD (divisor N − 1) of the non-missing x_i,
 * t = x̄ / (s/√N), two-sided p from Student t(N − 1). Robust to event-induced variance, not to
 * cross-correlation (clustered event dates). `NaN` values are skipped; N < 2 gives `NaN`.
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 *
 * @param x - AR_iτ of one day, or CAR_i of one window (one value per event; `NaN` = missing).
 * @returns `{ statistic, p_value, df: N − 1, n: N, alternative, method, convention }`.
 * @example
 * ```ts
 * crossSectionalTTest([0.01, 0.02, -0.005, 0.015]).statistic; // => 1.851640199545103
 * ```
 */
export function crossSectionalTTest(x: ArrayLike<number>): CrossTestResult {
  checkNumbers("crossSectionalTTest", "x", x);
  const convention = "t = mean/(s/√N), s with divisor N − 1; t(N − 1)";
  const m = moments(x);
  if (m.n < 2) return emptyResult(m.n, METHOD, convention);
  const t = m.mean / (m.sd / Math.sqrt(m.n));
  return makeResult(t, pStudent(t, m.n - 1), m.n - 1, m.n, METHOD, convention, { mean: m.mean, sd: m.sd });
}

/** Registry entry: daily on the ARs, windows on the CARs; estudy2 `t_test`. */
export const crossSectionalT: CrossTestDescriptor<"cross_sectional_t"> = {
  name: "cross_sectional_t",
  method: "cross-sectional t test",
  estudy2: "t_test",
  estudy2Window: "sum-of-daily",
  needs: [],
  daily: (_ctx, day) => crossSectionalTTest(day.ar),
  window: (_ctx, w) => crossSectionalTTest(w.car),
};
