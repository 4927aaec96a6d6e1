/**
 * Abnormal returns: AR, exact prediction-error variances, SAR, CAR with the full covariance,
 * CAR paths and BHAR (the formulas are in docs/methods.md).
 * @module
 */
export { abnormalCovariance, abnormalReturns } from "./abnormal.js";
export { buyAndHoldAbnormalReturn, buyAndHoldReturn } from "./bhar.js";
export { cumulativeAbnormalReturn, cumulativeAbnormalReturnPath, cumulativeAbnormalReturns } from "./car.js";
export type {
  AbnormalReturns,
  AbnormalReturnsOptions,
  CarOptions,
  CarPath,
  CarResult,
  MissingPolicy,
  ReturnUnits,
} from "./types.js";
