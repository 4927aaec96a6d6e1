/**
 * The parsers' side of the kind and unit checks: a column read as returns whose values are
 * prices, percent returns read as decimals, prices that are returns, a yield column in the
 * wrong unit. The judgement is the one the study entry points make (`kindMismatch`); here the
 * message names the file, the column and the option (and CLI flag) that fixes it.
 * @module
 */
import { MarketReactionError, type Issue, type Warning } from "../errors.js";
import { kindMismatch, medianAbsolute, unitOfTypicalReturn } from "../returns/plausibility.js";
import type { SeriesKind } from "../types.js";

/** Which series of which file a check speaks of. */
export interface ColumnOrigin {
  readonly file?: string | undefined;
  /** The value column the series was read from. */
  readonly column: string;
  /** The series' id (the asset of a long panel). */
  readonly id: string;
}

/** The one issue of a kind error: the column, the file, what the values look like. */
function issues(at: ColumnOrigin, looksLike: string): Issue[] {
  return [{ column: at.column, ...(at.file === undefined ? {} : { file: at.file }), message: `values look like ${looksLike}` }];
}

function named(at: ColumnOrigin): string {
  const where = at.file === undefined ? "" : `${at.file}: `;
  const series = at.id === at.column ? "" : ` (series ${JSON.stringify(at.id)})`;
  return `${where}column ${JSON.stringify(at.column)}${series}`;
}

/** Fewest values before a unit is judged (as the kind check). */
const MIN_VALUES = 20;

/**
 * Throws `INVALID_INPUT` when the values read for a series do not fit the declared kind and
 * unit, with the evidence and the remedy. `values` are as kept (returns in decimals), with the
 * nonpositive prices the parser refused one by one: when they are returns, the whole column is
 * named instead of each row.
 */
export function checkColumnKind(values: ArrayLike<number>, kind: SeriesKind, returnUnit: "percent" | "decimal", at: ColumnOrigin): void {
  const found = (returnUnit === "percent" ? writtenPrices(values) : undefined) ?? kindMismatch(values, kind);
  if (found === undefined) return;
  const { evidence } = found;
  if (found.looksLike === "prices") {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${named(at)} is read as returns but its values look like prices (${evidence}); read it as prices: values: "price" (on the command line --prices instead of --returns)`,
      issues(at, "prices"),
    );
  }
  if (found.looksLike === "returns") {
    throw new MarketReactionError(
      "INVALID_INPUT",
      `${named(at)} is read as prices but its values look like returns (${evidence}); read it as returns: values: "return" (on the command line --returns instead of --prices)`,
      issues(at, "returns"),
    );
  }
  const moves = `a typical value moves ${(100 * found.median).toPrecision(3)} %`;
  throw new MarketReactionError(
    "INVALID_INPUT",
    returnUnit === "percent"
      ? `${named(at)} is read as percent returns but even divided by 100 ${moves} (${evidence}); check the column and its unit`
      : `${named(at)} is read as decimal returns but ${moves} (${evidence}): percent returns? pass returnUnit: "percent" (the command line reads decimal returns: divide them by 100)`,
    issues(at, returnUnit === "percent" ? "prices or levels" : "percent returns"),
  );
}

/**
 * Percent returns judged as written (×100): prices read as percent returns (a price of 50 is
 * a "return" of 0.5 once divided by 100) are prices by the same rule as decimal returns.
 */
function writtenPrices(decimals: ArrayLike<number>): ReturnType<typeof kindMismatch> {
  const found = kindMismatch(
    Float64Array.from(decimals, (v) => 100 * v),
    "return",
  );
  return found?.looksLike === "prices" ? found : undefined;
}

/**
 * A `RETURN_UNIT_SUSPECT` warning when returns declared in percent are as small as decimal
 * returns (median |value| at most 0.05 as written; a typical percent day is about 0.5), or
 * `undefined`. `decimals`: the returns as kept (divided by 100). Not judged below 20 values.
 */
export function returnUnitWarning(decimals: ArrayLike<number>, at: ColumnOrigin): Warning | undefined {
  if (decimals.length < MIN_VALUES) return undefined;
  const typical = 100 * medianAbsolute(decimals);
  if (!(typical > 0) || unitOfTypicalReturn(typical) === "percent") return undefined;
  return {
    code: "RETURN_UNIT_SUSPECT",
    message: `${named(at)} was read as percent returns (divided by 100), but its median |value| ${typical.toPrecision(3)} as written looks like decimal returns; if so, pass returnUnit: "decimal"`,
    asset: at.id,
  };
}

/**
 * A `LEVEL_UNIT_SUSPECT` warning when a level series declared in percent (a yield, kept in
 * basis points) has a median |value| above 100 as written: not a rate in percent. `undefined`
 * otherwise (a yield written as a decimal fraction, 0.0425, cannot be told from a rate near
 * zero, and is not judged).
 */
export function levelUnitWarning(basisPoints: ArrayLike<number>, at: ColumnOrigin): Warning | undefined {
  if (basisPoints.length < MIN_VALUES) return undefined;
  const typical = medianAbsolute(basisPoints) / 100;
  if (!(typical > 100)) return undefined;
  return {
    code: "LEVEL_UNIT_SUSPECT",
    message: `${named(at)} was read as a level in percent (kept in basis points, ×100), but its median |value| ${typical.toPrecision(4)} is no rate in percent; if it is an index or a price level, pass levelUnit: "points" (on the command line --level-unit points)`,
    asset: at.id,
  };
}
