/**
 * Bars on the session grid of an exchange: regular-session filtering (early closes included,
 * extended hours by option), one slot per bar interval, gaps counted and reported.
 * @module
 */
import { invalidOption } from "../errors.js";
import type { Warning } from "../errors.js";
import { isTradingCalendar, tradingCalendar } from "../calendar/calendar.js";
import type { TradingCalendar } from "../calendar/calendar.js";
import type { Exchange } from "../calendar/exchanges.js";
import { instantToLocal, isoFromDayKey, localToInstant, minutesOf } from "../time/index.js";
import type { DayKey } from "../types.js";
import type { BarSeries } from "../io/bars.js";
import { clockText } from "./time.js";
import { checkOptions, checkShape } from "../check.js";
import { BAR_SERIES } from "../shapes.js";

/** Extended-hours grid: `true` = 04:00-20:00 local, or explicit `HH:mm` bounds. */
export type ExtendedHours = boolean | { readonly from: string; readonly to: string };

/** Options of {@link sessionBars}. */
export interface SessionBarsOptions {
  /** Exchange (MIC, Exchange or TradingCalendar). Default `XNYS`. */
  readonly exchange?: string | Exchange | TradingCalendar;
  /** Bar length in minutes. Default: the most common step between consecutive bars of a day. */
  readonly interval?: number;
  /** Keep pre- and post-market bars. Default false (regular session only). */
  readonly extendedHours?: ExtendedHours;
}

/** One session of bars on a regular grid of slots (slot k starts `k * interval` minutes after `gridStart`). */
export interface BarSession {
  readonly day: DayKey;
  readonly date: string;
  /** First slot's start, minutes after local midnight (the open, or the extended-hours start). */
  readonly gridStart: number;
  /** Regular open and close (early closes included), minutes after local midnight. */
  readonly open: number;
  readonly close: number;
  /** Name of the early close, when the session ends early. */
  readonly earlyClose?: string;
  /** Number of slots. */
  readonly slots: number;
  /** Instant of slot 0's start (ms). */
  readonly startInstant: number;
  /** Per slot: bar open, close, volume (`NaN` where the bar is missing) and presence (1/0). */
  readonly barOpen: Float64Array;
  readonly barClose: Float64Array;
  readonly volume: Float64Array;
  readonly present: Uint8Array;
  /**
   * Per slot: log return from the last available price before the slot (the previous present
   * close of the session, or this bar's open for the first bar) to the slot's close; `0` for a
   * missing slot (the price is carried forward), `NaN` when no price is known yet.
   */
  readonly logReturn: Float64Array;
  /** Missing slots between the first and the last present slot. */
  readonly gaps: number;
}

/** Result of {@link sessionBars}. */
export interface SessionBars {
  readonly id: string;
  readonly calendar: TradingCalendar;
  readonly exchange: string;
  readonly timezone: string;
  /** Bar length in minutes. */
  readonly interval: number;
  readonly extendedHours: boolean;
  /** Sessions with at least one bar, in time order. */
  readonly sessions: BarSession[];
  /** Index in `sessions` by day key. */
  readonly byDay: ReadonlyMap<DayKey, number>;
  /** Bars dropped: outside the session hours, on non-trading days, off the grid. */
  readonly dropped: { readonly outsideHours: number; readonly nonTradingDay: number; readonly offGrid: number };
  readonly warnings: Warning[];
}

function detectInterval(bars: BarSeries): number {
  const counts = new Map<number, number>();
  const t = bars.instants;
  for (let i = 1; i < t.length; i++) {
    const d = (t[i]! - t[i - 1]!) / 60_000;
    if (d > 0 && d <= 240 && Number.isInteger(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 1;
  let bestCount = -1;
  for (const [d, c] of counts) if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
  return best;
}

function toCalendar(exchange: SessionBarsOptions["exchange"]): TradingCalendar {
  if (exchange === undefined) return tradingCalendar("XNYS");
  if (isTradingCalendar(exchange)) return exchange;
  return tradingCalendar(exchange);
}

/**
 * Puts bars on the session grid of an exchange. Each bar's start instant is read on the
 * exchange clock through its IANA zone (so bars stamped in UTC land on the right local clock
 * across DST changes); bars of non-trading days, bars outside the regular session
 * (`[open, close)` with early closes, e.g. 13:00 on the day after Thanksgiving) and bars not
 * on the grid are dropped and counted. With `extendedHours` the grid runs from 04:00 to
 * 20:00 local (or the given bounds) on session days. Missing bars inside a session are
 * counted per session and reported in a `BAR_GAPS` warning (count and first missing times).
 *
 * @throws INVALID_OPTION for a bad interval, extended-hours bounds or exchange.
 * @throws UNKNOWN_EXCHANGE for an unknown MIC.
 * @example
 * // one-minute bars of the 7 April 2025 session (a synthetic path), the 10:11 bar left out
 * const rows = Array.from({ length: 390 }, (_, i) => `${new Date(Date.UTC(2025, 3, 7, 13, 30 + i)).toISOString()},${91 + Math.sin(i)}`);
 * const { bars } = parseBarsCsv(`datetime,close\n${rows.filter((_, i) => i !== 41).join("\n")}`, { id: "SPXL" });
 * const grid = sessionBars(bars, { exchange: "XNYS" });
 * grid.sessions[0]?.slots; // => 390 (a full NYSE day of one-minute bars)
 * grid.sessions[0]?.gaps; // => 1
 */
export function sessionBars(bars: BarSeries, options: SessionBarsOptions = {}): SessionBars {
  checkShape("sessionBars", "bars", bars, BAR_SERIES);
  checkOptions("sessionBars", options);
  const calendar = toCalendar(options.exchange);
  const zone = calendar.exchange.timezone;
  const interval = options.interval ?? detectInterval(bars);
  if (!Number.isInteger(interval) || interval < 1 || interval > 240) invalidOption("interval", options.interval, "a whole number of minutes from 1 to 240");
  const grid: Grid = { calendar, zone, interval, ext: extendedGrid(options.extendedHours) };
  const drafts = draftSessions(bars, grid);
  const days = [...drafts.slots.keys()].sort((a, b) => a - b);
  const sessions: BarSession[] = [];
  const byDay = new Map<DayKey, number>();
  const gapNotes: string[] = [];
  let totalGaps = 0;
  for (const day of days) {
    const { session, missing, note } = gridSession(day, drafts.slots.get(day)!, grid);
    if (note !== undefined) gapNotes.push(note);
    totalGaps += missing;
    byDay.set(day, sessions.length);
    sessions.push(session);
  }
  const warnings = gridWarnings(bars.id, grid, drafts, { totalGaps, gapNotes, days });
  const { outsideHours, nonTradingDay, offGrid } = drafts;
  return {
    id: bars.id,
    calendar,
    exchange: calendar.exchange.code,
    timezone: zone,
    interval,
    extendedHours: grid.ext !== undefined,
    sessions,
    byDay,
    dropped: { outsideHours, nonTradingDay, offGrid },
    warnings,
  };
}

/** The session grid: the exchange's calendar and clock, the bar length, the extended-hours bounds if any (minutes after local midnight). */
interface Grid {
  readonly calendar: TradingCalendar;
  readonly zone: string;
  readonly interval: number;
  readonly ext: { readonly from: number; readonly to: number } | undefined;
}

/** The bars of one session as found, slot by slot, in time order. */
interface Draft {
  readonly open: number[];
  readonly close: number[];
  readonly vol: number[];
  readonly slot: number[];
}

/** Bars by session day, and the counts of bars dropped. */
interface Drafts {
  readonly slots: Map<DayKey, Draft>;
  outsideHours: number;
  nonTradingDay: number;
  offGrid: number;
  duplicateSlots: number;
  readonly firstDropped: string[];
}

/** The extended-hours bounds in minutes after local midnight, or `undefined` for the regular session only. */
function extendedGrid(extendedHours: ExtendedHours | undefined): { from: number; to: number } | undefined {
  if (extendedHours === true) return { from: 4 * 60, to: 20 * 60 };
  if (typeof extendedHours === "object" && extendedHours !== null) {
    const from = minutesOf(extendedHours.from);
    const to = minutesOf(extendedHours.to);
    if (!(from < to)) invalidOption("extendedHours", `${extendedHours.from}-${extendedHours.to}`, '{ from: "HH:mm", to: "HH:mm" } with from before to');
    return { from, to };
  }
  if (extendedHours !== undefined && extendedHours !== false) invalidOption("extendedHours", extendedHours, "true, false or { from, to }");
  return undefined;
}

/** The first and past-the-last grid minute of a session day. */
function gridBounds(day: DayKey, grid: Grid): { open: number; close: number; start: number; end: number } {
  const open = grid.calendar.sessionOpen(day);
  const close = grid.calendar.sessionClose(day);
  const ext = grid.ext;
  return { open, close, start: ext === undefined ? open : Math.min(ext.from, open), end: ext === undefined ? close : Math.max(ext.to, close) };
}

/** Puts each bar in its session's slot on the exchange clock, counting the bars dropped. */
function draftSessions(bars: BarSeries, grid: Grid): Drafts {
  const drafts: Drafts = { slots: new Map(), outsideHours: 0, nonTradingDay: 0, offGrid: 0, duplicateSlots: 0, firstDropped: [] };
  const t = bars.instants;
  for (let i = 0; i < t.length; i++) {
    const local = instantToLocal(t[i]!, grid.zone);
    const day = local.day;
    if (!grid.calendar.isSession(day)) {
      drafts.nonTradingDay++;
      continue;
    }
    const { start, end } = gridBounds(day, grid);
    if (local.minute < start || local.minute >= end) {
      if (drafts.firstDropped.length < 3) drafts.firstDropped.push(`${isoFromDayKey(day)} ${clockText(local.minute)}`);
      drafts.outsideHours++;
      continue;
    }
    const k = (local.minute - start) / grid.interval;
    if (!Number.isInteger(Math.round(k * 1e6) / 1e6)) {
      drafts.offGrid++;
      continue;
    }
    let d = drafts.slots.get(day);
    if (d === undefined) drafts.slots.set(day, (d = { open: [], close: [], vol: [], slot: [] }));
    const slot = Math.round(k);
    if (d.slot.length > 0 && d.slot[d.slot.length - 1] === slot) {
      drafts.duplicateSlots++;
      continue;
    }
    d.slot.push(slot);
    d.open.push(bars.open[i]!);
    d.close.push(bars.close[i]!);
    d.vol.push(bars.volume[i]!);
  }
  return drafts;
}

/** One session on its grid: bars by slot, log returns, and its missing slots (`missing`, described in `note`). */
function gridSession(day: DayKey, d: Draft, grid: Grid): { session: BarSession; missing: number; note: string | undefined } {
  const { open, close, start: gridStart, end: gridEnd } = gridBounds(day, grid);
  const slots = Math.ceil((gridEnd - gridStart) / grid.interval);
  const barOpen = new Float64Array(slots).fill(Number.NaN);
  const barClose = new Float64Array(slots).fill(Number.NaN);
  const volume = new Float64Array(slots).fill(Number.NaN);
  const present = new Uint8Array(slots);
  for (let j = 0; j < d.slot.length; j++) {
    const s = d.slot[j]!;
    barOpen[s] = d.open[j]!;
    barClose[s] = d.close[j]!;
    volume[s] = d.vol[j]!;
    present[s] = 1;
  }
  const { logReturn, first, lastPresent } = slotReturns(barOpen, barClose, present);
  const gaps = missingSlots(day, gridStart, grid, present, first, lastPresent);
  const startInstant = localToInstant({ day, minute: gridStart }, grid.zone).instant;
  const early = grid.calendar.earlyCloseName(day);
  const session: BarSession = {
    day,
    date: isoFromDayKey(day),
    gridStart,
    open,
    close,
    ...(early === undefined ? {} : { earlyClose: early }),
    slots,
    startInstant,
    barOpen,
    barClose,
    volume,
    present,
    logReturn,
    gaps: gaps.inside,
  };
  return { session, missing: gaps.missing, note: gaps.note };
}

/**
 * Per slot, the log return from the last available price (the previous present close, or the
 * first bar's open) to the slot's close; 0 over a missing slot, `NaN` before the first bar.
 * Also the first and last present slots (-1 when none).
 */
function slotReturns(barOpen: Float64Array, barClose: Float64Array, present: Uint8Array): { logReturn: Float64Array; first: number; lastPresent: number } {
  const slots = present.length;
  const logReturn = new Float64Array(slots);
  let last = Number.NaN;
  let first = -1;
  let lastPresent = -1;
  for (let s = 0; s < slots; s++) {
    if (present[s] === 1) {
      const ref = Number.isNaN(last) ? barOpen[s]! : last;
      logReturn[s] = Math.log(barClose[s]! / ref);
      last = barClose[s]!;
      if (first < 0) first = s;
      lastPresent = s;
    } else logReturn[s] = Number.isNaN(last) ? Number.NaN : 0;
  }
  return { logReturn, first, lastPresent };
}

/** Missing slots of a session: inside (between the first and last bar), and in all with the leading and trailing ones, described for the warning. */
function missingSlots(
  day: DayKey,
  gridStart: number,
  grid: Grid,
  present: Uint8Array,
  first: number,
  lastPresent: number,
): { inside: number; missing: number; note: string | undefined } {
  let gaps = 0;
  const missingTimes: string[] = [];
  for (let s = Math.max(first, 0); s <= lastPresent; s++) {
    if (present[s] === 0) {
      gaps++;
      if (missingTimes.length < 3) missingTimes.push(clockText(gridStart + s * grid.interval));
    }
  }
  const leading = first;
  const trailing = present.length - 1 - lastPresent;
  if (gaps === 0 && leading <= 0 && trailing <= 0) return { inside: gaps, missing: 0, note: undefined };
  const ext = grid.ext;
  const parts: string[] = [];
  if (gaps > 0) parts.push(`${gaps} missing inside (first ${missingTimes.join(", ")})`);
  if (leading > 0) parts.push(`${leading} missing after the ${ext === undefined ? "open" : "grid start"}`);
  if (trailing > 0) parts.push(`${trailing} missing before the ${ext === undefined ? "close" : "grid end"}`);
  return { inside: gaps, missing: gaps + leading + trailing, note: `${isoFromDayKey(day)}: ${parts.join("; ")}` };
}

/** The warnings of a grid: missing bars, bars dropped (outside hours, non-trading days, off the grid, repeated slots), sessions without bars. */
function gridWarnings(id: string, grid: Grid, drafts: Drafts, found: { totalGaps: number; gapNotes: readonly string[]; days: readonly DayKey[] }): Warning[] {
  const { calendar, interval, ext } = grid;
  const { totalGaps, gapNotes, days } = found;
  const warnings: Warning[] = [];
  if (totalGaps > 0) {
    warnings.push({
      code: "BAR_GAPS",
      message: `${id}: ${totalGaps} missing ${interval}-minute bar(s) in ${gapNotes.length} session(s); prices are carried forward over gaps — ${gapNotes.slice(0, 5).join(" | ")}${gapNotes.length > 5 ? ` | … ${gapNotes.length - 5} more` : ""}`,
    });
  }
  if (drafts.outsideHours > 0) {
    warnings.push({
      code: "BARS_OUTSIDE_SESSION",
      message: `${id}: ${drafts.outsideHours} bar(s) outside the ${ext === undefined ? "regular session" : "extended hours"} of ${calendar.exchange.code} were dropped (first ${drafts.firstDropped.join(", ")})${ext === undefined ? "; use extendedHours to keep pre- and post-market bars" : ""}`,
    });
  }
  if (drafts.nonTradingDay > 0)
    warnings.push({
      code: "BARS_ON_NON_TRADING_DAY",
      message: `${id}: ${drafts.nonTradingDay} bar(s) on days without a ${calendar.exchange.code} session were dropped`,
    });
  if (drafts.offGrid > 0)
    warnings.push({
      code: "BARS_OFF_GRID",
      message: `${id}: ${drafts.offGrid} bar(s) do not start on the ${interval}-minute grid from the open and were dropped`,
    });
  if (drafts.duplicateSlots > 0)
    warnings.push({ code: "DUPLICATE_BARS", message: `${id}: ${drafts.duplicateSlots} bar(s) fell in an occupied slot and were dropped` });
  const missingSessions: string[] = [];
  if (days.length > 1) {
    for (let d = calendar.nextSession(days[0]!); d !== undefined && d < days[days.length - 1]!; d = calendar.nextSession(d)) {
      if (!drafts.slots.has(d)) missingSessions.push(isoFromDayKey(d));
    }
  }
  if (missingSessions.length > 0) {
    warnings.push({
      code: "SESSIONS_WITHOUT_BARS",
      message: `${id}: ${missingSessions.length} ${calendar.exchange.code} session(s) between the first and last bar have no bars (first ${missingSessions.slice(0, 3).join(", ")})`,
    });
  }
  return warnings;
}

/**
 * Aggregates bars to coarser bars of `minutes` minutes, aligned to the regular open of each
 * session on the exchange clock (09:30, 09:35, … for 5-minute NYSE bars): open = first
 * open, close = last close, high = max, low = min, volume = sum. Bars of non-trading days
 * keep midnight-aligned bins.
 *
 * @throws INVALID_OPTION when `minutes` is not a whole number from 1 to 240.
 * @example
 * // SPXL one-minute closes, 09:30 to 09:39 New York time, 7 April 2025
 * const closes = [90.91, 91.33, 90.2981, 90.55, 90.5, 89.84, 89.33, 89.48, 88.39, 89.53];
 * const text = `datetime,close\n${closes.map((c, i) => `2025-04-07T13:${30 + i}:00Z,${c}`).join("\n")}`;
 * const fiveMinute = aggregateBars(parseBarsCsv(text).bars, 5, { exchange: "XNYS" });
 * fiveMinute.close; // => Float64Array [90.5, 89.53]
 * new Date(fiveMinute.instants[1]!).toISOString(); // => "2025-04-07T13:35:00.000Z" (09:35 in New York)
 */
export function aggregateBars(bars: BarSeries, minutes: number, options: { readonly exchange?: string | Exchange | TradingCalendar } = {}): BarSeries {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) invalidOption("minutes", minutes, "a whole number of minutes from 1 to 240");
  const calendar = toCalendar(options.exchange);
  const zone = calendar.exchange.timezone;
  const inst: number[] = [];
  const o: number[] = [];
  const h: number[] = [];
  const l: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  let currentKey = Number.NaN;
  const t = bars.instants;
  for (let i = 0; i < t.length; i++) {
    const local = instantToLocal(t[i]!, zone);
    const anchor = calendar.isSession(local.day) ? calendar.sessionOpen(local.day) : 0;
    const bin = Math.floor((local.minute - anchor) / minutes);
    const key = local.day * 100_000 + bin;
    if (key !== currentKey) {
      currentKey = key;
      inst.push(localToInstant({ day: local.day, minute: anchor + bin * minutes }, zone).instant);
      o.push(bars.open[i]!);
      h.push(bars.high[i]!);
      l.push(bars.low[i]!);
      c.push(bars.close[i]!);
      v.push(bars.volume[i]!);
      continue;
    }
    const j = inst.length - 1;
    if (Number.isNaN(o[j]!)) o[j] = bars.open[i]!;
    h[j] = Number.isNaN(h[j]!) ? bars.high[i]! : Math.max(h[j]!, Number.isNaN(bars.high[i]!) ? h[j]! : bars.high[i]!);
    l[j] = Number.isNaN(l[j]!) ? bars.low[i]! : Math.min(l[j]!, Number.isNaN(bars.low[i]!) ? l[j]! : bars.low[i]!);
    c[j] = bars.close[i]!;
    v[j] = v[j]! + bars.volume[i]!;
  }
  return {
    id: bars.id,
    instants: Float64Array.from(inst),
    open: Float64Array.from(o),
    high: Float64Array.from(h),
    low: Float64Array.from(l),
    close: Float64Array.from(c),
    volume: Float64Array.from(v),
  };
}
