/**
 * Exchanges, trading calendars, statement alignment, windows and overlap checks.
 * @module
 */
export {
  NYSE_FIRST_YEAR,
  NYSE_LAST_YEAR,
  nyseTradingDays,
  isNyseTradingDay,
  nyseHolidays,
  nyseEarlyCloses,
  nyseClosure,
  nyseOpenMinute,
  nyseCloseMinute,
} from "./nyse.js";
export type { NyseClosure, NyseEarlyClose } from "./nyse.js";
export { EXCHANGES, exchangeCodes, getExchange, validateExchange, sessionHoursOn, rulesOfExchange } from "./exchanges.js";
export type { Exchange, HolidayRules, PastSessionHours, SessionMinutes } from "./exchanges.js";
export { tradingCalendar, calendarFromSeries, checkCalendar, isTradingCalendar, weekdayName } from "./calendar.js";
export type { TradingCalendar, CalendarSource, CalendarCheck } from "./calendar.js";
export { calendarDays } from "./listing.js";
export type { CalendarDayRow } from "./listing.js";
export { compareDays, dataCalendarWarning, betterExchange, sessionsFromData, projectedWarning, disagreesOften } from "./dataCheck.js";
export type { DaysComparison } from "./dataCheck.js";
export type { ExchangeRules, DayRule, DateSpec, DateSeries, Observance, SpecialHoursRule, HoursPeriod, TradingWeek } from "./rules/types.js";
export { CALENDAR_RULES } from "./rules/registry.js";
export { alignEvents, safeAlignEvents, parseNonTradingPolicy } from "./align.js";
export { plainAlignmentRow } from "./alignRow.js";
export type {
  AlignOptions,
  AlignmentResult,
  AlignmentRow,
  AlignmentRule,
  ExchangeInput,
  NonTradingPolicy,
  SessionClass,
  SkippedAlignment,
} from "./align.js";
export { normalizeWindows, resolveWindows, safeResolveWindows } from "./windows.js";
export type { EstimationLength, NormalizedWindows, ResolvedRange, ResolvedWindows, WindowSpec } from "./windows.js";
export { checkOverlaps, estimationMask } from "./overlaps.js";
export type {
  ClusterMember,
  ContaminationRecord,
  EstimationSample,
  OverlapCluster,
  OverlapEvent,
  OverlapOptions,
  OverlapPair,
  OverlapResult,
} from "./overlaps.js";
