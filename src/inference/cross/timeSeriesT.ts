/**
 * Time-series (crude dependence adjustment) t test (Brown & Warner 1980, 1985).
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { emptyResult, makeResult, moments, pNormal, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkPortfolioArgs } from "./checkArgs.js";

/** Reference distribution options shared by the portfolio tests. */
export interface PortfolioTestOptions {
  /** Number of event days L the estimate sums (1 for an AAR, L for a CAAR); default 1. */
  readonly length?: number;
  /**
   * Reference: a number = Student t with that many degrees of freedom (may be fractional);
   * `"normal"` = N(0, 1); default: t with (number of portfolio values − 1) df.
   */
  readonly df?: number | "normal";
}

/**
 * Crude-dependence-adjusted (time-series) t test of an AAR or CAAR.
 *
 * ## Method
 * From the equally weighted estimation-window portfolio series AAR_t (see `averageByKey`), M
 * values, Ŝ = their sample SD (divisor M − 1). t = AAR_τ/Ŝ for a day, t = CAAR/(√L Ŝ) for a
 * window of L days, against t(M − 1) (textbook) — estudy2: t(L̄ − 1) daily with L̄ the mean
 * estimation length, N(0, 1) for windows. Because Ŝ comes from the portfolio's own variation,
 * the test allows for cross-correlation of the ARs, not for event-induced variance.
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1980). Measuring security price performance. JFE 8(3), 205–258.
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31.
 *
 * @param estimate - AAR_τ or CAAR.
 * @param portfolio - The estimation-window portfolio series.
 * @param options - `length`, `df`.
 * @returns `{ statistic, p_value, df, n: M, … }`, `details.sd` = Ŝ.
 * @example
 * ```ts
 * timeSeriesTTest(0.02, [0.001, -0.004, 0.003, 0.0, -0.002]).statistic; // => 7.40
 * ```
 */
export function timeSeriesTTest(estimate: number, portfolio: ArrayLike<number>, options: PortfolioTestOptions = {}): CrossTestResult {
  checkPortfolioArgs("timeSeriesTTest", estimate, portfolio, options);
  const method = "time-series t test (crude dependence adjustment)";
  const L = options.length ?? 1;
  const m = moments(portfolio);
  const df = options.df ?? m.n - 1;
  const convention = `t = AAR/(√L Ŝ), Ŝ = SD of the estimation portfolio series; ${df === "normal" ? "N(0,1)" : `t(${df})`}`;
  if (m.n < 2) return emptyResult(m.n, method, convention);
  const t = estimate / (Math.sqrt(L) * m.sd);
  if (df === "normal") return makeResult(t, pNormal(t), undefined, m.n, method, convention, { sd: m.sd });
  return makeResult(t, pStudent(t, df), df, m.n, method, convention, { sd: m.sd });
}

/**
 * Registry entry: the portfolio's estimation ARs give the standard deviation; estudy2 `bw_1985`
 * (daily df L̄ − 1).
 */
export const timeSeriesT: CrossTestDescriptor<"time_series_t"> = {
  name: "time_series_t",
  method: "time-series t test (crude dependence adjustment)",
  estudy2: "bw_1985",
  estudy2Window: "sum-of-daily",
  needs: ["portfolio"],
  daily: (ctx, day) => timeSeriesTTest(day.aar, ctx.portfolio, ctx.e2 ? { df: ctx.Lbar - 1 } : {}),
  window: (ctx, w) => timeSeriesTTest(w.caar, ctx.portfolio, { length: w.L }),
};
