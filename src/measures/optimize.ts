/**
 * A small quasi-Newton (BFGS) minimiser for smooth objectives with analytic gradients, used by
 * the GARCH maximum-likelihood fit.
 * @module
 */

/** Objective value and gradient at a point. */
export type Objective = (x: Float64Array) => { f: number; g: Float64Array<ArrayBufferLike> };

/** Result of {@link minimizeBfgs}. */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly g: Float64Array<ArrayBufferLike>;
  /** Largest absolute gradient component at `x`. */
  readonly gradMax: number;
  readonly iterations: number;
  /** True when the gradient tolerance was met (false: stopped by the iteration limit or a stalled line search). */
  readonly converged: boolean;
}

function dot(a: Float64Array<ArrayBufferLike>, b: Float64Array<ArrayBufferLike>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array<ArrayBufferLike>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** d = −H g for a dense symmetric n×n matrix H (row-major). */
function direction(hinv: Float64Array, g: Float64Array<ArrayBufferLike>): Float64Array {
  const n = g.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += hinv[i * n + j]! * g[j]!;
    d[i] = -s;
  }
  return d;
}

/** BFGS update of the inverse Hessian with step s and gradient change y (skipped when yᵀs ≤ 0). */
function updateInverse(hinv: Float64Array, s: Float64Array, y: Float64Array): void {
  const n = s.length;
  const ys = dot(y, s);
  if (!(ys > 1e-300)) return;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += hinv[i * n + j]! * y[j]!;
    hy[i] = v;
  }
  const yhy = dot(y, hy);
  const rho = 1 / ys;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      hinv[i * n + j] = hinv[i * n + j]! + (1 + yhy * rho) * rho * s[i]! * s[j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!);
    }
  }
}

/** Backtracking (Armijo) line search along d; returns the accepted point or undefined when none decreases f. */
function lineSearch(
  fn: Objective,
  x: Float64Array,
  f: number,
  g: Float64Array<ArrayBufferLike>,
  d: Float64Array,
): { x: Float64Array; f: number; g: Float64Array<ArrayBufferLike> } | undefined {
  const slope = dot(g, d);
  let step = 1;
  for (let tries = 0; tries < 60; tries++) {
    const xn = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) xn[i] = x[i]! + step * d[i]!;
    const r = fn(xn);
    if (Number.isFinite(r.f) && r.f <= f + 1e-4 * step * slope) return { x: xn, f: r.f, g: r.g };
    step *= 0.5;
  }
  return undefined;
}

/**
 * Minimises `fn` from `x0` by BFGS with a backtracking line search, stopping when every
 * gradient component is at most `gradTol` in absolute value.
 *
 * @example
 * ```ts
 * // f(x) = (x₀ − 1)² + 10 (x₁ + 2)²
 * const r = minimizeBfgs((x) => ({ f: (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, g: Float64Array.of(2 * (x[0]! - 1), 20 * (x[1]! + 2)) }), Float64Array.of(0, 0));
 * r.converged; // => true
 * Math.round(r.x[1]! * 1e6) / 1e6; // => -2
 * ```
 */
export function minimizeBfgs(fn: Objective, x0: Float64Array, options?: { gradTol?: number; maxIterations?: number }): MinimizeResult {
  const gradTol = options?.gradTol ?? 1e-10;
  const maxIterations = options?.maxIterations ?? 1000;
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  const first = fn(x);
  let f = first.f;
  let g: Float64Array<ArrayBufferLike> = first.g;
  let hinv = identity(n);
  let it = 0;
  let restarted = false;
  for (; it < maxIterations && maxAbs(g) > gradTol; it++) {
    let d = direction(hinv, g);
    if (!(dot(d, g) < 0)) {
      hinv = identity(n);
      d = direction(hinv, g);
    }
    const next = lineSearch(fn, x, f, g, d);
    if (next === undefined) {
      // a stalled search: retry once along the steepest descent before giving up
      if (restarted) break;
      restarted = true;
      hinv = identity(n);
      continue;
    }
    restarted = false;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next.x[i]! - x[i]!;
      y[i] = next.g[i]! - g[i]!;
    }
    updateInverse(hinv, s, y);
    x = next.x;
    f = next.f;
    g = next.g;
  }
  const gradMax = maxAbs(g);
  return { x, f, g, gradMax, iterations: it, converged: gradMax <= gradTol };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}
