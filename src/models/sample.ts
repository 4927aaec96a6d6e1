/**
 * Estimation samples: candidate session indices, complete cases and the errors of a sample
 * that is too small.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import { sum } from "../stats/index.js";
import { isCompleteCase, modelLabel, type ModelColumns } from "./columns.js";
import type { FitOptions, ModelSpec } from "./types.js";

/** A half-open index range `[start, end)`, e.g. a `ResolvedRange` of `resolveWindows` or an `EstimationSample`. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Checks that `indices` are integers in `[0, n)`, strictly increasing.
 * @throws INVALID_OPTION otherwise.
 */
export function checkIndices(indices: Int32Array | readonly number[], n: number, name: string, ascending: boolean): void {
  if (!(indices instanceof Int32Array) && !Array.isArray(indices)) invalidOption(name, indices, "an Int32Array of session indices");
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j]!;
    if (!Number.isInteger(i) || i < 0 || i >= n) invalidOption(`${name}[${j}]`, i, `a session index from 0 to ${n - 1}`);
    if (ascending && j > 0 && i <= indices[j - 1]!) invalidOption(`${name}[${j}]`, i, "strictly increasing session indices");
  }
}

/** The complete cases among candidate indices (already checked). */
export function completeCases(c: ModelColumns, indices: Int32Array | readonly number[]): Int32Array {
  const out = new Int32Array(indices.length);
  let n = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j]!;
    if (isCompleteCase(c, i)) out[n++] = i;
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * {@link estimationIndices} on columns resolved once by `modelColumns`. With a study's cache on
 * the columns (`regressors`, market model), the sample of an asset without a gap in the window
 * is the cache's array shared by every such asset, not a view of `out`: read only.
 * @internal
 */
export function estimationIndicesOf(c: ModelColumns, range: IndexRange, mask?: Uint8Array, out?: Int32Array): Int32Array {
  if (typeof range !== "object" || range === null) invalidOption("range", range, "{ start, end } session indices");
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > c.n || start > end) {
    invalidOption("range", `[${String(start)}, ${String(end)})`, `a range of session indices within [0, ${c.n})`);
  }
  if (mask !== undefined && (!(mask instanceof Uint8Array) || mask.length !== end - start)) {
    invalidOption("mask", mask, `a Uint8Array of ${end - start} bytes (one per session of the range)`);
  }
  // at most the asset and the same session's market return (no leads or lags, factors or risk-free rate)
  const sameSession = c.lags === 0 && c.factors.length === 0 && c.riskFree === undefined;
  // a study's market model: an asset without a gap in the window has the sample every such asset
  // has there, kept once (read only)
  if (sameSession && c.regressors !== undefined && c.market !== undefined) {
    const shared = c.regressors.completeSample(c.asset, c.market, start, end, mask);
    if (shared !== undefined) return shared;
  }
  // `out` (internal): a buffer of at least end − start entries to write into; the result is a
  // view of it, so a loop over many windows allocates no backing store per window
  const buf = out !== undefined && out.length >= end - start ? out : new Int32Array(end - start);
  const n = sameSession ? marketCases(c.asset, c.market, start, end, mask, buf) : anyCases(c, start, end, mask, buf);
  if (buf !== out) return n === buf.length ? buf : buf.slice(0, n);
  return buf.subarray(0, n);
}

/** The complete cases of `[start, end)` kept by the mask into `buf`, for any model; returns their number. */
function anyCases(c: ModelColumns, start: number, end: number, mask: Uint8Array | undefined, buf: Int32Array): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    if (mask !== undefined && mask[i - start] === 0) continue;
    if (isCompleteCase(c, i)) buf[n++] = i;
  }
  return n;
}

/**
 * {@link anyCases} for a model that reads at most the asset and the same session's market
 * return (no leads or lags, factors or risk-free rate): the same test, without the general one's loops.
 * @internal
 */
export function marketCases(
  asset: Float64Array,
  market: Float64Array | undefined,
  start: number,
  end: number,
  mask: Uint8Array | undefined,
  buf: Int32Array,
): number {
  // branch-free on the data (+boolean; the index written always, advanced when the session
  // counts): n ≤ i − start, so every write lands inside buf. The tests of `mask` and `market`
  // against undefined are the same for every session.
  let n = 0;
  for (let i = start; i < end; i++) {
    buf[n] = i;
    const maskedIn = mask === undefined || mask[i - start] !== 0;
    const marketOk = market === undefined || Math.abs(market[i]!) < Number.POSITIVE_INFINITY;
    n += +maskedIn & +marketOk & +(Math.abs(asset[i]!) < Number.POSITIVE_INFINITY);
  }
  return n;
}

/**
 * Why `used` is too few complete cases for a fit (the message of INSUFFICIENT_ESTIMATION_DATA),
 * or undefined when it is enough. The needed count is `max(k + 1, minObs, 1)`.
 */
export function observationShortfall(spec: ModelSpec, k: number, used: Int32Array, candidates: number, options: FitOptions | undefined): string | undefined {
  const minObs = options?.minObs;
  if (minObs !== undefined && (!Number.isInteger(minObs) || minObs < 1)) invalidOption("minObs", minObs, "a positive integer");
  const needed = Math.max(k + 1, minObs ?? 1, 1);
  const m = used.length;
  if (m >= needed) return undefined;
  return (
    `the ${modelLabel(spec)} model needs at least ${needed} complete estimation observations (k = ${k}${minObs === undefined ? "" : `, minObs = ${minObs}`}); ` +
    `${m} of ${candidates} candidate sessions have every column it needs`
  );
}

/**
 * Throws INSUFFICIENT_ESTIMATION_DATA when fewer than the needed complete cases remain.
 * The needed count is `max(k + 1, minObs, 1)`.
 */
export function requireObservations(spec: ModelSpec, k: number, used: Int32Array, candidates: number, options: FitOptions | undefined): void {
  const shortfall = observationShortfall(spec, k, used, candidates, options);
  if (shortfall !== undefined) throw new MarketReactionError("INSUFFICIENT_ESTIMATION_DATA", shortfall);
}

/** Throws SINGULAR_DESIGN with a message naming the model. */
export function singular(spec: ModelSpec, why: string): never {
  throw new MarketReactionError("SINGULAR_DESIGN", `the ${modelLabel(spec)} model cannot be estimated: ${why}`);
}

/** `col[used[j] + offset]` for each j. */
export function gather(col: Float64Array, used: Int32Array, offset = 0): Float64Array {
  const out = new Float64Array(used.length);
  for (let j = 0; j < used.length; j++) out[j] = col[used[j]! + offset]!;
  return out;
}

/** Compensated `Σ e²`. */
export function sumOfSquares(e: Float64Array): number {
  const sq = new Float64Array(e.length);
  for (let j = 0; j < e.length; j++) sq[j] = e[j]! * e[j]!;
  return sum(sq);
}
