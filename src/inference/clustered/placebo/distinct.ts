/**
 * Placebo draws bounded by the number of distinct pseudo-date sets the data allow.
 * @module
 */
import type { Warning } from "../../../errors.js";
import type { DrawPlan } from "./draws.js";
import type { Stratum } from "./strata.js";

/** Counts above this are "more than any number of draws" (draws are capped at 10,000,000). */
const MANY = 1e15;

/** C(n, m) in floating point, capped at {@link MANY}. */
function choose(n: number, m: number): number {
  let c = 1;
  for (let i = 1; i <= m && c < MANY; i++) c = (c * (n - m + i)) / i;
  return Math.min(Math.round(c), MANY);
}

/**
 * The number of distinct pseudo-date sets a draw can take (an upper bound): the anchors when
 * the spacing is kept; otherwise, per stratum, the unordered sets of its statements' dates
 * (the mean CAR and the Wald sum do not depend on which statement gets which date), multiplied
 * over strata.
 */
export function distinctDrawSets(usedEvents: readonly number[], strata: readonly Stratum[], plan: DrawPlan, spacing: "keep" | "independent"): number {
  if (spacing === "keep") return plan.anchors.length;
  const perStratum = new Map<string, { n: number; m: number }>();
  for (const j of usedEvents) {
    const s = strata[j]!;
    const g = perStratum.get(s.key) ?? { n: s.sessions.length, m: 0 };
    g.m++;
    perStratum.set(s.key, g);
  }
  let total = 1;
  for (const { n, m } of perStratum.values()) total = Math.min(total * choose(n, m), MANY);
  return total;
}

/**
 * `PLACEBO_DRAWS_REPEAT` when the B draws exceed the N distinct pseudo-date sets: draws then
 * repeat sets, and the p-value (1 + #extreme)/(B + 1) can fall below 1/(N + 1), the smallest
 * p-value that N sets can support (an exhaustive test over them gives no less).
 * @param draws - B.
 * @param sets - N, from {@link distinctDrawSets}.
 * @param pValue - The reported p-value.
 */
export function drawsBoundWarning(draws: number, sets: number, pValue: number): Warning | undefined {
  if (draws <= sets) return undefined;
  const floor = 1 / (sets + 1);
  const below = pValue < floor ? `; the reported p-value ${pValue.toPrecision(3)} is below that floor` : "";
  return {
    code: "PLACEBO_DRAWS_REPEAT",
    message:
      `placebo: ${draws} draws but only ${sets} distinct pseudo-date sets are possible on these data, so draws repeat sets ` +
      `and no p-value below 1/${sets + 1} = ${floor.toPrecision(3)} is supported${below}; ` +
      `give at most ${sets} draws (option placebo.draws / draws; command line: --placebo B) or widen the eligible set (longer data, placebo.exclude, regime "none" / --regime none)`,
  };
}
