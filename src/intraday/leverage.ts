/**
 * The `delever` factor checked against the bars it divides.
 * @module
 */
import { invalidOption, type Warning } from "../errors.js";
import type { SessionBars } from "./sessions.js";

/** Fewest bars present in both series before the volatility ratio is judged. */
const MIN_PAIRED_BARS = 30;

/** The lowest simple bar return of the grid and where it is (`undefined` without one). */
function lowestBarReturn(grid: SessionBars): { value: number; date: string; slot: number } | undefined {
  let low: { value: number; date: string; slot: number } | undefined;
  for (const s of grid.sessions)
    for (let q = 0; q < s.slots; q++) {
      const l = s.logReturn[q]!;
      if (s.present[q] === 1 && Number.isFinite(l) && (low === undefined || l < low.value)) low = { value: l, date: s.date, slot: q };
    }
  return low === undefined ? undefined : { ...low, value: Math.expm1(low.value) };
}

/** SD of the asset's bar log returns over the benchmark's, on the bars both have, and their number. */
function volatilityRatio(asset: SessionBars, bench: SessionBars): { ratio: number; n: number } {
  const byDay = new Map(bench.sessions.map((s) => [s.day, s]));
  let n = 0;
  let sa = 0;
  let saa = 0;
  let sb = 0;
  let sbb = 0;
  for (const a of asset.sessions) {
    const b = byDay.get(a.day);
    if (b === undefined || b.gridStart !== a.gridStart) continue;
    for (let q = 0; q < Math.min(a.slots, b.slots); q++) {
      const x = a.logReturn[q]!;
      const y = b.logReturn[q]!;
      if (a.present[q] !== 1 || b.present[q] !== 1 || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      n++;
      sa += x;
      saa += x * x;
      sb += y;
      sbb += y * y;
    }
  }
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return { ratio: Math.sqrt(va / vb), n };
}

/**
 * Checks `delever: k` against the data.
 * - A bar whose simple return r is at or below −k cannot be divided by k (1 + r/k ≤ 0 has no
 *   log): possible only for k below 1, and an error naming `delever` with the bar.
 * - With a benchmark, a k× daily-reset ETF's bar returns are about k times as volatile as its
 *   index's: a ratio outside [k/2, 2k] (over at least 30 bars present in both) is
 *   `DELEVER_MISMATCH`, with the ratio, since a wrong k scales every abnormal return by the error.
 * @throws INVALID_OPTION naming `delever` (`--delever`) for a bar return at or below −k.
 */
export function checkDelever(asset: string, grid: SessionBars, bench: SessionBars | undefined, k: number | undefined): Warning[] {
  if (k === undefined) return [];
  const low = lowestBarReturn(grid);
  if (low !== undefined && low.value <= -k) {
    invalidOption(
      "delever",
      k,
      `a leverage factor the bars allow (${asset}: bar ${low.slot + 1} of ${low.date} returns ${(100 * low.value).toPrecision(4)} %, and 1 + r/${k} is not positive); a k× ETF's factor is at least 1 (command line: --delever)`,
    );
  }
  if (bench === undefined) return [];
  const { ratio, n } = volatilityRatio(grid, bench);
  if (n < MIN_PAIRED_BARS || !Number.isFinite(ratio) || (ratio >= k / 2 && ratio <= 2 * k)) return [];
  return [
    {
      code: "DELEVER_MISMATCH",
      message: `${asset}: returns divided by ${k}, but its bar returns are ${ratio.toPrecision(3)} times as volatile as the benchmark's over ${n} bars (a ${k}x ETF of that index would be about ${k}); check the leverage factor (option delever, command line: --delever)`,
      asset,
    },
  ];
}
