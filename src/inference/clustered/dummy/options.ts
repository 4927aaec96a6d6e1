/**
 * The options of `dummyRegression`, checked and with their defaults.
 * @module
 */
import { MarketReactionError, invalidOption } from "../../../errors.js";
import type { Window } from "../../../types.js";
import { checkWindow, nonNegativeInt, windowLabel } from "../common.js";
import type { ClusteredData, DummyRegressionOptions, DummySpecification, VcovChoice } from "../types.js";
import type { NeweyWestLagRule } from "../../../stats/hac.js";

/** `dummyRegression` options after checks and defaults. */
export interface ResolvedDummyOptions {
  readonly specification: DummySpecification;
  readonly duplicates: "merge" | "error";
  readonly vcovChoice: VcovChoice;
  readonly window: Window;
  readonly carWindows: readonly Window[];
  readonly lags: number;
  readonly estimation: number;
  readonly after: number;
  readonly hacAdjust: boolean;
  readonly lagOption: number | NeweyWestLagRule;
}

function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value as T)) invalidOption(name, value, allowed.map((a) => `"${a}"`).join(" | "));
  return value as T;
}

/**
 * Checks the data's shape and the options (in this order, so the first problem named is stable).
 * @throws INVALID_OPTION for an option out of its domain; INVALID_INPUT for data of mismatched lengths.
 */
export function resolveDummyOptions(data: ClusteredData, options: DummyRegressionOptions): ResolvedDummyOptions {
  if (typeof data !== "object" || data === null || !(data.asset instanceof Float64Array) || !(data.days instanceof Int32Array)) {
    invalidOption("data", data, "{ days: Int32Array, asset: Float64Array, market?, factors? } (e.g. alignReturns(…))");
  }
  if (data.days.length !== data.asset.length) {
    throw new MarketReactionError("INVALID_INPUT", `data: ${data.days.length} sessions but ${data.asset.length} returns`);
  }
  const specification = checkOneOf<DummySpecification>(options.specification, ["event", "pooled"], "event", "specification");
  const duplicates = checkOneOf(options.duplicates, ["merge", "error"] as const, "merge", "duplicates");
  const vcovChoice = checkOneOf<VcovChoice>(options.vcov, ["auto", "hac", "ols"], "auto", "vcov");
  const window = options.window === undefined ? ([-1, 1] as Window) : checkWindow(options.window, "window");
  const carWindows = (options.carWindows ?? [window]).map((w, i) => {
    const c = checkWindow(w, `carWindows[${i}]`);
    if (c[0] < window[0] || c[1] > window[1]) invalidOption(`carWindows[${i}]`, w, `a window inside the dummy window ${windowLabel(window)}`);
    return c;
  });
  const lags = nonNegativeInt(options.lags, 0, "lags", 20);
  const estimation = nonNegativeInt(options.estimation, 250, "estimation");
  const after = nonNegativeInt(options.after, 0, "after");
  const hacAdjust = options.hacAdjust ?? false;
  if (typeof hacAdjust !== "boolean") invalidOption("hacAdjust", hacAdjust, "true or false");
  const lagOption = options.hacLag ?? "nw1994";
  if (!(lagOption === "nw1994" || lagOption === "cube-root" || (typeof lagOption === "number" && Number.isInteger(lagOption) && lagOption >= 0))) {
    invalidOption("hacLag", lagOption, `a non-negative integer, "nw1994" or "cube-root"`);
  }
  return { specification, duplicates, vcovChoice, window, carWindows, lags, estimation, after, hacAdjust, lagOption };
}
