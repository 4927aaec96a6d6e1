/**
 * The market's side of the market model's fits, kept for the other assets of a study: every
 * asset with complete data around a statement is fitted on the same estimation sessions of the
 * same market column, and the market's mean, centred values, `Sxx` and `Σx²` over them do not
 * depend on the asset. A fit that finds them here skips half its work and gives the same bits
 * (the same operations in the same order, see `centreRegressor`).
 * @module
 */

/** The market's side of a fit on one estimation sample. */
export interface RegressorSide {
  /** The estimation sessions (column indices), ascending. */
  readonly used: Int32Array;
  /** The centred market returns `x − x̄` on them. */
  readonly u: Float64Array;
  readonly mean: number;
  readonly sxx: number;
  /** `Σx²` in order (the constancy check's scale). */
  readonly squares: number;
}

/** A sample seen once: enough to recognise it when it comes again (then it is kept whole). */
interface Seen {
  readonly last: number;
  readonly total: number;
}

/** Values kept at most (about 12 MB of indices and centred returns): a study of many distinct samples stops keeping new ones there. */
const MAX_KEPT = 1 << 20;

/**
 * Market sides by market column and estimation sample. Only for columns that no one changes
 * while the cache lives: the study creates one per run for the columns it made itself. A sample
 * is kept the second time it is offered (a study of one statement per asset keeps nothing), and
 * a lookup compares the whole sample, so two samples never share an entry by accident.
 * @internal
 */
export class RegressorCache {
  private readonly byColumn = new Map<Float64Array, Map<number, RegressorSide | Seen>>();
  private kept = 0;

  /** The kept side of `market` over the sessions `used`, or undefined. */
  find(market: Float64Array, used: Int32Array): RegressorSide | undefined {
    const m = used.length;
    if (m === 0) return undefined;
    const entry = this.byColumn.get(market)?.get(sampleKey(used));
    if (entry === undefined || !("u" in entry)) return undefined;
    const kept = entry.used;
    if (kept.length !== m) return undefined;
    for (let j = 0; j < m; j++) if (kept[j] !== used[j]) return undefined;
    return entry;
  }

  /**
   * Offers the side just computed of `market` over `used` (`u`: its centred values in the first
   * `used.length` entries, copied when kept): remembered the first time, kept the second, while
   * the cache holds fewer than {@link MAX_KEPT} values.
   */
  offer(market: Float64Array, used: Int32Array, u: Float64Array, mean: number, sxx: number, squares: number): void {
    const m = used.length;
    if (m === 0 || this.kept + m > MAX_KEPT) return;
    let samples = this.byColumn.get(market);
    if (samples === undefined) {
      samples = new Map();
      this.byColumn.set(market, samples);
    }
    const key = sampleKey(used);
    const entry = samples.get(key);
    if (entry === undefined) {
      samples.set(key, { last: used[m - 1]!, total: indexTotal(used) });
      return;
    }
    if ("u" in entry || entry.last !== used[m - 1] || entry.total !== indexTotal(used)) return;
    samples.set(key, { used: used.slice(), u: u.slice(0, m), mean, sxx, squares });
    this.kept += m;
  }
}

/** The first session and the number of sessions of a sample, as one number (exact below 2⁵³). */
function sampleKey(used: Int32Array): number {
  return used[0]! * 2 ** 21 + (used.length % 2 ** 21);
}

/** The sum of a sample's session indices (a cheap check that a sample seen once is the same). */
function indexTotal(used: Int32Array): number {
  let s = 0;
  for (let j = 0; j < used.length; j++) s += used[j]!;
  return s;
}
