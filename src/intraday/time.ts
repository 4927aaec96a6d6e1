/**
 * Small time helpers of the intraday module (formatting instants on an exchange clock).
 * @module
 */
import { clockOfMinute, formatLocalTime, instantToLocal, zoneOffsetMinutes } from "../time/index.js";
import { checkFinite, checkString } from "../check.js";

/** `+HH:MM` / `-HH:MM` offset text. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/**
 * An instant as ISO 8601 local time in `zone` with its offset, seconds always written:
 * `2025-04-07T10:11:00-04:00`.
 *
 * @example
 * isoInZone(1744035060000, "America/New_York"); // => "2025-04-07T10:11:00-04:00"
 */
export function isoInZone(instant: number, zone: string): string {
  checkFinite("isoInZone", "instant", instant);
  checkString("isoInZone", "zone", zone);
  const local = formatLocalTime(instantToLocal(instant, zone));
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}${offsetText(zoneOffsetMinutes(zone, instant))}`;
}

/**
 * An instant as ISO 8601 UTC, seconds always written.
 *
 * @example
 * isoUtc(1744035060000); // => "2025-04-07T14:11:00Z"
 */
export function isoUtc(instant: number): string {
  const local = formatLocalTime(instantToLocal(instant, "UTC"));
  return `${local.length === 16 ? `${local}:00` : local}Z`;
}

/** `HH:mm` of a minute of the day. */
export function clockText(minute: number): string {
  return clockOfMinute(minute);
}
