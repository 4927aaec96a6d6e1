/**
 * Dummy-variable (event-parameter) regression on one series with OLS and Newey–West
 * standard errors, CARs as linear combinations and Wald tests. The steps are in `dummy/`:
 * options → sample → controls and event dummies → design → fit and covariances → coefficient,
 * CAR and Wald rows → volatility check.
 * @module
 */
import type { Warning } from "../../errors.js";
import { isoFromDayKey } from "../../time/index.js";
import { resolveEvents } from "./common.js";
import { controlColumns, designMatrix, dummySample, eventColumns, type DesignColumn } from "./dummy/design.js";
import { fitDummyRegression } from "./dummy/inference.js";
import { resolveDummyOptions } from "./dummy/options.js";
import { carRows, coefficientRows, waldRows } from "./dummy/tests.js";
import type { ClusteredData, ClusteredEvent, DummyRegressionOptions, DummyRegressionResult } from "./types.js";
import { volatilityCheck } from "./volatility.js";

/** Sessions on each side of the statements that form the event period of the volatility check. */
const VOLATILITY_BAND = 10;

/**
 * Dummy-variable regression of one return series on controls and event dummies, with OLS and
 * Newey–West (HAC) standard errors, CARs as linear combinations of the event coefficients and
 * joint Wald tests: the event-parameter approach for several statements on one index.
 *
 * ## Method
 * `r_t = μ + β′x_t + Σ_j Σ_{k=a}^{b} γ_{j,k} D_{j,k,t} + u_t` with `D_{j,k,t} = 1[t = t_j + k]`
 * (`specification: "event"`, terms `E17[-1]`, `E17[0]`, `E17[+1]`), or the pooled form
 * `r_t = μ + β′x_t + Σ_k δ_k E_{k,t} + u_t`, `E_{k,t} = Σ_j D_{j,k,t}` (`"pooled"`, terms
 * `pooled[k]`; a session that is offset k of two statements has `E_{k,t} = 2`). Controls `x_t`:
 * the market / world index (`"market"`), named factors and `lags` lagged returns of the series.
 * - **Sample**: from `estimation` sessions (default 250) before the first event session to
 *   `after` sessions (default 0) after the last one; complete cases only (a session with any
 *   missing value is dropped; the event sessions themselves must be complete).
 * - **Overlaps**: overlapping windows switch several pooled dummies on at once (Sandler &
 *   Sandler 2014). In the event specification a session that is offset k of statement i and
 *   offset l of statement j gives two identical columns, so `γ_{i,k}` and `γ_{j,l}` are not
 *   separately identified with daily data: with `duplicates: "merge"` (default) they become
 *   one term `Ei[k]=Ej[l]` (a `MERGED_EVENT_DUMMIES` warning lists them) that enters both
 *   statements' CARs; `"error"` throws instead. Two statements with the same day 0 merge on
 *   every offset, and their CARs are then identical.
 * - **Fit**: Householder QR (`olsQr`), `s² = RSS/(T − K)`, OLS covariance `s²(XᵀX)⁻¹`.
 * - **HAC**: Newey–West, Bartlett weights `w_l = 1 − l/(q+1)`, no prewhitening; lag q by rule
 *   `nw1994` = ⌊4(T/100)^{2/9}⌋ (default), `cube-root` = ⌊0.75 T^{1/3}⌋, or a given number; lags
 *   count complete-case rows (gaps are not filled, as in R); `hacAdjust` multiplies by T/(T−K)
 *   (default off). Equals `sandwich::NeweyWest(fit, lag = q, prewhite = FALSE, adjust = …)`.
 * - **t tests**: estimate/se against Student t with T − K df, as `lmtest::coeftest` does for
 *   `lm` fits with any `vcov`. CARs: `c′γ̂` with `se = √(c′V̂c)`, per statement over each of
 *   `carWindows`, plus the mean over statements (`mean`) or the CAAR `Σ_k δ_k` (`pooled`).
 * - **Which covariance** (`vcov`, default `auto`): a session isolated by its own dummy has
 *   leverage one and a residual of exactly zero, so the HAC estimate of anything that loads
 *   on it omits that session's variance ("a single-observation coefficient gains
 *   nothing from HAC"). `auto` uses HAC except for such quantities, which use the OLS
 *   covariance (for a single-day dummy this is the forecast-error variance
 *   `s²(1 + x′(XᵀX)⁻¹x)` of MacKinlay 1997); every row names the covariance it used.
 * - **Wald**: `W = (Rγ̂ − r)′(R V̂ R′)⁻¹(Rγ̂ − r)` ~ χ²(q) (`statistic`, `p_value`) and the F form
 *   `W/q` ~ F(q, T − K) (`f_statistic`, `p_value_f`). Default hypotheses: all event
 *   coefficients zero; each statement's window zero; each pair of statements' CARs (first CAR
 *   window) equal. Hypotheses with identical restrictions are reported once.
 * - **Volatility**: the returns' SD from 10 sessions before the first day 0 to 10 after the
 *   last against the sample before that band; ratio ≥ `volatilityRatio` (default 2) adds
 *   `HIGH_EVENT_VOLATILITY`.
 *
 * ## References
 * - Karafiath, I. (1988). Using dummy variables in the event methodology. Financial Review 23(3), 351–357.
 * - Binder, J. J. (1998). The event study methodology since 1969. Review of Quantitative
 *   Finance and Accounting 11(2), 111–137.
 * - Newey, W. K. & West, K. D. (1987). A simple, positive semi-definite, heteroskedasticity and
 *   autocorrelation consistent covariance matrix. Econometrica 55(3), 703–708.
 * - Newey, W. K. & West, K. D. (1994). Automatic lag selection in covariance matrix
 *   estimation. Review of Economic Studies 61(4), 631–653.
 * - Sandler, D. H. & Sandler, R. (2014). Multiple event studies in public finance and labor
 *   economics: a simulation study with applications. Journal of Economic and Social
 *   Measurement 39(1–2), 31–57.
 * - MacKinlay, A. C. (1997). Event studies in economics and finance. JEL 35(1), 13–39.
 *
 * @param data - One series with its sessions and optional controls (e.g. `alignReturns(…)`).
 * @param events - Statements with their day 0 on the series' sessions (e.g. from `alignEvents`).
 * @param options - Specification, window, controls, lags, sample, HAC lag and adjustment,
 *   covariance choice, duplicate handling, extra hypotheses.
 * @returns Coefficient rows, CAR rows, Wald rows, both covariances, the design and warnings.
 * @throws INVALID_OPTION for bad options, an unknown control, duplicate statement ids.
 * @throws INVALID_INPUT when a day 0 is not a session of the data.
 * @throws DATE_OUT_OF_RANGE when an event window runs past the data.
 * @throws MISSING_RETURNS when an event session has a missing return or control, or the
 *   `market` control is requested without market returns.
 * @throws INSUFFICIENT_ESTIMATION_DATA when T ≤ K.
 * @throws SINGULAR_DESIGN for a rank-deficient design (collinear controls), or identical
 *   dummies with `duplicates: "error"`.
 * @example
 * ```ts
 * // synthetic daily returns: beta 1.1 to the market, and 5% more on 9 April 2025
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-11"));
 * const market = Float64Array.from(days, (_, i) => 0.01 * Math.sin(i));
 * const asset = market.map((m, i) => 1.1 * m + 0.002 * Math.cos(5 * i) + (isoFromDayKey(days[i]!) === "2025-04-09" ? 0.05 : 0));
 * const fit = dummyRegression({ days, asset, market }, [{ id: "E34", day0: "2025-04-09" }], { window: [0, 0], estimation: 60 });
 * fit.terms;        // => ["intercept", "market", "E34[0]"]
 * fit.coefficients; // => Float64Array [0.0000, 1.11, 0.048]
 * fit.regression[2]; // => { term: "E34[0]", estimate: 0.048, vcov: "ols", … } (a lone dummy: OLS, not HAC)
 * fit.wald[0]!.df;  // => 1
 * ```
 */
export function dummyRegression(data: ClusteredData, events: readonly ClusteredEvent[], options: DummyRegressionOptions = {}): DummyRegressionResult {
  const o = resolveDummyOptions(data, options);
  const warnings: Warning[] = [];
  const evs = resolveEvents(data.days, events);
  const sample = dummySample(data, evs, o, warnings);
  const controls = controlColumns(data, options.controls, o.lags);
  const eventCols = eventColumns(data, evs, o, warnings);
  const columns: DesignColumn[] = [{ name: "intercept", kind: "intercept", values: () => 1 }, ...controls, ...eventCols.columns];
  const design = designMatrix(data, evs, o, sample, columns, controls.length);
  const fit = fitDummyRegression(design, columns, o);
  if (fit.lagWarning !== undefined) warnings.push(fit.lagWarning);
  const terms = { K: design.K, firstEvent: 1 + controls.length, events: eventCols };
  const regression = coefficientRows(data, columns, fit);
  const cars = carRows(evs, o, terms, fit);
  const wald = waldRows(evs, o, terms, columns, fit, options.hypotheses ?? []);

  // volatility: the returns' SD around the statements against the sample before them
  const day0s = evs.map((e) => e.index);
  const bandStart = Math.max(sample.lo, Math.min(...day0s) - VOLATILITY_BAND);
  const bandEnd = Math.min(sample.hi + 1, Math.max(...day0s) + VOLATILITY_BAND + 1);
  const volatility = volatilityCheck(
    data.asset,
    { start: bandStart, end: bandEnd },
    { start: sample.lo, end: bandStart },
    { threshold: options.volatilityRatio ?? 2, eventId: evs[0]!.id },
  );
  if (volatility.warning !== undefined) warnings.push(volatility.warning);

  const { specification, hacAdjust, vcovChoice } = o;
  const lagRule = typeof o.lagOption === "number" ? "given" : o.lagOption;
  return {
    specification,
    method:
      specification === "event"
        ? "dummy-variable regression (event-parameter approach), per statement and day"
        : "dummy-variable regression, pooled over statements",
    convention:
      `OLS via QR, s² = RSS/(T−K); Newey-West HAC with Bartlett kernel, lag ${fit.lag} (${lagRule}), no prewhitening, ${hacAdjust ? "T/(T−K) adjustment" : "no small-sample adjustment"}; ` +
      `t tests against t(T−K); Wald χ²(q) and F(q, T−K); covariance ${vcovChoice}`,
    terms: columns.map((c) => c.name),
    coefficients: fit.coefficients,
    covOls: fit.covOls,
    covHac: fit.covHac,
    regression,
    cars,
    wald,
    nObs: design.T,
    k: design.K,
    df: fit.df,
    sigma2: fit.sigma2,
    r2: fit.r2,
    hac: { lag: fit.lag, rule: lagRule, adjust: hacAdjust, kernel: "bartlett", prewhite: false },
    sample: { from: isoFromDayKey(data.days[sample.lo]!), to: isoFromDayKey(data.days[sample.hi]!), sessions: sample.hi - sample.lo + 1, used: design.T },
    events: evs.map((e) => ({ id: e.id, day0: e.iso, index: e.index })),
    rows: design.rows,
    design: design.X,
    residuals: fit.residuals,
    leverageOne: fit.leverageRows.map((r) => isoFromDayKey(data.days[design.rows[r]!]!)),
    volatility,
    warnings,
  };
}
