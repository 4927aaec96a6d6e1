/**
 * The types an alignment row is made of, apart from `align.ts` so that the modules that build
 * rows (`alignDays.ts`, `alignRow.ts`, `alignReason.ts`) need not import the module that uses
 * them.
 *
 * @module
 */
import type { DayKey, MarketEvent } from "../types.js";

/** What to do with a statement on a day without a session. */
export type NonTradingPolicy = "next" | "previous" | "drop" | "error";

/** Where a statement falls relative to the session of its local day on the exchange clock. */
export type SessionClass = "pre-open" | "regular" | "after-close" | "early-close" | "non-trading" | "date-only";

/** Stable code of the rule that set day 0. */
export type AlignmentRule =
  | "pre-open-same-day"
  | "regular-same-day"
  | "after-close-next"
  | "early-close-next"
  | "non-trading-next"
  | "non-trading-previous"
  | "date-only-same-day"
  | "date-only-next"
  | "date-only-previous";

/** One statement aligned on one exchange: a tidy, JSON-friendly row. */
export interface AlignmentRow {
  /** The event id. */
  readonly id: string;
  /** Exchange MIC. */
  readonly exchange: string;
  /** The statement's local time in its own time zone (`YYYY-MM-DDTHH:mm[:ss]`, or a date). */
  readonly timestamp: string;
  /** The statement's IANA time zone. */
  readonly timezone: string;
  /** The statement instant in UTC (ISO 8601 with `Z`); `null` for a date-only statement. */
  readonly instant_utc: string | null;
  /** The statement on the exchange clock, ISO without offset (a date for date-only statements). */
  readonly local_time: string;
  /** IANA time zone of the exchange clock. */
  readonly exchange_timezone: string;
  readonly session: SessionClass;
  /** Day 0 as a day key. */
  readonly day0: DayKey;
  /** Day 0 as an ISO date. */
  readonly day0_iso: string;
  readonly rule: AlignmentRule;
  /** Why, in one sentence. */
  readonly reason: string;
  /** True when the exchange calendar is weekdays-only (holidays unknown). */
  readonly approximate: boolean;
  /** The event's asset, `null` when it concerns every asset. */
  readonly asset: string | null;
  /** The event, metadata carried unchanged. */
  readonly event: MarketEvent;
}
