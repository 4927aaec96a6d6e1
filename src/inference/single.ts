/**
 * Single-event inference (one asset, one statement): t tests of an AR and of a CAR, and the
 * Gelbach–Helland–Klick SQ test. The quantile engine is in `src/stats/quantile.ts`, the
 * run sums from prefix pairs in `src/stats/runSums.ts`.
 * @module
 */
import type { AbnormalReturns, CarResult } from "../abnormal/types.js";
import { MarketReactionError, invalidOption } from "../errors.js";
import type { ModelFit } from "../models/types.js";
import type { SingleTTestResult, SqTestResult } from "./types.js";
import { countAtOrBelow, countBelow, quantile7, tailQuantiles7 } from "../stats/quantile.js";
import { runSumPrefix, runSums, type RunSumPrefix } from "../stats/runSums.js";
import { runSumCountsAndTails } from "../stats/runSumTails.js";
import { checkObject, checkOptions, checkShape } from "../check.js";
import { CAR_RESULT } from "../shapes.js";

const T_CONVENTION = "textbook: s² = RSS/(M − k); forecast-error-corrected variance σ²(1 + x′(X′X)⁻¹x); Var(CAR) = 1′V1 with the full covariance; t(M − k)";

/**
 * t test of one day's abnormal return: AR_τ/√Var(AR_τ) against Student t(M − k).
 *
 * ## Method
 * statistic = AR_τ/√(s²(1 + x_τᵀ(XᵀX)⁻¹x_τ)) (the standardized abnormal return), two-sided
 * p = 2·P(T_{M−k} > |t|). Exact under normal, homoskedastic, serially uncorrelated
 * disturbances; with fat tails the single-event t test is not valid even for large M
 * (Gelbach, Helland & Klick 2013); see {@link sqTest}.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39.
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.
 *
 * @param ars - Abnormal returns from `abnormalReturns`.
 * @param offset - The day τ, relative to day 0 (default 0).
 * @returns `{ statistic, p_value, df, n: 1, alternative, method, convention, estimate, se }`.
 * @throws MarketReactionError `INVALID_OPTION` when `offset` is not a predicted session.
 * @example
 * ```ts
 * // constant-mean model on four estimation days (s² = 1.667e-4, M = 4), then days −1, 0, +1
 * const asset = Float64Array.of(0.01, -0.01, 0.02, 0, 0.03, 0.05, -0.01);
 * const fit = fitModel({ type: "constant-mean" }, { asset }, [0, 1, 2, 3]);
 * const ars = abnormalReturns(fit, predictModel(fit, { asset }, [4, 5, 6]), asset.subarray(4), { start: -1 });
 * const test = arTTest(ars, 0);
 * test.estimate;  // => 0.045 (5% against the mean of 0.5%)
 * test.statistic; // => 3.118 (0.045/√(s²(1 + 1/4)))
 * test.p_value;   // => 0.0526 (Student t with 3 df)
 * ```
 */
export function arTTest(ars: AbnormalReturns, offset = 0): SingleTTestResult {
  checkShape("arTTest", "ars", ars, { start: "integer", length: "integer", df: "number", t: "numbers", pValue: "numbers", ar: "numbers", variance: "numbers" });
  const i = offset - ars.start;
  if (!Number.isInteger(offset) || i < 0 || i >= ars.length) {
    invalidOption("offset", offset, `an integer offset from ${ars.start} to ${ars.start + ars.length - 1}`);
  }
  return {
    statistic: ars.t[i]!,
    p_value: ars.pValue[i]!,
    df: ars.df,
    n: 1,
    alternative: "two-sided",
    method: "AR t test",
    convention: T_CONVENTION,
    estimate: ars.ar[i]!,
    se: Math.sqrt(ars.variance[i]!),
  };
}

/**
 * t test of a cumulative abnormal return: CAR/√Var(CAR) against Student t(M − k).
 *
 * ## Method
 * statistic = CAR/√(1ᵀV_W1) with V = s²(I + X*(XᵀX)⁻¹X*ᵀ) the full covariance of the window's
 * ARs (the standardized CAR, SCAR); two-sided p = 2·P(T_{M−k} > |t|). The numbers come from
 * the {@link CarResult}; this function gives them the test-result shape.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eqs. (11)–(13).
 * - Campbell, J. Y., Lo, A. W. & MacKinlay, A. C. (1997). The Econometrics of Financial
 *   Markets, §4.4.3.
 *
 * @param car - A window record from `cumulativeAbnormalReturn`.
 * @returns `{ statistic, p_value, df, n, alternative, method, convention, estimate, se }`, with
 *   `n` the number of ARs summed.
 * @example
 * ```ts
 * const asset = Float64Array.of(0.01, -0.01, 0.02, 0, 0.03, 0.05, -0.01);
 * const fit = fitModel({ type: "constant-mean" }, { asset }, [0, 1, 2, 3]);
 * const ars = abnormalReturns(fit, predictModel(fit, { asset }, [4, 5, 6]), asset.subarray(4), { start: -1 });
 * const test = carTTest(cumulativeAbnormalReturn(ars, [-1, 1]));
 * [test.estimate, test.se, test.statistic]; // => [0.055, 0.0296, 1.859]
 * [test.df, test.n, test.p_value];          // => [3, 3, 0.160]
 * ```
 */
export function carTTest(car: CarResult): SingleTTestResult {
  checkShape("carTTest", "car", car, CAR_RESULT);
  return {
    statistic: car.t,
    p_value: car.pValue,
    df: car.df,
    n: car.n,
    alternative: "two-sided",
    method: "CAR t test",
    convention: T_CONVENTION,
    estimate: car.car,
    se: car.se,
  };
}

/** How the SQ null sums treat sessions missing from the estimation sample. */
export type SqGaps = "ignore" | "exclude";

/** Options of {@link sqNullDistribution} and {@link sqTest}. */
export interface SqOptions {
  /**
   * `ignore` (default): sums of L residuals consecutive in the fit's `used` order, even where
   * estimation sessions between them are missing. `exclude`: only runs of L residuals whose
   * sessions are consecutive (`used[j + L − 1] − used[j] = L − 1`).
   */
  readonly gaps?: SqGaps;
  /** Coverage of the reported quantile interval; default 0.95 (the 2.5% and 97.5% quantiles). */
  readonly level?: number;
  /**
   * `true` (default): p = min(1, 2·(1 + min(below, above))/(n + 1)), counting the observed
   * statistic as one more draw. `false`: p = min(1, 2·min(below, above)/n), the plain
   * empirical-distribution p-value (0 when the statistic lies beyond every null sum).
   */
  readonly correction?: boolean;
}

/** The SQ test's null distribution: all sums of L consecutive estimation-window residuals. */
export interface SqNullDistribution {
  /** L, the number of residuals in each sum. */
  readonly length: number;
  /** The sums, sorted ascending. */
  readonly sums: Float64Array;
  /** How gaps in the estimation sample were treated. */
  readonly gaps: SqGaps;
}

/** Options of {@link sqTest}: {@link SqOptions} plus the window length when it cannot be inferred. */
export interface SqTestOptions extends SqOptions {
  /**
   * L, the number of residuals per null sum. Required when the statistic is a number and the
   * reference is a fit; default for a `CarResult`: its `n` (the number of ARs summed). Ignored
   * with a prebuilt {@link SqNullDistribution}.
   */
  readonly length?: number;
  /**
   * A reusable work buffer for the null sums (with a fit as reference): when it holds at least
   * n = M − L + 1 entries, the sums are written into it instead of a new array, so a loop over
   * many statistics allocates nothing. Its contents are overwritten.
   */
  readonly scratch?: Float64Array;
}

const GAPS: readonly SqGaps[] = ["ignore", "exclude"];

/**
 * Null distribution of the Gelbach–Helland–Klick SQ test for a window of L sessions: the
 * sums of every run of L consecutive estimation-window residuals, sorted.
 *
 * ## Method
 * With residuals ê_1 … ê_M of the fit (in session order, `fit.residuals` aligned with
 * `fit.used`), the sums S_j = Σ_{i=j}^{j+L−1} ê_i for j = 1 … M − L + 1 (overlapping runs;
 * for L = 1, the residuals themselves), each by a compensated sum, then sorted. Missing
 * estimation sessions are skipped in `used` order unless `gaps: "exclude"`, which keeps only
 * runs of consecutive sessions. `NaN` residuals are dropped. Overlapping sums are dependent;
 * GHK's argument needs only that their empirical distribution is consistent for the null
 * distribution of a CAR (stationary, weakly dependent disturbances). The residuals are
 * in-sample residuals, slightly less dispersed than prediction errors (factor 1 − h_ii
 * versus 1 + x′(X′X)⁻¹x); the difference vanishes as M grows, as in GHK.
 *
 * ## References
 * - Gelbach, J. B., Helland, E. & Klick, J. (2013). Valid inference in single-firm,
 *   single-event studies. American Law and Economics Review 15(2), 495–541.
 *
 * @param fit - The fit (`residuals`, `used`).
 * @param length - L ≥ 1, the window length.
 * @param options - `gaps`: `ignore` (default) or `exclude`.
 * @returns The sorted sums.
 * @throws MarketReactionError `INVALID_OPTION` for a non-positive or non-integer `length` or an
 *   unknown `gaps`; `INVALID_INPUT` when `residuals` and `used` differ in length with `gaps: "exclude"`.
 * @example
 * ```ts
 * const fit = fitModel({ type: "constant-mean" }, { asset: Float64Array.of(0.01, -0.02, 0.03, 0, -0.01) }, [0, 1, 2, 3, 4]);
 * fit.residuals; // => Float64Array [0.008, -0.022, 0.028, -0.002, -0.012]
 * const nullDist = sqNullDistribution(fit, 2); // sums of 2 consecutive residuals, sorted
 * nullDist.sums; // => Float64Array [-0.014, -0.014, 0.006, 0.026]
 * nullDist.sums.length; // => fit.residuals.length - 1
 * ```
 */
export function sqNullDistribution(fit: Pick<ModelFit, "residuals" | "used">, length: number, options: SqOptions = {}): SqNullDistribution {
  checkShape("sqNullDistribution", "fit", fit, { residuals: "numbers", used: "numbers" });
  checkOptions("sqNullDistribution", options);
  if (!Number.isInteger(length) || length < 1) invalidOption("length", length, "an integer ≥ 1 (the window length)");
  const gaps = options.gaps ?? "ignore";
  if (!GAPS.includes(gaps)) invalidOption("gaps", gaps, `"ignore" or "exclude"`);
  const out = residualSums(fit, length, gaps);
  out.sort();
  return { length, sums: out, gaps };
}

/**
 * The residuals an SQ null is built from (`NaN` dropped; with `gaps: "exclude"` their session
 * indices) and their prefix sums as pairs (`src/stats/runSums.ts`).
 */
function sqPrefix(fit: Pick<ModelFit, "residuals" | "used">, gaps: SqGaps): RunSumPrefix {
  const res = fit.residuals;
  const used = fit.used;
  if (gaps === "exclude" && used.length !== res.length) {
    const message = `SQ test: fit.used has ${used.length} entries but fit.residuals has ${res.length}`;
    throw new MarketReactionError("INVALID_INPUT", message, [{ message }]);
  }
  // the common complete case: the prefix of the residuals themselves (no copy, no scan first;
  // a NaN residual leaves a NaN total, and only then are the residuals filtered)
  const M = res.length;
  const direct = runSumPrefix(res, M, gaps === "exclude" ? used : undefined);
  if (!Number.isNaN(direct.hi[M]!)) return direct;
  let hasNaN = false;
  for (let i = 0; i < M; i++) if (Number.isNaN(res[i]!)) hasNaN = true;
  if (!hasNaN) return direct; // NaN from infinite residuals of both signs: nothing to drop
  // residuals (NaN dropped) with their session index
  const e = new Float64Array(M);
  const kept = new Int32Array(M);
  let n = 0;
  for (let i = 0; i < M; i++) {
    const v = res[i]!;
    if (Number.isNaN(v)) continue;
    e[n] = v;
    kept[n] = gaps === "exclude" ? used[i]! : i;
    n++;
  }
  return runSumPrefix(e, n, gaps === "exclude" ? kept : undefined);
}

/** Unsorted sums of `length` consecutive residuals (see {@link sqNullDistribution}). */
function residualSums(fit: Pick<ModelFit, "residuals" | "used">, length: number, gaps: SqGaps, scratch?: Float64Array): Float64Array {
  return runSums(sqPrefix(fit, gaps), length, scratch);
}

/** p-value (with the +1 correction or without), bounds and counts of c against unsorted sums. */
function sqFromSums(
  sums: Float64Array,
  c: number,
  lowP: number,
  highP: number,
  correction: boolean,
): { p: number; lower: number; upper: number; below: number; above: number } {
  let below = Number.NaN;
  let above = Number.NaN;
  if (!Number.isNaN(c) && sums.length > 0) {
    let le = 0;
    let ge = 0;
    // branch-free counts (+boolean): the comparisons are as unpredictable as coin flips
    for (let i = 0; i < sums.length; i++) {
      const v = sums[i]!;
      le += +(v <= c);
      ge += +(v >= c);
    }
    below = le;
    above = ge;
  }
  const [lower, upper] = tailQuantiles7(sums, lowP, highP);
  return { p: sqPValue(below, above, sums.length, correction), lower, upper, below, above };
}

function sqPValue(below: number, above: number, n: number, correction: boolean): number {
  if (Number.isNaN(below)) return Number.NaN;
  const tail = Math.min(below, above);
  return correction ? Math.min(1, (2 * (1 + tail)) / (n + 1)) : Math.min(1, (2 * tail) / n);
}

/** The default level's tail probabilities, computed as {@link sqTest} computes them. */
const SQ_LEVEL = 0.95;
const SQ_LOW_P = (1 - SQ_LEVEL) / 2;
const SQ_HIGH_P = (1 + SQ_LEVEL) / 2;

/**
 * The SQ test of several CARs of one fit as `eventStudy` runs it (95% level, corrected
 * p-value, gaps ignored): the same numbers as {@link sqTest} for each, with one prefix for all
 * window lengths and no result objects. Writes p-value, lower and upper bound, three numbers
 * per CAR, into `out` from `at`; a `NaN` CAR gives three `NaN`.
 * @internal
 */
export function sqTestsOfFit(
  cars: readonly CarResult[],
  fit: Pick<ModelFit, "residuals" | "used">,
  out: Float64Array,
  at: number,
  scratch?: Float64Array,
): void {
  let pre: RunSumPrefix | undefined;
  let sd = Number.NaN;
  for (let k = 0; k < cars.length; k++) {
    const car = cars[k]!;
    const o = at + 3 * k;
    const L = car.n > 0 ? car.n : car.length;
    if (!Number.isFinite(car.car) || !Number.isInteger(L) || L < 1) {
      out[o] = out[o + 1] = out[o + 2] = Number.NaN;
      continue;
    }
    if (pre === undefined) {
      pre = sqPrefix(fit, "ignore");
      sd = spread(pre);
    }
    // one pass over the run sums (counts and tail quantiles, the sums never stored); the sums
    // are built and then read when the quantiles lie too far into the distribution for that
    if (runSumCountsAndTails(pre, L, car.car, SQ_LOW_P, SQ_HIGH_P, SQ_COUNTS, sd)) {
      out[o] = sqPValue(SQ_COUNTS[0]!, SQ_COUNTS[1]!, Math.max(0, pre.n - L + 1), true);
      out[o + 1] = SQ_COUNTS[2]!;
      out[o + 2] = SQ_COUNTS[3]!;
      continue;
    }
    const r = sqFromSums(runSums(pre, L, scratch), car.car, SQ_LOW_P, SQ_HIGH_P, true);
    out[o] = r.p;
    out[o + 1] = r.lower;
    out[o + 2] = r.upper;
  }
}

/**
 * Standard deviation of the prefix's values (divisor n) from their sum and sum of squares, both
 * made with the prefix: where the run sums' tails begin, roughly (a guess that only steers the
 * SQ pass, whose numbers do not depend on it; `NaN` when it comes out negative).
 */
function spread(pre: RunSumPrefix): number {
  const mean = pre.hi[pre.n]! / pre.n;
  return Math.sqrt(pre.squares / pre.n - mean * mean);
}

/** Counts and quantiles from {@link runSumCountsAndTails} (module scratch, read at once). */
const SQ_COUNTS = new Float64Array(4);

/**
 * Gelbach–Helland–Klick (2013) SQ test of a single event's CAR (or AR): compares it with the
 * empirical distribution of sums of L consecutive estimation-window residuals instead of a t
 * distribution, so it stays valid with fat-tailed or skewed returns.
 *
 * ## Method
 * Null sums S_1 … S_n from {@link sqNullDistribution} (n = M − L + 1 without gaps). For the
 * observed statistic c (the CAR over L sessions), below = #{S_j ≤ c} and above = #{S_j ≥ c}.
 * - p-value (two-sided, our convention; GHK state the test as a rejection rule): by default
 *   p = min(1, 2·(1 + min(below, above))/(n + 1)), the randomization-test p-value that counts
 *   c as one more draw (never 0; valid in finite samples when c and the S_j are
 *   exchangeable). With `correction: false`, p = min(1, 2·min(F̂(c), 1 − F̂(c⁻))) =
 *   min(1, 2·min(below, above)/n).
 * - GHK's rule at level α: reject when c < q̂(α/2) or c > q̂(1 − α/2); the quantiles for
 *   α = 1 − `level` are reported as `lower`/`upper` (R's default type 7 interpolation).
 * statistic = estimate = c; `n` = number of null sums; no df. A `NaN` statistic or an empty
 * null distribution gives `NaN` p and quantiles. With a fit, the sums are built unsorted and
 * counted in one pass, and the two quantiles found by selection: O(M·L) per call. With a
 * prebuilt {@link SqNullDistribution} (sorted once, O(M log M)), each call is O(log M): use it
 * when many statistics share one null (placebo dates, several windows of one length).
 *
 * ## References
 * - Gelbach, J. B., Helland, E. & Klick, J. (2013). Valid inference in single-firm,
 *   single-event studies. American Law and Economics Review 15(2), 495–541.
 * - Davison, A. C. & Hinkley, D. V. (1997). Bootstrap Methods and their Application, §4.2
 *   (the (1 + count)/(n + 1) p-value).
 * - Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero. Statistical
 *   Applications in Genetics and Molecular Biology 9(1), art. 39.
 *
 * @param statistic - The CAR (or AR) of the event window, or a {@link CarResult}.
 * @param reference - A prebuilt null distribution, or the fit (then `length` is needed unless a
 *   CarResult was given: its `n`, the number of ARs summed, is used).
 * @param options - `level`, `correction`, and (with a fit) `gaps` and `length`.
 * @returns `{ statistic, p_value, n, alternative, method, convention, estimate, length, level,
 *   lower, upper, below, above }`.
 * @throws MarketReactionError `INVALID_OPTION` for a `level` outside (0, 1), a missing or
 *   invalid `length`, or a prebuilt null distribution whose L differs from the CarResult's `n`.
 * @example
 * ```ts
 * // 120 estimation days of a constant-mean model, and a 3-day CAR of 3%
 * const asset = Float64Array.from({ length: 120 }, (_, t) => 0.01 * Math.sin(t));
 * const fit = fitModel({ type: "constant-mean" }, { asset }, Array.from({ length: 120 }, (_, t) => t));
 * const sq = sqTest(0.03, fit, { length: 3 }); // null: the 118 sums of 3 consecutive residuals
 * sq.n;                 // => 118
 * sq.p_value;           // => 0.0168 (2/119: the CAR lies beyond every null sum)
 * [sq.lower, sq.upper]; // => [-0.0207, 0.0207] (the 2.5% and 97.5% quantiles)
 * sqTest(0.015, fit, { length: 3 }).p_value; // => 0.521
 * ```
 */
export function sqTest(
  statistic: number | CarResult,
  reference: SqNullDistribution | Pick<ModelFit, "residuals" | "used">,
  options: SqTestOptions = {},
): SqTestResult {
  if (typeof statistic !== "number") checkShape("sqTest", "statistic", statistic, { car: "number", n: "integer", length: "integer" });
  checkObject("sqTest", "reference", reference);
  if ("sums" in reference) checkShape("sqTest", "reference", reference, { sums: "numbers", length: "integer", gaps: "string" });
  else checkShape("sqTest", "reference", reference, { residuals: "numbers", used: "numbers" });
  checkOptions("sqTest", options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", level, "a number in (0, 1)");
  const correction = options.correction ?? true;
  const c = typeof statistic === "number" ? statistic : statistic.car;
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  let sums: Float64Array;
  let length: number;
  let gaps: SqGaps;
  let below = Number.NaN;
  let above = Number.NaN;
  let lower: number;
  let upper: number;
  if ("sums" in reference) {
    // prebuilt, sorted: binary searches and direct indexing
    ({ sums, length, gaps } = reference);
    if (typeof statistic !== "number" && statistic.n > 0 && statistic.n !== length) {
      invalidOption("reference.length", length, `${statistic.n}, the number of ARs in the CAR's window`);
    }
    if (!Number.isNaN(c) && sums.length > 0) {
      below = countAtOrBelow(sums, c);
      above = sums.length - countBelow(sums, c);
    }
    lower = quantile7(sums, lowP);
    upper = quantile7(sums, highP);
  } else {
    // one-off: unsorted sums, a linear count and two selections (no sort)
    // a CarResult sums `n` ARs (fewer than L only with missing: "skip"; 0 when all are missing)
    const L = options.length ?? (typeof statistic === "number" ? undefined : statistic.n > 0 ? statistic.n : statistic.length);
    if (L === undefined || !Number.isInteger(L) || L < 1) {
      invalidOption("length", L, "the window length L, an integer ≥ 1 (required when the statistic is a number)");
    }
    length = L;
    gaps = options.gaps ?? "ignore";
    if (!GAPS.includes(gaps)) invalidOption("gaps", gaps, `"ignore" or "exclude"`);
    sums = residualSums(reference, L, gaps, options.scratch);
    ({ lower, upper, below, above } = sqFromSums(sums, c, lowP, highP, correction));
  }
  const n = sums.length;
  const p = sqPValue(below, above, n, correction);
  return {
    statistic: c,
    p_value: p,
    n,
    alternative: "two-sided",
    method: "SQ test (Gelbach, Helland & Klick 2013)",
    convention: `null: sums of ${length} consecutive estimation residuals (gaps: ${gaps}); ${
      correction ? "p = min(1, 2(1 + min(#≤, #≥))/(n + 1))" : "p = min(1, 2 min(#≤, #≥)/n)"
    }; quantiles: type 7`,
    estimate: c,
    length,
    level,
    lower,
    upper,
    below,
    above,
  };
}
