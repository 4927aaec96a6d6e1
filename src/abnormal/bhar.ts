/**
 * Compounded (buy-and-hold) returns and buy-and-hold abnormal returns.
 * @module
 */
import type { ReturnUnits } from "./types.js";
import { neumaierError } from "../stats/summary.js";
import { checkInteger, checkNumbers } from "../check.js";
import { invalidOption } from "../errors.js";

/** Σ ln(1 + R) over [from, to) (log returns: Σ r), Neumaier-compensated; NaN propagates. */
/** Checks the units and the index range `[from, to)` within `n` values; returns `to` (default `n`). */
function checkRange(fn: string, n: number, returnType: unknown, from: unknown, to: unknown): number {
  if (returnType !== "simple" && returnType !== "log") invalidOption(`${fn}: returnType`, returnType, '"simple" or "log"');
  checkInteger(fn, "from", from, 0, n);
  const end = to ?? n;
  checkInteger(fn, "to", end, from, n);
  return end;
}

function logGrowth(x: ArrayLike<number>, from: number, to: number, returnType: ReturnUnits): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = returnType === "log" ? x[i]! : Math.log1p(x[i]!);
    const u = s + v;
    c += neumaierError(s, v, u);
    s = u;
  }
  return s + c;
}

/**
 * Buy-and-hold (compounded) simple return of a run of returns: Π(1 + R_τ) − 1.
 *
 * ## Method
 * `expm1(Σ log1p(R_τ))` with a compensated sum, which keeps full relative accuracy for small
 * returns (forming the product and subtracting 1 loses about log₁₀(1/|result|) digits). Log
 * returns r are compounded as `expm1(Σ r)`, i.e. converted to a simple return. An empty run
 * gives 0; a `NaN` return gives `NaN`; a return ≤ −1 gives −1 or `NaN` (log1p's domain).
 *
 * ## References
 * - Barber, B. M. & Lyon, J. D. (1997). Detecting long-run abnormal stock returns. Journal of
 *   Financial Economics 43(3), 341–372.
 * - Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.14.1
 *   (`log1p`/`expm1`).
 *
 * @param returns - The returns.
 * @param returnType - Units of `returns`: `simple` (default) or `log`.
 * @param from - First index (default 0).
 * @param to - Index after the last (default `returns.length`).
 * @returns Π(1 + R) − 1, a simple return.
 * @example
 * ```ts
 * buyAndHoldReturn([0.1, -0.1]);          // => -0.01 (up to rounding)
 * buyAndHoldReturn([Math.log(1.1)], "log"); // => 0.1 (up to rounding)
 * ```
 */
export function buyAndHoldReturn(returns: ArrayLike<number>, returnType: ReturnUnits = "simple", from = 0, to?: number): number {
  checkNumbers("buyAndHoldReturn", "returns", returns);
  const end = checkRange("buyAndHoldReturn", returns.length, returnType, from, to);
  return Math.expm1(logGrowth(returns, from, end, returnType));
}

/**
 * Buy-and-hold abnormal return Π(1 + R_τ) − Π(1 + E[R_τ]) over a run of sessions.
 *
 * ## Method
 * With A = Σ log1p(R_τ) and B = Σ log1p(E[R_τ]) (log returns: plain sums), BHAR = e^A − e^B
 * is computed as `exp(B)·expm1(A − B)`, which stays accurate when the two products are
 * close (no cancellation of two numbers near 1). The benchmark is the model's expected
 * return, as in EST's BHAR; for log returns the expected simple return is taken as
 * `expm1(E[r])` (not E[expm1(r)]; the two differ by a Jensen term of order σ²/2).
 * `NaN` in either input propagates.
 *
 * ## References
 * - Barber, B. M. & Lyon, J. D. (1997). Detecting long-run abnormal stock returns. Journal of
 *   Financial Economics 43(3), 341–372.
 * - Lyon, J. D., Barber, B. M. & Tsai, C.-L. (1999). Improved methods for tests of long-run
 *   abnormal stock returns. Journal of Finance 54(1), 165–201.
 *
 * @param actual - Asset returns R_τ.
 * @param expected - Benchmark (normal) returns E[R_τ] on the same sessions.
 * @param returnType - Units of both inputs: `simple` (default) or `log`.
 * @param from - First index (default 0).
 * @param to - Index after the last (default `actual.length`).
 * @returns The BHAR, a difference of simple returns.
 * @example
 * ```ts
 * // two days of +10% against a benchmark of +5% a day: 1.1² − 1.05² = 1.21 − 1.1025
 * buyAndHoldAbnormalReturn([0.1, 0.1], [0.05, 0.05]); // => 0.1075
 * buyAndHoldAbnormalReturn([Math.log(1.1), Math.log(1.1)], [Math.log(1.05), Math.log(1.05)], "log"); // => 0.1075
 * ```
 */
export function buyAndHoldAbnormalReturn(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  returnType: ReturnUnits = "simple",
  from = 0,
  to?: number,
): number {
  checkNumbers("buyAndHoldAbnormalReturn", "actual", actual);
  checkNumbers("buyAndHoldAbnormalReturn", "expected", expected);
  const end = checkRange("buyAndHoldAbnormalReturn", actual.length, returnType, from, to);
  const a = logGrowth(actual, from, end, returnType);
  const b = logGrowth(expected, from, end, returnType);
  return Math.exp(b) * Math.expm1(a - b);
}
