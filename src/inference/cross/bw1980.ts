/**
 * Brown & Warner (1980) t test with independence (per-event variances).
 * @module
 */
import type { PortfolioTestOptions } from "./timeSeriesT.js";
import type { CrossTestResult } from "./types.js";
import { Acc, emptyResult, makeResult, pNormal, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkPortfolioArgs } from "./checkArgs.js";

/**
 * Brown–Warner (1980) test of an AAR or CAAR assuming independent events.
 *
 * ## Method
 * S = √(Σ_i s_i²)/N over the N events, s_i² the residual variance of event i (textbook:
 * RSS/(M_i − k_i); estudy2: the sample variance of the estimation ARs, divisor M_i − 1);
 * statistic = AAR/S for a day, CAAR/(√L S) for a window of L days. Reference: textbook N(0, 1)
 * (S pools Σ M_i observations), estudy2 t(L̄ − 1) daily and N(0, 1) for windows (pass `df`).
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1980). Measuring security price performance. Journal of
 *   Financial Economics 8(3), 205–258.
 *
 * @param estimate - AAR_τ or CAAR.
 * @param variances - s_i² of the events in the average.
 * @param options - `length` (default 1), `df` (default `"normal"`).
 * @returns `{ statistic, p_value, n, … }`, `details.sd` = S.
 * @example
 * ```ts
 * brownWarner1980Test(0.01, [1e-4, 2e-4, 1.5e-4]).statistic; // => 1.4142 (0.01/(√4.5e-4/3))
 * ```
 */
export function brownWarner1980Test(estimate: number, variances: ArrayLike<number>, options: PortfolioTestOptions = {}): CrossTestResult {
  checkPortfolioArgs("brownWarner1980Test", estimate, variances, options);
  const method = "Brown-Warner 1980 t test (independence)";
  const L = options.length ?? 1;
  const df = options.df ?? "normal";
  const convention = `S = √(Σs²)/N; ${df === "normal" ? "N(0,1)" : `t(${df})`}`;
  const acc = new Acc();
  let n = 0;
  for (let i = 0; i < variances.length; i++) {
    const v = variances[i]!;
    if (Number.isNaN(v)) continue;
    acc.add(v);
    n++;
  }
  if (n === 0) return emptyResult(0, method, convention);
  const S = Math.sqrt(acc.value) / n;
  const t = estimate / (Math.sqrt(L) * S);
  if (df === "normal") return makeResult(t, pNormal(t), undefined, n, method, convention, { sd: S });
  return makeResult(t, pStudent(t, df), df, n, method, convention, { sd: S });
}

/** Registry entry: s_i² of the profile (estudy2: sample variance, daily df L̄ − 1); estudy2 `bw_1980`. */
export const bw1980: CrossTestDescriptor<"bw1980"> = {
  name: "bw1980",
  method: "Brown-Warner 1980 t test (independence)",
  estudy2: "bw_1980",
  estudy2Window: "sum-of-daily",
  needs: [],
  daily: (ctx, day) => brownWarner1980Test(day.aar, day.s2, ctx.e2 ? { df: ctx.Lbar - 1 } : {}),
  window: (_ctx, w) => brownWarner1980Test(w.caar, w.s2, { length: w.L }),
};
