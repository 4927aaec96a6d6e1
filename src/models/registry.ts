/**
 * The registry of normal-return models: every model the library knows, one descriptor each
 * (see `descriptor.ts`). Adding a model: a file exporting its spec type and its descriptor, and
 * one line here; the `ModelSpec` union and the preset names are read from this list.
 * @module
 */
import { invalidOption } from "../errors.js";
import { constantMeanModel } from "./constantMean.js";
import type { ModelDescriptor } from "./descriptor.js";
import { dimsonModel } from "./dimson.js";
import { factorModel } from "./factorModel.js";
import { garchMarketModel, garchModel } from "./garchModel.js";
import { marketAdjustedModel } from "./marketAdjusted.js";
import { marketModel } from "./marketModel.js";
import { scholesWilliamsModel } from "./scholesWilliams.js";
import type { ModelSpec } from "./types.js";

/** A descriptor of any of the models (its spec parameter widened to {@link ModelSpec}). */
export type AnyModelDescriptor = ModelDescriptor<ModelSpec>;

/** Every model, in the order presets and messages list them. */
const MODELS = [constantMeanModel, marketAdjustedModel, marketModel, factorModel, scholesWilliamsModel, dimsonModel, garchModel, garchMarketModel] as const;

type Registered = (typeof MODELS)[number];

/** The spec of every registered model (the `ModelSpec` union). */
export type RegisteredModelSpec = Registered extends infer D ? (D extends ModelDescriptor<infer S, string> ? S : never) : never;

/** The preset names of every registered model (the `ModelPresetName` union). */
export type RegisteredPresetName = Registered extends infer D ? (D extends { readonly presets: infer R } ? keyof R & string : never) : never;

/** Every model, in the order presets and messages list them. */
export const MODEL_REGISTRY: readonly AnyModelDescriptor[] = MODELS.map((d) => d as unknown as AnyModelDescriptor);

const BY_TYPE = new Map<string, AnyModelDescriptor>(MODEL_REGISTRY.map((d) => [d.type, d]));

/** `"a", "b" or "c"`: the model types for messages. */
export function modelTypeList(): string {
  const quoted = MODEL_REGISTRY.map((d) => JSON.stringify(d.type));
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/**
 * The descriptor of a spec's model.
 * @throws INVALID_OPTION (`model.type`) for a type no model has.
 */
export function modelDescriptor(spec: ModelSpec): AnyModelDescriptor {
  const d = BY_TYPE.get((spec as { type?: unknown }).type as string);
  if (d === undefined) return invalidOption("model.type", (spec as { type?: unknown }).type, modelTypeList());
  return d;
}
