/**
 * Shared builders of the reliability suite: seeded synthetic price series on the NYSE
 * sessions, CSV text of them, and a run-and-classify helper that turns any outcome into
 * data (value, MarketReactionError, or any other thrown value).
 */
import { isMarketReactionError, isoFromDayKey, tradingCalendar, type MarketReactionError, type Series } from "market-reaction";
import { createRandom } from "market-reaction/stats";

const nyse = tradingCalendar("XNYS");

/** `n` consecutive NYSE sessions starting on or after the ISO date `from`. */
export function sessions(from: string, n: number): Int32Array {
  const d = nyse.days;
  let i = 0;
  const start = Date.parse(`${from}T00:00:00Z`) / 86_400_000;
  while (i < d.length && d[i]! < start) i++;
  if (i + n > d.length) throw new Error(`not enough NYSE sessions after ${from}`);
  return d.slice(i, i + n);
}

/** A seeded pair (market, asset) of price series with asset return = a + b·market + e. */
export function marketPair(
  seed: number,
  days: Int32Array,
  o: { alpha?: number; beta?: number; sigma?: number; sigmaM?: number; start?: number } = {},
): { market: Series; asset: Series } {
  const rng = createRandom(seed);
  const n = days.length;
  const m = new Float64Array(n);
  const a = new Float64Array(n);
  let pm = 100;
  let pa = o.start ?? 50;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const rm = (o.sigmaM ?? 0.01) * rng.normal();
      const ra = (o.alpha ?? 0) + (o.beta ?? 1) * rm + (o.sigma ?? 0.01) * rng.normal();
      pm *= 1 + rm;
      pa *= 1 + ra;
    }
    m[i] = pm;
    a[i] = pa;
  }
  return { market: { id: "MKT", days: days.slice(), values: m, kind: "price" }, asset: { id: "AAA", days: days.slice(), values: a, kind: "price" } };
}

/** CSV text `date,close` of a series (values written with full precision). */
export function seriesCsv(s: Series, header = "date,close"): string {
  let out = `${header}\n`;
  for (let i = 0; i < s.days.length; i++) out += `${isoFromDayKey(s.days[i]!)},${s.values[i]!}\n`;
  return out;
}

/** The outcome of running a function: a value, a MarketReactionError, or anything else thrown. */
export type Outcome<T> =
  | { readonly kind: "value"; readonly value: T }
  | { readonly kind: "error"; readonly error: MarketReactionError }
  | { readonly kind: "crash"; readonly thrown: unknown };

export async function outcome<T>(fn: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { kind: "value", value: await fn() };
  } catch (thrown) {
    if (isMarketReactionError(thrown)) return { kind: "error", error: thrown };
    return { kind: "crash", thrown };
  }
}

export function outcomeSync<T>(fn: () => T): Outcome<T> {
  try {
    return { kind: "value", value: fn() };
  } catch (thrown) {
    if (isMarketReactionError(thrown)) return { kind: "error", error: thrown };
    return { kind: "crash", thrown };
  }
}

/** Describes an outcome for an assertion message. */
export function describeOutcome(o: Outcome<unknown>): string {
  if (o.kind === "value") return "a value (no error)";
  if (o.kind === "error") return `MarketReactionError ${o.error.code}: ${o.error.message}`;
  const t = o.thrown;
  return `a non-library throw: ${t instanceof Error ? `${t.name}: ${t.message}\n${t.stack ?? ""}` : String(t)}`;
}
