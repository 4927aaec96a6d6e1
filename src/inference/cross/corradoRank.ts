/**
 * Corrado (1989) rank test.
 * @module
 */
import { corradoStatistic, poolScores, type KeyedSeries, type RankDivisor } from "./pooled.js";
import type { CrossTestResult } from "./types.js";
import { makeResult, pNormal } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { pooledResult } from "./pooled.js";
import { checkRankArgs } from "./checkArgs.js";

/** Options of the pooled rank and sign tests. */
export interface RankTestOptions {
  /**
   * Divisor T of the variance sum: `keys` (default, textbook: the number of time keys with data)
   * or `mean-length` (estudy2: the mean over events of T_i). Equal on complete, aligned data.
   */
  readonly divisor?: RankDivisor;
}

/**
 * Corrado's rank test of the abnormal returns on one day (one key) or, summed, over a window.
 *
 * ## Method
 * Each event's T_i non-missing ARs (estimation window plus event window) are ranked, ties with
 * average ranks: K_it, expected rank (T_i + 1)/2. Per time key t, D̄_t = (1/N_t) Σ_i (K_it −
 * (T_i + 1)/2); S_K = √((1/T) Σ_t D̄_t²) over every key; daily Z_τ = D̄_τ/S_K. For a window of L
 * keys Z = Σ_{τ∈W} D̄_τ/(√L S_K) (Cowan 1992). Standard normal reference. Keys are event-time
 * offsets (textbook) or calendar days (estudy2, for date-clustered events).
 *
 * ## References
 * - Corrado, C. J. (1989). A nonparametric test for abnormal security-price performance in event
 *   studies. Journal of Financial Economics 23(2), 385–395.
 * - Cowan, A. R. (1992). Nonparametric event study tests. RQFA 2, 343–358.
 *
 * @param series - Per event: its estimation and event-window ARs on time keys.
 * @param keys - The tested key(s): one key = daily test, several = window test.
 * @param options - `divisor`.
 * @returns `{ statistic: Z, p_value, n, details: { T, L } … }`.
 * @example
 * ```ts
 * const series = [{ keys: [-3, -2, -1, 0], values: [0.1, -0.2, 0.05, 0.4] },
 *                 { keys: [-3, -2, -1, 0], values: [0.0, 0.1, -0.1, 0.3] }];
 * corradoRankTest(series, [0]).statistic; // => 1.604
 * corradoRankTest(series, [0]).p_value;   // => 0.109
 * ```
 */
export function corradoRankTest(series: readonly KeyedSeries[], keys: readonly number[], options: RankTestOptions = {}): CrossTestResult {
  checkRankArgs("corradoRankTest", series, keys, options);
  const divisor = options.divisor ?? "keys";
  const pooled = poolScores(series, "corrado");
  const s = corradoStatistic(pooled, keys, divisor);
  return makeResult(
    s.z,
    pNormal(s.z),
    undefined,
    s.n,
    "Corrado rank test",
    `ranks over estimation + event window, average ties; S_K with T = ${divisor === "keys" ? "number of keys" : "mean T_i"}; N(0,1)`,
    { T: divisor === "keys" ? pooled.keys : pooled.meanLength, L: s.length },
  );
}

/**
 * Registry entry: ranks over estimation + event span (estudy2: calendar keys, and estimation +
 * window for a window); estudy2 `rank`.
 */
export const corradoRank: CrossTestDescriptor<"corrado_rank"> = {
  name: "corrado_rank",
  method: "Corrado rank test",
  estudy2: "rank",
  estudy2Window: "own",
  needs: ["ranks"],
  daily: (ctx, day) => {
    const pool = ctx.pool(ctx.spanRanks!, "corrado");
    return pooledResult(corradoStatistic(pool, [day.key], "keys"), pool, "Corrado rank test", "ranks over estimation + event span; N(0,1)");
  },
  window: (ctx, w) => {
    const pool = ctx.pool(w.ranks!, "corrado");
    const convention = ctx.e2
      ? "Σ daily Z/√D with ranks over estimation + window (car_rank_test); N(0,1)"
      : "Σ_{τ∈W} D̄_τ/(√L S_K) (Cowan), ranks over estimation + event span; N(0,1)";
    return pooledResult(corradoStatistic(pool, w.keys, "keys"), pool, "Corrado rank test", convention);
  },
};
