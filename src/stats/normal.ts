/**
 * Standard normal distribution: CDF, survival function and quantile.
 *
 * @packageDocumentation
 */

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_PI = 0.56418958354775628695; // 1/√π

/*
 * Coefficients of W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969,
 * 631–637; the constants of the published SPECFUN routine CALERF).
 */
// erf(x) = x·P(x²)/Q(x²) on |x| ≤ 0.46875
const ERF_A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153] as const;
const ERF_B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062] as const;
// exp(x²)·erfc(x) = P(x)/Q(x) on 0.46875 ≤ x ≤ 4
const ERFC_C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147,
  1230.33935479799725, 2.15311535474403846e-8,
] as const;
const ERFC_D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164,
  1230.33935480374942,
] as const;
// x·exp(x²)·erfc(x) = 1/√π − x⁻²·P(x⁻²)/Q(x⁻²) on x ≥ 4
const ERFC_P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978,
] as const;
const ERFC_Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185] as const;

/** erf(x) for |x| ≤ 0.46875 (Cody). */
function erfSmall(x: number): number {
  const z = x * x;
  let num = ERF_A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]!) * z;
    den = (den + ERF_B[i]!) * z;
  }
  return (x * (num + ERF_A[3])) / (den + ERF_B[3]);
}

/** Scaled complement exp(x²)·erfc(x) for x ≥ 0.46875 (Cody). */
function erfcxLarge(x: number): number {
  if (x <= 4) {
    let num = ERFC_C[8] * x;
    let den = x;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * x;
      den = (den + ERFC_D[i]!) * x;
    }
    return (num + ERFC_C[7]) / (den + ERFC_D[7]);
  }
  const z = 1 / (x * x);
  let num = ERFC_P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]!) * z;
    den = (den + ERFC_Q[i]!) * z;
  }
  const r = (z * (num + ERFC_P[4])) / (den + ERFC_Q[4]);
  return (INV_SQRT_PI - r) / x;
}

/**
 * `exp(−z²/2)` for `z ≥ 0` with the argument split as `z = h + l`, `h = ⌊16z⌋/16`, so that
 * `h²` is exact and the rounding error of `z²` does not show up as a relative error of
 * order `z²ε` in the tail.
 */
function expHalfSquare(z: number): number {
  const h = Math.trunc(z * 16) / 16;
  const l = z - h;
  return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * l * (z + h));
}

/**
 * Upper tail for z ≥ 0: P(Z > z).
 */
function upperTail(z: number): number {
  // z/√2 ≤ 0.46875  <=>  z ≤ 0.6629126073623883
  if (z <= 0.6629126073623883) return 0.5 - 0.5 * erfSmall(z * SQRT1_2);
  if (z > 40) return 0; // below the smallest subnormal
  return 0.5 * erfcxLarge(z * SQRT1_2) * expHalfSquare(z);
}

/**
 * Standard normal survival function `P(Z > z) = ½ erfc(z/√2)`, computed directly (never as
 * `1 − Φ(z)`), so upper-tail probabilities keep full relative accuracy.
 *
 * ## Method
 * W. J. Cody's rational Chebyshev approximations of `erf` on `|x| ≤ 0.46875` and of the
 * scaled complement `exp(x²)·erfc(x)` on `[0.46875, 4]` and `[4, ∞)`, with `x = z/√2`.
 * The factor `exp(−z²/2)` is evaluated from the split `z = h + l` (`h` a multiple of 1/16),
 * as in Cody's CALERF, so its argument carries no rounding error. Relative error is a few
 * units of `1e-16` in both tails down to the underflow threshold (`|z| ≈ 38.5`).
 *
 * ## References
 * - Cody, W. J. (1969). Rational Chebyshev approximations for the error function.
 *   Mathematics of Computation 23(107), 631–637.
 * - Cody, W. J. (1993). Algorithm 715: SPECFUN. ACM TOMS 19(1), 22–32.
 *
 * @param z - Quantile.
 * @returns `P(Z > z)`.
 * @example
 * ```ts
 * normalSf(1.959963984540054); // => 0.025000000000000005
 * ```
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return z >= 0 ? upperTail(z) : 1 - upperTail(-z);
}

/**
 * Standard normal cumulative distribution function `Φ(z) = P(Z ≤ z)`.
 *
 * ## Method
 * `Φ(z) = normalSf(−z)` (see {@link normalSf}: Cody's rational approximations of `erfc`,
 * full relative accuracy in the lower tail).
 *
 * ## References
 * - Cody, W. J. (1969). Rational Chebyshev approximations for the error function.
 *   Mathematics of Computation 23(107), 631–637.
 *
 * @param z - Quantile.
 * @returns `P(Z ≤ z)`.
 * @example
 * ```ts
 * normalCdf(0);  // => 0.5
 * normalCdf(-5); // => 2.866515718791939e-7
 * ```
 */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/* Coefficients of Wichura's AS 241 (PPND16), Applied Statistics 37 (1988), 477–484. */
const Q_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
] as const;
const Q_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
] as const;
const Q_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
  0.0227238449892691845833, 7.7454501427834140764e-4,
] as const;
const Q_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
  1.05075007164441684324e-9,
] as const;
const Q_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
  2.71155556874348757815e-5, 2.01033439929228813265e-7,
] as const;
const Q_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
] as const;

function ratio7(num: readonly number[], den: readonly number[], r: number): number {
  let n = num[7]!;
  let d = den[7]!;
  for (let i = 6; i >= 0; i--) {
    n = n * r + num[i]!;
    d = d * r + den[i]!;
  }
  return n / d;
}

/**
 * Standard normal quantile function `Φ⁻¹(p)`.
 *
 * ## Method
 * Wichura's algorithm AS 241 (PPND16): a rational approximation in `q = p − ½` for
 * `|q| ≤ 0.425`, and in `r = √(−ln min(p, 1−p))` on `r ≤ 5` and `r > 5` otherwise; relative
 * accuracy about `1e-16`. `p = 0` gives `−Infinity`, `p = 1` gives `Infinity`, and `p`
 * outside `[0, 1]` gives `NaN`. Upper-tail probabilities near `1` lose the digits already
 * lost in forming `p`; use `−normalQuantile(q)` with the small upper-tail probability `q`
 * instead.
 *
 * ## References
 * - Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal
 *   distribution. Journal of the Royal Statistical Society C (Applied Statistics) 37(3), 477–484.
 *
 * @param p - Probability.
 * @returns `z` with `Φ(z) = p`.
 * @example
 * ```ts
 * normalQuantile(0.975); // => 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    return q * ratio7(Q_A, Q_B, 0.180625 - q * q);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  const v = r <= 5 ? ratio7(Q_C, Q_D, r - 1.6) : ratio7(Q_E, Q_F, r - 5);
  return q < 0 ? -v : v;
}
