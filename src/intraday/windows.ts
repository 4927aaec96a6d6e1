/**
 * Minute windows on a session grid: the sum of per-bar log returns over a window (continuing past
 * the close when asked), the delevered returns and overnight gaps, clock positions and end instants.
 * @module
 */
import type { BarSeries } from "../io/bars.js";
import type { BarSession, SessionBars } from "./sessions.js";

/** A window in minutes relative to the start of the statement's bar: `[a, b]` covers the bars starting in `[a, b)`. */
export type MinuteWindow = readonly [start: number, end: number];

/** `[-10m,+20m]`: a window as the rows and warnings name it. */
export function windowLabel(w: MinuteWindow): string {
  const f = (x: number) => (x > 0 ? `+${x}m` : `${x}${x === 0 ? "" : "m"}`);
  return `[${f(w[0])},${f(w[1])}]`;
}

/** A window's log return, its bars and missing bars, and whether its end was cut. */
export interface Piece {
  value: number;
  bars: number;
  missing: number;
  /** Window end was cut at the session close (no crossing or no next session). */
  cut: boolean;
}

/** True for a ready session grid (as opposed to raw bars). */
export function isGrid(x: BarSeries | SessionBars): x is SessionBars {
  return (x as SessionBars).sessions !== undefined;
}

/** Sum of per-slot returns over [a, b) of session i, continuing into the next session when asked. */
export function windowSum(grid: SessionBars, ret: readonly Float64Array[], overnight: Float64Array, i: number, a: number, b: number, cross: boolean): Piece {
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

/** Per-bar log returns of each session (divided by the leverage k as simple returns) and the overnight log return before each session. */
export function deleveredReturns(grid: SessionBars, k: number | undefined): { ret: Float64Array[]; overnight: Float64Array } {
  const f = (l: number) => (k === undefined ? l : Math.log1p(Math.expm1(l) / k));
  const ret = grid.sessions.map((s) => (k === undefined ? s.logReturn : Float64Array.from(s.logReturn, f)));
  const overnight = new Float64Array(grid.sessions.length).fill(Number.NaN);
  for (let i = 1; i < grid.sessions.length; i++) {
    const prev = grid.sessions[i - 1]!;
    const cur = grid.sessions[i]!;
    let lastClose = Number.NaN;
    for (let q = prev.slots - 1; q >= 0; q--)
      if (prev.present[q] === 1) {
        lastClose = prev.barClose[q]!;
        break;
      }
    let firstOpen = Number.NaN;
    for (let q = 0; q < cur.slots; q++)
      if (cur.present[q] === 1) {
        firstOpen = cur.barOpen[q]!;
        break;
      }
    overnight[i] = f(Math.log(firstOpen / lastClose));
  }
  return { ret, overnight };
}

/** The slot of a session that starts at `clock` (minutes), NaN when no slot does. */
export function sessionIndexOfClock(s: BarSession, clock: number, interval: number): number {
  const k = (clock - s.gridStart) / interval;
  return Number.isInteger(k) ? k : Number.NaN;
}

/** The instant (ms) where a window ending at slot `b` of session `i` ends, following it into later sessions. */
export function windowEndInstant(grid: SessionBars, i: number, b: number): number {
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
