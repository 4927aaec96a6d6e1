/**
 * Corrado & Zivney (1992) sign test (signs relative to each event's median).
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
 * Corrado–Zivney sign test.
 *
 * ## Method
 * G_it = sign(AR_it − median_i), median_i over the event's non-missing ARs of the estimation and
 * event windows (G = 0 at the median). S_G = √((1/T) Σ_t [N_t^{−1/2} Σ_i G_it]²) over every key;
 * daily Z_τ = N_τ^{−1/2} Σ_i G_iτ/S_G; window Z = Σ_{τ∈W} N_τ^{−1/2} Σ_i G_iτ/(√L S_G). Standard
 * normal reference.
 *
 * ## References
 * - Corrado, C. J. & Zivney, T. L. (1992). The specification and power of the sign test in event
 *   study hypothesis tests using daily stock returns. JFQA 27(3), 465–478.
 *
 * @param series - Per event: its estimation and event-window ARs on time keys.
 * @param keys - Tested key(s).
 * @param options - `divisor`.
 * @returns `{ statistic: Z, p_value, n, details: { T, L } … }`.
 * @example
 * ```ts
 * corradoZivneySignTest([{ keys: [-2, -1, 0], values: [0.1, -0.2, 0.4] }], [0]).statistic; // => 1.2247
 * ```
 */
export function corradoZivneySignTest(series: readonly KeyedSeries[], keys: readonly number[], options: RankTestOptions = {}): CrossTestResult {
  checkRankArgs("corradoZivneySignTest", series, keys, options);
  const divisor = options.divisor ?? "keys";
  const pooled = poolScores(series, "sign");
  const s = zivneyStatistic(pooled, keys, divisor);
  return makeResult(
    s.z,
    pNormal(s.z),
    undefined,
    s.n,
    "Corrado-Zivney sign test",
    `G = sign(AR − median over estimation + event window); S_G with T = ${divisor === "keys" ? "number of keys" : "mean T_i"}; N(0,1)`,
    { T: divisor === "keys" ? pooled.keys : pooled.meanLength, L: s.length },
  );
}

/**
 * Registry entry: sign(AR − median) over estimation + event span (estudy2: calendar keys, and
 * estimation + window for a window); estudy2 `csign`.
 */
export const corradoZivneySign: CrossTestDescriptor<"corrado_zivney_sign"> = {
  name: "corrado_zivney_sign",
  method: "Corrado-Zivney sign test",
  estudy2: "csign",
  estudy2Window: "own",
  needs: ["ranks"],
  daily: (ctx, day) => {
    const pool = ctx.pool(ctx.spanRanks!, "sign");
    return pooledResult(zivneyStatistic(pool, [day.key], "keys"), pool, "Corrado-Zivney sign test", "sign(AR − median over estimation + event span); N(0,1)");
  },
  window: (ctx, w) => {
    const pool = ctx.pool(w.ranks!, "sign");
    const convention = ctx.e2 ? "Σ daily Z/√D with medians over estimation + window; N(0,1)" : "Σ_{τ∈W} Z_τ/√L, medians over estimation + event span; N(0,1)";
    return pooledResult(zivneyStatistic(pool, w.keys, "keys"), pool, "Corrado-Zivney sign test", convention);
  },
};
