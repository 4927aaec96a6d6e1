/**
 * The statements of an alignment: every event's timestamp parsed and checked once, and turned
 * into an instant (or a date for a date-only statement) before it meets any exchange.
 *
 * @module
 */
import type { Issue, Warning } from "../errors.js";
import { throwIfIssues } from "../errors.js";
import { isoFromDayKey } from "../time/dayKey.js";
import { parseTimestamp } from "../time/timestamp.js";
import { formatLocalTime, instantToLocal, isValidTimeZone, localToInstant, uniqueInstantReader, zoneOffsetMinutes } from "../time/zone.js";
import type { DayKey, MarketEvent } from "../types.js";

/** A statement known by its date only, or by its instant; `text` is the timestamp as rows show it. */
export type Statement =
  | { readonly kind: "date"; readonly day: DayKey; readonly text: string }
  | { readonly kind: "instant"; readonly instant: number; readonly text: string };

/** The statement's time zone: its own, or New York when empty. */
export function zoneOfEvent(event: MarketEvent): string {
  return event.timezone === undefined || event.timezone === "" ? "America/New_York" : event.timezone;
}

function offsetText(zone: string, instant: number): string {
  const o = zoneOffsetMinutes(zone, instant);
  const sign = o < 0 ? "-" : "+";
  const a = Math.abs(o);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/**
 * The text a row shows for a timestamp: the input itself when it is already `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm` (what formatting would write), else `format()`.
 */
function shownText(timestamp: string, length: 10 | 16, format: () => string): string {
  return timestamp.length === length && (length === 10 || timestamp.charCodeAt(10) === 84) ? timestamp : format();
}

/** Parses and checks every event, collecting issues; returns statements by event index. */
export function readStatements(events: readonly MarketEvent[], warnings: Warning[]): Statement[] {
  const invalid: Issue[] = [];
  const nonexistent: Issue[] = [];
  const out: Statement[] = [];
  const readers = new Map<string, (day: DayKey, minute: number) => number>();
  events.forEach((event, i) => {
    const row = i + 1;
    if (typeof event !== "object" || event === null) {
      invalid.push({ row, message: "not an event object" });
      return;
    }
    const id = typeof event.id === "string" && event.id !== "" ? event.id : undefined;
    if (id === undefined) invalid.push({ row, column: "id", message: "missing event id" });
    const zone = event.timezone === undefined || event.timezone === "" ? "America/New_York" : event.timezone;
    if (typeof zone !== "string" || !isValidTimeZone(zone)) {
      invalid.push({
        row,
        column: "timezone",
        message: `event ${id ?? "?"}: unknown time zone ${JSON.stringify(zone)} (expected an IANA name such as America/New_York)`,
      });
      return;
    }
    const parsed = typeof event.timestamp === "string" ? parseTimestamp(event.timestamp) : undefined;
    if (parsed === undefined) {
      invalid.push({
        row,
        column: "timestamp",
        message: `event ${id ?? "?"}: malformed timestamp ${JSON.stringify(event.timestamp)} (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm)`,
      });
      return;
    }
    if (parsed.minute === undefined || event.precision === "date") {
      if (parsed.minute === undefined && event.precision === "minute" && id !== undefined) {
        warnings.push({
          code: "DATE_ONLY_TIMESTAMP",
          message: `event ${id}: precision is "minute" but the timestamp ${event.timestamp} has no time; aligned as a date-only statement`,
          event_id: id,
        });
      }
      out[i] = { kind: "date", day: parsed.day, text: shownText(event.timestamp, 10, () => isoFromDayKey(parsed.day)) };
      return;
    }
    if (parsed.offset !== undefined) {
      const instant = (parsed.day * 1440 + parsed.minute - parsed.offset) * 60_000;
      out[i] = { kind: "instant", instant, text: formatLocalTime(instantToLocal(instant, zone)) };
      return;
    }
    const local = { day: parsed.day, minute: parsed.minute };
    let reader = readers.get(zone);
    if (reader === undefined) readers.set(zone, (reader = uniqueInstantReader(zone)));
    const unique = reader(local.day, local.minute);
    if (!Number.isNaN(unique)) {
      out[i] = { kind: "instant", instant: unique, text: shownText(event.timestamp, 16, () => formatLocalTime(local)) };
      return;
    }
    const r = localToInstant(local, zone);
    if (r.status === "nonexistent") {
      nonexistent.push({
        row,
        column: "timestamp",
        message: `event ${id ?? "?"}: local time ${formatLocalTime(local)} does not exist in ${zone} (clocks were put forward); give the time with an explicit UTC offset`,
      });
      return;
    }
    if (r.status === "ambiguous" && id !== undefined) {
      warnings.push({
        code: "AMBIGUOUS_LOCAL_TIME",
        message: `event ${id}: local time ${formatLocalTime(local)} occurs twice in ${zone} (clocks were put back); the earlier instant (${offsetText(zone, r.instant)}) is used`,
        event_id: id,
      });
    }
    out[i] = { kind: "instant", instant: r.instant, text: formatLocalTime(local) };
  });
  throwIfIssues(invalid, "alignEvents: invalid events", "INVALID_INPUT");
  throwIfIssues(nonexistent, "alignEvents: nonexistent local times", "NONEXISTENT_LOCAL_TIME");
  return out;
}
