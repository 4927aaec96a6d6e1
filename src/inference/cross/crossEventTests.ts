/**
 * Cross-event aggregation (AAR per day, CAAR per window) and the test battery with convention
 * profiles: the orchestrator over the test registry (`registry.ts`; docs/tests.md lists every test
 * with its formula and reference).
 * @module
 */
import { carUnchecked } from "../../abnormal/car.js";
import { MarketReactionError, type Warning } from "../../errors.js";
import { isoFromDayKey } from "../../time/index.js";
import { adjustFamily } from "./adjust.js";
import { buildContext, checkOptions, estudy2Obstacle, prepare, spanRange, type ContextWithRanks } from "./context.js";
import type { CrossTestDescriptor, DayInput, Prepared, WindowInput } from "./descriptor.js";
import { DESCRIPTORS } from "./registry.js";
import type { Conventions, CrossEvent, CrossEventOptions, CrossEventResult, CrossTestResult, DailyRow, TestResults, WindowRow } from "./types.js";
import { Acc, makeResult, moments, pNormal } from "./util.js";
import type { Window } from "../../types.js";

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
  const conventions = resolveConventions(prep, requested, warnings);
  const e2 = conventions === "estudy2";
  if (!e2) offsetsWarning(prep, warnings);
  const descriptors = tests.map((name) => DESCRIPTORS.get(name)!);
  const ctx = buildContext(prep, descriptors, e2);
  const daily = dailyRows(ctx, descriptors);
  const windowRows = options.windows.map((w) => windowRow(ctx, descriptors, daily, w, warnings));

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
  return { daily: dailyOut, windows: windowRows, conventions, rbar: ctx.rbar, warnings };
}

/** The profile in force: estudy2 when requested and reproducible, else textbook with a warning. */
function resolveConventions(prep: readonly Prepared[], requested: Conventions, warnings: Warning[]): Conventions {
  if (requested !== "estudy2") return requested;
  const why = estudy2Obstacle(prep);
  if (why === undefined) return requested;
  warnings.push({
    code: "CONVENTIONS_FALLBACK",
    message: `estudy2 conventions need complete data on common dates (${why}); textbook statistics are reported instead`,
  });
  return "textbook";
}

function offsetsWarning(prep: readonly Prepared[], warnings: Warning[]): void {
  if (!prep.some((p) => p.ev.estimationOffsets === undefined)) return;
  const M0 = prep[0]!.M;
  const s0 = prep[0]!.start;
  if (prep.some((p) => p.M !== M0 || p.start !== s0)) {
    warnings.push({
      code: "ESTIMATION_OFFSETS_MISSING",
      message: "estimationOffsets are missing and the estimation windows differ in length or start: event-time pooling aligns them at their ends",
    });
  }
}

/** The profile label of a test's results. */
function profileOf(ctx: ContextWithRanks, d: CrossTestDescriptor): string {
  return ctx.e2 ? (d.estudy2 !== undefined ? "estudy2" : "textbook (estudy2 has no such test)") : "textbook";
}

function label(result: CrossTestResult, profile: string): CrossTestResult {
  return { ...result, convention: `${profile}: ${result.convention}` };
}

/** The cross-section of every event day, with the daily statistic of every requested test. */
function dailyRows(ctx: ContextWithRanks, descriptors: readonly CrossTestDescriptor[]): DailyRow[] {
  const { lo, hi } = spanRange(ctx.prep);
  const N = ctx.N;
  const buf = { ar: new Float64Array(N), sar: new Float64Array(N), sarE2: new Float64Array(N), variance: new Float64Array(N), s2: new Float64Array(N) };
  const block = new DayBlock(ctx.prep, Math.max(1, Math.min(hi - lo + 1, Math.floor(BLOCK_ENTRIES / Math.max(1, N)))));
  const rows: DailyRow[] = [];
  for (let tau = lo; tau <= hi; tau++) {
    if (tau > block.to) block.fill(tau, Math.min(hi, tau + block.days - 1));
    const { day, date, sameDate, n } = dayInput(ctx, tau, buf, block);
    const out: TestResults = {};
    for (const d of descriptors) out[d.name as keyof TestResults] = label(d.daily(ctx, day), profileOf(ctx, d));
    const row: { rel_day: number; date?: string; aar: number; n: number; tests: TestResults } = { rel_day: tau, aar: day.aar, n, tests: out };
    if (date !== undefined && sameDate) row.date = isoFromDayKey(date);
    rows.push(row);
  }
  return rows;
}

/** Entries of each array of a {@link DayBlock} (days × events): 2¹⁸, 2 MB per array, by default. */
let BLOCK_ENTRIES = 1 << 18;

/** Sets the entries of a day block (tests: blocks of one day); returns the previous value. @internal */
export function setDayBlockEntries(entries: number): number {
  const previous = BLOCK_ENTRIES;
  BLOCK_ENTRIES = entries;
  return previous;
}

/**
 * The events' abnormal returns, t, Var(AR), Var(AR)/σ² and calendar days over a block of
 * consecutive days, day by day (row k: day `from + k` of every event; `NaN` outside a span).
 * Each event's arrays are read once per block rather than once per day: read day by day, a large
 * cross-section would fetch every event's arrays from memory again for each day.
 */
class DayBlock {
  readonly days: number;
  from = 0;
  to = Number.NEGATIVE_INFINITY;
  readonly ar: Float64Array;
  readonly t: Float64Array;
  readonly variance: Float64Array;
  readonly factor: Float64Array;
  readonly date: Int32Array;
  /** Per event: the sample variance of its residuals (estudy2) and the fit's residual variance. */
  readonly s2sample: Float64Array;
  readonly s2fit: Float64Array;

  constructor(
    private readonly prep: readonly Prepared[],
    days: number,
  ) {
    const size = days * prep.length;
    this.days = days;
    this.ar = new Float64Array(size);
    this.t = new Float64Array(size);
    this.variance = new Float64Array(size);
    this.factor = new Float64Array(size);
    this.date = new Int32Array(size);
    this.s2sample = Float64Array.from(prep, (p) => p.s2sample);
    this.s2fit = Float64Array.from(prep, (p) => p.s2);
  }

  /** Loads days from … to (at most `days` of them). */
  fill(from: number, to: number): void {
    const N = this.prep.length;
    this.from = from;
    this.to = to;
    this.ar.fill(Number.NaN);
    this.t.fill(Number.NaN);
    this.variance.fill(Number.NaN);
    this.factor.fill(Number.NaN);
    for (let i = 0; i < N; i++) {
      const p = this.prep[i]!;
      const { ar, t, variance, sigma2 } = p.ev.ars;
      const eventDays = p.ev.eventDays;
      const last = Math.min(to, p.start + p.length - 1);
      for (let tau = Math.max(from, p.start); tau <= last; tau++) {
        const j = tau - p.start;
        const k = (tau - from) * N + i;
        this.ar[k] = ar[j]!;
        this.t[k] = t[j]!;
        this.variance[k] = variance[j]!;
        this.factor[k] = variance[j]! / sigma2;
        this.date[k] = eventDays[j]!;
      }
    }
  }
}

type DayBuffers = Pick<DayInput, "ar" | "sar" | "sarE2" | "variance" | "s2">;

/** Fills the day's cross-section into the buffers (from the block that holds day τ); the calendar date when all events share it. */
function dayInput(
  ctx: ContextWithRanks,
  tau: number,
  buf: DayBuffers,
  block: DayBlock,
): { day: DayInput; date: number | undefined; sameDate: boolean; n: number } {
  const e2 = ctx.e2;
  const N = ctx.N;
  const at = (tau - block.from) * N;
  const { s2sample, s2fit } = block;
  let date: number | undefined;
  let sameDate = true;
  let cSum = 0;
  let cN = 0;
  for (let i = 0; i < N; i++) {
    const a = block.ar[at + i]!;
    const C = block.factor[at + i]!;
    buf.ar[i] = a;
    buf.sar[i] = block.t[at + i]!;
    buf.variance[i] = block.variance[at + i]!;
    buf.sarE2[i] = a / Math.sqrt(s2sample[i]! * C);
    buf.s2[i] = Number.isNaN(a) ? Number.NaN : e2 ? s2sample[i]! : s2fit[i]!;
    if (Number.isNaN(a)) continue;
    const day = block.date[at + i]!;
    if (date === undefined) date = day;
    else if (date !== day) sameDate = false;
    if (!Number.isNaN(C)) {
      cSum += C;
      cN++;
    }
  }
  const m = moments(buf.ar);
  const day: DayInput = { tau, key: e2 ? date! : tau, aar: m.mean, meanFactor: cSum / cN, ...buf };
  return { day, date, sameDate, n: m.n };
}

/** Σ of the daily statistics over √D with a normal reference (estudy2's CAR statistics). */
function sumOfDaily(daily: readonly (CrossTestResult | undefined)[], method: string): CrossTestResult {
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
  return makeResult(z, pNormal(z), undefined, n, method, "estudy2: Σ daily statistics / √D; N(0,1)", { D });
}

/** One window row: CAAR, mean CAR and the window statistic of every requested test. */
function windowRow(ctx: ContextWithRanks, descriptors: readonly CrossTestDescriptor[], daily: readonly DailyRow[], w: Window, warnings: Warning[]): WindowRow {
  const { input, n, rowsIn } = windowInput(
    ctx,
    daily,
    w,
    descriptors.some((d) => d.needs.includes("ranks")),
  );
  const N = ctx.N;
  if (n < N || rowsIn.length < input.L) {
    warnings.push({
      code: "UNBALANCED_WINDOW",
      message: `window [${input.a}, ${input.b}]: ${N - n} of ${N} events lack a complete window; caar (Σ AAR) and mean_car (mean CAR over ${n} events) differ`,
    });
  }
  const out: TestResults = {};
  for (const d of descriptors) {
    const name = d.name as keyof TestResults;
    const e2test = ctx.e2 && d.estudy2 !== undefined;
    if (e2test && d.estudy2Window === "sum-of-daily") {
      out[name] = sumOfDaily(
        rowsIn.map((row) => row.tests[name]),
        d.method,
      );
      continue;
    }
    const profile = e2test && d.estudy2Window === "textbook" ? `textbook (${d.estudy2WindowNote ?? "estudy2 has no window form"})` : profileOf(ctx, d);
    out[name] = label(d.window(ctx, input), profile);
  }
  return { window_start: input.a, window_end: input.b, caar: input.caar, mean_car: moments(input.car).mean, n, tests: out };
}

/** The CARs of the window per event, its CAAR, its pooling keys and its ranked sample. */
function windowInput(ctx: ContextWithRanks, daily: readonly DailyRow[], w: Window, ranks: boolean): { input: WindowInput; n: number; rowsIn: DailyRow[] } {
  const [a, b] = w;
  const L = b - a + 1;
  const N = ctx.N;
  const car = new Float64Array(N);
  const carVar = new Float64Array(N);
  const scar = new Float64Array(N);
  const s2 = new Float64Array(N);
  let factorSum = 0;
  for (let i = 0; i < N; i++) {
    const p = ctx.prep[i]!;
    if (a >= p.start && b <= p.start + p.length - 1) {
      const c = carUnchecked(p.ev.ars, w, "propagate");
      car[i] = c.car;
      carVar[i] = c.variance;
      scar[i] = c.scar;
      s2[i] = Number.isNaN(c.car) ? Number.NaN : p.s2;
      if (!Number.isNaN(c.car)) factorSum += c.variance / p.ev.ars.sigma2;
    } else {
      car[i] = carVar[i] = scar[i] = s2[i] = Number.NaN;
    }
  }
  const n = moments(car).n;
  const lo = daily.length > 0 ? daily[0]!.rel_day : 0;
  const caarAcc = new Acc();
  const rowsIn: DailyRow[] = [];
  for (let tau = a; tau <= b; tau++) {
    const row = daily[tau - lo];
    if (row === undefined || Number.isNaN(row.aar)) continue;
    caarAcc.add(row.aar);
    rowsIn.push(row);
  }
  const first = ctx.first;
  const keys: number[] = [];
  for (let tau = a; tau <= b; tau++) {
    if (!ctx.e2) keys.push(tau);
    else if (tau - first.start >= 0 && tau - first.start < first.length) keys.push(first.ev.eventDays[tau - first.start]!);
  }
  const input: WindowInput = {
    a,
    b,
    L,
    car,
    carVar,
    scar,
    s2,
    caar: rowsIn.length === L ? caarAcc.value : Number.NaN,
    meanFactor: factorSum / n,
    keys,
    ranks: !ranks ? undefined : ctx.e2 ? ctx.ranksFor(a, b) : ctx.spanRanks,
  };
  return { input, n, rowsIn };
}
