/**
 * Sums of runs of consecutive values from prefix sums kept as pairs: `lo[j]` holds the exact
 * errors of the additions that made `hi[j]` (Knuth's TwoSum) and is folded into `hi` whenever
 * it passes 2⁻⁵⁰·|hi[j]|, so `hi[j] + lo[j]` = Σ_{i<j} e_i but for roundings of about 2⁻¹⁰³ of
 * the prefix sums per value. A run sum S_j = P_{j+L} − P_j carries only the roundings of its own
 * L values: it comes out as the correctly rounded exact sum (as a compensated sum of the run
 * would), for every L at O(1) each, unless the prefix sums inside the run are so much larger
 * than the run sum that those roundings reach its last bit.
 * @module
 */
import { neumaierError } from "./summary.js";

/** Values with their prefix sums as pairs (and, optionally, the session index of each value). */
export interface RunSumPrefix {
  readonly e: Float64Array;
  readonly n: number;
  /** Session indices of the values: a run counts only when its sessions are consecutive. */
  readonly idx: Int32Array | undefined;
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  /**
   * Upper bounds on every |hi[i]| and every |lo[i]| (their sums Σ|hi[i]| and Σ|lo[i]|, as
   * computed: each rounded partial sum is at least its largest term; `NaN` or infinite when a
   * prefix sum is): how far a leading difference `hi[j + L] − hi[j]` can lie from its run sum
   * follows from them (`runSumScreen.ts`).
   */
  readonly hiBound: number;
  readonly loBound: number;
  /** Σ e_i² over the values, as computed (a cheap scale of the values). */
  readonly squares: number;
}

let prefixHi = new Float64Array(512);
let prefixLo = new Float64Array(512);

/**
 * The prefix sums (as pairs) of the first `n` values of `e`. The prefix arrays are module
 * scratch, grown as needed: a prefix must be read (by {@link runSums}) before the next is built.
 */
export function runSumPrefix(e: Float64Array, n: number, idx: Int32Array | undefined): RunSumPrefix {
  if (prefixHi.length < n + 1) {
    prefixHi = new Float64Array(2 * (n + 1));
    prefixLo = new Float64Array(2 * (n + 1));
  }
  const hi = prefixHi;
  const lo = prefixLo;
  hi[0] = 0;
  lo[0] = 0;
  let sh = 0;
  let sl = 0;
  let hiBound = 0;
  let loBound = 0;
  let squares = 0;
  // hi runs as a plain sum and lo as the sum of its additions' exact errors: two chains one
  // addition long. lo is folded into hi (exactly, by TwoSum) only when it grows past 2⁻⁵⁰·|hi|
  // — a few times in a few hundred values, mostly where the sum crosses zero — which keeps
  // |lo| ≤ 2⁻⁵⁰·|hi| and its roundings near 2⁻¹⁰³·|hi|, as a double-double sum's are (it folds
  // at every value, which joins the chains into one five operations long). The bounds and the
  // squares are sums off both chains, almost free
  for (let i = 0; i < n; i++) {
    const v = e[i]!;
    squares += v * v;
    const t = sh + v;
    sl += neumaierError(sh, v, t); // exact: t + err = sh + v
    sh = t;
    if (Math.abs(sl) > FOLD_AT * Math.abs(sh)) {
      const f = sh + sl;
      sl = neumaierError(sh, sl, f);
      sh = f;
    }
    hi[i + 1] = sh;
    lo[i + 1] = sl;
    hiBound += Math.abs(sh);
    loBound += Math.abs(sl);
  }
  return { e, n, idx, hi, lo, hiBound, loBound, squares };
}

/** lo is folded into hi when |lo| exceeds this fraction of |hi|. */
const FOLD_AT = 2 ** -50;

/** A run sum below this fraction of the prefix sums around it is summed directly (see {@link runSums}). */
export const CANCELLATION = 2 ** -30;

/**
 * Unsorted sums of `length` consecutive values from a prefix (into `scratch` when it is long
 * enough); with session indices, only runs of consecutive sessions.
 */
export function runSums(pre: RunSumPrefix, length: number, scratch?: Float64Array): Float64Array {
  const { n, idx } = pre;
  const count = Math.max(0, n - length + 1);
  const sums = scratch !== undefined && scratch.length >= count ? scratch.subarray(0, count) : new Float64Array(count);
  let kept = 0;
  for (let j = 0; j < count; j++) {
    if (idx !== undefined && idx[j + length - 1]! - idx[j]! !== length - 1) continue;
    sums[kept++] = runSumAt(pre, j, length);
  }
  return kept === count ? sums : sums.subarray(0, kept);
}

/**
 * The sum of the `length` values from `j` (0 ≤ j ≤ n − length), correctly rounded: the
 * difference of two prefix sums, or the values summed directly (compensated) where that
 * difference cancels heavily.
 */
export function runSumAt(pre: RunSumPrefix, j: number, length: number): number {
  if (length === 1) return pre.e[j]!;
  // (hi_b + lo_b) − (hi_a + lo_a) with the leading difference taken exactly; when the run
  // sum is tiny next to the prefix (heavy cancellation) the prefix's 2⁻¹⁰³-or-so relative error
  // could reach its last bits, so it is summed directly, compensated, instead
  const { hi, lo } = pre;
  const a = hi[j]!;
  const b = hi[j + length]!;
  const d = b - a;
  if (Math.abs(d) > CANCELLATION * Math.max(Math.abs(a), Math.abs(b))) {
    // the exact error of b − a by Knuth's TwoSum, branch-free: Fast2Sum's test of |b| ≥ |a|
    // goes either way at random here (each run's sign). The same number: an exact error is
    // unique, and d ≠ 0 on this path, so the sign of a zero error cannot show in the sum
    const bb = d - b;
    const de = b - (d - bb) + (-a - bb);
    return d + (de + (lo[j + length]! - lo[j]!));
  }
  return directSum(pre.e, j, j + length);
}

/** Compensated sum of e[from … to). */
function directSum(e: Float64Array, from: number, to: number): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = e[i]!;
    const u = s + v;
    c += neumaierError(s, v, u);
    s = u;
  }
  return s + c;
}
