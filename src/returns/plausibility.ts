/**
 * Whether a series' values fit its declared kind: a price file passed as returns (values in
 * the thousands), returns in percent passed as decimal returns, or returns passed as prices.
 * Wrong kinds give numbers that look fine and mean nothing (a price file read as returns gave
 * a CAR of −19.4), so they stop with the evidence.
 * @module
 */
import { MarketReactionError } from "../errors.js";
import type { Series } from "../types.js";

/** Fewest finite values before the check says anything. */
const MIN_VALUES = 20;

/**
 * Moves the k-th smallest of `a` to index k, smaller or equal values before it, larger or
 * equal after (Hoare selection, middle pivot): the order statistic without sorting.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * Median of the values (reordered in place), the same number as sorting them would give.
 * @internal exported for its test
 */
export function median(values: Float64Array): number {
  const n = values.length;
  const upper = select(values, n >> 1);
  if (n % 2 === 1) return upper;
  // the lower middle value is the largest of those before index n/2
  let lower = values[0]!;
  for (let i = 1; i < n >> 1; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The absolute values of the `n` finite values, in a new array. */
function absoluteFinite(values: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[k++] = Math.abs(v);
  }
  return out;
}

/** Counts of the finite values of a series: all, positive, negative, and the largest |value|. */
function counts(values: Float64Array): { n: number; positive: number; negative: number; maxAbs: number } {
  let n = 0;
  let positive = 0;
  let negative = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    n++;
    if (v > 0) positive++;
    else if (v < 0) negative++;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  return { n, positive, negative, maxAbs };
}

/**
 * Throws INVALID_INPUT when the values of `series` do not fit its `kind`:
 * - `"return"` with at least 95 % positive values and a median above 1: prices;
 * - `"return"` with a median absolute value above 0.2 (a typical day moving 20 %): percent;
 * - `"price"` with a tenth or more of the values negative and a median absolute value below
 *   0.2: returns.
 * Series with fewer than 20 finite values are not judged.
 *
 * @param name - how the series is named in the message, e.g. "asset" or "market".
 */
export function checkSeriesKind(series: Series, name: string): void {
  const { n, positive, negative, maxAbs } = counts(series.values);
  if (n < MIN_VALUES) return;
  // The median decides only when some |value| exceeds 0.2 (returns) or a tenth of the values
  // are negative (prices); otherwise no rule can fire and the median is not needed.
  const mayFire = series.kind === "return" ? maxAbs > 0.2 : series.kind === "price" && negative >= 0.1 * n;
  if (!mayFire) return;
  const mid = median(absoluteFinite(series.values, n));
  const evidence = `median |value| ${mid.toPrecision(4)}, ${((100 * positive) / n).toFixed(0)} % positive, ${((100 * negative) / n).toFixed(0)} % negative over ${n} values`;
  const id = JSON.stringify(series.id);
  if (series.kind === "return" && positive >= 0.95 * n && mid > 1) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${name} ${id} is given as returns but its values look like prices (${evidence}); pass it as prices (kind "price"; on the command line --prices instead of --returns)`,
    );
  }
  if (series.kind === "return" && mid > 0.2) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${name} ${id} is given as decimal returns but a typical value moves ${(100 * mid).toPrecision(3)} % (${evidence}): percent returns? divide them by 100`,
    );
  }
  if (series.kind === "price" && negative >= 0.1 * n && mid < 0.2) {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${name} ${id} is given as prices but its values look like returns (${evidence}); pass it as returns (kind "return"; on the command line --returns instead of --prices)`,
    );
  }
}
