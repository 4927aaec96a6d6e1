/**
 * Householder QR factorization and least squares via QR.
 *
 * Matrices are dense `Float64Array`s in COLUMN-MAJOR order: element `(i, j)` of an `n×k`
 * matrix is at index `i + j·n` (the LAPACK/R layout; each regressor is one contiguous
 * column, so a design matrix is built by concatenating columns). Symmetric `k×k` results
 * (`covUnscaled`) read the same in row- and column-major order.
 *
 * @packageDocumentation
 */
import { neumaierError } from "./summary.js";
import { checkInteger, checkNumbers } from "../check.js";

const EPS = 2.220446049250313e-16;

/** A compact Householder QR factorization `X = Q·R` (see {@link householderQr}). */
export interface QrFactorization {
  /** Rows of `X`. */
  readonly n: number;
  /** Columns of `X`. */
  readonly k: number;
  /**
   * `n×k` column-major: `R` on and above the diagonal, the Householder vectors `v_j` below it
   * (with an implicit `v_j[j] = 1`), as in LAPACK `dgeqrf`.
   */
  readonly qr: Float64Array;
  /** Householder scalars: `H_j = I − tau[j]·v_j·v_jᵀ`, `Q = H_0·H_1·…·H_{k−1}`. */
  readonly tau: Float64Array;
  /** Number of diagonal entries of `R` above the rank tolerance. */
  readonly rank: number;
  /** `true` when `rank < k` (including `n < k`). */
  readonly rankDeficient: boolean;
  /** The tolerance used: `n·ε·max|R_jj|`. */
  readonly tolerance: number;
}

/**
 * Householder QR factorization of an `n×k` column-major matrix, without pivoting, with a
 * tolerance-based rank check. The input is not modified.
 *
 * ## Method
 * For each column `j`, the reflector `H_j = I − τ v vᵀ` maps `X[j:n, j]` to `β e₁` with
 * `β = −sign(x_jj)·‖X[j:n, j]‖` (the sign choice avoids cancellation); `H_j` is applied to the
 * remaining columns. The column norm is computed with scaling, so it neither overflows nor
 * underflows. Column `j` counts as dependent when `|R_jj| ≤ n·ε·max_i |R_ii|`; the rank is
 * the number of diagonal entries above that tolerance (a comparison with `0` would miss
 * numerically dependent columns). Cost `2nk² − 2k³/3` flops.
 *
 * ## References
 * - Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., §5.1–5.2.
 * - Anderson, E. et al. (1999). LAPACK Users' Guide, 3rd ed. (`dgeqrf`, `dlarfg`).
 *
 * @param X - `n×k` matrix, column-major (`X[i + j·n]`).
 * @param n - Number of rows.
 * @param k - Number of columns.
 * @returns The compact factorization with rank information.
 * @example
 * ```ts
 * // columns [1,1,1] and [1,2,3]
 * const f = householderQr(new Float64Array([1, 1, 1, 1, 2, 3]), 3, 2);
 * f.rank; // => 2
 * ```
 */
export function householderQr(X: Float64Array, n: number, k: number): QrFactorization {
  checkNumbers("householderQr", "X", X);
  const a = Float64Array.from(X.subarray(0, n * k));
  const tau = new Float64Array(k);
  const m = Math.min(n, k);
  for (let j = 0; j < m; j++) {
    const off = j * n;
    // scaled 2-norm of a[j:n, j]
    let scale = 0;
    for (let i = j; i < n; i++) scale = Math.max(scale, Math.abs(a[off + i]!));
    if (scale === 0 || !Number.isFinite(scale)) {
      tau[j] = 0;
      if (!Number.isFinite(scale)) a[off + j] = Number.NaN;
      continue;
    }
    let ss = 0;
    for (let i = j; i < n; i++) {
      const v = a[off + i]! / scale;
      ss += v * v;
    }
    const norm = scale * Math.sqrt(ss);
    const alpha = a[off + j]!;
    const beta = alpha >= 0 ? -norm : norm;
    const denom = alpha - beta;
    for (let i = j + 1; i < n; i++) a[off + i] = a[off + i]! / denom;
    const t = (beta - alpha) / beta;
    tau[j] = t;
    a[off + j] = beta;
    // apply H_j to the remaining columns
    for (let c = j + 1; c < k; c++) {
      const oc = c * n;
      let w = a[oc + j]!;
      for (let i = j + 1; i < n; i++) w += a[off + i]! * a[oc + i]!;
      w *= t;
      a[oc + j] = a[oc + j]! - w;
      for (let i = j + 1; i < n; i++) a[oc + i] = a[oc + i]! - w * a[off + i]!;
    }
  }
  let maxDiag = 0;
  for (let j = 0; j < m; j++) maxDiag = Math.max(maxDiag, Math.abs(a[j + j * n]!));
  const tolerance = n * EPS * maxDiag;
  let rank = 0;
  for (let j = 0; j < m; j++) if (Math.abs(a[j + j * n]!) > tolerance) rank++;
  // a NaN anywhere on the diagonal makes the factorization unusable
  for (let j = 0; j < m; j++) if (Number.isNaN(a[j + j * n]!)) rank = 0;
  return { n, k, qr: a, tau, rank, rankDeficient: rank < k, tolerance };
}

/** Overwrite `y` (length n) with `Qᵀy`. */
function applyQt(f: QrFactorization, y: Float64Array): void {
  const { n, k, qr, tau } = f;
  const m = Math.min(n, k);
  for (let j = 0; j < m; j++) {
    const t = tau[j]!;
    if (t === 0) continue;
    const off = j * n;
    let w = y[j]!;
    for (let i = j + 1; i < n; i++) w += qr[off + i]! * y[i]!;
    w *= t;
    y[j] = y[j]! - w;
    for (let i = j + 1; i < n; i++) y[i] = y[i]! - w * qr[off + i]!;
  }
}

/** Overwrite `z` (length n) with `Q·z`. */
function applyQ(f: QrFactorization, z: Float64Array): void {
  const { n, k, qr, tau } = f;
  const m = Math.min(n, k);
  for (let j = m - 1; j >= 0; j--) {
    const t = tau[j]!;
    if (t === 0) continue;
    const off = j * n;
    let w = z[j]!;
    for (let i = j + 1; i < n; i++) w += qr[off + i]! * z[i]!;
    w *= t;
    z[j] = z[j]! - w;
    for (let i = j + 1; i < n; i++) z[i] = z[i]! - w * qr[off + i]!;
  }
}

/**
 * `(XᵀX)⁻¹ = R⁻¹R⁻ᵀ` from the triangular factor of a full-rank QR factorization, as a `k×k`
 * symmetric matrix (same in row- and column-major order). `NaN`-filled when rank-deficient.
 *
 * ## Method
 * `R⁻¹` by back substitution (upper triangular), then `C_ij = Σ_{l ≥ max(i,j)} R⁻¹_il R⁻¹_jl`.
 * `XᵀX` is never formed, so the condition number is not squared.
 *
 * ## References
 * - Björck, Å. (1996). Numerical Methods for Least Squares Problems, §2.8.3.
 *
 * @param f - A factorization from {@link householderQr}.
 * @returns The `k×k` unscaled covariance matrix.
 * @example
 * ```ts
 * const f = householderQr(new Float64Array([1, 1, 1, 1, 2, 3]), 3, 2);
 * qrCovUnscaled(f); // => Float64Array [2.333, -1.000, -1.000, 0.500] (= [7/3, −1; −1, 1/2])
 * ```
 */
export function qrCovUnscaled(f: QrFactorization): Float64Array {
  const { n, k, qr } = f;
  const out = new Float64Array(k * k);
  if (f.rankDeficient) return out.fill(Number.NaN);
  // Rinv, column-major upper triangular
  const ri = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    ri[j + j * k] = 1 / qr[j + j * n]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= j; l++) s += qr[i + l * n]! * ri[l + j * k]!;
      ri[i + j * k] = -s / qr[i + i * n]!;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let l = j; l < k; l++) s += ri[i + l * k]! * ri[j + l * k]!;
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}

/** Result of {@link olsQr}. */
export interface OlsResult {
  /** Number of observations. */
  readonly n: number;
  /** Number of regressors (columns of `X`). */
  readonly k: number;
  /** Least-squares coefficients (length `k`); `NaN` when rank-deficient. */
  readonly coefficients: Float64Array;
  /** `X·b` (length `n`). */
  readonly fitted: Float64Array;
  /** `y − X·b` (length `n`). */
  readonly residuals: Float64Array;
  /** Residual sum of squares `Σeᵢ²`. */
  readonly rss: number;
  /** Residual variance `rss / (n − k)`; `NaN` when `n ≤ k`. */
  readonly sigma2: number;
  /** Residual degrees of freedom `n − k`. */
  readonly df: number;
  /**
   * Coefficient of determination: `1 − rss/Σ(yᵢ − ȳ)²` when `X` has a constant column
   * (intercept), else the uncentred `1 − rss/Σyᵢ²` (R's `summary.lm` convention).
   */
  readonly r2: number;
  /** Whether a constant column was found (decides the `r2` variant). */
  readonly intercept: boolean;
  /** `(XᵀX)⁻¹ = R⁻¹R⁻ᵀ`, `k×k` (symmetric); `NaN`-filled when rank-deficient. */
  readonly covUnscaled: Float64Array;
  /** Rank found by the QR tolerance check. */
  readonly rank: number;
  /** `true` when `X` is (numerically) rank-deficient; then coefficients are `NaN`. */
  readonly rankDeficient: boolean;
}

/**
 * Ordinary least squares `y ≈ X·b` through Householder QR.
 *
 * ## Method
 * `X = QR` ({@link householderQr}); `Qᵀy` by applying the reflectors; `b` by back
 * substitution in `R b = (Qᵀy)[0:k]`; residuals as `Q·[0; (Qᵀy)[k:n]]` (orthogonal to the
 * columns of `X` to rounding error); `rss = Σeᵢ²` (compensated); `σ² = rss/(n − k)`;
 * `covUnscaled = (XᵀX)⁻¹ = R⁻¹R⁻ᵀ` ({@link qrCovUnscaled}), so the standard error of `b_j`
 * is `√(σ² C_jj)` and the prediction-error variance at a new row `x₀` is
 * `σ²(1 + x₀ᵀ C x₀)` ({@link quadraticForm}). `XᵀX` is never formed or inverted.
 * R² follows R's `summary.lm`: centred when a constant column is present, otherwise
 * uncentred. Rank-deficient `X` (tolerance `n·ε·max|R_jj|`) gives `NaN` coefficients,
 * fitted values, residuals and `covUnscaled`, with `rankDeficient = true`; the kernel never
 * throws.
 *
 * ## References
 * - Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., §5.3.
 * - Björck, Å. (1996). Numerical Methods for Least Squares Problems, §1.3, §2.8.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39 (prediction-error variance of abnormal returns).
 *
 * @param y - Response (length `n`).
 * @param X - Design matrix, `n×k` column-major (`X[i + j·n]`); include a column of ones for
 *   an intercept.
 * @param n - Number of observations.
 * @param k - Number of regressors.
 * @returns The fit.
 * @example
 * ```ts
 * // y = 1 + 2x exactly
 * const X = new Float64Array([1, 1, 1, 1, 0, 1, 2, 3]);
 * olsQr(new Float64Array([1, 3, 5, 7]), X, 4, 2).coefficients; // => Float64Array [1, 2]
 * ```
 */
export function olsQr(y: Float64Array, X: Float64Array, n: number, k: number): OlsResult {
  checkNumbers("olsQr", "y", y);
  checkNumbers("olsQr", "X", X);
  const f = householderQr(X, n, k);
  const df = n - k;
  const intercept = hasConstantColumn(X, n, k);
  const coefficients = new Float64Array(k);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  if (f.rankDeficient) {
    coefficients.fill(Number.NaN);
    fitted.fill(Number.NaN);
    residuals.fill(Number.NaN);
    return {
      n,
      k,
      coefficients,
      fitted,
      residuals,
      rss: Number.NaN,
      sigma2: Number.NaN,
      df,
      r2: Number.NaN,
      intercept,
      covUnscaled: qrCovUnscaled(f),
      rank: f.rank,
      rankDeficient: true,
    };
  }
  const qty = Float64Array.from(y.subarray(0, n));
  applyQt(f, qty);
  const { qr } = f;
  for (let i = k - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < k; j++) s -= qr[i + j * n]! * coefficients[j]!;
    coefficients[i] = s / qr[i + i * n]!;
  }
  for (let i = k; i < n; i++) residuals[i] = qty[i]!;
  applyQ(f, residuals);
  let rs = 0;
  let rc = 0;
  for (let i = 0; i < n; i++) {
    const e = residuals[i]!;
    fitted[i] = y[i]! - e;
    const p = e * e;
    const t = rs + p;
    rc += neumaierError(rs, p, t);
    rs = t;
  }
  const rss = rs + rc;
  // total sum of squares (centred if intercept)
  let ybar = 0;
  if (intercept) {
    for (let i = 0; i < n; i++) ybar += y[i]!;
    ybar /= n;
    let corr = 0;
    for (let i = 0; i < n; i++) corr += y[i]! - ybar;
    ybar += corr / n;
  }
  let ts = 0;
  let tc = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i]! - ybar;
    const p = d * d;
    const t = ts + p;
    tc += neumaierError(ts, p, t);
    ts = t;
  }
  const tss = ts + tc;
  return {
    n,
    k,
    coefficients,
    fitted,
    residuals,
    rss,
    sigma2: df > 0 ? rss / df : Number.NaN,
    df,
    r2: tss > 0 ? 1 - rss / tss : Number.NaN,
    intercept,
    covUnscaled: qrCovUnscaled(f),
    rank: f.rank,
    rankDeficient: false,
  };
}

function hasConstantColumn(X: Float64Array, n: number, k: number): boolean {
  for (let j = 0; j < k; j++) {
    const v = X[j * n]!;
    if (v === 0 || !Number.isFinite(v)) continue;
    let constant = true;
    for (let i = 1; i < n && constant; i++) if (X[i + j * n] !== v) constant = false;
    if (constant) return true;
  }
  return false;
}

/**
 * Quadratic form `xᵀ C x` for a `k×k` matrix `C` (row-major; symmetric matrices such as
 * `covUnscaled` are the same in either order).
 *
 * ## Method
 * Direct double sum `Σᵢ Σⱼ xᵢ Cᵢⱼ xⱼ`. With `C = (XᵀX)⁻¹` and `x = x₀` a new regressor row,
 * `σ²(1 + x₀ᵀ C x₀)` is the prediction-error variance of an abnormal return.
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic
 *   Literature 35(1), 13–39, eq. (8).
 *
 * @param C - `k×k` matrix.
 * @param x - Vector of length `k`.
 * @param k - Dimension.
 * @returns `xᵀ C x`.
 * @example
 * ```ts
 * quadraticForm(new Float64Array([2, 0, 0, 3]), new Float64Array([1, 1]), 2); // => 5
 * ```
 */
export function quadraticForm(C: ArrayLike<number>, x: ArrayLike<number>, k: number): number {
  checkNumbers("quadraticForm", "C", C);
  checkNumbers("quadraticForm", "x", x);
  checkNumbers("quadraticForm", "C", C);
  checkNumbers("quadraticForm", "x", x);
  checkInteger("quadraticForm", "k", k, 0, Math.min(x.length, Math.floor(Math.sqrt(C.length))));
  let s = 0;
  for (let i = 0; i < k; i++) {
    let r = 0;
    for (let j = 0; j < k; j++) r += C[i * k + j]! * x[j]!;
    s += x[i]! * r;
  }
  return s;
}
