/**
 * Factor models (Fama-French three and five factors, Carhart, any named columns):
 * R_τ − R_fτ = α + b′F_τ + ε_τ, by Householder QR.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { olsQr } from "../stats/index.js";
import { singular } from "./sample.js";
import type { ModelColumns } from "./columns.js";
import { compactFactorName, modelLabel } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import type { ModelDescriptor } from "./descriptor.js";

/** A factor model: R − RF = α + b′F + ε on named factor columns. */
export interface FactorModelSpec {
  readonly type: "factors";
  /** Factor columns used as regressors, e.g. `["Mkt-RF", "SMB", "HML"]`. */
  readonly factors: readonly string[];
  /** Risk-free column subtracted from the asset return (excess returns); `null` for none. Default: `RF` when present. */
  readonly riskFree?: string | null;
  /** Display name (`ff3`, `carhart`, `ff5`); default `factors`. */
  readonly label?: string;
}

/**
 * OLS of `y` on the column-major design `X` (M×k, a column of ones first) through
 * `olsQr`, as a {@link ModelFit}.
 * @throws SINGULAR_DESIGN when `X` is numerically rank-deficient.
 */
export function fitByQr(
  spec: ModelSpec,
  names: readonly string[],
  y: Float64Array,
  X: Float64Array,
  used: Int32Array,
  extra: Pick<ModelFit, "riskFree" | "details"> = {},
): ModelFit {
  const m = used.length;
  const k = names.length;
  const r = olsQr(y, X, m, k);
  if (r.rankDeficient) {
    singular(
      spec,
      `the design [${names.map((n) => (n === "alpha" ? "1" : n)).join(", ")}] has rank ${r.rank} < ${k} over the ${m} estimation sessions (a constant or collinear regressor)`,
    );
  }
  return {
    spec,
    model: modelLabel(spec),
    names,
    coefficients: r.coefficients,
    sigma2: r.sigma2,
    df: r.df,
    nObs: m,
    k,
    r2: r.r2,
    covUnscaled: r.covUnscaled,
    used,
    residuals: r.residuals,
    ...extra,
  };
}

/**
 * Fits a factor model on the complete cases `used` (k = 1 + K).
 *
 * ## Method
 * Response `R_τ − R_fτ` (or `R_τ` without a risk-free column), design `[1, F_1τ, …, F_Kτ]`;
 * Householder QR without forming XᵀX (`olsQr`), with the rank tolerance `M·ε·max|R_jj|`;
 * `s² = Σê²/(M − k)`, centred R², `(XᵀX)⁻¹ = R⁻¹R⁻ᵀ`. Coefficient names: `alpha` and the
 * factor names as written in the data.
 *
 * ## References
 * - Fama, E. F. & French, K. R. (1993). Common risk factors in the returns on stocks and bonds. JFE 33, 3–56.
 * - Carhart, M. M. (1997). On persistence in mutual fund performance. Journal of Finance 52, 57–82.
 * - Fama, E. F. & French, K. R. (2015). A five-factor asset pricing model. JFE 116, 1–22.
 *
 * @throws SINGULAR_DESIGN for a constant or collinear factor.
 */
export function fitFactorModel(spec: ModelSpec, c: ModelColumns, used: Int32Array): ModelFit {
  const m = used.length;
  const kf = c.factors.length;
  const y = new Float64Array(m);
  const X = new Float64Array(m * (kf + 1));
  for (let j = 0; j < m; j++) {
    const i = used[j]!;
    y[j] = c.riskFree === undefined ? c.asset[i]! : c.asset[i]! - c.riskFree[i]!;
    X[j] = 1;
    for (let f = 0; f < kf; f++) X[j + (f + 1) * m] = c.factors[f]![i]!;
  }
  return fitByQr(spec, ["alpha", ...c.factorNames], y, X, used, { riskFree: c.riskFreeName });
}

/** Expected return `R_fτ + α̂ + b̂′F_τ`, design rows `[1, F_τ]`; NaN where a factor or the risk-free rate is missing. */
export function predictFactorModel(fit: ModelFit, c: ModelColumns, indices: Int32Array | readonly number[]): ModelPrediction {
  const m = indices.length;
  const kf = c.factors.length;
  const k = kf + 1;
  const b = fit.coefficients;
  const expected = new Float64Array(m);
  const design = new Float64Array(m * k);
  for (let j = 0; j < m; j++) {
    const i = indices[j]!;
    const rf = c.riskFree === undefined ? 0 : c.riskFree[i]!;
    let s = b[0]!;
    let ok = Number.isFinite(rf);
    design[j] = 1;
    for (let f = 0; f < kf; f++) {
      const v = c.factors[f]![i]!;
      if (!Number.isFinite(v)) ok = false;
      design[j + (f + 1) * m] = v;
      s += b[f + 1]! * v;
    }
    if (!ok) for (let col = 0; col < k; col++) design[j + col * m] = Number.NaN;
    expected[j] = ok ? rf + s : Number.NaN;
  }
  return { expected, design };
}

/** The factor model in the registry: α + b′F (excess returns over the risk-free column), k = 1 + K. */
export const factorModel: ModelDescriptor<FactorModelSpec, "ff3" | "carhart" | "ff5"> = {
  type: "factors",
  title: (spec) => `the factor model ${modelLabel(spec)}`,
  inputs: { market: false, factors: true },
  marketLags: () => 0,
  parameterCount: (_spec, c) => c.factors.length + 1,
  validate: (spec) => {
    const f = spec.factors;
    if (!Array.isArray(f) || f.length === 0 || f.some((x) => typeof x !== "string" || x.length === 0)) {
      invalidOption("factors", f, "a non-empty list of factor column names");
    }
    const keys = f.map(compactFactorName);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup !== undefined) invalidOption("factors", f, "distinct factor names");
    const rf = spec.riskFree;
    if (rf !== undefined && rf !== null && (typeof rf !== "string" || rf.length === 0)) invalidOption("riskFree", rf, "a column name, or null for none");
    if (spec.label !== undefined && (typeof spec.label !== "string" || spec.label.length === 0)) invalidOption("label", spec.label, "a non-empty string");
  },
  fit: (spec, c, used) => fitFactorModel(spec, c, used),
  predict: (fit, c, indices) => {
    const names = fit.names.slice(1);
    const same = names.length === c.factorNames.length && names.every((n, j) => n === c.factorNames[j]);
    const rf = fit.riskFree === undefined ? c.riskFreeName : fit.riskFree;
    if (!same || rf !== c.riskFreeName) {
      throw new MarketReactionError(
        "INVALID_INPUT",
        `the data's factor columns (${c.factorNames.join(", ")}; risk-free ${String(c.riskFreeName)}) differ from the fit's (${names.join(", ")}; risk-free ${String(rf)})`,
      );
    }
    return predictFactorModel(fit, c, indices);
  },
  presets: {
    ff3: { type: "factors", factors: ["Mkt-RF", "SMB", "HML"], label: "ff3" },
    carhart: { type: "factors", factors: ["Mkt-RF", "SMB", "HML", "Mom"], label: "carhart" },
    ff5: { type: "factors", factors: ["Mkt-RF", "SMB", "HML", "RMW", "CMA"], label: "ff5" },
  },
  regressionControls: (c) => [...c.factorNames],
};
