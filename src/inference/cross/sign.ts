/**
 * Sign test and Cowan's (1992) generalized sign test.
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { emptyResult, makeResult, pNormal } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkArray, checkNumber, checkNumbers } from "../../check.js";

/** Counts the non-missing values and those > 0 (0 counts as not positive). */
function countPositive(x: ArrayLike<number>): { n: number; w: number } {
  let n = 0;
  let w = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    w += +(v > 0); // branch-free: the sign of a residual is a coin flip
  }
  return { n, w };
}

/**
 * Sign test: is the share of positive abnormal returns one half?
 *
 * ## Method
 * w = #{i : x_i > 0} among the N non-missing x_i (an x_i of exactly 0 counts as not positive,
 * as in estudy2); Z = (w − N/2)/√(N/4) against N(0, 1).
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1980). Measuring security price performance. Journal of
 *   Financial Economics 8(3), 205–258.
 * - Cowan, A. R. (1992). Nonparametric event study tests. Review of Quantitative Finance and
 *   Accounting 2, 343–358.
 *
 * @param x - AR_iτ or CAR_i, one per event.
 * @returns `{ statistic: Z, p_value, n, details: { w } … }`.
 * @example
 * ```ts
 * signTest([0.01, 0.02, -0.01, 0.03]).statistic; // => 1
 * ```
 */
export function signTest(x: ArrayLike<number>): CrossTestResult {
  checkNumbers("signTest", "x", x);
  const method = "sign test";
  const convention = "Z = (w − N/2)/√(N/4), w = #{x > 0}; N(0,1)";
  const { n, w } = countPositive(x);
  if (n === 0) return emptyResult(0, method, convention);
  const z = (w - n / 2) / Math.sqrt(n / 4);
  return makeResult(z, pNormal(z), undefined, n, method, convention, { w });
}

/** How the generalized sign test's p̂ is formed. */
export type SignProbabilityPooling = "mean" | "pooled";

/**
 * The expected share p̂ of positive abnormal returns, from the estimation windows.
 *
 * ## Method
 * `mean` (Cowan 1992, textbook): p̂ = (1/N) Σ_i (1/M_i) Σ_{t∈E_i} 1[AR_it > 0], the mean of the
 * per-event fractions. `pooled` (estudy2): the positive count over all events and estimation
 * days divided by the number of (non-missing) estimation ARs. They differ when the M_i differ.
 *
 * ## References
 * - Cowan, A. R. (1992). Nonparametric event study tests. RQFA 2, 343–358.
 *
 * @param estimation - Estimation-window abnormal returns (residuals) of each event.
 * @param pooling - `mean` (default) or `pooled`.
 * @returns p̂ (`NaN` when there is no estimation AR).
 * @example
 * ```ts
 * generalizedSignProbability([[0.1, -0.2, 0.3], [0.1, -0.1]]); // => (2/3 + 1/2)/2
 * ```
 */
export function generalizedSignProbability(estimation: readonly ArrayLike<number>[], pooling: SignProbabilityPooling = "mean"): number {
  checkArray("generalizedSignProbability", "estimation", estimation);
  for (const [i, e] of estimation.entries()) checkNumbers("generalizedSignProbability", `estimation[${i}]`, e);
  return signProbabilityOf(estimation, pooling);
}

/** {@link generalizedSignProbability} without checking its arguments (the cross-event tests' own residuals). @internal */
export function signProbabilityOf(estimation: readonly ArrayLike<number>[], pooling: SignProbabilityPooling): number {
  let sumFrac = 0;
  let events = 0;
  let pos = 0;
  let all = 0;
  for (const e of estimation) {
    const { n, w } = countPositive(e);
    if (n === 0) continue;
    sumFrac += w / n;
    events++;
    pos += w;
    all += n;
  }
  if (events === 0) return Number.NaN;
  return pooling === "pooled" ? pos / all : sumFrac / events;
}

/**
 * Cowan's generalized sign test: is the share of positive abnormal returns the share expected
 * from the estimation window?
 *
 * ## Method
 * w = #{i : x_i > 0} among N non-missing x_i; Z = (w − N p̂)/√(N p̂ (1 − p̂)) against N(0, 1),
 * no continuity correction; p̂ from {@link generalizedSignProbability}.
 *
 * ## References
 * - Cowan, A. R. (1992). Nonparametric event study tests. Review of Quantitative Finance and
 *   Accounting 2, 343–358.
 *
 * @param x - AR_iτ or CAR_i, one per event.
 * @param pHat - Expected share of positive ARs.
 * @returns `{ statistic: Z, p_value, n, details: { w, p_hat } … }`.
 * @example
 * ```ts
 * generalizedSignTest([0.01, 0.02, -0.01, 0.03], 0.5).statistic; // => 1
 * ```
 */
export function generalizedSignTest(x: ArrayLike<number>, pHat: number): CrossTestResult {
  checkNumber("generalizedSignTest", "pHat", pHat);
  checkNumbers("generalizedSignTest", "x", x);
  const method = "generalized sign test (Cowan)";
  const convention = "Z = (w − Np̂)/√(Np̂(1 − p̂)); N(0,1)";
  const { n, w } = countPositive(x);
  if (n === 0 || !(pHat > 0 && pHat < 1)) return emptyResult(n, method, convention);
  const z = (w - n * pHat) / Math.sqrt(n * pHat * (1 - pHat));
  return makeResult(z, pNormal(z), undefined, n, method, convention, { w, p_hat: pHat });
}

/** Registry entry: signs of the ARs and CARs; estudy2 `sign`. */
export const sign: CrossTestDescriptor<"sign"> = {
  name: "sign",
  method: "sign test",
  estudy2: "sign",
  estudy2Window: "sum-of-daily",
  needs: [],
  daily: (_ctx, day) => signTest(day.ar),
  window: (_ctx, w) => signTest(w.car),
};

/** Registry entry: p̂ from the estimation residuals (estudy2: pooled); estudy2 `gsign`. */
export const generalizedSign: CrossTestDescriptor<"generalized_sign"> = {
  name: "generalized_sign",
  method: "generalized sign test (Cowan)",
  estudy2: "gsign",
  estudy2Window: "sum-of-daily",
  needs: ["pHat"],
  daily: (ctx, day) => generalizedSignTest(day.ar, ctx.pHat),
  window: (ctx, w) => generalizedSignTest(w.car, ctx.pHat),
};
