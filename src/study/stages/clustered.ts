/**
 * Stage 7 of `eventStudy`, the clustered-statement family of one series: the event-volatility
 * check, the dummy-variable regression with Newey–West errors, and the placebo test.
 * @module
 */
import { present } from "../../options/present.js";
import { isMarketReactionError, type Warning } from "../../errors.js";
import {
  dummyRegression,
  placeboTest,
  volatilityAdvice,
  volatilityCheck,
  type DummyRegressionResult,
  type PlaceboResult,
} from "../../inference/clustered/index.js";
import { modelDescriptor } from "../../models/registry.js";
import type { ModelColumns } from "../../models/spec.js";
import type { AlignedReturns } from "../../returns/index.js";
import type { Window } from "../../types.js";
import type { ResolvedStudyOptions } from "../options.js";
import type { StudyRegressionCarRow, StudyRegressionRow, StudyWaldRow } from "../rows.js";
import type { PairPlan } from "./plan.js";

/** The regression tables of one series. */
export interface ClusteredRegression {
  readonly rows: readonly StudyRegressionRow[];
  readonly cars: readonly StudyRegressionCarRow[];
  readonly wald: readonly StudyWaldRow[];
  readonly info: Record<string, unknown>;
}

/** The clustered-statement results of one series. */
export interface ClusteredResult {
  readonly warnings: readonly Warning[];
  /** Absent when not asked for, or (with a `REGRESSION_FAILED` warning) when the fit failed. */
  readonly regression?: ClusteredRegression;
  readonly placebo?: PlaceboResult;
}

/** Sessions on each side of the event windows that count as the event period of the volatility check. */
const VOLATILITY_BAND = 10;

/**
 * Volatility check, dummy-variable regression and placebo test of one series over its studied
 * pairs (`studied`, not empty).
 */
export function clusteredFamily(
  assetId: string,
  data: AlignedReturns,
  columns: ModelColumns,
  studied: readonly PairPlan[],
  opts: ResolvedStudyOptions,
): ClusteredResult {
  const warnings: Warning[] = [];
  const first = studied.reduce((a, b) => (b.day0 < a.day0 ? b : a));
  const volatility = volatilityWarning(assetId, data, studied, first);
  const events = studied.map((x) => ({ id: x.eventId, day0: x.day0 }));
  let regression: ClusteredRegression | undefined;
  if (opts.regression !== undefined) {
    const r = regressionOfSeries(assetId, data, columns, events, first, opts);
    warnings.push(...r.warnings);
    regression = r.regression;
  }
  let placebo: PlaceboResult | undefined;
  if (opts.placebo !== undefined) {
    placebo = placeboOfSeries(data, events, opts);
    warnings.push(...placebo.warnings.filter((w) => w.code !== "HIGH_EVENT_VOLATILITY"));
  }
  // the advice is written last: it names the covariance the regression's results actually used
  if (volatility !== undefined) warnings.unshift(withAdvice(volatility, regression, placebo !== undefined));
  return { warnings, ...(regression === undefined ? {} : { regression }), ...(placebo === undefined ? {} : { placebo }) };
}

/**
 * `HIGH_EVENT_VOLATILITY` when the event period (the event windows and a band of 10 sessions
 * around them) is more volatile than the estimation period (the earliest statement's estimation
 * window up to that band); its advice is set by {@link withAdvice}.
 */
function volatilityWarning(assetId: string, data: AlignedReturns, studied: readonly PairPlan[], first: PairPlan): Warning | undefined {
  const eventStart = Math.min(...studied.map((x) => x.spanStart));
  const eventEnd = Math.max(...studied.map((x) => x.spanEnd));
  const bandStart = Math.max(0, eventStart - VOLATILITY_BAND);
  const volatility = volatilityCheck(
    data.asset,
    { start: bandStart, end: Math.min(data.asset.length, eventEnd + VOLATILITY_BAND) },
    { start: first.est.start, end: Math.max(first.est.start, Math.min(first.est.end, bandStart)) },
    { asset: assetId, eventId: first.eventId },
  );
  return volatility.warning;
}

/**
 * The volatility warning with advice that names what this study computed and the covariance its
 * results use (event coefficients of isolated sessions: OLS, which is not robust either), or
 * the options that would compute a robust result.
 */
function withAdvice(w: Warning, regression: ClusteredRegression | undefined, placebo: boolean): Warning {
  const events = regression?.rows.filter((r) => r.kind === "event" || r.kind === "pooled") ?? [];
  const ran = events.length === 0 ? undefined : { olsOnly: events.every((r) => r.vcov === "ols") && (regression?.cars ?? []).every((c) => c.vcov === "ols") };
  const advice = volatilityAdvice({ placebo, ...(ran === undefined ? {} : { regression: ran }) });
  return { ...w, message: w.message.replace(/so read the Newey-West \(HAC\) results and the placebo test drawn from the same volatility regime$/, advice) };
}

/** The span of all event windows, [min start, max end]. */
export function windowSpan(windows: readonly Window[]): Window {
  return [Math.min(...windows.map((w) => w[0])), Math.max(...windows.map((w) => w[1]))];
}

/** The dummy-variable regression of one series and its rows; a failed fit becomes a `REGRESSION_FAILED` warning (an error under `strict`). */
function regressionOfSeries(
  assetId: string,
  data: AlignedReturns,
  columns: ModelColumns,
  events: readonly { id: string; day0: number }[],
  first: PairPlan,
  opts: ResolvedStudyOptions,
): { warnings: readonly Warning[]; regression?: ClusteredRegression } {
  const controls = [...modelDescriptor(opts.model).regressionControls(columns)];
  const r = opts.regression!;
  try {
    const fit = dummyRegression(data, events, {
      window: windowSpan(opts.windows),
      carWindows: opts.windows,
      controls,
      estimation: first.est.end - first.est.start,
      ...present({ specification: r.specification, hacLag: r.hacLag, hacAdjust: r.hacAdjust, lags: r.lags, vcov: r.vcov }),
    });
    return { warnings: fit.warnings.filter((w) => w.code !== "HIGH_EVENT_VOLATILITY"), regression: regressionRows(assetId, fit) };
  } catch (error) {
    if (!isMarketReactionError(error) || opts.strict) throw error;
    return { warnings: [{ code: "REGRESSION_FAILED", message: `dummy-variable regression of ${assetId}: ${error.code}: ${error.message}`, asset: assetId }] };
  }
}

/** The `regression`, `regression_car`, `wald` and `regression_info` rows of one series' fit. */
export function regressionRows(assetId: string, fit: DummyRegressionResult): ClusteredRegression {
  const rows: StudyRegressionRow[] = fit.regression.map((row) => ({
    asset: assetId,
    term: row.term,
    kind: row.kind,
    estimate: row.estimate,
    std_error: row.std_error,
    std_error_hac: row.std_error_hac,
    statistic: row.statistic,
    p_value: row.p_value,
    vcov: row.vcov,
    df: row.df,
    session: row.session ?? null,
    events: row.events === undefined ? null : row.events.map((e) => `${e.id}[${e.offset > 0 ? "+" : ""}${e.offset}]`).join(" "),
  }));
  const cars: StudyRegressionCarRow[] = fit.cars.map((c) => ({
    asset: assetId,
    event_id: c.event_id,
    window_start: c.window[0],
    window_end: c.window[1],
    estimate: c.estimate,
    std_error: c.std_error,
    std_error_hac: c.std_error_hac,
    statistic: c.statistic,
    p_value: c.p_value,
    vcov: c.vcov,
    df: c.df,
  }));
  const wald: StudyWaldRow[] = fit.wald.map((w) => ({ asset: assetId, ...w }));
  const info = {
    asset: assetId,
    method: fit.method,
    convention: fit.convention,
    n: fit.nObs,
    k: fit.k,
    df: fit.df,
    sigma: Math.sqrt(fit.sigma2),
    r2: fit.r2,
    hac_lag: fit.hac.lag,
    hac_rule: fit.hac.rule,
    hac_adjust: fit.hac.adjust,
    sample_from: fit.sample.from,
    sample_to: fit.sample.to,
  };
  return { rows, cars, wald, info };
}

/** The placebo test of the mean CAR (the CAR for one statement) over the studied statements of one series. */
function placeboOfSeries(data: AlignedReturns, events: readonly { id: string; day0: number }[], opts: ResolvedStudyOptions): PlaceboResult {
  const p = opts.placebo!;
  return placeboTest(data, events, {
    model: opts.model,
    estimation: opts.estimation as Window,
    windows: opts.windows,
    statistic: events.length === 1 ? { type: "car" } : { type: "mean-car" },
    seed: p.seed,
    draws: p.draws ?? 9999,
    regime: p.regime ?? "volatility",
    spacing: p.spacing ?? "keep",
    contamination: opts.contamination === "exclude" ? "exclude" : "include",
    returnType: opts.returnType,
    ...present({ exclude: p.exclude, minObs: opts.minEstimationObs }),
  });
}
