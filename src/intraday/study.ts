/**
 * Intraday event studies on minute bars: abnormal returns in minute windows around each
 * statement, with z scores against the same clock window on earlier non-event sessions.
 * @module
 */
import { MarketReactionError, invalidOption } from "../errors.js";
import type { Warning } from "../errors.js";
import type { NonTradingPolicy } from "../calendar/align.js";
import type { TradingCalendar } from "../calendar/calendar.js";
import type { Exchange } from "../calendar/exchanges.js";
import { normalSf } from "../stats/normal.js";
import type { BarSeries } from "../io/bars.js";
import type { MarketEvent } from "../types.js";
import { alignIntraday } from "./align.js";
import { checkDelever } from "./leverage.js";
import type { IntradayAlignment, IntradaySkip } from "./align.js";
import { sessionBars } from "./sessions.js";
import type { ExtendedHours, SessionBars } from "./sessions.js";
import { isoInZone } from "./time.js";
import { fitIntradayModel, windowExpectation, type IntradayModel } from "./model.js";
import { priorBarsReference, sameClockReference, type GridReturns, type WindowPlace } from "./reference.js";
import { deleveredReturns, isGrid, windowEndInstant, windowLabel, windowSum, sessionIndexOfClock, type MinuteWindow, type Piece } from "./windows.js";
import { marketSessionOf } from "../study/marketSession.js";
import type { INTRADAY_REFERENCES } from "../options/enums.js";
import { intradayStudySchema } from "../options/intraday.js";
import { present } from "../options/present.js";
import { checkOptions, type Assert, type OptionsInput, type SameType } from "../options/schema.js";
import { checkString } from "../check.js";

export type { IntradayModel } from "./model.js";

/** Which reference distribution scales the abnormal return. */
export type IntradayReference = (typeof INTRADAY_REFERENCES)[number];

export type { MinuteWindow } from "./windows.js";

/** Options of {@link intradayStudy}. */
export interface IntradayStudyOptions {
  /** The asset's bars (raw bars or a grid from {@link sessionBars}). */
  readonly bars: BarSeries | SessionBars;
  /** Statements (need a time; date-only ones are skipped). */
  readonly events: readonly MarketEvent[];
  /** Windows in minutes, e.g. `[[-10, 20], [0, 60]]` or `["-10m,+20m"]`. Default `[[0, 10]]`. */
  readonly windows?: readonly (MinuteWindow | string)[];
  /** Default `"zero-mean"`; `"market"` needs `benchmark`. */
  readonly model?: IntradayModel;
  /** Intraday benchmark bars for the market model (same exchange and interval). */
  readonly benchmark?: BarSeries | SessionBars;
  /** Exchange (MIC, Exchange or calendar); default XNYS. Ignored for ready grids. */
  readonly exchange?: string | Exchange | TradingCalendar;
  readonly interval?: number;
  readonly extendedHours?: ExtendedHours;
  /** Leverage k of a k× ETF used as a proxy: each bar's simple return is divided by k (approximation; warns). */
  readonly delever?: number;
  /** Reference: `"auto"` (default) = same-clock when at least `minSessions` sessions qualify, else prior-bars. */
  readonly reference?: IntradayReference;
  /** Calendar sessions before the event session searched for same-clock windows. Default 60. */
  readonly lookback?: number;
  /** Minimum same-clock reference sessions. Default 20. */
  readonly minSessions?: number;
  /** Minimum bars for the prior-bars fallback. Default 30. */
  readonly minBars?: number;
  /** Let windows run past the close into the next session (the overnight return included). Default false: truncated at the close. */
  readonly crossClose?: boolean;
  /** Asset id for the output (default the bars' id). */
  readonly asset?: string;
  /**
   * Leave the other statements of the run out of each statement's reference: their sessions
   * from the same-clock windows and the bars of their windows from the prior bars. Default
   * `false`: a statement's result depends only on its own windows and the options, whatever
   * else is in the run. When `true`, each row reports what was left out (`excluded_reference`).
   */
  readonly excludeStatementWindows?: boolean;
  readonly nonTrading?: NonTradingPolicy;
}

/** One (event, window) row. The first nine fields are the stable CLI contract. */
export interface IntradayAbnormalRow {
  readonly event_id: string;
  readonly asset: string;
  /** Window start and end times (ISO with offset on the exchange clock); the end is exclusive. */
  readonly window_start: string;
  readonly window_end: string;
  /** Start of the statement's bar. */
  readonly bar_start: string;
  /** Abnormal log return over the window. */
  readonly ar: number;
  /** ar / sd. */
  readonly z: number;
  /** Two-sided normal p-value of z. */
  readonly p_value: number;
  /** (1 + #{|reference AR| >= |ar|}) / (n + 1) over same-clock windows; `null` for prior-bars. */
  readonly p_value_empirical: number | null;
  /** Window in minutes as asked, e.g. `[0,+10m]`. */
  readonly window: string;
  /** Simple return of the (delevered) asset over the window. */
  readonly ret: number;
  /** Log return of the (delevered) asset over the window. */
  readonly log_return: number;
  /** Expected log return under the model. */
  readonly expected: number;
  /** Standard deviation of the abnormal return under the reference. */
  readonly sd: number;
  readonly model: IntradayModel;
  readonly reference: "same-clock" | "prior-bars";
  /** Same-clock sessions, or bars, behind `sd`. */
  readonly n_reference: number;
  /** Bars in the window (after truncation) and those missing (price carried forward). */
  readonly bars: number;
  readonly missing_bars: number;
  readonly truncated: boolean;
  readonly delever: number | null;
  readonly session: string;
  readonly rule: string;
  readonly reason: string;
  /** Why `z` and the p-values are missing (too few reference sessions or bars); `null` when they are given. */
  readonly z_missing_reason: string | null;
  /** Reference sessions (same-clock) or bars (prior-bars) left out as other statements' (only with `excludeStatementWindows`). */
  readonly excluded_reference: number;
  /** The statements file's `market_session` (pre-open, after-close, …), `null` when absent. */
  readonly market_session: string | null;
}

/** Result of {@link intradayStudy}. */
export interface IntradayStudyResult {
  readonly abnormal: IntradayAbnormalRow[];
  /** Statements placed on bars. */
  readonly events: IntradayAlignment[];
  readonly skipped: IntradaySkip[];
  readonly warnings: Warning[];
  /** The asset grid (for charts). */
  readonly grid: SessionBars;
  /** One sentence per reference method used. */
  readonly method: string[];
}

/**
 * Parses a minute window: `"-10m,+20m"`, `"[0, +60m]"`, `"-10,20"` (minutes), `"0,1h"`.
 *
 * @throws INVALID_OPTION for malformed text or start >= end.
 * @example
 * parseMinuteWindow("-10m,+20m"); // => [-10, 20]
 */
export function parseMinuteWindow(text: string): MinuteWindow {
  checkString("parseMinuteWindow", "text", text);
  const m = /^\s*\[?\s*([+-]?\d+)\s*(m|min|h)?\s*[,;:]\s*([+-]?\d+)\s*(m|min|h)?\s*\]?\s*$/i.exec(text);
  if (m === null) invalidOption("window", text, 'two offsets in minutes such as "-10m,+20m" or "0,60"');
  const a = Number(m[1]) * (m[2]?.toLowerCase() === "h" ? 60 : 1);
  const b = Number(m[3]) * (m[4]?.toLowerCase() === "h" ? 60 : 1);
  if (!(a < b)) invalidOption("window", text, "a start before the end");
  return [a, b];
}

/**
 * Intraday event study: for each statement and each minute window, the abnormal (log) return
 * of the asset's bars, its z score and p-values.
 *
 * ## Method
 * Bars are put on the exchange's session grid ({@link sessionBars}); each statement is
 * placed on the first bar starting at or after it ({@link alignIntraday}). A window `[a, b]`
 * minutes covers the bars starting in `[S + a, S + b)`, S the statement bar's start, and its
 * return is the sum of per-bar log returns: from the last price before the window (the
 * previous bar's close; the first bar's open at the session start) to the close of the
 * window's last bar; missing bars carry the price forward and are counted. Windows are cut
 * at the open and, unless `crossClose`, at the close (early closes included); a cut window
 * keeps the same clock span in the reference sessions.
 *
 * With `delever: k` every bar's simple return is divided by k before taking logs (a k×
 * daily-reset ETF as a proxy for its index; an approximation that ignores the path
 * dependence of daily leverage, fees and tracking error).
 *
 * Reference (`"same-clock"`): the same clock window (same local start time and length) on
 * each of the `lookback` (60) calendar sessions before the event session that has bars and
 * fits the window (with `excludeStatementWindows`, also no statement of the run is mapped to it). With x_j those
 * window returns (benchmark returns m_j) and n their number:
 * - zero mean: E = 0, sd = sqrt(Σ x_j² / n), reference ARs x_j;
 * - constant mean: E = x̄, sd = sqrt(Σ (x_j − x̄)² / (n − 1)), reference ARs x_j − x̄;
 * - market: OLS x_j = α + β m_j + e_j (centred closed form), E = α + β m_event,
 *   sd = sqrt(rss / (n − 2)), reference ARs e_j.
 * AR = x_event − E, z = AR / sd, p = 2 Φ(−|z|), empirical p = (1 + #{|AR_j| ≥ |AR|}) / (n + 1).
 * This needs at least `minSessions` (20) sessions; `reference: "auto"` otherwise falls back.
 *
 * Fallback (`"prior-bars"`, e.g. when the data hold only the event days): per-bar returns
 * before the window start, on the event session and the earlier sessions of the lookback,
 * excluding missing bars and the bar after a gap (and, with `excludeStatementWindows`, the bars
 * inside the run's other statements' windows). With L
 * bars in the window and per-bar moments from those n bars: zero mean E = 0, sd = s₀√L with
 * s₀² = Σr²/n; constant mean E = L r̄, sd = s√L; market E = Lα + βΣm, sd = σ̂√L from the
 * per-bar OLS. The empirical p-value is `null` (no same-clock windows). Each row says which
 * reference was used (`reference`, `n_reference`), and a `REFERENCE_FALLBACK` warning is given.
 *
 * A row depends only on its own statement, its window and the options: by default the other
 * statements of the run are not removed from its reference. The abnormal return is always
 * given when the model's expected return can be computed (always for zero mean); with too few
 * reference bars or sessions only `z` and the p-values are missing, and `z_missing_reason` says why.
 *
 * ## References
 * - Gürkaynak, R. S., Sack, B. & Swanson, E. T. (2005). Do actions speak louder than words?
 *   The response of asset prices to monetary policy actions and statements. International
 *   Journal of Central Banking 1(1), 55–93 (tight intraday windows around announcements).
 * - Nakamura, E. & Steinsson, J. (2018). High-frequency identification of monetary
 *   non-neutrality: the information effect. Quarterly Journal of Economics 133(3), 1283–1330
 *   ([−10, +20] minute windows).
 * - Bianchi, F., Kind, T. & Kung, H. (2023). Threats to central bank independence:
 *   high-frequency identification with Twitter. Journal of Monetary Economics 135, 37–54
 *   (minute windows around presidential posts).
 *
 * @throws INVALID_OPTION for bad windows, model, delever, reference or lookback options, or a
 *   market model without a benchmark.
 * @throws NO_VALID_EVENTS when no statement could be placed on a bar.
 * @example
 * // one-minute SPXL bars of 7 April 2025 (synthetic: noise, then a 4-dollar jump in the 10:11 bar)
 * const times = Array.from({ length: 390 }, (_, i) => new Date(Date.UTC(2025, 3, 7, 13, 30 + i)).toISOString());
 * const { bars } = parseBarsCsv(`datetime,close\n${times.map((t, i) => `${t},${91 + 0.3 * Math.sin(i) + (i < 41 ? 0 : 4)}`).join("\n")}`);
 * const { events } = parseEventsCsv("id,timestamp\nE22,2025-04-07T10:11\n");
 * const study = intradayStudy({ bars, events, windows: ["0,+10m"], delever: 3 }); // SPXL is 3× the S&P 500
 * study.abnormal[0]; // => { event_id: "E22", ar: 0.0134, z: 5.74, reference: "prior-bars", … }
 */
export function intradayStudy(options: IntradayStudyOptions): IntradayStudyResult {
  const o = resolveIntradayOptions(options);
  const { grid, bench, asset, k } = o;
  const warnings: Warning[] = [...grid.warnings, ...(bench?.warnings ?? [])];
  if (k !== undefined) {
    warnings.push({
      code: "DELEVERED_PROXY",
      message: `${asset}: returns divided by ${k} to proxy the underlying index (a ${k}x daily-reset ETF); this is an approximation — it ignores the compounding of daily leverage, fees and tracking error`,
      asset,
    });
  }
  warnings.push(...checkDelever(asset, grid, bench, k));
  const { rows, skipped } = placeStatements(options, o, warnings);
  const ctx: WindowContext = {
    o,
    asset: { grid, ...deleveredReturns(grid, k) },
    bench: bench === undefined ? undefined : { grid: bench, ...deleveredReturns(bench, undefined) },
    // only on request: the sessions of the run's statements (left out of same-clock references)
    // and the slots inside their windows (left out of prior bars)
    eventSessions: new Set(o.excludeOthers ? rows.map((r) => r.day) : []),
    blocked: blockedSlots(o.excludeOthers ? rows : [], grid, o.windows),
    warnings,
    usedMethods: new Set<string>(),
    fallbackEvents: [],
  };
  const abnormal: IntradayAbnormalRow[] = [];
  for (const r of rows) for (const w of o.windows) abnormal.push(windowRow(r, w, ctx));
  if (ctx.fallbackEvents.length > 0) {
    const f = ctx.fallbackEvents;
    warnings.push({
      code: "REFERENCE_FALLBACK",
      message: `${asset}: ${o.reference === "prior-bars" ? "prior-bars reference requested" : `fewer than ${o.minSessions} same-clock non-event sessions in the ${o.lookback} sessions before`} for ${f.length} row(s) (${f.slice(0, 4).join(", ")}${f.length > 4 ? ", …" : ""}); sd is scaled from per-bar volatility of the earlier bars outside statement windows, and no empirical p-value is given`,
      asset,
    });
  }
  const method: string[] = [];
  if (ctx.usedMethods.has("same-clock"))
    method.push(
      `same-clock: ${o.model} normal return; sd from the same clock window on up to ${o.lookback} earlier non-event sessions (at least ${o.minSessions}); empirical p-value (1 + count) / (n + 1)`,
    );
  if (ctx.usedMethods.has("prior-bars"))
    method.push(
      `prior-bars: ${o.model} normal return; sd = per-bar volatility of the bars before the window (event session and earlier sessions in the lookback${o.excludeOthers ? ", other statements' windows excluded" : ""}) times sqrt(bars in window); no empirical p-value`,
    );
  if (o.excludeOthers)
    method.push(
      "excludeStatementWindows: the sessions and window bars of the run's other statements are left out of every reference (excluded_reference counts them)",
    );
  return { abnormal, events: rows, skipped, warnings, grid, method };
}

/** `intradayStudy` options after checks and defaults, with the session grids built. */
interface ResolvedIntradayOptions {
  readonly model: IntradayModel;
  readonly reference: IntradayReference;
  readonly lookback: number;
  readonly minSessions: number;
  readonly minBars: number;
  readonly k: number | undefined;
  readonly grid: SessionBars;
  readonly bench: SessionBars | undefined;
  readonly windows: readonly MinuteWindow[];
  readonly asset: string;
  readonly cross: boolean;
  /** Leave the run's other statements out of each reference (`excludeStatementWindows`). */
  readonly excludeOthers: boolean;
}

/** Checks the options and builds the asset's (and benchmark's) session grid. */
function resolveIntradayOptions(options: IntradayStudyOptions): ResolvedIntradayOptions {
  checkOptions(intradayStudySchema, options);
  const model = options.model ?? "zero-mean";
  const reference = options.reference ?? "auto";
  const lookback = options.lookback ?? 60;
  const minSessions = options.minSessions ?? 20;
  const minBars = options.minBars ?? 30;
  const k = options.delever;
  if (model === "market" && options.benchmark === undefined) invalidOption("benchmark", undefined, "intraday benchmark bars for the market model");

  const gridOptions = present({ exchange: options.exchange, interval: options.interval, extendedHours: options.extendedHours });
  const grid = isGrid(options.bars) ? options.bars : sessionBars(options.bars, gridOptions);
  const interval = grid.interval;
  const windows = (options.windows ?? [[0, 10]]).map((w) => (typeof w === "string" ? parseMinuteWindow(w) : w));
  for (const w of windows) {
    if (!Array.isArray(w) || w.length !== 2 || !Number.isInteger(w[0]) || !Number.isInteger(w[1]) || !(w[0] < w[1]))
      invalidOption("windows", w, "pairs [a, b] of whole minutes with a < b");
    if (w[0] % interval !== 0 || w[1] % interval !== 0)
      invalidOption("windows", windowLabel(w), `offsets that are multiples of the ${interval}-minute bar length`);
  }
  const bench =
    options.benchmark === undefined
      ? undefined
      : isGrid(options.benchmark)
        ? options.benchmark
        : sessionBars(options.benchmark, { ...gridOptions, exchange: grid.calendar, interval });
  if (bench !== undefined && bench.interval !== interval)
    invalidOption("benchmark", `${bench.interval}-minute bars`, `bars of the asset's length (${interval} minutes)`);
  return {
    model,
    reference,
    lookback,
    minSessions,
    minBars,
    k,
    grid,
    bench,
    windows,
    asset: options.asset ?? grid.id,
    cross: options.crossClose === true,
    excludeOthers: options.excludeStatementWindows === true,
  };
}

/**
 * The statements placed on bars of this asset (statements about another asset are skipped).
 * @throws NO_VALID_EVENTS when none could be placed.
 */
function placeStatements(
  options: IntradayStudyOptions,
  o: ResolvedIntradayOptions,
  warnings: Warning[],
): { rows: IntradayAlignment[]; skipped: IntradaySkip[] } {
  const { asset } = o;
  const aligned = alignIntraday(options.events, o.grid, present({ nonTrading: options.nonTrading }));
  warnings.push(...aligned.warnings);
  const skipped: IntradaySkip[] = [...aligned.skipped];
  const rows = aligned.rows.filter((r) => {
    if (r.event.asset === undefined || r.event.asset === "" || r.event.asset === asset) return true;
    skipped.push({ event_id: r.event_id, asset: r.event.asset, code: "OTHER_ASSET", reason: `${r.event_id} concerns ${r.event.asset}, not ${asset}` });
    return false;
  });
  if (rows.length === 0) {
    throw new MarketReactionError(
      "NO_VALID_EVENTS",
      `intradayStudy: no statement could be placed on a bar of ${asset}${skipped.length > 0 ? ` (${skipped.map((s) => `${s.event_id}: ${s.code}`).join("; ")})` : ""}`,
    );
  }
  return { rows, skipped };
}

/** Slots inside any statement's window, per session index (excluded from the prior-bars reference). */
function blockedSlots(rows: readonly IntradayAlignment[], grid: SessionBars, windows: readonly MinuteWindow[]): Map<number, Uint8Array> {
  const interval = grid.interval;
  const blocked = new Map<number, Uint8Array>();
  for (const r of rows) {
    const s = grid.sessions[r.sessionIndex]!;
    let mask = blocked.get(r.sessionIndex);
    if (mask === undefined) blocked.set(r.sessionIndex, (mask = new Uint8Array(s.slots)));
    for (const w of windows) {
      const a = Math.max(0, r.slot + w[0] / interval);
      const b = Math.min(s.slots, r.slot + w[1] / interval);
      for (let q = a; q < b; q++) mask[q] = 1;
    }
  }
  return blocked;
}

/** What every (statement, window) row reads, and where it reports. */
interface WindowContext {
  readonly o: ResolvedIntradayOptions;
  readonly asset: GridReturns;
  readonly bench: GridReturns | undefined;
  readonly eventSessions: ReadonlySet<number>;
  readonly blocked: ReadonlyMap<number, Uint8Array>;
  readonly warnings: Warning[];
  readonly usedMethods: Set<string>;
  readonly fallbackEvents: string[];
}

/** A statement's window on the grid: its return, its place, and the benchmark's return over it. */
interface EventWindow {
  readonly piece: Piece;
  readonly place: WindowPlace;
  readonly truncated: boolean;
  readonly startInstant: number;
  readonly endInstant: number;
  /** The benchmark's log return over the same clock window (NaN without one). */
  readonly benchWindow: number;
}

/** The window `w` around statement `r`: cut at the open and (unless crossing) the close, with warnings for cuts and missing bars. */
function eventWindow(r: IntradayAlignment, w: MinuteWindow, ctx: WindowContext): EventWindow {
  const { grid, ret, overnight } = ctx.asset;
  const { cross, asset } = ctx.o;
  const interval = grid.interval;
  const i = r.sessionIndex;
  const s = grid.sessions[i]!;
  const a0 = r.slot + w[0] / interval;
  const b0 = r.slot + w[1] / interval;
  const a = Math.max(0, a0);
  const piece = windowSum(grid, ret, overnight, i, a, b0, cross);
  const b = piece.cut ? Math.min(b0, s.slots) : b0;
  const truncated = a0 < 0 || piece.cut;
  const clockStart = s.gridStart + a * interval;
  if (truncated) {
    ctx.warnings.push({
      code: "WINDOW_TRUNCATED",
      message: `${r.event_id} ${windowLabel(w)}: window cut at the ${a0 < 0 ? "open" : "close"} of ${s.date} (${piece.bars} bar(s) kept)${piece.cut && !cross ? "; pass crossClose to continue into the next session" : ""}`,
      event_id: r.event_id,
      asset,
    });
  }
  if (piece.missing > 0) {
    ctx.warnings.push({
      code: "MISSING_BARS_IN_WINDOW",
      message: `${r.event_id} ${windowLabel(w)}: ${piece.missing} of ${piece.bars} bar(s) missing in the window on ${s.date}; the price was carried forward`,
      event_id: r.event_id,
      asset,
    });
  }
  let benchWindow = Number.NaN;
  const bench = ctx.bench;
  if (bench !== undefined) {
    const bi = bench.grid.byDay.get(s.day);
    if (bi !== undefined) {
      const ba = sessionIndexOfClock(bench.grid.sessions[bi]!, clockStart, interval);
      if (!Number.isNaN(ba)) benchWindow = windowSum(bench.grid, bench.ret, bench.overnight, bi, ba, ba + (b - a), cross).value;
    }
  }
  return {
    piece,
    place: { session: i, slot: a, slots: b - a, clockStart },
    truncated,
    startInstant: s.startInstant + a * interval * 60_000,
    endInstant: windowEndInstant(grid, i, b),
    benchWindow,
  };
}

/** The normal return of a window and the reference behind it. */
interface NormalReturn {
  readonly expected: number;
  readonly sd: number;
  /** The reference abnormal returns (same-clock only), for the empirical p-value. */
  readonly refAr: readonly number[];
  readonly nRef: number;
  readonly sameClock: boolean;
  /** Reference sessions or bars left out as other statements' (`excluded_reference`). */
  readonly excluded: number;
  /** Why z is not computed, when the reference is too small; `null` otherwise. */
  readonly zMissing: string | null;
}

/**
 * Expected return and sd of a window: from the same clock window on earlier sessions when
 * enough qualify (or when asked), else from the per-bar returns before it; one model fit
 * (`fitIntradayModel`) serves both, on window returns (1 unit) or per-bar returns (bars units).
 */
function normalReturn(r: IntradayAlignment, w: MinuteWindow, win: EventWindow, ctx: WindowContext): NormalReturn {
  const { o, warnings } = ctx;
  const ref =
    o.reference === "prior-bars" ? { x: [], m: [], excluded: 0 } : sameClockReference(ctx.asset, ctx.bench, win.place, ctx.eventSessions, o.lookback, o.cross);
  if (o.reference === "same-clock" || (o.reference === "auto" && ref.x.length >= o.minSessions)) {
    const fit = fitIntradayModel(o.model, ref.x, ref.m);
    const { expected, sd } = windowExpectation(o.model, fit, 1, win.benchWindow);
    ctx.usedMethods.add("same-clock");
    const nRef = ref.x.length;
    if (nRef < o.minSessions) {
      warnings.push({
        code: "FEW_REFERENCE_SESSIONS",
        message: `${r.event_id} ${windowLabel(w)}: only ${nRef} same-clock reference session(s) (fewer than ${o.minSessions})`,
        event_id: r.event_id,
        asset: o.asset,
      });
    }
    const refAr = o.model === "zero-mean" ? ref.x : ref.x.map((v, j) => fit.residual(v, ref.m[j]!));
    return { expected, sd, refAr, nRef, sameClock: true, excluded: ref.excluded, zMissing: null };
  }
  const bars = priorBarsReference(ctx.asset, ctx.bench, win.place, ctx.blocked, o.lookback, o.model === "market");
  const nRef = bars.x.length;
  // the expected return needs 1 bar (3 for the market model); the sd needs minBars
  const fitted =
    o.model === "market" && nRef < 3
      ? { expected: Number.NaN, sd: Number.NaN }
      : windowExpectation(o.model, fitIntradayModel(o.model, bars.x, bars.m), win.piece.bars, win.benchWindow);
  let sd = Number.NaN;
  let zMissing: string | null = null;
  if (nRef >= o.minBars) sd = fitted.sd;
  else {
    zMissing = `only ${nRef} reference bar(s) before the window (at least ${o.minBars} needed)`;
    warnings.push({
      code: "INSUFFICIENT_REFERENCE",
      message: `${r.event_id} ${windowLabel(w)}: ${zMissing}; the abnormal return is reported, z and the p-values are not`,
      event_id: r.event_id,
      asset: o.asset,
    });
  }
  ctx.usedMethods.add("prior-bars");
  ctx.fallbackEvents.push(`${r.event_id} ${windowLabel(w)} (${ref.x.length} same-clock session(s))`);
  return { expected: fitted.expected, sd, refAr: [], nRef, sameClock: false, excluded: bars.excluded, zMissing };
}

/** One row of the `abnormal` table: AR = x − E, z = AR/sd, p = 2Φ(−|z|), empirical p = (1 + #{|AR_j| ≥ |AR|})/(n + 1). */
function windowRow(r: IntradayAlignment, w: MinuteWindow, ctx: WindowContext): IntradayAbnormalRow {
  const { o } = ctx;
  const grid = ctx.asset.grid;
  const win = eventWindow(r, w, ctx);
  const x = win.piece.value;
  const normal = normalReturn(r, w, win, ctx);
  const { expected, sd, refAr, nRef, sameClock } = normal;
  const ar = x - expected;
  const z = ar / sd;
  let zMissing = normal.zMissing;
  if (zMissing === null && !Number.isFinite(z))
    zMissing = sameClock ? `${nRef} same-clock reference session(s): no standard deviation` : "no standard deviation from the reference bars";
  let pEmp: number | null = null;
  if (sameClock && refAr.length > 0 && Number.isFinite(ar)) {
    let count = 0;
    for (const v of refAr) if (Math.abs(v) >= Math.abs(ar)) count++;
    pEmp = (1 + count) / (refAr.length + 1);
  }
  return {
    event_id: r.event_id,
    asset: o.asset,
    window_start: isoInZone(win.startInstant, grid.timezone),
    window_end: isoInZone(win.endInstant, grid.timezone),
    bar_start: r.bar_start,
    ar,
    z,
    p_value: Number.isFinite(z) ? 2 * normalSf(Math.abs(z)) : Number.NaN,
    p_value_empirical: pEmp,
    window: windowLabel(w),
    ret: Math.expm1(x),
    log_return: x,
    expected,
    sd,
    model: o.model,
    reference: sameClock ? "same-clock" : "prior-bars",
    n_reference: nRef,
    bars: win.piece.bars,
    missing_bars: win.piece.missing,
    truncated: win.truncated,
    delever: o.k ?? null,
    session: grid.sessions[r.sessionIndex]!.date,
    rule: r.rule,
    reason: r.reason,
    z_missing_reason: zMissing,
    excluded_reference: normal.excluded,
    market_session: marketSessionOf(r.event),
  };
}

export type _IntradayStudyOptionsMatch = Assert<SameType<OptionsInput<typeof intradayStudySchema>, IntradayStudyOptions>>;
