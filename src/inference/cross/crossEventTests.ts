/**
 * Cross-event aggregation (AAR per day, CAAR per window) and the test battery with convention
 * profiles (docs/tests.md lists every test with its formula and reference).
 * @module
 */
import { cumulativeAbnormalReturn } from "../../abnormal/car.js";
import { MarketReactionError, invalidOption, type Warning } from "../../errors.js";
import { isoFromDayKey } from "../../time/index.js";
import { adjustFamily } from "./adjust.js";
import { adjustedBmpTest, bmpTest } from "./bmp.js";
import { brownWarner1980Test } from "./bw1980.js";
import { averageResidualCorrelation } from "./correlation.js";
import { crossSectionalTTest } from "./crossSectionalT.js";
import { grankTest } from "./grank.js";
import { jackknifeTest } from "./jackknife.js";
import { lambTest } from "./lamb.js";
import { adjustedPatellTest, patellTest } from "./patell.js";
import {
  averageByKey,
  corradoStatistic,
  poolScores,
  zivneyStatistic,
  type KeyedSeries,
  type PooledScores,
  type PooledStatistic,
} from "./pooled.js";
import { generalizedSignProbability, generalizedSignTest, signTest } from "./sign.js";
import { skewnessAdjustedTTest } from "./skewnessAdjustedT.js";
import { timeSeriesTTest } from "./timeSeriesT.js";
import {
  TEST_NAMES,
  type Conventions,
  type CrossEvent,
  type CrossEventOptions,
  type CrossEventResult,
  type CrossTestResult,
  type DailyRow,
  type PAdjustMethod,
  type TestName,
  type TestResults,
  type WindowRow,
} from "./types.js";
import { Acc, makeResult, moments, pNormal } from "./util.js";
import { wilcoxonSignedRankTest } from "./wilcoxon.js";

/** Tests that estudy2 computes (the others are textbook in both profiles). */
const ESTUDY2_TESTS: ReadonlySet<TestName> = new Set<TestName>([
  "cross_sectional_t",
  "time_series_t",
  "bw1980",
  "patell",
  "bmp",
  "sign",
  "generalized_sign",
  "corrado_rank",
  "corrado_zivney_rank",
  "corrado_zivney_sign",
  "wilcoxon",
  "lamb",
]);

/** Per-event quantities, prepared once. */
interface Prepared {
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
  /** Estimation SARs ê/s (textbook s), for GRANK. */
  readonly estSar: Float64Array;
}

function fail(message: string): never {
  throw new MarketReactionError("INVALID_INPUT", message, [{ message }]);
}

function checkOptions(options: CrossEventOptions): {
  tests: TestName[];
  conventions: Conventions;
  adjust: PAdjustMethod;
} {
  if (options === null || typeof options !== "object") invalidOption("options", options, "an options object");
  const windows = options.windows;
  if (!Array.isArray(windows)) invalidOption("windows", windows, "an array of [start, end] offsets");
  windows.forEach((w, i) => {
    if (!Array.isArray(w) || w.length !== 2 || !Number.isInteger(w[0]) || !Number.isInteger(w[1]) || w[0] > w[1]) {
      invalidOption(`windows[${i}]`, w, "[start, end] with integer offsets, start ≤ end");
    }
  });
  const t = options.tests ?? "all";
  let tests: TestName[];
  if (t === "all") tests = [...TEST_NAMES];
  else if (Array.isArray(t)) {
    for (const name of t) {
      if (!(TEST_NAMES as readonly string[]).includes(name)) invalidOption("tests", name, `"all" or names from ${TEST_NAMES.join(", ")}`);
    }
    tests = TEST_NAMES.filter((n) => t.includes(n));
  } else invalidOption("tests", t, `"all" or an array of test names`);
  const conventions = options.conventions ?? "textbook";
  if (conventions !== "textbook" && conventions !== "estudy2") invalidOption("conventions", conventions, `"textbook" or "estudy2"`);
  const adjust = options.adjust ?? "none";
  if (adjust !== "none" && adjust !== "holm" && adjust !== "bh") invalidOption("adjust", adjust, `"none", "holm" or "bh"`);
  if (options.days !== undefined && (!Array.isArray(options.days) || options.days.some((d) => !Number.isInteger(d)))) {
    invalidOption("days", options.days, "an array of integer offsets");
  }
  return { tests, conventions, adjust };
}

function prepare(events: readonly CrossEvent[]): Prepared[] {
  return events.map((ev, i) => {
    const { fit, ars } = ev;
    const M = fit.residuals.length;
    if (ev.estimationDays.length !== M) fail(`events[${i}] (${ev.id}): estimationDays has ${ev.estimationDays.length} days for ${M} residuals`);
    if (ev.eventDays.length !== ars.length) fail(`events[${i}] (${ev.id}): eventDays has ${ev.eventDays.length} days for ${ars.length} abnormal returns`);
    if (ev.estimationOffsets !== undefined && ev.estimationOffsets.length !== M) {
      fail(`events[${i}] (${ev.id}): estimationOffsets has ${ev.estimationOffsets.length} values for ${M} residuals`);
    }
    let estOffsets = ev.estimationOffsets;
    if (estOffsets === undefined) {
      estOffsets = new Int32Array(M);
      for (let j = 0; j < M; j++) estOffsets[j] = ars.start - M + j;
    }
    const s = Math.sqrt(fit.sigma2);
    const estSar = new Float64Array(M);
    for (let j = 0; j < M; j++) estSar[j] = fit.residuals[j]! / s;
    const ms = moments(fit.residuals);
    return {
      ev,
      start: ars.start,
      length: ars.length,
      M,
      s2: fit.sigma2,
      s2sample: ms.sd * ms.sd,
      estOffsets,
      estSar,
    };
  });
}

function sameDays(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A pair's statement id with its asset, when it has one. */
function pairName(ev: CrossEvent): string {
  return `${ev.id} (${ev.asset})`;
}

/** Why the estudy2 profile cannot be reproduced exactly on these events (undefined = it can). */
function estudy2Obstacle(prep: readonly Prepared[]): string | undefined {
  const first = prep[0]!;
  for (const p of prep) {
    const ars = p.ev.ars;
    for (let j = 0; j < ars.length; j++) if (Number.isNaN(ars.ar[j]!) || Number.isNaN(ars.variance[j]!)) return `event ${p.ev.id} has a missing abnormal return`;
    for (let j = 0; j < p.M; j++) if (Number.isNaN(p.ev.fit.residuals[j]!)) return `event ${p.ev.id} has a missing estimation residual`;
    if (p.start !== first.start || p.length !== first.length || !sameDays(p.ev.eventDays, first.ev.eventDays)) {
      return `events ${first.ev.id} and ${p.ev.id} do not share the same event-window dates`;
    }
    if (!sameDays(p.ev.estimationDays, first.ev.estimationDays)) {
      return `events ${pairName(first.ev)} and ${pairName(p.ev)} do not share the same estimation dates (${first.ev.estimationDays.length} and ${p.ev.estimationDays.length} observations)`;
    }
  }
  return undefined;
}

function label(result: CrossTestResult, profile: string): CrossTestResult {
  return { ...result, convention: `${profile}: ${result.convention}` };
}

/** Σ of the daily statistics over √D with a normal reference (estudy2's CAR statistics). */
function sumOfDaily(daily: readonly (CrossTestResult | undefined)[], method: string, what: string): CrossTestResult {
  const acc = new Acc();
  let D = 0;
  let n = 0;
  for (const r of daily) {
    if (r === undefined || Number.isNaN(r.statistic)) continue;
    acc.add(r.statistic);
    D++;
    if (r.n > n) n = r.n;
  }
  const z = D === 0 ? Number.NaN : acc.value / Math.sqrt(D);
  return makeResult(z, pNormal(z), undefined, n, method, `estudy2: Σ daily ${what} / √D; N(0,1)`, { D });
}

function pooledResult(s: PooledStatistic, p: PooledScores, method: string, convention: string): CrossTestResult {
  return makeResult(s.z, pNormal(s.z), undefined, s.n, method, convention, { T: p.keys, L: s.length });
}

/**
 * Cross-event aggregation and tests: AAR and the daily tests for every event day, CAAR and the
 * window tests for every window, under the `textbook` or `estudy2` convention profile.
 *
 * ## Method
 * Events are (asset, statement) pairs; day τ of event i is offset τ of its event span.
 * - AAR_τ = (1/N_τ) Σ_i AR_iτ over the N_τ events with an AR on τ; CAAR(W) = Σ_{τ∈W} AAR_τ
 *   (reported as `caar`); `mean_car` = (1/N_W) Σ_i CAR_i over the N_W events with a complete
 *   window. They coincide in a balanced panel; the CAR-based window tests test `mean_car`, the
 *   portfolio tests (time-series t, BW 1980, Lamb) test `caar`.
 * - Each test is the exported function of its own file (see their `## Method`): daily on the
 *   AR_iτ (or SAR_iτ), windows on CAR_i or SCAR_i = CAR_i/√Var(CAR_i) (full covariance).
 * - Time-pooled tests (time-series t, Lamb, Corrado, Corrado–Zivney, GRANK) pool the estimation
 *   ARs by event-time offset (`estimationOffsets`) in the textbook profile and by calendar day in
 *   the estudy2 profile; the rank sample is the estimation window plus the whole event span.
 * - Kolari–Pynnönen r̄ (adjusted Patell/BMP): calendar-aligned correlation of estimation
 *   residuals, i ≠ j (see `averageResidualCorrelation`).
 * - `estudy2` profile (the R package estudy2's formulas), each a switch against textbook:
 *   s_i² = sample variance (M − 1) of the estimation ARs (BW 1980, Patell, BMP SARs); Patell
 *   factor (M − 2)/(M − 4); BW 1980/1985 daily df = L̄ − 1 (L̄ = mean estimation length);
 *   pooled generalized-sign p̂; calendar-date pooling; Lamb with the first event's market series
 *   and 1/L̄; the rank sample of a window test is estimation + that window; every window
 *   statistic of an estudy2 test is Σ_{τ∈W} (daily statistic)/√D against N(0, 1) (estudy2
 *   defines this for BW 1985, Lamb and — equivalently — its CAR rank test; the profile applies it
 *   to its other daily tests; Wilcoxon windows stay textbook). Tests estudy2 lacks (adjusted
 *   Patell/BMP, skewness-adjusted t, jackknife, GRANK) are textbook in both profiles. The profile
 *   is exact on complete data with common dates; otherwise it falls back to textbook, with a
 *   `CONVENTIONS_FALLBACK` warning (its missing-data quirks are not reproduced).
 * - `adjust`: Holm or BH p-values (`p_value_adjusted`); the families are, per test, all window
 *   rows of this call and, separately, all daily rows. Use `adjustAcrossResults` to adjust across
 *   statements.
 * Cost: O(N (M + L) log(M + L)) for the rank pools, O(N² M) for r̄ (only when an adjusted test is
 * requested), O(D N M log M) for daily GRANK.
 *
 * ## References
 * - Brown & Warner (1980, 1985); Patell (1976); Boehmer, Musumeci & Poulsen (1991); Kolari &
 *   Pynnönen (2010, 2011); Corrado (1989); Corrado & Zivney (1992); Cowan (1992); Lamb (1995);
 *   Johnson (1978); Wilcoxon (1945): see each test's documentation.
 * - Pacicco, F., Vena, L. & Venegoni, A. (2018). Event study estimations using Stata: the estudy
 *   command. Stata Journal 18(2), 461–476 (and the R package estudy2).
 *
 * @param events - One entry per (asset, statement) pair.
 * @param options - `windows`, `tests`, `conventions`, `adjust`, `days`.
 * @returns `{ daily, windows, conventions, rbar, warnings }`.
 * @throws MarketReactionError `INVALID_OPTION` for bad options; `INVALID_INPUT` when an event's
 *   day arrays do not match its residuals or ARs; `NO_VALID_EVENTS` when `events` is empty.
 * @example
 * ```ts
 * // three stocks (synthetic returns) that rose 3%, 6% and 9% on the day of the 90-day tariff pause
 * const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-17"));
 * const pause = dayKeyFromIso("2025-04-09");
 * const returns = (k: number) => Float64Array.from(days, (d, i) => (d === pause ? 0.03 * k : 0.005 * Math.sin(k * i)));
 * const assets = [1, 2, 3].map((k): Series => ({ id: `S${k}`, kind: "return", days, values: returns(k) }));
 * const study = eventStudy({ assets, events: parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n").events, estimation: [-100, -11] });
 * const events = study.pairs.map((p) => ({ id: p.eventId, asset: p.asset, fit: p.fit, ars: p.ars, estimationDays: estimationDaysOf(p), eventDays: p.eventDays }));
 * const result = crossEventTests(events, { windows: [[0, 0], [-1, 1]], tests: ["cross_sectional_t", "bmp"] });
 * result.windows[0]; // => { window_start: 0, window_end: 0, caar: 0.060, mean_car: 0.060, n: 3, … }
 * [result.windows[0]!.tests.cross_sectional_t!.statistic, result.windows[0]!.tests.bmp!.p_value]; // => [3.47, 0.073]
 * result.daily.map((row) => row.date); // => ["2025-04-08", "2025-04-09", "2025-04-10"]
 * ```
 */
export function crossEventTests(events: readonly CrossEvent[], options: CrossEventOptions): CrossEventResult {
  const { tests, conventions: requested, adjust } = checkOptions(options);
  if (!Array.isArray(events) || events.length === 0) {
    throw new MarketReactionError("NO_VALID_EVENTS", "cross-event tests need at least one event", []);
  }
  const warnings: Warning[] = [];
  const prep = prepare(events);
  const N = prep.length;
  const want = new Set(tests);

  let conventions: Conventions = requested;
  if (requested === "estudy2") {
    const why = estudy2Obstacle(prep);
    if (why !== undefined) {
      conventions = "textbook";
      warnings.push({
        code: "CONVENTIONS_FALLBACK",
        message: `estudy2 conventions need complete data on common dates (${why}); textbook statistics are reported instead`,
      });
    }
  }
  const e2 = conventions === "estudy2";
  if (!e2 && prep.some((p) => p.ev.estimationOffsets === undefined)) {
    const M0 = prep[0]!.M;
    const s0 = prep[0]!.start;
    if (prep.some((p) => p.M !== M0 || p.start !== s0)) {
      warnings.push({
        code: "ESTIMATION_OFFSETS_MISSING",
        message: "estimationOffsets are missing and the estimation windows differ in length or start: event-time pooling aligns them at their ends",
      });
    }
  }

  // offsets covered by the event spans
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of prep) {
    lo = Math.min(lo, p.start);
    hi = Math.max(hi, p.start + p.length - 1);
  }
  const nDays = hi - lo + 1;
  const Lbar = prep.reduce((a, p) => a + p.M, 0) / N;

  // shared building blocks
  const needPortfolio = want.has("time_series_t") || want.has("lamb");
  const portfolio = needPortfolio
    ? averageByKey(prep.map((p) => ({ keys: e2 ? p.ev.estimationDays : p.estOffsets, values: p.ev.fit.residuals })))
    : new Float64Array(0);
  const needR = want.has("adjusted_patell") || want.has("adjusted_bmp");
  const rbar = needR
    ? averageResidualCorrelation(prep.map((p) => ({ days: p.ev.estimationDays, values: p.ev.fit.residuals }))).rbar
    : Number.NaN;
  const pHat = want.has("generalized_sign")
    ? generalizedSignProbability(
        prep.map((p) => p.ev.fit.residuals),
        e2 ? "pooled" : "mean",
      )
    : Number.NaN;
  const keyOf = (p: Prepared, j: number): number => (e2 ? p.ev.eventDays[j]! : p.start + j);
  const rankSeries = (from: number, to: number): KeyedSeries[] =>
    prep.map((p) => {
      const a = Math.max(0, from - p.start);
      const b = Math.min(p.length, to - p.start + 1);
      const m = Math.max(0, b - a);
      const keys = new Float64Array(p.M + m);
      const values = new Float64Array(p.M + m);
      keys.set(e2 ? p.ev.estimationDays : p.estOffsets, 0);
      values.set(p.ev.fit.residuals, 0);
      for (let j = 0; j < m; j++) {
        keys[p.M + j] = keyOf(p, a + j);
        values[p.M + j] = p.ev.ars.ar[a + j]!;
      }
      return { keys, values };
    });
  const needRanks = want.has("corrado_rank") || want.has("corrado_zivney_rank") || want.has("corrado_zivney_sign");
  const spanSeries = needRanks ? rankSeries(lo, hi) : [];
  const pools = {
    corrado: want.has("corrado_rank") ? poolScores(spanSeries, "corrado") : undefined,
    uniform: want.has("corrado_zivney_rank") ? poolScores(spanSeries, "uniform") : undefined,
    sign: want.has("corrado_zivney_sign") ? poolScores(spanSeries, "sign") : undefined,
  };
  const grankEst: KeyedSeries[] = prep.map((p) => ({ keys: p.estOffsets, values: p.estSar }));
  const dfTb = prep.map((p) => p.ev.fit.df);
  const dfE2 = prep.map((p) => p.M - 2);
  const first = prep[0]!;
  const lambFirstMarket = first.ev.fit.model === "market" && first.ev.fit.k === 2;

  const profileOf = (name: TestName): string =>
    e2 ? (ESTUDY2_TESTS.has(name) ? "estudy2" : "textbook (estudy2 has no such test)") : "textbook";

  // ---- daily ----
  const x = new Float64Array(N);
  const sar = new Float64Array(N);
  const sarE2 = new Float64Array(N);
  const vari = new Float64Array(N);
  const s2avail = new Float64Array(N);
  const daily: DailyRow[] = [];
  for (let d = 0; d < nDays; d++) {
    const tau = lo + d;
    let date: number | undefined;
    let sameDate = true;
    let cSum = 0;
    let cN = 0;
    for (let i = 0; i < N; i++) {
      const p = prep[i]!;
      const j = tau - p.start;
      const ars = p.ev.ars;
      const inSpan = j >= 0 && j < p.length;
      const a = inSpan ? ars.ar[j]! : Number.NaN;
      x[i] = a;
      sar[i] = inSpan ? ars.t[j]! : Number.NaN;
      vari[i] = inSpan ? ars.variance[j]! : Number.NaN;
      const C = inSpan ? ars.variance[j]! / ars.sigma2 : Number.NaN;
      sarE2[i] = a / Math.sqrt(p.s2sample * C);
      s2avail[i] = Number.isNaN(a) ? Number.NaN : e2 ? p.s2sample : p.s2;
      if (!Number.isNaN(a)) {
        const day = p.ev.eventDays[j]!;
        if (date === undefined) date = day;
        else if (date !== day) sameDate = false;
        if (!Number.isNaN(C)) {
          cSum += C;
          cN++;
        }
      }
    }
    const m = moments(x);
    const aar = m.mean;
    const out: TestResults = {};
    const dayKey = e2 ? date! : tau;
    for (const name of tests) {
      const prof = profileOf(name);
      let r: CrossTestResult;
      switch (name) {
        case "cross_sectional_t":
          r = crossSectionalTTest(x);
          break;
        case "time_series_t":
          r = timeSeriesTTest(aar, portfolio, e2 ? { df: Lbar - 1 } : {});
          break;
        case "bw1980":
          r = brownWarner1980Test(aar, s2avail, e2 ? { df: Lbar - 1 } : {});
          break;
        case "patell":
          r = e2 ? patellTest(sarE2, dfE2) : patellTest(sar, dfTb);
          break;
        case "adjusted_patell":
          r = adjustedPatellTest(sar, dfTb, rbar);
          break;
        case "bmp":
          r = bmpTest(e2 ? sarE2 : sar);
          break;
        case "adjusted_bmp":
          r = adjustedBmpTest(sar, rbar);
          break;
        case "skewness_adjusted_t":
          r = skewnessAdjustedTTest(x);
          break;
        case "jackknife":
          r = jackknifeTest(x, vari);
          break;
        case "sign":
          r = signTest(x);
          break;
        case "generalized_sign":
          r = generalizedSignTest(x, pHat);
          break;
        case "corrado_rank":
          r = pooledResult(corradoStatistic(pools.corrado!, [dayKey], "keys"), pools.corrado!, "Corrado rank test", "ranks over estimation + event span; N(0,1)");
          break;
        case "corrado_zivney_rank":
          r = pooledResult(zivneyStatistic(pools.uniform!, [dayKey], "keys"), pools.uniform!, "Corrado-Zivney rank test", "U = K/(T_i + 1) over estimation + event span; N(0,1)");
          break;
        case "corrado_zivney_sign":
          r = pooledResult(zivneyStatistic(pools.sign!, [dayKey], "keys"), pools.sign!, "Corrado-Zivney sign test", "sign(AR − median over estimation + event span); N(0,1)");
          break;
        case "grank_t":
        case "grank_z": {
          const g = grankTest(grankEst, sar);
          r = name === "grank_t" ? g.t : g.z;
          break;
        }
        case "wilcoxon":
          r = wilcoxonSignedRankTest(x);
          break;
        case "lamb": {
          let factor: number;
          if (e2) {
            const j = tau - first.start;
            const C1 = first.ev.ars.variance[j]! / first.ev.ars.sigma2;
            factor = lambFirstMarket ? C1 - 1 / first.M + 1 / Lbar : C1;
          } else factor = cSum / cN;
          r = lambTest(aar, portfolio, factor, e2 ? { df: "normal" } : {});
          break;
        }
      }
      out[name] = label(r, prof);
    }
    const row: { rel_day: number; date?: string; aar: number; n: number; tests: TestResults } = { rel_day: tau, aar, n: m.n, tests: out };
    if (date !== undefined && sameDate) row.date = isoFromDayKey(date);
    daily.push(row);
  }

  // ---- windows ----
  const car = new Float64Array(N);
  const carVar = new Float64Array(N);
  const scar = new Float64Array(N);
  const s2w = new Float64Array(N);
  const windowRows: WindowRow[] = [];
  for (const w of options.windows) {
    const [a, b] = w;
    const L = b - a + 1;
    let factorSum = 0;
    for (let i = 0; i < N; i++) {
      const p = prep[i]!;
      if (a >= p.start && b <= p.start + p.length - 1) {
        const c = cumulativeAbnormalReturn(p.ev.ars, w);
        car[i] = c.car;
        carVar[i] = c.variance;
        scar[i] = c.scar;
        s2w[i] = Number.isNaN(c.car) ? Number.NaN : p.s2;
        if (!Number.isNaN(c.car)) factorSum += c.variance / p.ev.ars.sigma2;
      } else {
        car[i] = carVar[i] = scar[i] = s2w[i] = Number.NaN;
      }
    }
    const cm = moments(car);
    const caarAcc = new Acc();
    const rowsIn: DailyRow[] = [];
    for (let tau = a; tau <= b; tau++) {
      const row = daily[tau - lo];
      if (row === undefined || Number.isNaN(row.aar)) continue;
      caarAcc.add(row.aar);
      rowsIn.push(row);
    }
    const caar = rowsIn.length === L ? caarAcc.value : Number.NaN;
    if (cm.n < N || rowsIn.length < L) {
      warnings.push({
        code: "UNBALANCED_WINDOW",
        message: `window [${a}, ${b}]: ${N - cm.n} of ${N} events lack a complete window; caar (Σ AAR) and mean_car (mean CAR over ${cm.n} events) differ`,
      });
    }
    const e2Pools =
      e2 && needRanks
        ? (() => {
            const s = rankSeries(a, b);
            return {
              corrado: want.has("corrado_rank") ? poolScores(s, "corrado") : undefined,
              uniform: want.has("corrado_zivney_rank") ? poolScores(s, "uniform") : undefined,
              sign: want.has("corrado_zivney_sign") ? poolScores(s, "sign") : undefined,
            };
          })()
        : undefined;
    const windowKeys: number[] = [];
    for (let tau = a; tau <= b; tau++) {
      if (!e2) windowKeys.push(tau);
      else if (tau - first.start >= 0 && tau - first.start < first.length) windowKeys.push(first.ev.eventDays[tau - first.start]!);
    }
    const out: TestResults = {};
    for (const name of tests) {
      const prof = profileOf(name);
      const e2test = e2 && ESTUDY2_TESTS.has(name) && name !== "wilcoxon";
      let r: CrossTestResult;
      if (e2test && name !== "corrado_rank" && name !== "corrado_zivney_rank" && name !== "corrado_zivney_sign") {
        out[name] = sumOfDaily(
          rowsIn.map((row) => row.tests[name]),
          methodName(name),
          "statistics",
        );
        continue;
      }
      switch (name) {
        case "cross_sectional_t":
          r = crossSectionalTTest(car);
          break;
        case "time_series_t":
          r = timeSeriesTTest(caar, portfolio, { length: L });
          break;
        case "bw1980":
          r = brownWarner1980Test(caar, s2w, { length: L });
          break;
        case "patell":
          r = patellTest(scar, dfTb);
          break;
        case "adjusted_patell":
          r = adjustedPatellTest(scar, dfTb, rbar);
          break;
        case "bmp":
          r = bmpTest(scar);
          break;
        case "adjusted_bmp":
          r = adjustedBmpTest(scar, rbar);
          break;
        case "skewness_adjusted_t":
          r = skewnessAdjustedTTest(car);
          break;
        case "jackknife":
          r = jackknifeTest(car, carVar);
          break;
        case "sign":
          r = signTest(car);
          break;
        case "generalized_sign":
          r = generalizedSignTest(car, pHat);
          break;
        case "corrado_rank": {
          const pool = e2Pools?.corrado ?? pools.corrado!;
          r = pooledResult(
            corradoStatistic(pool, windowKeys, "keys"),
            pool,
            "Corrado rank test",
            e2 ? "Σ daily Z/√D with ranks over estimation + window (car_rank_test); N(0,1)" : "Σ_{τ∈W} D̄_τ/(√L S_K) (Cowan), ranks over estimation + event span; N(0,1)",
          );
          break;
        }
        case "corrado_zivney_rank": {
          const pool = e2Pools?.uniform ?? pools.uniform!;
          r = pooledResult(
            zivneyStatistic(pool, windowKeys, "keys"),
            pool,
            "Corrado-Zivney rank test",
            e2 ? "Σ daily Z/√D with ranks over estimation + window; N(0,1)" : "Σ_{τ∈W} Z_τ/√L, ranks over estimation + event span; N(0,1)",
          );
          break;
        }
        case "corrado_zivney_sign": {
          const pool = e2Pools?.sign ?? pools.sign!;
          r = pooledResult(
            zivneyStatistic(pool, windowKeys, "keys"),
            pool,
            "Corrado-Zivney sign test",
            e2 ? "Σ daily Z/√D with medians over estimation + window; N(0,1)" : "Σ_{τ∈W} Z_τ/√L, medians over estimation + event span; N(0,1)",
          );
          break;
        }
        case "grank_t":
        case "grank_z": {
          const g = grankTest(grankEst, scar);
          r = name === "grank_t" ? g.t : g.z;
          break;
        }
        case "wilcoxon":
          r = wilcoxonSignedRankTest(car);
          break;
        case "lamb":
          r = lambTest(caar, portfolio, factorSum / cm.n);
          break;
      }
      out[name] = label(r, e2 && name === "wilcoxon" ? "textbook (estudy2 has no CAR Wilcoxon test)" : prof);
    }
    windowRows.push({ window_start: a, window_end: b, caar, mean_car: cm.mean, n: cm.n, tests: out });
  }

  let dailyOut = daily;
  if (options.days !== undefined) {
    const keep = new Set(options.days);
    dailyOut = daily.filter((d) => keep.has(d.rel_day));
  }
  if (adjust !== "none") {
    for (const name of tests) {
      adjustFamily(
        windowRows.map((w) => w.tests),
        name,
        adjust,
      );
      adjustFamily(
        dailyOut.map((d) => d.tests),
        name,
        adjust,
      );
    }
  }
  return { daily: dailyOut, windows: windowRows, conventions, rbar, warnings };
}

const METHOD_NAMES: Record<TestName, string> = {
  cross_sectional_t: "cross-sectional t test",
  time_series_t: "time-series t test (crude dependence adjustment)",
  bw1980: "Brown-Warner 1980 t test (independence)",
  patell: "Patell test",
  adjusted_patell: "adjusted Patell test (Kolari-Pynnönen)",
  bmp: "BMP test (Boehmer-Musumeci-Poulsen)",
  adjusted_bmp: "adjusted BMP test (Kolari-Pynnönen)",
  skewness_adjusted_t: "skewness-adjusted t test",
  jackknife: "jackknife t test",
  sign: "sign test",
  generalized_sign: "generalized sign test (Cowan)",
  corrado_rank: "Corrado rank test",
  corrado_zivney_rank: "Corrado-Zivney rank test",
  corrado_zivney_sign: "Corrado-Zivney sign test",
  grank_t: "GRANK t test (Kolari-Pynnönen)",
  grank_z: "GRANK Z test (Kolari-Pynnönen)",
  wilcoxon: "Wilcoxon signed-rank test",
  lamb: "Lamb test",
};

function methodName(name: TestName): string {
  return METHOD_NAMES[name];
}
