/**
 * Wilcoxon signed-rank test with the exact null distribution for small N.
 * @module
 */
import type { CrossTestResult } from "./types.js";
import { averageRanks, emptyResult, makeResult, pNormal } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { checkInteger, checkNumbers, checkOptions } from "../../check.js";

const cache = new Map<number, Float64Array>();

/**
 * Null distribution of the Wilcoxon signed-rank statistic W⁺ for n observations:
 * P(W⁺ = w), w = 0 … n(n+1)/2.
 *
 * ## Method
 * Dynamic programming over the ranks: with c_k(w) the number of subsets of {1…k} summing to w,
 * c_k(w) = c_{k−1}(w) + c_{k−1}(w − k). The counts are integers below 2ⁿ, exact in doubles
 * for n ≤ 53; probabilities are c_n(w)/2ⁿ. Results are cached per n. Cost O(n³).
 *
 * ## References
 * - Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin 1(6), 80–83.
 *
 * @param n - Number of non-zero observations (0 ≤ n ≤ 53).
 * @returns A `Float64Array` of length n(n+1)/2 + 1 (do not modify it: it is cached).
 * @example
 * ```ts
 * signedRankDistribution(3); // => Float64Array [0.125, 0.125, 0.125, 0.25, 0.125, 0.125, 0.125]
 * signedRankDistribution(10)[0]; // => 0.0009765625 (1/2¹⁰: every observation negative)
 * ```
 */
export function signedRankDistribution(n: number): Float64Array {
  checkInteger("signedRankDistribution", "n", n, 0, 5000);
  const hit = cache.get(n);
  if (hit) return hit;
  const max = (n * (n + 1)) / 2;
  const c = new Float64Array(max + 1);
  c[0] = 1;
  for (let k = 1; k <= n; k++) {
    const top = (k * (k + 1)) / 2;
    for (let w = top; w >= k; w--) c[w] = c[w]! + c[w - k]!;
  }
  const scale = 2 ** -n;
  for (let w = 0; w <= max; w++) c[w] = c[w]! * scale;
  cache.set(n, c);
  return c;
}

/** Options of {@link wilcoxonSignedRankTest}. */
export interface WilcoxonOptions {
  /** Largest n for the exact distribution (default 50); above it, and with ties, the normal. */
  readonly exactMax?: number;
}

/**
 * Wilcoxon signed-rank test that the abnormal returns are symmetric about zero.
 *
 * ## Method
 * Zeros and missing values are dropped (n = the rest); |x_i| are ranked with average ranks for
 * ties; W⁺ = Σ ranks of the positive x_i (the statistic reported). With n ≤ `exactMax` and no
 * ties, the exact two-sided p = min(1, 2·min(P(V ≤ W⁺), P(V ≥ W⁺))) from
 * {@link signedRankDistribution}. Otherwise z = (W⁺ − n(n+1)/4)/√(n(n+1)(2n+1)/24 − Σ(t³ − t)/48)
 * (tie-corrected, no continuity correction) against N(0, 1). `details.z` is always reported.
 *
 * ## References
 * - Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin 1(6), 80–83.
 * - Hollander, M., Wolfe, D. A. & Chicken, E. (2014). Nonparametric Statistical Methods, 3rd ed.,
 *   §3.1 (tie correction).
 *
 * @param x - AR_iτ or CAR_i, one per event.
 * @param options - `exactMax` (default 50).
 * @returns `{ statistic: W⁺, p_value, n, method, details: { z, exact (1/0) } … }`.
 * @example
 * ```ts
 * wilcoxonSignedRankTest([0.5, 1.2, -0.3, 2.0, 0.8, 1.1, 0.9]).p_value; // => 0.03125
 * ```
 */
export function wilcoxonSignedRankTest(x: ArrayLike<number>, options: WilcoxonOptions = {}): CrossTestResult {
  checkOptions("wilcoxonSignedRankTest", options);
  checkNumbers("wilcoxonSignedRankTest", "x", x);
  const exactMax = options.exactMax ?? 50;
  const method = "Wilcoxon signed-rank test";
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v) && v !== 0) n++;
  }
  if (n === 0) return emptyResult(0, method, "W+ = Σ ranks of |x| with x > 0");
  const abs = new Float64Array(n);
  const pos = new Uint8Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v) || v === 0) continue;
    abs[j] = Math.abs(v);
    pos[j] = v > 0 ? 1 : 0;
    j++;
  }
  const ranks = new Float64Array(n);
  const ties = averageRanks(abs, n, ranks, new Float64Array(n));
  let w = 0;
  for (let i = 0; i < n; i++) if (pos[i] === 1) w += ranks[i]!;
  const mean = (n * (n + 1)) / 4;
  const v = (n * (n + 1) * (2 * n + 1)) / 24 - ties / 48;
  const z = v > 0 ? (w - mean) / Math.sqrt(v) : Number.NaN;
  if (n <= exactMax && ties === 0 && n <= 53) {
    const d = signedRankDistribution(n);
    const k = Math.round(w);
    let lower = 0;
    for (let u = 0; u <= k; u++) lower += d[u]!;
    let upper = 0;
    for (let u = k; u < d.length; u++) upper += d[u]!;
    const p = Math.min(1, 2 * Math.min(lower, upper));
    return makeResult(w, p, undefined, n, method, "W+; exact signed-rank distribution (n ≤ 50, no ties)", { z, exact: 1 });
  }
  return makeResult(w, pNormal(z), undefined, n, method, "W+; normal with tie correction (n > 50 or ties)", { z, exact: 0 });
}

/** Registry entry: ARs and CARs; estudy2 `wlcx` (daily only: windows stay textbook). */
export const wilcoxon: CrossTestDescriptor<"wilcoxon"> = {
  name: "wilcoxon",
  method: "Wilcoxon signed-rank test",
  estudy2: "wlcx",
  estudy2Window: "textbook",
  estudy2WindowNote: "estudy2 has no CAR Wilcoxon test",
  needs: [],
  daily: (_ctx, day) => wilcoxonSignedRankTest(day.ar),
  window: (_ctx, w) => wilcoxonSignedRankTest(w.car),
};
