/**
 * The `events` table row of an aligned statement, and the statement metadata every row carries.
 * @module
 */
import { marketSessionOf } from "./marketSession.js";
import type { AlignmentRow } from "../calendar/index.js";
import type { MarketEvent } from "../types.js";
import type { EventMetadata, EventRow } from "./rows.js";
import { checkObject, checkShape } from "../check.js";

/** The statement metadata of an output row (`null` for each field the statement lacks). */
export function metadataOf(event: MarketEvent): EventMetadata {
  return {
    label: event.label ?? null,
    speaker: event.speaker ?? null,
    role: event.role ?? null,
    venue: event.venue ?? null,
    source: event.source ?? null,
    group: event.group ?? null,
    market_session: marketSessionOf(event),
  };
}

/**
 * The `events` table row of an alignment: the contract fields first (`id, exchange, timestamp,
 * timezone, session, day0, rule, reason`), then the exchange clock and the statement metadata.
 * Used by `eventStudy` and by `market-reaction align`.
 * @example
 * ```ts
 * const { events } = parseEventsCsv("id,timestamp,speaker\nE34,2025-04-09T13:18,Donald Trump\n");
 * const row = eventRow(alignEvents(events, "XNYS").rows[0]!);
 * row; // => { id: "E34", exchange: "XNYS", session: "regular", day0: "2025-04-09", rule: "regular-same-day", … }
 * [row.instant_utc, row.speaker, row.label]; // => ["2025-04-09T17:18:00.000Z", "Donald Trump", null]
 * ```
 */
export function eventRow(r: AlignmentRow): EventRow {
  checkShape("eventRow", "row", r, { event: "object" });
  checkObject("eventRow", "row", r);
  return {
    id: r.id,
    exchange: r.exchange,
    timestamp: r.timestamp,
    timezone: r.timezone,
    session: r.session,
    day0: r.day0_iso,
    rule: r.rule,
    reason: r.reason,
    local_time: r.local_time,
    exchange_timezone: r.exchange_timezone,
    instant_utc: r.instant_utc,
    approximate: r.approximate,
    asset: r.asset,
    ...metadataOf(r.event),
  };
}
