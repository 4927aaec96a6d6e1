/**
 * Corrado & Zivney (1992) rank test (standardized ranks; robust to missing data).
 * @module
 */
import type { RankTestOptions } from "./corradoRank.js";
import { poolScores, zivneyStatistic, type KeyedSeries } from "./pooled.js";
import type { CrossTestResult } from "./types.js";
import { makeResult, pNormal } from "./util.js";
import type { CrossTestDescriptor } from "./descriptor.js";
import { pooledResult } from "./pooled.js";
import { checkRankArgs } from "./checkArgs.js";

/**
 * Corrado–Zivney rank test (the "modified rank" test of estudy2).
 *
 * ## Method
 * Ranks K_it over each event's T_i non-missing ARs (estimation + event window, average ties),
 * U_it = K_it/(T_i + 1). Per key, the scaled sum N_t^{−1/2} Σ_i (U_it − ½);
 * S_U = √((1/T) Σ_t [N_t^{−1/2} Σ_i (U_it − ½)]²); daily Z_τ = N_τ^{−1/2} Σ_i (U_iτ − ½)/S_U,
 * window Z = (Σ_{τ∈W} N_τ^{−1/2} Σ_i (U_iτ − ½))/(√L S_U) = Σ_{τ∈W} Z_τ/√L.
 * Standard normal reference. The ARs are ranked as given (unstandardized); the "adjusted"
 * variant ranks standardized ARs.
 *
 * ## References
 * - Corrado, C. J. & Zivney, T. L. (1992). The specification and power of the sign test in event
 *   study hypothesis tests using daily stock returns. JFQA 27(3), 465–478.
 * - Kolari, J. W. & Pynnönen, S. (2011). Nonparametric rank tests for event studies. Journal of
 *   Empirical Finance 18(5), 953–971.
 *
 * @param series - Per event: its estimation and event-window ARs on time keys.
 * @param keys - Tested key(s).
 * @param options - `divisor`.
 * @returns `{ statistic: Z, p_value, n, details: { T, L } … }`.
 * @example
 * ```ts
 * corradoZivneyRankTest([{ keys: [-2, -1, 0], values: [0.1, -0.2, 0.4] }], [0]).statistic; // => 1.2247
 * ```
 */
export function corradoZivneyRankTest(series: readonly KeyedSeries[], keys: readonly number[], options: RankTestOptions = {}): CrossTestResult {
  checkRankArgs("corradoZivneyRankTest", series, keys, options);
  const divisor = options.divisor ?? "keys";
  const pooled = poolScores(series, "uniform");
  const s = zivneyStatistic(pooled, keys, divisor);
  return makeResult(
    s.z,
    pNormal(s.z),
    undefined,
    s.n,
    "Corrado-Zivney rank test",
    `U = K/(T_i + 1) over estimation + event window; S_U with T = ${divisor === "keys" ? "number of keys" : "mean T_i"}; N(0,1)`,
    { T: divisor === "keys" ? pooled.keys : pooled.meanLength, L: s.length },
  );
}

/**
 * Registry entry: U = K/(T_i + 1) over estimation + event span (estudy2: calendar keys, and
 * estimation + window for a window); estudy2 `mrank`.
 */
export const corradoZivneyRank: CrossTestDescriptor<"corrado_zivney_rank"> = {
  name: "corrado_zivney_rank",
  method: "Corrado-Zivney rank test",
  estudy2: "mrank",
  estudy2Window: "own",
  needs: ["ranks"],
  daily: (ctx, day) => {
    const pool = ctx.pool(ctx.spanRanks!, "uniform");
    return pooledResult(zivneyStatistic(pool, [day.key], "keys"), pool, "Corrado-Zivney rank test", "U = K/(T_i + 1) over estimation + event span; N(0,1)");
  },
  window: (ctx, w) => {
    const pool = ctx.pool(w.ranks!, "uniform");
    const convention = ctx.e2 ? "Σ daily Z/√D with ranks over estimation + window; N(0,1)" : "Σ_{τ∈W} Z_τ/√L, ranks over estimation + event span; N(0,1)";
    return pooledResult(zivneyStatistic(pool, w.keys, "keys"), pool, "Corrado-Zivney rank test", convention);
  },
};
