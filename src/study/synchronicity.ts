/**
 * Non-synchronous benchmarks: an asset whose session closes at a different instant from its
 * benchmark's (or factor file's).
 *
 * A return dated day t runs from one close to the next. When Tokyo closes at 02:30 New York
 * time, the benchmark's return dated the same day (a New York ETF, 16:00) mostly happens after
 * Tokyo has closed, and Tokyo reacts to it the next session. The market model then finds a small
 * β and a large "abnormal" return on days when the world moved: for the 90-day tariff pause
 * (9 April 2025, Tokyo day 0 = 10 April) the Nikkei 225 on the ACWI ETF has a market-model AR of
 * +10.8 % on a raw move of +9.1 %, the Dimson model +4.2 %.
 *
 * Remedy and default: the Dimson (1979) model with one lag and one lead of the benchmark sums
 * the β of the session before, of the same day and of the session after, so it captures the part
 * of the benchmark's move the asset sees one session late (Asia on a US benchmark) or early, and
 * the partial overlap of European and US sessions, without choosing a direction or a shift.
 * Re-timing the benchmark to the asset's clock needs intraday benchmark prices at the asset's
 * close, which daily files do not have. So when the model is left to its default (the market
 * model), pairs whose closes differ by more than an hour use the Dimson model, and one warning
 * per asset gives the measured numbers; an explicitly chosen model is kept and the warning names
 * the remedy.
 *
 * @module
 */
import type { NON_SYNCHRONOUS_POLICIES } from "../options/enums.js";
import { getExchange, isTradingCalendar, type Exchange } from "../calendar/index.js";
import type { Warning } from "../errors.js";
import { fitModel, type ModelSpec } from "../models/index.js";
import { localToInstant, isoFromDayKey, lowerBound } from "../time/index.js";
import type { DayKey } from "../types.js";
import { sessionHoursOn } from "../calendar/exchanges.js";
import { checkNumber, checkNumbers } from "../check.js";

/** What to do with an asset whose close differs from its benchmark's by more than an hour. */
export type NonSynchronousPolicy = (typeof NON_SYNCHRONOUS_POLICIES)[number];

/** Closes further apart than this (in hours) make a pair non-synchronous. */
export const NON_SYNCHRONOUS_HOURS = 1;

/** The Dimson model used for non-synchronous pairs: one lag and one lead of the benchmark. */
export const NON_SYNCHRONOUS_MODEL: ModelSpec = { type: "dimson", lags: 1 };

/**
 * Hours from the benchmark's close to the asset's close on `day` (negative when the asset
 * closes first), from the exchanges' regular hours and time zones.
 * @example
 * ```ts
 * // Tokyo (15:30 JST) closes 13.5 hours before New York (16:00 EDT) on 10 April 2025
 * closeGapHours(getExchange("XTKS"), getExchange("XNYS"), dayKeyFromIso("2025-04-10")); // => -13.5
 * ```
 */
export function closeGapHours(asset: Exchange, benchmark: Exchange, day: DayKey): number {
  const close = sessionHoursOn(asset, day).close;
  // the same local close in the same time zone is the same instant (no zone conversion needed)
  if (asset.timezone === benchmark.timezone && close === sessionHoursOn(benchmark, day).close) return 0;
  return (closeInstant(asset, day) - closeInstant(benchmark, day)) / 3_600_000;
}

function closeInstant(exchange: Exchange, day: DayKey): number {
  const { close } = sessionHoursOn(exchange, day);
  return localToInstant({ day, minute: close }, exchange.timezone).instant;
}

/** Measured lead/lag structure of an asset on its benchmark. */
export interface SynchronicityDiagnostics {
  /** Sessions used (all four returns present: the asset's, the benchmark's lag, same day and lead). */
  readonly n: number;
  /** Correlation of the asset's return with the benchmark's return of the previous session. */
  readonly lagCorrelation: number;
  /** Market-model β on the same sessions. */
  readonly beta: number;
  /** Dimson β: the sum of the lag, same-day and lead coefficients. */
  readonly dimsonBeta: number;
}

function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Lag-1 cross-correlation and the β with and without the lead/lag terms, on the sessions
 * `[0, end)` where the asset's return and the benchmark's returns of the previous, same and next
 * session are all present. `undefined` with fewer than 10 such sessions or a constant series.
 * @example
 * ```ts
 * // an asset that follows its benchmark one session late (β 0.8 on the lag)
 * const m = Float64Array.from({ length: 200 }, (_, i) => 0.01 * Math.sin(0.37 * i * i));
 * const a = Float64Array.from(m, (_, i) => (i > 0 ? 0.8 * m[i - 1]! : 0) + 0.002 * Math.cos(2.3 * i * i));
 * const d = synchronicityDiagnostics(a, m, 200)!;
 * [d.n, d.lagCorrelation, d.beta, d.dimsonBeta]; // => [198, 0.972, 0.018, 0.795]
 * ```
 */
export function synchronicityDiagnostics(asset: Float64Array, benchmark: Float64Array, end: number): SynchronicityDiagnostics | undefined {
  checkNumbers("synchronicityDiagnostics", "asset", asset);
  checkNumbers("synchronicityDiagnostics", "benchmark", benchmark);
  checkNumber("synchronicityDiagnostics", "end", end);
  const used: number[] = [];
  for (let i = 1; i + 1 < Math.min(end, asset.length); i++) {
    if (Number.isFinite(asset[i]!) && Number.isFinite(benchmark[i - 1]!) && Number.isFinite(benchmark[i]!) && Number.isFinite(benchmark[i + 1]!)) used.push(i);
  }
  if (used.length < 10) return undefined;
  const x = Float64Array.from(used, (i) => asset[i]!);
  const lag = Float64Array.from(used, (i) => benchmark[i - 1]!);
  const lagCorrelation = correlation(x, lag);
  if (!Number.isFinite(lagCorrelation)) return undefined;
  const data = { asset, market: benchmark };
  const market = fitModel({ type: "market" }, data, used);
  const dimson = fitModel(NON_SYNCHRONOUS_MODEL, data, used);
  const c = dimson.coefficients;
  return { n: used.length, lagCorrelation, beta: market.coefficients[1]!, dimsonBeta: c[1]! + c[2]! + c[3]! };
}

/** Inputs of {@link synchronicityDecision}. */
export interface SynchronicityInput {
  readonly asset: string;
  readonly assetExchange: Exchange;
  readonly benchmarkExchange: Exchange;
  /** Name of the benchmark in the message (`ACWI`, `the factor file`). */
  readonly benchmarkName: string;
  /** The day the closes are compared on (the asset's earliest day 0). */
  readonly day: DayKey;
  /** The asset's and the benchmark's returns on the asset's sessions. */
  readonly returns: Float64Array;
  readonly benchmark: Float64Array;
  /** Diagnostics use the sessions before this index (before the first event window). */
  readonly end: number;
  /** The study's model and whether the user chose it. */
  readonly model: ModelSpec;
  readonly explicitModel: boolean;
  readonly policy: NonSynchronousPolicy | undefined;
}

/** The model to use for an asset and the warning, if any. */
export interface SynchronicityDecision {
  readonly model: ModelSpec;
  readonly warning?: Warning;
}

/** Models whose design has no lead/lag term of the benchmark. */
const SYNCHRONOUS_MODELS = new Set(["market", "market-adjusted", "factors"]);

/**
 * Whether an asset's benchmark closes at a different instant (more than an hour apart), and
 * if so the model to use (Dimson by default, see the module notes) and one warning with the
 * measured numbers and the remedy. Models with lead/lag terms (Dimson, Scholes-Williams) and the
 * constant-mean model are left alone.
 */
export function synchronicityDecision(input: SynchronicityInput): SynchronicityDecision {
  const { model } = input;
  if (!SYNCHRONOUS_MODELS.has(model.type)) return { model };
  const gap = closeGapHours(input.assetExchange, input.benchmarkExchange, input.day);
  if (!(Math.abs(gap) > NON_SYNCHRONOUS_HOURS)) return { model };
  const d = synchronicityDiagnostics(input.returns, input.benchmark, input.end);
  const switchable = model.type === "market" || model.type === "market-adjusted";
  const use = switchable && (input.policy === "dimson" || (input.policy === undefined && !input.explicitModel));
  const numbers =
    d === undefined
      ? "too few sessions to measure the lead/lag structure"
      : `lag-1 cross-correlation ${d.lagCorrelation.toFixed(2)}, β ${d.beta.toFixed(2)} without and ${d.dimsonBeta.toFixed(2)} with the lead/lag terms (Dimson), over ${d.n} sessions before the event windows`;
  const head = `${input.asset} (${input.assetExchange.code}) closes ${Math.abs(gap).toFixed(1)} h ${gap < 0 ? "before" : "after"} its benchmark ${input.benchmarkName} (${input.benchmarkExchange.code}) on ${isoFromDayKey(input.day)}: ${numbers}`;
  let advice: string;
  if (use) {
    advice = `; the Dimson model (one lag and one lead of the benchmark) is used for it (--non-synchronous ignore, nonSynchronous: "ignore", keeps the ${model.type} model)`;
  } else if (switchable) {
    advice = `; the ${model.type} model's abnormal returns include the benchmark's move the asset sees a session ${gap < 0 ? "later" : "earlier"}: --non-synchronous dimson (nonSynchronous: "dimson") or --model dimson uses the Dimson lead/lag model`;
  } else {
    advice = `; the factor model has no lead/lag terms: --model dimson with --market BENCHMARK (model: "dimson") fits the benchmark with one lag and one lead`;
  }
  return {
    model: use ? NON_SYNCHRONOUS_MODEL : model,
    warning: { code: "NON_SYNCHRONOUS_BENCHMARK", message: head + advice, asset: input.asset, exchange: input.assetExchange.code },
  };
}

/** The exchange whose clock the benchmark (or factor file) runs on: a MIC or an Exchange; default XNYS. */
export function benchmarkExchangeOf(input: string | Exchange | undefined): Exchange {
  if (input === undefined) return getExchange("XNYS");
  return typeof input === "string" ? getExchange(input) : input;
}

/** The `exchange` record's entry for the market id, when the exchanges are given per asset. */
export function marketExchangeFromRecord(exchange: unknown, marketId: string | undefined): string | Exchange | undefined {
  if (marketId === undefined || typeof exchange !== "object" || exchange === null || isTradingCalendar(exchange)) return undefined;
  if (typeof (exchange as { code?: unknown }).code === "string") return undefined; // one Exchange for every asset
  const entry = (exchange as Record<string, unknown>)[marketId];
  if (typeof entry === "string") return entry;
  if (isTradingCalendar(entry)) return entry.exchange;
  if (typeof entry === "object" && entry !== null && typeof (entry as Exchange).code === "string") return entry as Exchange;
  return undefined;
}

export { lowerBound as lowerBoundDays };
