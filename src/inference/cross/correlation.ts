/**
 * Kolari–Pynnönen average cross-correlation of estimation-window residuals.
 * @module
 */
import { Acc } from "./util.js";
import { checkArrayOf, checkInteger } from "../../check.js";
import { DATED_SERIES } from "../../shapes.js";

/** One event's residuals on calendar days (days ascending, unique). */
export interface DatedSeries {
  readonly days: Int32Array | readonly number[];
  readonly values: ArrayLike<number>;
}

/** Result of {@link averageResidualCorrelation}. */
export interface AverageCorrelation {
  /** r̄, the mean over all pairs i < j (pairs with too few common days count as 0). */
  readonly rbar: number;
  /** Number of pairs i < j. */
  readonly pairs: number;
  /** Pairs with at least `minOverlap` common days (a correlation was computed). */
  readonly overlapping: number;
}

/**
 * Average pairwise correlation r̄ of estimation-window residuals on common calendar days
 * (Kolari & Pynnönen 2010), for the adjusted Patell and BMP tests.
 *
 * ## Method
 * For each pair i < j, the Pearson correlation of their residuals over the calendar days present
 * (and not `NaN`) in both series, centred on the means over those common days. r̄ is the average
 * over all N(N − 1)/2 pairs; the diagonal is excluded. A pair with fewer than `minOverlap` common
 * days has no measurable co-movement and counts as 0 (their event windows are then far apart, so
 * their event-period covariance is zero too). Aligning on calendar days (not event time) follows
 * eventstudy2 ≥ 3.2; event-time alignment would pair unrelated dates when events are not
 * clustered. Cost O(N² M) time, O(1) extra memory.
 *
 * ## References
 * - Kolari, J. W. & Pynnönen, S. (2010). Event study testing with cross-sectional correlation of
 *   abnormal returns. Review of Financial Studies 23(11), 3996–4025.
 *
 * @param series - One residual series per event, days ascending.
 * @param minOverlap - Fewest common days for a correlation (default 3).
 * @returns `{ rbar, pairs, overlapping }`; `rbar` is `NaN` for fewer than two series.
 * @example
 * ```ts
 * averageResidualCorrelation([
 *   { days: [1, 2, 3, 4], values: [0.1, -0.2, 0.3, 0] },
 *   { days: [1, 2, 3, 4], values: [0.2, -0.1, 0.2, 0.1] },
 * ]).rbar; // => 0.906
 * ```
 */
export function averageResidualCorrelation(series: readonly DatedSeries[], minOverlap = 3): AverageCorrelation {
  checkArrayOf("averageResidualCorrelation", "series", series, DATED_SERIES);
  checkInteger("averageResidualCorrelation", "minOverlap", minOverlap, 2, Number.MAX_SAFE_INTEGER);
  const N = series.length;
  if (N < 2) return { rbar: Number.NaN, pairs: 0, overlapping: 0 };
  const total = new Acc();
  let overlapping = 0;
  for (let i = 0; i < N; i++) {
    const a = series[i]!;
    for (let j = i + 1; j < N; j++) {
      const r = pairCorrelation(a, series[j]!, minOverlap);
      if (!Number.isNaN(r)) {
        total.add(r);
        overlapping++;
      }
    }
  }
  const pairs = (N * (N - 1)) / 2;
  return { rbar: total.value / pairs, pairs, overlapping };
}

/** Correlation of two dated series on their common days (NaN if fewer than minOverlap). */
// Hand-written rather than simple-statistics' sampleCorrelation: a merge-join on common days without
// allocating aligned copies, run for each of the N(N − 1)/2 pairs.
function pairCorrelation(a: DatedSeries, b: DatedSeries, minOverlap: number): number {
  const da = a.days;
  const db = b.days;
  const va = a.values;
  const vb = b.values;
  // pass 1: means over the common days
  let n = 0;
  let sa = 0;
  let sb = 0;
  let p = 0;
  let q = 0;
  while (p < da.length && q < db.length) {
    const x = da[p]!;
    const y = db[q]!;
    if (x < y) p++;
    else if (y < x) q++;
    else {
      const u = va[p]!;
      const v = vb[q]!;
      if (!Number.isNaN(u) && !Number.isNaN(v)) {
        sa += u;
        sb += v;
        n++;
      }
      p++;
      q++;
    }
  }
  if (n < minOverlap) return Number.NaN;
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  p = 0;
  q = 0;
  while (p < da.length && q < db.length) {
    const x = da[p]!;
    const y = db[q]!;
    if (x < y) p++;
    else if (y < x) q++;
    else {
      const u = va[p]!;
      const v = vb[q]!;
      if (!Number.isNaN(u) && !Number.isNaN(v)) {
        const du = u - ma;
        const dv = v - mb;
        sab += du * dv;
        saa += du * du;
        sbb += dv * dv;
      }
      p++;
      q++;
    }
  }
  if (!(saa > 0) || !(sbb > 0)) return Number.NaN;
  return sab / Math.sqrt(saa * sbb);
}
