/**
 * Model specifications: validation, presets, and the data columns each model needs.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { ModelData, ModelSpec } from "./types.js";
import { matchFactorName, type ModelColumns } from "./columns.js";
import { MODEL_REGISTRY, modelDescriptor, type RegisteredPresetName } from "./registry.js";

export { isCompleteCase, matchFactorName, modelLabel, regressorsComplete } from "./columns.js";
export type { ModelColumns } from "./columns.js";

/** Names accepted by {@link modelPreset}: the presets of the registered models. */
export type ModelPresetName = RegisteredPresetName;

/** Every preset of every registered model, by name. */
const PRESETS = new Map<string, ModelSpec>(MODEL_REGISTRY.flatMap((d) => Object.entries(d.presets)));

/**
 * Every preset name accepted by {@link modelPreset}, in a fixed order (the registry's).
 *
 * @example
 * ```ts
 * MODEL_PRESETS; // => ["constant-mean", "market-adjusted", "market", "ff3", "carhart", "ff5", "scholes-williams", "dimson", "garch", "garch-market"]
 * MODEL_PRESETS.map((name) => modelPreset(name).type).filter((t) => t === "factors").length; // => 3
 * ```
 */
export const MODEL_PRESETS: readonly ModelPresetName[] = [...PRESETS.keys()] as ModelPresetName[];

export { MAX_DIMSON_LAGS } from "./dimson.js";

/**
 * The {@link ModelSpec} of a named model. Factor presets use Ken French's column names
 * (`Mkt-RF`, `SMB`, `HML`, `Mom`, `RMW`, `CMA`), matched case- and punctuation-insensitively
 * when fitting (`MOM`, `UMD` and `WML` all find a momentum column), with excess returns over
 * `RF` when the data has it. `garch` is GARCH(1,1) with a constant mean, `garch-market` with
 * the market model as mean equation.
 *
 * @throws INVALID_OPTION for an unknown name (the message lists the known ones).
 * @example
 * ```ts
 * modelPreset("ff3"); // => { type: "factors", factors: ["Mkt-RF", "SMB", "HML"], label: "ff3" }
 * modelPreset("market"); // => { type: "market" }
 * modelPreset("garch-market"); // => { type: "garch-market" }
 * ```
 */
export function modelPreset(name: ModelPresetName): ModelSpec {
  const spec = PRESETS.get(name);
  if (spec === undefined) return invalidOption("model", name, MODEL_PRESETS.map((m) => JSON.stringify(m)).join(", "));
  return spec.type === "factors" ? { ...spec, factors: [...spec.factors] } : { ...spec };
}

/**
 * Checks a {@link ModelSpec} and returns it.
 *
 * @throws INVALID_OPTION for an unknown `type`, an empty or duplicated factor list, a bad
 * `riskFree`, or Dimson `lags` that is not an integer in 0..10.
 * @example
 * ```ts
 * validateModelSpec({ type: "dimson", lags: 2 }); // => { type: "dimson", lags: 2 } (the spec itself)
 * const r = toSafe(() => validateModelSpec({ type: "factors", factors: ["SMB", "smb"] }));
 * if (!r.success) r.error.message; // => 'invalid factors: ["SMB", "smb"]; expected distinct factor names'
 * ```
 */
export function validateModelSpec(spec: ModelSpec): ModelSpec {
  if (typeof spec !== "object" || spec === null) return invalidOption("model", spec, "a model spec { type, … }");
  modelDescriptor(spec).validate(spec);
  return spec;
}

/**
 * Resolves the columns a model needs.
 *
 * @throws MISSING_RETURNS when the data lacks market returns (market-based models) or factor
 * returns (factor models). INVALID_OPTION when a named factor or risk-free column is not in the
 * data (the message lists the available columns). INVALID_INPUT when columns differ in length.
 */
export function modelColumns(spec: ModelSpec, data: ModelData): ModelColumns {
  validateModelSpec(spec);
  if (typeof data !== "object" || data === null || !(data.asset instanceof Float64Array)) {
    invalidOption("data", data, "ModelData { asset: Float64Array, market?, factors? }");
  }
  const n = data.asset.length;
  const sameLength = (col: Float64Array, what: string): Float64Array => {
    if (!(col instanceof Float64Array)) invalidOption(what, col, "a Float64Array");
    if (col.length !== n) {
      throw new MarketReactionError("INVALID_INPUT", `${what} has ${col.length} values but the asset has ${n}; align the series first (alignReturns)`);
    }
    return col;
  };
  let market: Float64Array | undefined;
  let lags = 0;
  const model = modelDescriptor(spec);
  if (model.inputs.market) {
    if (data.market === undefined) {
      throw new MarketReactionError(
        "MISSING_RETURNS",
        `${modelDescriptor(spec).title(spec)} needs market returns; the data has none (pass market to alignReturns)`,
      );
    }
    market = sameLength(data.market, "market");
    lags = model.marketLags(spec);
  }
  const factorNames: string[] = [];
  const factors: Float64Array[] = [];
  let riskFreeName: string | null = null;
  let riskFree: Float64Array | undefined;
  if (model.inputs.factors && spec.type === "factors") {
    if (data.factors === undefined) {
      throw new MarketReactionError(
        "MISSING_RETURNS",
        `${modelDescriptor(spec).title(spec)} needs factor returns; the data has none (pass factors to alignReturns)`,
      );
    }
    const available = Object.keys(data.factors);
    const list = available.map((a) => JSON.stringify(a)).join(", ") || "none";
    for (const want of spec.factors) {
      const hit = matchFactorName(available, want);
      if (hit === undefined) invalidOption("factors", want, `a factor column of the data (available: ${list})`);
      factorNames.push(hit);
      factors.push(sameLength(data.factors[hit]!, `factor ${JSON.stringify(hit)}`));
    }
    if (new Set(factorNames).size !== factorNames.length) invalidOption("factors", spec.factors, "names of distinct columns");
    if (spec.riskFree === undefined) {
      riskFreeName = matchFactorName(available, "RF") ?? null;
    } else if (spec.riskFree !== null) {
      const hit = matchFactorName(available, spec.riskFree);
      if (hit === undefined) invalidOption("riskFree", spec.riskFree, `a column of the data (available: ${list}), or null for none`);
      riskFreeName = hit;
    }
    if (riskFreeName !== null) {
      if (factorNames.includes(riskFreeName)) invalidOption("riskFree", riskFreeName, "a column that is not also a regressor");
      riskFree = sameLength(data.factors[riskFreeName]!, `risk-free column ${JSON.stringify(riskFreeName)}`);
    }
  }
  return { n, asset: data.asset, market, lags, factorNames, factors, riskFreeName, riskFree };
}
