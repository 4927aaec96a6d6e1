/**
 * The rows of an alignment (made from its decision grid, `alignGrid.ts`, when `rows` is first
 * read). A row holds its decision (session, rule, day 0) as plain fields;
 * its two text fields, `local_time` (the statement on the exchange clock) and `reason`, are
 * written when first read and then kept, so aligning many statements on many exchanges does
 * not format a sentence per row that nobody reads. Reading a field, `JSON.stringify` (the same
 * keys in the same order as a plain row) and {@link plainAlignmentRow} give the same values
 * as a row whose text was written up front.
 *
 * @module
 */
import { checkObject } from "../check.js";
import { formatLocalTime, instantToLocal } from "../time/zone.js";
import type { DayKey, MarketEvent } from "../types.js";
import type { AlignmentRow, AlignmentRule, NonTradingPolicy, SessionClass } from "./alignTypes.js";
import { decide } from "./alignReason.js";
import type { Statement } from "./alignStatements.js";
import type { TradingCalendar } from "./calendar.js";

/** Where a statement falls on one exchange: what a row needs to write its text later. */
export interface RowPlace {
  readonly statement: Statement;
  readonly calendar: TradingCalendar;
  readonly policy: NonTradingPolicy;
  /** The statement on the exchange clock (unused for a date-only statement). */
  readonly localDay: DayKey;
  readonly localMinute: number;
}

/**
 * What the rows of one exchange in one alignment share: the calendar, the policy, the
 * statements by event index and the texts of the rows once written (by event index too), so
 * that a row itself holds its public fields, this store and its event index.
 */
export class RowTexts {
  readonly calendar: TradingCalendar;
  readonly policy: NonTradingPolicy;
  readonly #statements: readonly Statement[];
  /** Written texts by event index (made on the first text read: most alignments read none). */
  #reasons: (string | undefined)[] | undefined;
  #localTimes: (string | undefined)[] | undefined;

  constructor(calendar: TradingCalendar, policy: NonTradingPolicy, statements: readonly Statement[]) {
    this.calendar = calendar;
    this.policy = policy;
    this.#statements = statements;
  }

  /** The statement at event index `i` on the exchange clock, ISO without offset (a date for date-only statements). */
  localTime(i: number): string {
    const texts = (this.#localTimes ??= new Array<string | undefined>(this.#statements.length));
    let text = texts[i];
    if (text === undefined) {
      const st = this.#statements[i]!;
      texts[i] = text = st.kind === "date" ? st.text : formatLocalTime(instantToLocal(st.instant, this.calendar.exchange.timezone));
    }
    return text;
  }

  /** Why the statement at event index `i` (in time zone `zone`) got its day 0 on this exchange, in one sentence. */
  reason(i: number, zone: string): string {
    const texts = (this.#reasons ??= new Array<string | undefined>(this.#statements.length));
    let text = texts[i];
    if (text === undefined) texts[i] = text = decide(this.#statements[i]!, zone, this.calendar, this.policy).reason + approximateNote(this.calendar);
    return text;
  }
}

/** The note added to every reason on a weekdays-only calendar. */
export function approximateNote(cal: TradingCalendar): string {
  return cal.approximate ? ` The ${cal.exchange.code} calendar is approximate (weekdays only; its holidays are not built in).` : "";
}

/**
 * An alignment row whose `local_time` and `reason` are written on first read. Besides its
 * public fields a row keeps only the text store of its exchange and the index of its event in
 * the alignment (so a row finds its texts whatever object its `event` is): 240,000 rows are
 * allocated per 10,000 statements on 24 exchanges, so every slot counts.
 */
export class LazyAlignmentRow implements AlignmentRow {
  readonly id: string;
  readonly exchange: string;
  readonly timestamp: string;
  readonly timezone: string;
  readonly instant_utc: string | null;
  readonly exchange_timezone: string;
  readonly session: SessionClass;
  readonly day0: DayKey;
  readonly day0_iso: string;
  readonly rule: AlignmentRule;
  readonly approximate: boolean;
  readonly asset: string | null;
  readonly event: MarketEvent;
  #texts: RowTexts;
  #index: number;

  constructor(
    event: MarketEvent,
    index: number,
    id: string,
    zone: string,
    asset: string | null,
    instantUtc: string | null,
    statement: Statement,
    texts: RowTexts,
    session: SessionClass,
    rule: AlignmentRule,
    day0: DayKey,
    day0Iso: string,
  ) {
    const cal = texts.calendar;
    this.id = id;
    this.exchange = cal.exchange.code;
    this.timestamp = statement.text;
    this.timezone = zone;
    this.instant_utc = instantUtc;
    this.exchange_timezone = cal.exchange.timezone;
    this.session = session;
    this.day0 = day0;
    this.day0_iso = day0Iso;
    this.rule = rule;
    this.approximate = cal.approximate;
    this.asset = asset;
    this.event = event;
    this.#texts = texts;
    this.#index = index;
  }

  /** The statement on the exchange clock, ISO without offset (a date for date-only statements). */
  get local_time(): string {
    return this.#texts.localTime(this.#index);
  }

  /** Why, in one sentence. */
  get reason(): string {
    return this.#texts.reason(this.#index, this.timezone);
  }

  /** The row as a plain object, keys in the documented order (what `JSON.stringify` writes). */
  toJSON(): AlignmentRow {
    return plainAlignmentRow(this);
  }
}

/**
 * A plain-object copy of an alignment row, every field written out (for spreading or
 * structured cloning: a row's text fields are read through getters, which an object spread
 * does not copy).
 *
 * @throws INVALID_OPTION when `row` is not an object.
 * @example
 * const row = alignEvents([{ id: "E1", timestamp: "2025-04-07T10:11", timezone: "America/New_York", precision: "minute" }], "XNYS").rows[0]!;
 * Object.keys(plainAlignmentRow(row)).length; // => 15
 * plainAlignmentRow(row).local_time; // => "2025-04-07T10:11"
 */
export function plainAlignmentRow(row: AlignmentRow): AlignmentRow {
  checkObject("plainAlignmentRow", "row", row);
  return {
    id: row.id,
    exchange: row.exchange,
    timestamp: row.timestamp,
    timezone: row.timezone,
    instant_utc: row.instant_utc,
    local_time: row.local_time,
    exchange_timezone: row.exchange_timezone,
    session: row.session,
    day0: row.day0,
    day0_iso: row.day0_iso,
    rule: row.rule,
    reason: row.reason,
    approximate: row.approximate,
    asset: row.asset,
    event: row.event,
  };
}
