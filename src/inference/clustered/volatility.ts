/**
 * Event-period versus estimation-period volatility, and the `HIGH_EVENT_VOLATILITY` warning.
 * @module
 */
import { invalidOption } from "../../errors.js";
import type { Warning } from "../../errors.js";
import type { IndexRange } from "../../models/sample.js";
import type { VolatilityCheck } from "./types.js";
import { neumaierError } from "../../stats/summary.js";
import { checkNumbers, checkOptions, checkShape } from "../../check.js";

/**
 * Sample SD (divisor m − 1) of the finite values of x[start, end); `NaN` below 2 values. The
 * same arithmetic as simple-statistics' `sampleStandardDeviation` on the finite values (its
 * compensated sum for the mean, then the plain sum of squared deviations), in place instead of
 * on a filtered copy.
 */
export function finiteSd(x: Float64Array, start: number, end: number): { sd: number; m: number } {
  const a = Math.max(0, start);
  const b = Math.min(end, x.length);
  let m = 0;
  let sum = 0;
  let correction = 0;
  for (let i = a; i < b; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) continue;
    if (m++ === 0) {
      sum = v;
      continue;
    }
    const t = sum + v;
    correction += neumaierError(sum, v, t);
    sum = t;
  }
  if (m < 2) return { sd: Number.NaN, m };
  const mean = (sum + correction) / m;
  let squares = 0;
  for (let i = a; i < b; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) continue;
    const d = v - mean;
    squares += d * d;
  }
  return { sd: Math.sqrt(squares / (m - 1)), m };
}

/** Options of {@link volatilityCheck}. */
export interface VolatilityCheckOptions {
  /** Ratio at or above which the warning is raised; default 2. */
  readonly threshold?: number;
  /** Put on the warning (e.g. the series id). */
  readonly asset?: string;
  /** Put on the warning (e.g. the first statement's id). */
  readonly eventId?: string;
}

/**
 * Compares the realised volatility of the event period with that of the estimation period
 * and returns a `HIGH_EVENT_VOLATILITY` warning when the ratio of standard deviations is at
 * least `threshold` (default 2, i.e. four times the variance).
 *
 * ## Method
 * Sample standard deviations (divisor m − 1) of the finite returns in each index range. The
 * dummy regression calls it with the event period = the sessions from 10 before the first
 * day 0 to 10 after the last one (a band, because a [−1, +1] window alone has too few
 * returns for an SD) and the estimation period = the sample sessions before that band. The
 * homoskedastic (OLS) standard errors and the forecast-error variances of a market model
 * estimate the event-day variance from the estimation period, so with a ratio of 2 they
 * understate it about fourfold; the warning points to the Newey–West results (which still
 * cannot see the variance of a session isolated by its own dummy) and to the placebo test
 * drawn from the same volatility regime, which is designed for this case.
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31 (event-induced variance).
 * - Boehmer, E., Musumeci, J. & Poulsen, A. B. (1991). Event-study methodology under
 *   conditions of event-induced variance. Journal of Financial Economics 30(2), 253–272.
 *
 * @param returns - The series' returns (NaN = missing).
 * @param event - Event period, half-open index range.
 * @param estimation - Estimation period, half-open index range.
 * @param options - `threshold`, and ids for the warning.
 * @returns The two SDs, their ratio and the warning if any.
 * @throws INVALID_OPTION when `threshold` is not a positive number.
 * @example
 * ```ts
 * // 60 calm sessions (±0.5%), then 10 sessions swinging ±3%
 * const returns = Float64Array.from({ length: 70 }, (_, t) => (t < 60 ? 0.005 : 0.03) * Math.sin(t));
 * const v = volatilityCheck(returns, { start: 60, end: 70 }, { start: 0, end: 60 }, { asset: "SPX" });
 * [v.event_sd, v.estimation_sd, v.ratio]; // => [0.0207, 0.00355, 5.83]
 * v.warning?.code;  // => "HIGH_EVENT_VOLATILITY"
 * v.warning?.asset; // => "SPX"
 * volatilityCheck(returns, { start: 60, end: 70 }, { start: 0, end: 60 }, { threshold: 6 }).warning; // => undefined
 * ```
 */
export function volatilityCheck(returns: Float64Array, event: IndexRange, estimation: IndexRange, options: VolatilityCheckOptions = {}): VolatilityCheck {
  checkNumbers("volatilityCheck", "returns", returns);
  checkShape("volatilityCheck", "event", event, { start: "integer", end: "integer" });
  checkShape("volatilityCheck", "estimation", estimation, { start: "integer", end: "integer" });
  checkOptions("volatilityCheck", options);
  const threshold = options.threshold ?? 2;
  if (!(typeof threshold === "number" && threshold > 0 && Number.isFinite(threshold))) {
    invalidOption("volatilityRatio", threshold, "a positive number (ratio of standard deviations)");
  }
  const e = finiteSd(returns, event.start, event.end);
  const s = finiteSd(returns, estimation.start, estimation.end);
  const ratio = e.sd / s.sd;
  const base = {
    event_sd: e.sd,
    estimation_sd: s.sd,
    ratio,
    threshold,
    event_sessions: e.m,
    estimation_sessions: s.m,
  };
  if (!(ratio >= threshold)) return base;
  const warning: Warning = {
    code: "HIGH_EVENT_VOLATILITY",
    message:
      `the returns' SD in the event period (${pct(e.sd)} over ${e.m} sessions) is ${ratio.toFixed(2)} times the estimation period's ` +
      `(${pct(s.sd)} over ${s.m} sessions; threshold ${threshold}): homoskedastic and forecast-error standard errors understate ` +
      `the event-day variance, so read the Newey-West (HAC) results and the placebo test drawn from the same volatility regime`,
    ...(options.asset === undefined ? {} : { asset: options.asset }),
    ...(options.eventId === undefined ? {} : { event_id: options.eventId }),
  };
  return { ...base, warning };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(3)}%`;
}
