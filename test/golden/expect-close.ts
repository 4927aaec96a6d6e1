import { expect } from "vitest";

/** Machine epsilon. */
export const EPS = 2.220446049250313e-16;

/** |actual − expected| / |expected| (0 when equal, Infinity when expected is 0 and actual is not). */
export function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * Asserts |actual − expected| ≤ rtol·|expected| + atol. `atol` defaults to 0: it is only a
 * tiny floor for expected values that are (close to) zero.
 */
export function expectClose(actual: number, expected: number, opts: { rtol: number; atol?: number }, label = ""): void {
  const atol = opts.atol ?? 0;
  const ok = actual === expected || Math.abs(actual - expected) <= opts.rtol * Math.abs(expected) + atol;
  if (!ok) {
    expect.fail(`${label}: got ${actual}, expected ${expected} (rel err ${relErr(actual, expected).toExponential(3)}, rtol ${opts.rtol}, atol ${atol})`);
  }
}

/** Elementwise {@link expectClose}; also checks the lengths. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, opts: { rtol: number; atol?: number }, label = ""): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, opts, `${label}[${i}]`);
}

/** Largest relative error over pairs (for reporting in test names/diagnostics). */
export function maxRelErr(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < expected.length; i++) w = Math.max(w, relErr(actual[i]!, expected[i]!));
  return w;
}
