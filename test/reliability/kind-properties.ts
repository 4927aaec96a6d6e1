/**
 * fast-check property of the parsers' kind and unit checks (issue 17, class 4), shared by the
 * short run (fuzz.test.ts) and the long one (scripts/fuzz.ts): random columns of prices,
 * decimal returns or percent returns, declared as any kind and unit.
 *
 * - a column declared as what it is (prices, decimal returns, percent returns; 20 values or
 *   more, daily volatility 0.3 %–5 %) is read without an error or a warning;
 * - prices declared as returns stop with INVALID_INPUT; returns declared as prices stop;
 * - the parser never accepts a series that the study entry points would refuse as the wrong
 *   kind (`checkSeriesKind`, the check of `alignReturns`): one judgement in both places;
 * - the chunk-fed reading gives the same outcome as the whole-text one.
 */
import fc from "fast-check";
import { createSeriesCsvParser, isMarketReactionError, isoFromDayKey, type SeriesTable } from "market-reaction";
import { createRandom } from "market-reaction/stats";
import { parseSeriesRecords } from "../../src/io/series.js";
import { checkSeriesKind } from "../../src/returns/plausibility.js";
import { sessions } from "./helpers.js";

const DAYS = sessions("2023-01-03", 80);

type Family = "prices" | "returns" | "percent";

/** Values of one family: a random-walk price from `level`, or returns with volatility `sigma` (×100 for percent). */
function column(family: Family, n: number, level: number, sigma: number, seed: number): number[] {
  const rng = createRandom(seed);
  const out: number[] = [];
  let p = level;
  for (let i = 0; i < n; i++) {
    const r = sigma * rng.normal();
    p *= Math.exp(r);
    out.push(family === "prices" ? p : family === "percent" ? 100 * r : r);
  }
  return out;
}

function outcomeOf(fn: () => SeriesTable): { table?: SeriesTable; error?: string } {
  try {
    return { table: fn() };
  } catch (e) {
    if (isMarketReactionError(e)) return { error: `${e.code}: ${e.message}` };
    throw e;
  }
}

export function kindAgreementProperty(numRuns: number, seed?: number): void {
  const arb = fc.record({
    family: fc.constantFrom<Family>("prices", "returns", "percent"),
    declared: fc.constantFrom("price" as const, "return" as const),
    percent: fc.boolean(),
    n: fc.integer({ min: 5, max: 80 }),
    level: fc.double({ min: 5, max: 20_000, noNaN: true }),
    sigma: fc.double({ min: 0.003, max: 0.05, noNaN: true }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    chunk: fc.integer({ min: 1, max: 200 }),
  });
  fc.assert(
    fc.property(arb, (c) => {
      const values = column(c.family, c.n, c.level, c.sigma, c.seed);
      const text = `date,v\n${values.map((v, i) => `${isoFromDayKey(DAYS[i]!)},${v}`).join("\n")}\n`;
      const options = { values: c.declared, ...(c.declared === "return" ? { returnUnit: c.percent ? ("percent" as const) : ("decimal" as const) } : {}) };
      const whole = outcomeOf(() => parseSeriesRecords(text, options));
      const streamed = outcomeOf(() => {
        const p = createSeriesCsvParser(options);
        for (let i = 0; i < text.length; i += c.chunk) p.write(text.slice(i, i + c.chunk));
        return p.end();
      });
      if (whole.error !== streamed.error) throw new Error(`stream and whole text differ: ${whole.error} / ${streamed.error}`);
      const fits =
        (c.family === "prices" && c.declared === "price") ||
        (c.family === "returns" && c.declared === "return" && !c.percent) ||
        (c.family === "percent" && c.declared === "return" && c.percent);
      if (fits && c.n >= 20 && (whole.error !== undefined || whole.table!.warnings.length > 0)) {
        throw new Error(`a plausible ${c.family} column declared as such was refused or warned: ${whole.error ?? JSON.stringify(whole.table!.warnings)}`);
      }
      if (c.n >= 20 && c.family === "prices" && c.declared === "return" && !whole.error?.startsWith("INVALID_INPUT")) {
        throw new Error(`prices declared as returns were accepted: ${text.slice(0, 200)}`);
      }
      if (c.family !== "prices" && c.declared === "price" && values.some((v) => v <= 0) && !whole.error?.startsWith("INVALID_INPUT")) {
        throw new Error("returns declared as prices were accepted");
      }
      for (const s of whole.table?.series ?? []) checkSeriesKind(s, "asset"); // throws if the study would refuse it
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}
