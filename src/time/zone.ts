/**
 * Time zones: local wall-clock time <-> instants, through IANA zones (never fixed offsets).
 * The only module that talks to the zone database (via @date-fns/tz and Intl).
 * @module
 */
import { tzOffset } from "@date-fns/tz";
import type { DayKey } from "../types.js";
import { civilDate } from "./dayKey.js";
import { checkFinite, checkObject, checkString } from "../check.js";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const zoneValidity = new Map<string, boolean>();

/**
 * True when `zone` is an IANA time zone name this runtime knows (e.g. `America/New_York`, `UTC`).
 * Offsets such as `+05:00` and abbreviations such as `EST` are not accepted.
 *
 * @example
 * isValidTimeZone("America/New_York"); // => true
 * isValidTimeZone("EST"); // => false
 */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string") return false;
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let ok = false;
  if (/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone) && !/^(EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/.test(zone)) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
  }
  zoneValidity.set(zone, ok);
  return ok;
}

const BUCKET_MS = 15 * 60_000;
/** Per zone: offset of each 15-minute span of UTC whose two ends have the same offset (no transition inside). */
const offsetMemo = new Map<string, Map<number, number>>();
/**
 * Per zone: offset of each UTC day whose first and last millisecond have the same offset, or
 * `NaN` for a day with a transition (its instants go to the 15-minute spans). No zone changes
 * its offset and back within one day, so equal ends mean no transition inside.
 */
const dayMemo = new Map<string, Map<number, number>>();
const MEMO_LIMIT = 1_000_000;

function memoOf(memos: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let memo = memos.get(zone);
  if (memo === undefined) memos.set(zone, (memo = new Map()));
  return memo;
}

/** The offset from the 15-minute span memo (a day with a transition). */
function bucketOffset(zone: string, memo: Map<number, number>, epochMs: number): number {
  const bucket = Math.floor(epochMs / BUCKET_MS);
  const known = memo.get(bucket);
  if (known !== undefined) return known;
  const offset = tzOffset(zone, new Date(epochMs));
  if (Number.isFinite(bucket) && memo.size < MEMO_LIMIT) {
    const start = tzOffset(zone, new Date(bucket * BUCKET_MS));
    const end = tzOffset(zone, new Date(bucket * BUCKET_MS + BUCKET_MS - 1));
    if (start === end && start === offset) memo.set(bucket, offset);
  }
  return offset;
}

/** The offset of a UTC day without a transition, or `NaN` (remembered either way). */
function dayOffset(zone: string, memo: Map<number, number>, utcDay: number): number {
  const known = memo.get(utcDay);
  if (known !== undefined) return known;
  const start = tzOffset(zone, new Date(utcDay * MS_PER_DAY));
  const end = tzOffset(zone, new Date(utcDay * MS_PER_DAY + MS_PER_DAY - 1));
  const offset = start === end ? start : Number.NaN;
  if (Number.isFinite(utcDay) && memo.size < MEMO_LIMIT) memo.set(utcDay, offset);
  return offset;
}

/**
 * A reader of `zone`'s UTC offset (minutes) at an instant, with the zone's memos looked up once:
 * for converting many instants to one zone (alignment converts every statement to each exchange
 * clock). Same answers as {@link zoneOffsetMinutes}.
 */
export function zoneOffsetReader(zone: string): (epochMs: number) => number {
  const days = memoOf(dayMemo, zone);
  const spans = memoOf(offsetMemo, zone);
  let blocks = dayBlocks.get(zone);
  if (blocks === undefined) dayBlocks.set(zone, (blocks = new Array<Float64Array | undefined>(BLOCKS).fill(undefined)));
  const table = blocks;
  return (epochMs) => {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    const b = utcDay >> BLOCK_BITS;
    let offset: number;
    if (utcDay >= 0 && b < BLOCKS) {
      // the day's offset from a table of 512-day blocks (a Map lookup per statement and exchange cost more)
      let block = table[b];
      if (block === undefined) table[b] = block = new Float64Array(BLOCK_DAYS).fill(UNREAD);
      offset = block[utcDay & (BLOCK_DAYS - 1)]!;
      if (offset === UNREAD) block[utcDay & (BLOCK_DAYS - 1)] = offset = dayOffset(zone, days, utcDay);
    } else offset = dayOffset(zone, days, utcDay);
    return !Number.isNaN(offset) ? offset : bucketOffset(zone, spans, epochMs);
  };
}

/** Blocks of 512 UTC days from 1970 (to 2249) of the offsets a {@link zoneOffsetReader} has read, per zone. */
const BLOCK_BITS = 9;
const BLOCK_DAYS = 1 << BLOCK_BITS;
const BLOCKS = 200;
/** A day not read yet (no offset is infinite; NaN marks a day with a transition). */
const UNREAD = Number.POSITIVE_INFINITY;
const dayBlocks = new Map<string, (Float64Array | undefined)[]>();

/**
 * UTC offset of `zone` at the instant `epochMs`, in minutes (New York in summer: -240).
 * Offsets are remembered per UTC day when the day holds no transition (both ends agree), and
 * per 15-minute span of a day with a transition, so repeated conversions ask the zone database
 * once per day.
 */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  if (!Number.isFinite(epochMs)) return tzOffset(zone, new Date(epochMs));
  const offset = dayOffset(zone, memoOf(dayMemo, zone), Math.floor(epochMs / MS_PER_DAY));
  return !Number.isNaN(offset) ? offset : bucketOffset(zone, memoOf(offsetMemo, zone), epochMs);
}

/** A local wall-clock time: a civil day and minutes (may be fractional) since local midnight. */
export interface LocalTime {
  readonly day: DayKey;
  readonly minute: number;
}

/** How a local time maps to instants. */
export type LocalTimeStatus = "unique" | "ambiguous" | "nonexistent";

/** Result of {@link localToInstant}. */
export interface InstantResult {
  /** The instant in ms since the epoch; `NaN` when the local time does not exist. */
  readonly instant: number;
  readonly status: LocalTimeStatus;
  /** For an ambiguous time (the repeated hour in autumn), the later of the two instants. */
  readonly laterInstant?: number;
}

/**
 * Maps a local wall-clock time in `zone` to an instant.
 *
 * ## Method
 * The offsets one day before and one day after bracket every transition (no zone changes
 * its offset twice within two days). Each offset o gives a candidate instant L − o; a
 * candidate is valid when the zone's offset at that instant is o. Two valid candidates
 * mean the local time is *ambiguous* (the repeated hour when clocks go back): the earlier
 * instant is returned (the first occurrence, as java.time and Temporal's "compatible"
 * disambiguation do) and the later one in `laterInstant`. No valid candidate means the
 * local time is *nonexistent* (skipped when clocks go forward) and `instant` is `NaN`.
 *
 * @example
 * // 10:11 in New York on Monday 7 April 2025 (EDT, UTC−4)
 * localToInstant({ day: dayKeyFromIso("2025-04-07"), minute: 611 }, "America/New_York");
 * // => { instant: 1744035060000, status: "unique" }
 * // 02:30 on 9 March 2025 was skipped when clocks went forward
 * localToInstant({ day: dayKeyFromIso("2025-03-09"), minute: 150 }, "America/New_York").status; // => "nonexistent"
 */
export function localToInstant(local: LocalTime, zone: string): InstantResult {
  checkObject("localToInstant", "local", local);
  checkFinite("localToInstant", "local.day", local.day);
  checkFinite("localToInstant", "local.minute", local.minute);
  checkString("localToInstant", "zone", zone);
  const wall = local.day * MS_PER_DAY + local.minute * MS_PER_MINUTE; // local time read as if UTC
  const before = zoneOffsetMinutes(zone, wall - MS_PER_DAY);
  const after = zoneOffsetMinutes(zone, wall + MS_PER_DAY);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const t = wall - offset * MS_PER_MINUTE;
    if (zoneOffsetMinutes(zone, t) === offset) candidates.push(t);
  }
  if (candidates.length === 0) return { instant: Number.NaN, status: "nonexistent" };
  candidates.sort((a, b) => a - b);
  if (candidates.length === 2 && candidates[0] !== candidates[1]) {
    return { instant: candidates[0]!, status: "ambiguous", laterInstant: candidates[1]! };
  }
  return { instant: candidates[0]!, status: "unique" };
}

/**
 * A reader of {@link localToInstant}'s common case for one zone: the instant of a local time
 * whose offsets one day before and one day after agree and hold at the instant (no transition
 * near it), read from the zone's remembered daily offsets; `NaN` otherwise (then ask
 * `localToInstant`, which also tells an ambiguous time from a nonexistent one). Unchecked
 * arguments: for loops over many statements in one zone.
 */
export function uniqueInstantReader(zone: string): (day: DayKey, minute: number) => number {
  const offsetAt = zoneOffsetReader(zone);
  return (day, minute) => {
    const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    const before = offsetAt(wall - MS_PER_DAY);
    if (offsetAt(wall + MS_PER_DAY) !== before) return Number.NaN;
    const t = wall - before * MS_PER_MINUTE;
    return offsetAt(t) === before ? t : Number.NaN;
  };
}

/**
 * The local wall-clock time in `zone` of an instant; `minute` counts from local midnight.
 *
 * @example
 * instantToLocal(1744035060000, "America/New_York"); // => { day: 20185, minute: 611 }
 * instantToLocal(1744035060000, "Asia/Tokyo"); // => { day: 20185, minute: 1391 } (23:11 in Tokyo)
 */
export function instantToLocal(epochMs: number, zone: string): LocalTime {
  checkFinite("instantToLocal", "epochMs", epochMs);
  checkString("instantToLocal", "zone", zone);
  const wall = epochMs + zoneOffsetMinutes(zone, epochMs) * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minute: (wall - day * MS_PER_DAY) / MS_PER_MINUTE };
}

/**
 * `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff` of a minute of the day (seconds only when not zero,
 * milliseconds only when not zero). The time is cut to the millisecond, never rounded up: a
 * statement at 15:59:59.5 stays before a 16:00 close (rounding it to 16:00 would move its day 0
 * to the next session).
 */
export function clockOfMinute(minute: number): string {
  // a millionth of a millisecond absorbs the binary error of minute × 60000 (59.5 s / 60 is not exact)
  const ms = Math.floor(minute * MS_PER_MINUTE + 1e-6);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / MS_PER_MINUTE);
  const s = Math.floor((ms % MS_PER_MINUTE) / 1000);
  const f = ms % 1000;
  const seconds = s === 0 && f === 0 ? "" : `:${String(s).padStart(2, "0")}${f === 0 ? "" : `.${String(f).padStart(3, "0")}`}`;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}${seconds}`;
}

/** Formats a local time as `YYYY-MM-DDTHH:mm` (seconds, and milliseconds, only when not zero; never rounded up). */
export function formatLocalTime(local: LocalTime): string {
  const { year, month, day } = civilDate(local.day);
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return `${date}T${clockOfMinute(local.minute)}`;
}

/** Minutes since midnight of `HH:mm`; used for session hours. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
}
