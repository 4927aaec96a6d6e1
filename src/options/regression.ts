/**
 * The options of `dummyRegression` as a schema: the `DummyRegressionOptions` type is checked
 * against it at compile time, its runtime check and messages come from it, and the study's
 * `regression` group is a part of it.
 * @module
 */
import * as z from "zod";
import type { DummyRegressionOptions } from "../inference/clustered/types.js";
import { DUMMY_SPECIFICATIONS, DUPLICATE_POLICIES, HAC_LAG_RULES, MAX_REGRESSION_LAGS, VCOV_CHOICES } from "./enums.js";
import { accepted, type Assert, flag, integer, offsetWindow, oneOf, optionsObject, positiveNumber, type SameType } from "./schema.js";

const HAC_LAG = `a non-negative integer, ${HAC_LAG_RULES.map((r) => JSON.stringify(r)).join(" or ")}`;
const SESSIONS = `an integer from 0 to ${Number.MAX_SAFE_INTEGER}`;

/** The Newey–West lag: a whole number of lags, or a named rule. */
export const hacLagSchema = z.union([integer(0, Number.MAX_SAFE_INTEGER, HAC_LAG), z.enum(HAC_LAG_RULES, { error: HAC_LAG })], { error: HAC_LAG });

/** Options of `dummyRegression`. */
export const dummyRegressionSchema = optionsObject({
  specification: oneOf(DUMMY_SPECIFICATIONS).exactOptional(),
  window: offsetWindow().exactOptional(),
  carWindows: z.array(offsetWindow()).readonly().exactOptional(),
  controls: z
    .array(z.string({ error: `"market" or factor names` }))
    .readonly()
    .exactOptional(),
  lags: integer(0, MAX_REGRESSION_LAGS, `an integer from 0 to ${MAX_REGRESSION_LAGS}`).exactOptional(),
  estimation: integer(0, Number.MAX_SAFE_INTEGER, SESSIONS).exactOptional(),
  after: integer(0, Number.MAX_SAFE_INTEGER, SESSIONS).exactOptional(),
  hacLag: hacLagSchema.exactOptional(),
  hacAdjust: flag().exactOptional(),
  vcov: oneOf(VCOV_CHOICES).exactOptional(),
  duplicates: oneOf(DUPLICATE_POLICIES).exactOptional(),
  hypotheses: z
    .array(accepted<NonNullable<DummyRegressionOptions["hypotheses"]>[number]>((h) => typeof h === "object" && h !== null, "{ hypothesis, rows, rhs? }"))
    .readonly()
    .exactOptional(),
  volatilityRatio: positiveNumber("a positive number (ratio of standard deviations)").exactOptional(),
});

/** The `regression` group of `eventStudy`: the dummy regression's options a study lets you set. */
export const studyRegressionSchema = optionsObject({
  specification: dummyRegressionSchema.def.innerType.shape.specification,
  hacLag: dummyRegressionSchema.def.innerType.shape.hacLag,
  hacAdjust: dummyRegressionSchema.def.innerType.shape.hacAdjust,
  lags: dummyRegressionSchema.def.innerType.shape.lags,
  vcov: dummyRegressionSchema.def.innerType.shape.vcov,
});

export type _DummyRegressionOptionsMatch = Assert<SameType<z.input<typeof dummyRegressionSchema>, DummyRegressionOptions>>;
