/**
 * Placebo (pseudo-event) inference for statistics of several statements on one series. The
 * steps are in `placebo/`: options → candidate sessions and their CARs → strata → draws → summary.
 * @module
 */
import type { Warning } from "../../errors.js";
import type { Window } from "../../types.js";
import { nonNegativeInt, resolveEvents, windowLabel } from "./common.js";
import type { ResolvedEvent } from "./common.js";
import { distinctDrawSets, drawsBoundWarning } from "./placebo/distinct.js";
import { drawNull, drawPlan, summarizeNull } from "./placebo/draws.js";
import { resolvePlaceboOptions, type ResolvedPlaceboOptions } from "./placebo/options.js";
import { placeboSessions } from "./placebo/sessions.js";
import { checkStrata, placeboStrata } from "./placebo/strata.js";
import type { ClusteredData, ClusteredEvent, PlaceboOptions, PlaceboResult, PlaceboStatistic } from "./types.js";
import { volatilityCheck } from "./volatility.js";

export { pairStatistics } from "./placebo/tables.js";
export type { PairStatistics, PairStatisticsOptions } from "./placebo/tables.js";

function statisticName(s: PlaceboStatistic, events: readonly ResolvedEvent[], windows: readonly Window[]): string {
  const w = windowLabel(windows[s.window ?? 0]!);
  switch (s.type) {
    case "car":
      return `CAR ${events[s.event ?? 0]!.id} ${w}`;
    case "mean-car":
      return `mean CAR ${w}`;
    case "wald":
      return `Wald sum of squared standardized CARs ${w}`;
  }
}

/**
 * Placebo (pseudo-event) test of a statistic of several statements on one series: the
 * statistic is recomputed on B sets of pseudo-dates drawn from an eligible set of sessions,
 * each re-estimated by the identical pipeline, and the real value is ranked against them.
 *
 * ## Method
 * 1. The statistic S on the real statements: one statement's CAR, the mean CAR over the J
 *    statements, or `W = Σ_j CAR_j²/Var(CAR_j)` (`wald`), from {@link pairStatistics} (model
 *    fitted on `estimation` offsets, forecast-error variances, full-covariance CARs).
 * 2. Eligible set P: sessions d whose estimation window and event windows lie inside the data,
 *    whose estimation window has at least `minObs` complete cases, whose CARs are defined, and
 *    with |d − t_j| > h for every real statement j (`exclude`, default 10).
 * 3. Regime (`regime`): `none` — all of P; `volatility` — the sessions of P in the same
 *    tercile of trailing realised volatility as statement j (SD of the series' returns over
 *    the `volatilityWindow` = 20 sessions before d; tercile cut points are the type-7 1/3 and
 *    2/3 quantiles over P); `quarter` — the sessions of P in the same calendar quarter (year
 *    and quarter) as statement j. Each statement has its own stratum.
 * 4. For b = 1…B draw, for each statement j used by the statistic, a pseudo-date from its
 *    stratum, the J dates distinct (without replacement within a draw), and recompute S*_b.
 *    With `spacing: "keep"` one anchor is drawn from the first statement's stratum and the
 *    other dates keep the real statements' spacing, so statements on consecutive sessions
 *    with overlapping windows are mimicked; with independent dates a
 *    `CLUSTERED_STATEMENTS` warning says the null then understates the spread.
 *    Every session's model fit and CARs are computed once and reused by every draw that
 *    picks it (the fit depends only on the session). For the market model without
 *    contamination exclusion the fits are O(1) windowed regressions on prefix sums
 *    (`engine: "prefix-sums"`), numerically equal to `fitModel`; otherwise `fitModel`.
 * 5. Two-sided p = (1 + #{|S*_b| ≥ |S|})/(B + 1) (ties within 1e-12·|S| count as ≥);
 *    null quantiles (type 7), mean, SD and the rough interval [S − q*₀.₉₇₅, S − q*₀.₀₂₅] with
 *    q* = S* − mean(S*).
 * Randomness comes only from `createRandom(seed)`.
 *
 * ## References
 * - Brown, S. J. & Warner, J. B. (1985). Using daily stock returns: the case of event studies.
 *   Journal of Financial Economics 14(1), 3–31.
 * - Kramer, L. A. (2001). Alternative methods for robust analysis in event study
 *   applications. Advances in Investment Analysis and Portfolio Management 8, 109–132.
 * - Sandler, D. H. & Sandler, R. (2014). Journal of Economic and Social Measurement 39(1–2), 31–57.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 *
 * @param data - The series and its benchmark on one session index (e.g. `alignReturns(…)`).
 * @param events - The real statements with their day 0.
 * @param options - Model, windows, statistic, B, seed (required), h, regime, contamination.
 * @returns The `placebo` object: statistic, observed, p_value, draws, seed, eligible, quantiles, …
 * @throws INVALID_OPTION for bad options (a missing seed included).
 * @throws INVALID_INPUT when a day 0 is not a session.
 * @throws INSUFFICIENT_DATA when a stratum has fewer sessions than statements to draw.
 * @throws the codes of `fitModel` when a real statement cannot be estimated.
 * @example
 * ```ts
 * // synthetic returns: beta 1.1 to the market, and 5% more on 9 April 2025
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const market = Float64Array.from(days, (_, i) => 0.01 * Math.sin(i));
 * const asset = market.map((m, i) => 1.1 * m + 0.003 * Math.cos(5 * i) + (isoFromDayKey(days[i]!) === "2025-04-09" ? 0.05 : 0));
 * const p = placeboTest({ days, asset, market }, [{ id: "E34", day0: "2025-04-09" }], { seed: 42, draws: 999, estimation: [-60, -11] });
 * p.statistic;    // => "mean CAR [-1, +1]"
 * p.observed;     // => 0.045
 * p.p_value;      // => 0.001 (1/1000: no pseudo-date comes close)
 * p.eligible.size; // => 60
 * p.quantiles["97.5%"]; // => 0.0050
 * ```
 */
export function placeboTest(data: ClusteredData, events: readonly ClusteredEvent[], options: PlaceboOptions): PlaceboResult {
  const o = resolvePlaceboOptions(data, options);
  const evs = resolveEvents(data.days, events);
  const usedEvents = o.statistic.type === "car" ? [nonNegativeInt(o.statistic.event, 0, "statistic.event", evs.length - 1)] : evs.map((_, j) => j);
  const warnings: Warning[] = [];
  const sessions = placeboSessions(data, evs, o);
  const strata = placeboStrata(data, evs, sessions.eligible, o);
  checkStrata(data, evs, usedEvents, strata, warnings);
  const plan = drawPlan(evs, usedEvents, strata, sessions.eligible, o, warnings);
  const { observed, extreme, nullStats } = drawNull(evs, usedEvents, strata, plan, sessions.table, sessions.realTable, o);
  const { mean, sd, q } = summarizeNull(nullStats);
  const p_value = (1 + extreme) / (o.draws + 1);
  const repeat = drawsBoundWarning(o.draws, distinctDrawSets(usedEvents, strata, plan, o.spacing), p_value);
  if (repeat !== undefined) warnings.push(repeat);

  // volatility of the event period vs the first statement's estimation window
  const n = data.asset.length;
  const realIdx = evs.map((e) => e.index);
  const first = Math.min(...realIdx);
  const last = Math.max(...realIdx);
  const vc = volatilityCheck(
    data.asset,
    { start: Math.max(0, first - 10), end: Math.min(n, last + 11) },
    { start: Math.max(0, first + o.est[0]), end: Math.max(0, first + o.est[1] + 1) },
    { eventId: evs[0]!.id },
  );
  if (vc.warning !== undefined) warnings.push(vc.warning);

  const eligibleUnion = new Set<number>();
  for (const j of usedEvents) for (const d of strata[j]!.sessions) eligibleUnion.add(d);
  const { realTable } = sessions;
  return {
    statistic: statisticName(o.statistic, evs, o.windows),
    observed,
    p_value,
    draws: o.draws,
    seed: o.seed,
    eligible: {
      size: o.spacing === "keep" ? plan.anchors.length : eligibleUnion.size,
      h: o.h,
      spacing: o.spacing,
      regime: o.regime,
      strata: usedEvents.map((j) => ({ event_id: evs[j]!.id, label: strata[j]!.label, size: strata[j]!.sessions.length })),
      definition: eligibleDefinition(o, plan.shifts),
    },
    quantiles: { "2.5%": q(0.025), "5%": q(0.05), "50%": q(0.5), "95%": q(0.95), "97.5%": q(0.975) },
    null_mean: mean,
    null_sd: sd,
    ci: [observed - (q(0.975) - mean), observed - (q(0.025) - mean)],
    real: evs.map((e) => ({
      event_id: e.id,
      day0: e.iso,
      car: o.windows.map((_, w) => realTable.car[w]![e.index]!),
      se: o.windows.map((_, w) => Math.sqrt(realTable.variance[w]![e.index]!)),
    })),
    engine: sessions.fast ? "prefix-sums" : "fitModel",
    method: `placebo (pseudo-event) test, ${o.model.type} model re-estimated per pseudo-date, two-sided p = (1 + #{|S*| >= |S|})/(B + 1)`,
    warnings,
  };
}

/** The definition of the eligible set, in words (the `eligible.definition` of the result). */
function eligibleDefinition(o: ResolvedPlaceboOptions, shifts: readonly number[]): string {
  return (
    `sessions whose estimation window ${windowLabel(o.est)} (at least ${o.minObs} complete cases) and event windows ${o.windows.map(windowLabel).join(", ")} lie inside the data with defined CARs, ` +
    `more than ${o.h} sessions away from every real statement` +
    (o.regime === "none"
      ? ""
      : o.regime === "quarter"
        ? ", in the statement's calendar quarter"
        : `, in the statement's tercile of ${o.volWindow}-session trailing volatility`) +
    (o.contamination === "exclude" ? "; the real statements' event windows are excluded from every estimation sample" : "") +
    (o.spacing === "keep"
      ? `; one anchor per draw, the other pseudo-dates at the real statements' spacing (${shifts.join(", ")} sessions), every one of them eligible`
      : "; pseudo-dates drawn independently without replacement")
  );
}
