/**
 * Placebo (pseudo-event) inference for statistics of several statements on one series
 * (METHODS.md §6b).
 * @module
 */
import { abnormalReturns, cumulativeAbnormalReturns } from "../../abnormal/index.js";
import type { AbnormalReturns, CarResult } from "../../abnormal/index.js";
import { MarketReactionError, invalidOption, isMarketReactionError } from "../../errors.js";
import type { Warning } from "../../errors.js";
import { estimationIndices, fitModel, predictModel, validateModelSpec } from "../../models/index.js";
import type { ModelData, ModelFit, ModelSpec } from "../../models/index.js";
import { createRandom, emptyRegressionResult, marketModelFromPrefix, prefixSums } from "../../stats/index.js";
import { civilDate, isoFromDayKey } from "../../time/index.js";
import type { Window } from "../../types.js";
import { checkWindow, nonNegativeInt, resolveEvents, windowLabel } from "./common.js";
import type { ResolvedEvent } from "./common.js";
import type { ClusteredData, ClusteredEvent, PlaceboOptions, PlaceboRegime, PlaceboResult, PlaceboStatistic } from "./types.js";
import { finiteSd, volatilityCheck } from "./volatility.js";

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
interface SessionTable {
  readonly car: Float64Array[];
  readonly variance: Float64Array[];
}

/** O(1) market-model fits from prefix sums; equal to the fitModel pipeline (tested). */
function prefixTable(data: ModelData, candidates: readonly number[], est: Window, windows: readonly Window[], minObs: number): SessionTable {
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
function pipelineTable(data: ModelData, candidates: readonly number[], opts: PairStatisticsOptions, maskOf: (d: number) => Uint8Array | undefined): SessionTable {
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

/** Type-7 quantile of a sorted array. */
function quantileSorted(s: Float64Array, p: number): number {
  const m = s.length;
  if (m === 0) return Number.NaN;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(m - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

function statisticName(s: PlaceboStatistic, events: readonly ResolvedEvent[], windows: readonly Window[]): string {
  const w = windowLabel(windows[s.window ?? 0]!);
  switch (s.type) {
    case "car":
      return `CAR ${events[s.event ?? 0]!.id} ${w}`;
    case "mean-car":
      return `mean CAR ${w}`;
    case "wald":
      return `Wald sum of squared standardized CARs ${w}`;
  }
}

/**
 * Placebo (pseudo-event) test of a statistic of several statements on one series: the
 * statistic is recomputed on B sets of pseudo-dates drawn from an eligible set of sessions,
 * each re-estimated by the identical pipeline, and the real value is ranked against them.
 *
 * ## Method
 * 1. The statistic S on the real statements: one statement's CAR, the mean CAR over the J
 *    statements, or `W = Σ_j CAR_j²/Var(CAR_j)` (`wald`), from {@link pairStatistics} (model
 *    fitted on `estimation` offsets, forecast-error variances, full-covariance CARs).
 * 2. Eligible set P: sessions d whose estimation window and event windows lie inside the data,
 *    whose estimation window has at least `minObs` complete cases, whose CARs are defined, and
 *    with |d − t_j| > h for every real statement j (`exclude`, default 10).
 * 3. Regime (`regime`): `none` — all of P; `volatility` — the sessions of P in the same
 *    tercile of trailing realised volatility as statement j (SD of the series' returns over
 *    the `volatilityWindow` = 20 sessions before d; tercile cut points are the type-7 1/3 and
 *    2/3 quantiles over P); `quarter` — the sessions of P in the same calendar quarter (year
 *    and quarter) as statement j. Each statement has its own stratum.
 * 4. For b = 1…B draw, for each statement j used by the statistic, a pseudo-date from its
 *    stratum, the J dates distinct (without replacement within a draw), and recompute S*_b.
 *    With `spacing: "keep"` one anchor is drawn from the first statement's stratum and the
 *    other dates keep the real statements' spacing, so statements on consecutive sessions
 *    with overlapping windows are mimicked; with independent dates a
 *    `CLUSTERED_STATEMENTS` warning says the null then understates the spread.
 *    Every session's model fit and CARs are computed once and reused by every draw that
 *    picks it (the fit depends only on the session). For the market model without
 *    contamination exclusion the fits are O(1) windowed regressions on prefix sums
 *    (`engine: "prefix-sums"`), numerically equal to `fitModel`; otherwise `fitModel`.
 * 5. Two-sided p = (1 + #{|S*_b| ≥ |S|})/(B + 1) (ties within 1e-12·|S| count as ≥);
 *    null quantiles (type 7), mean, SD and the rough interval [S − q*₀.₉₇₅, S − q*₀.₀₂₅] with
 *    q* = S* − mean(S*).
 * Randomness comes only from `createRandom(seed)`.
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31.
 * - Kramer, L. A. (2001). Alternative methods for robust analysis in event study
 *   applications. Advances in Investment Analysis and Portfolio Management 8, 109–132.
 * - Sandler, D. H. & Sandler, R. (2014). Journal of Economic and Social Measurement 39(1–2), 31–57.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 *
 * @param data - The series and its benchmark on one session index (e.g. `alignReturns(…)`).
 * @param events - The real statements with their day 0.
 * @param options - Model, windows, statistic, B, seed (required), h, regime, contamination.
 * @returns The `placebo` object: statistic, observed, p_value, draws, seed, eligible, quantiles, …
 * @throws INVALID_OPTION for bad options (a missing seed included).
 * @throws INVALID_INPUT when a day 0 is not a session.
 * @throws INSUFFICIENT_DATA when a stratum has fewer sessions than statements to draw.
 * @throws the codes of `fitModel` when a real statement cannot be estimated.
 * @example
 * ```ts
 * // synthetic returns: beta 1.1 to the market, and 5% more on 9 April 2025
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const market = Float64Array.from(days, (_, i) => 0.01 * Math.sin(i));
 * const asset = market.map((m, i) => 1.1 * m + 0.003 * Math.cos(5 * i) + (isoFromDayKey(days[i]!) === "2025-04-09" ? 0.05 : 0));
 * const p = placeboTest({ days, asset, market }, [{ id: "E34", day0: "2025-04-09" }], { seed: 42, draws: 999, estimation: [-60, -11] });
 * p.statistic;    // => "mean CAR [-1, +1]"
 * p.observed;     // => 0.045
 * p.p_value;      // => 0.001 (1/1000: no pseudo-date comes close)
 * p.eligible.size; // => 60
 * p.quantiles["97.5%"]; // => 0.0050
 * ```
 */
export function placeboTest(data: ClusteredData, events: readonly ClusteredEvent[], options: PlaceboOptions): PlaceboResult {
  if (typeof data !== "object" || data === null || !(data.asset instanceof Float64Array) || !(data.days instanceof Int32Array)) {
    invalidOption("data", data, "{ days: Int32Array, asset: Float64Array, market?, factors? } (e.g. alignReturns(…))");
  }
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an options object with a seed");
  const seed = options.seed;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) invalidOption("seed", seed, "a safe integer (placebo draws are seeded and the seed is reported)");
  const n = data.asset.length;
  const model: ModelSpec = validateModelSpec(options.model ?? (data.market !== undefined ? { type: "market" } : { type: "constant-mean" }));
  const est = options.estimation === undefined ? ([-250, -11] as Window) : checkWindow(options.estimation, "estimation");
  const windows = (options.windows ?? [[-1, 1] as Window]).map((w, i) => checkWindow(w, `windows[${i}]`));
  if (windows.length === 0) invalidOption("windows", options.windows, "at least one window");
  const spanStart = Math.min(...windows.map((w) => w[0]));
  const spanEnd = Math.max(...windows.map((w) => w[1]));
  if (est[1] >= spanStart) invalidOption("estimation", est, `a window ending before the event windows start (offset ${spanStart})`);
  const statistic: PlaceboStatistic = options.statistic ?? { type: "mean-car" };
  if (typeof statistic !== "object" || statistic === null || !["car", "mean-car", "wald"].includes(statistic.type)) {
    invalidOption("statistic", statistic, `{ type: "car" | "mean-car" | "wald", window?, event? }`);
  }
  const wIndex = nonNegativeInt(statistic.window, 0, "statistic.window", windows.length - 1);
  const draws = nonNegativeInt(options.draws, 9999, "draws", 10_000_000);
  if (draws < 1) invalidOption("draws", draws, "at least 1");
  const h = nonNegativeInt(options.exclude, 10, "exclude");
  const regime: PlaceboRegime = options.regime ?? "none";
  if (!["volatility", "quarter", "none"].includes(regime)) invalidOption("regime", regime, `"volatility" | "quarter" | "none"`);
  const volWindow = nonNegativeInt(options.volatilityWindow, 20, "volatilityWindow");
  if (volWindow < 2) invalidOption("volatilityWindow", volWindow, "at least 2 sessions");
  const estLength = est[1] - est[0] + 1;
  const minObs = nonNegativeInt(options.minObs, Math.ceil((2 * estLength) / 3), "minObs");
  const contamination = options.contamination ?? "include";
  if (contamination !== "include" && contamination !== "exclude") invalidOption("contamination", contamination, `"include" or "exclude"`);
  const engineOption = options.engine ?? "auto";
  if (engineOption !== "auto" && engineOption !== "fitModel") invalidOption("engine", engineOption, `"auto" or "fitModel"`);
  const spacing = options.spacing ?? "independent";
  if (spacing !== "independent" && spacing !== "keep") invalidOption("spacing", spacing, `"independent" or "keep"`);
  const returnType = options.returnType ?? "simple";
  if (returnType !== "simple" && returnType !== "log") invalidOption("returnType", returnType, `"simple" or "log"`);

  const evs = resolveEvents(data.days, events);
  const usedEvents = statistic.type === "car" ? [nonNegativeInt(statistic.event, 0, "statistic.event", evs.length - 1)] : evs.map((_, j) => j);
  const warnings: Warning[] = [];

  // real statements' event spans (for contamination exclusion)
  const contaminated = new Uint8Array(n);
  for (const e of evs) for (let t = Math.max(0, e.index + spanStart); t <= Math.min(n - 1, e.index + spanEnd); t++) contaminated[t] = 1;
  const maskOf = (d: number): Uint8Array | undefined => {
    if (contamination === "include") return undefined;
    const m = new Uint8Array(estLength);
    for (let j = 0; j < estLength; j++) m[j] = contaminated[d + est[0] + j] === 1 ? 0 : 1;
    return m;
  };

  // candidate sessions: windows inside the data, outside ±h of every statement; real ones too
  const lowest = Math.max(-est[0], -spanStart);
  const highest = n - 1 - Math.max(spanEnd, 0);
  const candidates: number[] = [];
  for (let d = lowest; d <= highest; d++) {
    if (evs.some((e) => Math.abs(d - e.index) <= h)) continue;
    candidates.push(d);
  }
  const fast = engineOption === "auto" && model.type === "market" && contamination === "include" && data.market !== undefined;
  const pairOpts: PairStatisticsOptions = { model, estimation: est, windows, minObs, returnType };
  const computeTable = (ds: readonly number[]): SessionTable =>
    fast ? prefixTable(data, ds, est, windows, minObs) : pipelineTable(data, ds, pairOpts, maskOf);
  const table = computeTable(candidates);

  // real statements through the same engine (errors of the pipeline propagate)
  const realIdx = evs.map((e) => e.index);
  const realTable = computeTable(realIdx);
  for (const e of evs) {
    if (e.index + est[0] < 0 || e.index + spanEnd >= n) {
      throw new MarketReactionError("DATE_OUT_OF_RANGE", `statement ${e.id}: the estimation window ${windowLabel(est)} or the event windows around ${e.iso} run past the data`);
    }
    if (!Number.isFinite(realTable.car[wIndex]![e.index]!)) {
      // re-run the general pipeline to surface the reason
      const mask = maskOf(e.index);
      const p = pairStatistics(data, e.index, mask === undefined ? pairOpts : { ...pairOpts, mask });
      if (!Number.isFinite(p.cars[wIndex]!.car)) {
        throw new MarketReactionError("MISSING_RETURNS", `statement ${e.id}: the CAR ${windowLabel(windows[wIndex]!)} is undefined (a missing return in the event window)`);
      }
    }
  }
  const eligible = candidates.filter((d) => windows.every((_, w) => Number.isFinite(table.car[w]![d]!) && table.variance[w]![d]! > 0));

  // strata
  const strata: { key: string; label: string; sessions: Int32Array }[] = [];
  if (regime === "none") {
    const all = Int32Array.from(eligible);
    for (let j = 0; j < evs.length; j++) strata.push({ key: "all", label: "all eligible sessions", sessions: all });
  } else if (regime === "quarter") {
    const quarterOf = (d: number): string => {
      const c = civilDate(data.days[d]!);
      return `${c.year}-Q${Math.floor((c.month - 1) / 3) + 1}`;
    };
    for (const e of evs) {
      const q = quarterOf(e.index);
      strata.push({ key: q, label: `quarter ${q}`, sessions: Int32Array.from(eligible.filter((d) => quarterOf(d) === q)) });
    }
  } else {
    const vol = (d: number): number => {
      const r = finiteSd(data.asset, d - volWindow, d);
      return r.m >= Math.ceil(volWindow / 2) ? r.sd : Number.NaN;
    };
    const vols = eligible.map(vol);
    const sorted = Float64Array.from(vols.filter(Number.isFinite)).sort();
    const c1 = quantileSorted(sorted, 1 / 3);
    const c2 = quantileSorted(sorted, 2 / 3);
    const tercile = (v: number): number => (!Number.isFinite(v) ? -1 : v <= c1 ? 0 : v <= c2 ? 1 : 2);
    const names = ["low", "middle", "high"];
    for (const e of evs) {
      const v = vol(e.index);
      const t = tercile(v);
      if (t < 0) invalidOption("regime", regime, `statement ${e.id} has fewer than ${Math.ceil(volWindow / 2)} returns in its ${volWindow} trailing sessions`);
      strata.push({
        key: String(t),
        label: `${names[t]} tercile of ${volWindow}-session trailing volatility (statement ${(100 * v).toFixed(3)}%; cut points ${(100 * c1).toFixed(3)}%, ${(100 * c2).toFixed(3)}%)`,
        sessions: Int32Array.from(eligible.filter((_, i) => tercile(vols[i]!) === t)),
      });
    }
  }
  // enough sessions to draw distinct dates
  for (const j of usedEvents) {
    const same = usedEvents.filter((i) => strata[i]!.key === strata[j]!.key).length;
    if (strata[j]!.sessions.length < same) {
      throw new MarketReactionError(
        "INSUFFICIENT_DATA",
        `placebo: the eligible set for statement ${evs[j]!.id} (${strata[j]!.label}) has ${strata[j]!.sessions.length} sessions; at least ${same} are needed`,
      );
    }
    if (strata[j]!.sessions.length < 20) {
      warnings.push({
        code: "SMALL_ELIGIBLE_SET",
        message: `placebo: only ${strata[j]!.sessions.length} eligible sessions for statement ${evs[j]!.id} (${strata[j]!.label}); the null distribution repeats few dates`,
        event_id: evs[j]!.id,
      });
    }
  }
  const dup = new Map<number, string[]>();
  for (const j of usedEvents) dup.set(evs[j]!.index, [...(dup.get(evs[j]!.index) ?? []), evs[j]!.id]);
  for (const [d, ids] of dup) {
    if (ids.length > 1) {
      warnings.push({
        code: "DUPLICATE_DAY0",
        message: `statements ${ids.join(", ")} share day 0 ${isoFromDayKey(data.days[d]!)}: their CARs are identical and count ${ids.length} times in the statistic, while pseudo-dates are drawn distinct`,
      });
    }
  }

  // spacing "keep": anchors d (first used statement's stratum) whose shifted dates are all eligible
  const shifts = usedEvents.map((j) => evs[j]!.index - evs[usedEvents[0]!]!.index);
  const eligibleSet = new Set(eligible);
  let anchors = new Int32Array(0);
  if (spacing === "keep") {
    anchors = Int32Array.from(Array.from(strata[usedEvents[0]!]!.sessions).filter((d) => shifts.every((s) => eligibleSet.has(d + s))));
    if (anchors.length === 0) {
      throw new MarketReactionError("INSUFFICIENT_DATA", `placebo: no eligible anchor session keeps the statements' spacing (${shifts.join(", ")} sessions)`);
    }
  } else {
    const sortedIdx = usedEvents.map((j) => evs[j]!.index).sort((x, y) => x - y);
    const longest = Math.max(...windows.map((w) => w[1] - w[0]));
    if (sortedIdx.some((t, i) => i > 0 && t - sortedIdx[i - 1]! <= longest)) {
      warnings.push({
        code: "CLUSTERED_STATEMENTS",
        message:
          `the real statements' event windows overlap, but independent pseudo-dates rarely do, so the null distribution understates the spread of a statistic over clustered statements; ` +
          `consider spacing: "keep" (pseudo-dates keep the statements' spacing)`,
      });
    }
  }

  const carW = table.car[wIndex]!;
  const varW = table.variance[wIndex]!;
  const value = (dates: ArrayLike<number>, carArr: Float64Array, varArr: Float64Array): number => {
    if (statistic.type === "car") return carArr[dates[0]!]!;
    let s = 0;
    for (let j = 0; j < dates.length; j++) {
      const c = carArr[dates[j]!]!;
      s += statistic.type === "wald" ? (c * c) / varArr[dates[j]!]! : c;
    }
    return statistic.type === "wald" ? s : s / dates.length;
  };
  const observed = value(usedEvents.map((j) => evs[j]!.index), realTable.car[wIndex]!, realTable.variance[wIndex]!);

  const rng = createRandom(seed);
  const J = usedEvents.length;
  const pick = new Int32Array(J);
  const nullStats = new Float64Array(draws);
  const tol = 1e-12 * Math.abs(observed);
  let extreme = 0;
  for (let bIdx = 0; bIdx < draws; bIdx++) {
    if (spacing === "keep") {
      const d0 = anchors[rng.int(anchors.length)]!;
      for (let j = 0; j < J; j++) pick[j] = d0 + shifts[j]!;
    } else for (let j = 0; j < J; j++) {
      const pool = strata[usedEvents[j]!]!.sessions;
      let d: number;
      let clash: boolean;
      do {
        d = pool[rng.int(pool.length)]!;
        clash = false;
        for (let i = 0; i < j; i++) if (pick[i] === d) clash = true;
      } while (clash);
      pick[j] = d;
    }
    const s = value(pick, carW, varW);
    nullStats[bIdx] = s;
    if (Math.abs(s) >= Math.abs(observed) - tol) extreme++;
  }
  const sorted = Float64Array.from(nullStats).sort();
  let mean = 0;
  for (let i = 0; i < draws; i++) mean += nullStats[i]!;
  mean /= draws;
  let ss = 0;
  for (let i = 0; i < draws; i++) ss += (nullStats[i]! - mean) ** 2;
  const sd = draws > 1 ? Math.sqrt(ss / (draws - 1)) : Number.NaN;
  const q = (p: number): number => quantileSorted(sorted, p);

  // volatility of the event period vs the first statement's estimation window
  const first = Math.min(...realIdx);
  const last = Math.max(...realIdx);
  const vc = volatilityCheck(
    data.asset,
    { start: Math.max(0, first - 10), end: Math.min(n, last + 11) },
    { start: Math.max(0, first + est[0]), end: Math.max(0, first + est[1] + 1) },
    { eventId: evs[0]!.id },
  );
  if (vc.warning !== undefined) warnings.push(vc.warning);

  const eligibleUnion = new Set<number>();
  for (const j of usedEvents) for (const d of strata[j]!.sessions) eligibleUnion.add(d);
  const definition =
    `sessions whose estimation window ${windowLabel(est)} (at least ${minObs} complete cases) and event windows ${windows.map(windowLabel).join(", ")} lie inside the data with defined CARs, ` +
    `more than ${h} sessions away from every real statement` +
    (regime === "none" ? "" : regime === "quarter" ? ", in the statement's calendar quarter" : `, in the statement's tercile of ${volWindow}-session trailing volatility`) +
    (contamination === "exclude" ? "; the real statements' event windows are excluded from every estimation sample" : "") +
    (spacing === "keep" ? `; one anchor per draw, the other pseudo-dates at the real statements' spacing (${shifts.join(", ")} sessions), every one of them eligible` : "; pseudo-dates drawn independently without replacement");
  return {
    statistic: statisticName(statistic, evs, windows),
    observed,
    p_value: (1 + extreme) / (draws + 1),
    draws,
    seed,
    eligible: {
      size: spacing === "keep" ? anchors.length : eligibleUnion.size,
      h,
      spacing,
      regime,
      strata: usedEvents.map((j) => ({ event_id: evs[j]!.id, label: strata[j]!.label, size: strata[j]!.sessions.length })),
      definition,
    },
    quantiles: { "2.5%": q(0.025), "5%": q(0.05), "50%": q(0.5), "95%": q(0.95), "97.5%": q(0.975) },
    null_mean: mean,
    null_sd: sd,
    ci: [observed - (q(0.975) - mean), observed - (q(0.025) - mean)],
    real: evs.map((e) => ({
      event_id: e.id,
      day0: e.iso,
      car: windows.map((_, w) => realTable.car[w]![e.index]!),
      se: windows.map((_, w) => Math.sqrt(realTable.variance[w]![e.index]!)),
    })),
    engine: fast ? "prefix-sums" : "fitModel",
    method: `placebo (pseudo-event) test, ${model.type} model re-estimated per pseudo-date, two-sided p = (1 + #{|S*| >= |S|})/(B + 1)`,
    warnings,
  };
}
