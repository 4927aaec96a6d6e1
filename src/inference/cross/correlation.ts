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
 * clustered. Complete series on the same days are read together: with z_i the deviations of
 * series i from its mean over the square root of their sum of squares, the sum of their pairwise
 * correlations is (‖Σ z_i‖² − Σ ‖z_i‖²)/2, so a group of K such series costs O(K M) instead of
 * O(K² M) (it agrees with the pair-by-pair sum to rounding, about 1e-15). Every other pair
 * (different days, a missing value) is a merge-join on its common days: O(M) per pair.
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
  const centred = centredOnOwnDays(series);
  const total = new Acc();
  let overlapping = 0;
  const groups = groupMembers(centred);
  for (const members of groups) {
    const within = withinGroup(members, minOverlap);
    total.add(within.sum);
    overlapping += within.pairs;
  }
  if (groups.length !== 1 || groups[0]!.length !== N) {
    for (let i = 0; i < N; i++) {
      const a = series[i]!;
      const ca = centred[i];
      for (let j = i + 1; j < N; j++) {
        const cb = centred[j];
        if (ca !== undefined && cb !== undefined && ca.group === cb.group) continue; // counted above
        const r = pairCorrelation(a, series[j]!, minOverlap);
        if (!Number.isNaN(r)) {
          total.add(r);
          overlapping++;
        }
      }
    }
  }
  const pairs = (N * (N - 1)) / 2;
  return { rbar: total.value / pairs, pairs, overlapping };
}

/**
 * A complete series (finite values only) centred on its own mean, with its sum of squared
 * deviations, and the group of series with the same days. Two series of one group have all
 * their days in common, so the pair's means and sums of squares are each series' own.
 */
interface Centred {
  readonly group: number;
  /** The values (all finite) and their mean: the deviations are read as values[k] − mean. */
  readonly values: ArrayLike<number>;
  readonly mean: number;
  readonly squares: number;
}

/** {@link Centred} of each series, `undefined` for a series with a missing or infinite value. */
function centredOnOwnDays(series: readonly DatedSeries[]): (Centred | undefined)[] {
  const groups = new DayGroups();
  return series.map((s) => {
    const v = s.values;
    const n = v.length;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      if (!Number.isFinite(v[k]!)) return undefined;
      sum += v[k]!;
    }
    const mean = sum / n;
    let squares = 0;
    for (let k = 0; k < n; k++) {
      const d = v[k]! - mean;
      squares += d * d;
    }
    return { group: groups.of(s.days), values: v, mean, squares };
  });
}

/** The complete series of each group (groups of one series left out). */
function groupMembers(centred: readonly (Centred | undefined)[]): Centred[][] {
  const byGroup = new Map<number, Centred[]>();
  for (const c of centred) {
    if (c === undefined) continue;
    const g = byGroup.get(c.group);
    if (g === undefined) byGroup.set(c.group, [c]);
    else g.push(c);
  }
  return [...byGroup.values()].filter((g) => g.length > 1);
}

/**
 * The sum of the correlations of every pair i < j of one group, and the number of pairs with a
 * correlation, in O(K M) for K series of M days: with z_i the deviations of series i over
 * √(its sum of squares), r_ij = z_i·z_j, so Σ_{i<j} r_ij = (‖Σ_i z_i‖² − Σ_i ‖z_i‖²)/2 (both
 * sums compensated). Series without variation have no correlation with any other (as in
 * {@link pairCorrelation}); a group with fewer than `minOverlap` days has none at all.
 */
function withinGroup(members: readonly Centred[], minOverlap: number): { sum: number; pairs: number } {
  const M = members[0]!.values.length;
  if (M < minOverlap) return { sum: 0, pairs: 0 };
  const sumZ = new Float64Array(M);
  const norms = new Acc();
  let K = 0;
  for (const c of members) {
    if (!(c.squares > 0)) continue;
    K++;
    const scale = 1 / Math.sqrt(c.squares);
    const v = c.values;
    const mean = c.mean;
    let own = 0;
    for (let k = 0; k < M; k++) {
      const z = (v[k]! - mean) * scale;
      sumZ[k] = sumZ[k]! + z;
      own += z * z;
    }
    norms.add(own);
  }
  const total = new Acc();
  for (let k = 0; k < M; k++) total.add(sumZ[k]! * sumZ[k]!);
  return { sum: K < 2 ? 0 : (total.value - norms.value) / 2, pairs: (K * (K - 1)) / 2 };
}

/** Numbers the distinct day lists (by identity first, then by content). */
class DayGroups {
  private readonly byArray = new Map<object, number>();
  private readonly byShape = new Map<string, { days: DatedSeries["days"]; group: number }[]>();
  private next = 0;

  of(days: DatedSeries["days"]): number {
    const known = this.byArray.get(days);
    if (known !== undefined) return known;
    const shape = `${days.length}|${days[0]}|${days[days.length - 1]}`;
    let candidates = this.byShape.get(shape);
    if (candidates === undefined) this.byShape.set(shape, (candidates = []));
    let group = candidates.find((c) => sameDays(c.days, days))?.group;
    if (group === undefined) {
      group = this.next++;
      candidates.push({ days, group });
    }
    this.byArray.set(days, group);
    return group;
  }
}

function sameDays(a: DatedSeries["days"], b: DatedSeries["days"]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
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
