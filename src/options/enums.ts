/**
 * The enumerated option values of the library, each listed once: the option schemas, the
 * option types, the error messages and the CLI's choices and help lines all read these lists.
 * Plain data with no imports, so that any module (the CLI included) can read them.
 * @module
 */

/** `returnType` (`--return-type`): simple or log returns. */
export const RETURN_TYPES = ["simple", "log"] as const;
/** `nonTrading` (`--non-trading`): where a statement on a non-trading day goes. */
export const NON_TRADING_POLICIES = ["next", "previous", "drop", "error"] as const;
/** `contamination` (`--contamination`) of `eventStudy`: other statements' windows in estimation samples. */
export const CONTAMINATION_POLICIES = ["exclude", "keep"] as const;
/** `nonSynchronous` (`--non-synchronous`). */
export const NON_SYNCHRONOUS_POLICIES = ["dimson", "ignore"] as const;
/** `sameDay0` (`--same-day0`). */
export const SAME_DAY0_POLICIES = ["merge", "keep"] as const;
/** `crossEvent.conventions` (`--conventions`): convention profile of the cross-event tests. */
export const CONVENTION_PROFILES = ["textbook", "estudy2"] as const;
/** `crossEvent.adjust` (`--adjust`): multiple-testing adjustment of the cross-event p-values. */
export const ADJUST_METHODS = ["none", "holm", "bh"] as const;
/** `specification` of the dummy-variable regression (`--dummies`). */
export const DUMMY_SPECIFICATIONS = ["event", "pooled"] as const;
/** The named rules of the Newey–West lag (`hacLag`, `--hac-lag`). */
export const HAC_LAG_RULES = ["nw1994", "cube-root"] as const;
/** `vcov` of the dummy-variable regression. */
export const VCOV_CHOICES = ["auto", "hac", "ols"] as const;
/** `duplicates` of the dummy-variable regression. */
export const DUPLICATE_POLICIES = ["merge", "error"] as const;
/** `regime` of the placebo test (`--regime`). */
export const PLACEBO_REGIMES = ["volatility", "quarter", "none"] as const;
/** `spacing` of the placebo test. */
export const PLACEBO_SPACINGS = ["keep", "independent"] as const;
/** `contamination` of `placeboTest`. */
export const PLACEBO_CONTAMINATION = ["include", "exclude"] as const;
/** `engine` of `placeboTest`. */
export const PLACEBO_ENGINES = ["auto", "fitModel"] as const;
/** `type` of the placebo statistic. */
export const PLACEBO_STATISTICS = ["car", "mean-car", "wald"] as const;
/** `model` of `intradayStudy` (`intraday --model`). */
export const INTRADAY_MODELS = ["zero-mean", "constant-mean", "market"] as const;
/** `reference` of `intradayStudy` (`intraday --reference`). */
export const INTRADAY_REFERENCES = ["auto", "same-clock", "prior-bars"] as const;

/** `dateFormat` of the parsers (`--date-format`). */
export const DATE_FORMATS = ["auto", "YYYY-MM-DD", "YYYYMMDD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY"] as const;
/** `unit` of the factor parsers (`--factor-unit`). */
export const FACTOR_UNITS = ["auto", "percent", "decimal"] as const;
/** `levelUnit` of the series parsers (`--level-unit`). */
export const LEVEL_UNITS = ["percent", "points"] as const;

/** The largest number of placebo draws accepted (ten million). */
export const MAX_PLACEBO_DRAWS = 10_000_000;
/** The most lagged returns the dummy-variable regression adds as controls. */
export const MAX_REGRESSION_LAGS = 20;
