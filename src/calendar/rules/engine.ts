/**
 * The calendar engine: turns an {@link ExchangeRules} descriptor into the closures and special
 * hours of each year, the sorted sessions of the whole covered range, and the hours of a day.
 *
 * @module
 */
import { dayKey, dayKeyFromIso, dayOfWeek, isoFromDayKey, lowerBound } from "../../time/dayKey.js";
import { minutesOf } from "../../time/zone.js";
import type { DayKey } from "../../types.js";
import { datesOf } from "./dates.js";
import type { DayRule, ExchangeRules, HoursPeriod, Observance, SpecialHoursRule } from "./types.js";

/** A weekday on which the exchange is closed all day. */
export interface RuleClosure {
  readonly day: DayKey;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** The holiday or event, e.g. `Good Friday`, `Christmas Day (observed)`, `Typhoon`. */
  readonly name: string;
  /** `holiday` for a rule-based holiday, `special` for a one-off closure. */
  readonly kind: "holiday" | "special";
}

/** A session with other than the regular hours (minutes after local midnight). */
export interface RuleSpecialHours {
  readonly day: DayKey;
  readonly date: string;
  readonly name: string;
  readonly open?: number;
  readonly close?: number;
  readonly noBreak?: boolean;
}

/** The closures and special sessions of one year. */
export interface RuleYear {
  readonly closures: readonly RuleClosure[];
  readonly special: readonly RuleSpecialHours[];
}

/** The built tables of one exchange over its whole range. */
export interface RuleTables {
  readonly first: DayKey;
  readonly last: DayKey;
  /** Sessions, ascending. Shared: do not mutate. */
  readonly days: Int32Array;
  readonly closures: ReadonlyMap<DayKey, RuleClosure>;
  readonly special: ReadonlyMap<DayKey, RuleSpecialHours>;
}

/** Hours of one session in minutes after local midnight. */
export interface DayHours {
  readonly open: number;
  readonly close: number;
  readonly breakStart?: number;
  readonly breakEnd?: number;
}

interface Compiled {
  readonly weekEnds: readonly { readonly until: DayKey; readonly mask: number }[];
  readonly hours: readonly { readonly from: DayKey; readonly until: DayKey; readonly mask: number; readonly period: HoursPeriod; readonly minutes: DayHours }[];
  /** The closures each year's rules place, observed days in a neighbouring year included. */
  readonly placed: Map<number, Placed>;
  readonly years: Map<number, RuleYear>;
  tables?: RuleTables;
}

const compiled = new WeakMap<ExchangeRules, Compiled>();
const ALL_DAYS = 0b1111111;

function maskOf(days: readonly number[] | undefined): number {
  return days === undefined ? ALL_DAYS : days.reduce((m, d) => m | (1 << d), 0);
}

function minutesOfPeriod(p: HoursPeriod): DayHours {
  const open = minutesOf(p.open);
  const close = minutesOf(p.close);
  return p.break === undefined ? { open, close } : { open, close, breakStart: minutesOf(p.break[0]), breakEnd: minutesOf(p.break[1]) };
}

function compile(rules: ExchangeRules): Compiled {
  let c = compiled.get(rules);
  if (c !== undefined) return c;
  const week = rules.week ?? [{ days: [1, 2, 3, 4, 5] }];
  c = {
    weekEnds: week.map((w) => ({ until: w.until === undefined ? Number.POSITIVE_INFINITY : dayKeyFromIso(w.until), mask: maskOf(w.days) })),
    hours: rules.hours.map((p) => ({
      from: p.from === undefined ? Number.NEGATIVE_INFINITY : dayKeyFromIso(p.from),
      until: p.until === undefined ? Number.POSITIVE_INFINITY : dayKeyFromIso(p.until),
      mask: maskOf(p.weekdays),
      period: p,
      minutes: minutesOfPeriod(p),
    })),
    placed: new Map(),
    years: new Map(),
  };
  compiled.set(rules, c);
  return c;
}

/** True when `day`'s weekday is a trading weekday of the exchange at that date (holidays aside). */
export function isTradingWeekday(rules: ExchangeRules, day: DayKey): boolean {
  const c = compile(rules);
  const bit = 1 << dayOfWeek(day);
  for (const w of c.weekEnds) if (day <= w.until) return (w.mask & bit) !== 0;
  return false;
}

/** The regular hours period in force on `day` (holidays and special hours aside). */
export function regularHours(rules: ExchangeRules, day: DayKey): DayHours {
  const c = compile(rules);
  const bit = 1 << dayOfWeek(day);
  for (let i = c.hours.length - 1; i >= 0; i--) {
    const h = c.hours[i]!;
    if (day >= h.from && day <= h.until && (h.mask & bit) !== 0) return h.minutes;
  }
  // Before every dated period (or on a non-trading weekday): the earliest unrestricted hours.
  return (c.hours.find((h) => h.mask === ALL_DAYS) ?? c.hours[0]!).minutes;
}

function applies(rule: DayRule, year: number): boolean {
  return (rule.from === undefined || year >= rule.from) && (rule.to === undefined || year <= rule.to) && !(rule.except ?? []).includes(year);
}

/** The days a rule gives in `year`, offset and span applied, weekday filter applied. */
function ruleDays(rules: ExchangeRules, rule: DayRule, year: number): DayKey[] {
  if (!applies(rule, year)) return [];
  const out: DayKey[] = [];
  for (const base of datesOf(rule.date, year)) {
    if (!Number.isFinite(base)) continue;
    const start = base + (rule.offset ?? 0); // day keys count whole days: exact
    if (rule.tradingDays !== undefined) {
      for (let d = start, k = 0; k < rule.tradingDays; d++) if (isTradingWeekday(rules, d)) out.push(d), k++;
      continue;
    }
    for (let k = 0; k < (rule.days ?? 1); k++) {
      const day = start + k;
      if (rule.onWeekdays === undefined || rule.onWeekdays.includes(dayOfWeek(day))) out.push(day);
    }
  }
  return out;
}

function movesOffWeekend(observe: Observance, day: DayKey): boolean {
  if (observe === "none" || observe === "clash-day-after") return false;
  if (observe === "sunday-next" || observe === "sunday-clash-next" || observe === "sunday-monday") return dayOfWeek(day) === 0;
  return true;
}

function nextFree(rules: ExchangeRules, day: DayKey, taken: ReadonlyMap<DayKey, RuleClosure>): DayKey {
  let d = day + 1;
  while (!isTradingWeekday(rules, d) || taken.has(d)) d++;
  return d;
}

/** Where a deferred holiday is observed, or undefined when it is lost. */
function observedDay(rules: ExchangeRules, observe: Observance, day: DayKey, taken: ReadonlyMap<DayKey, RuleClosure>): DayKey | undefined {
  if (observe === "nyse") {
    const w = dayOfWeek(day);
    return w === 6 ? day - 1 : w === 0 ? day + 1 : undefined;
  }
  if (observe === "sunday-monday") return day + 1;
  if (observe === "clash-day-after") {
    let d = day + 1;
    while (taken.has(d)) d++;
    return d;
  }
  return nextFree(rules, day, taken);
}

/** The Monday before a Tuesday holiday, the Friday after a Thursday one. */
function bridgeDay(day: DayKey): DayKey | undefined {
  const w = dayOfWeek(day);
  return w === 2 ? day - 1 : w === 4 ? day + 1 : undefined;
}

function placeHolidays(rules: ExchangeRules, year: number, holidayDates: Set<DayKey>): Map<DayKey, RuleClosure> {
  const taken = new Map<DayKey, RuleClosure>();
  const deferred: { day: DayKey; rule: DayRule }[] = [];
  const put = (day: DayKey, name: string, kind: RuleClosure["kind"]): void => {
    taken.set(day, { day, date: isoFromDayKey(day), name, kind });
  };
  for (const rule of rules.holidays) {
    const kind = "on" in rule.date ? "special" : "holiday";
    const observe = rule.observe ?? "none";
    for (const day of ruleDays(rules, rule, year)) {
      if (kind === "holiday") holidayDates.add(day);
      const trading = isTradingWeekday(rules, day);
      const clash = taken.has(day) && (observe === "clash-next" || observe === "sunday-clash-next" || observe === "clash-day-after");
      if (trading && !taken.has(day)) {
        put(day, rule.name, kind);
        const bridged = rule.bridge === true ? bridgeDay(day) : undefined;
        if (bridged !== undefined && isTradingWeekday(rules, bridged) && !taken.has(bridged)) put(bridged, `${rule.name} (bridge day)`, kind);
      } else if (clash || (!trading && movesOffWeekend(observe, day))) deferred.push({ day, rule });
    }
  }
  for (const { day, rule } of deferred) {
    const obs = observedDay(rules, rule.observe ?? "none", day, taken);
    if (obs !== undefined && isTradingWeekday(rules, obs) && !taken.has(obs)) put(obs, `${rule.name} (observed)`, "holiday");
  }
  return taken;
}

/** Japan's citizens' holiday: a trading weekday between two holidays (weekend holidays included). */
function bridgeHolidays(rules: ExchangeRules, year: number, taken: Map<DayKey, RuleClosure>, holidayDates: ReadonlySet<DayKey>): void {
  if (rules.bridgeFrom === undefined || year < rules.bridgeFrom) return;
  for (const c of taken.values()) if (c.kind === "holiday") (holidayDates as Set<DayKey>).add(c.day);
  for (const day of [...holidayDates]) {
    const between = day + 1;
    if (holidayDates.has(between + 1) && !taken.has(between) && isTradingWeekday(rules, between)) {
      taken.set(between, { day: between, date: isoFromDayKey(between), name: "Citizens' holiday", kind: "holiday" });
    }
  }
}

function specialHours(rules: ExchangeRules, year: number, isClosed: (day: DayKey) => boolean): RuleSpecialHours[] {
  const byDay = new Map<DayKey, RuleSpecialHours>();
  for (const rule of rules.specialHours ?? []) {
    for (const day of ruleDays(rules, rule, year)) {
      if (isClosed(day) || !isTradingWeekday(rules, day)) continue;
      byDay.set(day, toSpecial(rule, day));
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

function toSpecial(rule: SpecialHoursRule, day: DayKey): RuleSpecialHours {
  return {
    day,
    date: isoFromDayKey(day),
    name: rule.name,
    ...(rule.open === undefined ? {} : { open: minutesOf(rule.open) }),
    ...(rule.close === undefined ? {} : { close: minutesOf(rule.close) }),
    ...(rule.noBreak === true ? { noBreak: true } : {}),
  };
}

/** The closures one year's rules place: all of them by day, and those falling in another year. */
interface Placed {
  readonly all: ReadonlyMap<DayKey, RuleClosure>;
  readonly elsewhere: readonly RuleClosure[];
}

/**
 * The closures the rules of `year` place (cached per descriptor), wherever they fall: an
 * observance or a bridge day can move a holiday into the year before or after (1 January on
 * a Saturday observed on Friday 31 December).
 */
function placedClosures(rules: ExchangeRules, c: Compiled, year: number): Placed {
  let p = c.placed.get(year);
  if (p === undefined) {
    const holidayDates = new Set<DayKey>();
    const all = placeHolidays(rules, year, holidayDates);
    bridgeHolidays(rules, year, all, holidayDates);
    const start = dayKey(year, 1, 1);
    const end = dayKey(year, 12, 31);
    const elsewhere: RuleClosure[] = [];
    for (const x of all.values()) if (x.day < start || x.day > end) elsewhere.push(x);
    c.placed.set(year, (p = { all, elsewhere }));
  }
  return p;
}

/**
 * The closures falling in `year`: those its own rules place there, then those the rules of the
 * years either side place in it (unless the day is already closed), so a holiday observed
 * across New Year is kept in the year where it is observed.
 */
function closuresIn(rules: ExchangeRules, c: Compiled, year: number): Map<DayKey, RuleClosure> {
  const start = dayKey(year, 1, 1);
  const end = dayKey(year, 12, 31);
  const own = placedClosures(rules, c, year);
  const closed = new Map<DayKey, RuleClosure>();
  for (const x of own.all.values()) if (x.day >= start && x.day <= end) closed.set(x.day, x);
  for (const y of [year - 1, year + 1]) {
    for (const x of placedClosures(rules, c, y).elsewhere) if (x.day >= start && x.day <= end && !closed.has(x.day)) closed.set(x.day, x);
  }
  return closed;
}

/** The closures and special hours of one year (cached per descriptor). */
export function ruleYear(rules: ExchangeRules, year: number): RuleYear {
  const c = compile(rules);
  let t = c.years.get(year);
  if (t === undefined) {
    const inYear = closuresIn(rules, c, year);
    const own = placedClosures(rules, c, year).all;
    const closures = [...inYear.values()].sort((a, b) => a.day - b.day);
    t = { closures, special: specialHours(rules, year, (day) => inYear.has(day) || own.has(day)) };
    c.years.set(year, t);
  }
  return t;
}

/** The days of the rules' extra sessions in range; each is named in `special` (regular hours). */
function extraSessions(rules: ExchangeRules, first: DayKey, last: DayKey, special: Map<DayKey, RuleSpecialHours>): Set<DayKey> {
  const days = new Set<DayKey>();
  for (const x of rules.extraSessions ?? []) {
    for (const iso of x.on) {
      const day = dayKeyFromIso(iso);
      if (!(day >= first && day <= last)) continue;
      days.add(day);
      special.set(day, { day, date: iso, name: x.name });
    }
  }
  return days;
}

/** The sessions, closures and special hours of the whole range (built once per descriptor). */
export function ruleTables(rules: ExchangeRules): RuleTables {
  const c = compile(rules);
  if (c.tables !== undefined) return c.tables;
  const closures = new Map<DayKey, RuleClosure>();
  const special = new Map<DayKey, RuleSpecialHours>();
  for (let y = rules.firstYear; y <= rules.lastYear; y++) {
    const t = ruleYear(rules, y);
    for (const x of t.closures) closures.set(x.day, x);
    for (const s of t.special) special.set(s.day, s);
  }
  const first = dayKey(rules.firstYear, 1, 1);
  const last = dayKey(rules.lastYear, 12, 31);
  const closed = new Uint8Array(last - first + 1);
  for (const d of closures.keys()) if (d >= first && d <= last) closed[d - first] = 1;
  const out = new Int32Array(last - first + 1);
  let n = 0;
  let period = 0;
  const extra = extraSessions(rules, first, last, special);
  for (let d = first, w = dayOfWeek(first); d <= last; d++, w = w === 6 ? 0 : w + 1) {
    while (d > c.weekEnds[period]!.until) period++;
    if (((c.weekEnds[period]!.mask & (1 << w)) !== 0 && closed[d - first] === 0) || extra.has(d)) out[n++] = d;
  }
  c.tables = { first, last, days: out.slice(0, n), closures, special };
  return c.tables;
}

/** The hours of the session on `day` (special hours applied; a break ending after the close is dropped). */
export function sessionHours(rules: ExchangeRules, day: DayKey): DayHours {
  const regular = regularHours(rules, day);
  const s = ruleTables(rules).special.get(day);
  if (s === undefined) return regular;
  const open = s.open ?? regular.open;
  const close = s.close ?? regular.close;
  const keepBreak = s.noBreak !== true && regular.breakStart !== undefined && regular.breakEnd! < close && regular.breakStart > open;
  return keepBreak ? { open, close, breakStart: regular.breakStart!, breakEnd: regular.breakEnd! } : { open, close };
}

export { lowerBound };
