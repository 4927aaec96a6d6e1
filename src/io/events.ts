/**
 * Statements and announcements (events) from CSV, JSON or row objects.
 * @module
 */
import { MarketReactionError, throwIfIssues, toSafe, type SafeResult, type Warning } from "../errors.js";
import { checkEventRow, checkEventsOptions, type EventRowFields } from "../schema/index.js";
import {
  formatLocalTime,
  instantToLocal,
  isoFromDayKey,
  isValidTimeZone,
  localToInstant,
  parseTimestamp,
  type LocalTime,
  type ParsedTimestamp,
} from "../time/index.js";
import { IssueList, showCell, snakeName, type Origin } from "./cells.js";
import { readCsvRecords } from "./csv.js";
import { collectRowObjects } from "./rows.js";
import type { EventField, EventsTable, ParseEventsOptions, ParsedEvent } from "./types.js";

/**
 * Default time zone of statements: New York, where US policy news is dated.
 *
 * @example
 * DEFAULT_EVENT_TIMEZONE; // => "America/New_York"
 * parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n").events[0]?.timezone; // => "America/New_York"
 */
export const DEFAULT_EVENT_TIMEZONE = "America/New_York";

/**
 * Input column names (snake_case form) recognised for each event field, in order of preference.
 * `market_session` of the shared tariff list is not an event field: it is kept in `extra`
 * (the calendar module classifies sessions itself).
 *
 * @example
 * EVENT_COLUMN_ALIASES.label.includes("headline"); // => true
 * parseEventsCsv("event_id,published,headline\nE34,2025-04-09T13:18,90-day pause\n").events[0]?.label; // => "90-day pause"
 */
export const EVENT_COLUMN_ALIASES: Readonly<Record<EventField, readonly string[]>> = {
  id: ["id", "event_id", "eventid", "statement_id", "event"],
  timestamp: ["timestamp", "datetime", "date_time", "datetime_et", "datetime_local", "time_stamp", "announced", "published", "date", "time"],
  timezone: ["timezone", "time_zone", "tz", "zone", "tzid"],
  precision: ["precision"],
  asset: ["asset", "ticker", "symbol", "security"],
  label: ["label", "description", "title", "headline", "statement", "summary", "text"],
  speaker: ["speaker", "who", "person", "author"],
  role: ["role", "position"],
  venue: ["venue", "channel", "medium", "outlet"],
  source: ["source", "source_url", "url", "link", "reference"],
  group: ["group", "category", "cluster", "event_group"],
};

const FIELDS = Object.keys(EVENT_COLUMN_ALIASES) as EventField[];

/** Maps event fields to input keys: explicit `columns` first, then aliases in order of preference. */
function mapColumns(keys: readonly string[], options: ParseEventsOptions, origin: Origin): Partial<Record<EventField, string>> {
  const map: Partial<Record<EventField, string>> = {};
  const used = new Set<string>();
  const snake = keys.map(snakeName);
  for (const field of FIELDS) {
    const explicit = options.columns?.[field];
    if (explicit === undefined) continue;
    const i = keys.indexOf(explicit) >= 0 ? keys.indexOf(explicit) : snake.indexOf(snakeName(explicit));
    if (i < 0) {
      const where = origin.file === undefined ? "" : `${origin.file}: `;
      throw new MarketReactionError(
        "INVALID_INPUT",
        `${where}column ${JSON.stringify(explicit)} for ${field} not found; columns found: ${keys.map((k) => JSON.stringify(k)).join(", ")}`,
        [{ column: explicit, message: "column not found", ...(origin.file === undefined ? {} : { file: origin.file }) }],
      );
    }
    map[field] = keys[i]!;
    used.add(keys[i]!);
  }
  for (const field of FIELDS) {
    if (map[field] !== undefined) continue;
    for (const alias of EVENT_COLUMN_ALIASES[field]) {
      const i = snake.findIndex((s, j) => s === alias && !used.has(keys[j]!));
      if (i >= 0) {
        map[field] = keys[i]!;
        used.add(keys[i]!);
        break;
      }
    }
  }
  return map;
}

function requireColumns(map: Partial<Record<EventField, string>>, keys: readonly string[], origin: Origin): void {
  const missing = (["id", "timestamp"] as const).filter((f) => map[f] === undefined);
  if (missing.length === 0) return;
  const where = origin.file === undefined ? "" : `${origin.file}: `;
  const message = `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(" and ")} (accepted names: ${missing
    .map((f) => EVENT_COLUMN_ALIASES[f].join(", "))
    .join("; ")}); columns found: ${keys.map((k) => JSON.stringify(k)).join(", ")}`;
  throw new MarketReactionError("INVALID_INPUT", `${where}${message}`, [{ message, ...(origin.file === undefined ? {} : { file: origin.file }) }]);
}

/** Column names (snake_case form) of a time of day written apart from the date. */
const TIME_COLUMNS = ["time", "time_of_day", "clock", "local_time", "time_et", "hour", "hhmm"];

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The timestamp of a date and a time written in two columns (`2025-04-09` and `15:59:59.5`
 * give `2025-04-09T15:59:59.5`); `undefined` when the time cell is empty; an issue when the
 * time is not a clock time or the date already carries a time.
 */
function joinTime(date: string, time: unknown): { readonly text: string } | { readonly issue: string } | undefined {
  if (time === null || time === undefined) return undefined;
  const t = String(time).trim();
  if (t === "") return undefined;
  const m = CLOCK.exec(t);
  if (m === null) return { issue: `not a time of day: ${showCell(t)} (expected HH:mm[:ss[.fff]], optionally with Z or ±HH:MM)` };
  if (date.trim().length !== 10)
    return { issue: `the timestamp ${showCell(date)} already has a time, and the time column says ${showCell(t)}; give one of them` };
  return {
    text: `${date.trim()}T${m[1]!.padStart(2, "0")}:${m[2]}${m[3] === undefined ? "" : `:${m[3]}${m[4] === undefined ? "" : `.${m[4]}`}`}${m[5] ?? ""}`,
  };
}

/** The input columns of a table of events: the mapped fields, a separate time-of-day column, the extra columns kept. */
interface EventColumns {
  readonly map: Partial<Record<EventField, string>>;
  readonly timeKey: string | undefined;
  readonly extraKeys: readonly string[];
}

function eventColumns(keys: readonly string[], options: ParseEventsOptions, origin: Origin): EventColumns {
  const map = mapColumns(keys, options, origin);
  requireColumns(map, keys, origin);
  const mapped = new Set(Object.values(map));
  // a time of day in its own column (date in one column, time in another) is joined to the date
  const timeKey = keys.find((k) => !mapped.has(k) && TIME_COLUMNS.includes(snakeName(k)));
  if (timeKey !== undefined) mapped.add(timeKey);
  const extraKeys = options.extraColumns === "drop" ? [] : keys.filter((k) => !mapped.has(k));
  return { map, timeKey, extraKeys };
}

/** Builds events from records keyed by input column, checking everything before throwing once. */
function buildEvents(keys: readonly string[], rows: readonly Record<string, unknown>[], options: ParseEventsOptions): EventsTable {
  const origin: Origin = options.file === undefined ? {} : { file: options.file };
  const columns = eventColumns(keys, options, origin);
  const where = options.file === undefined ? "" : `${options.file}: `;
  if (rows.length === 0) {
    throw new MarketReactionError("INVALID_INPUT", `${where}no events (the input has no data rows)`, [
      { message: "no data rows", ...(origin.file === undefined ? {} : { file: origin.file }) },
    ]);
  }
  const reader = new EventReader(columns, options, origin);
  const events: ParsedEvent[] = [];
  for (let i = 0; i < rows.length; i++) {
    const event = reader.read(rows[i]!, i + 1);
    if (event !== undefined) events.push(event);
  }
  throwIfIssues(reader.issues.list(), `${options.file ?? "event input"}: invalid events`);
  const warnings = reader.warnings;
  if (reader.joined > 0) {
    warnings.push({
      code: "TIME_COLUMN_JOINED",
      message: `${where}the time of day of ${reader.joined} statement${reader.joined === 1 ? "" : "s"} was read from the column ${JSON.stringify(columns.timeKey)} and joined to the date in ${JSON.stringify(columns.map.timestamp)}`,
    });
  }
  return { events, columns: columns.map, warnings };
}

/** The timestamp and precision of an event as written on its own clock. */
interface EventTime {
  readonly timestamp: string;
  readonly precision: "minute" | "date";
}

/** Reads event records one by one: issues and warnings collected, ids checked for uniqueness. */
class EventReader {
  readonly issues: IssueList;
  readonly warnings: Warning[] = [];
  /** Events whose time of day came from the separate time column. */
  joined = 0;
  private readonly firstRowOfId = new Map<string, number>();
  private readonly defaultZone: string;
  private readonly where: string;

  constructor(
    private readonly columns: EventColumns,
    private readonly options: ParseEventsOptions,
    origin: Origin,
  ) {
    this.issues = new IssueList(origin);
    this.defaultZone = options.defaultTimezone ?? DEFAULT_EVENT_TIMEZONE;
    this.where = options.file === undefined ? "" : `${options.file}: `;
  }

  private columnOf(field: string): string {
    return this.columns.map[field as EventField] ?? field;
  }

  /** The event of one record, or `undefined` when the record has problems (each an issue). */
  read(record: Record<string, unknown>, row: number): ParsedEvent | undefined {
    const fields: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const key = this.columns.map[f];
      if (key !== undefined) fields[f] = record[key];
    }
    const checked = checkEventRow(fields, row, (field) => this.columnOf(field), this.options.file);
    if (!checked.ok) {
      for (const issue of checked.issues) this.issues.push(issue);
      return undefined;
    }
    const v = checked.value;
    let ok = this.uniqueId(v.id, row);
    const zone = v.timezone ?? this.defaultZone;
    if (!isValidTimeZone(zone)) {
      this.issues.add(row, this.columnOf("timezone"), `unknown time zone ${JSON.stringify(zone)} (expected an IANA name such as "America/New_York")`);
      ok = false;
    }
    const timeKey = this.columns.timeKey;
    const split = timeKey === undefined ? undefined : joinTime(v.timestamp, record[timeKey]);
    if (split !== undefined && "issue" in split) {
      this.issues.add(row, timeKey!, split.issue);
      return undefined;
    }
    if (split !== undefined) this.joined++;
    const parsed = parseTimestamp(split?.text ?? v.timestamp);
    if (parsed === undefined) {
      this.issues.add(
        row,
        this.columnOf("timestamp"),
        `not a valid timestamp: ${showCell(String(v.timestamp))} (expected YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss], optionally with Z or ±HH:MM)${numericTimestampHint(v.timestamp)}`,
      );
      return undefined;
    }
    if (!ok) return undefined;
    const time = this.eventTime(parsed, v, zone, row);
    return time === undefined ? undefined : eventOf(v, zone, time, extraOf(record, this.columns.extraKeys));
  }

  /** False (with an issue) when an earlier row has the same id. */
  private uniqueId(id: string, row: number): boolean {
    const prev = this.firstRowOfId.get(id);
    if (prev === undefined) {
      this.firstRowOfId.set(id, row);
      return true;
    }
    this.issues.add(row, this.columnOf("id"), `duplicate id ${JSON.stringify(id)} (also on row ${prev})`);
    return false;
  }

  /**
   * The event's local timestamp and precision: a date stays a date; a time with an offset is
   * expressed on the event's own clock; a local time skipped or repeated by a clock change is
   * warned about. `undefined` (with an issue) for a date said to have minute precision.
   */
  private eventTime(parsed: ParsedTimestamp, v: EventRowFields, zone: string, row: number): EventTime | undefined {
    if (parsed.minute === undefined) {
      if (v.precision !== "minute") return { timestamp: isoFromDayKey(parsed.day), precision: "date" };
      this.issues.add(row, this.columnOf("precision"), `precision is "minute" but the timestamp ${JSON.stringify(v.timestamp)} has no time`);
      return undefined;
    }
    // an explicit offset fixes the instant; express it on the event's own clock
    const local =
      parsed.offset === undefined
        ? { day: parsed.day, minute: parsed.minute }
        : instantToLocal((parsed.day * 1440 + parsed.minute - parsed.offset) * 60_000, zone);
    if (parsed.offset === undefined && v.precision !== "date") this.warnClockChange(local, zone, v.id, row);
    if (v.precision === "date") return { timestamp: isoFromDayKey(local.day), precision: "date" };
    return { timestamp: formatLocalTime(local), precision: "minute" };
  }

  private warnClockChange(local: LocalTime, zone: string, id: string, row: number): void {
    const status = localToInstant(local, zone).status;
    if (status === "unique") return;
    this.warnings.push({
      code: status === "nonexistent" ? "NONEXISTENT_LOCAL_TIME" : "AMBIGUOUS_LOCAL_TIME",
      message:
        status === "nonexistent"
          ? `${this.where}${formatLocalTime(local)} does not exist in ${zone} (clocks go forward); aligning this event will fail`
          : `${this.where}${formatLocalTime(local)} occurs twice in ${zone} (clocks go back); the earlier instant is used`,
      event_id: id,
      row,
    });
  }
}

/**
 * What a timestamp written as a bare number probably is: a spreadsheet serial day (5 digits,
 * 1954–2119), or Unix time in seconds (10 digits) or milliseconds (13 digits); else "".
 */
function numericTimestampHint(text: string): string {
  if (/^\d{5}(?:\.\d+)?$/.test(text) && Number(text) >= 20_000)
    return "; a number of this size looks like a spreadsheet serial date: format the column as dates (YYYY-MM-DD)";
  if (/^\d{10}(?:\.\d+)?$/.test(text)) return "; a 10-digit number looks like Unix time in seconds: write the time as YYYY-MM-DDTHH:mm:ssZ";
  if (/^\d{13}$/.test(text)) return "; a 13-digit number looks like Unix time in milliseconds: write the time as YYYY-MM-DDTHH:mm:ssZ";
  return "";
}

/** The non-empty values of the extra columns of a record (text trimmed; objects as JSON), or `undefined` when none. */
function extraOf(record: Record<string, unknown>, extraKeys: readonly string[]): Record<string, string | number | boolean> | undefined {
  const extra: Record<string, string | number | boolean> = {};
  let hasExtra = false;
  for (const k of extraKeys) {
    const value = record[k];
    if (value === null || value === undefined) continue;
    if (typeof value === "string") {
      const t = value.trim();
      if (t === "") continue;
      extra[k] = t;
    } else if (typeof value === "number" || typeof value === "boolean") extra[k] = value;
    else extra[k] = JSON.stringify(value) ?? String(value);
    hasExtra = true;
  }
  return hasExtra ? extra : undefined;
}

function eventOf(v: EventRowFields, zone: string, time: EventTime, extra: Record<string, string | number | boolean> | undefined): ParsedEvent {
  return {
    id: v.id,
    timestamp: time.timestamp,
    timezone: zone,
    precision: time.precision,
    ...(v.asset === undefined ? {} : { asset: v.asset }),
    ...(v.label === undefined ? {} : { label: v.label }),
    ...(v.speaker === undefined ? {} : { speaker: v.speaker }),
    ...(v.role === undefined ? {} : { role: v.role }),
    ...(v.venue === undefined ? {} : { venue: v.venue }),
    ...(v.source === undefined ? {} : { source: v.source }),
    ...(v.group === undefined ? {} : { group: v.group }),
    ...(extra === undefined ? {} : { extra }),
  };
}

/**
 * Parses statements/events from CSV text. Columns are matched by name (see
 * {@link EVENT_COLUMN_ALIASES}: e.g. `datetime_et` -> timestamp, `description` -> label,
 * `source_url` -> source) or given in `columns`; other columns (such as `market_session`)
 * are kept per event in `extra` so they can travel to output rows.
 *
 * `precision` is `minute` when the timestamp has a time, else `date`. A timestamp with an
 * explicit offset (`Z`, `-04:00`) is converted to local time in the event's `timezone`; one
 * without an offset is local time in `timezone` (default `America/New_York`). DST gaps are not
 * checked here: the calendar module rejects nonexistent local times when it aligns events.
 *
 * @throws MarketReactionError `INVALID_OPTION`; `CSV_PARSE`; `INVALID_INPUT` for empty input, a
 *   missing id or timestamp column (the message lists the columns found), and, all listed at
 *   once, empty or duplicate ids, invalid timestamps and unknown time zones.
 * @example
 * const { events } = parseEventsCsv("id,datetime_et,description\nE34,2025-04-09T13:18,90-day pause\n");
 * events[0]; // => { id: "E34", timestamp: "2025-04-09T13:18", timezone: "America/New_York", precision: "minute", label: "90-day pause" }
 */
export function parseEventsCsv(text: string, options?: ParseEventsOptions): EventsTable {
  const o = checkEventsOptions(options);
  const { records } = readCsvRecords(text, o);
  const [rawHeader, ...rest] = records;
  const header = (rawHeader ?? []).map((h) => h.trim());
  const width = header.length;
  const origin: Origin = o.file === undefined ? {} : { file: o.file };
  const csvIssues = new IssueList(origin);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < rest.length; i++) {
    const cells = rest[i]!;
    if (cells.length !== width && cells.slice(width).some((c) => c.trim() !== "")) {
      csvIssues.add(i + 1, undefined, `${cells.length} fields, the header has ${width}`);
      continue;
    }
    if (cells.length < width) {
      csvIssues.add(i + 1, undefined, `${cells.length} field${cells.length === 1 ? "" : "s"}, the header has ${width}`);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (let k = 0; k < width; k++) record[header[k]!] = cells[k];
    rows.push(record);
  }
  throwIfIssues(csvIssues.list(), `${o.file ?? "CSV input"}: rows with the wrong number of fields`, "CSV_PARSE");
  return buildEvents(header, rows, o);
}

/**
 * {@link parseEventsCsv} without throwing.
 * @example
 * safeParseEventsCsv("id,timestamp\nE1,2025-02-30\n").success; // => false
 */
export function safeParseEventsCsv(text: string, options?: ParseEventsOptions): SafeResult<EventsTable> {
  return toSafe(() => parseEventsCsv(text, options));
}

/**
 * Events from row objects with the same column names, aliases and checks as {@link parseEventsCsv}.
 * `id` may be a string or an integer; other fields strings.
 * @throws MarketReactionError `INVALID_OPTION`, `INVALID_INPUT`.
 * @example
 * eventsFromRows([{ id: 1, timestamp: "2025-04-06", speaker: "Howard Lutnick" }]).events[0]?.precision; // => "date"
 */
export function eventsFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseEventsOptions): EventsTable {
  const o = checkEventsOptions(options);
  const { header, list } = collectRowObjects(rows, { noun: "event", article: "an" }, o.file);
  return buildEvents(header, list, o);
}

/**
 * {@link eventsFromRows} without throwing.
 * @example
 * safeEventsFromRows([{ id: "E1", timestamp: "2025-04-07T10:11", timezone: "EST" }]).success; // => false
 */
export function safeEventsFromRows(rows: Iterable<Record<string, unknown>>, options?: ParseEventsOptions): SafeResult<EventsTable> {
  return toSafe(() => eventsFromRows(rows, options));
}

/**
 * Events from JSON: an array of event objects, or an object with an `events` array. Accepts the
 * JSON text or the already parsed value.
 * @throws MarketReactionError `INVALID_INPUT` for malformed JSON or another shape, and as {@link eventsFromRows}.
 * @example
 * parseEventsJson('[{"id":"E17","timestamp":"2025-04-06T10:30"}]').events.length; // => 1
 */
export function parseEventsJson(input: string | unknown, options?: ParseEventsOptions): EventsTable {
  const o = checkEventsOptions(options);
  const where = o.file === undefined ? "" : `${o.file}: `;
  let value: unknown = input;
  if (typeof input === "string") {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === "")
      throw new MarketReactionError("INVALID_INPUT", `${where}empty input: no JSON`, [
        { message: "empty input", ...(o.file === undefined ? {} : { file: o.file }) },
      ]);
    try {
      value = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new MarketReactionError(
        "INVALID_INPUT",
        `${where}malformed JSON: ${detail}`,
        [{ message: `malformed JSON: ${detail}`, ...(o.file === undefined ? {} : { file: o.file }) }],
        { cause: error },
      );
    }
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Array.isArray((value as { events?: unknown }).events)) {
    value = (value as { events: unknown[] }).events;
  }
  if (!Array.isArray(value)) {
    throw new MarketReactionError("INVALID_INPUT", `${where}expected a JSON array of events or an object with an "events" array`, [
      { message: "expected an array of events", ...(o.file === undefined ? {} : { file: o.file }) },
    ]);
  }
  return eventsFromRows(value as Record<string, unknown>[], o);
}

/**
 * {@link parseEventsJson} without throwing.
 * @example
 * safeParseEventsJson("{not json").success; // => false
 */
export function safeParseEventsJson(input: string | unknown, options?: ParseEventsOptions): SafeResult<EventsTable> {
  return toSafe(() => parseEventsJson(input, options));
}
