/**
 * The Dimson (1979) model: R_τ = α + Σ_{j=−p}^{p} β_j R_{m,τ+j} + ε_τ.
 * @module
 */
import { invalidOption } from "../errors.js";
import { fitByQr } from "./factorModel.js";
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import type { ModelDescriptor } from "./descriptor.js";
import { checkInteger } from "../check.js";

/** The Dimson model: leads and lags of the market return as regressors. */
export interface DimsonSpec {
  readonly type: "dimson";
  /** Number of leads and lags p (regressors R_m,τ−p … R_m,τ+p); default 1. */
  readonly lags?: number;
}

/**
 * Coefficient names of a Dimson model with p leads and lags: `alpha, beta_lagp, …, beta_lag1,
 * beta, beta_lead1, …, beta_leadp` (the order of the design columns R_m,τ−p … R_m,τ+p).
 * @example
 * ```ts
 * dimsonNames(1); // => ["alpha", "beta_lag1", "beta", "beta_lead1"]
 * ```
 */
export function dimsonNames(p: number): string[] {
  checkInteger("dimsonNames", "p", p, 0, 100);
  const names = ["alpha"];
  for (let j = -p; j <= p; j++) names.push(j < 0 ? `beta_lag${-j}` : j === 0 ? "beta" : `beta_lead${j}`);
  return names;
}

/**
 * Fits the Dimson (1979) aggregated-coefficients model on the complete cases `used`
 * (k = 2p + 2): OLS by Householder QR of the asset return on `[1, R_m,τ−p, …, R_m,τ+p]`.
 *
 * ## Method
 * Leads and lags are the market returns of the neighbouring SESSIONS of the data, read even
 * when they lie outside the estimation window; a session whose asset return, or any of its
 * 2p + 1 market terms, is missing is not a complete case (so the first and last p sessions of
 * the data never are). `details.sum_beta = Σβ̂_j` is Dimson's beta. **Abnormal returns use
 * all lead and lag terms**: the expected return is `α̂ + Σ β̂_j R_m,τ+j` (not
 * `α̂ + (Σβ̂_j) R_mτ`), so the prediction-error variance `σ²(1 + x′(XᵀX)⁻¹x)` is the exact OLS
 * one; note that the expected return on day τ then uses the market return of day τ + p.
 *
 * ## References
 * - Dimson, E. (1979). Risk measurement when shares are subject to infrequent trading. JFE 7, 197–226.
 *
 * @throws SINGULAR_DESIGN when the market terms are constant or collinear.
 */
export function fitDimson(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const p = c.lags;
  const m = used.length;
  const k = 2 * p + 2;
  const market = c.market!;
  const y = new Float64Array(m);
  const X = new Float64Array(m * k);
  for (let j = 0; j < m; j++) {
    const i = used[j]!;
    y[j] = c.asset[i]!;
    X[j] = 1;
    for (let o = -p; o <= p; o++) X[j + (o + p + 1) * m] = market[i + o]!;
  }
  const fit = fitByQr(spec, dimsonNames(p), y, X, used);
  let sumBeta = 0;
  for (let j = 1; j < k; j++) sumBeta += fit.coefficients[j]!;
  return { ...fit, details: { sum_beta: sumBeta } };
}

/** Expected return `α̂ + Σ β̂_j R_m,τ+j` and design rows; NaN where a lead or lag is missing or outside the data. */
export function predictDimson(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const p = c.lags;
  const m = indices.length;
  const k = 2 * p + 2;
  const market = c.market!;
  const b = fit.coefficients;
  const expected = new Float64Array(m);
  const design = new Float64Array(m * k);
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    let ok = i - p >= 0 && i + p < c.n;
    let s = b[0]!;
    design[j] = 1;
    for (let o = -p; o <= p && ok; o++) {
      const v = market[i + o]!;
      if (!Number.isFinite(v)) ok = false;
      design[j + (o + p + 1) * m] = v;
      s += b[o + p + 1]! * v;
    }
    if (!ok) for (let col = 0; col < k; col++) design[j + col * m] = Number.NaN;
    expected[j] = ok ? s : Number.NaN;
  }
  return { expected, design };
}

/**
 * Largest number of Dimson leads/lags accepted (`lags` of a `dimson` spec).
 *
 * @example
 * ```ts
 * MAX_DIMSON_LAGS; // => 10
 * toSafe(() => validateModelSpec({ type: "dimson", lags: MAX_DIMSON_LAGS + 1 })).success; // => false
 * ```
 */
export const MAX_DIMSON_LAGS = 10;

/** The Dimson model in the registry: α + Σ_{j=−p}^{p} β_j R_{m,τ+j}, k = 2p + 2. */
export const dimsonModel: ModelDescriptor<DimsonSpec, "dimson"> = {
  type: "dimson",
  title: () => "the Dimson model",
  inputs: { market: true, factors: false },
  marketLags: (spec) => spec.lags ?? 1,
  parameterCount: (_spec, c) => 2 * c.lags + 2,
  validate: (spec) => {
    const lags = spec.lags ?? 1;
    if (!Number.isInteger(lags) || lags < 0 || lags > MAX_DIMSON_LAGS) invalidOption("lags", spec.lags, `an integer from 0 to ${MAX_DIMSON_LAGS}`);
  },
  fit: (spec, c, used) => fitDimson(spec, c, used),
  predict: (fit, c, indices) => predictDimson(fit, c, indices),
  presets: { dimson: { type: "dimson", lags: 1 } },
  regressionControls: () => ["market"],
};
