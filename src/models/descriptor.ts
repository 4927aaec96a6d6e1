/**
 * The contract of a normal-return model in the registry (`registry.ts`): what it is called, which
 * data it reads, how many parameters it has, and how it is checked, fitted and used to predict.
 * @module
 */
import type { ModelColumns } from "./columns.js";
import type { ModelFit, ModelPrediction, ModelSpec } from "./types.js";

/** The spec of the model of type `T`. */
export type SpecOf<T extends ModelSpec["type"]> = Extract<ModelSpec, { readonly type: T }>;

/**
 * A normal-return model: one file under `src/models/` exports one, `registry.ts` lists it.
 * `S` is the model's spec (its `type` and its own fields); `P` the names of its presets. The
 * `ModelSpec` union and the preset names are read from the registry's descriptors.
 */
export interface ModelDescriptor<S extends { readonly type: string } = ModelSpec, P extends string = string> {
  /** The spec's `type`. */
  readonly type: S["type"];
  /** The model in messages: "the market model". */
  readonly title: (spec: S) => string;
  /** Data the model reads besides the asset's returns: the market's, factor returns. */
  readonly inputs: { readonly market: boolean; readonly factors: boolean };
  /** Leads and lags p of the market column the model needs around each session (0 for none). */
  readonly marketLags: (spec: S) => number;
  /** Number of mean parameters k (σ² divisor M − k for the regression models). */
  readonly parameterCount: (spec: S, columns: ModelColumns) => number;
  /** Fewest estimation observations the model accepts when more than k + 1 (GARCH: 30); absent for the others. */
  readonly minObs?: number;
  /** Checks the spec's own fields; throws INVALID_OPTION naming the field. */
  readonly validate: (spec: S) => void;
  /** Fits on complete-case sessions `used` (at least k + 1 of them); `residuals`, when given, receives the residuals (a view may be kept). */
  readonly fit: (spec: S, columns: ModelColumns, used: Int32Array, residuals?: Float64Array) => ModelFit;
  /** Normal returns and regressor rows at `indices` for a fit made on these columns (and, for models that forecast it, each session's variance). */
  readonly predict: (fit: ModelFit, columns: ModelColumns, indices: Int32Array | readonly number[]) => ModelPrediction;
  /** Named presets (`ff3` for the factor model, …), in the order `MODEL_PRESETS` lists them. */
  readonly presets: Readonly<Record<P, S>>;
  /** The controls of the dummy-variable regression when a study uses this model: `market`, factor names, or none. */
  readonly regressionControls: (columns: ModelColumns) => readonly string[];
}
