/**
 * Jackknife t test of the precision-weighted mean abnormal return.
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { Acc, emptyResult, makeResult, moments, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumbers } from "../../check.js";

const METHOD = "jackknife t test";

/**
 * Jackknife test of the precision-weighted mean abnormal return (leave one event out).
 *
 * ## Method
 * θ̂ = Σ w_i x_i / Σ w_i with w_i = 1/Var(x_i) (the forecast-error variance of AR_iτ or the full
 * Var(CAR_i)). Leave-one-out estimates θ̂₍₋ᵢ₎ = (Σw x − w_i x_i)/(Σw − w_i), pseudo-values
 * p_i = Nθ̂ − (N − 1)θ̂₍₋ᵢ₎, and J = p̄/(s_p/√N) against Student t(N − 1), s_p the sample SD of
 * the pseudo-values. The weighted mean is used because for the plain mean the pseudo-values are
 * the observations themselves and J would be the cross-sectional t. EST's exact variant is
 * unverified against a reference implementation. Events with a missing x_i or a non-positive variance are skipped.
 *
 * ## References
 * - Giaccotto, C. & Sfiridis, J. M. (1996). Hypothesis testing in event studies: the case of
 *   variance changes. Journal of Economics and Business 48(4), 349–370.
 * - Efron, B. & Stein, C. (1981). The jackknife estimate of variance. Annals of Statistics 9(3),
 *   586–596.
 *
 * @param x - One value per event (AR of a day or CAR of a window).
 * @param variance - Var(x_i), same length.
 * @returns `{ statistic, p_value, df: N − 1, n: N, … }`, `details.estimate` = θ̂.
 * @example
 * ```ts
 * const test = jackknifeTest([0.01, 0.02, -0.005], [1e-4, 4e-4, 1e-4]);
 * test.details?.estimate; // => 0.00444 (the inverse-variance weighted mean)
 * test.statistic;         // => 0.502
 * ```
 */
export function jackknifeTest(x: ArrayLike<number>, variance: ArrayLike<number>): CrossTestResult {
  checkNumbers("jackknifeTest", "variance", variance);
  checkNumbers("jackknifeTest", "x", x);
  const convention = "weighted mean Σ(x/v)/Σ(1/v); leave-one-event-out pseudo-values; t(N − 1)";
  const len = Math.min(x.length, variance.length);
  const sw = new Acc();
  const swx = new Acc();
  let n = 0;
  for (let i = 0; i < len; i++) {
    const v = x[i]!;
    const s = variance[i]!;
    if (Number.isNaN(v) || !(s > 0)) continue;
    sw.add(1 / s);
    swx.add(v / s);
    n++;
  }
  if (n < 2) return emptyResult(n, METHOD, convention);
  const W = sw.value;
  const WX = swx.value;
  const theta = WX / W;
  const pseudo = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < len; i++) {
    const v = x[i]!;
    const s = variance[i]!;
    if (Number.isNaN(v) || !(s > 0)) continue;
    const loo = (WX - v / s) / (W - 1 / s);
    pseudo[j++] = n * theta - (n - 1) * loo;
  }
  const m = moments(pseudo);
  const t = m.mean / (m.sd / Math.sqrt(n));
  return makeResult(t, pStudent(t, n - 1), n - 1, n, METHOD, convention, { estimate: theta });
}

/** Registry entry: ARs with Var(AR), CARs with Var(CAR) (textbook in both profiles). */
export const jackknife: CrossTestDescriptor<"jackknife"> = {
  name: "jackknife",
  method: "jackknife t test",
  needs: [],
  daily: (_ctx, day) => jackknifeTest(day.ar, day.variance),
  window: (_ctx, w) => jackknifeTest(w.car, w.carVar),
};
