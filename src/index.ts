/**
 * market-reaction: event studies of market reactions to dated statements.
 *
 * The platform-neutral core: no Node built-ins, no DOM, no console output.
 * File and stream helpers live in `market-reaction/node`.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export type * from "./types.js";
export {
  dayKey,
  dayKeyFromIso,
  isoFromDayKey,
  dayOfWeek,
  civilDate,
  isValidTimeZone,
  localToInstant,
  instantToLocal,
  parseTimestamp,
  parseDate,
} from "./time/index.js";
export type { LocalTime, InstantResult, LocalTimeStatus, ParsedTimestamp, DateFormat } from "./time/index.js";
export * from "./io/index.js";
export * from "./calendar/index.js";
export * from "./stats/index.js";
export * from "./output/index.js";
export * from "./returns/index.js";
export * from "./models/index.js";
export * from "./abnormal/index.js";
export * from "./inference/index.js";
export * from "./study/index.js";
export * from "./intraday/index.js";
export * from "./measures/index.js";
