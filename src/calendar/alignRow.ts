/**
 * The rows of an alignment. A row holds its decision (session, rule, day 0) as plain fields;
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

/** What the rows of one exchange in one alignment share: the calendar and the non-trading policy. */
export interface RowLane {
  readonly calendar: TradingCalendar;
  readonly policy: NonTradingPolicy;
}

/** The note added to every reason on a weekdays-only calendar. */
export function approximateNote(cal: TradingCalendar): string {
  return cal.approximate ? ` The ${cal.exchange.code} calendar is approximate (weekdays only; its holidays are not built in).` : "";
}

/**
 * An alignment row whose `local_time` and `reason` are written on first read (or given when
 * the alignment wrote the reason anyway, for a rolled statement's warning). Besides its public
 * fields a row keeps only its statement, its exchange's shared lane and the two texts: 240,000
 * rows are allocated per 10,000 statements on 24 exchanges, so every slot counts.
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
  #statement: Statement;
  #lane: RowLane;
  #localTime: string | undefined;
  #reason: string | undefined;

  constructor(
    event: MarketEvent,
    zone: string,
    instantUtc: string | null,
    statement: Statement,
    lane: RowLane,
    session: SessionClass,
    rule: AlignmentRule,
    day0: DayKey,
    day0Iso: string,
    reason: string | undefined,
  ) {
    const cal = lane.calendar;
    this.id = event.id;
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
    this.asset = event.asset ?? null;
    this.event = event;
    this.#statement = statement;
    this.#lane = lane;
    this.#localTime = undefined;
    this.#reason = reason;
  }

  /** The statement on the exchange clock, ISO without offset (a date for date-only statements). */
  get local_time(): string {
    if (this.#localTime === undefined) {
      const st = this.#statement;
      this.#localTime = st.kind === "date" ? st.text : formatLocalTime(instantToLocal(st.instant, this.exchange_timezone));
    }
    return this.#localTime;
  }

  /** Why, in one sentence. */
  get reason(): string {
    if (this.#reason === undefined) {
      const { calendar, policy } = this.#lane;
      this.#reason = decide(this.#statement, this.timezone, calendar, policy).reason + approximateNote(calendar);
    }
    return this.#reason;
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
