/**
 * The data columns a model reads, resolved once per series, and the names models go by: a leaf
 * of `src/models/` (the model files and the registry build on it).
 * @module
 */
import type { ModelSpec } from "./types.js";
import type { RegressorCache } from "./regressorCache.js";
import { checkArray, checkShape, checkString } from "../check.js";

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
  /**
   * Where the market model keeps the market's side of its fits for other assets' fits on the
   * same sessions (internal: only for columns no one changes while it lives; a study makes one).
   */
  readonly regressors?: RegressorCache;
}

/**
 * Name of a model for output rows (`market`, `ff3`, `dimson`, …): the `type`, or the `label`
 * of a factor model (default `factors`).
 * @example
 * ```ts
 * modelLabel(modelPreset("ff5")); // => "ff5"
 * ```
 */
export function modelLabel(spec: ModelSpec): string {
  checkShape("modelLabel", "spec", spec, { type: "string", label: "string?" });
  return spec.type === "factors" ? (spec.label ?? "factors") : spec.type;
}

/** Factor name in compact form: lowercase letters and digits only. */
export function compactFactorName(name: string): string {
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
  checkArray("matchFactorName", "available", available);
  checkString("matchFactorName", "name", name);
  for (const [i, a] of available.entries()) checkString("matchFactorName", `available[${i}]`, a);
  if (available.includes(name)) return name;
  const c = compactFactorName(name);
  const wanted = FACTOR_SYNONYMS.find((g) => g.includes(c)) ?? [c];
  for (const w of wanted) {
    const hit = available.find((a) => compactFactorName(a) === w);
    if (hit !== undefined) return hit;
  }
  return undefined;
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
