/**
 * The shape of a cross-event test in the registry: its name, what it needs computed once per
 * call, its daily and window statistics, and its convention notes. Adding a test = one file
 * exporting a descriptor + one line in `registry.ts`.
 * @module
 */
import type { RankPools } from "./ranks.js";
import type { KeyedSeries, PooledScores, ScoreTransform } from "./pooled.js";
import type { CrossEvent, CrossTestResult } from "./types.js";

/** Per-event quantities, prepared once per call. */
export interface Prepared {
  readonly ev: CrossEvent;
  readonly start: number;
  readonly length: number;
  readonly M: number;
  /** Textbook residual variance RSS/(M − k). */
  readonly s2: number;
  /** estudy2 residual variance: sample variance (divisor M − 1) of the estimation ARs. */
  readonly s2sample: number;
  /** Event-time keys of the estimation observations. */
  readonly estOffsets: Int32Array;
}

/** Building blocks computed once per call, only when a requested test declares it needs them. */
export type Need = "portfolio" | "rbar" | "pHat" | "ranks" | "grank";

/** What every test can read, shared across days and windows. */
export interface CrossContext {
  readonly prep: readonly Prepared[];
  readonly N: number;
  /** The estudy2 profile is in force (requested and reproducible on these events). */
  readonly e2: boolean;
  /** Mean estimation length L̄. */
  readonly Lbar: number;
  /** Residual degrees of freedom per event: the fit's (textbook) and M − 2 (estudy2). */
  readonly dfTb: readonly number[];
  readonly dfE2: readonly number[];
  /** Equally weighted portfolio of the estimation ARs by time key (`portfolio`). */
  readonly portfolio: Float64Array;
  /** Kolari–Pynnönen r̄ (`rbar`; NaN otherwise). */
  readonly rbar: number;
  /** Generalized-sign p̂ (`pHat`; NaN otherwise). */
  readonly pHat: number;
  /** Estimation SARs ê/s on event-time keys, for GRANK (`grank`). */
  readonly grankEst: readonly KeyedSeries[];
  /** Ranks over estimation + the whole event span (`ranks`). */
  readonly spanRanks: RankPools | undefined;
  /** First event (Lamb's estudy2 reference). */
  readonly first: Prepared;
  /** The pooled scores of a ranked sample under one transform (all three are summed when the sample is ranked). */
  pool(ranks: RankPools, transform: ScoreTransform): PooledScores;
}

/** The cross-section on one event day τ (arrays of length N, `NaN` = no AR on τ). */
export interface DayInput {
  readonly tau: number;
  /** Pooling key of τ: the offset (textbook) or the calendar day (estudy2). */
  readonly key: number;
  readonly ar: Float64Array;
  /** Textbook SAR (the t of the AR) and estudy2 SAR (AR over the sample-variance s.e.). */
  readonly sar: Float64Array;
  readonly sarE2: Float64Array;
  /** Var(AR) and the residual variance of the profile, where an AR exists. */
  readonly variance: Float64Array;
  readonly s2: Float64Array;
  /** AAR_τ. */
  readonly aar: number;
  /** Mean prediction-variance factor Var(AR)/σ² over the events with an AR on τ. */
  readonly meanFactor: number;
}

/** The cross-section over one window [a, b] (arrays of length N, `NaN` = incomplete window). */
export interface WindowInput {
  readonly a: number;
  readonly b: number;
  readonly L: number;
  readonly car: Float64Array;
  readonly carVar: Float64Array;
  readonly scar: Float64Array;
  /** Textbook residual variance where the CAR exists. */
  readonly s2: Float64Array;
  /** CAAR = Σ AAR over the window (NaN when a day has no AAR). */
  readonly caar: number;
  /** Mean of Var(CAR)/σ² over the events with a complete window. */
  readonly meanFactor: number;
  /** Pooling keys of the window's days. */
  readonly keys: readonly number[];
  /** Ranks for the window's rank tests (estudy2: estimation + the window; textbook: the span). */
  readonly ranks: RankPools | undefined;
}

/** How the window statistic of a test is formed under the estudy2 profile. */
export type Estudy2Window =
  /** Σ over the window of the daily statistics / √D, N(0, 1) (estudy2's CAR form). */
  | "sum-of-daily"
  /** The descriptor's own `window` function handles the profile (`ctx.e2`). */
  | "own"
  /** estudy2 has no window form: textbook, labelled with `estudy2WindowNote`. */
  | "textbook";

/** One cross-event test of the battery. */
export interface CrossTestDescriptor<Name extends string = string> {
  /** The JSON name (snake_case). */
  readonly name: Name;
  /** The `method` text of its results. */
  readonly method: string;
  /** estudy2's name for the test (undefined: estudy2 has no such test, textbook in both profiles). */
  readonly estudy2?: string;
  /** Window form under the estudy2 profile (only read when `estudy2` is set). */
  readonly estudy2Window?: Estudy2Window;
  /** Why the window statistic stays textbook under estudy2 (`estudy2Window: "textbook"`). */
  readonly estudy2WindowNote?: string;
  /** Building blocks the test reads from the context. */
  readonly needs: readonly Need[];
  /** The statistic on one event day. */
  daily(ctx: CrossContext, day: DayInput): CrossTestResult;
  /** The statistic over one window. */
  window(ctx: CrossContext, w: WindowInput): CrossTestResult;
}
