/**
 * Scores pooled by time key (event-time offset or calendar day) across events: the engine of
 * the rank and sign tests of Corrado (1989) and Corrado & Zivney (1992), and the equally
 * weighted portfolio series of the time-series tests.
 * @module
 */
import { rankAndPool } from "./ranks.js";
import type { CrossTestResult } from "./types.js";
import { Acc, makeResult, pNormal } from "./util.js";
import { checkArrayOf, checkNumbers } from "../../check.js";
import { KEYED_SERIES } from "../../shapes.js";

/**
 * One event's values on integer time keys (offsets relative to day 0, or calendar day keys):
 * typically its estimation-window ARs followed by its event-window ARs. `NaN` = missing.
 * Keys are unique within a series.
 */
export interface KeyedSeries {
  readonly keys: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** How each event's values are turned into scores before pooling. */
export type ScoreTransform = "corrado" | "uniform" | "sign";

/** Scores summed per time key over the events. */
export interface PooledScores {
  /** Smallest key; slot k of `sum`/`count` is key `base + k`. */
  readonly base: number;
  readonly sum: Float64Array;
  readonly count: Int32Array;
  /** Number of keys with at least one score. */
  readonly keys: number;
  /** Mean over events of T_i, the number of non-missing values of event i. */
  readonly meanLength: number;
  /** Events with at least one value. */
  readonly events: number;
}

/**
 * Ranks each event's values (average ranks over its non-missing values) and sums the scores per
 * key: `corrado` K − (T_i + 1)/2; `uniform` K/(T_i + 1) − ½; `sign` sign(x − median_i).
 */
export function poolScores(series: readonly KeyedSeries[], transform: ScoreTransform): PooledScores {
  const events = series.map((s) => {
    const n = Math.min(s.keys.length, s.values.length);
    const whole = n === s.keys.length && n === s.values.length;
    return {
      estValues: whole ? s.values : (Array.prototype.slice.call(s.values, 0, n) as number[]),
      estKeys: whole ? s.keys : (Array.prototype.slice.call(s.keys, 0, n) as number[]),
      spanValues: [],
      spanKeys: [],
      start: 0,
    };
  });
  return rankAndPool(events, 0, -1)[transform];
}

/** Divisor of the variance sums: the number of keys (textbook) or the mean T_i (estudy2). */
export type RankDivisor = "keys" | "mean-length";

/** Statistic of a pooled rank/sign test over a set of keys. */
export interface PooledStatistic {
  readonly z: number;
  /** Largest number of events on one of the tested keys. */
  readonly n: number;
  /** Number of tested keys with data. */
  readonly length: number;
}

function divisorOf(p: PooledScores, divisor: RankDivisor): number {
  return divisor === "keys" ? p.keys : p.meanLength;
}

/**
 * Corrado (1989) form: mean score per key, D̄_k = sum_k/count_k; S² = (1/T) Σ_k D̄_k²;
 * Z = Σ_{k∈K} D̄_k / (√L · S), L = |K| (L = 1: the daily test; L > 1: Cowan's window form).
 */
export function corradoStatistic(p: PooledScores, keys: readonly number[], divisor: RankDivisor): PooledStatistic {
  checkNumbers("corradoStatistic", "keys", keys);
  const v = new Acc();
  for (let k = 0; k < p.sum.length; k++) {
    const c = p.count[k]!;
    if (c > 0) {
      const d = p.sum[k]! / c;
      v.add(d * d);
    }
  }
  const S = Math.sqrt(v.value / divisorOf(p, divisor));
  const num = new Acc();
  let L = 0;
  let n = 0;
  for (const key of keys) {
    const k = key - p.base;
    const c = k >= 0 && k < p.count.length ? p.count[k]! : 0;
    if (c === 0) continue;
    num.add(p.sum[k]! / c);
    L++;
    if (c > n) n = c;
  }
  return { z: L === 0 ? Number.NaN : num.value / (Math.sqrt(L) * S), n, length: L };
}

/**
 * Corrado–Zivney (1992) form: per key the scaled sum sum_k/√count_k; S² = (1/T) Σ_k sum_k²/count_k;
 * Z = Σ_{k∈K} sum_k/√count_k / (√L · S).
 */
export function zivneyStatistic(p: PooledScores, keys: readonly number[], divisor: RankDivisor): PooledStatistic {
  checkNumbers("zivneyStatistic", "keys", keys);
  const v = new Acc();
  for (let k = 0; k < p.sum.length; k++) {
    const c = p.count[k]!;
    if (c > 0) v.add((p.sum[k]! * p.sum[k]!) / c);
  }
  const S = Math.sqrt(v.value / divisorOf(p, divisor));
  const num = new Acc();
  let L = 0;
  let n = 0;
  for (const key of keys) {
    const k = key - p.base;
    const c = k >= 0 && k < p.count.length ? p.count[k]! : 0;
    if (c === 0) continue;
    num.add(p.sum[k]! / Math.sqrt(c));
    L++;
    if (c > n) n = c;
  }
  return { z: L === 0 ? Number.NaN : num.value / (Math.sqrt(L) * S), n, length: L };
}

/**
 * The equally weighted portfolio series: for every key with at least one non-missing value, the
 * mean of the values on that key, in key order.
 *
 * ## Method
 * AAR_t = (1/N_t) Σ_i AR_it over the events with a value on key t (an event-time offset or a
 * calendar day). This is the series whose standard deviation the crude-dependence
 * (time-series) t test and the Lamb test use (Brown & Warner 1985).
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31.
 *
 * @param series - Estimation-window ARs of each event on their keys.
 * @returns The portfolio means, one per key present.
 * @example
 * ```ts
 * averageByKey([{ keys: [1, 2], values: [0.1, 0.3] }, { keys: [2, 3], values: [0.1, 0.2] }]);
 * // => Float64Array [0.1, 0.2, 0.2]
 * ```
 */
export function averageByKey(series: readonly KeyedSeries[]): Float64Array {
  checkArrayOf("averageByKey", "series", series, KEYED_SERIES);
  // the slots span every key given (the output keeps only keys with a value); a key array shared
  // by several series is scanned once
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let last: ArrayLike<number> | undefined;
  for (const s of series) {
    if (s.keys === last) continue;
    last = s.keys;
    for (let j = 0; j < s.keys.length; j++) {
      const k = s.keys[j]!;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
  }
  if (!(hi >= lo)) return new Float64Array(0);
  const size = hi - lo + 1;
  const sum = new Float64Array(size);
  const count = new Int32Array(size);
  for (const s of series) {
    for (let j = 0; j < s.keys.length; j++) {
      const v = s.values[j]!;
      if (Number.isNaN(v)) continue;
      const k = s.keys[j]! - lo;
      sum[k] = sum[k]! + v;
      count[k] = count[k]! + 1;
    }
  }
  let m = 0;
  for (let k = 0; k < size; k++) if (count[k]! > 0) m++;
  const out = new Float64Array(m);
  let j = 0;
  for (let k = 0; k < size; k++) if (count[k]! > 0) out[j++] = sum[k]! / count[k]!;
  return out;
}

/** The result of a pooled rank or sign test (normal reference; details T = keys, L = tested keys). */
export function pooledResult(s: PooledStatistic, p: PooledScores, method: string, convention: string): CrossTestResult {
  return makeResult(s.z, pNormal(s.z), undefined, s.n, method, convention, { T: p.keys, L: s.length });
}
