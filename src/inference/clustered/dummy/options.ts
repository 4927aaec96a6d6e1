/**
 * The options of `dummyRegression`, checked and with their defaults.
 * @module
 */
import { MarketReactionError, invalidOption } from "../../../errors.js";
import type { Window } from "../../../types.js";
import { windowLabel } from "../common.js";
import { dummyRegressionSchema } from "../../../options/regression.js";
import { checkOptions } from "../../../options/schema.js";
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
  checkOptions(dummyRegressionSchema, options);
  const window = options.window ?? ([-1, 1] as Window);
  const carWindows = options.carWindows ?? [window];
  carWindows.forEach((c, i) => {
    if (c[0] < window[0] || c[1] > window[1]) invalidOption(`carWindows[${i}]`, c, `a window inside the dummy window ${windowLabel(window)}`);
  });
  const specification = options.specification ?? "event";
  const duplicates = options.duplicates ?? "merge";
  const vcovChoice = options.vcov ?? "auto";
  const lags = options.lags ?? 0;
  const estimation = options.estimation ?? 250;
  const after = options.after ?? 0;
  const hacAdjust = options.hacAdjust ?? false;
  const lagOption = options.hacLag ?? "nw1994";
  return { specification, duplicates, vcovChoice, window, carWindows, lags, estimation, after, hacAdjust, lagOption };
}
