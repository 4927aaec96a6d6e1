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
import { simpleRegression } from "../stats/regression.js";
import type { BarSeries } from "../io/bars.js";
import type { MarketEvent } from "../types.js";
import { alignIntraday } from "./align.js";
import type { IntradayAlignment, IntradaySkip } from "./align.js";
import { sessionBars } from "./sessions.js";
import type { BarSession, ExtendedHours, SessionBars } from "./sessions.js";
import { isoInZone } from "./time.js";
import { marketSessionOf } from "../study/marketSession.js";

/** Normal-return model for minute windows. */
export type IntradayModel = "zero-mean" | "constant-mean" | "market";

/** Which reference distribution scales the abnormal return. */
export type IntradayReference = "auto" | "same-clock" | "prior-bars";

/** A window in minutes relative to the start of the statement's bar: `[a, b]` covers the bars starting in `[a, b)`. */
export type MinuteWindow = readonly [start: number, end: number];

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
  const m = /^\s*\[?\s*([+-]?\d+)\s*(m|min|h)?\s*[,;:]\s*([+-]?\d+)\s*(m|min|h)?\s*\]?\s*$/i.exec(text);
  if (m === null) invalidOption("window", text, 'two offsets in minutes such as "-10m,+20m" or "0,60"');
  const a = Number(m[1]) * (m[2]?.toLowerCase() === "h" ? 60 : 1);
  const b = Number(m[3]) * (m[4]?.toLowerCase() === "h" ? 60 : 1);
  if (!(a < b)) invalidOption("window", text, "a start before the end");
  return [a, b];
}

function windowLabel(w: MinuteWindow): string {
  const f = (x: number) => (x > 0 ? `+${x}m` : `${x}${x === 0 ? "" : "m"}`);
  return `[${f(w[0])},${f(w[1])}]`;
}

interface Piece {
  value: number;
  bars: number;
  missing: number;
  /** Window end was cut at the session close (no crossing or no next session). */
  cut: boolean;
}

function isGrid(x: BarSeries | SessionBars): x is SessionBars {
  return (x as SessionBars).sessions !== undefined;
}

/** Sum of per-slot returns over [a, b) of session i, continuing into the next session when asked. */
function windowSum(grid: SessionBars, ret: readonly Float64Array[], overnight: Float64Array, i: number, a: number, b: number, cross: boolean): Piece {
  const s = grid.sessions[i]!;
  const r = ret[i]!;
  let value = 0;
  let bars = 0;
  let missing = 0;
  const end = Math.min(b, s.slots);
  for (let k = Math.max(a, 0); k < end; k++) {
    value += r[k]!;
    bars++;
    if (s.present[k] === 0) missing++;
  }
  let cut = false;
  if (b > s.slots) {
    const next = grid.sessions[i + 1];
    const nextDay = grid.calendar.nextSession(s.day);
    if (cross && next !== undefined && next.day === nextDay) {
      value += overnight[i + 1]!;
      const rest = windowSum(grid, ret, overnight, i + 1, 0, b - s.slots, cross);
      value += rest.value;
      bars += rest.bars;
      missing += rest.missing;
      cut = rest.cut;
    } else cut = true;
  }
  return { value, bars, missing, cut };
}

function deleveredReturns(grid: SessionBars, k: number | undefined): { ret: Float64Array[]; overnight: Float64Array } {
  const f = (l: number) => (k === undefined ? l : Math.log1p(Math.expm1(l) / k));
  const ret = grid.sessions.map((s) => (k === undefined ? s.logReturn : Float64Array.from(s.logReturn, f)));
  const overnight = new Float64Array(grid.sessions.length).fill(Number.NaN);
  for (let i = 1; i < grid.sessions.length; i++) {
    const prev = grid.sessions[i - 1]!;
    const cur = grid.sessions[i]!;
    let lastClose = Number.NaN;
    for (let q = prev.slots - 1; q >= 0; q--) if (prev.present[q] === 1) { lastClose = prev.barClose[q]!; break; }
    let firstOpen = Number.NaN;
    for (let q = 0; q < cur.slots; q++) if (cur.present[q] === 1) { firstOpen = cur.barOpen[q]!; break; }
    overnight[i] = f(Math.log(firstOpen / lastClose));
  }
  return { ret, overnight };
}

function sessionIndexOfClock(s: BarSession, clock: number, interval: number): number {
  const k = (clock - s.gridStart) / interval;
  return Number.isInteger(k) ? k : Number.NaN;
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
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an options object");
  const model = options.model ?? "zero-mean";
  if (!["zero-mean", "constant-mean", "market"].includes(model)) invalidOption("model", model, '"zero-mean", "constant-mean" or "market"');
  const reference = options.reference ?? "auto";
  if (!["auto", "same-clock", "prior-bars"].includes(reference)) invalidOption("reference", reference, '"auto", "same-clock" or "prior-bars"');
  const lookback = options.lookback ?? 60;
  const minSessions = options.minSessions ?? 20;
  const minBars = options.minBars ?? 30;
  if (!Number.isInteger(lookback) || lookback < 1) invalidOption("lookback", lookback, "a positive whole number of sessions");
  if (!Number.isInteger(minSessions) || minSessions < 3) invalidOption("minSessions", minSessions, "a whole number of at least 3");
  if (!Number.isInteger(minBars) || minBars < 3) invalidOption("minBars", minBars, "a whole number of at least 3");
  const k = options.delever;
  if (k !== undefined && !(typeof k === "number" && Number.isFinite(k) && k > 0)) invalidOption("delever", k, "a positive leverage factor such as 3");
  if (model === "market" && options.benchmark === undefined) invalidOption("benchmark", undefined, "intraday benchmark bars for the market model");
  if (!Array.isArray(options.events)) invalidOption("events", options.events, "an array of MarketEvent objects");

  const gridOptions = {
    ...(options.exchange === undefined ? {} : { exchange: options.exchange }),
    ...(options.interval === undefined ? {} : { interval: options.interval }),
    ...(options.extendedHours === undefined ? {} : { extendedHours: options.extendedHours }),
  };
  const grid = isGrid(options.bars) ? options.bars : sessionBars(options.bars, gridOptions);
  const interval = grid.interval;
  const windows = (options.windows ?? [[0, 10]]).map((w) => (typeof w === "string" ? parseMinuteWindow(w) : w));
  for (const w of windows) {
    if (!Array.isArray(w) || w.length !== 2 || !Number.isInteger(w[0]) || !Number.isInteger(w[1]) || !(w[0] < w[1])) invalidOption("windows", w, "pairs [a, b] of whole minutes with a < b");
    if (w[0] % interval !== 0 || w[1] % interval !== 0) invalidOption("windows", windowLabel(w), `offsets that are multiples of the ${interval}-minute bar length`);
  }
  const bench =
    options.benchmark === undefined ? undefined : isGrid(options.benchmark) ? options.benchmark : sessionBars(options.benchmark, { ...gridOptions, exchange: grid.calendar, interval });
  if (bench !== undefined && bench.interval !== interval) invalidOption("benchmark", `${bench.interval}-minute bars`, `bars of the asset's length (${interval} minutes)`);

  const asset = options.asset ?? grid.id;
  const warnings: Warning[] = [...grid.warnings, ...(bench?.warnings ?? [])];
  if (k !== undefined) {
    warnings.push({
      code: "DELEVERED_PROXY",
      message: `${asset}: returns divided by ${k} to proxy the underlying index (a ${k}x daily-reset ETF); this is an approximation — it ignores the compounding of daily leverage, fees and tracking error`,
      asset,
    });
  }
  const aligned = alignIntraday(options.events, grid, options.nonTrading === undefined ? {} : { nonTrading: options.nonTrading });
  warnings.push(...aligned.warnings);
  const skipped: IntradaySkip[] = [...aligned.skipped];
  const rows = aligned.rows.filter((r) => {
    if (r.event.asset === undefined || r.event.asset === "" || r.event.asset === asset) return true;
    skipped.push({ event_id: r.event_id, asset: r.event.asset, code: "OTHER_ASSET", reason: `${r.event_id} concerns ${r.event.asset}, not ${asset}` });
    return false;
  });
  if (rows.length === 0) {
    throw new MarketReactionError("NO_VALID_EVENTS", `intradayStudy: no statement could be placed on a bar of ${asset}${skipped.length > 0 ? ` (${skipped.map((s) => `${s.event_id}: ${s.code}`).join("; ")})` : ""}`);
  }

  const { ret, overnight } = deleveredReturns(grid, k);
  const benchRet = bench === undefined ? undefined : deleveredReturns(bench, undefined);
  const cross = options.crossClose === true;
  const excludeOthers = options.excludeStatementWindows === true;
  // only on request: the sessions of the run's statements (left out of same-clock references)
  const eventSessions = new Set(excludeOthers ? rows.map((r) => r.day) : []);
  // only on request: slots inside any statement's window, per session index (left out of prior bars)
  const blocked = new Map<number, Uint8Array>();
  for (const r of excludeOthers ? rows : []) {
    const s = grid.sessions[r.sessionIndex]!;
    let mask = blocked.get(r.sessionIndex);
    if (mask === undefined) blocked.set(r.sessionIndex, (mask = new Uint8Array(s.slots)));
    for (const w of windows) {
      const a = Math.max(0, r.slot + w[0] / interval);
      const b = Math.min(s.slots, r.slot + w[1] / interval);
      for (let q = a; q < b; q++) mask[q] = 1;
    }
  }

  const abnormal: IntradayAbnormalRow[] = [];
  const usedMethods = new Set<string>();
  const fallbackEvents: string[] = [];
  for (const r of rows) {
    const i = r.sessionIndex;
    const s = grid.sessions[i]!;
    for (const w of windows) {
      const a0 = r.slot + w[0] / interval;
      const b0 = r.slot + w[1] / interval;
      const a = Math.max(0, a0);
      const piece = windowSum(grid, ret, overnight, i, a, b0, cross);
      const b = piece.cut ? Math.min(b0, s.slots) : b0;
      const truncated = a0 < 0 || piece.cut;
      const bars = piece.bars;
      const clockStart = s.gridStart + a * interval;
      const startInstant = s.startInstant + a * interval * 60_000;
      const endInstant = windowEndInstant(grid, i, b);
      if (truncated) {
        warnings.push({
          code: "WINDOW_TRUNCATED",
          message: `${r.event_id} ${windowLabel(w)}: window cut at the ${a0 < 0 ? "open" : "close"} of ${s.date} (${bars} bar(s) kept)${piece.cut && !cross ? "; pass crossClose to continue into the next session" : ""}`,
          event_id: r.event_id,
          asset,
        });
      }
      if (piece.missing > 0) {
        warnings.push({
          code: "MISSING_BARS_IN_WINDOW",
          message: `${r.event_id} ${windowLabel(w)}: ${piece.missing} of ${bars} bar(s) missing in the window on ${s.date}; the price was carried forward`,
          event_id: r.event_id,
          asset,
        });
      }
      let benchWindow = Number.NaN;
      if (bench !== undefined && benchRet !== undefined) {
        const bi = bench.byDay.get(s.day);
        if (bi !== undefined) {
          const bs = bench.sessions[bi]!;
          const ba = sessionIndexOfClock(bs, clockStart, interval);
          if (!Number.isNaN(ba)) benchWindow = windowSum(bench, benchRet.ret, benchRet.overnight, bi, ba, ba + (b - a), cross).value;
        }
      }
      const x = piece.value;

      // same-clock references
      const refX: number[] = [];
      const refM: number[] = [];
      let excluded = 0;
      if (reference !== "prior-bars") {
        const cal = grid.calendar;
        let day = s.day;
        for (let q = 0; q < lookback; q++) {
          const prev = cal.previousSession(day);
          if (prev === undefined) break;
          day = prev;
          if (eventSessions.has(day)) {
            if (grid.byDay.has(day)) excluded++;
            continue;
          }
          const j = grid.byDay.get(day);
          if (j === undefined) continue;
          const rs = grid.sessions[j]!;
          const ra = sessionIndexOfClock(rs, clockStart, interval);
          if (Number.isNaN(ra) || ra < 0) continue;
          const rb = ra + (b - a);
          if (!cross && rb > rs.slots) continue;
          const p = windowSum(grid, ret, overnight, j, ra, rb, cross);
          if (p.cut && cross) continue;
          if (!Number.isFinite(p.value)) continue;
          let m = Number.NaN;
          if (bench !== undefined && benchRet !== undefined) {
            const bj = bench.byDay.get(day);
            if (bj === undefined) continue;
            const bra = sessionIndexOfClock(bench.sessions[bj]!, clockStart, interval);
            if (Number.isNaN(bra)) continue;
            m = windowSum(bench, benchRet.ret, benchRet.overnight, bj, bra, bra + (b - a), cross).value;
            if (!Number.isFinite(m)) continue;
          }
          refX.push(p.value);
          refM.push(m);
        }
      }
      let useSameClock = reference === "same-clock" || (reference === "auto" && refX.length >= minSessions);
      let expected = Number.NaN;
      let sd = Number.NaN;
      let refAr: number[] = [];
      let nRef = 0;
      let zMissing: string | null = null;
      if (useSameClock) {
        nRef = refX.length;
        if (model === "zero-mean") {
          expected = 0;
          let ss = 0;
          for (const v of refX) ss += v * v;
          sd = nRef > 0 ? Math.sqrt(ss / nRef) : Number.NaN;
          refAr = refX;
        } else if (model === "constant-mean") {
          let mu = 0;
          for (const v of refX) mu += v;
          mu /= nRef;
          let ss = 0;
          for (const v of refX) ss += (v - mu) * (v - mu);
          expected = mu;
          sd = nRef > 1 ? Math.sqrt(ss / (nRef - 1)) : Number.NaN;
          refAr = refX.map((v) => v - mu);
        } else {
          const fit = simpleRegression(refX, refM);
          expected = fit.alpha + fit.beta * benchWindow;
          sd = Math.sqrt(fit.sigma2);
          refAr = refX.map((v, j) => v - fit.alpha - fit.beta * refM[j]!);
        }
        usedMethods.add("same-clock");
        if (nRef < minSessions) {
          warnings.push({ code: "FEW_REFERENCE_SESSIONS", message: `${r.event_id} ${windowLabel(w)}: only ${nRef} same-clock reference session(s) (fewer than ${minSessions})`, event_id: r.event_id, asset });
        }
      } else {
        useSameClock = false;
        excluded = 0;
        const rr: number[] = [];
        const mm: number[] = [];
        const cal = grid.calendar;
        const lowestDay = (() => {
          let d = s.day;
          for (let q = 0; q < lookback; q++) {
            const p = cal.previousSession(d);
            if (p === undefined) break;
            d = p;
          }
          return d;
        })();
        for (let j = 0; j <= i; j++) {
          const rs = grid.sessions[j]!;
          if (rs.day < lowestDay) continue;
          const limit = j === i ? a : rs.slots;
          const mask = blocked.get(j);
          const bj = bench?.byDay.get(rs.day);
          const bs = bj === undefined ? undefined : bench!.sessions[bj];
          for (let q = 0; q < limit; q++) {
            if (rs.present[q] === 0 || (q > 0 && rs.present[q - 1] === 0)) continue;
            if (mask?.[q] === 1) {
              excluded++;
              continue;
            }
            const v = ret[j]![q]!;
            if (!Number.isFinite(v)) continue;
            if (model === "market") {
              if (bs === undefined || bj === undefined) continue;
              const bq = sessionIndexOfClock(bs, rs.gridStart + q * interval, interval);
              if (Number.isNaN(bq) || bs.present[bq] !== 1 || (bq > 0 && bs.present[bq - 1] === 0)) continue;
              const mv = benchRet!.ret[bj]![bq]!;
              if (!Number.isFinite(mv)) continue;
              mm.push(mv);
            }
            rr.push(v);
          }
        }
        nRef = rr.length;
        const fit = priorBarsReference(model, rr, mm, bars, benchWindow);
        expected = fit.expected;
        if (nRef >= minBars) sd = fit.sd;
        else {
          zMissing = `only ${nRef} reference bar(s) before the window (at least ${minBars} needed)`;
          warnings.push({ code: "INSUFFICIENT_REFERENCE", message: `${r.event_id} ${windowLabel(w)}: ${zMissing}; the abnormal return is reported, z and the p-values are not`, event_id: r.event_id, asset });
        }
        usedMethods.add("prior-bars");
        fallbackEvents.push(`${r.event_id} ${windowLabel(w)} (${refX.length} same-clock session(s))`);
      }
      const ar = x - expected;
      const z = ar / sd;
      if (zMissing === null && !Number.isFinite(z)) zMissing = useSameClock ? `${nRef} same-clock reference session(s): no standard deviation` : "no standard deviation from the reference bars";
      let pEmp: number | null = null;
      if (useSameClock && refAr.length > 0 && Number.isFinite(ar)) {
        let count = 0;
        for (const v of refAr) if (Math.abs(v) >= Math.abs(ar)) count++;
        pEmp = (1 + count) / (refAr.length + 1);
      }
      abnormal.push({
        event_id: r.event_id,
        asset,
        window_start: isoInZone(startInstant, grid.timezone),
        window_end: isoInZone(endInstant, grid.timezone),
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
        model,
        reference: useSameClock ? "same-clock" : "prior-bars",
        n_reference: nRef,
        bars,
        missing_bars: piece.missing,
        truncated,
        delever: k ?? null,
        session: s.date,
        rule: r.rule,
        reason: r.reason,
        z_missing_reason: zMissing,
        excluded_reference: excluded,
        market_session: marketSessionOf(r.event),
      });
    }
  }
  if (fallbackEvents.length > 0) {
    warnings.push({
      code: "REFERENCE_FALLBACK",
      message: `${asset}: ${reference === "prior-bars" ? "prior-bars reference requested" : `fewer than ${minSessions} same-clock non-event sessions in the ${lookback} sessions before`} for ${fallbackEvents.length} row(s) (${fallbackEvents.slice(0, 4).join(", ")}${fallbackEvents.length > 4 ? ", …" : ""}); sd is scaled from per-bar volatility of the earlier bars outside statement windows, and no empirical p-value is given`,
      asset,
    });
  }
  const method: string[] = [];
  if (usedMethods.has("same-clock")) method.push(`same-clock: ${model} normal return; sd from the same clock window on up to ${lookback} earlier non-event sessions (at least ${minSessions}); empirical p-value (1 + count) / (n + 1)`);
  if (usedMethods.has("prior-bars")) method.push(`prior-bars: ${model} normal return; sd = per-bar volatility of the bars before the window (event session and earlier sessions in the lookback${excludeOthers ? ", other statements' windows excluded" : ""}) times sqrt(bars in window); no empirical p-value`);
  if (excludeOthers) method.push("excludeStatementWindows: the sessions and window bars of the run's other statements are left out of every reference (excluded_reference counts them)");
  return { abnormal, events: rows, skipped, warnings, grid, method };
}

/**
 * Expected window return and sd from per-bar reference returns (prior-bars): zero mean E = 0,
 * sd = s₀√L; constant mean E = L r̄, sd = s√L; market E = Lα + βΣm, sd = σ̂√L. The expected
 * return needs 1 bar (3 for the market model); the sd is NaN without enough bars.
 */
function priorBarsReference(model: IntradayModel, rr: readonly number[], mm: readonly number[], L: number, benchWindow: number): { expected: number; sd: number } {
  const n = rr.length;
  if (model === "zero-mean") {
    let ss = 0;
    for (const v of rr) ss += v * v;
    return { expected: 0, sd: n > 0 ? Math.sqrt((ss / n) * L) : Number.NaN };
  }
  if (model === "constant-mean") {
    if (n === 0) return { expected: Number.NaN, sd: Number.NaN };
    let mu = 0;
    for (const v of rr) mu += v;
    mu /= n;
    let ss = 0;
    for (const v of rr) ss += (v - mu) * (v - mu);
    return { expected: mu * L, sd: n > 1 ? Math.sqrt((ss / (n - 1)) * L) : Number.NaN };
  }
  if (n < 3) return { expected: Number.NaN, sd: Number.NaN };
  const fit = simpleRegression(rr, mm);
  return { expected: fit.alpha * L + fit.beta * benchWindow, sd: Math.sqrt(fit.sigma2 * L) };
}

function windowEndInstant(grid: SessionBars, i: number, b: number): number {
  let s = grid.sessions[i]!;
  let rest = b;
  let j = i;
  while (rest > s.slots && grid.sessions[j + 1] !== undefined) {
    rest -= s.slots;
    j++;
    s = grid.sessions[j]!;
  }
  return s.startInstant + rest * grid.interval * 60_000;
}
