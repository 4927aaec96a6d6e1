/**
 * Abnormal volatility: squared standardized abnormal returns with their exact F tests, and
 * range-based daily variances (Parkinson, Garman–Klass) against their estimation-window mean.
 * @module
 */
import type { AbnormalReturns } from "../abnormal/index.js";
import { MarketReactionError, invalidOption } from "../errors.js";
import { fisherFSf, studentTTwoSided } from "../stats/index.js";
import type { Window } from "../types.js";
import { checkNumbers, checkShape } from "../check.js";
import { ABNORMAL_RETURNS } from "../shapes.js";

/** Result of {@link abnormalVolatility}. */
export interface AbnormalVolatility {
  /** Offsets (relative to day 0) of the sessions tested. */
  readonly offsets: Int32Array;
  /** AR_τ²/Var̂(AR_τ) per session: F(1, M − k) under the model's assumptions. */
  readonly ratio: Float64Array;
  /** P(F(1, M − k) > ratio) per session. */
  readonly pValue: Float64Array;
  /** The window statistic W = AR′Ω⁻¹AR/(L·s²), Ω = I + X*(XᵀX)⁻¹X*′: F(L, M − k). */
  readonly windowStatistic: number;
  /** The window's mean of `ratio` (descriptive; its terms share s² and are correlated through Ω). */
  readonly windowMeanRatio: number;
  /** Numerator degrees of freedom L (sessions with an abnormal return) and denominator M − k. */
  readonly df1: number;
  readonly df2: number;
  /** P(F(L, M − k) > W). */
  readonly windowPValue: number;
}

/** Cholesky factor (lower, row-major) of a symmetric positive-definite L×L matrix, in place. */
function cholesky(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let p = 0; p < j; p++) d -= a[j * n + p]! ** 2;
    if (!(d > 0))
      throw new MarketReactionError("SINGULAR_DESIGN", "abnormal volatility: the prediction-error covariance of the window is not positive definite");
    const l = Math.sqrt(d);
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let p = 0; p < j; p++) s -= a[i * n + p]! * a[j * n + p]!;
      a[i * n + j] = s / l;
    }
  }
}

/** vᵀA⁻¹v from the Cholesky factor of A (forward substitution). */
function inverseForm(chol: Float64Array, v: Float64Array, n: number): number {
  const w = new Float64Array(n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    let s = v[i]!;
    for (let p = 0; p < i; p++) s -= chol[i * n + p]! * w[p]!;
    w[i] = s / chol[i * n + i]!;
    q += w[i]! * w[i]!;
  }
  return q;
}

/** Ω = I + X*(XᵀX)⁻¹X*′ on the rows `rows` of the event-window design. */
function omegaOf(ars: AbnormalReturns, rows: readonly number[]): Float64Array {
  const L = rows.length;
  const m = ars.length;
  const k = ars.k;
  const C = ars.covUnscaled;
  const om = new Float64Array(L * L);
  for (let a = 0; a < L; a++) {
    for (let b = a; b < L; b++) {
      let s = a === b ? 1 : 0;
      for (let p = 0; p < k; p++) {
        for (let q = 0; q < k; q++) s += ars.design[rows[a]! + p * m]! * C[p * k + q]! * ars.design[rows[b]! + q * m]!;
      }
      om[a * L + b] = s;
      om[b * L + a] = s;
    }
  }
  return om;
}

/**
 * Abnormal-volatility tests on abnormal returns from an estimation-window fit.
 *
 * ## Method
 * Under the model's assumptions (normal, homoskedastic, serially independent disturbances, no
 * variance change), AR_τ/√Var̂(AR_τ) is Student t with M − k degrees of freedom, so its square
 * `ratio_τ = AR_τ²/Var̂(AR_τ)` is exactly F(1, M − k); p-values P(F > ratio). Over a window of
 * L sessions, the ARs are N(0, σ²Ω) with Ω = I + X*(XᵀX)⁻¹X*′ and independent of s², so
 * W = AR′Ω⁻¹AR/(L s²) is exactly F(L, M − k) (by Cholesky of Ω). A large ratio signals a
 * variance increase or a mean shift; the test does not tell them apart. Under volatility
 * clustering the estimation-window s² misstates the event-day variance and the F reference is
 * wrong in either direction: use the GARCH standardization ({@link garchAbnormalReturns}).
 *
 * ## References
 * - Beaver, W. H. (1968). The information content of annual earnings announcements. Journal of Accounting Research 6, 67–92 (the variance ratio U).
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial Markets, §4.4.
 *
 * @param ars - Abnormal returns from `abnormalReturns`.
 * @param window - Offsets [from, to] relative to day 0 (default: every session of `ars`).
 * @throws INVALID_OPTION for a window outside `ars`; INSUFFICIENT_DATA when it holds no abnormal return.
 * @example
 * ```ts
 * // constant mean with s² = 1e-4, M = 100: an AR of 0.03 is a variance ratio of 9/1.01
 * const fit = { spec: { type: "constant-mean" } as const, model: "constant-mean", names: ["alpha"], coefficients: Float64Array.of(0),
 *   sigma2: 1e-4, df: 99, nObs: 100, k: 1, r2: NaN, covUnscaled: Float64Array.of(0.01), used: new Int32Array(0), residuals: new Float64Array(0) };
 * const ars = abnormalReturns(fit, { expected: Float64Array.of(0), design: Float64Array.of(1) }, [0.03]);
 * const v = abnormalVolatility(ars);
 * Math.round(v.ratio[0]! * 1e6) / 1e6; // => 8.910891
 * Math.abs(v.windowStatistic - v.ratio[0]!) < 1e-12; // => true (one session: W is the ratio)
 * ```
 */
export function abnormalVolatility(ars: AbnormalReturns, window?: Window): AbnormalVolatility {
  checkShape("abnormalVolatility", "ars", ars, ABNORMAL_RETURNS);
  if (window !== undefined) checkNumbers("abnormalVolatility", "window", window);
  const [from, to] = window ?? [ars.start, ars.start + ars.length - 1];
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < ars.start || to > ars.start + ars.length - 1) {
    invalidOption("window", window, `offsets within [${ars.start}, ${ars.start + ars.length - 1}]`);
  }
  const rows: number[] = [];
  for (let i = from - ars.start; i <= to - ars.start; i++) if (Number.isFinite(ars.ar[i]!) && Number.isFinite(ars.variance[i]!)) rows.push(i);
  if (rows.length === 0) throw new MarketReactionError("INSUFFICIENT_DATA", `abnormal volatility: no abnormal return in the window [${from}, ${to}]`);
  const L = rows.length;
  const df2 = ars.df;
  const ratio = new Float64Array(L);
  const pValue = new Float64Array(L);
  const offsets = new Int32Array(L);
  let mean = 0;
  for (let j = 0; j < L; j++) {
    const i = rows[j]!;
    offsets[j] = ars.start + i;
    ratio[j] = (ars.ar[i]! * ars.ar[i]!) / ars.variance[i]!;
    pValue[j] = fisherFSf(ratio[j]!, 1, df2);
    mean += ratio[j]! / L;
  }
  const om = omegaOf(ars, rows);
  cholesky(om, L);
  const v = Float64Array.from(rows, (i) => ars.ar[i]!);
  const W = inverseForm(om, v, L) / (L * ars.sigma2);
  return { offsets, ratio, pValue, windowStatistic: W, windowMeanRatio: mean, df1: L, df2, windowPValue: fisherFSf(W, L, df2) };
}

/** Daily OHLC prices on one session index (NaN = missing). */
export interface RangeData {
  readonly open?: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close?: Float64Array;
}

/** Range-based variance estimator: `parkinson` (high, low) or `garman-klass` (open, high, low, close). */
export type RangeEstimator = "parkinson" | "garman-klass";

const LN2 = Math.LN2;

/**
 * Daily variance estimates from the price range.
 *
 * ## Method
 * Parkinson (1980): σ̂² = (ln H/L)²/(4 ln 2). Garman–Klass (1980):
 * σ̂² = ½(ln H/L)² − (2 ln 2 − 1)(ln C/O)². Both assume a driftless Brownian log price within
 * the session and continuous observation (discrete trading biases them down); neither sees
 * the overnight gap. NaN where a price is missing or not positive, or high < low.
 *
 * ## References
 * - Parkinson, M. (1980). The extreme value method for estimating the variance of the rate of return. Journal of Business 53(1), 61–65.
 * - Garman, M. B. & Klass, M. J. (1980). On the estimation of security price volatilities from historical data. Journal of Business 53(1), 67–78.
 *
 * @example
 * ```ts
 * const v = rangeVariance({ high: Float64Array.of(102), low: Float64Array.of(100) }, "parkinson");
 * Math.round(v[0]! * 1e10) / 1e10; // => 0.0001414361
 * ```
 */
export function rangeVariance(data: RangeData, estimator: RangeEstimator): Float64Array {
  if (estimator !== "parkinson" && estimator !== "garman-klass") invalidOption("estimator", estimator, `"parkinson" or "garman-klass"`);
  const { high, low, open, close } = data;
  if (estimator === "garman-klass" && (open === undefined || close === undefined)) {
    throw new MarketReactionError("MISSING_RETURNS", "the Garman–Klass estimator needs open and close prices as well as high and low");
  }
  const n = high.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const h = high[t]!;
    const l = low[t]!;
    const ok = h > 0 && l > 0 && h >= l;
    const hl = Math.log(h / l);
    if (estimator === "parkinson") {
      out[t] = ok ? (hl * hl) / (4 * LN2) : Number.NaN;
    } else {
      const o = open![t]!;
      const c = close![t]!;
      const co = Math.log(c / o);
      out[t] = ok && o > 0 && c > 0 ? 0.5 * hl * hl - (2 * LN2 - 1) * co * co : Number.NaN;
    }
  }
  return out;
}

/** Result of {@link rangeVolatilityTest}. */
export interface RangeVolatilityTest {
  /** Estimation-window mean of the daily range variance. */
  readonly estimationMean: number;
  /** Event-session range variance over the estimation mean. */
  readonly ratio: Float64Array;
  /** t statistics of ln σ̂²_τ against the estimation mean and SD of ln σ̂²: (ln σ̂²_τ − m)/(s√(1 + 1/M)). */
  readonly t: Float64Array;
  /** Two-sided p-values of `t` (Student t, M − 1 degrees of freedom). */
  readonly pValue: Float64Array;
  readonly nObs: number;
  readonly df: number;
}

/**
 * Abnormal range-based volatility of event sessions against the estimation window.
 *
 * ## Method
 * `ratio_τ = σ̂²_τ / mean_est(σ̂²)` (mean over the finite estimation values). The test compares ln σ̂²_τ with the estimation-window
 * mean m and SD s of ln σ̂² (sessions with σ̂² > 0): t = (ln σ̂²_τ − m)/(s√(1 + 1/M)), Student t
 * with M − 1 degrees of freedom when the log range variances are independent normal draws
 * (the log range is close to normal: Alizadeh, Brandt & Diebold 2002). Volatility clustering
 * makes consecutive log variances dependent; the t reference then understates the spread of
 * the statistic, so read the p-values as approximate in clustered regimes.
 *
 * ## References
 * - Alizadeh, S., Brandt, M. W. & Diebold, F. X. (2002). Range-based estimation of stochastic volatility models. Journal of Finance 57(3), 1047–1091.
 *
 * @param variance - Daily range variances (from {@link rangeVariance}) on one session index.
 * @param estimation - Estimation sessions (indices).
 * @param event - Event sessions (indices).
 * @example
 * ```ts
 * const v = Float64Array.from({ length: 40 }, (_, t) => 1e-4 * (1 + 0.3 * Math.sin(t)));
 * v[39] = 4e-4;
 * const r = rangeVolatilityTest(v, Array.from({ length: 38 }, (_, t) => t), [39]);
 * r.ratio[0]! > 3.9; // => true
 * r.pValue[0]! < 0.001; // => true
 * ```
 */
export function rangeVolatilityTest(
  variance: Float64Array,
  estimation: readonly number[] | Int32Array,
  event: readonly number[] | Int32Array,
): RangeVolatilityTest {
  checkNumbers("rangeVolatilityTest", "variance", variance);
  checkNumbers("rangeVolatilityTest", "estimation", estimation);
  checkNumbers("rangeVolatilityTest", "event", event);
  const logs: number[] = [];
  let sum = 0;
  let finite = 0;
  for (const i of estimation) {
    const v = variance[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      finite++;
    }
    if (v > 0 && Number.isFinite(v)) logs.push(Math.log(v));
  }
  const M = logs.length;
  if (M < 2)
    throw new MarketReactionError("INSUFFICIENT_ESTIMATION_DATA", `range volatility: ${M} positive estimation-window range variances, at least 2 needed`);
  const estimationMean = sum / finite;
  let m = 0;
  for (const l of logs) m += l / M;
  let ss = 0;
  for (const l of logs) ss += (l - m) ** 2;
  const s = Math.sqrt(ss / (M - 1));
  const n = event.length;
  const ratio = new Float64Array(n);
  const t = new Float64Array(n);
  const pValue = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = variance[event[j]!]!;
    ratio[j] = v / estimationMean;
    t[j] = v > 0 ? (Math.log(v) - m) / (s * Math.sqrt(1 + 1 / M)) : Number.NaN;
    pValue[j] = studentTTwoSided(t[j]!, M - 1);
  }
  return { estimationMean, ratio, t, pValue, nObs: M, df: M - 1 };
}
