/**
 * Inference. For now the single-event tests (one asset, one statement): AR and CAR t tests and
 * the Gelbach–Helland–Klick SQ test (docs/methods.md).
 * @module
 */
export { arTTest, carTTest, sqNullDistribution, sqTest } from "./single.js";
export type { SqGaps, SqNullDistribution, SqOptions, SqTestOptions } from "./single.js";
export type { SingleTTestResult, SqTestResult, TestResult } from "./types.js";
export * from "./clustered/index.js";
export * from "./cross/index.js";
