/**
 * Clustered statements on one series: dummy-variable (event-parameter) regression with
 * Newey–West HAC errors and Wald tests, placebo (pseudo-event) inference, and the
 * event-volatility warning (docs/clustered.md).
 * @module
 */
export { dummyRegression } from "./regression.js";
export { pairStatistics, placeboTest } from "./placebo.js";
export type { PairStatistics, PairStatisticsOptions } from "./placebo.js";
export { volatilityCheck } from "./volatility.js";
export type { VolatilityCheckOptions } from "./volatility.js";
export { waldStatistic } from "./wald.js";
export { covarianceUse, covarianceSentence, meanCarSentence, volatilityAdvice } from "./explain.js";
export type { CovarianceUse, VolatilityAdviceInput } from "./explain.js";
export type { WaldValues } from "./wald.js";
export type {
  DummyCarRow,
  ClusteredData,
  ClusteredEvent,
  DummyRegressionOptions,
  DummyRegressionResult,
  DummySpecification,
  DuplicatePolicy,
  PlaceboOptions,
  PlaceboRegime,
  PlaceboResult,
  PlaceboStatistic,
  RegressionRow,
  VcovChoice,
  VolatilityCheck,
  WaldHypothesis,
  WaldRow,
} from "./types.js";
