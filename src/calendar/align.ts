/**
 * Aligning dated statements with exchange sessions: day 0 is the first session whose close
 * comes after the statement, on the exchange's clock (docs/conventions.md).
 *
 * A statement's day 0 is the first session whose close comes after the statement, on the
 * exchange's own clock: before the open -> that session; during the session (lunch breaks
 * included) -> that session; at or after the close (early closes included; exactly 16:00:00
 * counts as after) -> the next session; on a weekend, holiday or closure -> per the
 * `nonTrading` policy (default the next session). A date-only statement is that day if it is
 * a session, else per the policy.
 *
 * @module
 */
import { invalidOption, throwIfIssues, toSafe } from "../errors.js";
import type { Issue, SafeResult, Warning } from "../errors.js";
import type { MarketEvent } from "../types.js";
import { isTradingCalendar, tradingCalendar } from "./calendar.js";
import type { TradingCalendar } from "./calendar.js";
import { laneOf, type Lane } from "./alignDays.js";
import { approximateExchanges, decideAll, lazyRows, rowsOf, takeEvents, type DecisionGrid } from "./alignGrid.js";
import { decideOnClock } from "./alignReason.js";
import { RolledStatements } from "./alignRolled.js";
import { RowTexts, approximateNote } from "./alignRow.js";
import type { RowPlace } from "./alignRow.js";
import { readStatements, zoneOfEvent, type Statement } from "./alignStatements.js";
import type { Exchange } from "./exchanges.js";

export type { AlignmentRow, AlignmentRule, NonTradingPolicy, SessionClass } from "./alignTypes.js";
import type { AlignmentRow, NonTradingPolicy } from "./alignTypes.js";

/** An exchange given as a MIC, an {@link Exchange} object or a ready {@link TradingCalendar}. */
export type ExchangeInput = string | Exchange | TradingCalendar;

/** Options of {@link alignEvents}. */
export interface AlignOptions {
  /** Policy for statements on non-trading days (and date-only statements on them). Default `"next"`. */
  readonly nonTrading?: NonTradingPolicy;
  /** Throw `DATE_OUT_OF_RANGE` instead of skipping events outside a calendar's range. Default false. */
  readonly strict?: boolean;
}

/** A statement that got no day 0 on an exchange, and why. */
export interface SkippedAlignment {
  readonly id: string;
  readonly exchange: string;
  /** `NON_TRADING_DAY` (dropped by `nonTrading: "drop"`) or `DATE_OUT_OF_RANGE`. */
  readonly code: "NON_TRADING_DAY" | "DATE_OUT_OF_RANGE";
  readonly reason: string;
  readonly event: MarketEvent;
}

/** Result of {@link alignEvents}. */
export interface AlignmentResult {
  /** One row per (event, exchange), events in input order, exchanges in the given order. */
  readonly rows: AlignmentRow[];
  readonly skipped: SkippedAlignment[];
  readonly warnings: Warning[];
}

const POLICIES: readonly NonTradingPolicy[] = ["next", "previous", "drop", "error"];

function toCalendar(input: ExchangeInput): TradingCalendar {
  if (isTradingCalendar(input)) return input;
  if (typeof input === "string" || (typeof input === "object" && input !== null)) return tradingCalendar(input);
  return invalidOption("exchange", input, "a MIC string, an Exchange object or a TradingCalendar");
}

/** What an alignment collects besides its rows. */
interface AlignmentOutput {
  readonly skipped: SkippedAlignment[];
  readonly warnings: Warning[];
  readonly errors: Issue[];
  readonly rangeErrors: Issue[];
}

/**
 * Records a statement that gets no row on an exchange, with its reason: the `nonTrading: "error"`
 * issue, or the skipped entry and its warning (out of the calendar's range, or dropped). These
 * stay one per statement: each is a missing row. `onCode` is the messages' opening,
 * `event E1 on XTKS: ` (written once per event and exchange).
 */
function recordFailure(out: AlignmentOutput, event: MarketEvent, i: number, zone: string, place: RowPlace, strict: boolean, onCode: string): void {
  const cal = place.calendar;
  const code = cal.exchange.code;
  const local = place.statement.kind === "date" ? undefined : { day: place.localDay, minute: place.localMinute };
  const d = decideOnClock(place.statement, zone, cal, place.policy, local);
  if (d.failure === "error") {
    out.errors.push({ row: i + 1, column: "timestamp", message: onCode + d.reason });
  } else if (d.failure === "range") {
    if (strict) out.rangeErrors.push({ row: i + 1, column: "timestamp", message: `event ${event.id} on ${code}: ${d.reason}` });
    out.skipped.push({ id: event.id, exchange: code, code: "DATE_OUT_OF_RANGE", reason: d.reason, event });
    out.warnings.push({ code: "DATE_OUT_OF_RANGE", message: `event ${event.id} skipped on ${code}: ${d.reason}`, event_id: event.id, exchange: code });
  } else if (d.failure === "drop") {
    out.skipped.push({ id: event.id, exchange: code, code: "NON_TRADING_DAY", reason: d.reason + approximateNote(cal), event });
    out.warnings.push({ code: "EVENT_DROPPED", message: `event ${event.id} dropped on ${code}: ${d.reason}`, event_id: event.id, exchange: code });
  }
}

/**
 * Records the statements without a row (rule code 0 in the grid), statement by statement and
 * exchange by exchange, as a row-by-row alignment meets them.
 */
function recordFailures(
  out: AlignmentOutput,
  events: readonly MarketEvent[],
  statements: readonly Statement[],
  lanes: readonly Lane[],
  grid: DecisionGrid,
  strict: boolean,
): void {
  const codeColons = lanes.map((lane) => `${lane.calendar.exchange.code}: `);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    let prefix: string | undefined; // "event E1 on ", written once per event when needed
    for (let k = 0; k < lanes.length; k++) {
      if (grid.rule[i * lanes.length + k] !== 0) continue;
      prefix ??= `event ${event.id} on `;
      recordFailure(out, event, i, zoneOfEvent(event), lanes[k]!.place(statements[i]!), strict, prefix + codeColons[k]!);
    }
  }
}

/**
 * Aligns statements with the sessions of one or more exchanges: one row per (event, exchange)
 * with day 0, the session class, a stable rule code and a human-readable reason.
 *
 * Each statement time is converted to an instant with its own `timezone` (or its explicit
 * offset), then to the exchange's local time; DST is handled through the IANA zones. A
 * nonexistent local time (e.g. 2025-03-09T02:30 in New York) is rejected; an ambiguous one
 * (the repeated hour in autumn) takes the earlier instant and adds an `AMBIGUOUS_LOCAL_TIME`
 * warning. On an early-close day, a statement after the early close but before the regular
 * close is classed `early-close` (day 0 = next session); at or after the regular close it is
 * `after-close`. Statements on approximate (weekdays-only) calendars carry `approximate: true`,
 * a note in the reason and one `APPROXIMATE_CALENDAR` warning per exchange. Statements rolled to
 * another session give one `ROLLED_TO_NEXT_SESSION` (or `ROLLED_TO_PREVIOUS_SESSION`) warning per
 * exchange, naming them in `subjects` and counting them in `count` (each one's reason is in its
 * row); a dropped or skipped statement gives a warning of its own.
 *
 * Every decision, warning, skipped statement and error is made by the call. The row objects are
 * made when `rows` is first read (an ordinary enumerable field from then on, the same array on
 * every read), from what the call took of the events: changing the events afterwards does not
 * change the rows, whose `event` is still the object given.
 *
 * @param events - statements; `timezone` defaults to America/New_York when empty.
 * @param exchange - a MIC (`"XNYS"`), an Exchange, a TradingCalendar, or an array of them.
 * @throws INVALID_OPTION for a bad option or exchange object; UNKNOWN_EXCHANGE for an unknown MIC.
 * @throws INVALID_INPUT listing every malformed event (id, timestamp, timezone).
 * @throws NONEXISTENT_LOCAL_TIME naming every event whose local time was skipped by a DST change.
 * @throws NON_TRADING_DAY with `nonTrading: "error"`, naming every event on a non-trading day.
 * @throws DATE_OUT_OF_RANGE with `strict: true` for events outside a calendar's range (otherwise skipped with a warning).
 * @example
 * const { rows } = alignEvents(
 *   [{ id: "lutnick", timestamp: "2025-04-06T10:00", timezone: "America/New_York", precision: "minute" }],
 *   ["XNYS", "XTKS"],
 * );
 * rows.map((r) => r.day0_iso); // => ["2025-04-07", "2025-04-07"]
 */
export function alignEvents(events: readonly MarketEvent[], exchange: ExchangeInput | readonly ExchangeInput[], options: AlignOptions = {}): AlignmentResult {
  if (typeof options !== "object" || options === null) invalidOption("options", options, "an options object");
  const policy = options.nonTrading ?? "next";
  if (!POLICIES.includes(policy)) invalidOption("nonTrading", policy, '"next", "previous", "drop" or "error"');
  if (options.strict !== undefined && typeof options.strict !== "boolean") invalidOption("strict", options.strict, "true or false");
  if (!Array.isArray(events)) invalidOption("events", events, "an array of MarketEvent objects");
  const inputs: readonly ExchangeInput[] = Array.isArray(exchange) ? exchange : [exchange as ExchangeInput];
  if (inputs.length === 0) invalidOption("exchange", exchange, "at least one exchange");
  const calendars = inputs.map(toCalendar);

  const warnings: Warning[] = [];
  const statements = readStatements(events, warnings);
  const out: AlignmentOutput = { skipped: [], warnings, errors: [], rangeErrors: [] };
  const lanes = calendars.map((cal) => laneOf(cal, policy, new RowTexts(cal, policy, statements)));
  const rolled = calendars.map((cal) => new RolledStatements(cal.exchange.code));
  const taken = takeEvents(events);
  const grid = decideAll(lanes, statements, taken.ids, policy, rolled);
  if (grid.failures > 0) recordFailures(out, events, statements, lanes, grid, options.strict === true);
  throwIfIssues(out.errors, 'alignEvents: statements on non-trading days (nonTrading: "error")', "NON_TRADING_DAY");
  throwIfIssues(out.rangeErrors, "alignEvents: statements outside the calendar range (strict: true)", "DATE_OUT_OF_RANGE");
  for (const r of rolled) warnings.push(...r.warnings());
  for (const code of approximateExchanges(lanes, grid, events.length)) {
    warnings.push({
      code: "APPROXIMATE_CALENDAR",
      message: `the ${code} calendar is weekdays only (no built-in holidays and no data); day 0 may fall on an exchange holiday. Give the exchange's trading days: --calendar ${code}=FILE (a price file of an asset listed there) on the command line, or in code a calendar built from that data.`,
      exchange: code,
    });
  }
  const result = { rows: [] as AlignmentRow[], skipped: out.skipped, warnings };
  lazyRows(result, () => rowsOf(taken, statements, lanes, grid));
  return result;
}

/**
 * {@link alignEvents} without throwing: the result, or the error it would have thrown.
 *
 * @example
 * // a statement known only by its date, Sunday 6 April 2025: an error under nonTrading: "error"
 * const events: MarketEvent[] = [{ id: "E17", timestamp: "2025-04-06", timezone: "America/New_York", precision: "date" }];
 * const r = safeAlignEvents(events, "XNYS", { nonTrading: "error" });
 * if (!r.success) r.error.code; // => "NON_TRADING_DAY"
 * if (!r.success) r.error.issues[0]?.message; // => "event E17 on XNYS: Date-only statement on Sunday …"
 */
export function safeAlignEvents(
  events: readonly MarketEvent[],
  exchange: ExchangeInput | readonly ExchangeInput[],
  options: AlignOptions = {},
): SafeResult<AlignmentResult> {
  return toSafe(() => alignEvents(events, exchange, options));
}

/**
 * Throws when `value` is not a policy; exported for the CLI's flag parsing.
 *
 * @throws INVALID_OPTION when `value` is not `next`, `previous`, `drop` or `error`.
 * @example
 * parseNonTradingPolicy("previous"); // => "previous"
 * toSafe(() => parseNonTradingPolicy("later")).success; // => false
 */
export function parseNonTradingPolicy(value: string): NonTradingPolicy {
  if (!(POLICIES as readonly string[]).includes(value)) invalidOption("nonTrading", value, '"next", "previous", "drop" or "error"');
  return value as NonTradingPolicy;
}
