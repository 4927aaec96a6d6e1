/**
 * The rules a value of a price, return or level series obeys, shared by every reader (CSV
 * text, row objects, Parquet and Arrow columns), so that a value is kept, converted or
 * rejected, with the same message, whatever file it came from.
 * @module
 */
import type { SeriesKind } from "../types.js";
import { percentToDecimal, showCell } from "./cells.js";
import type { ParseSeriesOptions } from "./types.js";

/** How the values of one table are read: their kind and units. */
export interface ValueRules {
  readonly kind: SeriesKind;
  /** Returns written in percent (divided by 100 on reading). */
  readonly percent: boolean;
  /** 100 for a level in percent (kept in basis points), else 1. */
  readonly levelScale: number;
  readonly decimal: "." | ",";
}

/** The rules given by a reader's options. */
export function valueRules(options: ParseSeriesOptions): ValueRules {
  const kind: SeriesKind = options.values ?? "price";
  return {
    kind,
    percent: kind === "return" && options.returnUnit === "percent",
    // a level in percent (a yield) is kept in basis points, so that its changes are in basis points
    levelScale: kind === "level" && options.levelUnit === "percent" ? 100 : 1,
    decimal: options.decimal ?? ".",
  };
}

/**
 * The value kept for the number `v` read from a cell, or `NaN` when `v` breaks a rule (not
 * finite, a price that is not positive, a return of -100 % or less); {@link ruleBroken} says
 * which. Levels are scaled, returns in percent converted.
 */
export function ruledValue(v: number, rules: ValueRules): number {
  if (!Number.isFinite(v)) return Number.NaN;
  if (rules.kind === "price") return v > 0 ? v : Number.NaN;
  if (rules.kind === "level") return v * rules.levelScale;
  const r = rules.percent ? percentToDecimal(v) : v;
  return r > -1 ? r : Number.NaN;
}

/** The message for a number that {@link ruledValue} rejected (`text`: the cell as written, trimmed). */
export function ruleBroken(v: number, text: string, rules: ValueRules): string {
  if (!Number.isFinite(v)) return `not a finite number: ${showCell(text)}`;
  if (rules.kind === "price") return `price must be positive, got ${text}`;
  return `return must be greater than -100%, got ${text}${rules.percent ? "%" : ""}`;
}

/** The message for a cell that is not a number (`text` trimmed). */
export function notANumber(text: string, decimal: "." | ","): string {
  return `not a number: ${showCell(text)}${decimal === "." && /^\d+,\d+$/.test(text) ? ' (decimal comma? pass decimal: ",")' : ""}`;
}
