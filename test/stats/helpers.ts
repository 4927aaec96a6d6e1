import { tailQuantiles7 } from "../../src/stats/quantile.js";

/**
 * What `runSumCountsAndTails` must write for these sums and point c, by the definition:
 * [#sums ≤ c, #sums ≥ c, type-7 quantiles at 2.5 % and 97.5 %] (the counts `NaN` for a `NaN` c
 * or no sums).
 */
export function countsAndTails(sums: Float64Array, c: number): number[] {
  let le = 0;
  let ge = 0;
  for (const v of sums) {
    le += +(v <= c);
    ge += +(v >= c);
  }
  const counted = sums.length > 0 && !Number.isNaN(c);
  return [counted ? le : Number.NaN, counted ? ge : Number.NaN, ...tailQuantiles7(sums, 0.025, 0.975)];
}
