/**
 * Options of {@link eventStudy}: types, defaults and validation (the public edge).
 * @module
 */
import { invalidOption, toSafe } from "../errors.js";
import { normalizeWindows, type ExchangeInput, type NonTradingPolicy, type EstimationLength } from "../calendar/index.js";
import { MODEL_PRESETS, modelLabel, modelPreset, validateModelSpec, type ModelPresetName, type ModelSpec } from "../models/index.js";
import type { studyCrossEventSchema } from "../options/crossEvent.js";
import type { studyPlaceboSchema } from "../options/placebo.js";
import type { studyRegressionSchema } from "../options/regression.js";
import { checkOptions, type Assert, type OptionsInput, type SameType } from "../options/schema.js";
import { MODEL_OPTION_EXPECTED, studySchema } from "../options/study.js";
import { modelDescriptor } from "../models/registry.js";
import type { FactorColumns, ReturnMethod } from "../returns/index.js";
import { TEST_NAMES, type TestName } from "../inference/cross/index.js";
import type { MarketEvent, Series, Window } from "../types.js";
import type { Exchange } from "../calendar/index.js";
import type { NonSynchronousPolicy } from "./synchronicity.js";
import type { SameDay0Policy } from "./clustering.js";

/** A model by preset name, as `factors:COL,COL,…`, or as a {@link ModelSpec}. */
export type ModelOption = ModelPresetName | `factors:${string}` | ModelSpec;

/** Options of {@link eventStudy}. */
export interface EventStudyOptions {
  /**
   * The assets studied: price or return series (`kind` says which), e.g. the `series` of a
   * `SeriesTable` from `parseSeriesCsv`, or the table itself.
   */
  readonly assets: readonly Series[] | { readonly series: readonly Series[] };
  /**
   * The benchmark: a series, or the id of one of `assets` (that series is then used as the
   * benchmark and not studied). Needed by the market, market-adjusted, Scholes-Williams and
   * Dimson models.
   */
  readonly market?: Series | string;
  /** Factor returns in decimal units (a `FactorTable` from `parseFactorsCsv`); needed by factor models. */
  readonly factors?: FactorColumns;
  /** The statements. A statement with an `asset` applies to that asset only; without, to every asset. */
  readonly events: readonly MarketEvent[];
  /**
   * Normal-return model. Default `"market"` when a market is given, else `"constant-mean"`.
   * Presets: constant-mean, market-adjusted, market, ff3, carhart, ff5, scholes-williams, dimson;
   * `factors:COL,COL` for any named factor columns.
   */
  readonly model?: ModelOption;
  /** `"simple"` (default) or `"log"` returns. */
  readonly returnType?: ReturnMethod;
  /** Estimation window in sessions relative to day 0, or `{ length, gap }`. Default `[-250, -11]`. */
  readonly estimation?: Window | EstimationLength;
  /** Event windows. Default `[[-1, 1]]`. */
  readonly windows?: readonly Window[];
  /**
   * The exchange (calendar) of the assets: a MIC, an `Exchange`, a `TradingCalendar`, or a
   * record from asset id to one of those (assets not named use `XNYS`). Default `XNYS`.
   */
  readonly exchange?: ExchangeInput | Readonly<Record<string, ExchangeInput>>;
  /** Policy for statements on non-trading days. Default `"next"`. */
  readonly nonTrading?: NonTradingPolicy;
  /**
   * The exchange whose clock the benchmark and the factor file run on (their returns are dated
   * by its closes): a MIC or an `Exchange`. Default: the `exchange` record's entry for the
   * market id, else `XNYS`.
   */
  readonly marketExchange?: string | Exchange;
  /**
   * Assets whose session closes more than an hour before or after the benchmark's (Tokyo on a
   * New York ETF): `"dimson"` fits them with the Dimson model (one lag and one lead of the
   * benchmark) in place of the market model; `"ignore"` keeps the model. Default: `"dimson"`
   * when `model` is left to its default, else the chosen model is kept. Either way one
   * `NON_SYNCHRONOUS_BENCHMARK` warning per asset gives the lag-1 cross-correlation and the β
   * with and without the lead/lag terms.
   */
  readonly nonSynchronous?: NonSynchronousPolicy;
  /**
   * Cross-event tests: statements of one asset that share day 0 give identical pairs.
   * `"merge"` (default) tests one event per asset and day 0, named after the merged statements
   * (`E17+E22`), with a `SAME_DAY0_MERGED` warning; `"keep"` tests every pair (and warns).
   */
  readonly sameDay0?: SameDay0Policy;
  /**
   * `"exclude"` (default) removes the event windows of the asset's other statements from each
   * estimation sample (Aktas, de Bodt & Cousin 2007); `"keep"` leaves them in.
   */
  readonly contamination?: "exclude" | "keep";
  /**
   * Fewest complete estimation observations for a fit; default half the estimation window's
   * length, rounded up, and at least 3 (a fit also always needs k + 1, k the number of
   * parameters). Pairs with fewer are skipped with `INSUFFICIENT_ESTIMATION_DATA`.
   */
  readonly minEstimationObs?: number;
  /** Run the Gelbach-Helland-Klick SQ test on every CAR. Default `true`. */
  readonly sq?: boolean;
  /** Throw instead of skipping an (asset, statement) pair that cannot be studied. Default `false`. */
  readonly strict?: boolean;
  /**
   * Also fit the dummy-variable (event-parameter) regression on each asset's series, with
   * Newey–West errors and Wald tests (docs/clustered.md): `true`, or its options. The study's
   * model chooses the controls (market, factors, or none for constant mean), its event windows
   * the dummies; results in `regression`, `regression_car` and `wald`.
   */
  readonly regression?: boolean | StudyRegressionOptions;
  /**
   * Placebo (pseudo-event) inference for the mean CAR over the statements (one asset only):
   * `{ draws, seed, regime }` (docs/clustered.md). Result in `placebo`.
   */
  readonly placebo?: StudyPlaceboOptions;
  /**
   * Cross-event tests over all (asset, statement) pairs (docs/tests.md): `{ tests, conventions,
   * adjust }`. Results in `aggregate` (`daily` and `windows` rows with AAR/CAAR and each test).
   * Default: no cross-event tests.
   */
  readonly crossEvent?: StudyCrossEventOptions;
  /** @deprecated Use `crossEvent.tests` (the same values); giving both with different values is an error. */
  readonly tests?: readonly TestName[] | "all";
  /** @deprecated Use `crossEvent.conventions` (the same values); giving both with different values is an error. */
  readonly conventions?: "textbook" | "estudy2";
  /** @deprecated Use `crossEvent.adjust` (the same values); giving both with different values is an error. */
  readonly adjust?: "none" | "holm" | "bh";
  /**
   * Called as the study advances: `{ stage: "assets", done, total }` before the first asset
   * and after each asset. For progress displays; the study does not wait for it.
   */
  readonly onProgress?: (progress: StudyProgress) => void;
}

/** A progress report of {@link eventStudy}. */
export interface StudyProgress {
  /** What is being counted: `assets` (series studied). */
  readonly stage: "assets";
  readonly done: number;
  readonly total: number;
}

/** Options of the cross-event tests inside {@link eventStudy}. */
export interface StudyCrossEventOptions {
  /**
   * The tests: a list of test names (`cross_sectional_t`, `bmp`, `corrado_rank`, …, see
   * `TEST_NAMES`) or `"all"`. Without it no cross-event test is run.
   */
  readonly tests?: readonly TestName[] | "all";
  /** Convention profile of the tests: `textbook` (default) or `estudy2`. */
  readonly conventions?: "textbook" | "estudy2";
  /** Multiple-testing adjustment of the p-values: `none` (default), `holm` or `bh`. */
  readonly adjust?: "none" | "holm" | "bh";
}

/** Options of the dummy-variable regression inside {@link eventStudy}. */
export interface StudyRegressionOptions {
  /** `event` (default): one dummy per statement and offset; `pooled`: one per offset. */
  readonly specification?: "event" | "pooled";
  /** Newey–West lag: a number, or `nw1994` (default) or `cube-root`. */
  readonly hacLag?: number | "nw1994" | "cube-root";
  /** Small-sample factor T/(T−K) on the HAC covariance; default false. */
  readonly hacAdjust?: boolean;
  /** Lagged returns of the series added as controls; default 0. */
  readonly lags?: number;
  /** Covariance behind statistic and p-value: `auto` (default), `hac` or `ols`. */
  readonly vcov?: "auto" | "hac" | "ols";
}

/** Options of the placebo test inside {@link eventStudy}. */
export interface StudyPlaceboOptions {
  /** Number of pseudo-event draws B; default 9999. */
  readonly draws?: number;
  /** Seed of the PRNG (required: the result must be reproducible). */
  readonly seed: number;
  /** Match pseudo-dates to the statements' volatility tercile or calendar quarter; default `volatility`. */
  readonly regime?: "volatility" | "quarter" | "none";
  /** Exclude pseudo-dates within ±h sessions of every statement; default 10. */
  readonly exclude?: number;
  /**
   * `keep` (default): pseudo-dates keep the statements' spacing in sessions, so statements on
   * consecutive days are mimicked by consecutive pseudo-dates; `independent`: drawn separately
   * (over-rejects when the real statements' windows overlap — docs/clustered.md).
   */
  readonly spacing?: "keep" | "independent";
}

/** Options after defaults and validation. */
export interface ResolvedStudyOptions {
  readonly model: ModelSpec;
  readonly modelName: string;
  readonly returnType: ReturnMethod;
  readonly estimation: Window | EstimationLength;
  readonly windows: readonly Window[];
  readonly nonTrading: NonTradingPolicy;
  readonly contamination: "exclude" | "keep";
  readonly minEstimationObs: number | undefined;
  readonly sq: boolean;
  readonly strict: boolean;
  readonly regression: StudyRegressionOptions | undefined;
  readonly placebo: StudyPlaceboOptions | undefined;
  readonly tests: readonly TestName[] | undefined;
  readonly conventions: "textbook" | "estudy2";
  readonly adjust: "none" | "holm" | "bh";
}

/**
 * Parses a model option (a preset name, `factors:COL,COL,…`, or a spec) into a validated
 * {@link ModelSpec}; without one, the market model when there is a market, else constant mean.
 * @throws INVALID_OPTION for an unknown name, an empty factor list or an invalid spec.
 * @example
 * ```ts
 * parseModelOption("ff3", false);                // => { type: "factors", factors: ["Mkt-RF", "SMB", "HML"], label: "ff3" }
 * parseModelOption("factors:Mkt-RF, SMB", false); // => { type: "factors", factors: ["Mkt-RF", "SMB"] }
 * parseModelOption(undefined, true);             // => { type: "market" }
 * parseModelOption(undefined, false);            // => { type: "constant-mean" }
 * toSafe(() => parseModelOption("factors:", true)).success; // => false (no factor named)
 * ```
 */
export function parseModelOption(model: ModelOption | undefined, hasMarket: boolean): ModelSpec {
  if (model === undefined) return { type: hasMarket ? "market" : "constant-mean" };
  if (typeof model === "string") {
    if (model.startsWith("factors:")) {
      const factors = model
        .slice("factors:".length)
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      if (factors.length === 0) invalidOption("model", model, "factors:COL[,COL…] naming at least one factor column");
      return validateModelSpec({ type: "factors", factors });
    }
    if (!(MODEL_PRESETS as readonly string[]).includes(model)) {
      invalidOption("model", model, MODEL_OPTION_EXPECTED);
    }
    return modelPreset(model as ModelPresetName);
  }
  return validateModelSpec(model);
}

/**
 * The data a model option reads besides the assets' returns (its registry descriptor says so):
 * `market` (a benchmark series) and `factors` (factor returns); `undefined` for an option that
 * is not a model (the study's check then names it).
 * @example
 * ```ts
 * modelInputs("ff3"); // => { market: false, factors: true }
 * modelInputs("dimson"); // => { market: true, factors: false }
 * modelInputs("factors:Mkt-RF,SMB"); // => { market: false, factors: true }
 * modelInputs("capm"); // => undefined
 * ```
 */
export function modelInputs(model: string | ModelSpec): { readonly market: boolean; readonly factors: boolean } | undefined {
  const parsed = toSafe(() => parseModelOption(model as ModelOption, false));
  if (!parsed.success) return undefined;
  const { market, factors } = modelDescriptor(parsed.data).inputs;
  return { market, factors };
}

/** True when the model needs a market series (its registry descriptor says so). */
export function modelNeedsMarket(spec: ModelSpec): boolean {
  return modelDescriptor(spec).inputs.market;
}

/** True when the model needs factor returns (its registry descriptor says so). */
export function modelNeedsFactors(spec: ModelSpec): boolean {
  return modelDescriptor(spec).inputs.factors;
}

const DEFAULT_ESTIMATION: Window = [-250, -11];
const DEFAULT_WINDOWS: readonly Window[] = [[-1, 1]];

/**
 * Validates the options that are not data and fills in the defaults: the schema first (each
 * option on its own), then the rules that tie options together.
 */
export function resolveStudyOptions(options: EventStudyOptions): ResolvedStudyOptions {
  checkOptions(studySchema, options);
  const model = parseModelOption(options.model, options.market !== undefined);
  const estimation = options.estimation ?? DEFAULT_ESTIMATION;
  const windows = options.windows ?? DEFAULT_WINDOWS;
  const norm = normalizeWindows({ estimation, windows }); // throws INVALID_OPTION with the details
  const cross = crossEventGroup(options);
  checkModelInputs(options, model);
  checkGroups(options, cross.tests, estimation);
  checkMinEstimationObs(options.minEstimationObs, norm.estimation);
  // one object literal, every key named (no spread of `cross`): V8 cloned the spread's source
  // into a new hidden class on some calls, and the study's code, which reads these options for
  // every pair, then met a shape it had not seen and dropped its optimized code
  return {
    tests: cross.tests,
    conventions: cross.conventions,
    adjust: cross.adjust,
    regression: options.regression === true ? {} : options.regression === false ? undefined : options.regression,
    placebo: options.placebo,
    model,
    modelName: typeof options.model === "string" ? options.model : "",
    returnType: options.returnType ?? "simple",
    estimation,
    windows,
    nonTrading: options.nonTrading ?? "next",
    contamination: options.contamination ?? "exclude",
    minEstimationObs: options.minEstimationObs,
    sq: options.sq ?? true,
    strict: options.strict ?? false,
  };
}

/**
 * The cross-event group from `crossEvent` and the deprecated flat `tests`, `conventions` and
 * `adjust` (either may be given; both only when they agree).
 */
function crossEventGroup(options: EventStudyOptions): Pick<ResolvedStudyOptions, "tests" | "conventions" | "adjust"> {
  const group = options.crossEvent ?? {};
  const tests = agreed("tests", options.tests, group.tests);
  return {
    tests: tests === "all" ? TEST_NAMES : tests,
    conventions: agreed("conventions", options.conventions, group.conventions) ?? "textbook",
    adjust: agreed("adjust", options.adjust, group.adjust) ?? "none",
  };
}

/** The one value of an option given flat (deprecated) and in the `crossEvent` group. */
function agreed<T>(key: string, flat: T | undefined, grouped: T | undefined): T | undefined {
  if (flat === undefined) return grouped;
  if (grouped === undefined) return flat;
  if (JSON.stringify(flat) !== JSON.stringify(grouped)) {
    invalidOption(
      `crossEvent.${key}`,
      grouped,
      `the value of the deprecated flat option ${key} (${JSON.stringify(flat)}), or only one of crossEvent.${key} and ${key}`,
    );
  }
  return grouped;
}

/** The model against the benchmark options: lead/lag form, a market beside a factor model. */
function checkModelInputs(options: EventStudyOptions, model: ModelSpec): void {
  if (options.nonSynchronous === "dimson" && model.type === "factors") {
    invalidOption(
      "nonSynchronous",
      options.nonSynchronous,
      'a market-based model: factor models have no lead/lag form; use model "dimson" with a market benchmark, or nonSynchronous "ignore"',
    );
  }
  if (model.type === "factors" && options.market !== undefined && options.factors !== undefined) {
    const id = typeof options.market === "string" ? options.market : (options.market as { id?: unknown }).id;
    invalidOption(
      "market",
      id,
      `no market with the factor model ${modelLabel(model)}: its market factor is the factor file's excess market return (e.g. Mkt-RF), so the benchmark would be ignored; drop the market (--market), or choose a market model for it (model "market" or "dimson", --model market|dimson)`,
    );
  }
  if (options.nonSynchronous !== undefined && options.market === undefined && options.factors === undefined) {
    invalidOption(
      "nonSynchronous",
      options.nonSynchronous,
      "no nonSynchronous without a market or factors: it chooses the model of assets whose close differs from the benchmark's (add market, or drop nonSynchronous)",
    );
  }
}

/** Options that only mean something with another: `sameDay0` with tests, placebo with an explicit estimation window. */
function checkGroups(options: EventStudyOptions, tests: ResolvedStudyOptions["tests"], estimation: Window | EstimationLength): void {
  if (options.sameDay0 !== undefined && tests === undefined) {
    invalidOption(
      "sameDay0",
      options.sameDay0,
      "no sameDay0 without the tests option: it chooses how the cross-event tests count statements sharing day 0 (add tests, or drop sameDay0)",
    );
  }
  if (options.placebo !== undefined && !Array.isArray(estimation)) {
    invalidOption("estimation", estimation, "an explicit [start, end] window when placebo inference is asked for");
  }
}

/** `minEstimationObs` against the length of the estimation window. */
function checkMinEstimationObs(minObs: number | undefined, estimation: Window | undefined): void {
  const estLength = estimation === undefined ? 0 : estimation[1] - estimation[0] + 1;
  if (minObs !== undefined && minObs > estLength) {
    invalidOption(
      "minEstimationObs",
      minObs,
      `at most the ${estLength} sessions of the estimation window [${estimation?.join(", ") ?? ""}] (command line: --min-estimation)`,
    );
  }
}

export type _EventStudyOptionsMatch = Assert<SameType<OptionsInput<typeof studySchema>, EventStudyOptions>>;
export type _StudyRegressionOptionsMatch = Assert<SameType<OptionsInput<typeof studyRegressionSchema>, StudyRegressionOptions>>;
export type _StudyPlaceboOptionsMatch = Assert<SameType<OptionsInput<typeof studyPlaceboSchema>, StudyPlaceboOptions>>;
export type _StudyCrossEventOptionsMatch = Assert<SameType<OptionsInput<typeof studyCrossEventSchema>, StudyCrossEventOptions>>;
