/**
 * Internal helpers of the cross-event tests: compensated moments over the finite values, average
 * ranks, p-values and the result shape. Not exported from the package.
 * @module
 */
import { normalSf, studentTTwoSided } from "../../stats/index.js";
import type { CrossTestResult } from "./types.js";
import { neumaierError } from "../../stats/summary.js";
import { checkNumbers } from "../../check.js";

/** Two-sided p-value of a standard-normal statistic (NaN for NaN). */
export function pNormal(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** Two-sided p-value of a Student-t statistic (NaN for NaN or df ≤ 0). */
export function pStudent(t: number, df: number): number {
  return studentTTwoSided(t, df);
}

/** Builds a result; `df` is omitted when undefined (normal reference). */
export function makeResult(
  statistic: number,
  p: number,
  df: number | undefined,
  n: number,
  method: string,
  convention: string,
  details?: Record<string, number>,
): CrossTestResult {
  const r: {
    statistic: number;
    p_value: number;
    df?: number;
    n: number;
    alternative: "two-sided";
    method: string;
    convention: string;
    details?: Record<string, number>;
  } = { statistic, p_value: p, n, alternative: "two-sided", method, convention };
  if (df !== undefined) r.df = df;
  if (details !== undefined) r.details = details;
  return r;
}

/** A result with NaN statistic and p (too few observations). */
export function emptyResult(n: number, method: string, convention: string, df?: number): CrossTestResult {
  return makeResult(Number.NaN, Number.NaN, df, n, method, convention);
}

/** Running Neumaier sum. */
export class Acc {
  s = 0;
  c = 0;
  add(v: number): void {
    const t = this.s + v;
    this.c += neumaierError(this.s, v, t);
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Moments of the finite values of x: count, mean and sample SD (n − 1), by two compensated passes. */
export interface Moments {
  n: number;
  mean: number;
  sd: number;
}

/** Count, mean and sample SD (divisor n − 1) of the non-NaN values of x. */
export function moments(x: ArrayLike<number>): Moments {
  const len = x.length;
  const a = new Acc();
  let n = 0;
  for (let i = 0; i < len; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    a.add(v);
    n++;
  }
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN };
  const m = a.value / n;
  const q = new Acc();
  const d = new Acc();
  for (let i = 0; i < len; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    q.add((v - m) * (v - m));
    d.add(v - m);
  }
  const ss = q.value - (d.value * d.value) / n;
  return { n, mean: m, sd: n > 1 ? Math.sqrt(Math.max(0, ss) / (n - 1)) : Number.NaN };
}

/** The non-NaN values of x, in order. */
export function finite(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out;
}

/**
 * Average ranks (1-based; ties share the mean of their ranks) of values[0..n), none of them NaN.
 * `sorted` is a scratch Float64Array of length ≥ n; ranks are written to `out`. Returns
 * Σ(t³ − t) over tie groups.
 *
 * The values are copied and sorted by the typed array's native numeric sort (no comparator
 * callback); the average rank of v is then (#{< v} + 1 + #{≤ v})/2: #{< v} by binary search on
 * the sorted copy, #{≤ v} by stepping over its ties. −0 and +0 count as equal, as under `===`.
 */
export function averageRanks(values: ArrayLike<number>, n: number, out: Float64Array, sorted: Float64Array): number {
  const s = sorted.subarray(0, n);
  for (let i = 0; i < n; i++) s[i] = values[i]!;
  s.sort();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const below = countBelow(s, n, v);
    let atMost = below + 1;
    while (atMost < n && s[atMost]! <= v) atMost++;
    out[i] = (below + 1 + atMost) / 2;
  }
  return tieTerm(s, n);
}

/** Σ(t³ − t) over the runs of equal values of a sorted array. */
export function tieTerm(sorted: ArrayLike<number>, n: number): number {
  let ties = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = sorted[i]!;
    while (j < n && sorted[j]! === v) j++;
    const t = j - i;
    if (t > 1) ties += t * t * t - t;
    i = j;
  }
  return ties;
}

/** Number of entries of sorted[0..n) that are < v (binary search). */
export function countBelow(sorted: ArrayLike<number>, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median of the first n values of a sorted array. */
export function sortedMedian(sorted: ArrayLike<number>, n: number): number {
  checkNumbers("sortedMedian", "sorted", sorted);
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}
