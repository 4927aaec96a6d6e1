/**
 * The Gaussian GARCH(1,1) log-likelihood and its analytic gradient.
 *
 * Model: y_t = x_tᵀc + ε_t, ε_t | past ~ N(0, h_t), h_t = ω + α ε²_{t−1} + β h_{t−1}.
 * The recursion starts from h_1 = ω + (α + β)·(1/T) Σ ε_t², the mean of the squared residuals
 * at the same mean parameters carried through one step of the recursion (the "mci" start of R's
 * fGarch::garchFit), and every observation from t = 1 on enters the likelihood.
 * @module
 */
import { checkShape } from "../check.js";

/** The mean equation: a constant (`constant`) or a constant and a benchmark return (`market`). */
export type GarchMean = "constant" | "market";

/** Data of one fit: the returns and, for the market mean equation, the benchmark returns (complete cases, in time order). */
export interface GarchData {
  readonly y: Float64Array;
  readonly x?: Float64Array;
}

/** Parameters: mean coefficients (`[mu]` or `[alpha, beta]`) and the variance equation. */
export interface GarchParameters {
  readonly mean: readonly number[];
  readonly omega: number;
  readonly alpha1: number;
  readonly beta1: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Residuals ε_t = y_t − c₀ − c₁x_t at mean parameters `c`. */
export function garchResiduals(data: GarchData, mean: readonly number[]): Float64Array {
  const { y, x } = data;
  const z = new Float64Array(y.length);
  const c0 = mean[0]!;
  const c1 = mean.length > 1 ? mean[1]! : 0;
  for (let t = 0; t < y.length; t++) z[t] = y[t]! - c0 - (x === undefined ? 0 : c1 * x[t]!);
  return z;
}

/** Conditional variances h_1 … h_T of residuals `z` (h_1 = ω + (α + β)·mean of z²). */
export function garchVariances(z: Float64Array, omega: number, alpha1: number, beta1: number): Float64Array {
  const n = z.length;
  const h = new Float64Array(n);
  let s = 0;
  for (let t = 0; t < n; t++) s += z[t]! * z[t]!;
  h[0] = omega + (alpha1 + beta1) * (s / n);
  for (let t = 1; t < n; t++) h[t] = omega + alpha1 * z[t - 1]! * z[t - 1]! + beta1 * h[t - 1]!;
  return h;
}

/**
 * Log-likelihood Σ_t [−½ log 2π − ½ log h_t − ½ ε_t²/h_t] of a Gaussian GARCH(1,1) at the
 * given parameters (h_1 = ω + (α + β)·mean of the squared residuals).
 *
 * @example
 * ```ts
 * const y = Float64Array.of(0.01, -0.02, 0.015, 0.003, -0.007);
 * const ll = garchLogLikelihood({ y }, { mean: [0], omega: 1e-5, alpha1: 0.1, beta1: 0.8 });
 * Number.isFinite(ll); // => true
 * ```
 */
export function garchLogLikelihood(data: GarchData, p: GarchParameters): number {
  checkShape("garchLogLikelihood", "data", data, { y: "numbers", x: "numbers?" });
  checkGarchParameters("garchLogLikelihood", p);
  const z = garchResiduals(data, p.mean);
  const h = garchVariances(z, p.omega, p.alpha1, p.beta1);
  let ll = 0;
  for (let t = 0; t < z.length; t++) {
    const ht = h[t]!;
    if (!(ht > 0)) return Number.NEGATIVE_INFINITY;
    ll += -0.5 * (LOG_2PI + Math.log(ht) + (z[t]! * z[t]!) / ht);
  }
  return ll;
}

/**
 * Log-likelihood and its gradient with respect to (c₀[, c₁], ω, α, β), by the derivative
 * recursions dh_t/dθ = ∂h_t/∂θ + β dh_{t−1}/dθ.
 * @internal
 */
export function garchLogLikelihoodGradient(data: GarchData, p: GarchParameters): { ll: number; grad: Float64Array } {
  const x = data.x;
  const k = p.mean.length;
  const n = data.y.length;
  const np = k + 3;
  const z = garchResiduals(data, p.mean);
  const grad = new Float64Array(np);
  // derivatives of ε_t with respect to the mean parameters: −1 and −x_t
  const dz = (t: number, j: number): number => (j === 0 ? -1 : -x![t]!);
  // h_1 = ω + (α + β)·m with m = mean(ε²): ∂/∂c_j = (α + β)·2·mean(ε dε/dc_j), ∂/∂ω = 1, ∂/∂α = ∂/∂β = m
  const { omega, alpha1, beta1 } = p;
  let s = 0;
  const dh = new Float64Array(np);
  for (let t = 0; t < n; t++) {
    s += z[t]! * z[t]!;
    for (let j = 0; j < k; j++) dh[j] = dh[j]! + (2 * z[t]! * dz(t, j)) / n;
  }
  const m = s / n;
  for (let j = 0; j < k; j++) dh[j] = (alpha1 + beta1) * dh[j]!;
  dh[k] = 1;
  dh[k + 1] = m;
  dh[k + 2] = m;
  let h = omega + (alpha1 + beta1) * m;
  let ll = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const zp = z[t - 1]!;
      for (let j = 0; j < k; j++) dh[j] = 2 * alpha1 * zp * dz(t - 1, j) + beta1 * dh[j]!;
      dh[k] = 1 + beta1 * dh[k]!;
      dh[k + 1] = zp * zp + beta1 * dh[k + 1]!;
      dh[k + 2] = h + beta1 * dh[k + 2]!;
      h = omega + alpha1 * zp * zp + beta1 * h;
    }
    if (!(h > 0)) return { ll: Number.NEGATIVE_INFINITY, grad };
    const zt = z[t]!;
    ll += -0.5 * (LOG_2PI + Math.log(h) + (zt * zt) / h);
    const wh = -0.5 * (1 / h - (zt * zt) / (h * h));
    for (let j = 0; j < np; j++) grad[j] = grad[j]! + wh * dh[j]!;
    for (let j = 0; j < k; j++) grad[j] = grad[j]! - (zt / h) * dz(t, j);
  }
  return { ll, grad };
}

/** Throws unless `p` has the fields of {@link GarchParameters} (the values are checked where they are used). */
export function checkGarchParameters(fn: string, p: unknown): asserts p is GarchParameters {
  checkShape(fn, "parameters", p, { mean: "numbers", omega: "number", alpha1: "number", beta1: "number" });
}
