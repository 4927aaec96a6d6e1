/**
 * The market model: R_τ = α + β R_mτ + ε_τ (OLS, centred closed form).
 * @module
 */
import { centreRegressor, regressOnCentred } from "../stats/regression.js";
import type { RegressorSide } from "./regressorCache.js";
import { singular } from "./sample.js";
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";
import { float64s } from "../stats/arena.js";
import type { ModelDescriptor } from "./descriptor.js";

/** The market model: R = α + β R_m + ε. */
export interface MarketModelSpec {
  readonly type: "market";
}

const EPS = 2.220446049250313e-16;

/**
 * True when the column `x` is numerically constant: its centred norm `√Sxx` is at most
 * `M·ε·‖x‖` (the design `[1, x]` then has numerically dependent columns; the same relative
 * tolerance as the QR rank check of the factor models).
 */
export function isNumericallyConstant(x: Float64Array, sxx: number): boolean {
  let ss = 0;
  for (let j = 0; j < x.length; j++) ss += x[j]! * x[j]!;
  return constantBy(sxx, ss, x.length);
}

/** {@link isNumericallyConstant} of M values with the centred sum `sxx` and the plain sum of squares `ss` (summed in order). */
function constantBy(sxx: number, ss: number, M: number): boolean {
  return !(sxx > 0) || Math.sqrt(sxx) <= M * EPS * Math.sqrt(ss);
}

/** Work buffers of {@link fitMarketModel}: the asset's and the market's returns gathered, the market's centred. */
interface WorkBuffers {
  readonly y: Float64Array;
  readonly x: Float64Array;
  readonly u: Float64Array;
}

/** {@link WorkBuffers}, created on first use. */
let work: WorkBuffers | undefined;

/**
 * Fits the market model on the complete cases `used` (k = 2, X = [1, R_m]).
 *
 * ## Method
 * `simpleRegression` of `src/stats`: means by compensated sums, then `Sxx`, `Sxy`, `Syy` on
 * centred data; `β̂ = Sxy/Sxx`, `α̂ = ȳ − β̂x̄`; residuals `(y − ȳ) − β̂(x − x̄)`;
 * `s² = Σê²/(M − 2)`; `R² = 1 − RSS/Syy`; `(XᵀX)⁻¹ = [[1/M + x̄²/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/Sxx]]`.
 * The market's side (x̄, the centred returns, `Sxx`) is taken from `c.regressors` when another
 * asset's fit on the same sessions left it there (the same numbers, computed once).
 *
 * ## References
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. Journal of Economic Literature 35(1), 13–39, eqs. (5)–(8).
 *
 * @throws SINGULAR_DESIGN when the market return is (numerically) constant over the sample.
 */
export function fitMarketModel(spec: ModelSpec, c: ModelColumns, used: Int32Array, residualsOut?: Float64Array): ModelFit {
  // the gathered columns live only during the fit: reuse work buffers instead of allocating
  // typed arrays per fit (off-heap allocations dominate thousands of small fits)
  const m = used.length;
  if (work === undefined || work.y.length < m) {
    const size = Math.max(m, 256);
    work = { y: new Float64Array(size), x: new Float64Array(size), u: new Float64Array(size) };
  }
  const y = work.y; // the first m entries (lengths passed, not views: a view is an object per fit)
  // `residualsOut` (internal): a buffer of at least m entries the residuals are written into
  // (by the regression, as it sums their squares)
  const residuals =
    residualsOut === undefined || residualsOut.length < m ? new Float64Array(m) : residualsOut.length === m ? residualsOut : residualsOut.subarray(0, m);
  const side = marketSide(c, used, work);
  const r = regressOnCentred(y, m, side.u, side.mean, side.sxx, residuals);
  if (constantBy(r.sxx, side.squares, m)) singular(spec, `the market return is constant over the ${m} estimation sessions`);
  return new MarketModelFit(spec, Float64Array.of(r.alpha, r.beta), r.sigma2, r.df, m, r.r2, r.covUnscaled, used, residuals);
}

/** The market model's coefficient names, one frozen array for every fit (an array literal is an allocation site too). */
const MARKET_NAMES: readonly string[] = Object.freeze(["alpha", "beta"]);

/**
 * A market-model fit, made by a constructor rather than an object literal. V8 decides for each
 * object literal in the code whether to allocate its objects straight into the old generation,
 * from how long they have lived so far: a study with cross-event tests keeps its fits, and a
 * study after it in the same process then made every fit there, though it drops them at once,
 * and the typed arrays they point to outlived the young collections (the collector's pauses
 * over eight 20,000-pair studies: about 420 ms after such studies, 90 ms in a fresh process).
 * The fields are those of the literal, in its order.
 */
class MarketModelFit implements ModelFit {
  declare readonly spec: ModelSpec;
  declare readonly model: string;
  declare readonly names: readonly string[];
  declare readonly coefficients: Float64Array;
  declare readonly sigma2: number;
  declare readonly df: number;
  declare readonly nObs: number;
  declare readonly k: number;
  declare readonly r2: number;
  declare readonly covUnscaled: Float64Array;
  declare readonly used: Int32Array;
  declare readonly residuals: Float64Array;
  constructor(
    spec: ModelSpec,
    coefficients: Float64Array,
    sigma2: number,
    df: number,
    nObs: number,
    r2: number,
    covUnscaled: Float64Array,
    used: Int32Array,
    residuals: Float64Array,
  ) {
    this.spec = spec;
    this.model = "market";
    this.names = MARKET_NAMES;
    this.coefficients = coefficients;
    this.sigma2 = sigma2;
    this.df = df;
    this.nObs = nObs;
    this.k = 2;
    this.r2 = r2;
    this.covUnscaled = covUnscaled;
    this.used = used;
    this.residuals = residuals;
  }
}

/** The market's side of a fit over `used`, as {@link RegressorCache} keeps it. */
type MarketSide = Pick<RegressorSide, "u" | "mean" | "sxx" | "squares">;

/**
 * The asset's returns on `used` gathered into `w.y`, and the market's side of the fit: kept by
 * `c.regressors` from an earlier asset, or computed in `w.x` and `w.u` (and offered to it).
 */
function marketSide(c: ModelColumns, used: Int32Array, w: WorkBuffers): MarketSide {
  const m = used.length;
  const asset = c.asset;
  const market = c.market!;
  const { y, x, u } = w;
  const kept = c.regressors?.find(market, used);
  if (kept !== undefined) {
    for (let j = 0; j < m; j++) y[j] = asset[used[j]!]!;
    return kept;
  }
  let squares = 0; // Σx² in order, for the constancy check (as isNumericallyConstant sums it)
  for (let j = 0; j < m; j++) {
    const i = used[j]!;
    const xj = market[i]!;
    y[j] = asset[i]!;
    x[j] = xj;
    squares += xj * xj;
  }
  const { mean, sxx } = centreRegressor(x, m, u);
  c.regressors?.offer(market, used, u, mean, sxx, squares);
  return { u, mean, sxx, squares };
}

/**
 * Expected return `α̂ + β̂ R_mτ` and design rows `[1, R_mτ]` (NaN where the market return is
 * missing). Also used by the Scholes-Williams model.
 */
export function predictLine(fit: ModelFit, market: Float64Array, indices: Int32Array | readonly number[]): ModelPrediction {
  const m = indices.length;
  const a = fit.coefficients[0]!;
  const b = fit.coefficients[1]!;
  const expected = float64s(m);
  const design = float64s(2 * m);
  for (let j = 0; j < m; j++) {
    const x = market[indices[j]!]!;
    const ok = Number.isFinite(x);
    expected[j] = ok ? a + b * x : Number.NaN;
    design[j] = ok ? 1 : Number.NaN;
    design[j + m] = ok ? x : Number.NaN;
  }
  return { expected, design };
}

/** The market model in the registry: α + βR_m, k = 2. */
export const marketModel: ModelDescriptor<MarketModelSpec, "market"> = {
  type: "market",
  title: () => "the market model",
  inputs: { market: true, factors: false },
  marketLags: () => 0,
  parameterCount: () => 2,
  validate: () => {},
  fit: (spec, c, used, residuals) => fitMarketModel(spec, c, used, residuals),
  predict: (fit, c, indices) => predictLine(fit, c.market!, indices),
  presets: { market: { type: "market" } },
  regressionControls: () => ["market"],
};
