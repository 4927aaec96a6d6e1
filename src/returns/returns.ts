/**
 * Simple and log returns from prices.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { Series } from "../types.js";

/** How returns are measured: simple `P₁/P₀ − 1` or continuously compounded (log) `ln(P₁/P₀)`. */
export type ReturnMethod = "simple" | "log";

/**
 * Checks a {@link ReturnMethod} option and returns it.
 *
 * @throws INVALID_OPTION for anything but `"simple"` or `"log"` (the message names the option).
 * @example
 * ```ts
 * checkReturnType("log"); // => "log"
 * ```
 */
export function checkReturnType(value: unknown, name = "returnType"): ReturnMethod {
  if (value === "simple" || value === "log") return value;
  return invalidOption(name, value, `"simple" or "log"`);
}

/**
 * The return from price `p0` to price `p1`.
 *
 * ## Method
 * Simple: `(p1 − p0)/p0`. Log: for |r| < 0.5, `log1p((p1 − p0)/p0)`, which equals
 * `ln(p1/p0)` but keeps full relative accuracy for small moves: `p1 − p0` is exact for prices
 * within a factor of two (Sterbenz), whereas `ln(p1/p0)` loses the rounding error of the
 * quotient to cancellation near 1; for larger moves `ln(p1/p0)` (there `1 + r` can be tiny
 * and `log1p` would amplify the rounding error of r). `NaN` when either price is not finite
 * or `p0 ≤ 0` or `p1 < 0`; a price of 0 gives −1 (simple) but `NaN` in logs (not −∞); `NaN`
 * also when the return overflows (a price of 5e-324 followed by 100 would give +∞).
 *
 * @example
 * ```ts
 * priceReturn(100, 101, "simple"); // => 0.01
 * priceReturn(100, 101, "log");    // => 0.009950330853168083
 * ```
 */
export function priceReturn(p0: number, p1: number, type: ReturnMethod): number {
  // a type test only (no call): this runs once per price in computeReturns and the aligner
  if (typeof p0 !== "number" || typeof p1 !== "number") invalidOption("priceReturn: prices", typeof p0 !== "number" ? p0 : p1, "two numbers");
  // one test for the common case, two finite prices, the earlier positive (NaN fails every comparison)
  if (!(p0 > 0 && p1 >= 0 && p0 < Number.POSITIVE_INFINITY && p1 < Number.POSITIVE_INFINITY)) return Number.NaN;
  const r = (p1 - p0) / p0;
  if (!Number.isFinite(r)) return Number.NaN;
  if (type === "simple") return r;
  // small moves: log1p of the exact difference; large moves: the quotient (1 + r may be tiny)
  const l = Math.abs(r) < 0.5 ? Math.log1p(r) : Math.log(p1 / p0);
  return Number.isFinite(l) ? l : Number.NaN;
}

/**
 * Returns between consecutive observations of a price series (no calendar involved): the
 * return dated `days[i]` runs from observation `i − 1` to observation `i`, so the result has
 * the days `days[1..]`. A missing (`NaN`) price makes the two returns touching it `NaN`.
 * To measure returns session by session on an exchange calendar, with gaps flagged instead
 * of bridged, use {@link alignReturns}.
 *
 * ## Method
 * {@link priceReturn} on each consecutive pair.
 *
 * @param series - A price series (`kind: "price"`).
 * @param type - `"simple"` (default) or `"log"`.
 * @returns A series of kind `"return"` with the same id.
 * @throws INVALID_INPUT when the series already holds returns or its arrays differ in length.
 * @throws INVALID_OPTION for an unknown return type.
 * @example
 * ```ts
 * const r = computeReturns({ id: "X", days: Int32Array.of(1, 2, 3), values: Float64Array.of(100, 110, 99), kind: "price" });
 * r.values; // => Float64Array [0.1, -0.1]
 * ```
 */
export function computeReturns(series: Series, type: ReturnMethod = "simple"): Series {
  checkReturnType(type, "type");
  checkSeries(series, "series");
  if (series.kind !== "price") {
    throw new MarketReactionError("INVALID_INPUT", `computeReturns: series ${JSON.stringify(series.id)} already holds returns (kind "${series.kind}")`);
  }
  const n = series.days.length;
  const m = Math.max(0, n - 1);
  const days = series.days.slice(1);
  const values = new Float64Array(m);
  const p = series.values;
  for (let i = 0; i < m; i++) values[i] = priceReturn(p[i]!, p[i + 1]!, type);
  return { id: series.id, days, values, kind: "return" };
}

/**
 * Throws INVALID_OPTION unless `s` looks like a {@link Series} with matching array lengths, and
 * INVALID_INPUT unless its days are strictly increasing (not re-checked with `daysChecked`, for
 * a day array already checked in the same call).
 */
export function checkSeries(s: unknown, name: string, daysChecked = false): asserts s is Series {
  const v = s as Partial<Series> | null;
  if (typeof v !== "object" || v === null || !(v.days instanceof Int32Array) || !(v.values instanceof Float64Array)) {
    invalidOption(name, s, "a Series { id, days: Int32Array, values: Float64Array, kind }");
  }
  if (v.kind !== "price" && v.kind !== "return" && v.kind !== "level") invalidOption(`${name}.kind`, v.kind, `"price", "return" or "level"`);
  if (v.days.length !== v.values.length) {
    throw new MarketReactionError("INVALID_INPUT", `${name} ${JSON.stringify(v.id)}: ${v.days.length} days but ${v.values.length} values`);
  }
  if (daysChecked) return;
  for (let i = 1; i < v.days.length; i++) {
    if (v.days[i]! <= v.days[i - 1]!) {
      throw new MarketReactionError("INVALID_INPUT", `${name} ${JSON.stringify(v.id)}: days must be strictly increasing (element ${i})`, [
        { row: i + 1, message: "not strictly increasing" },
      ]);
    }
  }
}
