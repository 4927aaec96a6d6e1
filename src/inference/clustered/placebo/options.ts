/**
 * The options of `placeboTest`, checked and with their defaults.
 * @module
 */
import { invalidOption } from "../../../errors.js";
import { validateModelSpec, type ModelSpec } from "../../../models/index.js";
import type { Window } from "../../../types.js";
import { placeboSchema } from "../../../options/placebo.js";
import { checkOptions } from "../../../options/schema.js";
import type { ClusteredData, PlaceboOptions, PlaceboRegime, PlaceboStatistic } from "../types.js";

/** `placeboTest` options after checks and defaults. */
export interface ResolvedPlaceboOptions {
  readonly seed: number;
  readonly model: ModelSpec;
  readonly est: Window;
  readonly windows: readonly Window[];
  /** The span of the event windows, [min start, max end]. */
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly statistic: PlaceboStatistic;
  /** The window of the statistic. */
  readonly wIndex: number;
  readonly draws: number;
  /** Sessions on each side of every real statement that no pseudo-date may take. */
  readonly h: number;
  readonly regime: PlaceboRegime;
  readonly volWindow: number;
  readonly estLength: number;
  readonly minObs: number;
  readonly contamination: "include" | "exclude";
  readonly engine: "auto" | "fitModel";
  readonly spacing: "independent" | "keep";
  readonly returnType: "simple" | "log";
}

/**
 * Checks the data's shape and the options (in this order, so the first problem named is stable).
 * @throws INVALID_OPTION for an option out of its domain (a missing seed included).
 */
export function resolvePlaceboOptions(data: ClusteredData, options: PlaceboOptions): ResolvedPlaceboOptions {
  if (typeof data !== "object" || data === null || !(data.asset instanceof Float64Array) || !(data.days instanceof Int32Array)) {
    invalidOption("data", data, "{ days: Int32Array, asset: Float64Array, market?, factors? } (e.g. alignReturns(…))");
  }
  checkOptions(placeboSchema, options);
  const seed = options.seed;
  const model: ModelSpec = validateModelSpec(options.model ?? (data.market !== undefined ? { type: "market" } : { type: "constant-mean" }));
  const est = options.estimation ?? ([-250, -11] as Window);
  const windows = options.windows ?? [[-1, 1] as Window];
  const spanStart = Math.min(...windows.map((w) => w[0]));
  const spanEnd = Math.max(...windows.map((w) => w[1]));
  if (est[1] >= spanStart) invalidOption("estimation", est, `a window ending before the event windows start (offset ${spanStart})`);
  const statistic: PlaceboStatistic = options.statistic ?? { type: "mean-car" };
  const wIndex = statistic.window ?? 0;
  if (wIndex > windows.length - 1) invalidOption("statistic.window", wIndex, `an integer from 0 to ${windows.length - 1}`);
  const draws = options.draws ?? 9999;
  const h = options.exclude ?? 10;
  const regime: PlaceboRegime = options.regime ?? "none";
  const volWindow = options.volatilityWindow ?? 20;
  const estLength = est[1] - est[0] + 1;
  const minObs = options.minObs ?? Math.ceil((2 * estLength) / 3);
  const contamination = options.contamination ?? "include";
  const engine = options.engine ?? "auto";
  const spacing = options.spacing ?? "independent";
  const returnType = options.returnType ?? "simple";
  return {
    seed,
    model,
    est,
    windows,
    spanStart,
    spanEnd,
    statistic,
    wIndex,
    draws,
    h,
    regime,
    volWindow,
    estLength,
    minObs,
    contamination,
    engine,
    spacing,
    returnType,
  };
}
