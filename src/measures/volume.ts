/**
 * Abnormal trading volume: log volume with an offset for zero volume, mean-adjusted and
 * market-model benchmarks, per session and cumulated, with parametric and rank tests.
 * @module
 */
import { abnormalReturns, cumulativeAbnormalReturn } from "../abnormal/index.js";
import type { AbnormalReturns, CarResult } from "../abnormal/index.js";
import { MarketReactionError, invalidOption } from "../errors.js";
import type { Warning } from "../errors.js";
import { fitModel, predictModel } from "../models/index.js";
import type { ModelFit } from "../models/index.js";
import { normalSf } from "../stats/index.js";
import type { Window } from "../types.js";
import { checkNumbers, checkOptions, checkShape, checkWindowArg } from "../check.js";
import { ABNORMAL_RETURNS } from "../shapes.js";

/**
 * Default offset c of ln(V + c): one share (or contract), so that a session without volume gives ln 1 = 0.
 * @example
 * ```ts
 * logVolume([0]).values[0] === Math.log(DEFAULT_VOLUME_OFFSET); // => true
 * ```
 */
export const DEFAULT_VOLUME_OFFSET = 1;

/** Result of {@link logVolume}. */
export interface LogVolume {
  /** ln(V_t + c); NaN where the volume is missing, negative or not finite. */
  readonly values: Float64Array;
  readonly offset: number;
  /** Sessions with zero volume (kept through the offset), among the sessions counted. */
  readonly zeroCount: number;
  /** `ZERO_VOLUME` (with the count) when some volume is zero; `NEGATIVE_VOLUME` when some is negative (set to NaN). */
  readonly warnings: readonly Warning[];
}

/**
 * Log volume ln(V_t + c) (Ajinkya & Jain 1989: log volume is close to normal where raw
 * volume is strongly skewed).
 *
 * The offset c (default 1, i.e. one share) keeps sessions with zero volume: they become ln c
 * instead of −∞; every such session is counted and reported (among `sessions` when given,
 * e.g. the estimation and event sessions of a study, else among all). An isolated zero is an
 * outlier of about −ln V̄ in log volume: it inflates the estimation variance, hence the report. For turnover (volume over
 * shares outstanding, a small fraction) pass a small offset such as 0.000255 (Campbell &
 * Wasley 1996, turnover in percent).
 *
 * @example
 * ```ts
 * const lv = logVolume(Float64Array.of(1000, 0, 2500));
 * lv.values[1]; // => 0
 * lv.zeroCount; // => 1
 * lv.warnings[0]!.code; // => "ZERO_VOLUME"
 * ```
 */
export function logVolume(volume: ArrayLike<number>, options?: { offset?: number; sessions?: ArrayLike<number> }): LogVolume {
  checkNumbers("logVolume", "volume", volume);
  checkOptions("logVolume", options);
  if (options?.sessions !== undefined) checkNumbers("logVolume", "options.sessions", options.sessions);
  const offset = options?.offset ?? DEFAULT_VOLUME_OFFSET;
  if (!(offset > 0) || !Number.isFinite(offset)) invalidOption("offset", offset, "a positive finite number");
  const n = volume.length;
  const values = new Float64Array(n);
  let zeros = 0;
  let negatives = 0;
  for (let t = 0; t < n; t++) {
    const v = volume[t]!;
    values[t] = v >= 0 && Number.isFinite(v) ? Math.log(v + offset) : Number.NaN;
  }
  const counted = options?.sessions ?? Array.from({ length: n }, (_, t) => t);
  for (let j = 0; j < counted.length; j++) {
    const v = volume[counted[j]!]!;
    if (v === 0) zeros++;
    if (v < 0) negatives++;
  }
  const warnings: Warning[] = [];
  if (zeros > 0) {
    warnings.push({
      code: "ZERO_VOLUME",
      message: `${zeros} session${zeros === 1 ? "" : "s"} with zero volume kept as ln(0 + ${offset}) = ${Math.log(offset)}, an outlier in log volume that inflates the estimation variance; drop such sessions from the volume data (set them to NaN: they are then missing) or raise the offset (library option offset)`,
    });
  }
  if (negatives > 0) {
    warnings.push({ code: "NEGATIVE_VOLUME", message: `${negatives} session${negatives === 1 ? "" : "s"} with negative volume set to NaN` });
  }
  return { values, offset, zeroCount: zeros, warnings };
}

/** Options of {@link abnormalVolume}. */
export interface AbnormalVolumeOptions {
  /** Volume of the asset, one value per session. */
  readonly volume: ArrayLike<number>;
  /** Benchmark (market) volume on the same sessions: the market model of log volume. */
  readonly benchmarkVolume?: ArrayLike<number>;
  /** `mean-adjusted` (default without a benchmark) or `market` (default with one). */
  readonly model?: "mean-adjusted" | "market";
  /** Estimation sessions (indices), strictly increasing. */
  readonly estimation: ArrayLike<number>;
  /** Event sessions (indices), consecutive, the first being offset `start`. */
  readonly event: ArrayLike<number>;
  /** Offset of the first event session relative to day 0; default 0. */
  readonly start?: number;
  /** Windows [from, to] (offsets) to cumulate over; default the whole event span. */
  readonly windows?: readonly Window[];
  /** Offset c of ln(V + c); default 1. */
  readonly offset?: number;
}

/** Result of a window of {@link abnormalVolume}: the cumulative abnormal log volume and its tests. */
export interface AbnormalVolumeWindow {
  readonly car: CarResult;
  /** Wilcoxon rank-sum z of the window's abnormal log volumes against the estimation residuals, and its two-sided p-value. */
  readonly rankZ: number;
  readonly rankPValue: number;
}

/** Result of {@link abnormalVolume}. */
export interface AbnormalVolume {
  readonly model: "mean-adjusted" | "market";
  readonly fit: ModelFit;
  /** Abnormal log volume per event session with exact variances, t and p (Student t, M − k). */
  readonly abnormal: AbnormalReturns;
  readonly windows: readonly AbnormalVolumeWindow[];
  readonly offset: number;
  readonly zeroCount: number;
  readonly warnings: readonly Warning[];
}

/**
 * Abnormal trading volume around an event.
 *
 * ## Method
 * v_t = ln(V_t + c) ({@link logVolume}). The mean-adjusted model is the constant-mean model of
 * v over the estimation sessions; the market model regresses v on the benchmark's log volume
 * (Campbell & Wasley 1996). Abnormal log volume AV_τ = v_τ − v̂_τ has the exact prediction-error
 * variance s²(1 + x_τᵀ(XᵀX)⁻¹x_τ) and a Student t test with M − k degrees of freedom; windows
 * are cumulated with the full covariance (as cumulative abnormal returns). AV_τ ≈ the
 * proportional excess volume (0.69 = twice the normal volume). The rank test is the Wilcoxon
 * rank-sum of the window's AVs against the M estimation residuals: rank sum S over the pooled
 * N = M + L values (mid-ranks for ties), z = (S − L(N+1)/2)/√Var with the tie-corrected
 * variance L·M/12·[(N+1) − Σ(t³ − t)/(N(N−1))], two-sided normal p-value (no continuity
 * correction). The parametric test assumes normal, independent log volumes; the rank test only
 * exchangeability of the residuals; neither allows for autocorrelated volume.
 *
 * ## References
 * - Ajinkya, B. B. & Jain, P. C. (1989). The behavior of daily stock market trading volume. Journal of Accounting and Economics 11(4), 331–359.
 * - Campbell, C. J. & Wasley, C. E. (1996). Measuring abnormal daily trading volume for samples of NYSE/ASE and NASDAQ securities using parametric and nonparametric test statistics. Review of Quantitative Finance and Accounting 6, 309–326.
 *
 * @throws INVALID_OPTION for bad sessions or options; the errors of `fitModel`.
 * @example
 * ```ts
 * const volume = Float64Array.from({ length: 60 }, (_, t) => 1e6 * (1 + 0.2 * Math.sin(t)));
 * volume[55] = 3e6;
 * const r = abnormalVolume({ volume, estimation: Array.from({ length: 50 }, (_, t) => t), event: [55], windows: [[0, 0]] });
 * r.abnormal.ar[0]! > 1; // => true
 * r.abnormal.pValue[0]! < 0.001; // => true
 * ```
 */
export function abnormalVolume(options: AbnormalVolumeOptions): AbnormalVolume {
  checkShape("abnormalVolume", "options", options, {
    volume: "numbers",
    benchmarkVolume: "numbers?",
    estimation: "numbers",
    event: "numbers",
    offset: "number?",
    model: "string?",
  });
  const model = options.model ?? (options.benchmarkVolume === undefined ? "mean-adjusted" : "market");
  if (model !== "mean-adjusted" && model !== "market") invalidOption("model", model, `"mean-adjusted" or "market"`);
  if (model === "market" && options.benchmarkVolume === undefined)
    invalidOption("benchmarkVolume", undefined, "benchmark volume for the market model of log volume");
  const used = [...Array.from(options.estimation), ...Array.from(options.event)];
  const lv = logVolume(options.volume, { ...(options.offset === undefined ? {} : { offset: options.offset }), sessions: used });
  const lb =
    options.benchmarkVolume === undefined
      ? undefined
      : logVolume(options.benchmarkVolume, { ...(options.offset === undefined ? {} : { offset: options.offset }), sessions: used });
  const data = model === "market" ? { asset: lv.values, market: lb!.values } : { asset: lv.values };
  const fit = fitModel(model === "market" ? { type: "market" } : { type: "constant-mean" }, data, Array.from(options.estimation));
  const event = Array.from(options.event);
  for (let j = 1; j < event.length; j++) if (event[j] !== event[j - 1]! + 1) invalidOption("event", options.event, "consecutive session indices");
  const start = options.start ?? 0;
  const prediction = predictModel(fit, data, event);
  const abnormal = abnormalReturns(
    fit,
    prediction,
    event.map((i) => lv.values[i]!),
    { start },
  );
  const windows = (options.windows ?? [[start, start + event.length - 1] as const]).map((w) => ({
    car: cumulativeAbnormalReturn(abnormal, w),
    ...rankTest(fit.residuals, abnormal, w),
  }));
  return {
    model,
    fit,
    abnormal,
    windows,
    offset: lv.offset,
    zeroCount: lv.zeroCount + (lb?.zeroCount ?? 0),
    warnings: [...lv.warnings, ...(lb?.warnings ?? [])],
  };
}

/**
 * Wilcoxon rank-sum z (normal approximation, tie-corrected, no continuity correction) of a
 * window's abnormal values against the estimation residuals (R's
 * `wilcox.test(window, residuals, exact = FALSE, correct = FALSE)`).
 * @example
 * ```ts
 * const fit = { spec: { type: "constant-mean" } as const, model: "constant-mean", names: ["alpha"], coefficients: Float64Array.of(0),
 *   sigma2: 1, df: 3, nObs: 4, k: 1, r2: NaN, covUnscaled: Float64Array.of(0.25), used: new Int32Array(0), residuals: Float64Array.of(-1, -0.5, 0.5, 1) };
 * const ars = abnormalReturns(fit, { expected: Float64Array.of(0), design: Float64Array.of(1) }, [3]);
 * const r = rankTest(fit.residuals, ars, [0, 0]);
 * Math.round(r.rankZ * 1e6) / 1e6; // => 1.414214 (the largest of 5: S = 5, E = 3, Var = 2)
 * ```
 */
export function rankTest(residuals: Float64Array, ars: AbnormalReturns, window: Window): { rankZ: number; rankPValue: number } {
  checkNumbers("rankTest", "residuals", residuals);
  checkShape("rankTest", "ars", ars, ABNORMAL_RETURNS);
  checkWindowArg("rankTest", "window", window);
  const ev: number[] = [];
  for (let o = window[0]; o <= window[1]; o++) {
    const v = ars.ar[o - ars.start];
    if (v !== undefined && Number.isFinite(v)) ev.push(v);
  }
  const L = ev.length;
  const M = residuals.length;
  if (L === 0) throw new MarketReactionError("INSUFFICIENT_DATA", `abnormal volume: no abnormal value in the window [${window[0]}, ${window[1]}]`);
  const pooled = [...Array.from(residuals, (v) => ({ v, e: false })), ...ev.map((v) => ({ v, e: true }))].sort((a, b) => a.v - b.v);
  const N = pooled.length;
  let S = 0;
  let ties = 0;
  for (let i = 0; i < N; ) {
    let j = i;
    while (j + 1 < N && pooled[j + 1]!.v === pooled[i]!.v) j++;
    const rank = (i + j + 2) / 2;
    const t = j - i + 1;
    ties += t * t * t - t;
    for (let q = i; q <= j; q++) if (pooled[q]!.e) S += rank;
    i = j + 1;
  }
  const variance = ((L * M) / 12) * (N + 1 - ties / (N * (N - 1)));
  const z = (S - (L * (N + 1)) / 2) / Math.sqrt(variance);
  return { rankZ: z, rankPValue: 2 * normalSf(Math.abs(z)) };
}
