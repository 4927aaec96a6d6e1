/**
 * The normal-return models of intraday windows, written once for both references: fitted on
 * reference returns (same-clock window returns, or per-bar returns before the window) and
 * scaled to a window of L units (L = 1 for window returns, the window's bar count for per-bar
 * returns).
 * @module
 */
import { simpleRegression } from "../stats/regression.js";
import type { INTRADAY_MODELS } from "../options/enums.js";

/** Normal-return model for minute windows. */
export type IntradayModel = (typeof INTRADAY_MODELS)[number];

/** A model fitted on reference returns x_j (with benchmark returns m_j for the market model). */
export interface IntradayFit {
  /** Per-unit level: 0 (zero mean), the mean x̄ (constant mean) or α (market). */
  readonly level: number;
  /** β of the market model; 0 otherwise. */
  readonly beta: number;
  /** Per-unit variance: Σx²/n (zero mean), Σ(x − x̄)²/(n − 1) (constant mean), rss/(n − 2) (market); NaN when n is too small. */
  readonly variance: number;
  /** The reference abnormal return of x_j (m_j its benchmark return). */
  readonly residual: (x: number, m: number) => number;
}

/** Fits the model on reference returns `x` (benchmark returns `m`, market model only). */
export function fitIntradayModel(model: IntradayModel, x: readonly number[], m: readonly number[]): IntradayFit {
  const n = x.length;
  if (model === "zero-mean") {
    let ss = 0;
    for (const v of x) ss += v * v;
    return { level: 0, beta: 0, variance: n > 0 ? ss / n : Number.NaN, residual: (v) => v };
  }
  if (model === "constant-mean") {
    let mu = 0;
    for (const v of x) mu += v;
    mu /= n;
    let ss = 0;
    for (const v of x) ss += (v - mu) * (v - mu);
    return { level: mu, beta: 0, variance: n > 1 ? ss / (n - 1) : Number.NaN, residual: (v) => v - mu };
  }
  const fit = simpleRegression(x, m);
  return { level: fit.alpha, beta: fit.beta, variance: fit.sigma2, residual: (v, mj) => v - fit.alpha - fit.beta * mj };
}

/**
 * Expected return and standard deviation of a window of `units` units under a fit: E = L·level
 * (+ β·m for the market model, m the benchmark's window return), sd = √(L·variance).
 */
export function windowExpectation(model: IntradayModel, fit: IntradayFit, units: number, benchWindow: number): { expected: number; sd: number } {
  const expected = model === "zero-mean" ? 0 : model === "constant-mean" ? fit.level * units : fit.level * units + fit.beta * benchWindow;
  return { expected, sd: Math.sqrt(fit.variance * units) };
}
