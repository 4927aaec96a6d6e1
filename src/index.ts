/**
 * market-reaction: event studies of market reactions to dated statements.
 *
 * The platform-neutral core: no Node built-ins, no DOM, no console output. File and stream
 * helpers live in `market-reaction/node`, the numerical kernels (distributions, least squares,
 * Newey–West, the seeded generator) in `market-reaction/stats`.
 *
 * Every public name is listed here explicitly (no `export *`): test/api/surface.json holds the
 * list of each entry, and test/api/surface.test.ts fails when it changes without that file.
 *
 * @packageDocumentation
 */
// errors
export { MarketReactionError, formatIssue, formatIssues, isMarketReactionError, toSafe } from "./errors.js";
export type { ErrorCode, Issue, SafeResult, Warning } from "./errors.js";
export { WARNING_CODES } from "./warnings.js";
export type { WarningCode } from "./warnings.js";

// types
export type { DayKey, MarketEvent, Series, SeriesKind, Window } from "./types.js";

// time
export { civilDate, dayKey, dayKeyFromIso, dayOfWeek, isoFromDayKey, weekdayName } from "./time/dayKey.js";
export { parseDate, parseTimestamp } from "./time/timestamp.js";
export type { DateFormat, ParsedTimestamp } from "./time/timestamp.js";
export { instantToLocal, isValidTimeZone, localToInstant } from "./time/zone.js";
export type { InstantResult, LocalTime, LocalTimeStatus } from "./time/zone.js";

// io
export { concatBars, parseBarsCsv } from "./io/bars.js";
export type { BarSeries, BarTable, ParseBarsOptions } from "./io/bars.js";
export { detectDelimiter } from "./io/csv.js";
export {
  DEFAULT_EVENT_TIMEZONE,
  EVENT_COLUMN_ALIASES,
  eventsFromRows,
  parseEventsCsv,
  parseEventsJson,
  safeEventsFromRows,
  safeParseEventsCsv,
  safeParseEventsJson,
} from "./io/events.js";
export { factorsFromRows, findFactorName, normalizeFactorName, parseFactorsCsv, safeFactorsFromRows, safeParseFactorsCsv } from "./io/factors.js";
export { serializeSeriesCsv } from "./io/serialize.js";
export { safeSeriesFromRows, seriesFromRows } from "./io/series.js";
export { createSeriesCsvParser, parseSeriesCsv, safeParseSeriesCsv } from "./io/stream.js";
export type { SeriesCsvParser } from "./io/stream.js";
export { parseSeriesParquet, seriesFromColumns } from "./io/parquet.js";
export type {
  ByteRangeSource,
  ColumnChunkData,
  NamedColumn,
  ParquetDateParsers,
  ParquetDecoder,
  ParquetMetadataLike,
  ParquetSchemaElementLike,
} from "./io/parquet.js";
export { parseVolumeCsv } from "./io/volume.js";
export type { ParseVolumeOptions } from "./io/volume.js";
export type {
  EventField,
  EventsTable,
  FactorFormat,
  FactorTable,
  ParseEventsOptions,
  ParseFactorsOptions,
  ParseSeriesOptions,
  ParsedEvent,
  SerializeSeriesOptions,
  SeriesFormat,
  SeriesTable,
} from "./io/types.js";

// calendar
export { alignEvents, parseNonTradingPolicy, safeAlignEvents } from "./calendar/align.js";
export { plainAlignmentRow } from "./calendar/alignRow.js";
export type {
  AlignOptions,
  AlignmentResult,
  AlignmentRow,
  AlignmentRule,
  ExchangeInput,
  NonTradingPolicy,
  SessionClass,
  SkippedAlignment,
} from "./calendar/align.js";
export { calendarFromSeries, checkCalendar, isTradingCalendar, tradingCalendar } from "./calendar/calendar.js";
export type { CalendarCheck, CalendarSource, TradingCalendar } from "./calendar/calendar.js";
export { EXCHANGES, exchangeCodes, getExchange, sessionHoursOn, validateExchange } from "./calendar/exchanges.js";
export type { Exchange, HolidayRules, PastSessionHours, SessionMinutes } from "./calendar/exchanges.js";
export {
  NYSE_FIRST_YEAR,
  NYSE_LAST_YEAR,
  isNyseTradingDay,
  nyseCloseMinute,
  nyseClosure,
  nyseEarlyCloses,
  nyseHolidays,
  nyseOpenMinute,
  nyseTradingDays,
} from "./calendar/nyse.js";
export type { NyseClosure, NyseEarlyClose } from "./calendar/nyse.js";
export { checkOverlaps, estimationMask } from "./calendar/overlaps.js";
export type { ContaminationRecord, EstimationSample, OverlapEvent, OverlapOptions, OverlapPair, OverlapResult } from "./calendar/overlaps.js";
export { normalizeWindows, resolveWindows, safeResolveWindows } from "./calendar/windows.js";
export type { EstimationLength, NormalizedWindows, ResolvedRange, ResolvedWindows, WindowSpec } from "./calendar/windows.js";
export { betterExchange, compareDays, dataCalendarWarning, disagreesOften, projectedWarning, sessionsFromData } from "./calendar/dataCheck.js";
export type { DaysComparison } from "./calendar/dataCheck.js";
export { rulesOfExchange } from "./calendar/exchanges.js";
export { calendarDays } from "./calendar/listing.js";
export type { CalendarDayRow } from "./calendar/listing.js";
export { CALENDAR_RULES } from "./calendar/rules/registry.js";
export type { DateSeries, DateSpec, DayRule, ExchangeRules, HoursPeriod, Observance, SpecialHoursRule, TradingWeek } from "./calendar/rules/types.js";

// returns
export { RETURN_FLAGS, alignReturns } from "./returns/align.js";
export type { AlignReturnsOptions, AlignedReturns, FactorColumns } from "./returns/align.js";
export { computeReturns, priceReturn } from "./returns/returns.js";
export type { ReturnMethod } from "./returns/returns.js";

// models
export { matchFactorName, modelLabel } from "./models/columns.js";
export { MAX_DIMSON_LAGS, dimsonNames } from "./models/dimson.js";
export { estimationIndices, fitModel, predictModel, safeFitModel } from "./models/model.js";
export type { IndexRange } from "./models/sample.js";
export { MODEL_PRESETS, modelPreset, validateModelSpec } from "./models/spec.js";
export type { ModelPresetName } from "./models/spec.js";
export type { FitOptions, ModelData, ModelFit, ModelPrediction, ModelSpec } from "./models/types.js";

// abnormal
export { abnormalCovariance, abnormalReturns } from "./abnormal/abnormal.js";
export { buyAndHoldAbnormalReturn, buyAndHoldReturn } from "./abnormal/bhar.js";
export { cumulativeAbnormalReturn, cumulativeAbnormalReturnPath, cumulativeAbnormalReturns } from "./abnormal/car.js";
export type { AbnormalReturns, AbnormalReturnsOptions, CarOptions, CarPath, CarResult, MissingPolicy, ReturnUnits } from "./abnormal/types.js";

// inference
export { placeboTest } from "./inference/clustered/placebo.js";
export { pairStatistics } from "./inference/clustered/placebo/tables.js";
export type { PairStatistics, PairStatisticsOptions } from "./inference/clustered/placebo/tables.js";
export { dummyRegression } from "./inference/clustered/regression.js";
export type {
  ClusteredData,
  ClusteredEvent,
  DummyCarRow,
  DummyRegressionOptions,
  DummyRegressionResult,
  DummySpecification,
  DuplicatePolicy,
  PlaceboOptions,
  PlaceboRegime,
  PlaceboResult,
  PlaceboStatistic,
  RegressionRow,
  VcovChoice,
  VolatilityCheck,
  WaldHypothesis,
  WaldRow,
} from "./inference/clustered/types.js";
export { volatilityCheck } from "./inference/clustered/volatility.js";
export type { VolatilityCheckOptions } from "./inference/clustered/volatility.js";
export { adjustAcrossResults, adjustPValues } from "./inference/cross/adjust.js";
export { adjustedBmpTest, bmpTest } from "./inference/cross/bmp.js";
export { brownWarner1980Test } from "./inference/cross/bw1980.js";
export { corradoRankTest } from "./inference/cross/corradoRank.js";
export type { RankTestOptions } from "./inference/cross/corradoRank.js";
export { corradoZivneyRankTest } from "./inference/cross/corradoZivneyRank.js";
export { corradoZivneySignTest } from "./inference/cross/corradoZivneySign.js";
export { averageResidualCorrelation } from "./inference/cross/correlation.js";
export type { AverageCorrelation, DatedSeries } from "./inference/cross/correlation.js";
export { crossEventTests } from "./inference/cross/crossEventTests.js";
export { crossSectionalTTest } from "./inference/cross/crossSectionalT.js";
export { grankTest } from "./inference/cross/grank.js";
export type { GrankResult } from "./inference/cross/grank.js";
export { jackknifeTest } from "./inference/cross/jackknife.js";
export { lambTest } from "./inference/cross/lamb.js";
export { adjustedPatellTest, patellTest } from "./inference/cross/patell.js";
export { averageByKey } from "./inference/cross/pooled.js";
export type { KeyedSeries, RankDivisor } from "./inference/cross/pooled.js";
export { generalizedSignProbability, generalizedSignTest, signTest } from "./inference/cross/sign.js";
export type { SignProbabilityPooling } from "./inference/cross/sign.js";
export { skewnessAdjustedTTest } from "./inference/cross/skewnessAdjustedT.js";
export { timeSeriesTTest } from "./inference/cross/timeSeriesT.js";
export type { PortfolioTestOptions } from "./inference/cross/timeSeriesT.js";
export { TEST_NAMES } from "./inference/cross/types.js";
export type {
  Conventions,
  CrossEvent,
  CrossEventOptions,
  CrossEventResult,
  CrossTestResult,
  DailyRow,
  PAdjustMethod,
  TestName,
  TestResults,
  WindowRow,
} from "./inference/cross/types.js";
export { signedRankDistribution, wilcoxonSignedRankTest } from "./inference/cross/wilcoxon.js";
export type { WilcoxonOptions } from "./inference/cross/wilcoxon.js";
export { arTTest, carTTest, sqNullDistribution, sqTest } from "./inference/single.js";
export type { SqGaps, SqNullDistribution, SqOptions, SqTestOptions } from "./inference/single.js";
export type { SingleTTestResult, SqTestResult, TestResult } from "./inference/types.js";
export { covarianceSentence, covarianceUse, meanCarSentence, volatilityAdvice } from "./inference/clustered/explain.js";
export type { CovarianceUse, VolatilityAdviceInput } from "./inference/clustered/explain.js";

// study
export { eventRow } from "./study/eventRows.js";
export { eventStudy } from "./study/eventStudy.js";
export { modelInputs, parseModelOption } from "./study/options.js";
export type { EventStudyOptions, ModelOption, StudyCrossEventOptions, StudyPlaceboOptions, StudyProgress, StudyRegressionOptions } from "./study/options.js";
export { estimationDaysOf, estimationOffsetsOf } from "./study/pair.js";
export type { PairResult } from "./study/pair.js";
export type {
  AbnormalRow,
  CarRow,
  EventMetadata,
  EventRow,
  ModelRow,
  SkippedRow,
  StudyRegressionCarRow,
  StudyRegressionRow,
  StudyWaldRow,
} from "./study/rows.js";
export { Study } from "./study/study.js";
export { mergeStudies, parseStudyPart, shardHead, studyPartToJSONText, studyShard } from "./study/shards/index.js";
export type { ShardHead, ShardSpec, StudyPart } from "./study/shards/index.js";
export type { StudyData, StudyTable } from "./study/study.js";
export { CLUSTER_ROBUST_TESTS, clusteringOf, mergeSameDay0 } from "./study/clustering.js";
export type { ClusteringInfo, DatedCrossEvent, SameDay0Policy } from "./study/clustering.js";
export { listingStart } from "./study/listing.js";
export type { ListingStart } from "./study/listing.js";
export { marketSessionOf, refineByMarketSession } from "./study/marketSession.js";
export { closeGapHours, synchronicityDiagnostics } from "./study/synchronicity.js";
export type { NonSynchronousPolicy, SynchronicityDiagnostics } from "./study/synchronicity.js";

// output
export { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, arChart, carChart, displayChart, readableAssetName, timelineChart } from "./output/charts.js";
export type { CarChartOptions, ChartDisplay, ChartOptions, ChartSource, TimelineChartOptions, TimelineEvent, VegaLiteSpec } from "./output/charts.js";
export { formatJson } from "./output/json.js";
export { CALENDAR_EDITION, LIBRARY_VERSION } from "./output/provenance.js";
export type { CalendarProvenance, Provenance, ProvenanceInputs, SeriesFingerprint } from "./output/provenance.js";
export { significanceStars, studyTable } from "./output/tables.js";
export type { StudyTableOptions, TableFormat, TableSource } from "./output/tables.js";
export { columnsOf, formatCsv, formatTextTable } from "./output/text.js";
export type { FormatCsvOptions, FormatTextTableOptions, Row } from "./output/text.js";
export { classifyWarnings, groupWarnings, warningLine, warningLines, warningSeverity } from "./output/warnings.js";
export type { ClassifiedWarning, GroupWarningsOptions, WarningGroup, WarningLine, WarningLinesOptions, WarningSeverity } from "./output/warnings.js";

// intraday
export { alignIntraday } from "./intraday/align.js";
export type { IntradayAlignment, IntradayAlignmentResult, IntradayRule, IntradaySkip } from "./intraday/align.js";
export { intradayChartSpec } from "./intraday/chart.js";
export type { IntradayChartOptions } from "./intraday/chart.js";
export type { IntradayModel } from "./intraday/model.js";
export { aggregateBars, sessionBars } from "./intraday/sessions.js";
export type { BarSession, ExtendedHours, SessionBars, SessionBarsOptions } from "./intraday/sessions.js";
export { intradayStudy, parseMinuteWindow } from "./intraday/study.js";
export type { IntradayAbnormalRow, IntradayReference, IntradayStudyOptions, IntradayStudyResult } from "./intraday/study.js";
export type { MinuteWindow } from "./intraday/windows.js";

// measures
export { fitGarch, garchFitAt, garchForecast } from "./measures/garch.js";
export { changePathChart, volumeChart } from "./measures/charts.js";
export type { VolumeChartOptions } from "./measures/charts.js";
export type { GarchFit, GarchOptions } from "./measures/garch.js";
export { garchAbnormalReturns } from "./measures/garchEvent.js";
export type { GarchAbnormalReturns } from "./measures/garchEvent.js";
export { garchLogLikelihood } from "./measures/garchLikelihood.js";
export type { GarchData, GarchMean, GarchParameters } from "./measures/garchLikelihood.js";
export { abnormalVolatility, rangeVariance, rangeVolatilityTest } from "./measures/volatility.js";
export type { AbnormalVolatility, RangeData, RangeEstimator, RangeVolatilityTest } from "./measures/volatility.js";
export { DEFAULT_VOLUME_OFFSET, abnormalVolume, logVolume, rankTest } from "./measures/volume.js";
export type { AbnormalVolume, AbnormalVolumeOptions, AbnormalVolumeWindow, LogVolume } from "./measures/volume.js";
