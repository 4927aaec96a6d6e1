/**
 * Measures beyond returns: the GARCH(1,1) normal-return model, abnormal volume, abnormal
 * volatility and level series (yields, volatility indices) studied in changes.
 * @module
 */
export { fitGarch, garchFitAt, garchForecast } from "./garch.js";
export type { GarchFit, GarchOptions } from "./garch.js";
export { garchLogLikelihood } from "./garchLikelihood.js";
export type { GarchData, GarchMean, GarchParameters } from "./garchLikelihood.js";
export { garchAbnormalReturns } from "./garchEvent.js";
export type { GarchAbnormalReturns } from "./garchEvent.js";
export { abnormalVolatility, rangeVariance, rangeVolatilityTest } from "./volatility.js";
export type { AbnormalVolatility, RangeData, RangeEstimator, RangeVolatilityTest } from "./volatility.js";
export { DEFAULT_VOLUME_OFFSET, abnormalVolume, logVolume, rankTest } from "./volume.js";
export type { AbnormalVolume, AbnormalVolumeOptions, AbnormalVolumeWindow, LogVolume } from "./volume.js";
export { changePathChart, volumeChart } from "./charts.js";
export type { VolumeChartOptions } from "./charts.js";
