/**
 * Cumulative abnormal returns with the full-covariance variance, and BHARs, per event window.
 * @module
 */
import { invalidOption } from "../errors.js";
import { studentTTwoSided } from "../stats/index.js";
import type { Window } from "../types.js";
import type { AbnormalReturns, CarOptions, CarPath, CarResult, MissingPolicy } from "./types.js";
import { neumaierError } from "../stats/summary.js";
import { checkArray, checkOptions, checkShape } from "../check.js";
import { ABNORMAL_RETURNS } from "../shapes.js";

const MISSING: readonly MissingPolicy[] = ["propagate", "skip"];

function checkWindow(ars: AbnormalReturns, window: Window, name: string): void {
  if (!Array.isArray(window)) invalidOption(name, window, "a window [τ1, τ2] of two integer offsets");
  const [a, b] = window;
  const first = ars.start;
  const last = ars.start + ars.length - 1;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a > b || a < first || b > last) {
    invalidOption(name, window, `integer offsets [τ1, τ2] with ${first} ≤ τ1 ≤ τ2 ≤ ${last} (the predicted sessions)`);
  }
}

function missingPolicy(options: CarOptions): MissingPolicy {
  const missing = options.missing ?? "propagate";
  if (!MISSING.includes(missing)) invalidOption("missing", missing, `"propagate" or "skip"`);
  return missing;
}

/** sᵀCs for a k-vector s and k×k C. */
function form(C: Float64Array, s: Float64Array, k: number): number {
  let q = 0;
  for (let a = 0; a < k; a++) {
    let r = 0;
    for (let b = 0; b < k; b++) r += C[a * k + b]! * s[b]!;
    q += s[a]! * r;
  }
  return q;
}

/**
 * Cumulative abnormal return over one event window, its exact variance under the full
 * covariance of the ARs, the t test, and the buy-and-hold abnormal return.
 *
 * ## Method
 * For W = [τ1, τ2] (L = τ2 − τ1 + 1 sessions):
 * - CAR = Σ_{τ∈W} AR_τ (compensated sum);
 * - Var(CAR) = 1ᵀV_W1 with V = s²(I + X*(XᵀX)⁻¹X*ᵀ), computed without forming V as
 *   s²(n + sᵀ(XᵀX)⁻¹s) where s = Σ_{τ∈W} x_τ is the sum of the window's regressor rows. For
 *   the market model this is s²[L + L²/M + (Σ_{τ∈W}(R_mτ − R̄_m))²/S_mm]; constant mean
 *   s²(L + L²/M); market-adjusted Ls²; with forecast variances (`ars.conditional`, GARCH)
 *   Σ Var(AR_τ), the forecasts being uncorrelated. The diagonal-only sum Σ Var(AR_τ) (what several
 *   packages use) is reported separately as `diagonalVariance`;
 * - t = SCAR = CAR/√Var(CAR), two-sided p from Student t with df = M − k;
 * - BHAR = Π(1 + R_τ) − Π(1 + E[R_τ]) on simple returns (see {@link buyAndHoldAbnormalReturn}).
 * Missing ARs: `missing: "propagate"` (default) makes every window statistic `NaN`;
 * `"skip"` uses only the days with an AR (`n` of them) consistently in CAR, variance and BHAR.
 * Cost O(L·k + k²).
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eqs. (11)–(13).
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.3 (eq. 4.4.13: the CAR variance with the estimation-error covariance).
 * - Barber, B. M. & Lyon, J. D. (1997). Detecting long-run abnormal stock returns. Journal of
 *   Financial Economics 43(3), 341–372 (BHAR).
 *
 * @param ars - Abnormal returns from {@link abnormalReturns}.
 * @param window - `[τ1, τ2]`, offsets relative to day 0, inside the predicted sessions.
 * @param options - `missing`: `propagate` (default) or `skip`.
 * @returns The window record.
 * @throws MarketReactionError `INVALID_OPTION` when the window is not inside the predicted
 *   sessions or `missing` is unknown.
 * @example
 * ```ts
 * // constant-mean model on four estimation days (mean 0.5%, s² = 1.667e-4), then days −1, 0, +1
 * const asset = Float64Array.of(0.01, -0.01, 0.02, 0, 0.03, 0.05, -0.01);
 * const fit = fitModel({ type: "constant-mean" }, { asset }, [0, 1, 2, 3]);
 * const ars = abnormalReturns(fit, predictModel(fit, { asset }, [4, 5, 6]), asset.subarray(4), { start: -1 });
 * const w = cumulativeAbnormalReturn(ars, [-1, 1]);
 * w.car;      // => 0.055 (0.025 + 0.045 − 0.015)
 * w.variance; // => 8.75e-4 (s²(L + L²/M) = s²(3 + 9/4))
 * w.t;        // => 1.859
 * w.pValue;   // => 0.160 (Student t with 3 df)
 * ```
 */
export function cumulativeAbnormalReturn(ars: AbnormalReturns, window: Window, options: CarOptions = {}): CarResult {
  checkShape("cumulativeAbnormalReturn", "ars", ars, ABNORMAL_RETURNS);
  checkOptions("cumulativeAbnormalReturn", options);
  checkWindow(ars, window, "window");
  const missing = missingPolicy(options);
  return carUnchecked(ars, window, missing, false);
}

/**
 * {@link cumulativeAbnormalReturn} for several windows at once (the usual `[0, 0]`, `[-1, 1]`,
 * `[0, 5]`, …), in the order given.
 *
 * ## Method
 * As {@link cumulativeAbnormalReturn}, window by window.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39.
 *
 * @param ars - Abnormal returns from {@link abnormalReturns}.
 * @param windows - Windows `[τ1, τ2]` in offsets relative to day 0.
 * @param options - `missing`: `propagate` (default) or `skip`.
 * @returns One record per window.
 * @throws MarketReactionError `INVALID_OPTION` when a window is outside the predicted sessions.
 * @example
 * ```ts
 * // constant-mean model on four estimation days (mean 0.5%, s² = 1.667e-4), then days −1, 0, +1
 * const asset = Float64Array.of(0.01, -0.01, 0.02, 0, 0.03, 0.05, -0.01);
 * const fit = fitModel({ type: "constant-mean" }, { asset }, [0, 1, 2, 3]);
 * const ars = abnormalReturns(fit, predictModel(fit, { asset }, [4, 5, 6]), asset.subarray(4), { start: -1 });
 * cumulativeAbnormalReturns(ars, [[0, 0], [-1, 1]]).map((w) => w.car); // => [0.045, 0.055]
 * ```
 */
export function cumulativeAbnormalReturns(ars: AbnormalReturns, windows: readonly Window[], options: CarOptions = {}): CarResult[] {
  checkShape("cumulativeAbnormalReturns", "ars", ars, ABNORMAL_RETURNS);
  checkArray("cumulativeAbnormalReturns", "windows", windows);
  checkOptions("cumulativeAbnormalReturns", options);
  const missing = missingPolicy(options);
  for (let w = 0; w < windows.length; w++) checkWindow(ars, windows[w]!, `windows[${w}]`);
  const out: CarResult[] = new Array<CarResult>(windows.length);
  for (let w = 0; w < windows.length; w++) out[w] = carUnchecked(ars, windows[w]!, missing, false);
  return out;
}

/**
 * {@link cumulativeAbnormalReturns} with `missing: "propagate"` of abnormal returns made by
 * `abnormalReturns` (so that each day's p-value is that of its t statistic) over windows
 * known to lie within them, without checking either: the inner loop of `eventStudy`. A
 * one-day window whose t statistic is the day's own takes the day's p-value instead of
 * computing it again (the same number).
 * @internal
 */
export function carsOf(ars: AbnormalReturns, windows: readonly Window[], into?: readonly CarRecord[]): readonly CarResult[] {
  // the caller's records are written again (one per window): a study that keeps no pair reads
  // each pair's CARs into its columns before the next pair, and allocates none
  const out = into ?? Array.from(windows, () => newCarRecord());
  for (let w = 0; w < windows.length; w++) carUnchecked(ars, windows[w]!, "propagate", true, out[w]!);
  return out;
}

/** A {@link CarResult} whose fields {@link carUnchecked} writes (internal: a record reused from pair to pair). */
export type CarRecord = { -readonly [K in keyof CarResult]: CarResult[K] } & { window: [number, number] };

/** A record for {@link carUnchecked} to fill (every double field starts as a double, so none changes representation). */
export function newCarRecord(): CarRecord {
  const nan = Number.NaN;
  return {
    window: [0, 0],
    from: 0,
    to: 0,
    length: 0,
    n: 0,
    car: nan,
    variance: nan,
    diagonalVariance: nan,
    se: nan,
    t: nan,
    scar: nan,
    pValue: nan,
    df: nan,
    bhar: nan,
    buyAndHold: nan,
    expectedBuyAndHold: nan,
  };
}

/** Sum of the window's regressor rows (module scratch, grown as needed: read before the next window). */
let rowSum = new Float64Array(8);

/**
 * {@link cumulativeAbnormalReturn} without the argument checks, for callers whose window lies in
 * the span (internal). `dayPValues`: the abnormal returns are `abnormalReturns`' own, so a
 * one-day window whose t statistic is the day's may take the day's p-value. Writes every field
 * of `into` (a new record unless given) and returns it.
 */
export function carUnchecked(ars: AbnormalReturns, window: Window, missing: MissingPolicy, dayPValues = false, into: CarRecord = newCarRecord()): CarResult {
  const { ar, variance: dayVariance, design, covUnscaled: C, actual, expected, k, length: m, sigma2, df } = ars;
  const from = window[0] - ars.start;
  const to = window[1] - ars.start + 1;
  const L = to - from;
  const skip = missing === "skip";
  if (rowSum.length < k) rowSum = new Float64Array(k);
  const s = rowSum.fill(0, 0, k);
  let sum = 0;
  let comp = 0;
  let diag = 0;
  let n = 0;
  let logA = 0;
  let logB = 0;
  const log = ars.returnType === "log";
  let missingSeen = false;
  for (let i = from; i < to; i++) {
    const a = ar[i]!;
    if (Number.isNaN(a)) {
      if (skip) continue;
      missingSeen = true;
    }
    n++;
    const u = sum + a;
    comp += neumaierError(sum, a, u);
    sum = u;
    diag += dayVariance[i]!;
    for (let j = 0; j < k; j++) s[j] = s[j]! + design[i + j * m]!;
    logA += log ? actual[i]! : Math.log1p(actual[i]!);
    logB += log ? expected[i]! : Math.log1p(expected[i]!);
  }
  const none = n === 0 || missingSeen;
  const car = none ? Number.NaN : sum + comp;
  // forecast variances (GARCH): uncorrelated ARs, Var(CAR) = Σ Var(AR_τ)
  const variance = none ? Number.NaN : ars.conditional === true ? diag : sigma2 * (n + (k === 0 ? 0 : form(C, s, k)));
  const se = Math.sqrt(variance);
  const t = car / se;
  into.window[0] = window[0];
  into.window[1] = window[1];
  into.from = from;
  into.to = to;
  into.length = L;
  into.n = n;
  into.car = car;
  into.variance = variance;
  into.diagonalVariance = none ? Number.NaN : diag;
  into.se = se;
  into.t = t;
  into.scar = t;
  into.pValue = dayPValues && L === 1 && t === ars.t[from] ? ars.pValue[from]! : studentTTwoSided(t, df);
  into.df = df;
  into.bhar = none ? Number.NaN : Math.exp(logB) * Math.expm1(logA - logB);
  into.buyAndHold = none ? Number.NaN : Math.expm1(logA);
  into.expectedBuyAndHold = none ? Number.NaN : Math.expm1(logB);
  return into;
}

/**
 * CAR path: the cumulative abnormal return from the first offset of a window to each offset
 * in it, with the full-covariance variance of each partial sum (for CAR charts with
 * confidence bands).
 *
 * ## Method
 * For τ = τ1 … τ2: CAR(τ1, τ) = Σ_{u=τ1}^{τ} AR_u and Var = s²(n_τ + s_τᵀ(XᵀX)⁻¹s_τ) with
 * s_τ the running sum of regressor rows (as {@link cumulativeAbnormalReturn}, one pass, O(L·k²));
 * with forecast variances (`ars.conditional`, GARCH) Var is the running sum of the daily variances.
 * With `missing: "propagate"` (default) the path is `NaN` from the first missing AR on; with
 * `"skip"` missing days add nothing (the path is flat there).
 *
 * ## References
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.3.
 *
 * @param ars - Abnormal returns from {@link abnormalReturns}.
 * @param window - `[τ1, τ2]`; default all predicted sessions.
 * @param options - `missing`: `propagate` (default) or `skip`.
 * @returns Offsets, CARs and variances as typed arrays.
 * @throws MarketReactionError `INVALID_OPTION` when the window is outside the predicted sessions.
 * @example
 * ```ts
 * // constant-mean model on four estimation days (mean 0.5%, s² = 1.667e-4), then days −1, 0, +1
 * const asset = Float64Array.of(0.01, -0.01, 0.02, 0, 0.03, 0.05, -0.01);
 * const fit = fitModel({ type: "constant-mean" }, { asset }, [0, 1, 2, 3]);
 * const ars = abnormalReturns(fit, predictModel(fit, { asset }, [4, 5, 6]), asset.subarray(4), { start: -1 });
 * const path = cumulativeAbnormalReturnPath(ars, [-1, 1]);
 * path.car;      // => Float64Array [0.025, 0.07, 0.055]
 * path.variance; // => Float64Array [2.083e-4, 5e-4, 8.75e-4]
 * path.car.map((c, i) => c + 1.96 * Math.sqrt(path.variance[i]!)); // => Float64Array [0.0533, 0.1138, 0.113]
 * ```
 */
export function cumulativeAbnormalReturnPath(ars: AbnormalReturns, window?: Window, options: CarOptions = {}): CarPath {
  checkShape("cumulativeAbnormalReturnPath", "ars", ars, ABNORMAL_RETURNS);
  checkOptions("cumulativeAbnormalReturnPath", options);
  return carPath(ars, window ?? [ars.start, ars.start + ars.length - 1], options);
}

function carPath(ars: AbnormalReturns, window: Window, options: CarOptions): CarPath {
  checkWindow(ars, window, "window");
  const skip = missingPolicy(options) === "skip";
  const { ar, design, covUnscaled: C, k, length: m, sigma2 } = ars;
  const from = window[0] - ars.start;
  const L = window[1] - window[0] + 1;
  const offsets = new Int32Array(L);
  const car = new Float64Array(L);
  const variance = new Float64Array(L);
  const s = new Float64Array(k);
  let sum = 0;
  let comp = 0;
  let n = 0;
  let diag = 0;
  let missingSeen = false;
  for (let j = 0; j < L; j++) {
    const i = from + j;
    offsets[j] = window[0] + j;
    const a = ar[i]!;
    if (Number.isNaN(a) && !skip) missingSeen = true;
    if (!(skip && Number.isNaN(a))) {
      n++;
      const u = sum + a;
      comp += neumaierError(sum, a, u);
      sum = u;
      diag += ars.variance[i]!;
      for (let c = 0; c < k; c++) s[c] = s[c]! + design[i + c * m]!;
    }
    const none = n === 0 || missingSeen;
    car[j] = none ? Number.NaN : sum + comp;
    variance[j] = none ? Number.NaN : ars.conditional === true ? diag : sigma2 * (n + (k === 0 ? 0 : form(C, s, k)));
  }
  return { offsets, car, variance };
}
