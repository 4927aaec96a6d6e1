/**
 * The market's side of the market model's fits, kept for the other assets of a study: every
 * asset with complete data around a statement is fitted on the same estimation sessions of the
 * same market column, and those sessions, and the market's mean, centred values, `Sxx` and `Σx²`
 * over them, do not depend on the asset. A fit that finds them here skips half its work and
 * gives the same bits (the same operations in the same order, see `centreRegressor`).
 * @module
 */
import { lowerBound } from "../time/dayKey.js";
import { marketCases } from "./sample.js";

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

  /** Per market column and window: the sessions of `[start, end)` kept by the mask where the market has a return. */
  private readonly samples = new Map<Float64Array, Map<number, { readonly mask: Uint8Array | undefined; readonly used: Int32Array }>>();
  /** The arrays {@link completeSample} handed out. */
  private readonly shared = new WeakSet<Int32Array>();
  /** Per asset column: the positions of its missing (non-finite) returns, ascending. */
  private readonly gaps = new WeakMap<Float64Array, Int32Array>();

  /**
   * The estimation sample on `[start, end)` (sessions kept by `mask` where both the asset and
   * the market have a return, as `estimationIndicesOf` finds it) of an asset without a missing
   * return there: the same array for every such asset, made once per window and mask (read
   * only); undefined when the asset has a gap in the window.
   */
  completeSample(asset: Float64Array, market: Float64Array, start: number, end: number, mask: Uint8Array | undefined): Int32Array | undefined {
    const length = end - start;
    if (length <= 0 || length >= 2 ** 21 || hasGap(this.gapsOf(asset), start, end)) return undefined;
    let byWindow = this.samples.get(market);
    if (byWindow === undefined) {
      byWindow = new Map();
      this.samples.set(market, byWindow);
    }
    const key = windowKey(start, length);
    const entry = byWindow.get(key);
    if (entry !== undefined && entry.mask === mask) return entry.used;
    if (this.kept + length > MAX_KEPT) return undefined;
    // the market's own test twice (as the asset): the asset has no gap here
    const buf = new Int32Array(length);
    const n = marketCases(market, market, start, end, mask, buf);
    const used = n === length ? buf : buf.slice(0, n);
    byWindow.set(key, { mask, used });
    this.shared.add(used);
    this.kept += length;
    return used;
  }

  /** The positions of the asset's non-finite returns, found on the first request. */
  private gapsOf(asset: Float64Array): Int32Array {
    let gaps = this.gaps.get(asset);
    if (gaps === undefined) {
      let count = 0;
      for (let i = 0; i < asset.length; i++) count += +!(Math.abs(asset[i]!) < Number.POSITIVE_INFINITY);
      gaps = new Int32Array(count);
      for (let i = 0, k = 0; k < count; i++) if (!(Math.abs(asset[i]!) < Number.POSITIVE_INFINITY)) gaps[k++] = i;
      this.gaps.set(asset, gaps);
    }
    return gaps;
  }

  /** The kept side of `market` over the sessions `used`, or undefined. */
  find(market: Float64Array, used: Int32Array): RegressorSide | undefined {
    const m = used.length;
    if (m === 0) return undefined;
    const entry = this.byColumn.get(market)?.get(sampleKey(used));
    if (entry === undefined || !("u" in entry)) return undefined;
    const kept = entry.used;
    if (kept === used) return entry; // a shared complete sample (completeSample): the same sessions
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
    // a shared complete sample is kept as it is (read only): finds of it then compare identity
    samples.set(key, { used: this.shared.has(used) ? used : used.slice(), u: u.slice(0, m), mean, sxx, squares });
    this.kept += m;
  }
}

/** Whether a position of the ascending `gaps` lies in `[start, end)` (binary search). */
function hasGap(gaps: Int32Array, start: number, end: number): boolean {
  const first = lowerBound(gaps, start);
  return first < gaps.length && gaps[first]! < end;
}

/** The first session and the number of sessions of a sample, as one number (exact below 2⁵³). */
function sampleKey(used: Int32Array): number {
  return windowKey(used[0]!, used.length);
}

/** A first session and a number of sessions as one number (exact below 2⁵³; the length taken modulo 2²¹). */
function windowKey(first: number, length: number): number {
  return first * 2 ** 21 + (length % 2 ** 21);
}

/** The sum of a sample's session indices (a cheap check that a sample seen once is the same). */
function indexTotal(used: Int32Array): number {
  let s = 0;
  for (let j = 0; j < used.length; j++) s += used[j]!;
  return s;
}
