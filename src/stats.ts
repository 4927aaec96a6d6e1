/**
 * market-reaction/stats: the numerical kernels the library is built on — distributions
 * (normal, Student t, χ², F, incomplete beta and gamma), least squares (Householder QR, the
 * market model's closed form, O(1) windowed fits from prefix sums), Newey–West covariances,
 * compensated summary statistics, and the seeded random generator.
 *
 * Each is checked against R to about 1e-12 (scripts/golden/). They are exact building blocks
 * for users who compute their own statistics; an event study needs only the main entry.
 *
 * @packageDocumentation
 */
export { covariance, mean, neumaierError, sum, variance } from "./stats/summary.js";
export { logBeta, logGamma } from "./stats/gamma.js";
export { regularizedIncompleteBeta } from "./stats/beta.js";
export { normalCdf, normalQuantile, normalSf } from "./stats/normal.js";
export { studentTCdf, studentTQuantile, studentTSf, studentTTwoSided } from "./stats/studentT.js";
export { householderQr, olsQr, qrCovUnscaled, quadraticForm } from "./stats/qr.js";
export type { OlsResult, QrFactorization } from "./stats/qr.js";
export { simpleRegression } from "./stats/regression.js";
export type { SimpleRegressionFit, SimpleRegressionResult } from "./stats/regression.js";
export { emptyRegressionResult, marketModelFromPrefix, prefixSums } from "./stats/prefix.js";
export type { MarketModelPrefix } from "./stats/prefix.js";
export { createRandom, createRandomFromState } from "./stats/random.js";
export type { Random, RandomState } from "./stats/random.js";
export { chiSquareCdf, chiSquareSf, fisherFSf, regularizedGammaP, regularizedGammaQ } from "./stats/chiSquare.js";
export { bartlettWeights, hacCovariance, neweyWestLag, neweyWestMeat, sandwichProduct } from "./stats/hac.js";
export type { HacOptions, NeweyWestLagRule } from "./stats/hac.js";
export { waldStatistic } from "./inference/clustered/wald.js";
export type { WaldValues } from "./inference/clustered/wald.js";
