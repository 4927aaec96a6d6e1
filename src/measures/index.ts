/**
 * Measures beyond returns: the GARCH(1,1) normal-return model, abnormal volume, abnormal
 * volatility and level series (yields, volatility indices) studied in changes.
 * @module
 */
export { fitGarch, garchForecast } from "./garch.js";
export type { GarchFit, GarchOptions } from "./garch.js";
export { garchLogLikelihood } from "./garchLikelihood.js";
export type { GarchData, GarchMean, GarchParameters } from "./garchLikelihood.js";
