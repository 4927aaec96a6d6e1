/**
 * Dummy-variable (event-parameter) regression on one series with OLS and Newey–West
 * standard errors, CARs as linear combinations and Wald tests (METHODS.md §6a).
 * @module
 */
import { MarketReactionError, invalidOption } from "../../errors.js";
import type { Warning } from "../../errors.js";
import { matchFactorName } from "../../models/spec.js";
import { hacCovariance, neweyWestLag, olsQr, studentTTwoSided } from "../../stats/index.js";
import type { NeweyWestLagRule } from "../../stats/hac.js";
import { isoFromDayKey } from "../../time/index.js";
import type { Window } from "../../types.js";
import { checkWindow, nonNegativeInt, offsetLabel, resolveEvents, windowLabel } from "./common.js";
import type { ResolvedEvent } from "./common.js";
import type {
  CarRow,
  ClusteredData,
  ClusteredEvent,
  DummyRegressionOptions,
  DummyRegressionResult,
  DummySpecification,
  RegressionRow,
  VcovChoice,
  WaldHypothesis,
  WaldRow,
} from "./types.js";
import { volatilityCheck } from "./volatility.js";
import { waldStatistic } from "./wald.js";

/**
 * A Newey–West lag bounded by the sample: at least T (the autocovariances beyond T − 1 do not
 * exist) is an error; above T/4 a warning: OLS residuals sum to zero, so with weights near 1
 * over most lags the long-run variance collapses towards zero (a lag of 1,000 on 113
 * observations gives a standard error of almost nothing).
 */
function checkHacLag(lag: number, T: number, given: boolean): Warning | undefined {
  const rule = neweyWestLag(T, "nw1994");
  if (given && lag >= T) {
    invalidOption("hacLag", lag, `a lag below the ${T} regression observations (the nw1994 rule gives ${rule}; on the command line --hac-lag)`);
  }
  if (lag <= T / 4) return undefined;
  return {
    code: "HAC_LAG_LARGE",
    message: `the Newey-West lag ${lag} is more than a quarter of the ${T} regression observations: the HAC standard errors shrink towards zero at such lags; use hacLag "nw1994" (${rule}) or a lag of at most ${Math.floor(T / 4)} (command line: --hac-lag)`,
  };
}

/** Leverage at or above 1 − this counts as one (a session isolated by its dummy). */
const LEVERAGE_TOL = 1e-8;
/** Relative weight below which a linear combination does not load on a session. */
const LOAD_TOL = 1e-8;
/** Sessions on each side of the statements that form the event period of the volatility check. */
const VOLATILITY_BAND = 10;

interface Column {
  readonly name: string;
  readonly kind: RegressionRow["kind"];
  readonly values: (i: number) => number;
  readonly events?: { id: string; offset: number }[];
  readonly session?: number;
}

function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value as T)) invalidOption(name, value, allowed.map((a) => `"${a}"`).join(" | "));
  return value as T;
}

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
 *   on it omits that session's variance (METHODS.md: "a single-observation coefficient gains
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
export function dummyRegression(
  data: ClusteredData,
  events: readonly ClusteredEvent[],
  options: DummyRegressionOptions = {},
): DummyRegressionResult {
  if (typeof data !== "object" || data === null || !(data.asset instanceof Float64Array) || !(data.days instanceof Int32Array)) {
    invalidOption("data", data, "{ days: Int32Array, asset: Float64Array, market?, factors? } (e.g. alignReturns(…))");
  }
  if (data.days.length !== data.asset.length) {
    throw new MarketReactionError("INVALID_INPUT", `data: ${data.days.length} sessions but ${data.asset.length} returns`);
  }
  const n = data.asset.length;
  const specification = checkOneOf<DummySpecification>(options.specification, ["event", "pooled"], "event", "specification");
  const duplicates = checkOneOf(options.duplicates, ["merge", "error"] as const, "merge", "duplicates");
  const vcovChoice = checkOneOf<VcovChoice>(options.vcov, ["auto", "hac", "ols"], "auto", "vcov");
  const window = options.window === undefined ? ([-1, 1] as Window) : checkWindow(options.window, "window");
  const carWindows = (options.carWindows ?? [window]).map((w, i) => {
    const c = checkWindow(w, `carWindows[${i}]`);
    if (c[0] < window[0] || c[1] > window[1]) invalidOption(`carWindows[${i}]`, w, `a window inside the dummy window ${windowLabel(window)}`);
    return c;
  });
  const lags = nonNegativeInt(options.lags, 0, "lags", 20);
  const estimation = nonNegativeInt(options.estimation, 250, "estimation");
  const after = nonNegativeInt(options.after, 0, "after");
  const hacAdjust = options.hacAdjust ?? false;
  if (typeof hacAdjust !== "boolean") invalidOption("hacAdjust", hacAdjust, "true or false");
  const lagOption = options.hacLag ?? "nw1994";
  if (!(lagOption === "nw1994" || lagOption === "cube-root" || (typeof lagOption === "number" && Number.isInteger(lagOption) && lagOption >= 0))) {
    invalidOption("hacLag", lagOption, `a non-negative integer, "nw1994" or "cube-root"`);
  }
  const warnings: Warning[] = [];
  const evs = resolveEvents(data.days, events);

  // event sessions
  const [a, b] = window;
  let minS = Number.POSITIVE_INFINITY;
  let maxS = Number.NEGATIVE_INFINITY;
  for (const e of evs) {
    const s0 = e.index + a;
    const s1 = e.index + b;
    if (s0 < 0 || s1 >= n) {
      throw new MarketReactionError(
        "DATE_OUT_OF_RANGE",
        `statement ${e.id}: the event window ${windowLabel(window)} around ${e.iso} runs past the data (${isoFromDayKey(data.days[0]!)} to ${isoFromDayKey(data.days[n - 1]!)})`,
      );
    }
    minS = Math.min(minS, s0);
    maxS = Math.max(maxS, s1);
  }
  const lo = Math.max(0, minS - estimation);
  const hi = Math.min(n - 1, maxS + after);
  if (minS - estimation < 0) {
    warnings.push({
      code: "SHORT_ESTIMATION_SAMPLE",
      message: `the sample starts at the first session with data (${isoFromDayKey(data.days[0]!)}): ${minS} sessions before the first event window instead of ${estimation}`,
    });
  }

  // controls
  const controlCols: Column[] = [];
  const defaultControls = data.market !== undefined ? ["market"] : [];
  const controls = options.controls ?? defaultControls;
  if (!Array.isArray(controls)) invalidOption("controls", controls, `an array of "market" and factor names`);
  for (const name of controls) {
    if (name === "market") {
      const m = data.market;
      if (!(m instanceof Float64Array)) throw new MarketReactionError("MISSING_RETURNS", `control "market" requested but the data has no market returns`);
      if (m.length !== n) throw new MarketReactionError("INVALID_INPUT", `data.market has ${m.length} values; expected ${n}`);
      controlCols.push({ name: "market", kind: "control", values: (i) => m[i]! });
      continue;
    }
    const available = data.factors === undefined ? [] : Object.keys(data.factors);
    const hit = typeof name === "string" ? matchFactorName(available, name) : undefined;
    if (hit === undefined) invalidOption("controls", name, `"market" or one of the factor columns (${available.join(", ") || "none given"})`);
    const col = data.factors![hit]!;
    if (col.length !== n) throw new MarketReactionError("INVALID_INPUT", `factor ${hit} has ${col.length} values; expected ${n}`);
    controlCols.push({ name: hit, kind: "control", values: (i) => col[i]! });
  }
  const asset = data.asset;
  for (let l = 1; l <= lags; l++) {
    controlCols.push({ name: `lag${l}`, kind: "lag", values: (i) => (i - l >= 0 ? asset[i - l]! : Number.NaN) });
  }

  // event columns
  const eventCols: Column[] = [];
  const eventTermOf = new Map<number, number>(); // session -> index into eventCols (event spec)
  const merges: string[] = [];
  if (specification === "event") {
    for (const e of evs) {
      for (let k = a; k <= b; k++) {
        const s = e.index + k;
        const existing = eventTermOf.get(s);
        if (existing !== undefined) {
          const col = eventCols[existing]!;
          col.events!.push({ id: e.id, offset: k });
          continue;
        }
        eventTermOf.set(s, eventCols.length);
        eventCols.push({ name: "", kind: "event", values: (i) => (i === s ? 1 : 0), events: [{ id: e.id, offset: k }], session: s });
      }
    }
    const named: Column[] = eventCols.map((c) => {
      const name = c.events!.map((x) => `${x.id}[${offsetLabel(x.offset)}]`).join("=");
      if (c.events!.length > 1) merges.push(`${name} (${isoFromDayKey(data.days[c.session!]!)})`);
      return { ...c, name };
    });
    eventCols.splice(0, eventCols.length, ...named);
    if (merges.length > 0) {
      if (duplicates === "error") {
        throw new MarketReactionError(
          "SINGULAR_DESIGN",
          `dummies of different statements fall on the same session, so their columns are identical and the design is singular: ${merges.join("; ")}; ` +
            `with daily data their effects are not separately identified (use duplicates: "merge", the pooled specification, or drop one statement)`,
        );
      }
      warnings.push({
        code: "MERGED_EVENT_DUMMIES",
        message:
          `dummies of different statements fall on the same session and are merged into one term each (their effects are not separately identified with daily data; ` +
          `each merged term enters the CAR of every statement it names): ${merges.join("; ")}`,
      });
    }
  } else {
    const dayIndex = evs.map((e) => e.index);
    for (let k = a; k <= b; k++) {
      eventCols.push({
        name: `pooled[${offsetLabel(k)}]`,
        kind: "pooled",
        values: (i) => {
          let c = 0;
          for (const t of dayIndex) if (i === t + k) c++;
          return c;
        },
      });
    }
  }

  const columns: Column[] = [{ name: "intercept", kind: "intercept", values: () => 1 }, ...controlCols, ...eventCols];
  const K = columns.length;

  // complete cases
  const eventSessions = new Set<number>();
  for (const e of evs) for (let k = a; k <= b; k++) eventSessions.add(e.index + k);
  const rowsList: number[] = [];
  for (let i = lo; i <= hi; i++) {
    let ok = Number.isFinite(asset[i]!);
    for (let c = 1; ok && c <= controlCols.length; c++) ok = Number.isFinite(columns[c]!.values(i));
    if (ok) rowsList.push(i);
    else if (eventSessions.has(i)) {
      const who = evs.filter((e) => i - e.index >= a && i - e.index <= b).map((e) => `${e.id}[${offsetLabel(i - e.index)}]`);
      throw new MarketReactionError(
        "MISSING_RETURNS",
        `the event session ${isoFromDayKey(data.days[i]!)} (${who.join(", ")}) has a missing return or control; its dummy cannot be estimated`,
      );
    }
  }
  const rows = Int32Array.from(rowsList);
  const T = rows.length;
  if (T <= K) {
    throw new MarketReactionError(
      "INSUFFICIENT_ESTIMATION_DATA",
      `the dummy regression has ${K} coefficients but only ${T} complete sessions in the sample; lengthen the estimation period`,
    );
  }
  const X = new Float64Array(T * K);
  const y = new Float64Array(T);
  for (let r = 0; r < T; r++) {
    const i = rows[r]!;
    y[r] = asset[i]!;
    for (let c = 0; c < K; c++) X[r + c * T] = columns[c]!.values(i);
  }
  const fit = olsQr(y, X, T, K);
  if (fit.rankDeficient) {
    throw new MarketReactionError(
      "SINGULAR_DESIGN",
      `the dummy-regression design (${columns.map((c) => c.name).join(", ")}) is rank-deficient (rank ${fit.rank} of ${K}): a control is constant or collinear with others`,
    );
  }
  const C = fit.covUnscaled;
  const df = T - K;
  const covOls = new Float64Array(K * K);
  for (let i = 0; i < K * K; i++) covOls[i] = fit.sigma2 * C[i]!;
  const lag = typeof lagOption === "number" ? lagOption : neweyWestLag(T, lagOption as NeweyWestLagRule);
  const lagWarning = checkHacLag(lag, T, typeof lagOption === "number");
  if (lagWarning !== undefined) warnings.push(lagWarning);
  const covHac = hacCovariance(X, fit.residuals, C, T, K, { lag, adjust: hacAdjust });

  // leverage
  const leverageRows: number[] = [];
  const xr = new Float64Array(K);
  for (let r = 0; r < T; r++) {
    for (let c = 0; c < K; c++) xr[c] = X[r + c * T]!;
    let h = 0;
    for (let p = 0; p < K; p++) {
      let s = 0;
      for (let q = 0; q < K; q++) s += C[p * K + q]! * xr[q]!;
      h += xr[p]! * s;
    }
    if (h >= 1 - LEVERAGE_TOL) leverageRows.push(r);
  }
  /** Whether c′β̂ depends on the outcome of a leverage-one session. */
  const loadsOnIsolated = (c: Float64Array): boolean => {
    if (leverageRows.length === 0) return false;
    const g = new Float64Array(K);
    for (let p = 0; p < K; p++) {
      let s = 0;
      for (let q = 0; q < K; q++) s += C[p * K + q]! * c[q]!;
      g[p] = s;
    }
    let max = 0;
    const weight = (r: number): number => {
      let s = 0;
      for (let p = 0; p < K; p++) s += g[p]! * X[r + p * T]!;
      return Math.abs(s);
    };
    for (let r = 0; r < T; r++) max = Math.max(max, weight(r));
    if (max === 0) return false;
    return leverageRows.some((r) => weight(r) > LOAD_TOL * max);
  };
  const pick = (c: Float64Array): "hac" | "ols" => (vcovChoice === "auto" ? (loadsOnIsolated(c) ? "ols" : "hac") : vcovChoice);
  const form = (V: Float64Array, c: Float64Array): number => {
    let s = 0;
    for (let p = 0; p < K; p++) {
      if (c[p] === 0) continue;
      let r = 0;
      for (let q = 0; q < K; q++) r += V[p * K + q]! * c[q]!;
      s += c[p]! * r;
    }
    return s;
  };
  const combine = (c: Float64Array) => {
    let est = 0;
    for (let p = 0; p < K; p++) est += c[p]! * fit.coefficients[p]!;
    const seOls = Math.sqrt(form(covOls, c));
    const seHac = Math.sqrt(form(covHac, c));
    const vcov = pick(c);
    const statistic = est / (vcov === "hac" ? seHac : seOls);
    return { estimate: est, std_error: seOls, std_error_hac: seHac, statistic, p_value: studentTTwoSided(statistic, df), vcov, df };
  };
  const unit = (j: number): Float64Array => {
    const c = new Float64Array(K);
    c[j] = 1;
    return c;
  };

  const regression: RegressionRow[] = columns.map((col, j) => {
    const v = combine(unit(j));
    return {
      term: col.name,
      kind: col.kind,
      ...v,
      ...(col.events === undefined ? {} : { events: col.events.map((x) => ({ ...x })) }),
      ...(col.session === undefined ? {} : { session: isoFromDayKey(data.days[col.session]!) }),
    };
  });
  const firstEvent = 1 + controlCols.length;

  // CARs
  const carVector = (e: ResolvedEvent, w: Window): Float64Array => {
    const c = new Float64Array(K);
    for (let k = w[0]; k <= w[1]; k++) c[firstEvent + eventTermOf.get(e.index + k)!] = 1;
    return c;
  };
  const cars: CarRow[] = [];
  for (const w of carWindows) {
    if (specification === "event") {
      const mean = new Float64Array(K);
      for (const e of evs) {
        const c = carVector(e, w);
        for (let p = 0; p < K; p++) mean[p] = mean[p]! + c[p]! / evs.length;
        cars.push({ event_id: e.id, window: [w[0], w[1]], ...combine(c) });
      }
      if (evs.length > 1) cars.push({ event_id: "mean", window: [w[0], w[1]], ...combine(mean) });
    } else {
      const c = new Float64Array(K);
      for (let k = w[0]; k <= w[1]; k++) c[firstEvent + (k - a)] = 1;
      cars.push({ event_id: "pooled", window: [w[0], w[1]], ...combine(c) });
    }
  }

  // Wald tests
  const termIndex = new Map(columns.map((c, j) => [c.name, j] as const));
  const hyps: { name: string; R: Float64Array[]; r: number[] }[] = [];
  const allEvents = eventCols.map((_, j) => unit(firstEvent + j));
  hyps.push({ name: specification === "event" ? "all event coefficients = 0" : "all pooled coefficients = 0", R: allEvents, r: allEvents.map(() => 0) });
  if (specification === "event") {
    for (const e of evs) {
      const idx = new Set<number>();
      for (let k = a; k <= b; k++) idx.add(firstEvent + eventTermOf.get(e.index + k)!);
      const R = [...idx].sort((x, y) => x - y).map(unit);
      hyps.push({ name: `${e.id}: window ${windowLabel(window)} coefficients = 0`, R, r: R.map(() => 0) });
    }
    const w0 = carWindows[0]!;
    for (let i = 0; i < evs.length; i++) {
      for (let j = i + 1; j < evs.length; j++) {
        const ci = carVector(evs[i]!, w0);
        const cj = carVector(evs[j]!, w0);
        const d = ci.map((v, p) => v - cj[p]!);
        if (d.every((v) => v === 0)) continue; // identical CARs (same day 0): nothing to test
        hyps.push({ name: `CAR ${evs[i]!.id} ${windowLabel(w0)} = CAR ${evs[j]!.id} ${windowLabel(w0)}`, R: [d], r: [0] });
      }
    }
  }
  for (const [h, hyp] of (options.hypotheses ?? []).entries()) hyps.push(parseHypothesis(hyp, h, termIndex, K));
  const wald: WaldRow[] = [];
  const seen = new Map<string, number>();
  for (const h of hyps) {
    const key = h.R.map((row) => row.join(",")).join(";") + "|" + h.r.join(",");
    const prior = seen.get(key);
    if (prior !== undefined) {
      const row = wald[prior]!;
      wald[prior] = { ...row, hypothesis: mergeNames(row.hypothesis, h.name) };
      continue;
    }
    const q = h.R.length;
    const R = new Float64Array(q * K);
    h.R.forEach((row, i) => R.set(row, i * K));
    const vcov: "hac" | "ols" = vcovChoice === "auto" ? (h.R.some(loadsOnIsolated) ? "ols" : "hac") : vcovChoice;
    const v = waldStatistic(fit.coefficients, vcov === "hac" ? covHac : covOls, K, R, Float64Array.from(h.r), df);
    seen.set(key, wald.length);
    wald.push({ hypothesis: h.name, ...v, vcov });
  }

  // volatility
  const day0s = evs.map((e) => e.index);
  const bandStart = Math.max(lo, Math.min(...day0s) - VOLATILITY_BAND);
  const bandEnd = Math.min(hi + 1, Math.max(...day0s) + VOLATILITY_BAND + 1);
  const volatility = volatilityCheck(
    asset,
    { start: bandStart, end: bandEnd },
    { start: lo, end: bandStart },
    { threshold: options.volatilityRatio ?? 2, eventId: evs[0]!.id },
  );
  if (volatility.warning !== undefined) warnings.push(volatility.warning);

  const lagRule = typeof lagOption === "number" ? "given" : lagOption;
  return {
    specification,
    method: specification === "event" ? "dummy-variable regression (event-parameter approach), per statement and day" : "dummy-variable regression, pooled over statements",
    convention:
      `OLS via QR, s² = RSS/(T−K); Newey-West HAC with Bartlett kernel, lag ${lag} (${lagRule}), no prewhitening, ${hacAdjust ? "T/(T−K) adjustment" : "no small-sample adjustment"}; ` +
      `t tests against t(T−K); Wald χ²(q) and F(q, T−K); covariance ${vcovChoice}`,
    terms: columns.map((c) => c.name),
    coefficients: fit.coefficients,
    covOls,
    covHac,
    regression,
    cars,
    wald,
    nObs: T,
    k: K,
    df,
    sigma2: fit.sigma2,
    r2: fit.r2,
    hac: { lag, rule: lagRule, adjust: hacAdjust, kernel: "bartlett", prewhite: false },
    sample: { from: isoFromDayKey(data.days[lo]!), to: isoFromDayKey(data.days[hi]!), sessions: hi - lo + 1, used: T },
    events: evs.map((e) => ({ id: e.id, day0: e.iso, index: e.index })),
    rows,
    design: X,
    residuals: fit.residuals,
    leverageOne: leverageRows.map((r) => isoFromDayKey(data.days[rows[r]!]!)),
    volatility,
    warnings,
  };
}

function mergeNames(a: string, b: string): string {
  // "E17: window … = 0" + "E22: window … = 0" -> "E17, E22: window … = 0"
  const ia = a.indexOf(": ");
  const ib = b.indexOf(": ");
  if (ia > 0 && ib > 0 && a.slice(ia) === b.slice(ib)) return `${a.slice(0, ia)}, ${b.slice(0, ib)}${a.slice(ia)}`;
  return `${a}; ${b}`;
}

function parseHypothesis(h: WaldHypothesis, index: number, terms: Map<string, number>, K: number): { name: string; R: Float64Array[]; r: number[] } {
  const name = `hypotheses[${index}]`;
  if (typeof h !== "object" || h === null || typeof h.hypothesis !== "string" || !Array.isArray(h.rows) || h.rows.length === 0) {
    invalidOption(name, h, "{ hypothesis: string, rows: [{ term: weight, … }, …], rhs?: number[] }");
  }
  const R = h.rows.map((row, i) => {
    const c = new Float64Array(K);
    for (const [term, weight] of Object.entries(row)) {
      const j = terms.get(term);
      if (j === undefined) invalidOption(`${name}.rows[${i}]`, term, `a term of the regression (${[...terms.keys()].join(", ")})`);
      if (typeof weight !== "number" || !Number.isFinite(weight)) invalidOption(`${name}.rows[${i}].${term}`, weight, "a finite number");
      c[j] = weight;
    }
    return c;
  });
  const r = h.rhs === undefined ? R.map(() => 0) : [...h.rhs];
  if (r.length !== R.length || r.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    invalidOption(`${name}.rhs`, h.rhs, `${R.length} finite numbers`);
  }
  return { name: h.hypothesis, R, r };
}
