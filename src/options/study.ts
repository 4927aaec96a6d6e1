/**
 * The options of `eventStudy` as a schema: the runtime check and the messages of every option
 * that is not data (the data — assets, market, factors, events — are checked where they are
 * read). The option types in `src/study/options.ts` are checked against it at compile time.
 * @module
 */
import * as z from "zod";
import { isTradingCalendar } from "../calendar/calendar.js";
import type { ExchangeInput, EstimationLength, NonTradingPolicy } from "../calendar/index.js";
import type { Exchange } from "../calendar/exchanges.js";
import { MODEL_PRESETS } from "../models/spec.js";
import type { FactorColumns, ReturnMethod } from "../returns/index.js";
import type { NeweyWestLagRule } from "../stats/hac.js";
import type { MarketEvent, Series, Window } from "../types.js";
import { studyCrossEventSchema, studyTestsSchema } from "./crossEvent.js";
import {
  ADJUST_METHODS,
  CONTAMINATION_POLICIES,
  CONVENTION_PROFILES,
  type HAC_LAG_RULES,
  NON_SYNCHRONOUS_POLICIES,
  NON_TRADING_POLICIES,
  RETURN_TYPES,
  SAME_DAY0_POLICIES,
} from "./enums.js";
import { studyPlaceboSchema } from "./placebo.js";
import { studyRegressionSchema } from "./regression.js";
import { accepted, type Assert, flag, integer, offsetWindow, oneOf, optionsObject, type SameType } from "./schema.js";
import type { ModelSpec } from "../models/types.js";

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null;
const WINDOW = "[start, end] with integer offsets, start ≤ end";

/** The model option: a preset of the model registry, `factors:COL,COL`, or a spec (checked by its model). */
export const MODEL_OPTION_EXPECTED = `one of ${MODEL_PRESETS.join(", ")}, or factors:COL,COL`;
const modelSchema = accepted<(typeof MODEL_PRESETS)[number] | `factors:${string}` | ModelSpec>(
  (m) => (typeof m === "string" && ((MODEL_PRESETS as readonly string[]).includes(m) || m.startsWith("factors:"))) || isObject(m),
  MODEL_OPTION_EXPECTED,
);

const estimationSchema = z.union(
  [
    offsetWindow(WINDOW),
    optionsObject(
      {
        length: integer(1, Number.MAX_SAFE_INTEGER, "a positive integer number of sessions"),
        gap: integer(0, Number.MAX_SAFE_INTEGER, "a non-negative integer number of sessions").exactOptional(),
      },
      "[start, end] or { length, gap }",
    ),
  ],
  { error: "[start, end] or { length, gap }" },
);

const exchangeSchema = accepted<ExchangeInput | Readonly<Record<string, ExchangeInput>>>(
  (e) => typeof e === "string" || isTradingCalendar(e) || isObject(e),
  "a MIC, an Exchange, a TradingCalendar, or a record from asset id to one of those",
);

/** Options of `eventStudy`. */
export const studySchema = optionsObject({
  assets: accepted<readonly Series[] | { readonly series: readonly Series[] }>(
    (a) => Array.isArray(a) || (isObject(a) && Array.isArray((a as { series?: unknown }).series)),
    "an array of series or a SeriesTable",
  ),
  market: accepted<Series | string>((m) => typeof m === "string" || isObject(m), "a Series or the id of one of the assets").exactOptional(),
  factors: accepted<FactorColumns>(isObject, "a factor table (parseFactorsCsv)").exactOptional(),
  events: accepted<readonly MarketEvent[]>(Array.isArray, "an array of statements (MarketEvent)"),
  model: modelSchema.exactOptional(),
  returnType: oneOf(RETURN_TYPES).exactOptional(),
  estimation: (estimationSchema as z.ZodType<Window | EstimationLength, Window | EstimationLength>).exactOptional(),
  windows: z
    .array(offsetWindow(WINDOW), { error: "one or more event windows [start, end]" })
    .min(1, { error: "one or more event windows [start, end]" })
    .readonly()
    .exactOptional(),
  exchange: exchangeSchema.exactOptional(),
  nonTrading: oneOf(NON_TRADING_POLICIES).exactOptional(),
  marketExchange: accepted<string | Exchange>((e) => typeof e === "string" || isObject(e), "a MIC or an Exchange").exactOptional(),
  nonSynchronous: oneOf(NON_SYNCHRONOUS_POLICIES).exactOptional(),
  sameDay0: oneOf(SAME_DAY0_POLICIES).exactOptional(),
  contamination: oneOf(CONTAMINATION_POLICIES).exactOptional(),
  minEstimationObs: integer(1, Number.MAX_SAFE_INTEGER, "a positive integer").exactOptional(),
  sq: flag().exactOptional(),
  strict: flag().exactOptional(),
  regression: z.union([flag(), studyRegressionSchema], { error: "true, false or an options object" }).exactOptional(),
  placebo: studyPlaceboSchema.exactOptional(),
  crossEvent: studyCrossEventSchema.exactOptional(),
  tests: studyTestsSchema.exactOptional(),
  conventions: oneOf(CONVENTION_PROFILES).exactOptional(),
  adjust: oneOf(ADJUST_METHODS).exactOptional(),
  onProgress: accepted<(progress: { readonly stage: "assets"; readonly done: number; readonly total: number }) => void>(
    (f) => typeof f === "function",
    "a function ({ stage, done, total }) => void",
  ).exactOptional(),
});

export type _NonTradingMatch = Assert<SameType<(typeof NON_TRADING_POLICIES)[number], NonTradingPolicy>>;
export type _ReturnTypeMatch = Assert<SameType<(typeof RETURN_TYPES)[number], ReturnMethod>>;
export type _HacLagRuleMatch = Assert<SameType<(typeof HAC_LAG_RULES)[number], NeweyWestLagRule>>;
