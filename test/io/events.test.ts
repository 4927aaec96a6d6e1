import { describe, expect, it } from "vitest";
import {
  MarketReactionError,
  eventsFromRows,
  parseEventsCsv,
  parseEventsJson,
  safeEventsFromRows,
  safeParseEventsCsv,
  safeParseEventsJson,
} from "market-reaction";

function thrown(fn: () => unknown): MarketReactionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MarketReactionError) return e;
    throw e;
  }
  throw new Error("expected a MarketReactionError");
}

// Same columns as the shared tariff list; rows re-typed from its sourced facts.
const TARIFF = [
  "id,datetime_et,timezone,speaker,role,venue,description,market_session,source_url",
  'E17,2025-04-06T10:30,America/New_York,Howard Lutnick,Commerce Secretary,"TV interview, CBS","No postponing",non_trading_day,https://example.org/a',
  "E22,2025-04-07T10:11,America/New_York,Unofficial X accounts,Not an official statement,Social media,False pause headline,regular,https://example.org/b",
  "E18,2025-04-06,,Scott Bessent,Treasury Secretary,NBC,Hold the course,non_trading_day,",
].join("\n");

describe("parseEventsCsv(text)", () => {
  it("maps the tariff list's column aliases and keeps market_session as extra metadata", () => {
    const t = parseEventsCsv(TARIFF);
    expect(t.columns).toEqual({
      id: "id",
      timestamp: "datetime_et",
      timezone: "timezone",
      label: "description",
      speaker: "speaker",
      role: "role",
      venue: "venue",
      source: "source_url",
    });
    expect(t.events).toHaveLength(3);
    expect(t.events[0]).toEqual({
      id: "E17",
      timestamp: "2025-04-06T10:30",
      timezone: "America/New_York",
      precision: "minute",
      label: "No postponing",
      speaker: "Howard Lutnick",
      role: "Commerce Secretary",
      venue: "TV interview, CBS",
      source: "https://example.org/a",
      extra: { market_session: "non_trading_day" },
    });
  });

  it("gives date precision to a date-only timestamp and the default zone to an empty one", () => {
    const e = parseEventsCsv(TARIFF).events[2]!;
    expect(e.timestamp).toBe("2025-04-06");
    expect(e.precision).toBe("date");
    expect(e.timezone).toBe("America/New_York");
    expect(e.source).toBeUndefined();
    expect(Object.keys(e)).not.toContain("source");
    const tokyo = parseEventsCsv("id,date\nT1,2025-04-07\n", { defaultTimezone: "Asia/Tokyo" });
    expect(tokyo.events[0]!.timezone).toBe("Asia/Tokyo");
  });

  it("converts a timestamp with an explicit offset to the event's own clock", () => {
    const t = parseEventsCsv(
      "id,timestamp,timezone\nA,2025-04-07T14:11:00Z,America/New_York\nB,2025-04-07T14:11Z,Asia/Tokyo\nC,2025-04-09T13:18-04:00,Europe/London\nD,2025-01-06T09:30:30-05:00,America/New_York\n",
    );
    // 14:11 UTC is 10:11 EDT (UTC-4) and 23:11 JST (UTC+9); 17:18 UTC is 18:18 BST (UTC+1)
    expect(t.events.map((e) => e.timestamp)).toEqual(["2025-04-07T10:11", "2025-04-07T23:11", "2025-04-09T18:18", "2025-01-06T09:30:30"]);
    expect(t.events.every((e) => e.precision === "minute")).toBe(true);
  });

  it("collects empty and duplicate ids, bad timestamps and unknown zones into one error", () => {
    const e = thrown(() =>
      parseEventsCsv(
        "id,timestamp,timezone\nE1,2025-04-07T10:11,America/New_York\nE1,2025-04-08,America/New_York\n,2025-04-08,\nE3,2025-02-30,\nE4,2025-04-07T10:11,EST\nE5,2025-04-07T25:00,Mars/Base\n",
      ),
    );
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "id"],
      [3, "id"],
      [4, "timestamp"],
      [5, "timezone"],
      [6, "timezone"],
      [6, "timestamp"],
    ]);
    expect(e.issues[0]!.message).toContain("also on row 1");
    expect(e.issues[3]!.message).toContain('"EST"');
  });

  it("names the columns found when id or timestamp is missing", () => {
    const e = thrown(() => parseEventsCsv("security,event_date\nAMZN,2019-10-25\n"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("id and timestamp");
    expect(e.message).toContain('"security", "event_date"');
  });

  it("takes explicit column names and can drop other columns", () => {
    const t = parseEventsCsv("key,when_et,note\nK1,2025-04-09T13:18,pause\n", {
      columns: { id: "key", timestamp: "when_et", label: "note" },
      extraColumns: "drop",
    });
    expect(t.events[0]).toEqual({ id: "K1", timestamp: "2025-04-09T13:18", timezone: "America/New_York", precision: "minute", label: "pause" });
    expect(thrown(() => parseEventsCsv("id,ts\nA,2025-04-09\n", { columns: { timestamp: "time" } })).code).toBe("INVALID_INPUT");
  });

  it("honours a precision column", () => {
    const t = parseEventsCsv("id,timestamp,precision\nA,2025-04-09T13:18,date\nB,2025-04-09T13:18,\n");
    expect(t.events.map((e) => [e.timestamp, e.precision])).toEqual([
      ["2025-04-09", "date"],
      ["2025-04-09T13:18", "minute"],
    ]);
    const e = thrown(() => parseEventsCsv("id,timestamp,precision\nA,2025-04-09,minute\nB,2025-04-09,hour\n"));
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [1, "precision"],
      [2, "precision"],
    ]);
  });

  it("warns about local times that do not exist or occur twice", () => {
    const t = parseEventsCsv("id,timestamp\nGAP,2025-03-09T02:30\nTWICE,2025-11-02T01:30\nOK,2025-04-07T10:11\n");
    expect(t.events).toHaveLength(3);
    expect(t.warnings.map((w) => [w.code, w.event_id])).toEqual([
      ["NONEXISTENT_LOCAL_TIME", "GAP"],
      ["AMBIGUOUS_LOCAL_TIME", "TWICE"],
    ]);
  });

  it("rejects bad options, empty input and ragged rows", () => {
    expect(thrown(() => parseEventsCsv(TARIFF, { defaultTimezone: "Eastern" })).code).toBe("INVALID_OPTION");
    expect(thrown(() => parseEventsCsv(TARIFF, { extraColumns: "all" as never })).message).toContain('"keep"');
    expect(thrown(() => parseEventsCsv("")).code).toBe("INVALID_INPUT");
    expect(thrown(() => parseEventsCsv("id,timestamp\n")).code).toBe("INVALID_INPUT");
    expect(thrown(() => parseEventsCsv("id,timestamp\nA\n")).code).toBe("CSV_PARSE");
    expect(safeParseEventsCsv("id,timestamp\nA,2025-02-30\n").success).toBe(false);
  });
});

describe("parseEventsJson(input) and eventsFromRows(rows)", () => {
  it("reads an array or an object with an events array, text or value", () => {
    const a = parseEventsJson('[{"id":"E34","timestamp":"2025-04-09T13:18","speaker":"Donald Trump","market_session":"regular"}]');
    expect(a.events[0]).toEqual({
      id: "E34",
      timestamp: "2025-04-09T13:18",
      timezone: "America/New_York",
      precision: "minute",
      speaker: "Donald Trump",
      extra: { market_session: "regular" },
    });
    const b = parseEventsJson({ events: [{ id: 7, timestamp: "2025-04-06", weight: 2, flagged: true }] });
    expect(b.events[0]).toMatchObject({ id: "7", precision: "date", extra: { weight: 2, flagged: true } });
  });

  it("rejects malformed JSON, other shapes and wrongly typed fields", () => {
    const m = thrown(() => parseEventsJson("[{"));
    expect(m.code).toBe("INVALID_INPUT");
    expect(m.message).toContain("malformed JSON");
    expect(thrown(() => parseEventsJson('{"id":"x"}')).code).toBe("INVALID_INPUT");
    const t = thrown(() =>
      parseEventsJson([
        { id: 1.5, timestamp: 20250409 },
        { timestamp: "2025-04-09", label: { a: 1 } },
      ]),
    );
    expect(t.issues.map((i) => [i.row, i.column])).toEqual([
      [1, "id"],
      [1, "timestamp"],
      [2, "id"],
      [2, "label"],
    ]);
    expect(safeParseEventsJson("").success).toBe(false);
  });

  it("checks row objects like CSV rows", () => {
    const t = eventsFromRows([{ event_id: "A", datetime: "2025-04-07T10:11", ticker: "SPY", category: "tariffs" }]);
    expect(t.events[0]).toEqual({ id: "A", timestamp: "2025-04-07T10:11", timezone: "America/New_York", precision: "minute", asset: "SPY", group: "tariffs" });
    const bad = safeEventsFromRows([{ id: "A", timestamp: "2025-04-07T10:11", timezone: "EST" }, null as never]);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.row).toBe(2);
  });
});
