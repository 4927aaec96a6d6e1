/**
 * Small shared helpers of the clustered-statement family (not exported from the barrel).
 * @module
 */
import { MarketReactionError, invalidOption } from "../../errors.js";
import { dayKeyFromIso, isoFromDayKey } from "../../time/index.js";
import type { DayKey, Window } from "../../types.js";
import type { ClusteredEvent } from "./types.js";

/** Index of `day` in the ascending `days`, or −1. */
export function indexOfDay(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = days[mid]!;
    if (d === day) return mid;
    if (d < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A statement resolved to a session index. */
export interface ResolvedEvent {
  readonly id: string;
  readonly day0: DayKey;
  readonly iso: string;
  readonly index: number;
}

/**
 * Resolves statements to session indices.
 * @throws INVALID_OPTION for an empty list, a duplicate id or a malformed day 0;
 *   INVALID_INPUT when a day 0 is not one of the sessions.
 */
export function resolveEvents(days: Int32Array, events: readonly ClusteredEvent[]): ResolvedEvent[] {
  if (!Array.isArray(events) || events.length === 0) invalidOption("events", events, "a non-empty array of { id, day0 }");
  const seen = new Set<string>();
  const out: ResolvedEvent[] = [];
  events.forEach((e, j) => {
    if (typeof e !== "object" || e === null || typeof e.id !== "string" || e.id === "") {
      invalidOption(`events[${j}]`, e, "{ id: non-empty string, day0: day key or ISO date }");
    }
    if (seen.has(e.id)) invalidOption(`events[${j}].id`, e.id, "unique statement ids");
    seen.add(e.id);
    const day = typeof e.day0 === "string" ? dayKeyFromIso(e.day0) : e.day0;
    if (typeof day !== "number" || !Number.isInteger(day)) invalidOption(`events[${j}].day0`, e.day0, "a day key or an ISO date YYYY-MM-DD");
    const index = indexOfDay(days, day);
    if (index < 0) {
      throw new MarketReactionError(
        "INVALID_INPUT",
        `statement ${e.id}: day 0 ${isoFromDayKey(day)} is not a session of the data (${days.length > 0 ? `${isoFromDayKey(days[0]!)} to ${isoFromDayKey(days[days.length - 1]!)}` : "no sessions"}); align the statements on the series' calendar first`,
      );
    }
    out.push({ id: e.id, day0: day, iso: isoFromDayKey(day), index });
  });
  return out;
}

/** Checks an integer window [a, b] with a ≤ b. */
export function checkWindow(w: unknown, name: string): Window {
  if (!Array.isArray(w) || w.length !== 2 || !Number.isInteger(w[0]) || !Number.isInteger(w[1]) || (w[0] as number) > (w[1] as number)) {
    invalidOption(name, w, "[a, b] with integers a ≤ b (offsets in sessions relative to day 0)");
  }
  return [w[0] as number, w[1] as number];
}

/** `0`, `+1`, `-1`: the offset label used in term names. */
export function offsetLabel(k: number): string {
  return k > 0 ? `+${k}` : `${k}`;
}

/** `[-1, +1]`. */
export function windowLabel(w: Window): string {
  return `[${offsetLabel(w[0])}, ${offsetLabel(w[1])}]`;
}

/** A non-negative integer option with a default. */
export function nonNegativeInt(value: unknown, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    invalidOption(name, value, `an integer from 0 to ${max}`);
  }
  return value;
}
