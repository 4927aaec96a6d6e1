/**
 * The fit of the dummy-variable regression and inference on linear combinations of its
 * coefficients: OLS via QR, the OLS and Newey–West covariances, and for each combination c′β̂
 * the covariance to use (OLS when it loads on a session isolated by its own dummy).
 * @module
 */
import { MarketReactionError, type Warning } from "../../../errors.js";
import { hacCovariance, neweyWestLag, olsQr, studentTTwoSided } from "../../../stats/index.js";
import type { NeweyWestLagRule } from "../../../stats/hac.js";
import type { RegressionRow, VcovChoice } from "../types.js";
import type { Design, DesignColumn } from "./design.js";
import { checkHacLag } from "./lag.js";

/** Leverage at or above 1 − this counts as one (a session isolated by its dummy). */
const LEVERAGE_TOL = 1e-8;
/** Relative weight below which a linear combination does not load on a session. */
const LOAD_TOL = 1e-8;

/** A linear combination c′β̂ with both standard errors, its statistic and p-value (the numeric fields of a regression row). */
export type Combination = Pick<RegressionRow, "estimate" | "std_error" | "std_error_hac" | "statistic" | "p_value" | "vcov" | "df">;

/** The fitted regression and the inference on its coefficients. */
export interface DummyFit {
  readonly coefficients: Float64Array;
  readonly residuals: Float64Array;
  readonly sigma2: number;
  readonly r2: number;
  readonly df: number;
  readonly lag: number;
  /** `HAC_LAG_LARGE` when the lag is above a quarter of the observations. */
  readonly lagWarning: Warning | undefined;
  readonly covOls: Float64Array;
  readonly covHac: Float64Array;
  /** Rows (of the design) with leverage one. */
  readonly leverageRows: readonly number[];
  /** The covariance for c′β̂ under the `vcov` choice. */
  readonly pick: (c: Float64Array) => "hac" | "ols";
  /** Whether c′β̂ depends on the outcome of a leverage-one session. */
  readonly loadsOnIsolated: (c: Float64Array) => boolean;
  readonly combine: (c: Float64Array) => Combination;
}

/**
 * Fits the design by QR and builds the covariances: OLS `s²(XᵀX)⁻¹` and Newey–West with
 * Bartlett weights at the lag of `lagOption` (a number, or the `nw1994` / `cube-root` rule).
 * @throws SINGULAR_DESIGN for a rank-deficient design.
 */
export function fitDummyRegression(
  design: Design,
  columns: readonly DesignColumn[],
  o: { readonly lagOption: number | NeweyWestLagRule; readonly hacAdjust: boolean; readonly vcovChoice: VcovChoice },
): DummyFit {
  const { X, y, T, K } = design;
  const fit = olsQr(y, X, T, K);
  if (fit.rankDeficient) {
    throw new MarketReactionError(
      "SINGULAR_DESIGN",
      `the dummy-regression design (${columns.map((c) => c.name).join(", ")}) is rank-deficient (rank ${fit.rank} of ${K}): a control is constant or collinear with others`,
    );
  }
  const C = fit.covUnscaled;
  const df = T - K;
  const covOls = new Float64Array(K * K);
  for (let i = 0; i < K * K; i++) covOls[i] = fit.sigma2 * C[i]!;
  const lag = typeof o.lagOption === "number" ? o.lagOption : neweyWestLag(T, o.lagOption);
  const lagWarning = checkHacLag(lag, T, o.lagOption); // throws at a lag of T or more
  const covHac = hacCovariance(X, fit.residuals, C, T, K, { lag, adjust: o.hacAdjust });
  const leverageRows = leverageOneRows(X, C, T, K);
  const loadsOnIsolated = (c: Float64Array): boolean => loadsOn(c, leverageRows, X, C, T, K);
  const pick = (c: Float64Array): "hac" | "ols" => (o.vcovChoice === "auto" ? (loadsOnIsolated(c) ? "ols" : "hac") : o.vcovChoice);
  const combine = (c: Float64Array): Combination => {
    let est = 0;
    for (let p = 0; p < K; p++) est += c[p]! * fit.coefficients[p]!;
    const seOls = Math.sqrt(quadraticForm(covOls, c, K));
    const seHac = Math.sqrt(quadraticForm(covHac, c, K));
    const vcov = pick(c);
    const statistic = est / (vcov === "hac" ? seHac : seOls);
    return { estimate: est, std_error: seOls, std_error_hac: seHac, statistic, p_value: studentTTwoSided(statistic, df), vcov, df };
  };
  return {
    coefficients: fit.coefficients,
    residuals: fit.residuals,
    sigma2: fit.sigma2,
    r2: fit.r2,
    df,
    lag,
    lagWarning,
    covOls,
    covHac,
    leverageRows,
    pick,
    loadsOnIsolated,
    combine,
  };
}

/** c′Vc, skipping the zero entries of c. */
function quadraticForm(V: Float64Array, c: Float64Array, K: number): number {
  let s = 0;
  for (let p = 0; p < K; p++) {
    if (c[p] === 0) continue;
    let r = 0;
    for (let q = 0; q < K; q++) r += V[p * K + q]! * c[q]!;
    s += c[p]! * r;
  }
  return s;
}

/** Rows whose leverage x_r′(XᵀX)⁻¹x_r is one (to `LEVERAGE_TOL`). */
function leverageOneRows(X: Float64Array, C: Float64Array, T: number, K: number): number[] {
  const out: number[] = [];
  const xr = new Float64Array(K);
  for (let r = 0; r < T; r++) {
    for (let c = 0; c < K; c++) xr[c] = X[r + c * T]!;
    let h = 0;
    for (let p = 0; p < K; p++) {
      let s = 0;
      for (let q = 0; q < K; q++) s += C[p * K + q]! * xr[q]!;
      h += xr[p]! * s;
    }
    if (h >= 1 - LEVERAGE_TOL) out.push(r);
  }
  return out;
}

/** Whether c′β̂ = c′(XᵀX)⁻¹Xᵀy puts a weight above `LOAD_TOL` (relative to the largest) on a leverage-one row. */
function loadsOn(c: Float64Array, leverageRows: readonly number[], X: Float64Array, C: Float64Array, T: number, K: number): boolean {
  if (leverageRows.length === 0) return false;
  const g = new Float64Array(K);
  for (let p = 0; p < K; p++) {
    let s = 0;
    for (let q = 0; q < K; q++) s += C[p * K + q]! * c[q]!;
    g[p] = s;
  }
  let max = 0;
  const weight = (r: number): number => {
    let s = 0;
    for (let p = 0; p < K; p++) s += g[p]! * X[r + p * T]!;
    return Math.abs(s);
  };
  for (let r = 0; r < T; r++) max = Math.max(max, weight(r));
  if (max === 0) return false;
  return leverageRows.some((r) => weight(r) > LOAD_TOL * max);
}
