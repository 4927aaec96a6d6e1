/**
 * GARCH(1,1) normal-return model: maximum-likelihood fit with Gaussian errors and the
 * variance forecasts that standardize event-window abnormal returns.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { checkGarchParameters, garchLogLikelihood, garchLogLikelihoodGradient, garchResiduals, garchVariances } from "./garchLikelihood.js";
import type { GarchData, GarchMean, GarchParameters } from "./garchLikelihood.js";
import { minimizeBfgs } from "./optimize.js";
import { checkObject, checkOptions, checkShape } from "../check.js";

/** Options of {@link fitGarch}. */
export interface GarchOptions {
  /** Mean equation: `constant` (y = μ + ε) or `market` (y = α + β·x + ε); default `market` when `x` is given, else `constant`. */
  readonly mean?: GarchMean;
  /** Fewest observations accepted; default 30 (five parameters need far more for a stable fit; 100+ advised). */
  readonly minObs?: number;
  /** Gradient tolerance of the optimizer on the per-observation log-likelihood of the standardized data; default 1e-9. */
  readonly gradTol?: number;
}

/** A fitted GARCH(1,1) model. */
export interface GarchFit {
  readonly mean: GarchMean;
  /** Parameter names: `mu` or `alpha`, `beta`; then `omega`, `alpha1`, `beta1`. */
  readonly names: readonly string[];
  /** Parameters in the order of `names`, in the units of the data (ω in squared return units). */
  readonly coefficients: Float64Array;
  readonly omega: number;
  readonly alpha1: number;
  readonly beta1: number;
  /** Maximised log-likelihood (Gaussian, all T observations, h_1 = ω + (α₁ + β₁)·mean of the squared residuals). */
  readonly logLik: number;
  readonly nObs: number;
  /** Residuals ε_t of the mean equation over the estimation sample. */
  readonly residuals: Float64Array;
  /** Conditional variances h_t over the estimation sample. */
  readonly variances: Float64Array;
  /** α₁ + β₁. */
  readonly persistence: number;
  /** ω/(1 − α₁ − β₁). */
  readonly unconditionalVariance: number;
  /** Whether the optimizer met its gradient tolerance. */
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest absolute gradient component (standardized data, per observation) at the optimum. */
  readonly gradMax: number;
}

function logistic(u: number): number {
  return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * Unconstrained coordinates u = (c…, log ω, logit(α+β), logit(α/(α+β))): every u gives
 * ω > 0, α > 0, β > 0 and α + β < 1.
 */
function fromUnconstrained(u: Float64Array, k: number): GarchParameters {
  const pers = logistic(u[k + 1]!);
  const share = logistic(u[k + 2]!);
  return { mean: Array.from(u.subarray(0, k)), omega: Math.exp(u[k]!), alpha1: pers * share, beta1: pers * (1 - share) };
}

/** −ℓ/T and its gradient in the unconstrained coordinates. */
function objective(data: GarchData, k: number) {
  const n = data.y.length;
  return (u: Float64Array) => {
    const p = fromUnconstrained(u, k);
    const { ll, grad } = garchLogLikelihoodGradient(data, p);
    const pers = logistic(u[k + 1]!);
    const share = logistic(u[k + 2]!);
    const g = new Float64Array(k + 3);
    for (let j = 0; j < k; j++) g[j] = grad[j]!;
    g[k] = grad[k]! * p.omega;
    const dp = pers * (1 - pers);
    const ds = pers * share * (1 - share);
    g[k + 1] = grad[k + 1]! * dp * share + grad[k + 2]! * dp * (1 - share);
    g[k + 2] = (grad[k + 1]! - grad[k + 2]!) * ds;
    for (let j = 0; j < g.length; j++) g[j] = -g[j]! / n;
    return { f: Number.isFinite(ll) ? -ll / n : Number.POSITIVE_INFINITY, g };
  };
}

/** Ordinary least-squares mean coefficients (the optimizer's starting point). */
function olsStart(data: GarchData, k: number): number[] {
  const { y, x } = data;
  const n = y.length;
  let my = 0;
  for (let t = 0; t < n; t++) my += y[t]!;
  my /= n;
  if (k === 1) return [my];
  let mx = 0;
  for (let t = 0; t < n; t++) mx += x![t]!;
  mx /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (x![t]! - mx) * (y[t]! - my);
    sxx += (x![t]! - mx) ** 2;
  }
  const b = sxy / sxx;
  return [my - b * mx, b];
}

function checkData(data: GarchData, mean: GarchMean, minObs: number): void {
  const { y, x } = data;
  if (!(y instanceof Float64Array)) invalidOption("y", y, "a Float64Array of returns");
  if (mean === "market" && (!(x instanceof Float64Array) || x.length !== y.length)) {
    invalidOption("x", x, `a Float64Array of benchmark returns as long as y (${y.length})`);
  }
  if (y.length < minObs) {
    throw new MarketReactionError("INSUFFICIENT_ESTIMATION_DATA", `GARCH(1,1) needs at least ${minObs} estimation returns, got ${y.length}`);
  }
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t]!) || (mean === "market" && !Number.isFinite(x![t]!))) {
      throw new MarketReactionError("INVALID_INPUT", `GARCH(1,1) needs complete returns; observation ${t + 1} is missing (drop missing sessions first)`);
    }
  }
}

/** The data divided by the standard deviation of y (a scale the optimizer handles well). */
function standardize(data: GarchData): { scaled: GarchData; scale: number } {
  const { y, x } = data;
  const n = y.length;
  let m = 0;
  for (let t = 0; t < n; t++) m += y[t]!;
  m /= n;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (y[t]! - m) ** 2;
  const scale = Math.sqrt(ss / (n - 1));
  let big = 0;
  for (let t = 0; t < n; t++) big = Math.max(big, Math.abs(y[t]!));
  // numerically constant: the spread is at the rounding level of the values
  if (!(scale > n * 2.220446049250313e-16 * big))
    throw new MarketReactionError("SINGULAR_DESIGN", "GARCH(1,1): the estimation returns are constant, so they have no conditional variance to model");
  const ys = y.map((v) => v / scale);
  const xs = x === undefined ? undefined : x.map((v) => v / scale);
  return { scaled: xs === undefined ? { y: ys } : { y: ys, x: xs }, scale };
}

const STARTS: readonly (readonly [number, number])[] = [
  [0.1, 0.8],
  [0.05, 0.9],
  [0.2, 0.6],
];

/**
 * Fits a Gaussian GARCH(1,1) by maximum likelihood on complete estimation returns (in time
 * order; drop missing sessions first).
 *
 * ## Method
 * y_t = μ + ε_t (`constant`) or y_t = a + b·x_t + ε_t (`market`), ε_t | past ~ N(0, h_t),
 * h_t = ω + α₁ε²_{t−1} + β₁h_{t−1}, h_1 = ω + (α₁ + β₁)·(1/T)Σε_t² at the same mean
 * parameters (the "mci" start of R's `fGarch::garchFit`); log-likelihood Σ_{t=1}^{T} [−½ log 2π − ½ log h_t − ½ ε_t²/h_t].
 * The data are divided by the standard deviation of y, the likelihood is maximised by BFGS
 * with its analytic gradient over u = (mean, log ω, logit(α₁+β₁), logit(α₁/(α₁+β₁))), which
 * keeps ω > 0, α₁, β₁ > 0 and α₁ + β₁ < 1 (stationarity), from three starting points
 * (α₁, β₁) = (0.1, 0.8), (0.05, 0.9), (0.2, 0.6) with ω matching the sample variance; the
 * best optimum is kept and scaled back (ω by the squared scale, μ or a by the scale).
 *
 * ## References
 * - Bollerslev, T. (1986). Generalized autoregressive conditional heteroskedasticity. Journal of Econometrics 31, 307–327.
 * - Savickas, R. (2003). Event-induced volatility and tests for abnormal performance. Journal of Financial Research 26(2), 165–178.
 *
 * @throws INSUFFICIENT_ESTIMATION_DATA below `minObs` returns; INVALID_INPUT for a missing
 *   return; SINGULAR_DESIGN for constant returns; INVALID_OPTION for a bad mean or market column.
 * @example
 * ```ts
 * // 300 returns with volatility clustering (a deterministic GARCH path)
 * const y = new Float64Array(300);
 * let h = 1e-4;
 * for (let t = 0; t < 300; t++) {
 *   const e = Math.sin(1.7 * t) * Math.sqrt(2);
 *   y[t] = 0.0005 + Math.sqrt(h) * e;
 *   h = 2e-6 + 0.1 * (y[t]! - 0.0005) ** 2 + 0.85 * h;
 * }
 * const fit = fitGarch({ y });
 * fit.names; // => ["mu", "omega", "alpha1", "beta1"]
 * fit.converged; // => true
 * fit.persistence < 1; // => true
 * ```
 */
export function fitGarch(data: GarchData, options?: GarchOptions): GarchFit {
  checkObject("fitGarch", "data", data);
  checkOptions("fitGarch", options);
  const mean = options?.mean ?? (data.x === undefined ? "constant" : "market");
  if (mean !== "constant" && mean !== "market") invalidOption("mean", mean, `"constant" or "market"`);
  const minObs = options?.minObs ?? 30;
  checkData(data, mean, minObs);
  const input: GarchData = mean === "constant" ? { y: data.y } : data;
  const k = mean === "constant" ? 1 : 2;
  const { scaled, scale } = standardize(input);
  const fn = objective(scaled, k);
  const c0 = olsStart(scaled, k);
  let best: ReturnType<typeof minimizeBfgs> | undefined;
  for (const [a, b] of STARTS) {
    const z = garchResiduals(scaled, c0);
    let v = 0;
    for (let t = 0; t < z.length; t++) v += z[t]! * z[t]!;
    v /= z.length;
    const u0 = Float64Array.of(...c0, Math.log(v * (1 - a - b)), logit(a + b), logit(a / (a + b)));
    const r = minimizeBfgs(fn, u0, { gradTol: options?.gradTol ?? 1e-9, maxIterations: 2000 });
    if (best === undefined || r.f < best.f) best = r;
  }
  return garchFitFrom(input, fromUnconstrained(best!.x, k), scale, mean, best!);
}

function garchFitFrom(data: GarchData, p: GarchParameters, scale: number, mean: GarchMean, opt: ReturnType<typeof minimizeBfgs>): GarchFit {
  const meanCoef = mean === "constant" ? [p.mean[0]! * scale] : [p.mean[0]! * scale, p.mean[1]!];
  const omega = p.omega * scale * scale;
  const residuals = garchResiduals(data, meanCoef);
  const variances = garchVariances(residuals, omega, p.alpha1, p.beta1);
  const n = data.y.length;
  const logLik = garchLogLikelihood(data, { mean: meanCoef, omega, alpha1: p.alpha1, beta1: p.beta1 });
  const names = mean === "constant" ? ["mu", "omega", "alpha1", "beta1"] : ["alpha", "beta", "omega", "alpha1", "beta1"];
  return {
    mean,
    names,
    coefficients: Float64Array.of(...meanCoef, omega, p.alpha1, p.beta1),
    omega,
    alpha1: p.alpha1,
    beta1: p.beta1,
    logLik,
    nObs: n,
    residuals,
    variances,
    persistence: p.alpha1 + p.beta1,
    unconditionalVariance: omega / (1 - p.alpha1 - p.beta1),
    converged: opt.converged,
    iterations: opt.iterations,
    gradMax: opt.gradMax,
  };
}

/**
 * A {@link GarchFit} at given parameters (no estimation): residuals, conditional variances and
 * log-likelihood of the data at `parameters`, e.g. to evaluate published or R estimates.
 * `converged` is true, `iterations` 0 and `gradMax` NaN.
 *
 * @example
 * ```ts
 * const y = Float64Array.from({ length: 50 }, (_, t) => 0.01 * Math.sin(1.7 * t));
 * const fit = garchFitAt({ y }, { mean: [0], omega: 1e-5, alpha1: 0.1, beta1: 0.8 });
 * fit.names; // => ["mu", "omega", "alpha1", "beta1"]
 * fit.logLik === garchLogLikelihood({ y }, { mean: [0], omega: 1e-5, alpha1: 0.1, beta1: 0.8 }); // => true
 * ```
 */
export function garchFitAt(data: GarchData, parameters: GarchParameters): GarchFit {
  checkObject("garchFitAt", "data", data);
  checkGarchParameters("garchFitAt", parameters);
  const mean: GarchMean = parameters.mean.length === 2 ? "market" : "constant";
  if (parameters.mean.length !== 1 && parameters.mean.length !== 2) invalidOption("parameters.mean", parameters.mean, "[mu] or [alpha, beta]");
  if (!(parameters.omega > 0) || !(parameters.alpha1 >= 0) || !(parameters.beta1 >= 0) || !(parameters.alpha1 + parameters.beta1 < 1)) {
    invalidOption("parameters", parameters, "omega > 0, alpha1 >= 0, beta1 >= 0 and alpha1 + beta1 < 1");
  }
  checkData(data, mean, 2);
  const input: GarchData = mean === "constant" ? { y: data.y } : data;
  const { omega, alpha1, beta1 } = parameters;
  const residuals = garchResiduals(input, parameters.mean);
  return {
    mean,
    names: mean === "constant" ? ["mu", "omega", "alpha1", "beta1"] : ["alpha", "beta", "omega", "alpha1", "beta1"],
    coefficients: Float64Array.of(...parameters.mean, omega, alpha1, beta1),
    omega,
    alpha1,
    beta1,
    logLik: garchLogLikelihood(input, parameters),
    nObs: input.y.length,
    residuals,
    variances: garchVariances(residuals, omega, alpha1, beta1),
    persistence: alpha1 + beta1,
    unconditionalVariance: omega / (1 - alpha1 - beta1),
    converged: true,
    iterations: 0,
    gradMax: Number.NaN,
  };
}

/**
 * Conditional-variance forecasts σ²_{T+1} … σ²_{T+steps} from the end of the estimation
 * sample: σ²_{T+1} = ω + α₁ε_T² + β₁h_T, σ²_{T+s} = ω + (α₁+β₁)σ²_{T+s−1}. Event-window
 * shocks do not enter (they would carry the event into its own benchmark).
 *
 * @example
 * ```ts
 * const fit = { omega: 1e-6, alpha1: 0.1, beta1: 0.8, residuals: Float64Array.of(0.01), variances: Float64Array.of(1e-4) };
 * garchForecast(fit, 2); // => Float64Array [0.000091, 0.0000829]
 * ```
 */
export function garchForecast(fit: Pick<GarchFit, "omega" | "alpha1" | "beta1" | "residuals" | "variances">, steps: number): Float64Array {
  checkShape("garchForecast", "fit", fit, { omega: "number", alpha1: "number", beta1: "number", residuals: "numbers", variances: "numbers" });
  if (!Number.isInteger(steps) || steps < 0) invalidOption("steps", steps, "a non-negative integer");
  const out = new Float64Array(steps);
  const n = fit.residuals.length;
  if (steps === 0) return out;
  const e = fit.residuals[n - 1]!;
  out[0] = fit.omega + fit.alpha1 * e * e + fit.beta1 * fit.variances[n - 1]!;
  const pers = fit.alpha1 + fit.beta1;
  for (let s = 1; s < steps; s++) out[s] = fit.omega + pers * out[s - 1]!;
  return out;
}
