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
import type { DateSpec, ExchangeRules, HoursPeriod, Observance, SpecialHoursRule } from "./types.js";

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

/**
 * A holiday or special-hours rule in one object layout for every exchange and rule (defaults
 * filled in, weekdays as a bit mask, clock times in minutes), so that the engine's loops over
 * rules see one shape whatever the descriptor.
 */
interface Rule {
  readonly name: string;
  readonly date: DateSpec;
  /** A one-off closure (an explicit list of days), not a holiday. */
  readonly oneOff: boolean;
  readonly from: number;
  readonly to: number;
  readonly except: readonly number[] | undefined;
  /** The years of an explicit list of days: the only years the rule gives a day. */
  readonly years: ReadonlySet<number> | undefined;
  readonly offset: number;
  readonly days: number;
  /** -1 when the rule spans calendar days (`days`), not trading days. */
  readonly tradingDays: number;
  readonly weekdayMask: number;
  readonly observe: Observance;
  readonly bridge: boolean;
  readonly open: number | undefined;
  readonly close: number | undefined;
  readonly noBreak: boolean;
}

function compileRule(rule: SpecialHoursRule): Rule {
  const on = "on" in rule.date ? rule.date.on : undefined;
  return {
    name: rule.name,
    date: rule.date,
    oneOff: on !== undefined,
    from: rule.from ?? Number.NEGATIVE_INFINITY,
    to: rule.to ?? Number.POSITIVE_INFINITY,
    except: rule.except,
    years: on === undefined ? undefined : new Set(on.map((iso) => Number(iso.slice(0, 4)))),
    offset: rule.offset ?? 0,
    days: rule.days ?? 1,
    tradingDays: rule.tradingDays ?? -1,
    weekdayMask: maskOf(rule.onWeekdays),
    observe: rule.observe ?? "none",
    bridge: rule.bridge === true,
    open: rule.open === undefined ? undefined : minutesOf(rule.open),
    close: rule.close === undefined ? undefined : minutesOf(rule.close),
    noBreak: rule.noBreak === true,
  };
}

interface Compiled {
  readonly holidays: readonly Rule[];
  readonly specialHours: readonly Rule[];
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
    holidays: rules.holidays.map(compileRule),
    specialHours: (rules.specialHours ?? []).map(compileRule),
  };
  compiled.set(rules, c);
  return c;
}

/** True when `day`'s weekday is a trading weekday of the exchange at that date (holidays aside). */
export function isTradingWeekday(rules: ExchangeRules, day: DayKey): boolean {
  return tradingWeekday(compile(rules), day);
}

/** {@link isTradingWeekday} for a compiled descriptor (the engine asks it for every day it places). */
function tradingWeekday(c: Compiled, day: DayKey): boolean {
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

function applies(rule: Rule, year: number): boolean {
  if (year < rule.from || year > rule.to) return false;
  if (rule.except !== undefined && rule.except.includes(year)) return false;
  return rule.years === undefined || rule.years.has(year);
}

const NO_DAYS: readonly DayKey[] = [];

/** The days a rule gives in `year`, offset and span applied, weekday filter applied. Shared when empty: do not mutate. */
function ruleDays(c: Compiled, rule: Rule, year: number): readonly DayKey[] {
  if (!applies(rule, year)) return NO_DAYS;
  const out: DayKey[] = [];
  for (const base of datesOf(rule.date, year)) {
    if (!Number.isFinite(base)) continue;
    const start = base + rule.offset; // day keys count whole days: exact
    if (rule.tradingDays >= 0) {
      for (let d = start, k = 0; k < rule.tradingDays; d++) if (tradingWeekday(c, d)) out.push(d), k++;
      continue;
    }
    for (let k = 0; k < rule.days; k++) {
      const day = start + k;
      if ((rule.weekdayMask & (1 << dayOfWeek(day))) !== 0) out.push(day);
    }
  }
  return out;
}

function movesOffWeekend(observe: Observance, day: DayKey): boolean {
  if (observe === "none" || observe === "clash-day-after") return false;
  if (observe === "sunday-next" || observe === "sunday-clash-next" || observe === "sunday-monday") return dayOfWeek(day) === 0;
  return true;
}

function nextFree(c: Compiled, day: DayKey, taken: ReadonlyMap<DayKey, RuleClosure>): DayKey {
  let d = day + 1;
  while (!tradingWeekday(c, d) || taken.has(d)) d++;
  return d;
}

/** Where a deferred holiday is observed, or undefined when it is lost. */
function observedDay(c: Compiled, observe: Observance, day: DayKey, taken: ReadonlyMap<DayKey, RuleClosure>): DayKey | undefined {
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
  return nextFree(c, day, taken);
}

/** The Monday before a Tuesday holiday, the Friday after a Thursday one. */
function bridgeDay(day: DayKey): DayKey | undefined {
  const w = dayOfWeek(day);
  return w === 2 ? day - 1 : w === 4 ? day + 1 : undefined;
}

function placeHolidays(c: Compiled, year: number, holidayDates: Set<DayKey>): Map<DayKey, RuleClosure> {
  const taken = new Map<DayKey, RuleClosure>();
  const deferred: { day: DayKey; rule: Rule }[] = [];
  const put = (day: DayKey, name: string, kind: RuleClosure["kind"]): void => {
    taken.set(day, { day, date: isoFromDayKey(day), name, kind });
  };
  for (const rule of c.holidays) {
    const kind = rule.oneOff ? "special" : "holiday";
    const observe = rule.observe;
    for (const day of ruleDays(c, rule, year)) {
      if (kind === "holiday") holidayDates.add(day);
      const trading = tradingWeekday(c, day);
      const clash = taken.has(day) && (observe === "clash-next" || observe === "sunday-clash-next" || observe === "clash-day-after");
      if (trading && !taken.has(day)) {
        put(day, rule.name, kind);
        const bridged = rule.bridge ? bridgeDay(day) : undefined;
        if (bridged !== undefined && tradingWeekday(c, bridged) && !taken.has(bridged)) put(bridged, `${rule.name} (bridge day)`, kind);
      } else if (clash || (!trading && movesOffWeekend(observe, day))) deferred.push({ day, rule });
    }
  }
  for (const { day, rule } of deferred) {
    const obs = observedDay(c, rule.observe, day, taken);
    if (obs !== undefined && tradingWeekday(c, obs) && !taken.has(obs)) put(obs, `${rule.name} (observed)`, "holiday");
  }
  return taken;
}

/** Japan's citizens' holiday: a trading weekday between two holidays (weekend holidays included). */
function bridgeHolidays(rules: ExchangeRules, c: Compiled, year: number, taken: Map<DayKey, RuleClosure>, holidayDates: ReadonlySet<DayKey>): void {
  if (rules.bridgeFrom === undefined || year < rules.bridgeFrom) return;
  for (const c of taken.values()) if (c.kind === "holiday") (holidayDates as Set<DayKey>).add(c.day);
  for (const day of [...holidayDates]) {
    const between = day + 1;
    if (holidayDates.has(between + 1) && !taken.has(between) && tradingWeekday(c, between)) {
      taken.set(between, { day: between, date: isoFromDayKey(between), name: "Citizens' holiday", kind: "holiday" });
    }
  }
}

const NO_SPECIAL: readonly RuleSpecialHours[] = [];

function specialHours(c: Compiled, year: number, isClosed: (day: DayKey) => boolean): readonly RuleSpecialHours[] {
  let byDay: Map<DayKey, RuleSpecialHours> | undefined;
  for (const rule of c.specialHours) {
    for (const day of ruleDays(c, rule, year)) {
      if (isClosed(day) || !tradingWeekday(c, day)) continue;
      (byDay ??= new Map()).set(day, toSpecial(rule, day));
    }
  }
  return byDay === undefined ? NO_SPECIAL : [...byDay.values()].sort((a, b) => a.day - b.day);
}

function toSpecial(rule: Rule, day: DayKey): RuleSpecialHours {
  const s: { day: DayKey; date: string; name: string; open?: number; close?: number; noBreak?: boolean } = { day, date: isoFromDayKey(day), name: rule.name };
  if (rule.open !== undefined) s.open = rule.open;
  if (rule.close !== undefined) s.close = rule.close;
  if (rule.noBreak) s.noBreak = true;
  return s;
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
    const all = placeHolidays(c, year, holidayDates);
    bridgeHolidays(rules, c, year, all, holidayDates);
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
    t = { closures, special: specialHours(c, year, (day) => inYear.has(day) || own.has(day)) };
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
  const extra = extraSessions(rules, first, last, special);
  for (const d of extra) closed[d - first] = 2; // a session whatever its weekday
  let period = 0;
  let until = c.weekEnds[0]!.until;
  let mask = c.weekEnds[0]!.mask;
  for (let d = first, w = dayOfWeek(first); d <= last; d++, w = w === 6 ? 0 : w + 1) {
    while (d > until) {
      period++;
      until = c.weekEnds[period]!.until;
      mask = c.weekEnds[period]!.mask;
    }
    const k = closed[d - first];
    if (k === 2 || ((mask & (1 << w)) !== 0 && k === 0)) out[n++] = d;
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
