/**
 * Multiple-testing adjustments of p-values (Holm; Benjamini–Hochberg).
 * @module
 */
import { invalidOption } from "../../errors.js";
import type { CrossEventResult, PAdjustMethod, TestName } from "./types.js";
import { TEST_NAMES } from "./types.js";
import { checkNumbers } from "../../check.js";

const METHODS: readonly PAdjustMethod[] = ["none", "holm", "bh"];

/**
 * Adjusts a family of p-values for multiple testing.
 *
 * ## Method
 * `NaN` p-values are left `NaN` and do not count in the family size m. With the m finite
 * p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎:
 * - `holm`: p̃₍ᵢ₎ = max_{j≤i} min(1, (m − j + 1) p₍ⱼ₎) (step-down; controls the family-wise error);
 * - `bh`: p̃₍ᵢ₎ = min_{j≥i} min(1, m p₍ⱼ₎/j) (step-up; controls the false discovery rate under
 *   independence or positive dependence);
 * - `none`: a copy.
 * These agree with R's `p.adjust(p, "holm")` and `p.adjust(p, "BH")`.
 *
 * ## References
 * - Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
 *   Journal of Statistics 6(2), 65–70.
 * - Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. JRSS-B 57(1),
 *   289–300.
 *
 * @param p - The family's p-values.
 * @param method - `none`, `holm` or `bh`.
 * @returns Adjusted p-values in the input order.
 * @throws MarketReactionError `INVALID_OPTION` for an unknown method.
 * @example
 * ```ts
 * adjustPValues([0.01, 0.04, 0.03], "holm"); // => Float64Array [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], "bh");   // => Float64Array [0.03, 0.04, 0.04]
 * adjustPValues([0.01, NaN, 0.03], "holm");  // => Float64Array [0.02, NaN, 0.03] (m = 2)
 * ```
 */
export function adjustPValues(p: ArrayLike<number>, method: PAdjustMethod): Float64Array {
  checkNumbers("adjustPValues", "p", p);
  if (!METHODS.includes(method)) invalidOption("adjust", method, `"none", "holm" or "bh"`);
  const out = Float64Array.from(p);
  if (method === "none") return out;
  const idx: number[] = [];
  for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i]!)) idx.push(i);
  const m = idx.length;
  idx.sort((a, b) => out[a]! - out[b]! || a - b);
  const sorted = idx.map((i) => out[i]!);
  if (method === "holm") {
    let run = 0;
    for (let j = 0; j < m; j++) {
      run = Math.max(run, Math.min(1, (m - j) * sorted[j]!));
      out[idx[j]!] = run;
    }
  } else {
    let run = 1;
    for (let j = m - 1; j >= 0; j--) {
      run = Math.min(run, Math.min(1, (m * sorted[j]!) / (j + 1)));
      out[idx[j]!] = run;
    }
  }
  return out;
}

/**
 * Sets `p_value_adjusted` on every window-row test of several cross-event results (e.g. one per
 * statement), the family of each test being all its windows across all the results.
 *
 * ## Method
 * For each test name separately, the p-values of that test over every window row of every
 * result form one family, adjusted with {@link adjustPValues}. Daily rows are adjusted across
 * the results too, as a second family per test. Results are modified in place and returned.
 *
 * ## References
 * - Holm (1979); Benjamini & Hochberg (1995): see {@link adjustPValues}.
 *
 * @param results - Results of `crossEventTests` (e.g. one per statement).
 * @param method - `holm` or `bh` (`none` removes nothing and sets nothing).
 * @returns The same results.
 * @throws MarketReactionError `INVALID_OPTION` for an unknown method.
 * @example
 * ```ts
 * // three stocks (synthetic returns) that rose 0.4%, 0.8% and 1.2% on 9 April 2025: one result each
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const pause = dayKeyFromIso("2025-04-09");
 * const returns = (k: number) => Float64Array.from(days, (d, i) => (d === pause ? 0.004 * k : 0.005 * Math.sin(k * i)));
 * const assets = [1, 2, 3].map((k): Series => ({ id: `S${k}`, kind: "return", days, values: returns(k) }));
 * const study = eventStudy({ assets, events: parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n").events, windows: [[0, 0]], estimation: [-100, -11] });
 * const results = study.pairs.map((p) => {
 *   const event = { id: p.asset, asset: p.asset, fit: p.fit, ars: p.ars, estimationDays: estimationDaysOf(p), eventDays: p.eventDays };
 *   return crossEventTests([event], { windows: [[0, 0]], tests: ["patell"] });
 * });
 * results.map((r) => r.windows[0]!.tests.patell!.p_value); // => [0.260, 0.0252, 0.00095]
 * adjustAcrossResults(results, "holm");
 * results.map((r) => r.windows[0]!.tests.patell!.p_value_adjusted); // => [0.260, 0.0504, 0.00285]
 * ```
 */
export function adjustAcrossResults(results: readonly CrossEventResult[], method: PAdjustMethod): readonly CrossEventResult[] {
  if (!METHODS.includes(method)) invalidOption("adjust", method, `"none", "holm" or "bh"`);
  if (method === "none") return results;
  for (const name of TEST_NAMES) {
    adjustFamily(
      results.flatMap((r) => r.windows.map((w) => w.tests)),
      name,
      method,
    );
    adjustFamily(
      results.flatMap((r) => r.daily.map((d) => d.tests)),
      name,
      method,
    );
  }
  return results;
}

/** Adjusts one test's p-values over a list of rows' test maps, in place. */
export function adjustFamily(
  rows: readonly Partial<Record<TestName, { p_value: number; p_value_adjusted?: number }>>[],
  name: TestName,
  method: PAdjustMethod,
): void {
  const hits = rows.map((t) => t[name]).filter((t): t is { p_value: number; p_value_adjusted?: number } => t !== undefined);
  if (hits.length === 0) return;
  const adj = adjustPValues(
    hits.map((h) => h.p_value),
    method,
  );
  hits.forEach((h, i) => {
    h.p_value_adjusted = adj[i]!;
  });
}
