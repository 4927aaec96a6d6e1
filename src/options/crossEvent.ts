/**
 * The options of the cross-event tests as schemas: `crossEventTests`'s options, and the
 * `crossEvent` group of `eventStudy` (`tests`, `conventions`, `adjust`). The test names come
 * from the test registry.
 * @module
 */
import * as z from "zod";
import { TEST_NAMES } from "../inference/cross/types.js";
import type { Conventions, CrossEventOptions, PAdjustMethod, TestName } from "../inference/cross/types.js";
import { ADJUST_METHODS, CONVENTION_PROFILES } from "./enums.js";
import { type Assert, integer, offsetWindow, oneOf, optionsObject, type SameType } from "./schema.js";

const TESTS = `"all" or names from ${TEST_NAMES.join(", ")}`;
const testName = z.enum(TEST_NAMES as unknown as readonly [TestName, ...TestName[]], { error: TESTS });

/** `tests` of `crossEventTests`: `"all"` or a list of test names (an empty list runs none). */
const testsSchema = z.union([z.literal("all", { error: TESTS }), z.array(testName, { error: TESTS }).readonly()], { error: TESTS });

/** `crossEvent.tests` of `eventStudy`: `"all"` or a non-empty list of test names. */
export const studyTestsSchema = z.union(
  [z.literal("all", { error: TESTS }), z.array(testName, { error: TESTS }).min(1, { error: `"all" or a non-empty list of test names` }).readonly()],
  { error: TESTS },
);

const offset = integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "an array of integer offsets");

/** Options of `crossEventTests`. */
export const crossEventSchema = optionsObject({
  windows: z.array(offsetWindow("[start, end] with integer offsets, start ≤ end"), { error: "an array of [start, end] offsets" }).readonly(),
  tests: testsSchema.exactOptional(),
  conventions: oneOf(CONVENTION_PROFILES).exactOptional(),
  adjust: oneOf(ADJUST_METHODS).exactOptional(),
  days: z.array(offset, { error: "an array of integer offsets" }).readonly().exactOptional(),
});

/** The `crossEvent` group of `eventStudy`. */
export const studyCrossEventSchema = optionsObject({
  tests: studyTestsSchema.exactOptional(),
  conventions: oneOf(CONVENTION_PROFILES).exactOptional(),
  adjust: oneOf(ADJUST_METHODS).exactOptional(),
});

export type _CrossEventOptionsMatch = Assert<SameType<z.input<typeof crossEventSchema>, CrossEventOptions>>;
export type _ConventionsMatch = Assert<SameType<(typeof CONVENTION_PROFILES)[number], Conventions>>;
export type _AdjustMatch = Assert<SameType<(typeof ADJUST_METHODS)[number], PAdjustMethod>>;
