/**
 * The options of `intradayStudy` as a schema: its runtime check and messages come from it, and
 * the `IntradayStudyOptions` type is checked against it at compile time (in `intraday/study.ts`).
 * @module
 */
import * as z from "zod";
import type { TradingCalendar } from "../calendar/calendar.js";
import type { Exchange } from "../calendar/exchanges.js";
import type { BarSeries } from "../io/bars.js";
import type { SessionBars } from "../intraday/sessions.js";
import type { MarketEvent } from "../types.js";
import { INTRADAY_MODELS, INTRADAY_REFERENCES, NON_TRADING_POLICIES } from "./enums.js";
import { accepted, flag, integer, oneOf, optionsObject, positiveNumber } from "./schema.js";

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null;
const WINDOW = 'pairs [a, b] of whole minutes with a < b, or text such as "-10m,+20m"';
const minutes = z.number({ error: WINDOW }).int({ error: WINDOW });
const bars = accepted<BarSeries | SessionBars>(isObject, "bars (a BarSeries from parseBarsCsv, or a grid from sessionBars)");

/** Options of `intradayStudy`. */
export const intradayStudySchema = optionsObject({
  bars,
  events: z.array(accepted<MarketEvent>(isObject, "an array of MarketEvent objects"), { error: "an array of MarketEvent objects" }).readonly(),
  windows: z
    .array(z.union([z.string({ error: WINDOW }), z.tuple([minutes, minutes], { error: WINDOW }).readonly()], { error: WINDOW }))
    .readonly()
    .exactOptional(),
  model: oneOf(INTRADAY_MODELS).exactOptional(),
  benchmark: bars.exactOptional(),
  exchange: accepted<string | Exchange | TradingCalendar>(
    (v) => typeof v === "string" || isObject(v),
    "a MIC, an Exchange or a TradingCalendar",
  ).exactOptional(),
  interval: integer(1, 240, "a whole number of minutes from 1 to 240").exactOptional(),
  extendedHours: z
    .union([flag(), optionsObject({ from: z.string({ error: "a time HH:MM" }), to: z.string({ error: "a time HH:MM" }) }, "true, false or { from, to }")], {
      error: "true, false or { from, to }",
    })
    .exactOptional(),
  delever: positiveNumber("a positive leverage factor such as 3").exactOptional(),
  reference: oneOf(INTRADAY_REFERENCES).exactOptional(),
  lookback: integer(1, Number.MAX_SAFE_INTEGER, "a positive whole number of sessions").exactOptional(),
  minSessions: integer(3, Number.MAX_SAFE_INTEGER, "a whole number of at least 3").exactOptional(),
  minBars: integer(3, Number.MAX_SAFE_INTEGER, "a whole number of at least 3").exactOptional(),
  crossClose: flag().exactOptional(),
  asset: z.string({ error: "a string" }).exactOptional(),
  excludeStatementWindows: flag().exactOptional(),
  nonTrading: oneOf(NON_TRADING_POLICIES).exactOptional(),
});
