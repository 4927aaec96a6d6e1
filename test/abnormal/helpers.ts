// Test helpers for the abnormal-return tests: read the synthetic fixtures with our parsers,
// compute returns with a few lines (independent of src/returns), and build ModelFit /
// ModelPrediction objects by hand from the stats kernels (independent of src/models).
import { parseFactorsCsv, parseSeriesCsv } from "../../src/io/index.js";
import type { FactorTable } from "../../src/io/index.js";
import type { ModelFit, ModelPrediction } from "../../src/models/types.js";
import { olsQr, simpleRegression } from "../../src/stats/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";
import { readProjectFile } from "../helpers/shared-data.js";

export interface Fixtures {
  /** Trading days of the price files (NYSE calendar). */
  readonly days: Int32Array;
  /** Price columns by id: US_INDEX, WORLD, TECH, ENERGY, FIN, HEALTH, INDUST, UTIL. */
  readonly prices: Readonly<Record<string, Float64Array>>;
  readonly factors: FactorTable;
}

let cache: Fixtures | undefined;

function sameDays(a: Int32Array, b: Int32Array, what: string): void {
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) throw new Error(`${what}: days differ from the US index`);
}

/** Reads the daily fixtures once (our parsers; no row of ../shared/data is involved). */
export function loadFixtures(): Fixtures {
  if (cache) return cache;
  const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { valueColumn: "Adj Close", id: "US_INDEX" });
  const world = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-world.csv"), { valueColumn: "adj_close", id: "WORLD" });
  const sectors = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-sectors.csv"), { format: "wide" });
  const factors = parseFactorsCsv(readProjectFile("fixtures/daily/synthetic-ff-factors.csv"));
  const base = us.series[0]!;
  const prices: Record<string, Float64Array> = { US_INDEX: base.values };
  const w = world.series[0]!;
  sameDays(base.days, w.days, "world");
  prices.WORLD = w.values;
  for (const s of sectors.series) {
    sameDays(base.days, s.days, s.id);
    prices[s.id] = s.values;
  }
  cache = { days: base.days, prices, factors };
  return cache;
}

/** Returns dated by their closing day: element i is the return from day i−1 to day i (element 0 is NaN). */
export function returnsOf(prices: Float64Array, log = false): Float64Array {
  const r = new Float64Array(prices.length);
  r[0] = Number.NaN;
  for (let i = 1; i < prices.length; i++) {
    const q = prices[i]! / prices[i - 1]!;
    r[i] = log ? Math.log(q) : q - 1;
  }
  return r;
}

/** Index of an ISO day in a days array (throws when absent). */
export function indexOfDay(days: Int32Array, iso: string): number {
  const i = days.indexOf(dayKeyFromIso(iso));
  if (i < 0) throw new Error(`${iso} is not a session`);
  return i;
}

/** Gathers x at the given indices [from, to) into a new array. */
export function slice(x: Float64Array, from: number, to: number): Float64Array {
  return Float64Array.from(x.subarray(from, to));
}

/**
 * OLS normal-return model built by hand with olsQr: y on an intercept plus the given regressor
 * columns (none = constant mean). `used` = 0…M−1 (complete data).
 */
export function fitOls(y: Float64Array, regressors: readonly Float64Array[], model: string, names?: readonly string[]): ModelFit {
  const n = y.length;
  const k = regressors.length + 1;
  const X = new Float64Array(n * k);
  X.fill(1, 0, n);
  regressors.forEach((col, j) => X.set(col.subarray(0, n), (j + 1) * n));
  const r = olsQr(y, X, n, k);
  return {
    spec: regressors.length === 0 ? { type: "constant-mean" } : regressors.length === 1 ? { type: "market" } : { type: "factors", factors: names ?? [] },
    model,
    names: ["alpha", ...(names ?? regressors.map((_, j) => `x${j + 1}`))],
    coefficients: r.coefficients,
    sigma2: r.sigma2,
    df: r.df,
    nObs: n,
    k,
    r2: r.r2,
    covUnscaled: r.covUnscaled,
    used: Int32Array.from({ length: n }, (_, i) => i),
    residuals: r.residuals,
  };
}

/** Market model from the closed form (simpleRegression) instead of QR. */
export function fitMarketClosedForm(y: Float64Array, x: Float64Array): ModelFit {
  const r = simpleRegression(y, x);
  const residuals = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) residuals[i] = y[i]! - r.alpha - r.beta * x[i]!;
  return {
    spec: { type: "market" },
    model: "market",
    names: ["alpha", "beta"],
    coefficients: new Float64Array([r.alpha, r.beta]),
    sigma2: r.sigma2,
    df: r.df,
    nObs: r.n,
    k: 2,
    r2: r.r2,
    covUnscaled: r.covUnscaled,
    used: Int32Array.from({ length: y.length }, (_, i) => i),
    residuals,
  };
}

/** Market-adjusted "fit" (k = 0): residuals R − R_m, s² = Σê²/M (ModelFit contract: RSS/(M − k)). */
export function fitMarketAdjusted(y: Float64Array, x: Float64Array): ModelFit {
  const e = new Float64Array(y.length);
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    e[i] = y[i]! - x[i]!;
    ss += e[i]! * e[i]!;
  }
  return {
    spec: { type: "market-adjusted" },
    model: "market-adjusted",
    names: [],
    coefficients: new Float64Array(0),
    sigma2: ss / y.length,
    df: y.length,
    nObs: y.length,
    k: 0,
    r2: Number.NaN,
    covUnscaled: new Float64Array(0),
    used: Int32Array.from({ length: y.length }, (_, i) => i),
    residuals: e,
  };
}

/**
 * Prediction of an OLS fit (intercept + regressors) on m new rows; `offset` is added to the
 * expected return (the risk-free rate of an excess-return model). k = 0: E[R] = the market
 * return passed as the single regressor, with an empty design.
 */
export function predictOls(fit: ModelFit, regressors: readonly Float64Array[], m: number, offset?: Float64Array): ModelPrediction {
  const k = fit.k;
  const expected = new Float64Array(m);
  if (k === 0) {
    for (let i = 0; i < m; i++) expected[i] = regressors[0]![i]! + (offset?.[i] ?? 0);
    return { expected, design: new Float64Array(0) };
  }
  const design = new Float64Array(m * k);
  design.fill(1, 0, m);
  regressors.forEach((col, j) => design.set(col.subarray(0, m), (j + 1) * m));
  for (let i = 0; i < m; i++) {
    let e = 0;
    for (let j = 0; j < k; j++) e += design[i + j * m]! * fit.coefficients[j]!;
    expected[i] = e + (offset?.[i] ?? 0);
  }
  return { expected, design };
}
