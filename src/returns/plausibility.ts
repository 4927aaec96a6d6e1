/**
 * Whether a series' values fit its declared kind: a price file passed as returns (values in
 * the thousands), returns in percent passed as decimal returns, or returns passed as prices.
 * Wrong kinds give numbers that look fine and mean nothing (a price file read as returns gave
 * a CAR of −19.4), so they stop with the evidence.
 * @module
 */
import { MarketReactionError } from "../errors.js";
import { selectInPlace } from "../stats/quantile.js";
import type { Series, SeriesKind } from "../types.js";

/** Fewest finite values before the check says anything. */
const MIN_VALUES = 20;

/**
 * Median of the values (reordered in place), the same number as sorting them would give.
 * @internal exported for its test
 */
export function median(values: Float64Array): number {
  const n = values.length;
  const upper = selectInPlace(values, n >> 1);
  if (n % 2 === 1) return upper;
  // the lower middle value is the largest of those before index n/2
  let lower = values[0]!;
  for (let i = 1; i < n >> 1; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The absolute values of the `n` finite values, in a new array. */
function absoluteFinite(values: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[k++] = Math.abs(v);
  }
  return out;
}

/** Counts of the finite values of a series: all, positive and negative. */
function counts(values: ArrayLike<number>): { n: number; positive: number; negative: number } {
  let n = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    n++;
    if (v > 0) positive++;
    else if (v < 0) negative++;
  }
  return { n, positive, negative };
}

/**
 * Whether a rule of {@link kindMismatch} can fire, from one pass that keeps only what decides it
 * (this runs over every value of every series a study reads): at least 20 finite values, and
 * some |value| above 0.2 (returns) or a tenth of the values negative (prices). Otherwise the
 * median, which every rule needs, is not computed.
 */
function mayFire(values: ArrayLike<number>, kind: "price" | "return"): boolean {
  let n = 0;
  if (kind === "return") {
    let maxAbs = 0;
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]!);
      if (a < Number.POSITIVE_INFINITY) {
        n++;
        if (a > maxAbs) maxAbs = a;
      }
    }
    return n >= MIN_VALUES && maxAbs > 0.2;
  }
  let negative = 0;
  for (let i = 0; i < values.length; i++) {
    // branch-free (+boolean): a price series' signs are predictable, a mislabelled one's are not
    const v = values[i]!;
    n += +(Math.abs(v) < Number.POSITIVE_INFINITY);
    negative += +(v < 0 && v > Number.NEGATIVE_INFINITY);
  }
  return n >= MIN_VALUES && negative >= 0.1 * n;
}

/**
 * Median absolute daily return separating decimal from percent units: typical values are
 * about 0.005 in decimal and 0.5 in percent; 0.05 is their geometric midpoint.
 */
export const UNIT_THRESHOLD = 0.05;

/** The unit that daily returns of this typical absolute size (their median |value|) are written in. */
export function unitOfTypicalReturn(typicalAbs: number): "percent" | "decimal" {
  return typicalAbs > UNIT_THRESHOLD ? "percent" : "decimal";
}

/** The median absolute value of the finite values (`NaN` when there are none). */
export function medianAbsolute(values: ArrayLike<number>): number {
  const { n } = counts(values);
  return n === 0 ? Number.NaN : median(absoluteFinite(values, n));
}

/** What the values of a series look like when that is not their declared kind, with the evidence. */
export interface KindMismatch {
  /** `prices` (declared returns), `percent` (declared decimal returns), `returns` (declared prices). */
  readonly looksLike: "prices" | "percent" | "returns";
  /** Median absolute value of the finite values. */
  readonly median: number;
  /** `median |value| 4812, 100 % positive, 0 % negative over 250 values`. */
  readonly evidence: string;
}

/**
 * Judges values against a declared kind:
 * - `"return"` with at least 95 % positive values and a median above 1: prices;
 * - `"return"` with a median absolute value above 0.2 (a typical day moving 20 %): percent;
 * - `"price"` with a tenth or more of the values negative and a median absolute value below
 *   0.2: returns.
 * Fewer than 20 finite values, or values that fit, give `undefined`.
 */
export function kindMismatch(values: ArrayLike<number>, kind: SeriesKind): KindMismatch | undefined {
  if (kind === "level" || !mayFire(values, kind)) return undefined;
  const { n, positive, negative } = counts(values);
  const mid = median(absoluteFinite(values, n));
  const evidence = `median |value| ${mid.toPrecision(4)}, ${((100 * positive) / n).toFixed(0)} % positive, ${((100 * negative) / n).toFixed(0)} % negative over ${n} values`;
  if (kind === "return" && positive >= 0.95 * n && mid > 1) return { looksLike: "prices", median: mid, evidence };
  if (kind === "return" && mid > 0.2) return { looksLike: "percent", median: mid, evidence };
  if (kind === "price" && mid < 0.2) return { looksLike: "returns", median: mid, evidence };
  return undefined;
}

/**
 * Throws INVALID_INPUT when the values of `series` do not fit its `kind` (see
 * {@link kindMismatch}). Series with fewer than 20 finite values are not judged.
 *
 * @param name - how the series is named in the message, e.g. "asset" or "market".
 */
export function checkSeriesKind(series: Series, name: string): void {
  const found = kindMismatch(series.values, series.kind);
  if (found === undefined) return;
  const { evidence } = found;
  const id = JSON.stringify(series.id);
  if (found.looksLike === "prices") {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${name} ${id} is given as returns but its values look like prices (${evidence}); pass it as prices (kind "price"; on the command line --prices instead of --returns)`,
    );
  }
  if (found.looksLike === "percent") {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${name} ${id} is given as decimal returns but a typical value moves ${(100 * found.median).toPrecision(3)} % (${evidence}): percent returns? divide them by 100`,
    );
  }
  throw new MarketReactionError(
    "INVALID_INPUT",
    `${name} ${id} is given as prices but its values look like returns (${evidence}); pass it as returns (kind "return"; on the command line --returns instead of --prices)`,
  );
}
