/**
 * The reference returns an intraday abnormal return is scaled by: the same clock window on
 * earlier non-event sessions, or (the fallback) the per-bar returns before the window.
 * @module
 */
import type { SessionBars } from "./sessions.js";
import { sessionIndexOfClock, windowSum } from "./windows.js";

/** A series' session grid with its per-bar and overnight log returns. */
export interface GridReturns {
  readonly grid: SessionBars;
  readonly ret: readonly Float64Array[];
  readonly overnight: Float64Array;
}

/** Reference returns x_j and, with a benchmark, its returns m_j (NaN without one). */
export interface ReferenceReturns {
  readonly x: number[];
  readonly m: number[];
  /** Sessions (same-clock) or bars (prior-bars) left out as other statements' ones. */
  readonly excluded: number;
}

/** Where a window sits: its session, first slot, length in slots and clock start (minutes). */
export interface WindowPlace {
  readonly session: number;
  readonly slot: number;
  readonly slots: number;
  readonly clockStart: number;
}

/**
 * The same clock window (same local start, same length) on each of the `lookback` calendar
 * sessions before the event session that has bars, is not one of `eventSessions` (the run's statements', when asked) and fits the window
 * (or, with `cross`, continues into the next session); with a benchmark, only sessions where
 * the benchmark's window is defined too.
 */
export function sameClockReference(
  asset: GridReturns,
  bench: GridReturns | undefined,
  place: WindowPlace,
  eventSessions: ReadonlySet<number>,
  lookback: number,
  cross: boolean,
): ReferenceReturns {
  const { grid } = asset;
  const interval = grid.interval;
  const x: number[] = [];
  const m: number[] = [];
  let excluded = 0;
  const cal = grid.calendar;
  let day = grid.sessions[place.session]!.day;
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
    const ra = sessionIndexOfClock(rs, place.clockStart, interval);
    if (Number.isNaN(ra) || ra < 0) continue;
    const rb = ra + place.slots;
    if (!cross && rb > rs.slots) continue;
    const p = windowSum(grid, asset.ret, asset.overnight, j, ra, rb, cross);
    if (p.cut && cross) continue;
    if (!Number.isFinite(p.value)) continue;
    let mv = Number.NaN;
    if (bench !== undefined) {
      const bj = bench.grid.byDay.get(day);
      if (bj === undefined) continue;
      const bra = sessionIndexOfClock(bench.grid.sessions[bj]!, place.clockStart, interval);
      if (Number.isNaN(bra)) continue;
      mv = windowSum(bench.grid, bench.ret, bench.overnight, bj, bra, bra + place.slots, cross).value;
      if (!Number.isFinite(mv)) continue;
    }
    x.push(p.value);
    m.push(mv);
  }
  return { x, m, excluded };
}

/**
 * Per-bar returns before the window start, on the event session and the earlier sessions of the
 * lookback, without the bars inside the run's other statements' windows when asked (`blocked`), missing bars and the bar
 * after a gap; for the market model only bars whose benchmark bar qualifies too.
 */
export function priorBarsReference(
  asset: GridReturns,
  bench: GridReturns | undefined,
  place: WindowPlace,
  blocked: ReadonlyMap<number, Uint8Array>,
  lookback: number,
  market: boolean,
): ReferenceReturns {
  const { grid, ret } = asset;
  const interval = grid.interval;
  const i = place.session;
  const x: number[] = [];
  const m: number[] = [];
  let excluded = 0;
  const cal = grid.calendar;
  let lowestDay = grid.sessions[i]!.day;
  for (let q = 0; q < lookback; q++) {
    const p = cal.previousSession(lowestDay);
    if (p === undefined) break;
    lowestDay = p;
  }
  for (let j = 0; j <= i; j++) {
    const rs = grid.sessions[j]!;
    if (rs.day < lowestDay) continue;
    const limit = j === i ? place.slot : rs.slots;
    const mask = blocked.get(j);
    const bj = bench?.grid.byDay.get(rs.day);
    const bs = bj === undefined ? undefined : bench!.grid.sessions[bj];
    for (let q = 0; q < limit; q++) {
      if (rs.present[q] === 0 || (q > 0 && rs.present[q - 1] === 0)) continue;
      if (mask?.[q] === 1) {
        excluded++;
        continue;
      }
      const v = ret[j]![q]!;
      if (!Number.isFinite(v)) continue;
      if (market) {
        if (bs === undefined || bj === undefined) continue;
        const bq = sessionIndexOfClock(bs, rs.gridStart + q * interval, interval);
        if (Number.isNaN(bq) || bs.present[bq] !== 1 || (bq > 0 && bs.present[bq - 1] === 0)) continue;
        const mv = bench!.ret[bj]![bq]!;
        if (!Number.isFinite(mv)) continue;
        m.push(mv);
      }
      x.push(v);
    }
  }
  return { x, m, excluded };
}
