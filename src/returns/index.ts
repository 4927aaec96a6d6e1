/**
 * Returns: simple and log returns from prices, and asset, market and factor returns aligned
 * on the sessions of an exchange calendar with an explicit missing-data policy.
 * @module
 */
export { computeReturns, priceReturn, checkReturnType } from "./returns.js";
export type { ReturnMethod } from "./returns.js";
export { alignReturns, RETURN_FLAGS } from "./align.js";
export type { AlignReturnsOptions, AlignedReturns, FactorColumns } from "./align.js";
