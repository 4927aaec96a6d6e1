/**
 * The SQ pass's counts and tail candidates over the run sums of a prefix, judged first by the
 * leading difference of the prefix sums alone: d = hi[j + L] − hi[j], one subtraction, instead of
 * the correctly rounded run sum v = `runSumAt(pre, j, L)` (a difference of prefix pairs with
 * Knuth's TwoSum). A bound on |d − v| ({@link screenMargin}) lets d decide every sum farther than
 * eight times the bound from the point and from both tail bounds (d is compared with edges
 * computed once); only the few others — the candidates for the tails, mostly — are computed
 * exactly. The results are exactly those of computing every v.
 * @module
 */
import { CANCELLATION, runSumAt, type RunSumPrefix } from "./runSums.js";

/** What a pass over the sums found: counts against c, and how many sums lay beyond each bound. */
export interface RunSumPass {
  le: number;
  ge: number;
  low: number;
  high: number;
}

/**
 * For the n − L + 1 = `count` sums v of `length` ≥ 2 consecutive values of a prefix without
 * session indices: writes to `pass` the number of sums ≤ c and ≥ c, and puts the sums below
 * `below` into `low` and those above `above` into `high`, in the order met (how many in
 * `pass.low` and `pass.high`) — as a pass over the exact sums would. `c`, `below` and `above`
 * must not be `NaN`.
 * @returns false, with nothing decided, when the prefix is not finite or more sums than a
 *   list holds lie near c or a bound (then pass over the exact sums instead).
 */
export function screenRunSums(
  pre: RunSumPrefix,
  length: number,
  count: number,
  c: number,
  below: number,
  above: number,
  low: Float64Array,
  high: Float64Array,
  pass: RunSumPass,
): boolean {
  const margin = screenMargin(pre);
  if (Number.isNaN(margin)) return false;
  const hi = pre.hi;
  // runSumAt sums directly only where |d| ≤ fl(2⁻³⁰·max(|hi[j]|, |hi[j + L]|)), which is at most
  // fl(2⁻³⁰·hiBound) since rounding is monotone: a larger |d| is a difference of prefix sums
  const cancels = CANCELLATION * pre.hiBound;
  // the list in a local: a module constant is a `var` in a bundle (esbuild, hence the published
  // build), and V8 then loaded it from the module's context and checked it at every sum
  const near = NEAR;
  const cap = near.length - 1; // the list wraps past its length: the count alone says it overflowed
  // the half-width of the bands d cannot decide, and the edges of those around the tail bounds (see BAND)
  const band = BAND * margin;
  const belowEdge = below + band;
  const aboveEdge = above - band;
  let belowC = 0;
  let listed = 0;
  // branch-free (+boolean, and an index written always, advanced when it counts): every test is
  // as unpredictable as a coin flip, or nearly. v lies within margin of d, so where d − c > band
  // (> margin) v > c too, and so on. One list holds, in order, the starts of every sum d
  // cannot place — near c, near a tail bound, or one runSumAt may sum directly (|d| ≤ cancels)
  // — and the pass below computes those exactly; the others are counted by d alone (those
  // below c here; those above follow from the total)
  for (let j = 0; j < count; j++) {
    const d = hi[j + length]! - hi[j]!;
    belowC += +(d < c);
    near[listed & cap] = j;
    listed += +(d <= belowEdge) | +(d >= aboveEdge) | +(Math.abs(d - c) <= band) | +(Math.abs(d) <= cancels);
  }
  if (listed > cap) return false;
  const lowCap = low.length - 1;
  const highCap = high.length - 1;
  let le = belowC;
  let ge = count - belowC;
  let lows = 0;
  let highs = 0;
  for (let i = 0; i < listed; i++) {
    const j = near[i]!;
    const d = hi[j + length]! - hi[j]!;
    const v = runSumAt(pre, j, length);
    // counted by d above, as if v were on d's side of c (ge as count − #(d < c)): counted again by v
    le += +(v <= c) - +(d < c);
    ge += +(v >= c) - +(d >= c);
    if (v < below) low[lows++ & lowCap] = v;
    if (v > above) high[highs++ & highCap] = v;
  }
  pass.le = le;
  pass.ge = ge;
  pass.low = lows;
  pass.high = highs;
  return true;
}

/**
 * Half-width of the bands, in margins. Around c the band is |fl(d − c)| ≤ fl(8·margin): beyond
 * it, |d − c| ≥ fl(8·margin)·(1 − 2⁻⁵³) − 2⁻¹⁰⁷⁵ > margin (the subtraction's rounding, and an
 * overflow to ±∞ only where d is far from c), so v lies on d's side of c. Around a tail bound x
 * the edge is fl(x ± 8·margin), at least one margin from x, so that d beyond it places v on
 * d's side: d > fl(x + 8·margin) ≥ x + margin gives v ≥ d − margin > x, and likewise below.
 *
 * Why 8: where |x| ≤ 50H (H = hiBound), the edge's rounding error is at most 2⁻⁵³·51H plus half
 * a subnormal step, under 6.4·2⁻⁵⁰·H + 2⁻¹⁰⁷⁵ < 7·margin (margin ≥ 2⁻⁵⁰·H + 2⁻¹⁰⁶⁰). Farther out,
 * with H ≥ 2⁻¹⁰⁶² (so that margin < 2⁻⁴⁷·H + 2⁻¹⁰⁶⁰ < 6H, as every |lo[i]| ≤ 2⁻⁵⁰·|hi[i]|, so
 * Λ ≤ about 2⁻⁵⁰·H): every d and v
 * lies within 2H + margin < 8H of zero, and the edge, rounded monotonically from a number beyond
 * ±(50H − 8·margin), stays beyond ±2H on x's side, so d is on the same side of x as v. With
 * H < 2⁻¹⁰⁶², every prefix sum is subnormal, the sums are exact and d = v: any edge on x's side
 * places d rightly. An infinite x stays itself.
 */
const BAND = 8;

/** Starts of the sums the leading difference cannot place (a power of two long). */
const NEAR = new Int32Array(256);

/**
 * A bound on |d − v| for every run sum v = `runSumAt(pre, j, L)` (L ≥ 2) outside its
 * cancellation branch, where d = fl(b − a), a = hi[j], b = hi[j + L]; `NaN` when the prefix is
 * not finite or so large that the steps below could overflow.
 *
 * Derivation, with u = 2⁻⁵³, H = hiBound ≥ |hi[i]|, Λ = loBound ≥ |lo[i]| and η = 2⁻¹⁰⁷⁴ (the spacing of the
 * subnormals; an addition rounds to within u·|exact| + η/2 of the exact value):
 * - |a|, |b| ≤ H, so |b − a| ≤ 2H and |d| ≤ 2H (2H is a double and rounding is monotone).
 * - TwoSum's de is the exact error of d: |de| ≤ u·|d| + η/2 ≤ 2uH + η/2.
 * - λ = fl(lo[j + L] − lo[j]): |λ| ≤ 2Λ.
 * - t = fl(de + λ): |t| ≤ (2uH + 2Λ + η/2)(1 + u) + η/2 =: T.
 * - v = fl(d + t): |v − d| ≤ |t| + u·|d + t| + η/2 ≤ T + u·(2H + T) + η/2,
 *   that is 4uH + 2Λ plus terms of order u²H, uΛ and η — less than 2⁻⁵⁰·H + 4Λ + 2⁻¹⁰⁶⁰, the
 *   bound returned, by far more than the two roundings of its own sum can take away.
 * H, Λ ≤ 2¹⁰²⁰ keeps b − a, TwoSum's intermediates (at most 4H) and d + t finite.
 */
export function screenMargin(pre: RunSumPrefix): number {
  const H = pre.hiBound;
  const lam = pre.loBound;
  if (!(H <= 2 ** 1020 && lam <= 2 ** 1020)) return Number.NaN;
  return 2 ** -50 * H + 4 * lam + 2 ** -1060;
}
