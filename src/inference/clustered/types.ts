/**
 * Types of the clustered-statement family (one series, several statements): the
 * dummy-variable (event-parameter) regression with Newey–West errors and Wald tests, and
 * placebo (pseudo-event) inference. Result rows use the snake_case field names of the tidy
 * JSON output (`regression`, `wald`, `placebo`).
 *
 * @module
 */
import type { DUMMY_SPECIFICATIONS, DUPLICATE_POLICIES, PLACEBO_REGIMES, VCOV_CHOICES } from "../../options/enums.js";
import type { Warning } from "../../errors.js";
import type { ModelSpec } from "../../models/types.js";
import type { NeweyWestLagRule } from "../../stats/hac.js";
import type { DayKey, Window } from "../../types.js";

/** A statement placed on the series' sessions: its id and its day 0 (a session of `days`). */
export interface ClusteredEvent {
  readonly id: string;
  /** Day 0 as a day key or an ISO date `YYYY-MM-DD`; must be one of the data's sessions. */
  readonly day0: DayKey | string;
}

/** One return series with optional controls on one session index (an `AlignedReturns` fits). */
export interface ClusteredData {
  /** Sessions (day keys), ascending, one per element of `asset`. */
  readonly days: Int32Array;
  /** Returns of the series studied; `NaN` = missing. */
  readonly asset: Float64Array;
  /** A market / world index return on the same sessions (control `"market"`). */
  readonly market?: Float64Array;
  /** Factor returns (decimal units) on the same sessions, by name. */
  readonly factors?: Readonly<Record<string, Float64Array>>;
}

/**
 * Which dummies enter the regression:
 * - `event`: one dummy per statement and offset, `D_{j,k,t} = 1[t = t_j + k]` (terms `E17[-1]`,
 *   `E17[0]`, `E17[+1]`); dummies of different statements that fall on the same session are the
 *   same column and are merged into one term (see {@link DuplicatePolicy}).
 * - `pooled`: one coefficient per offset, `E_{k,t} = Σ_j D_{j,k,t}` (terms `pooled[-1]`, …).
 */
export type DummySpecification = (typeof DUMMY_SPECIFICATIONS)[number];

/**
 * What to do when dummies of several statements fall on the same session (identical columns,
 * a singular design): `merge` (default) keeps one term named after all of them
 * (`E10[+1]=E17[-1]`) and adds a `MERGED_EVENT_DUMMIES` warning; `error` throws
 * `SINGULAR_DESIGN` naming the statements.
 */
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/**
 * Covariance used for `statistic`, `p_value` and the Wald tests:
 * - `auto` (default): Newey–West, except for quantities that load on a session with leverage
 *   one (a session isolated by its own dummy, whose residual is zero by construction, so HAC
 *   cannot see its variance); those use the OLS covariance (the forecast-error variance of
 *   MacKinlay 1997). Each row says which (`vcov`).
 * - `hac`: Newey–West for everything (what `lmtest::coeftest(fit, vcov = NeweyWest(…))` prints).
 * - `ols`: the homoskedastic `s²(XᵀX)⁻¹` for everything.
 */
export type VcovChoice = (typeof VCOV_CHOICES)[number];

/** A linear hypothesis on the coefficients: rows `Σ_term c·β_term = rhs`. */
export interface WaldHypothesis {
  /** Name shown in the `hypothesis` column. */
  readonly hypothesis: string;
  /** One object per restriction: coefficient name → weight (names as in `terms`). */
  readonly rows: readonly Readonly<Record<string, number>>[];
  /** Right-hand sides (default zeros). */
  readonly rhs?: readonly number[];
}

/** Options of {@link dummyRegression}. */
export interface DummyRegressionOptions {
  /** `event` (default) or `pooled`. */
  readonly specification?: DummySpecification;
  /** Event window `[a, b]` of offsets covered by dummies; default `[-1, 1]`. */
  readonly window?: Window;
  /** Windows (inside `window`) over which CARs are reported; default `[window]`. */
  readonly carWindows?: readonly Window[];
  /**
   * Control regressors: `"market"` and/or factor names of `data.factors`. Default `["market"]`
   * when `data.market` is given, else none (the constant-mean model).
   */
  readonly controls?: readonly string[];
  /** Number of lagged returns of the series added as controls (`lag1` … `lagP`); default 0. */
  readonly lags?: number;
  /** Sessions before the first event window that start the sample; default 250. */
  readonly estimation?: number;
  /** Sessions after the last event window kept in the sample; default 0. */
  readonly after?: number;
  /** Newey–West lag: a number, or the rule `nw1994` (default) or `cube-root`. */
  readonly hacLag?: number | NeweyWestLagRule;
  /** Small-sample factor T/(T−K) on the HAC covariance; default false. */
  readonly hacAdjust?: boolean;
  /** Covariance for statistics and tests; default `auto`. */
  readonly vcov?: VcovChoice;
  /** Handling of identical dummy columns; default `merge`. */
  readonly duplicates?: DuplicatePolicy;
  /** Extra Wald hypotheses, in addition to the default ones. */
  readonly hypotheses?: readonly WaldHypothesis[];
  /** Ratio of event-period to estimation volatility that triggers `HIGH_EVENT_VOLATILITY`; default 2. */
  readonly volatilityRatio?: number;
}

/** One coefficient: a `regression` row of the JSON output. */
export interface RegressionRow {
  readonly term: string;
  /** `intercept`, `control`, `lag`, `event` or `pooled`. */
  readonly kind: "intercept" | "control" | "lag" | "event" | "pooled";
  readonly estimate: number;
  /** OLS standard error √(s²(XᵀX)⁻¹_jj). */
  readonly std_error: number;
  /** Newey–West standard error. */
  readonly std_error_hac: number;
  /** estimate / (the standard error named by `vcov`). */
  readonly statistic: number;
  /** Two-sided p-value from Student t with `df` = T − K. */
  readonly p_value: number;
  /** Which covariance `statistic` uses. */
  readonly vcov: "hac" | "ols";
  readonly df: number;
  /** Statements behind an event term (several when merged), with their offsets. */
  readonly events?: readonly { readonly id: string; readonly offset: number }[];
  /** The session of an event term (ISO date). */
  readonly session?: string;
}

/** A linear combination c′β̂ (a CAR or CAAR) with both standard errors. */
export interface DummyCarRow {
  /** Statement id, `mean` (mean CAR over statements) or `pooled` (CAAR = Σ_k δ_k). */
  readonly event_id: string;
  readonly window: Window;
  readonly estimate: number;
  readonly std_error: number;
  readonly std_error_hac: number;
  readonly statistic: number;
  readonly p_value: number;
  readonly vcov: "hac" | "ols";
  readonly df: number;
}

/** A Wald test: a `wald` row of the JSON output. */
export interface WaldRow {
  readonly hypothesis: string;
  /** W = (Rβ̂ − r)′(R V̂ R′)⁻¹(Rβ̂ − r), referred to χ²(q). */
  readonly statistic: number;
  /** Number of restrictions q. */
  readonly df: number;
  /** χ²(q) upper-tail p-value of `statistic`. */
  readonly p_value: number;
  /** F form W/q. */
  readonly f_statistic: number;
  /** Denominator df of the F form, T − K. */
  readonly df_residual: number;
  /** F(q, T − K) upper-tail p-value of `f_statistic`. */
  readonly p_value_f: number;
  readonly vcov: "hac" | "ols";
}

/** Event-period versus estimation-period volatility (see {@link volatilityCheck}). */
export interface VolatilityCheck {
  /** SD of the returns in the event period. */
  readonly event_sd: number;
  /** SD of the returns in the estimation period. */
  readonly estimation_sd: number;
  /** event_sd / estimation_sd. */
  readonly ratio: number;
  /** The threshold used. */
  readonly threshold: number;
  readonly event_sessions: number;
  readonly estimation_sessions: number;
  /** The `HIGH_EVENT_VOLATILITY` warning when ratio ≥ threshold. */
  readonly warning?: Warning;
}

/** Result of {@link dummyRegression}. */
export interface DummyRegressionResult {
  readonly specification: DummySpecification;
  readonly method: string;
  /** Conventions: divisor, HAC kernel, lag, adjustment, reference distributions. */
  readonly convention: string;
  /** Coefficient names in design order. */
  readonly terms: readonly string[];
  readonly coefficients: Float64Array;
  /** OLS covariance s²(XᵀX)⁻¹, K×K. */
  readonly covOls: Float64Array;
  /** Newey–West covariance, K×K. */
  readonly covHac: Float64Array;
  readonly regression: RegressionRow[];
  readonly cars: DummyCarRow[];
  readonly wald: WaldRow[];
  /** Observations used T (complete cases). */
  readonly nObs: number;
  /** Regressors K. */
  readonly k: number;
  /** Residual degrees of freedom T − K. */
  readonly df: number;
  /** s² = RSS/(T − K). */
  readonly sigma2: number;
  readonly r2: number;
  readonly hac: { readonly lag: number; readonly rule: string; readonly adjust: boolean; readonly kernel: "bartlett"; readonly prewhite: false };
  /** Sample: first and last session, sessions in range, complete cases used. */
  readonly sample: { readonly from: string; readonly to: string; readonly sessions: number; readonly used: number };
  /** Statements with their day 0 and its session index. */
  readonly events: readonly { readonly id: string; readonly day0: string; readonly index: number }[];
  /** Session indices (into the data) of the rows used, ascending. */
  readonly rows: Int32Array;
  /** The design matrix actually fitted, T×K column-major (for inspection and tests). */
  readonly design: Float64Array;
  readonly residuals: Float64Array;
  /** Sessions (ISO) whose leverage is one: isolated by a dummy, residual zero by construction. */
  readonly leverageOne: readonly string[];
  readonly volatility: VolatilityCheck;
  readonly warnings: Warning[];
}

/** The statistic of a placebo test. */
export type PlaceboStatistic =
  | {
      /** One statement's CAR. */
      readonly type: "car";
      /** Index of the statement in `events` (default 0). */
      readonly event?: number;
      /** Index into `windows` (default 0). */
      readonly window?: number;
    }
  | {
      /** The mean CAR over the statements. */
      readonly type: "mean-car";
      readonly window?: number;
    }
  | {
      /**
       * Wald statistic of "every statement's CAR is zero", W = Σ_j CAR_j²/Var(CAR_j) with the
       * forecast-error variances (independence across statements assumed by the formula; the
       * placebo distribution does not need it).
       */
      readonly type: "wald";
      readonly window?: number;
    };

/** How pseudo-dates are matched to the real statements. */
export type PlaceboRegime = (typeof PLACEBO_REGIMES)[number];

/** Options of {@link placeboTest}. */
export interface PlaceboOptions {
  /** The normal-return model, re-estimated for each pseudo-event; default the market model when `data.market` exists, else constant mean. */
  readonly model?: ModelSpec;
  /** Estimation window in offsets relative to day 0; default `[-250, -11]`. */
  readonly estimation?: Window;
  /** CAR windows; default `[[-1, 1]]`. */
  readonly windows?: readonly Window[];
  /** The statistic; default `{ type: "mean-car" }`. */
  readonly statistic?: PlaceboStatistic;
  /** Number of placebo draws B; default 9999. */
  readonly draws?: number;
  /** Seed of the PRNG (`createRandom`); required, reported. */
  readonly seed: number;
  /** Exclude pseudo-dates within ±h sessions of every real statement; default 10. */
  readonly exclude?: number;
  /** Regime matching; default `none`. */
  readonly regime?: PlaceboRegime;
  /** Trailing sessions of the realised-volatility measure (regime `volatility`); default 20. */
  readonly volatilityWindow?: number;
  /** Fewest complete estimation observations for a pseudo-event; default 2/3 of the window length. */
  readonly minObs?: number;
  /** `include` (default) or `exclude`: drop the real statements' event windows from every estimation sample. */
  readonly contamination?: "include" | "exclude";
  /** Simple or log returns (units of CAR); default simple. */
  readonly returnType?: "simple" | "log";
  /**
   * How the J pseudo-dates of one draw are placed: `independent` (default) — drawn without
   * replacement, each from its statement's stratum; `keep` — one anchor date is drawn from the
   * first statement's stratum and the others keep the real statements' spacing in sessions
   * (t_j − t_1), so clustered statements with overlapping windows are mimicked (their CARs
   * share sessions, which independent dates do not reproduce).
   */
  readonly spacing?: "independent" | "keep";
  /**
   * `auto` (default): O(1) prefix-sum market-model fits when the model is the market model and
   * `contamination` is `include`, else `fitModel`; `fitModel`: always the general pipeline
   * (same numbers, slower; for checks).
   */
  readonly engine?: "auto" | "fitModel";
}

/** Result of {@link placeboTest}: the `placebo` object of the JSON output. */
export interface PlaceboResult {
  /** Name of the statistic, e.g. `mean CAR [-1, +1]`. */
  readonly statistic: string;
  /** The statistic on the real statements. */
  readonly observed: number;
  /** Two-sided p = (1 + #{|S*| ≥ |S|})/(B + 1). */
  readonly p_value: number;
  /** B. */
  readonly draws: number;
  readonly seed: number;
  readonly eligible: {
    /** Sessions eligible as pseudo-dates (union over strata). */
    readonly size: number;
    /** Excluded ±h sessions around every real statement. */
    readonly h: number;
    readonly regime: PlaceboRegime;
    /** `independent` or `keep` (see {@link PlaceboOptions.spacing}). */
    readonly spacing: "independent" | "keep";
    /** One stratum per statement (all identical when regime = none). */
    readonly strata: readonly { readonly event_id: string; readonly label: string; readonly size: number }[];
    /** The definition in words. */
    readonly definition: string;
  };
  /** Null quantiles of S* (type 7): `2.5%`, `5%`, `50%`, `95%`, `97.5%`. */
  readonly quantiles: Readonly<Record<"2.5%" | "5%" | "50%" | "95%" | "97.5%", number>>;
  /** Mean and SD of S*. */
  readonly null_mean: number;
  readonly null_sd: number;
  /** Rough 95% interval [S − q*₀.₉₇₅, S − q*₀.₀₂₅] with q* = S* − mean(S*) (docs/clustered.md). */
  readonly ci: readonly [number, number];
  /** Per-statement statistics of the real statements (CAR of each window). */
  readonly real: readonly { readonly event_id: string; readonly day0: string; readonly car: readonly number[]; readonly se: readonly number[] }[];
  /** `prefix-sums` (O(1) market-model fits) or `fitModel`. */
  readonly engine: "prefix-sums" | "fitModel";
  readonly method: string;
  readonly warnings: Warning[];
}
