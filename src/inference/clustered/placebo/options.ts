/**
 * The options of `placeboTest`, checked and with their defaults.
 * @module
 */
import { invalidOption } from "../../../errors.js";
import { validateModelSpec, type ModelSpec } from "../../../models/index.js";
import type { Window } from "../../../types.js";
import { checkWindow, nonNegativeInt } from "../common.js";
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
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an options object with a seed");
  const seed = options.seed;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed))
    invalidOption("seed", seed, "a safe integer (placebo draws are seeded and the seed is reported)");
  const model: ModelSpec = validateModelSpec(options.model ?? (data.market !== undefined ? { type: "market" } : { type: "constant-mean" }));
  const est = options.estimation === undefined ? ([-250, -11] as Window) : checkWindow(options.estimation, "estimation");
  const windows = (options.windows ?? [[-1, 1] as Window]).map((w, i) => checkWindow(w, `windows[${i}]`));
  if (windows.length === 0) invalidOption("windows", options.windows, "at least one window");
  const spanStart = Math.min(...windows.map((w) => w[0]));
  const spanEnd = Math.max(...windows.map((w) => w[1]));
  if (est[1] >= spanStart) invalidOption("estimation", est, `a window ending before the event windows start (offset ${spanStart})`);
  const statistic: PlaceboStatistic = options.statistic ?? { type: "mean-car" };
  if (typeof statistic !== "object" || statistic === null || !["car", "mean-car", "wald"].includes(statistic.type)) {
    invalidOption("statistic", statistic, `{ type: "car" | "mean-car" | "wald", window?, event? }`);
  }
  const wIndex = nonNegativeInt(statistic.window, 0, "statistic.window", windows.length - 1);
  const draws = nonNegativeInt(options.draws, 9999, "draws", 10_000_000);
  if (draws < 1) invalidOption("draws", draws, "at least 1");
  const h = nonNegativeInt(options.exclude, 10, "exclude");
  const regime: PlaceboRegime = options.regime ?? "none";
  if (!["volatility", "quarter", "none"].includes(regime)) invalidOption("regime", regime, `"volatility" | "quarter" | "none"`);
  const volWindow = nonNegativeInt(options.volatilityWindow, 20, "volatilityWindow");
  if (volWindow < 2) invalidOption("volatilityWindow", volWindow, "at least 2 sessions");
  const estLength = est[1] - est[0] + 1;
  const minObs = nonNegativeInt(options.minObs, Math.ceil((2 * estLength) / 3), "minObs");
  const contamination = options.contamination ?? "include";
  if (contamination !== "include" && contamination !== "exclude") invalidOption("contamination", contamination, `"include" or "exclude"`);
  const engine = options.engine ?? "auto";
  if (engine !== "auto" && engine !== "fitModel") invalidOption("engine", engine, `"auto" or "fitModel"`);
  const spacing = options.spacing ?? "independent";
  if (spacing !== "independent" && spacing !== "keep") invalidOption("spacing", spacing, `"independent" or "keep"`);
  const returnType = options.returnType ?? "simple";
  if (returnType !== "simple" && returnType !== "log") invalidOption("returnType", returnType, `"simple" or "log"`);
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
