/**
 * Cross-event inference: AAR/CAAR and the test battery (docs/tests.md) with the `textbook` and
 * `estudy2` convention profiles, plus Holm/BH adjustments.
 * @module
 */
export { crossEventTests } from "./crossEventTests.js";
export { adjustAcrossResults, adjustPValues } from "./adjust.js";
export { crossSectionalTTest } from "./crossSectionalT.js";
export { timeSeriesTTest } from "./timeSeriesT.js";
export type { PortfolioTestOptions } from "./timeSeriesT.js";
export { brownWarner1980Test } from "./bw1980.js";
export { adjustedPatellTest, patellTest } from "./patell.js";
export { adjustedBmpTest, bmpTest } from "./bmp.js";
export { averageResidualCorrelation } from "./correlation.js";
export type { AverageCorrelation, DatedSeries } from "./correlation.js";
export { skewnessAdjustedTTest } from "./skewnessAdjustedT.js";
export { jackknifeTest } from "./jackknife.js";
export { generalizedSignProbability, generalizedSignTest, signTest } from "./sign.js";
export type { SignProbabilityPooling } from "./sign.js";
export { corradoRankTest } from "./corradoRank.js";
export type { RankTestOptions } from "./corradoRank.js";
export { corradoZivneyRankTest } from "./corradoZivneyRank.js";
export { corradoZivneySignTest } from "./corradoZivneySign.js";
export { grankTest } from "./grank.js";
export type { GrankResult } from "./grank.js";
export { signedRankDistribution, wilcoxonSignedRankTest } from "./wilcoxon.js";
export type { WilcoxonOptions } from "./wilcoxon.js";
export { lambTest } from "./lamb.js";
export { averageByKey } from "./pooled.js";
export type { KeyedSeries, RankDivisor } from "./pooled.js";
export { TEST_NAMES } from "./types.js";
export type {
  Conventions,
  CrossEvent,
  CrossEventOptions,
  CrossEventResult,
  CrossTestResult,
  DailyRow,
  PAdjustMethod,
  TestName,
  TestResults,
  WindowRow,
} from "./types.js";
