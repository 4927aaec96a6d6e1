/**
 * Asset, market and factor returns on the sessions of one exchange calendar.
 *
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { Warning } from "../errors.js";
import { dayKeyFromIso, isoFromDayKey } from "../time/index.js";
import type { DayKey, Series } from "../types.js";
import { isTradingCalendar } from "../calendar/index.js";
import type { TradingCalendar } from "../calendar/index.js";
import { checkSeriesKind } from "./plausibility.js";
import { checkReturnType, checkSeries, priceReturn } from "./returns.js";
import type { ReturnMethod } from "./returns.js";

/**
 * Bit flags of {@link AlignedReturns.gap}, one byte per session (0 = nothing to report).
 *
 * - `MISSING` (1): the asset has no return on the session: no price (or return) on it, or the
 *   data has not started yet.
 * - `MULTI_SESSION` (2): the asset has a price on the session but none on the previous session,
 *   so the only computable return would span several sessions; it is set to `NaN`.
 * - `MARKET` (4): the market return is `NaN` (stale price, empty interval, not covered, missing value).
 * - `FACTORS` (8): at least one factor return is `NaN` on the session.
 *
 * @example
 * // SPX closes without a row for Monday 7 April 2025
 * const spx = parseSeriesCsv("date,SPX\n2025-04-04,5074.08\n2025-04-08,4982.77\n2025-04-09,5456.90\n").series[0]!;
 * const { gap } = alignReturns({ asset: spx, calendar: tradingCalendar("XNYS") });
 * gap; // => Uint8Array [1, 2, 0]
 * (gap[1]! & RETURN_FLAGS.MULTI_SESSION) !== 0; // => true (8 April: the return would span two sessions)
 */
export const RETURN_FLAGS = { MISSING: 1, MULTI_SESSION: 2, MARKET: 4, FACTORS: 8 } as const;

/** Factor returns on their own day index (a {@link FactorTable} of `src/io` fits). Values are returns in decimal units. */
export interface FactorColumns {
  readonly days: Int32Array;
  /** Column names in order (e.g. `Mkt-RF`, `SMB`, `HML`, `RF`). */
  readonly names: readonly string[];
  readonly columns: Readonly<Record<string, Float64Array>>;
}

/** Options of {@link alignReturns}. */
export interface AlignReturnsOptions {
  /**
   * The asset: prices (`kind: "price"`), returns (`kind: "return"`, taken to be of `returnType`)
   * or levels (`kind: "level"`: the "return" of a session is the change of the level since the
   * previous session, in the level's unit, whatever `returnType`).
   */
  readonly asset: Series;
  /** The market / benchmark (or control): prices, returns or levels (changes), on its own days (any exchange). */
  readonly market?: Series;
  /** Factor returns in decimal units (the `src/io` factor parser converts percent); the risk-free rate is just a column such as `RF`. */
  readonly factors?: FactorColumns;
  /** The asset's exchange calendar: the output has one row per session. */
  readonly calendar: TradingCalendar;
  /** `"simple"` (default) or `"log"`. Return inputs are assumed to be of this type. */
  readonly returnType?: ReturnMethod;
  /** First session (day key or ISO date); default: the first session with a computable asset return. */
  readonly from?: DayKey | string;
  /** Last session (day key or ISO date); default: the last session with asset data. */
  readonly to?: DayKey | string;
}

/**
 * Returns of one asset and its benchmarks on consecutive sessions of a calendar. Usable
 * directly as the `ModelData` of the models (`asset`, `market`, `factors`); indices into
 * `days` are the session indices the models and `resolveWindows(result.days, …)` use.
 */
export interface AlignedReturns {
  /** The calendar's sessions from `from` to `to`, every one of them (gaps never shift anything). */
  readonly days: Int32Array;
  /** Asset return dated each session; `NaN` where flagged. */
  readonly asset: Float64Array;
  /** Market return over the same interval as the asset's (previous session, session]. */
  readonly market?: Float64Array;
  /** Factor returns, by the column names of the input, over the same intervals. */
  readonly factors?: Readonly<Record<string, Float64Array>>;
  /** Per-session bit flags ({@link RETURN_FLAGS}); 0 when everything is present. */
  readonly gap: Uint8Array;
  readonly returnType: ReturnMethod;
  readonly assetId: string;
  readonly marketId?: string;
  /** MIC of the calendar. */
  readonly exchange: string;
  /** Counts of dropped rows, flagged returns and stale or empty benchmark intervals, with first dates. */
  readonly warnings: Warning[];
}

/**
 * Where a sorted day array lies on a calendar: the calendar position of each day (−1 when the
 * day is not a session), found by one merge walk over both sorted arrays (O(n + m) instead of a
 * binary search per day), and `run`: the position of the first day when the days are
 * consecutive sessions (every day a session, none skipped; the common case of data on its own
 * exchange's calendar), else −1.
 */
interface DayLayout {
  readonly indices: Int32Array;
  readonly run: number;
}

function dayLayout(days: Int32Array, cdays: Int32Array): DayLayout {
  const out = new Int32Array(days.length).fill(-1);
  let c = days.length > 0 ? upperBound(cdays, days[0]! - 1) : 0;
  for (let j = 0; j < days.length; j++) {
    const d = days[j]!;
    while (c < cdays.length && cdays[c]! < d) c++;
    if (c < cdays.length && cdays[c] === d) out[j] = c;
  }
  let run = days.length > 0 ? out[0]! : -1;
  for (let j = 1; run >= 0 && j < days.length; j++) if (out[j] !== run + j) run = -1;
  return { indices: out, run };
}

/** Index of the first element `> day` in a sorted array. */
function upperBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toDay(value: DayKey | string, name: string): DayKey {
  const d = typeof value === "string" ? dayKeyFromIso(value) : value;
  if (typeof d !== "number" || !Number.isInteger(d)) invalidOption(name, value, "a day key or an ISO date YYYY-MM-DD");
  return d;
}

const SHOWN = 5;

/** Collects the sessions of one kind of problem and turns them into one warning. */
class Tally {
  count = 0;
  readonly first: string[] = [];
  add(day: DayKey): void {
    this.count++;
    if (this.first.length < SHOWN) this.first.push(isoFromDayKey(day));
  }
  list(): string {
    return this.first.join(", ") + (this.count > this.first.length ? ", …" : "");
  }
  /** One warning (when anything was counted): `head` (built by the caller only then), a colon and the first days. */
  warn(out: Warning[], code: string, asset: string, exchange: string, head: string): void {
    if (this.count === 0) return;
    out.push({ code, message: `${head}: ${this.list()}`, asset, exchange });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The verb for a count: `verb(1, "is", "are")` = "is". */
function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Per-session interval bookkeeping of a benchmark. */
interface BenchmarkTallies {
  readonly stale: Tally;
  readonly empty: Tally;
  readonly uncovered: Tally;
  readonly missing: Tally;
}

function tallies(): BenchmarkTallies {
  return { stale: new Tally(), empty: new Tally(), uncovered: new Tally(), missing: new Tally() };
}

function compound(v: Float64Array, lo: number, hi: number, type: ReturnMethod): number {
  if (hi - lo === 1) return v[lo]!;
  let s = 0;
  if (type === "log") {
    for (let j = lo; j < hi; j++) s += v[j]!;
    return s;
  }
  for (let j = lo; j < hi; j++) s += Math.log1p(v[j]!);
  return Math.expm1(s);
}

/**
 * Maps a price benchmark onto the sessions: as-of prices at the session and at the previous
 * session. Returns NaN where stale (no observation in (prev, t]) or not covered.
 */
function mapPrices(
  bench: Series,
  days: Int32Array,
  prev: Int32Array,
  hasPrev: Uint8Array,
  type: ReturnMethod,
  t: BenchmarkTallies,
  level = false,
): Float64Array {
  // finite observations only: a missing price is no observation
  let m = 0;
  for (let j = 0; j < bench.days.length; j++) if (Number.isFinite(bench.values[j]!)) m++;
  const bd = new Int32Array(m);
  const bv = new Float64Array(m);
  for (let j = 0, k = 0; j < bench.days.length; j++) {
    const v = bench.values[j]!;
    if (Number.isFinite(v)) {
      bd[k] = bench.days[j]!;
      bv[k++] = v;
    }
  }
  const last = m - 1;
  const out = new Float64Array(days.length).fill(Number.NaN);
  // jt / jp: index of the last observation on or before the session / the previous session;
  // both only move forward because days and prev are increasing (one merge walk).
  let jt = -1;
  let jp = -1;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (hasPrev[i] === 0 || last < 0) {
      t.uncovered.add(day);
      continue;
    }
    const p = prev[i]!;
    while (jt < last && bd[jt + 1]! <= day) jt++;
    while (jp < last && bd[jp + 1]! <= p) jp++;
    if (jp < 0 || (jt === jp && bd[last]! <= p)) {
      t.uncovered.add(day);
      continue;
    }
    if (jt === jp) {
      t.stale.add(day);
      continue;
    }
    out[i] = level ? bv[jt]! - bv[jp]! : priceReturn(bv[jp]!, bv[jt]!, type);
  }
  return out;
}

/**
 * Maps return columns on `bdays` onto the sessions by compounding the returns dated in
 * (previous session, session].
 */
function mapReturns(
  bdays: Int32Array,
  columns: readonly Float64Array[],
  days: Int32Array,
  prev: Int32Array,
  hasPrev: Uint8Array,
  type: ReturnMethod,
  t: BenchmarkTallies,
): Float64Array[] {
  const outs = columns.map(() => new Float64Array(days.length).fill(Number.NaN));
  const m = bdays.length;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    if (hasPrev[i] === 0 || m === 0) {
      t.uncovered.add(day);
      continue;
    }
    const p = prev[i]!;
    const lo = upperBound(bdays, p);
    const hi = upperBound(bdays, day);
    if (lo === hi) {
      if (day < bdays[0]! || p >= bdays[m - 1]!) t.uncovered.add(day);
      else t.empty.add(day);
      continue;
    }
    let missing = false;
    for (let c = 0; c < columns.length; c++) {
      const r = compound(columns[c]!, lo, hi, type);
      outs[c]![i] = r;
      if (Number.isNaN(r)) missing = true;
    }
    if (missing) t.missing.add(day);
  }
  return outs;
}

/** True when a benchmark's mapping counted anything to warn about. */
function anyTallied(t: BenchmarkTallies): boolean {
  return t.stale.count + t.empty.count + t.uncovered.count + t.missing.count > 0;
}

function benchmarkWarnings(out: Warning[], t: BenchmarkTallies, what: string, asset: string, exchange: string): void {
  const { stale, empty, uncovered, missing } = t;
  if (stale.count > 0) {
    const head = `${plural(stale.count, "session")} of ${asset}: ${what} has no price after the previous session (stale as-of price), so its return is NaN`;
    stale.warn(out, "STALE_BENCHMARK_PRICE", asset, exchange, head);
  }
  if (empty.count > 0) {
    const head = `${plural(empty.count, "session")} of ${asset}: ${what} has no return dated after the previous session and up to the session, so its return is NaN`;
    empty.warn(out, "EMPTY_BENCHMARK_INTERVAL", asset, exchange, head);
  }
  const n = uncovered.count;
  if (n > 0) {
    const head = `${plural(n, "session")} of ${asset} ${verb(n, "lies", "lie")} outside the data of ${what} (no observation on or before the previous session, or none after it), so its return is NaN`;
    uncovered.warn(out, "BENCHMARK_NOT_COVERED", asset, exchange, head);
  }
  if (missing.count > 0) {
    const head = `${plural(missing.count, "session")} of ${asset}: a missing value of ${what} inside the interval makes its compounded return NaN`;
    missing.warn(out, "MISSING_BENCHMARK_VALUE", asset, exchange, head);
  }
}

/**
 * Puts an asset, its market benchmark and factor returns on the sessions of the asset's
 * exchange calendar, with an explicit missing-data policy.
 *
 * ## Method
 * The output has one row per session of `calendar` from `from` to `to`; the return dated
 * session t runs from the close of the previous SESSION of the calendar, p, to the close of t.
 *
 * - **Asset prices.** `R_t = P_t/P_p − 1` (log: `ln(P_t/P_p)`), from the asset's prices ON the
 *   sessions t and p. A missing price at t flags t as `MISSING`; a price at t with none at p
 *   (while an earlier price exists) would give a return over several sessions: it is set to
 *   `NaN`, flagged `MULTI_SESSION` and counted in a `MULTI_SESSION_RETURN` warning. A missing
 *   price therefore makes the returns at t and at the next session `NaN`. A gap never shifts
 *   anything: rows stay indexed by the calendar's sessions.
 * - **Asset returns** (`kind: "return"`) are taken as dated; a session without one is `MISSING`.
 * - Asset rows on days that are not sessions of the calendar are dropped and counted
 *   (`OFF_CALENDAR_ROWS`; `OUTSIDE_CALENDAR_ROWS` for days beyond the calendar's range).
 * - **Market prices** use the as-of rule: the last price on or before t against the last
 *   price on or before p. When the benchmark has no observation in (p, t] the as-of price is
 *   stale: the return is `NaN`, flagged `MARKET` and counted (`STALE_BENCHMARK_PRICE`).
 * - **Market or factor returns** (factors are returns) are compounded over the benchmark's
 *   days in (p, t]: simple `Π(1 + r) − 1` (computed as `expm1(Σ log1p r)`; a single day is
 *   taken as is), log `Σ r`. An empty interval gives `NaN`, counted in
 *   `EMPTY_BENCHMARK_INTERVAL`. Sessions before the benchmark's data or after its end are
 *   `BENCHMARK_NOT_COVERED`.
 *
 * Return inputs (asset, market, factors) are taken to be of `returnType`; Ken French factors
 * are simple returns, so convert them (`log1p`) before asking for log returns.
 *
 * **Nonsynchronous markets.** Days are calendar dates, not instants: for an asset in Tokyo
 * against a US benchmark, the US return dated t (closing about 14 hours after Tokyo's close on
 * t) is paired with Tokyo's return dated t, so part of the benchmark's move is a lead of the
 * asset's. Ordinary market-model betas are then biased towards zero; the Scholes-Williams
 * (1977) and Dimson (1979) models (`{ type: "scholes-williams" }`, `{ type: "dimson" }`) use
 * leads and lags of the market to correct for this.
 *
 * @throws INVALID_OPTION for a missing calendar, a bad series, `returnType`, `from` or `to`, or `from` after `to`.
 * @throws INVALID_INPUT for a series with unsorted days or arrays of different lengths.
 * @throws MISSING_RETURNS when the asset has no session with data on the calendar in the range.
 * @example
 * ```ts
 * // SPX closes without a row for Monday 7 April 2025, against ACWI (adjusted closes)
 * const spx = parseSeriesCsv("date,SPX\n2025-04-04,5074.08\n2025-04-08,4982.77\n2025-04-09,5456.90\n").series[0]!;
 * const acwi = parseSeriesCsv("date,ACWI\n2025-04-04,105.19\n2025-04-07,104.17\n2025-04-08,102.80\n2025-04-09,111.84\n").series[0]!;
 * const al = alignReturns({ asset: spx, market: acwi, calendar: tradingCalendar("XNYS") });
 * al.asset; // => Float64Array [NaN, NaN, 0.0952]
 * al.market; // => Float64Array [-0.0097, -0.0132, 0.0879]
 * al.warnings.map((w) => w.code); // => ["MULTI_SESSION_RETURN", "MISSING_ASSET_RETURNS"]
 * ```
 */
export function alignReturns(options: AlignReturnsOptions): AlignedReturns {
  return alignReturnsWith(options, undefined);
}

/** Benchmark columns on a span of sessions, with the tallies of their warnings. */
interface MappedBenchmark {
  readonly columns: readonly Float64Array[];
  readonly tallies: BenchmarkTallies;
}

/**
 * What one `eventStudy` call computes once and shares (the inputs cannot change during it),
 * never kept beyond it, by object (a benchmark, a day array), calendar and key: sessions and
 * benchmarks put on a span of sessions, the calendar positions of a day array, and the mark
 * that a benchmark passed its checks. The arrays are shared by every result that uses them:
 * read-only.
 * @internal
 */
export type BenchmarkMemo = Map<object, Map<TradingCalendar, Map<string, Memoised>>>;

/** A value of the memo. */
type Memoised = MappedBenchmark | Sessions | DayLayout | typeof PASSED;

/** The memo's value for a benchmark that passed its checks. */
const PASSED = true;

/** The sessions of a span and the previous session of each. */
interface Sessions {
  readonly days: Int32Array;
  readonly prev: Int32Array;
  readonly hasPrev: Uint8Array;
}

/** The memo's key for the sessions themselves (no benchmark). */
const SESSIONS = {};

function sessionsOf(memo: BenchmarkMemo | undefined, calendar: TradingCalendar, span: string, c0: number, c1: number): Sessions {
  if (memo === undefined) return sessionsOfSpan(calendar.days, c0, c1);
  const bySpan = bySpanOf(memo, SESSIONS, calendar);
  let sessions = bySpan.get(span) as Sessions | undefined;
  if (sessions === undefined) {
    sessions = sessionsOfSpan(calendar.days, c0, c1);
    bySpan.set(span, sessions);
  }
  return sessions;
}

/** The sessions at calendar positions c0..c1 and the previous session of each. */
function sessionsOfSpan(cdays: Int32Array, c0: number, c1: number): Sessions {
  const n = c1 - c0 + 1;
  const prev = new Int32Array(n);
  const hasPrev = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (c0 + i > 0) {
      prev[i] = cdays[c0 + i - 1]!;
      hasPrev[i] = 1;
    }
  }
  return { days: cdays.slice(c0, c1 + 1), prev, hasPrev };
}

function mapped1(memo: BenchmarkMemo | undefined, benchmark: object, calendar: TradingCalendar, span: string, compute: () => MappedBenchmark): MappedBenchmark {
  return memo === undefined ? compute() : (memoised(memo, benchmark, calendar, span, compute) as MappedBenchmark);
}

/** The {@link DayLayout} of a day array on a calendar, once per day array within a memo. */
function dayLayoutOf(memo: BenchmarkMemo | undefined, days: Int32Array, calendar: TradingCalendar): DayLayout {
  if (memo === undefined) return dayLayout(days, calendar.days);
  const bySpan = bySpanOf(memo, days, calendar);
  let layout = bySpan.get(INDICES) as DayLayout | undefined;
  if (layout === undefined) {
    layout = dayLayout(days, calendar.days);
    bySpan.set(INDICES, layout);
  }
  return layout;
}

function bySpanOf(memo: BenchmarkMemo, key: object, calendar: TradingCalendar): Map<string, Memoised> {
  let byCalendar = memo.get(key);
  if (byCalendar === undefined) {
    byCalendar = new Map();
    memo.set(key, byCalendar);
  }
  let bySpan = byCalendar.get(calendar);
  if (bySpan === undefined) {
    bySpan = new Map();
    byCalendar.set(calendar, bySpan);
  }
  return bySpan;
}

function memoised(memo: BenchmarkMemo, key: object, calendar: TradingCalendar, span: string, compute: () => Memoised): Memoised {
  const bySpan = bySpanOf(memo, key, calendar);
  let m = bySpan.get(span);
  if (m === undefined) {
    m = compute();
    bySpan.set(span, m);
  }
  return m;
}

function isMemoised(memo: BenchmarkMemo | undefined, key: object, calendar: TradingCalendar, name: string): boolean {
  return memo?.get(key)?.get(calendar)?.has(name) === true;
}

function remember(memo: BenchmarkMemo | undefined, key: object, calendar: TradingCalendar, name: string, value: Memoised): void {
  if (memo !== undefined) bySpanOf(memo, key, calendar).set(name, value);
}

/**
 * {@link alignReturns} with a memo of sessions and benchmark mappings shared by several calls:
 * results on the same span of sessions share their `days` and benchmark arrays (read-only).
 * Within a memo the benchmark's checks run once, and the calendar positions of a day array are
 * found once for every asset that shares that array.
 * @internal
 */
export function alignReturnsWith(options: AlignReturnsOptions, memo: BenchmarkMemo | undefined): AlignedReturns {
  const type = checkAlignInputs(options, memo);
  const { asset, market, factors, calendar } = options;
  const exchange = calendar.exchange.code;
  const isPrice = asset.kind !== "return";
  const layout = dayLayoutOf(memo, asset.days, calendar);
  const extent = assetExtent(asset, layout);
  const { c0, c1 } = sessionRange(options, extent, isPrice);
  const span = `${c0}|${c1}|${type}`;
  const sessions = sessionsOf(memo, calendar, span, c0, c1);
  const warnings: Warning[] = [];
  const onSession = assetOnSessions(options, layout, c0, c1, warnings);
  const { values, gap } = assetReturnsOnSessions(asset, onSession, sessions, type, extent.firstFinite, exchange, warnings);
  const n = c1 - c0 + 1;
  let marketOut: Float64Array | undefined;
  if (market !== undefined) {
    marketOut = marketOnSessions(memo, market, calendar, span, sessions, type, asset.id, warnings);
    for (let i = 0; i < n; i++) if (Number.isNaN(marketOut[i]!)) gap[i] = gap[i]! | RETURN_FLAGS.MARKET;
  }
  let factorOut: Record<string, Float64Array> | undefined;
  if (factors !== undefined) {
    factorOut = factorsOnSessions(memo, factors, calendar, span, sessions, type, asset.id, warnings);
    flagFactorGaps(
      factors.names.map((name) => factorOut![name]!),
      gap,
    );
  }
  return alignedResult(sessions.days, values, marketOut, factorOut, gap, type, asset.id, market?.id, exchange, warnings);
}

/**
 * The result object, with its keys in the order they have always had (days, asset, market,
 * factors, gap, returnType, assetId, marketId, exchange, warnings); optional ones left out when
 * absent. Built in place (no spread of temporary objects: it is made once per asset).
 */
function alignedResult(
  days: Int32Array,
  asset: Float64Array,
  market: Float64Array | undefined,
  factors: Record<string, Float64Array> | undefined,
  gap: Uint8Array,
  returnType: ReturnMethod,
  assetId: string,
  marketId: string | undefined,
  exchange: string,
  warnings: Warning[],
): AlignedReturns {
  const out: { -readonly [K in keyof AlignedReturns]: AlignedReturns[K] } = { days, asset } as AlignedReturns;
  if (market !== undefined) out.market = market;
  if (factors !== undefined) out.factors = factors;
  out.gap = gap;
  out.returnType = returnType;
  out.assetId = assetId;
  if (marketId !== undefined) out.marketId = marketId;
  out.exchange = exchange;
  out.warnings = warnings;
  return out;
}

/** The memo's key for "this benchmark passed its checks". */
const CHECKED = "checked";
/** The memo's key for the calendar positions of a day array. */
const INDICES = "indices";

/**
 * Checks the options, the asset and the benchmarks (the benchmarks' checks once per memo: they
 * do not depend on the asset); returns the return type.
 */
function checkAlignInputs(options: AlignReturnsOptions, memo: BenchmarkMemo | undefined): ReturnMethod {
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an object { asset, calendar, market?, factors? }");
  const { asset, market, factors, calendar } = options;
  if (!isTradingCalendar(calendar)) invalidOption("calendar", calendar, 'a TradingCalendar (tradingCalendar("XNYS") or calendarFromSeries(...))');
  const type = checkReturnType(options.returnType ?? "simple");
  // a day array whose calendar positions are in the memo was checked (sorted) by an earlier call
  const daysChecked = asset !== null && typeof asset === "object" && isMemoised(memo, asset.days, calendar, INDICES);
  checkSeries(asset, "asset", daysChecked);
  if (market !== undefined && !isMemoised(memo, market, calendar, CHECKED)) checkSeries(market, "market");
  if (factors !== undefined && !isMemoised(memo, factors, calendar, CHECKED)) checkFactorColumns(factors);
  checkSeriesKind(asset, "asset");
  if (market !== undefined && !isMemoised(memo, market, calendar, CHECKED)) {
    checkSeriesKind(market, "market");
    remember(memo, market, calendar, CHECKED, PASSED);
  }
  if (factors !== undefined) remember(memo, factors, calendar, CHECKED, PASSED);
  return type;
}

/** Where the asset's finite values lie: the first day with one, and the first and last calendar positions. */
interface AssetExtent {
  readonly firstFinite: number;
  readonly firstOnCal: number;
  readonly lastOnCal: number;
}

function assetExtent(asset: Series, layout: DayLayout): AssetExtent {
  const { days, values } = asset;
  if (layout.run >= 0) return runExtent(days, values, layout.run);
  const assetIdx = layout.indices;
  let firstFinite = Number.POSITIVE_INFINITY;
  let firstOnCal = -1;
  let lastOnCal = -1;
  for (let j = 0; j < days.length; j++) {
    if (!Number.isFinite(values[j]!)) continue;
    const d = days[j]!;
    if (d < firstFinite) firstFinite = d;
    const ci = assetIdx[j]!;
    if (ci < 0) continue;
    if (firstOnCal < 0) firstOnCal = ci;
    lastOnCal = ci;
  }
  return { firstFinite, firstOnCal, lastOnCal };
}

/**
 * {@link assetExtent} of days that are consecutive sessions from calendar position `run`: the
 * first and last finite values, found from either end (the days are increasing, so the first
 * finite value's day is the smallest).
 */
function runExtent(days: Int32Array, values: Float64Array, run: number): AssetExtent {
  let first = 0;
  while (first < values.length && !Number.isFinite(values[first]!)) first++;
  if (first === values.length) return { firstFinite: Number.POSITIVE_INFINITY, firstOnCal: -1, lastOnCal: -1 };
  let last = values.length - 1;
  while (!Number.isFinite(values[last]!)) last--;
  return { firstFinite: days[first]!, firstOnCal: run + first, lastOnCal: run + last };
}

/**
 * The calendar positions c0..c1 of the output's sessions: `from`/`to` when given, else from the
 * first session with a computable return to the last with data.
 * @throws MISSING_RETURNS when the range holds no session with data.
 */
function sessionRange(options: AlignReturnsOptions, extent: AssetExtent, isPrice: boolean): { c0: number; c1: number } {
  const { calendar, asset } = options;
  const cdays = calendar.days;
  const { firstOnCal, lastOnCal } = extent;
  let c0: number;
  let c1: number;
  if (options.from !== undefined) c0 = upperBound(cdays, toDay(options.from, "from") - 1);
  else c0 = firstOnCal < 0 ? cdays.length : firstOnCal + (isPrice ? 1 : 0);
  if (options.to !== undefined) c1 = upperBound(cdays, toDay(options.to, "to")) - 1;
  else c1 = lastOnCal;
  if (options.from !== undefined && options.to !== undefined && toDay(options.from, "from") > toDay(options.to, "to")) {
    invalidOption("from", options.from, `a day on or before to (${String(options.to)})`);
  }
  if (firstOnCal < 0 || c0 > c1) {
    const exchange = calendar.exchange.code;
    throw new MarketReactionError(
      "MISSING_RETURNS",
      firstOnCal < 0
        ? `asset ${JSON.stringify(asset.id)} has no value on any session of the ${exchange} calendar`
        : `asset ${JSON.stringify(asset.id)} has no return on the ${exchange} sessions in the requested range`,
    );
  }
  return { c0, c1 };
}

/**
 * The asset's values on sessions c0 − 1 … c1: slot k (0 = the session before days[0]) holds
 * `source[k + offset]`, `NaN` where that is outside `source` or where the asset has no value.
 */
interface OnSessions {
  readonly source: Float64Array;
  readonly offset: number;
}

/**
 * The asset's values on sessions c0 − 1 … c1; rows off the calendar or beyond it are counted
 * into warnings. Days that are consecutive sessions from calendar position `run` are read in
 * place: no row is off the calendar or outside it, and slot k is the value at calendar position
 * c0 − 1 + k (position −1, before the calendar, lies before the values too).
 */
function assetOnSessions(options: AlignReturnsOptions, layout: DayLayout, c0: number, c1: number, warnings: Warning[]): OnSessions {
  if (layout.run >= 0) return { source: options.asset.values, offset: c0 - 1 - layout.run };
  const onSession = new Float64Array(c1 - c0 + 2).fill(Number.NaN);
  placeRows(options, layout.indices, c0, c1, onSession, warnings);
  return { source: onSession, offset: 0 };
}

/** {@link assetOnSessions} for any days: row by row, counting the rows off the calendar and outside it. */
function placeRows(options: AlignReturnsOptions, assetIdx: Int32Array, c0: number, c1: number, onSession: Float64Array, warnings: Warning[]): void {
  const { asset, calendar } = options;
  const cdays = calendar.days;
  const offCal = new Tally();
  const outside = new Tally();
  const spanFrom = c0 > 0 ? cdays[c0 - 1]! : cdays[c0]!;
  const spanTo = cdays[c1]!;
  // off-calendar rows are counted within the requested range (everywhere on a default side)
  const countFrom = options.from === undefined ? Number.NEGATIVE_INFINITY : spanFrom;
  const countTo = options.to === undefined ? Number.POSITIVE_INFINITY : spanTo;
  const { days, values } = asset;
  for (let j = 0; j < days.length; j++) {
    const d = days[j]!;
    if (!calendar.covers(d)) {
      outside.add(d);
      continue;
    }
    const ci = assetIdx[j]!;
    if (ci < 0) {
      if (d >= countFrom && d <= countTo) offCal.add(d);
      continue;
    }
    if (d >= spanFrom && d <= spanTo) onSession[ci - c0 + 1] = values[j]!;
  }
  const id = asset.id;
  const exchange = calendar.exchange.code;
  const k = offCal.count;
  if (k > 0) {
    const which = verb(k, `is on a day that is not an ${exchange} session and was`, `are on days that are not ${exchange} sessions and were`);
    offCal.warn(warnings, "OFF_CALENDAR_ROWS", id, exchange, `${plural(k, "row")} of ${id} ${which} dropped`);
  }
  const m = outside.count;
  if (m > 0) {
    const range = `${isoFromDayKey(calendar.first)} to ${isoFromDayKey(calendar.last)}`;
    outside.warn(
      warnings,
      "OUTSIDE_CALENDAR_ROWS",
      id,
      exchange,
      `${plural(m, "row")} of ${id} ${verb(m, "lies", "lie")} outside the range of the ${exchange} calendar (${range}) and ${verb(m, "was", "were")} not used`,
    );
  }
}

/**
 * The asset's return dated each session (prices and levels from consecutive sessions, returns
 * as given) with its gap flags; missing and multi-session returns are counted into warnings.
 */
function assetReturnsOnSessions(
  asset: Series,
  onSession: OnSessions,
  sessions: Sessions,
  type: ReturnMethod,
  firstFinite: number,
  exchange: string,
  warnings: Warning[],
): { values: Float64Array; gap: Uint8Array } {
  const { days, prev, hasPrev } = sessions;
  const n = days.length;
  const isPrice = asset.kind !== "return";
  const isLevel = asset.kind === "level";
  const values = new Float64Array(n);
  const gap = new Uint8Array(n);
  if (isPrice && !isLevel && type === "simple" && simpleReturnsInPlace(onSession.source, onSession.offset, n, values)) return { values, gap };
  const missing = new Tally();
  const multi = new Tally();
  // one pass: the value on the previous session is carried from one step to the next (the
  // source, offset and length held in locals: read per step, they cost more than the step)
  const { source, offset } = onSession;
  const len = source.length;
  let before = offset >= 0 && offset < len ? source[offset]! : Number.NaN;
  for (let i = 0; i < n; i++) {
    const j = i + 1 + offset;
    const cur = j >= 0 && j < len ? source[j]! : Number.NaN;
    let r = Number.NaN;
    let flag = 0;
    if (!isPrice) {
      if (Number.isFinite(cur)) r = cur;
      else flag = RETURN_FLAGS.MISSING;
    } else if (!Number.isFinite(cur)) flag = RETURN_FLAGS.MISSING;
    else if (!Number.isFinite(before)) flag = hasPrev[i] === 1 && firstFinite < prev[i]! ? RETURN_FLAGS.MULTI_SESSION : RETURN_FLAGS.MISSING;
    else {
      r = isLevel ? cur - before : priceReturn(before, cur, type);
      if (Number.isNaN(r)) flag = RETURN_FLAGS.MISSING;
    }
    values[i] = r;
    if (flag !== 0) {
      gap[i] = flag;
      (flag === RETURN_FLAGS.MULTI_SESSION ? multi : missing).add(days[i]!);
    }
    before = cur;
  }
  const id = asset.id;
  if (multi.count > 0) {
    const k = multi.count;
    const head = `${plural(k, "return")} of ${id} would span several sessions (no price on the previous ${exchange} session) and ${verb(k, "was", "were")} set to NaN`;
    multi.warn(warnings, "MULTI_SESSION_RETURN", id, exchange, head);
  }
  if (missing.count > 0) {
    const k = missing.count;
    const what = isPrice ? "price (or the data has not started)" : "return";
    const head = `${plural(k, "session")} of ${id} ${verb(k, "has", "have")} no ${what} and ${verb(k, "was", "were")} set to NaN`;
    missing.warn(warnings, "MISSING_ASSET_RETURNS", id, exchange, head);
  }
  return { values, gap };
}

/**
 * The common case of {@link assetReturnsOnSessions}, in one tight loop: simple returns of the
 * n + 1 consecutive prices `source[offset … offset + n]` into `out`, the numbers `priceReturn`
 * gives, when every price is finite and positive and every return finite (no gap, no warning).
 * @returns false otherwise (a price out of the source, missing or not positive, or a return
 *   that overflows), with `out` partly written: then take the general path.
 */
function simpleReturnsInPlace(source: Float64Array, offset: number, n: number, out: Float64Array): boolean {
  if (offset < 0 || offset + n >= source.length) return false;
  let before = source[offset]!;
  // every test branch-free (+boolean), one verdict at the end: the prices are almost always fine
  let ok = +(before > 0) & +(before < Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const cur = source[offset + 1 + i]!;
    const r = (cur - before) / before;
    out[i] = r;
    ok &= +(cur > 0) & +(cur < Number.POSITIVE_INFINITY) & +(Math.abs(r) < Number.POSITIVE_INFINITY);
    before = cur;
  }
  return ok === 1;
}

/**
 * The market's return on each session (computed once per benchmark and span within a memo: it
 * does not depend on the asset), with its warnings for this asset.
 */
function marketOnSessions(
  memo: BenchmarkMemo | undefined,
  market: Series,
  calendar: TradingCalendar,
  span: string,
  sessions: Sessions,
  type: ReturnMethod,
  assetId: string,
  warnings: Warning[],
): Float64Array {
  const { days, prev, hasPrev } = sessions;
  const mapped = mapped1(memo, market, calendar, span, () => {
    const tm = tallies();
    const out =
      market.kind !== "return"
        ? mapPrices(market, days, prev, hasPrev, type, tm, market.kind === "level")
        : mapReturns(market.days, [market.values], days, prev, hasPrev, type, tm)[0]!;
    return { columns: [out], tallies: tm };
  });
  if (anyTallied(mapped.tallies)) benchmarkWarnings(warnings, mapped.tallies, `the market ${JSON.stringify(market.id)}`, assetId, calendar.exchange.code);
  return mapped.columns[0]!;
}

/** The factor returns on each session, by column name (once per span within a memo), with their warnings. */
function factorsOnSessions(
  memo: BenchmarkMemo | undefined,
  factors: FactorColumns,
  calendar: TradingCalendar,
  span: string,
  sessions: Sessions,
  type: ReturnMethod,
  assetId: string,
  warnings: Warning[],
): Record<string, Float64Array> {
  const { days, prev, hasPrev } = sessions;
  const cols = factors.names.map((name) => factors.columns[name]!);
  const mapped = mapped1(memo, factors, calendar, span, () => {
    const tf = tallies();
    return { columns: mapReturns(factors.days, cols, days, prev, hasPrev, type, tf), tallies: tf };
  });
  const out: Record<string, Float64Array> = {};
  factors.names.forEach((name, c) => {
    out[name] = mapped.columns[c]!;
  });
  if (anyTallied(mapped.tallies)) benchmarkWarnings(warnings, mapped.tallies, "the factors", assetId, calendar.exchange.code);
  return out;
}

/** Flags `FACTORS` on the sessions where any factor return is `NaN`. */
function flagFactorGaps(columns: readonly Float64Array[], gap: Uint8Array): void {
  for (let i = 0; i < gap.length; i++) {
    for (const col of columns) {
      if (Number.isNaN(col[i]!)) {
        gap[i] = gap[i]! | RETURN_FLAGS.FACTORS;
        break;
      }
    }
  }
}

function checkFactorColumns(f: FactorColumns): void {
  if (typeof f !== "object" || f === null || !(f.days instanceof Int32Array) || !Array.isArray(f.names) || typeof f.columns !== "object") {
    invalidOption("factors", f, "a factor table { days: Int32Array, names, columns } (parseFactorsCsv)");
  }
  for (const name of f.names) {
    const col = f.columns[name];
    if (!(col instanceof Float64Array) || col.length !== f.days.length) {
      throw new MarketReactionError("INVALID_INPUT", `factor column ${JSON.stringify(name)} is missing or does not have one value per day`);
    }
  }
  for (let i = 1; i < f.days.length; i++) {
    if (f.days[i]! <= f.days[i - 1]!) throw new MarketReactionError("INVALID_INPUT", `factor days must be strictly increasing (element ${i})`);
  }
}
