/**
 * Argument checks shared by the cross-event tests' public functions: once at the entry, so the
 * kernels behind them never see a wrong argument.
 * @module
 */
import { checkArrayOf, checkNumber, checkNumbers, checkOptions } from "../../check.js";
import { invalidOption } from "../../errors.js";
import { KEYED_SERIES } from "../../shapes.js";

/** The portfolio tests (time-series t, Brown-Warner 1980, Lamb): an estimate, a series, options `{ length?, df? }`. */
export function checkPortfolioArgs(fn: string, estimate: unknown, series: unknown, options: unknown): void {
  checkNumber(fn, "estimate", estimate);
  checkNumbers(fn, "series", series);
  checkOptions(fn, options);
  const o = (options ?? {}) as { length?: unknown; df?: unknown };
  if (o.length !== undefined && !(typeof o.length === "number" && o.length > 0 && Number.isFinite(o.length)))
    invalidOption(`${fn}: options.length`, o.length, "a positive number of sessions");
  if (o.df !== undefined && o.df !== "normal" && !(typeof o.df === "number" && o.df > 0))
    invalidOption(`${fn}: options.df`, o.df, 'a positive number or "normal"');
}

/** The pooled rank tests (Corrado, Corrado-Zivney): keyed series, the event keys, options `{ divisor? }`. */
export function checkRankArgs(fn: string, series: unknown, keys: unknown, options: unknown): void {
  checkArrayOf(fn, "series", series, KEYED_SERIES);
  checkNumbers(fn, "keys", keys);
  checkOptions(fn, options);
  const divisor = (options as { divisor?: unknown } | undefined)?.divisor;
  if (divisor !== undefined && divisor !== "keys" && divisor !== "mean-length") invalidOption(`${fn}: options.divisor`, divisor, '"keys" or "mean-length"');
}
