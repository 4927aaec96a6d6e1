/**
 * The statistics of one (series, day 0) pair, and their table over many candidate sessions: by
 * the general pipeline, or for the market model by O(1) fits from prefix sums.
 * @module
 */
import { abnormalReturns, cumulativeAbnormalReturns } from "../../../abnormal/index.js";
import type { AbnormalReturns, CarResult } from "../../../abnormal/index.js";
import { invalidOption, isMarketReactionError } from "../../../errors.js";
import { estimationIndices, fitModel, predictModel } from "../../../models/index.js";
import type { ModelData, ModelFit, ModelSpec } from "../../../models/index.js";
import { emptyRegressionResult, marketModelFromPrefix, prefixSums } from "../../../stats/index.js";
import type { Window } from "../../../types.js";
import { checkWindow, windowLabel } from "../common.js";
import { checkShape } from "../../../check.js";

/** Options of {@link pairStatistics}. */
export interface PairStatisticsOptions {
  /** The normal-return model. */
  readonly model: ModelSpec;
  /** Estimation window in offsets relative to day 0, e.g. `[-250, -11]`. */
  readonly estimation: Window;
  /** CAR windows, e.g. `[[-1, 1]]`. */
  readonly windows: readonly Window[];
  /** Fewest complete estimation observations (passed to `fitModel`). */
  readonly minObs?: number;
  /** Keep-mask over the estimation window's sessions (0 = exclude), e.g. other events' windows. */
  readonly mask?: Uint8Array;
  /** Units of the returns; default simple. */
  readonly returnType?: "simple" | "log";
}

/** The statistics of one (series, day 0) pair. */
export interface PairStatistics {
  readonly fit: ModelFit;
  readonly abnormal: AbnormalReturns;
  /** One CAR record per window, in order. */
  readonly cars: CarResult[];
}

/**
 * Fits the normal-return model on the estimation window of one day 0 and computes the
 * abnormal returns and CARs of the event windows: the single pipeline that the real
 * statements and every pseudo-event of {@link placeboTest} go through.
 *
 * ## Method
 * `estimationIndices` over `[d + e₀, d + e₁]` (complete cases, optional mask) → `fitModel`
 * → `predictModel` over the span of the windows → `abnormalReturns` (MacKinlay
 * prediction-error variances) → `cumulativeAbnormalReturns` (full covariance).
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 *
 * @param data - Returns on one session index (e.g. `alignReturns(…)`).
 * @param day0Index - Session index of day 0.
 * @param options - Model, estimation window, CAR windows, `minObs`, mask, units.
 * @returns The fit, the abnormal returns over the windows' span and the CARs.
 * @throws INVALID_OPTION for windows outside the data or a bad model; the codes of `fitModel`
 *   (INSUFFICIENT_ESTIMATION_DATA, SINGULAR_DESIGN, MISSING_RETURNS).
 * @example
 * ```ts
 * // synthetic returns: beta 1.2 to the market, and 3% more at session 70 (day 0)
 * const market = Float64Array.from({ length: 80 }, (_, t) => 0.01 * Math.sin(t));
 * const asset = market.map((m, t) => 1.2 * m + 0.002 * Math.cos(7 * t) + (t === 70 ? 0.03 : 0));
 * const p = pairStatistics({ asset, market }, 70, { model: { type: "market" }, estimation: [-60, -11], windows: [[0, 0], [-1, 1]] });
 * p.fit.nObs;                // => 50
 * p.fit.coefficients;        // => Float64Array [-0.0001, 1.19]
 * p.cars.map((c) => c.car);  // => [0.032, 0.035]
 * [p.abnormal.start, p.abnormal.length]; // => [-1, 3] (the span of the windows)
 * ```
 */
export function pairStatistics(data: ModelData, day0Index: number, options: PairStatisticsOptions): PairStatistics {
  checkShape("pairStatistics", "data", data, { asset: "numbers", market: "numbers?" });
  checkShape("pairStatistics", "options", options, { estimation: "numbers", windows: "array" });
  const n = data.asset.length;
  const est = checkWindow(options.estimation, "estimation");
  const windows = options.windows.map((w, i) => checkWindow(w, `windows[${i}]`));
  if (windows.length === 0) invalidOption("windows", options.windows, "at least one window");
  const spanStart = Math.min(...windows.map((w) => w[0]));
  const spanEnd = Math.max(...windows.map((w) => w[1]));
  const start = day0Index + est[0];
  const end = day0Index + est[1] + 1;
  if (!Number.isInteger(day0Index) || start < 0 || end > n || day0Index + spanStart < 0 || day0Index + spanEnd >= n) {
    invalidOption("day0Index", day0Index, `a session whose estimation window ${windowLabel(est)} and event windows lie inside the data (0 to ${n - 1})`);
  }
  const indices = estimationIndices(options.model, data, { start, end }, options.mask);
  const fit = fitModel(options.model, data, indices, options.minObs === undefined ? undefined : { minObs: options.minObs });
  const span = Int32Array.from({ length: spanEnd - spanStart + 1 }, (_, j) => day0Index + spanStart + j);
  const prediction = predictModel(fit, data, span);
  const actual = data.asset.subarray(day0Index + spanStart, day0Index + spanEnd + 1);
  const abnormal = abnormalReturns(fit, prediction, actual, { start: spanStart, returnType: options.returnType ?? "simple" });
  return { fit, abnormal, cars: cumulativeAbnormalReturns(abnormal, windows) };
}

/** Per-session CAR and Var(CAR) for each window (NaN where the session is not usable). */
export interface SessionTable {
  readonly car: Float64Array[];
  readonly variance: Float64Array[];
}

/** O(1) market-model fits from prefix sums; equal to the fitModel pipeline (tested). */
export function prefixTable(data: ModelData, candidates: readonly number[], est: Window, windows: readonly Window[], minObs: number): SessionTable {
  const n = data.asset.length;
  const x = data.market!;
  const y = data.asset;
  const prefix = prefixSums(x, y);
  const car = windows.map(() => new Float64Array(n).fill(Number.NaN));
  const variance = windows.map(() => new Float64Array(n).fill(Number.NaN));
  const reg = emptyRegressionResult();
  for (const d of candidates) {
    marketModelFromPrefix(prefix, d + est[0], d + est[1], reg);
    if (!(reg.n >= minObs) || !Number.isFinite(reg.beta) || !(reg.sigma2 > 0)) continue;
    for (let w = 0; w < windows.length; w++) {
      const [a, b] = windows[w]!;
      let s = 0;
      let sm = 0;
      for (let t = d + a; t <= d + b; t++) {
        s += y[t]! - reg.alpha - reg.beta * x[t]!;
        sm += x[t]! - reg.xMean;
      }
      const L = b - a + 1;
      car[w]![d] = s;
      variance[w]![d] = reg.sigma2 * (L + (L * L) / reg.n + (sm * sm) / reg.sxx);
    }
  }
  return { car, variance };
}

/** The general pipeline ({@link pairStatistics}) for every candidate session. */
export function pipelineTable(
  data: ModelData,
  candidates: readonly number[],
  opts: PairStatisticsOptions,
  maskOf: (d: number) => Uint8Array | undefined,
): SessionTable {
  const n = data.asset.length;
  const car = opts.windows.map(() => new Float64Array(n).fill(Number.NaN));
  const variance = opts.windows.map(() => new Float64Array(n).fill(Number.NaN));
  for (const d of candidates) {
    let p: PairStatistics;
    try {
      const mask = maskOf(d);
      p = pairStatistics(data, d, mask === undefined ? opts : { ...opts, mask });
    } catch (error) {
      if (isMarketReactionError(error)) continue; // not usable as a pseudo-event
      throw error;
    }
    p.cars.forEach((c, w) => {
      car[w]![d] = c.car;
      variance[w]![d] = c.variance;
    });
  }
  return { car, variance };
}
