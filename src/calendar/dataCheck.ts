/**
 * Data and rules together: the days of a price series compared with the sessions of an
 * exchange's built-in rules, and a calendar taken from the data of the assets listed on an
 * exchange that has no rules.
 *
 * @module
 */
import { MarketReactionError } from "../errors.js";
import type { Warning } from "../errors.js";
import { dayKey, isoFromDayKey } from "../time/index.js";
import type { DayKey } from "../types.js";
import { calendarFromSeries, tradingCalendar } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { exchangeCodes } from "./exchanges.js";
import { lowerBound } from "./rules/engine.js";
import { checkArray, checkNumbers, checkShape, checkString } from "../check.js";
import { CALENDAR, EXCHANGE } from "../shapes.js";

/** How the days of a data series compare with a calendar over the span they share. */
export interface DaysComparison {
  /** First and last day compared (the overlap of the data and the calendar); NaN when none. */
  readonly from: DayKey;
  readonly to: DayKey;
  /** Sessions of the calendar without a row in the data. */
  readonly missing: readonly DayKey[];
  /** Rows of the data on days the calendar is closed. */
  readonly extra: readonly DayKey[];
  /** Sessions of the calendar in the span. */
  readonly sessions: number;
}

/** Days shown in a warning before "…". */
const SHOWN = 8;

/**
 * Compares sorted, distinct `days` with `calendar` over the span both cover.
 *
 * @example
 * const days = ["2025-04-28", "2025-04-29", "2025-05-01"].map(dayKeyFromIso);
 * const c = compareDays(tradingCalendar("XTKS"), Int32Array.from(days));
 * [c.missing.map(isoFromDayKey), c.extra.map(isoFromDayKey)]; // => [["2025-04-30"], ["2025-04-29"]]
 */
export function compareDays(calendar: TradingCalendar, days: Int32Array): DaysComparison {
  checkShape("compareDays", "calendar", calendar, CALENDAR);
  checkNumbers("compareDays", "days", days);
  return daysAgainst(calendar, days);
}

/** {@link compareDays} without the argument checks: one merge walk over both sorted arrays. */
function daysAgainst(calendar: TradingCalendar, days: Int32Array): DaysComparison {
  const from = Math.max(days[0] ?? Number.NaN, calendar.first);
  const to = Math.min(days[days.length - 1] ?? Number.NaN, calendar.last);
  const missing: DayKey[] = [];
  const extra: DayKey[] = [];
  if (!(from <= to)) return { from: Number.NaN, to: Number.NaN, missing, extra, sessions: 0 };
  const cal = calendar.days;
  let i = lowerBound(cal, from);
  let j = lowerBound(days, from);
  const i0 = i;
  while (i < cal.length && cal[i]! <= to) {
    const s = cal[i]!;
    while (j < days.length && days[j]! < s) extra.push(days[j++]!);
    if (days[j] === s) j++;
    else missing.push(s);
    i++;
  }
  while (j < days.length && days[j]! <= to) extra.push(days[j++]!);
  return { from, to, missing, extra, sessions: i - i0 };
}

function listDays(days: readonly DayKey[], describe: (d: DayKey) => string = isoFromDayKey): string {
  const shown = days.slice(0, SHOWN).map(describe).join(", ");
  return days.length > SHOWN ? `${shown}, … (${days.length} in all)` : shown;
}

/**
 * True when the data disagrees with the rules on more than a few days (more than 5 and more
 * than 1% of the sessions): a sign of the wrong exchange rather than a data gap here and there.
 *
 * @example
 * const days = tradingCalendar("XNYS").days.filter((d) => d >= dayKeyFromIso("2025-01-01") && d <= dayKeyFromIso("2025-12-31"));
 * disagreesOften(compareDays(tradingCalendar("XTKS"), days)); // => true
 */
export function disagreesOften(c: DaysComparison): boolean {
  checkShape("disagreesOften", "c", c, { missing: "array", extra: "array", sessions: "number" });
  const n = c.missing.length + c.extra.length;
  return n > 5 && n > 0.01 * c.sessions;
}

/**
 * The built-in exchange whose rules agree best with `days`, when it does much better than
 * `current` (at most half its disagreements); undefined otherwise.
 *
 * @example
 * // the 2025 sessions of the NYSE, checked against the Tokyo rules
 * const days = tradingCalendar("XNYS").days.filter((d) => d >= dayKeyFromIso("2025-01-01") && d <= dayKeyFromIso("2025-06-30"));
 * betterExchange(days, "XTKS")?.code; // => "XNYS"
 */
export function betterExchange(days: Int32Array, current: string): { code: string; disagreements: number } | undefined {
  const own = tradingCalendar(current);
  const c = compareDays(own, days);
  const base = c.missing.length + c.extra.length;
  let best: { code: string; disagreements: number } | undefined;
  for (const code of exchangeCodes()) {
    if (code === current || code === "XNAS" || code === "XSHE") continue;
    const other = compareDays(tradingCalendar(code), days);
    const n = other.missing.length + other.extra.length;
    if (best === undefined || n < best.disagreements) best = { code, disagreements: n };
  }
  return best !== undefined && best.disagreements * 2 <= base ? best : undefined;
}

/**
 * One warning when the days of an asset's data disagree with its exchange's built-in rules: the
 * sessions with no row (treated as missing data, not as holidays) and the rows on days the
 * rules close (not used), with a hint at a better-matching exchange when the data contradicts
 * the rules on many days. Undefined when they agree (or the calendar has no rules).
 *
 * @example
 * const days = ["2025-04-25", "2025-04-28", "2025-04-29", "2025-05-01"].map(dayKeyFromIso);
 * dataCalendarWarning(tradingCalendar("XTKS"), "N225", Int32Array.from(days))?.code; // => "DATA_CALENDAR_MISMATCH"
 */
export function dataCalendarWarning(calendar: TradingCalendar, asset: string, days: Int32Array): Warning | undefined {
  checkShape("dataCalendarWarning", "calendar", calendar, CALENDAR);
  checkString("dataCalendarWarning", "asset", asset);
  checkNumbers("dataCalendarWarning", "days", days);
  const detail = mismatchDetail(calendar, days);
  return detail === undefined ? undefined : mismatchWarning(calendar, asset, detail);
}

/**
 * The `DATA_CALENDAR_MISMATCH` warning of an asset from its {@link mismatchDetail}.
 * @internal
 */
export function mismatchWarning(calendar: TradingCalendar, asset: string, detail: string): Warning {
  return { code: "DATA_CALENDAR_MISMATCH", message: `asset ${asset}, ${detail}`, asset, exchange: calendar.exchange.code };
}

/**
 * What {@link dataCalendarWarning} says of a day array after "asset X, " (the span, the days
 * that disagree, the hint), without the argument checks: it depends on the days only, so a study
 * finds it once per day array shared by several assets. Undefined when the days agree with the
 * rules (or the calendar has none): the text is built only when there is a warning.
 * @internal
 */
export function mismatchDetail(calendar: TradingCalendar, days: Int32Array): string | undefined {
  if (calendar.source !== "rules" || days.length === 0) return undefined;
  const c = daysAgainst(calendar, days);
  if (c.missing.length === 0 && c.extra.length === 0) return undefined;
  const code = calendar.exchange.code;
  const parts: string[] = [];
  if (c.missing.length > 0) {
    parts.push(
      `${c.missing.length} ${code} session${c.missing.length === 1 ? " has" : "s have"} no row (treated as missing data, not as holidays): ${listDays(c.missing)}`,
    );
  }
  if (c.extra.length > 0) {
    const reason = (d: DayKey): string => `${isoFromDayKey(d)} ${calendar.closedReason(d) ?? "closed"}`;
    parts.push(
      `${c.extra.length} row${c.extra.length === 1 ? " is" : "s are"} on ${c.extra.length === 1 ? "a day" : "days"} the ${code} rules close (not used): ${listDays(c.extra, reason)}`,
    );
  }
  let hint = "";
  if (disagreesOften(c)) {
    const better = betterExchange(days, code);
    hint =
      better === undefined
        ? `; if the data is right, give the exchange's days with --calendar ${code}=FILE (CLI) or a calendar built from the data`
        : `; the data matches the ${better.code} rules much better (${better.disagreements} disagreements against ${c.missing.length + c.extra.length}): was --exchange ${better.code} meant?`;
  }
  return `${isoFromDayKey(c.from)} to ${isoFromDayKey(c.to)}: its days disagree with the built-in ${code} calendar: ${parts.join("; ")}${hint}`;
}

/**
 * The sessions of an exchange without built-in rules, taken from the union of the days of
 * the assets listed on it.
 *
 * @throws INVALID_INPUT when no asset has any day.
 * @example
 * const warsaw = validateExchange({ code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" });
 * const a = Int32Array.from(["2025-04-17", "2025-04-22"].map(dayKeyFromIso));
 * const b = Int32Array.from(["2025-04-16", "2025-04-17"].map(dayKeyFromIso));
 * sessionsFromData(warsaw, [a, b]).days.length; // => 3
 */
export function sessionsFromData(exchange: TradingCalendar["exchange"], daysOfAssets: readonly Int32Array[]): TradingCalendar {
  checkShape("sessionsFromData", "exchange", exchange, EXCHANGE);
  checkArray("sessionsFromData", "daysOfAssets", daysOfAssets);
  for (const [i, d] of daysOfAssets.entries()) checkNumbers("sessionsFromData", `daysOfAssets[${i}]`, d);
  const all = new Set<number>();
  for (const days of daysOfAssets) for (const d of days) all.add(d);
  if (all.size === 0) throw new MarketReactionError("INVALID_INPUT", `no data to take the ${exchange.code} sessions from`);
  return calendarFromSeries(Int32Array.from([...all].sort((x, y) => x - y)), exchange);
}

/**
 * One warning per exchange when statements fall after the last year whose holiday tables
 * were checked (the sessions there are a projection of the rules).
 *
 * @example
 * const w = projectedWarning(tradingCalendar("XTKS"), [dayKeyFromIso("2027-01-05")]);
 * w?.code; // => "PROJECTED_CALENDAR"
 */
export function projectedWarning(calendar: TradingCalendar, days: Iterable<DayKey>): Warning | undefined {
  checkShape("projectedWarning", "calendar", calendar, CALENDAR);
  checkNumbers("projectedWarning", "days", days);
  if (calendar.edition === undefined || calendar.source !== "rules") return undefined;
  const edition = calendar.edition;
  let n = 0;
  let first: DayKey | undefined;
  for (const d of days) {
    if (d > dayKey(edition, 12, 31)) {
      n++;
      if (first === undefined || d < first) first = d;
    }
  }
  if (n === 0) return undefined;
  const code = calendar.exchange.code;
  return {
    code: "PROJECTED_CALENDAR",
    message: `${n} statement${n === 1 ? "" : "s"} on ${code} fall${n === 1 ? "s" : ""} after ${edition}, the last year whose ${code} holiday tables were checked (first: ${isoFromDayKey(first!)}); the sessions there are projected from the rules (closures announced later are not known)`,
    exchange: code,
  };
}
