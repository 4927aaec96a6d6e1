/**
 * Normal-return models with one contract: constant mean, market-adjusted, market model,
 * factor models (FF3, Carhart, FF5, any named columns), Scholes-Williams and Dimson.
 * @module
 */
export type { FitOptions, ModelData, ModelFit, ModelPrediction, ModelSpec } from "./types.js";
export { estimationIndices, fitModel, predictModel, safeFitModel } from "./model.js";
export { MAX_DIMSON_LAGS, MODEL_PRESETS, matchFactorName, modelLabel, modelPreset, validateModelSpec } from "./spec.js";
export type { ModelPresetName } from "./spec.js";
export type { IndexRange } from "./sample.js";
export { dimsonNames } from "./dimson.js";
