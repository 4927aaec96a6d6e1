/**
 * The catalogue of warning codes: every code a result's `warnings` (or a `skipped` row, besides
 * the error codes) can carry, with its meaning. docs/warnings.md lists the same codes, and a test
 * checks that every code the library emits is here and there.
 * @module
 */

/**
 * Every warning code with what it means. Codes are stable: a code is never renamed, new ones
 * may be added.
 * @example
 * ```ts
 * WARNING_CODES.THIN_TRADING; // => "At least 10% (and 5) of an asset's returns are exactly zero (stale prices): market-model betas are biased towards zero; the Scholes-Williams or Dimson model corrects for it."
 * Object.keys(WARNING_CODES).includes("OVERLAPPING_WINDOWS"); // => true
 * ```
 */
export const WARNING_CODES = {
  // reading data
  EMPTY_SERIES: "A series of the file has no values; it was left out.",
  MISSING_VALUES: "Rows without a value were dropped (the first ones are named).",
  UNSORTED_ROWS: "The rows were not in date order; they were sorted.",
  REVERSED_ROWS: "The rows were newest first; they were reversed to ascending dates.",
  TRAILING_ROWS_IGNORED: "A factor file's daily data end before the file does (e.g. annual tables follow); the later lines were ignored.",
  FACTOR_UNIT_ASSUMED: "Factor values were taken to be in percent or decimals from their typical size; pass the unit to say so.",
  FACTOR_UNIT_SUSPECT: "Factor values were read in the unit given, but their typical size looks like the other unit.",
  RETURN_UNIT_SUSPECT: "Returns were read as percent (divided by 100), but their typical size looks like decimal returns.",
  LEVEL_UNIT_SUSPECT: "A level series was read in percent (kept in basis points), but its typical size is no rate in percent.",
  AMBIGUOUS_THOUSANDS: "Numbers such as 1,234 were read with a thousands separator that could be the decimal separator, and no value of the column settles it.",
  BAR_RANGE_INCONSISTENT: "Bars whose high is below their low, or whose open or close lies outside [low, high]: the columns may be mislabelled.",
  ENCODING_FALLBACK: "A file was not valid UTF-8 and was decoded as Windows-1252.",
  MISSING_CLOSE: "Bar rows without a close were dropped.",
  UNSORTED_BARS: "Bars were not in time order; they were sorted.",
  AMBIGUOUS_LOCAL_TIME: "Bar times written without an offset occur twice in the zone (clocks put back); the earlier instant was used.",
  // calendars and alignment
  APPROXIMATE_CALENDAR: "The exchange's calendar is weekdays only (no holidays known); day 0 may fall on a holiday.",
  DATE_ONLY_TIMESTAMP: "A statement said to have minute precision has no time of day; it was aligned as a date-only statement.",
  ROLLED_TO_NEXT_SESSION: "Statements on a non-trading day have day 0 on the next session (one warning per exchange, the statements in subjects).",
  ROLLED_TO_PREVIOUS_SESSION: "Statements on a non-trading day have day 0 on the previous session (nonTrading: previous; one warning per exchange).",
  EVENT_DROPPED: "A statement on a non-trading day was dropped (nonTrading: drop).",
  NON_TRADING_DAY: "A statement falls on a day without a session (a skipped row when it was dropped).",
  OFF_CALENDAR_ROWS: "Rows of a series are dated on days that are not sessions of its exchange; they were left out.",
  OUTSIDE_CALENDAR_ROWS: "Rows of a series lie outside the range of its exchange's calendar; they were left out.",
  DATA_CALENDAR_MISMATCH: "An asset's trading days disagree with the built-in calendar of its exchange (the days are named); check the exchange.",
  PROJECTED_CALENDAR: "Statements fall after the last year whose holiday tables were checked: their sessions are projected from the rules.",
  SESSIONS_FROM_DATA: "The exchange has no built-in holiday rules: its sessions were taken from the data of the assets listed on it.",
  NON_SYNCHRONOUS_BENCHMARK:
    "The benchmark closes at another time than the asset's exchange: same-day returns are not synchronous (a lead/lag model is advised).",
  LATE_LISTING: "An asset's first return comes after the start of the earliest estimation window (a late listing): its samples are shorter.",
  // returns on the asset's calendar
  MULTI_SESSION_RETURN: "A missing price makes a return span several sessions; it is left out, not attributed to one session.",
  MISSING_ASSET_RETURNS: "Sessions of the asset have no return (missing prices).",
  BENCHMARK_NOT_COVERED: "Sessions of the asset lie outside the benchmark's (or factors') data.",
  EMPTY_BENCHMARK_INTERVAL: "The benchmark has no return between the previous session and a session of the asset, so that session has none.",
  MISSING_BENCHMARK_VALUE: "A missing benchmark value inside an interval makes its compounded return missing.",
  STALE_BENCHMARK_PRICE: "The benchmark has no price after the previous session (a stale as-of price), so its return there is missing.",
  THIN_TRADING:
    "At least 10% (and 5) of an asset's returns are exactly zero (stale prices): market-model betas are biased towards zero; the Scholes-Williams or Dimson model corrects for it.",
  // windows and estimation samples
  OVERLAPPING_WINDOWS: "Event windows of two statements on the same sessions overlap: their CARs are not separate effects.",
  ESTIMATION_CONTAMINATED: "Another statement's event window falls in an estimation window (removed under contamination: exclude).",
  TIME_COLUMN_JOINED: "The time of day was read from its own column and joined to the date.",
  DAY0_NOT_IN_DAYS: "A statement's day 0 is not one of the sessions given to the overlap check.",
  MISSING_EVENT_RETURNS: "Some event-window sessions of a pair have no abnormal return; CARs over them are null.",
  SHORT_ESTIMATION_SAMPLE: "The data start after the asked-for start of the estimation sample; a shorter sample was used.",
  // inference
  HIGH_EVENT_VOLATILITY: "Returns around the statements are much more volatile than in the estimation period: t and SQ p-values may be too small.",
  REGRESSION_FAILED: "The dummy-variable regression of a series could not be fitted (the reason is in the message).",
  HAC_LAG_LARGE:
    "The Newey-West lag is above a quarter of the regression observations: HAC standard errors shrink towards zero and t statistics overstate significance.",
  MERGED_EVENT_DUMMIES: "Dummies of different statements fall on one session and were merged into one term (not separately identified).",
  PLACEBO_DRAWS_REPEAT:
    "The placebo draws outnumber the distinct pseudo-date sets the data allow: draws repeat sets and no p-value below 1/(sets + 1) is supported.",
  SMALL_ELIGIBLE_SET: "A placebo stratum has fewer than 20 eligible sessions: the null distribution repeats few dates.",
  DUPLICATE_DAY0: "Statements share a day 0: their CARs are identical and count several times in the placebo statistic.",
  CLUSTERED_STATEMENTS: "The statements' event windows overlap but independent pseudo-dates rarely do: use spacing: keep.",
  CONVENTIONS_FALLBACK: "The estudy2 conventions need complete data on common dates; textbook statistics were reported instead.",
  ESTIMATION_OFFSETS_MISSING: "Event-time pooling had no estimation offsets and the windows differ: they were aligned at their ends.",
  UNBALANCED_WINDOW: "Some events lack a complete window: the sum of AARs and the mean CAR differ.",
  SAME_DAY0_MERGED: "Statements share a day 0 on an asset: their pairs have identical abnormal returns and were merged into one for the cross-event tests.",
  CLUSTERED_EVENT_DATES: "Many pairs share their day 0 with pairs of other assets: cross-sectional correlation makes the plain cross-event tests over-reject.",
  // volume
  ZERO_VOLUME: "Sessions with zero volume: the log volume uses the offset (log(volume + offset)).",
  NEGATIVE_VOLUME: "Sessions with negative volume were set to missing.",
  // intraday
  BARS_OFF_GRID: "Bars that do not start on the interval grid from the open were dropped.",
  BARS_ON_NON_TRADING_DAY: "Bars on days without a session were dropped.",
  BARS_OUTSIDE_SESSION: "Bars outside the session (or the extended hours asked for) were dropped.",
  BAR_GAPS: "Bars are missing inside sessions; prices are carried forward.",
  DUPLICATE_BARS: "Bars fell in an occupied slot and were dropped.",
  SESSIONS_WITHOUT_BARS: "Sessions between the first and last bar have no bars.",
  DELEVER_MISMATCH: "A leveraged ETF's bar returns are not about k times as volatile as the benchmark's: the leverage factor given may be wrong.",
  DELEVERED_PROXY: "Returns of a leveraged ETF were divided by its leverage to proxy the index (an approximation).",
  WINDOW_TRUNCATED: "A minute window was cut at the open or the close (crossClose continues it into the next session).",
  MISSING_BARS_IN_WINDOW: "Bars are missing inside a minute window; the price was carried forward.",
  FEW_REFERENCE_SESSIONS: "Fewer same-clock reference sessions than asked for (minSessions).",
  INSUFFICIENT_REFERENCE: "Too few reference bars before a window: z is not computed.",
  REFERENCE_FALLBACK: "Too few same-clock sessions: sd is scaled from the per-bar volatility of earlier bars, and no empirical p-value is given.",
  DATE_ONLY: "A date-only statement was skipped by an intraday study (it needs a time of day).",
  NO_BARS: "A statement was skipped: the bars have no session for it.",
  OTHER_ASSET: "A statement about another asset was skipped.",
} as const;

/** A warning code of the catalogue ({@link WARNING_CODES}). */
export type WarningCode = keyof typeof WARNING_CODES;
