/**
 * Intraday event studies on minute bars (issue 10): bar parsing, session grids, aggregation,
 * statement-to-bar alignment, minute windows with same-clock inference, and a chart spec.
 * @module
 */
export { parseBarsCsv, concatBars } from "../io/bars.js";
export type { BarSeries, BarTable, ParseBarsOptions } from "../io/bars.js";
export { sessionBars, aggregateBars } from "./sessions.js";
export type { BarSession, ExtendedHours, SessionBars, SessionBarsOptions } from "./sessions.js";
export { alignIntraday } from "./align.js";
export type { IntradayAlignment, IntradayAlignmentResult, IntradayRule, IntradaySkip } from "./align.js";
export { intradayStudy, parseMinuteWindow } from "./study.js";
export type { IntradayAbnormalRow, IntradayModel, IntradayReference, IntradayStudyOptions, IntradayStudyResult, MinuteWindow } from "./study.js";
export { intradayChartSpec } from "./chart.js";
export type { IntradayChartOptions } from "./chart.js";
export { isoInZone, isoUtc } from "./time.js";
