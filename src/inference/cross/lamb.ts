/**
 * Lamb (1995) portfolio test with the forecast-error correction.
 * @module
 */
import type { PortfolioTestOptions } from "./timeSeriesT.js";
import type { CrossTestResult } from "./types.js";
import { emptyResult, makeResult, moments, pNormal, pStudent } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkNumber } from "../../check.js";
import { checkPortfolioArgs } from "./checkArgs.js";

/**
 * Lamb's test: the time-series test with the market model's forecast-error correction.
 *
 * ## Method
 * S_τ = Ŝ √C_τ, Ŝ the sample SD of the estimation-window portfolio series (as in the time-series
 * t test), C_τ the forecast-error factor: daily C_τ = 1 + x_τ′(X′X)⁻¹x_τ (market model:
 * 1 + 1/M + (R_mτ − R̄_m)²/S_mm); for a window C = 1′(I + X*(X′X)⁻¹X*′)1, the full-covariance
 * factor of the CAR. Statistic = AAR_τ/S_τ or CAAR/(Ŝ√C). Textbook: C averaged over the events
 * (one common regressor when the events share the market and the dates), t(M − 1); estudy2:
 * the first event's market series with 1/L̄, N(0, 1). Tolerates cross-correlation.
 *
 * ## References
 * - Lamb, R. P. (1995). An exposure-based analysis of property-liability insurer stock values
 *   around Hurricane Andrew. Journal of Risk and Insurance 62(1), 111–123.
 *
 * @param estimate - AAR_τ or CAAR.
 * @param portfolio - The estimation-window portfolio series.
 * @param factor - C (daily factor, or the window's full-covariance factor).
 * @param options - `df` (default t(M − 1)); `length` is ignored (C carries the window).
 * @returns `{ statistic, p_value, df?, n: M, … }`.
 * @example
 * ```ts
 * lambTest(0.02, [0.001, -0.004, 0.003, 0.0, -0.002], 1.01).statistic; // => 7.366
 * ```
 */
export function lambTest(estimate: number, portfolio: ArrayLike<number>, factor: number, options: PortfolioTestOptions = {}): CrossTestResult {
  checkPortfolioArgs("lambTest", estimate, portfolio, options);
  checkNumber("lambTest", "factor", factor);
  const method = "Lamb test";
  const m = moments(portfolio);
  const df = options.df ?? m.n - 1;
  const convention = `AAR/(Ŝ√C), Ŝ = SD of the estimation portfolio series, C forecast-error factor; ${df === "normal" ? "N(0,1)" : `t(${df})`}`;
  if (m.n < 2 || !(factor > 0)) return emptyResult(m.n, method, convention);
  const t = estimate / (m.sd * Math.sqrt(factor));
  if (df === "normal") return makeResult(t, pNormal(t), undefined, m.n, method, convention, { sd: m.sd, factor });
  return makeResult(t, pStudent(t, df), df, m.n, method, convention, { sd: m.sd, factor });
}

/**
 * Registry entry: the portfolio's estimation ARs and the mean prediction-variance factor
 * (estudy2: the first event's factor with 1/L̄, normal reference); estudy2 `lmb`.
 */
export const lamb: CrossTestDescriptor<"lamb"> = {
  name: "lamb",
  method: "Lamb test",
  estudy2: "lmb",
  estudy2Window: "sum-of-daily",
  needs: ["portfolio"],
  daily: (ctx, day) => {
    if (!ctx.e2) return lambTest(day.aar, ctx.portfolio, day.meanFactor);
    const first = ctx.first;
    const ars = first.ev.ars;
    const C1 = ars.variance[day.tau - first.start]! / ars.sigma2;
    const marketModel = first.ev.fit.model === "market" && first.ev.fit.k === 2;
    return lambTest(day.aar, ctx.portfolio, marketModel ? C1 - 1 / first.M + 1 / ctx.Lbar : C1, { df: "normal" });
  },
  window: (ctx, w) => lambTest(w.caar, ctx.portfolio, w.meanFactor),
};
