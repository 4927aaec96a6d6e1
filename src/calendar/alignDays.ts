/**
 * The decisions of an alignment without their text: each statement's session class, rule and
 * day 0 on one exchange from facts about its local day (session or not, open, close, regular
 * close, break, neighbouring sessions), looked up once per calendar and day and kept. Same
 * decisions as `decide` in `alignReason.ts`, which writes the reason when it is read; a test
 * compares the two on every kind of statement.
 *
 * @module
 */
import { isoFromDayKey } from "../time/dayKey.js";
import { zoneOffsetReader } from "../time/zone.js";
import type { DayKey } from "../types.js";
import type { AlignmentRule, NonTradingPolicy, SessionClass } from "./alignTypes.js";
import type { RowPlace, RowTexts } from "./alignRow.js";
import type { Statement } from "./alignStatements.js";
import type { TradingCalendar } from "./calendar.js";
import { sessionHoursOn } from "./exchanges.js";

/** What alignment needs to know about one local day of one calendar. */
interface DayFacts {
  readonly covered: boolean;
  readonly session: boolean;
  /** Minutes after local midnight; NaN when not a session. */
  readonly open: number;
  readonly close: number;
  /** The exchange's regular close that day (early closes ignored). */
  readonly regularClose: number;
  /** First session strictly after / before the day. */
  readonly next: DayKey | undefined;
  readonly previous: DayKey | undefined;
  /** True when the next session exists and lies in the covered range. */
  readonly nextCovered: boolean;
  /** The day's ISO date, as rows show a day 0. */
  readonly iso: string;
}

const factsByCalendar = new WeakMap<TradingCalendar, DayFacts[]>();

function readFacts(cal: TradingCalendar, day: DayKey): DayFacts {
  const covered = cal.covers(day);
  const session = covered && cal.isSession(day);
  const next = cal.nextSession(day);
  const previous = cal.previousSession(day);
  return {
    covered,
    session,
    open: session ? cal.sessionOpen(day) : Number.NaN,
    close: session ? cal.sessionClose(day) : Number.NaN,
    regularClose: session ? sessionHoursOn(cal.exchange, day).close : Number.NaN,
    next,
    previous,
    nextCovered: next !== undefined && cal.covers(next),
    iso: isoFromDayKey(day),
  };
}

/**
 * The facts of the days of one calendar, read on first use and kept as long as the calendar
 * lives (in an array by days since the calendar's first day; days outside the range are read
 * each time).
 */
export function dayFactsOf(cal: TradingCalendar): (day: DayKey) => DayFacts {
  let memo = factsByCalendar.get(cal);
  const first = cal.first;
  const size = cal.last - first + 1;
  if (memo === undefined) factsByCalendar.set(cal, (memo = new Array<DayFacts>(size)));
  const facts = memo;
  return (day) => {
    const k = day - first;
    if (!(k >= 0 && k < size)) return readFacts(cal, day);
    let f = facts[k];
    if (f === undefined) facts[k] = f = readFacts(cal, day);
    return f;
  };
}

/** The session classes by code. */
export const SESSIONS: readonly SessionClass[] = ["pre-open", "regular", "after-close", "early-close", "non-trading", "date-only"];
const PRE_OPEN = 0;
const REGULAR = 1;
const AFTER_CLOSE = 2;
const EARLY_CLOSE = 3;
const NON_TRADING = 4;
const DATE_ONLY = 5;

/** The rules by code; code 0 is a statement without a day 0 on that exchange. */
export const RULES: readonly (AlignmentRule | undefined)[] = [
  undefined,
  "pre-open-same-day",
  "regular-same-day",
  "after-close-next",
  "early-close-next",
  "non-trading-next",
  "non-trading-previous",
  "date-only-same-day",
  "date-only-next",
  "date-only-previous",
];
const NO_RULE = 0;
const PRE_OPEN_SAME_DAY = 1;
const REGULAR_SAME_DAY = 2;
const AFTER_CLOSE_NEXT = 3;
const EARLY_CLOSE_NEXT = 4;
const NON_TRADING_NEXT = 5;
const NON_TRADING_PREVIOUS = 6;
const DATE_ONLY_SAME_DAY = 7;
const DATE_ONLY_NEXT = 8;
const DATE_ONLY_PREVIOUS = 9;

/** True for the rule codes of a statement rolled to another session (its day has none). */
export function isRolledRule(rule: number): boolean {
  return rule === NON_TRADING_NEXT || rule === NON_TRADING_PREVIOUS || rule === DATE_ONLY_NEXT || rule === DATE_ONLY_PREVIOUS;
}

/** True for the rule codes of a statement rolled to the previous session. */
export function isPreviousRule(rule: number): boolean {
  return rule === NON_TRADING_PREVIOUS || rule === DATE_ONLY_PREVIOUS;
}

/**
 * A decision without its text, as codes into {@link SESSIONS} and {@link RULES}; `failure` set
 * (and `rule` 0) when the statement gets no day 0.
 */
export interface Outcome {
  session: number;
  rule: number;
  day0: DayKey;
  failure: "drop" | "error" | "range" | undefined;
}

/** A fresh outcome to be filled by {@link decideDateOnly} and {@link decideInstant} (one per alignment, reused). */
export function newOutcome(): Outcome {
  return { session: REGULAR, rule: NO_RULE, day0: Number.NaN, failure: undefined };
}

function set(out: Outcome, session: number, rule: number, day0: DayKey, failure: Outcome["failure"]): Outcome {
  out.session = session;
  out.rule = rule;
  out.day0 = day0;
  out.failure = failure;
  return out;
}

function nonTrading(out: Outcome, f: DayFacts, session: typeof DATE_ONLY | typeof NON_TRADING, policy: NonTradingPolicy): Outcome {
  if (policy === "drop") return set(out, session, NO_RULE, Number.NaN, "drop");
  if (policy === "error") return set(out, session, NO_RULE, Number.NaN, "error");
  const dateOnly = session === DATE_ONLY;
  if (policy === "previous") {
    if (f.previous === undefined) return set(out, session, NO_RULE, Number.NaN, "range");
    return set(out, session, dateOnly ? DATE_ONLY_PREVIOUS : NON_TRADING_PREVIOUS, f.previous, undefined);
  }
  if (f.next === undefined) return set(out, session, NO_RULE, Number.NaN, "range");
  return set(out, session, dateOnly ? DATE_ONLY_NEXT : NON_TRADING_NEXT, f.next, undefined);
}

/** A date-only statement: that day when it is a session, else per the policy. */
export function decideDateOnly(out: Outcome, f: DayFacts, day: DayKey, policy: NonTradingPolicy): Outcome {
  if (!f.covered) return set(out, DATE_ONLY, NO_RULE, Number.NaN, "range");
  if (f.session) return set(out, DATE_ONLY, DATE_ONLY_SAME_DAY, day, undefined);
  return nonTrading(out, f, DATE_ONLY, policy);
}

/** A statement at `minute` of local `day` on the exchange clock. */
export function decideInstant(out: Outcome, f: DayFacts, day: DayKey, minute: number, policy: NonTradingPolicy): Outcome {
  if (!f.covered) return set(out, NON_TRADING, NO_RULE, Number.NaN, "range");
  if (!f.session) return nonTrading(out, f, NON_TRADING, policy);
  if (minute < f.open) return set(out, PRE_OPEN, PRE_OPEN_SAME_DAY, day, undefined);
  if (minute < f.close) return set(out, REGULAR, REGULAR_SAME_DAY, day, undefined);
  if (!f.nextCovered) return set(out, AFTER_CLOSE, NO_RULE, Number.NaN, "range");
  if (f.close < f.regularClose && minute < f.regularClose) return set(out, EARLY_CLOSE, EARLY_CLOSE_NEXT, f.next!, undefined);
  return set(out, AFTER_CLOSE, AFTER_CLOSE_NEXT, f.next!, undefined);
}

/** One exchange of an alignment: its calendar, the statement's place on its clock, the facts of its days, its rows' texts. */
export interface Lane {
  readonly calendar: TradingCalendar;
  readonly texts: RowTexts;
  /** The statement on this exchange's clock; the returned object is reused by the next call. */
  place(st: Statement): RowPlace;
  readonly facts: (day: DayKey) => DayFacts;
  /** The exchange zone's UTC offset in minutes at an instant (ms since the epoch). */
  readonly offsetAt: (epochMs: number) => number;
}

const MS_PER_DAY = 86_400_000;

/**
 * The lane of one calendar: statements are put on the exchange clock with the zone's offset
 * of that UTC day (read once per day, see `zoneOffsetReader`), the same local time
 * `instantToLocal` gives.
 */
export function laneOf(calendar: TradingCalendar, policy: NonTradingPolicy, texts: RowTexts): Lane {
  const offsetAt = zoneOffsetReader(calendar.exchange.timezone);
  const place = { statement: undefined as unknown as Statement, calendar, policy, localDay: 0, localMinute: 0 };
  return {
    calendar,
    texts,
    facts: dayFactsOf(calendar),
    offsetAt,
    place(st) {
      place.statement = st;
      if (st.kind === "date") {
        place.localDay = st.day;
        place.localMinute = 0;
      } else {
        const wall = st.instant + offsetAt(st.instant) * 60_000;
        const day = Math.floor(wall / MS_PER_DAY);
        place.localDay = day;
        place.localMinute = (wall - day * MS_PER_DAY) / 60_000;
      }
      return place;
    },
  };
}
