/**
 * Model specifications: validation, presets, and the data columns each model needs.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { ModelData, ModelSpec } from "./types.js";

/** Names accepted by {@link modelPreset}. */
export type ModelPresetName =
  | "constant-mean"
  | "market-adjusted"
  | "market"
  | "ff3"
  | "carhart"
  | "ff5"
  | "scholes-williams"
  | "dimson"
  | "garch"
  | "garch-market";

/**
 * Every preset name accepted by {@link modelPreset}, in a fixed order.
 *
 * @example
 * ```ts
 * MODEL_PRESETS; // => ["constant-mean", "market-adjusted", "market", "ff3", "carhart", "ff5", "scholes-williams", "dimson", "garch", "garch-market"]
 * MODEL_PRESETS.map((name) => modelPreset(name).type).filter((t) => t === "factors").length; // => 3
 * ```
 */
export const MODEL_PRESETS: readonly ModelPresetName[] = [
  "constant-mean",
  "market-adjusted",
  "market",
  "ff3",
  "carhart",
  "ff5",
  "scholes-williams",
  "dimson",
  "garch",
  "garch-market",
];

/**
 * Largest number of Dimson leads/lags accepted (`lags` of a `dimson` spec).
 *
 * @example
 * ```ts
 * MAX_DIMSON_LAGS; // => 10
 * toSafe(() => validateModelSpec({ type: "dimson", lags: MAX_DIMSON_LAGS + 1 })).success; // => false
 * ```
 */
export const MAX_DIMSON_LAGS = 10;

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
 * modelPreset("garch-market"); // => { type: "garch", mean: "market" }
 * ```
 */
export function modelPreset(name: ModelPresetName): ModelSpec {
  switch (name) {
    case "constant-mean":
    case "market-adjusted":
    case "market":
    case "scholes-williams":
      return { type: name };
    case "dimson":
      return { type: "dimson", lags: 1 };
    case "garch":
      return { type: "garch", mean: "constant" };
    case "garch-market":
      return { type: "garch", mean: "market" };
    case "ff3":
      return { type: "factors", factors: ["Mkt-RF", "SMB", "HML"], label: "ff3" };
    case "carhart":
      return { type: "factors", factors: ["Mkt-RF", "SMB", "HML", "Mom"], label: "carhart" };
    case "ff5":
      return { type: "factors", factors: ["Mkt-RF", "SMB", "HML", "RMW", "CMA"], label: "ff5" };
    default:
      return invalidOption("model", name, MODEL_PRESETS.map((m) => JSON.stringify(m)).join(", "));
  }
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
  const type = (spec as { type?: unknown }).type;
  switch (spec.type) {
    case "constant-mean":
    case "market-adjusted":
    case "market":
    case "scholes-williams":
      return spec;
    case "dimson": {
      const lags = spec.lags ?? 1;
      if (!Number.isInteger(lags) || lags < 0 || lags > MAX_DIMSON_LAGS) invalidOption("lags", spec.lags, `an integer from 0 to ${MAX_DIMSON_LAGS}`);
      return spec;
    }
    case "garch":
      if (spec.mean !== undefined && spec.mean !== "constant" && spec.mean !== "market") invalidOption("mean", spec.mean, '"constant" or "market"');
      return spec;
    case "factors": {
      const f = spec.factors;
      if (!Array.isArray(f) || f.length === 0 || f.some((x) => typeof x !== "string" || x.length === 0)) {
        invalidOption("factors", f, "a non-empty list of factor column names");
      }
      const keys = f.map(compactFactorName);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup !== undefined) invalidOption("factors", f, "distinct factor names");
      const rf = spec.riskFree;
      if (rf !== undefined && rf !== null && (typeof rf !== "string" || rf.length === 0)) invalidOption("riskFree", rf, "a column name, or null for none");
      if (spec.label !== undefined && (typeof spec.label !== "string" || spec.label.length === 0)) invalidOption("label", spec.label, "a non-empty string");
      return spec;
    }
    default:
      return invalidOption(
        "model.type",
        type,
        `"constant-mean", "market-adjusted", "market", "factors", "scholes-williams", "dimson" or "garch"`,
      );
  }
}

/**
 * Name of a model for output rows (`market`, `ff3`, `dimson`, …): the `type`, the `label`
 * of a factor model (default `factors`), or `garch` / `garch-market` by the GARCH mean equation.
 * @example
 * ```ts
 * modelLabel(modelPreset("ff5")); // => "ff5"
 * ```
 */
export function modelLabel(spec: ModelSpec): string {
  if (spec.type === "garch") return spec.mean === "market" ? "garch-market" : "garch";
  return spec.type === "factors" ? (spec.label ?? "factors") : spec.type;
}

/** Factor name in compact form: lowercase letters and digits only. */
function compactFactorName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Synonym groups (compact form). */
const FACTOR_SYNONYMS: readonly (readonly string[])[] = [
  ["mom", "umd", "wml"],
  ["mktrf", "rmrf", "exmkt"],
];

/**
 * The column of `available` a factor name refers to: the exact name, else a case- and
 * punctuation-insensitive match (`mkt_rf` = `Mkt-RF`), with `Mom`/`MOM`/`UMD`/`WML` and
 * `Mkt-RF`/`RMRF` as synonyms. `undefined` when nothing matches.
 * @example
 * ```ts
 * matchFactorName(["Mkt-RF", "SMB", "HML", "UMD"], "Mom"); // => "UMD"
 * ```
 */
export function matchFactorName(available: readonly string[], name: string): string | undefined {
  if (available.includes(name)) return name;
  const c = compactFactorName(name);
  const wanted = FACTOR_SYNONYMS.find((g) => g.includes(c)) ?? [c];
  for (const w of wanted) {
    const hit = available.find((a) => compactFactorName(a) === w);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The data columns of one model, resolved against a {@link ModelData}. */
export interface ModelColumns {
  readonly n: number;
  readonly asset: Float64Array;
  /** Market returns, when the model needs them. */
  readonly market: Float64Array | undefined;
  /** Market offsets needed around each session: `[-lags, lags]` (`[0, 0]` for the market model). */
  readonly lags: number;
  /** Factor names as in the data, in the order of the spec. */
  readonly factorNames: readonly string[];
  readonly factors: readonly Float64Array[];
  readonly riskFreeName: string | null;
  readonly riskFree: Float64Array | undefined;
}

function modelTitle(spec: ModelSpec): string {
  switch (spec.type) {
    case "constant-mean":
      return "the constant-mean model";
    case "market-adjusted":
      return "the market-adjusted model";
    case "market":
      return "the market model";
    case "factors":
      return `the factor model ${modelLabel(spec)}`;
    case "scholes-williams":
      return "the Scholes-Williams model";
    case "dimson":
      return "the Dimson model";
    case "garch":
      return `the ${modelLabel(spec)} (GARCH(1,1)) model`;
  }
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
  if (spec.type === "market-adjusted" || spec.type === "market" || spec.type === "scholes-williams" || spec.type === "dimson" || (spec.type === "garch" && spec.mean === "market")) {
    if (data.market === undefined) {
      throw new MarketReactionError("MISSING_RETURNS", `${modelTitle(spec)} needs market returns; the data has none (pass market to alignReturns)`);
    }
    market = sameLength(data.market, "market");
    if (spec.type === "scholes-williams") lags = 1;
    if (spec.type === "dimson") lags = spec.lags ?? 1;
  }
  const factorNames: string[] = [];
  const factors: Float64Array[] = [];
  let riskFreeName: string | null = null;
  let riskFree: Float64Array | undefined;
  if (spec.type === "factors") {
    if (data.factors === undefined) {
      throw new MarketReactionError("MISSING_RETURNS", `${modelTitle(spec)} needs factor returns; the data has none (pass factors to alignReturns)`);
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

/** True when every regressor of the model (not the asset) is finite at session `i`. */
export function regressorsComplete(c: ModelColumns, i: number): boolean {
  if (c.market !== undefined) {
    if (i - c.lags < 0 || i + c.lags >= c.n) return false;
    for (let j = -c.lags; j <= c.lags; j++) if (!Number.isFinite(c.market[i + j]!)) return false;
  }
  for (const f of c.factors) if (!Number.isFinite(f[i]!)) return false;
  if (c.riskFree !== undefined && !Number.isFinite(c.riskFree[i]!)) return false;
  return true;
}

/** True when the asset and every column the model needs are finite at session `i` (a complete case). */
export function isCompleteCase(c: ModelColumns, i: number): boolean {
  return Number.isFinite(c.asset[i]!) && regressorsComplete(c, i);
}
