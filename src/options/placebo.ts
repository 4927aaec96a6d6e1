/**
 * The options of `placeboTest` as a schema: the `PlaceboOptions` type is checked against it at
 * compile time, its runtime check and messages come from it, and the study's `placebo` group is
 * a part of it.
 * @module
 */
import * as z from "zod";
import type { PlaceboOptions } from "../inference/clustered/types.js";
import type { ModelSpec } from "../models/types.js";
import { MAX_PLACEBO_DRAWS, PLACEBO_CONTAMINATION, PLACEBO_ENGINES, PLACEBO_REGIMES, PLACEBO_SPACINGS, RETURN_TYPES } from "./enums.js";
import { accepted, type Assert, integer, offsetWindow, oneOf, optionsObject, type SameType } from "./schema.js";

const INDEX = `an integer from 0 to ${Number.MAX_SAFE_INTEGER}`;
const STATISTIC = `{ type: "car" | "mean-car" | "wald", window?, event? }`;
const index = integer(0, Number.MAX_SAFE_INTEGER, INDEX);

/** The statistic of the placebo test. */
const statisticSchema = z.union(
  [
    optionsObject({ type: z.literal("car", { error: STATISTIC }), event: index.exactOptional(), window: index.exactOptional() }, STATISTIC),
    optionsObject({ type: z.literal("mean-car", { error: STATISTIC }), window: index.exactOptional() }, STATISTIC),
    optionsObject({ type: z.literal("wald", { error: STATISTIC }), window: index.exactOptional() }, STATISTIC),
  ],
  { error: STATISTIC },
);

const shape = {
  model: accepted<ModelSpec>((m) => typeof m === "object" && m !== null, "a model spec { type, … }").exactOptional(),
  estimation: offsetWindow().exactOptional(),
  windows: z.array(offsetWindow()).min(1, { error: "at least one window" }).readonly().exactOptional(),
  statistic: statisticSchema.exactOptional(),
  draws: integer(1, MAX_PLACEBO_DRAWS, `an integer from 1 to ${MAX_PLACEBO_DRAWS}`).exactOptional(),
  seed: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "a safe integer (placebo draws are seeded and the seed is reported)"),
  exclude: index.exactOptional(),
  regime: oneOf(PLACEBO_REGIMES).exactOptional(),
  volatilityWindow: integer(2, Number.MAX_SAFE_INTEGER, "an integer of at least 2 sessions").exactOptional(),
  minObs: index.exactOptional(),
  contamination: oneOf(PLACEBO_CONTAMINATION).exactOptional(),
  returnType: oneOf(RETURN_TYPES).exactOptional(),
  spacing: oneOf(PLACEBO_SPACINGS).exactOptional(),
  engine: oneOf(PLACEBO_ENGINES).exactOptional(),
};

/** Options of `placeboTest`. */
export const placeboSchema = optionsObject(shape, "an options object with a seed");

/** The `placebo` group of `eventStudy`: the placebo test's options a study lets you set. */
export const studyPlaceboSchema = optionsObject(
  { draws: shape.draws, seed: shape.seed, regime: shape.regime, exclude: shape.exclude, spacing: shape.spacing },
  "{ seed, draws?, regime?, exclude?, spacing? }",
);

export type _PlaceboOptionsMatch = Assert<SameType<z.input<typeof placeboSchema>, PlaceboOptions>>;
