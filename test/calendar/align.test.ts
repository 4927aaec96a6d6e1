import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignEvents, safeAlignEvents } from "../../src/calendar/align.js";
import { plainAlignmentRow } from "../../src/calendar/alignRow.js";
import type { AlignOptions, ExchangeInput } from "../../src/calendar/align.js";
import { calendarFromSeries, tradingCalendar } from "../../src/calendar/calendar.js";
import { isNyseTradingDay } from "../../src/calendar/nyse.js";
import { dayKeyFromIso, instantToLocal } from "../../src/time/index.js";
import type { MarketEvent } from "../../src/types.js";

const ev = (id: string, timestamp: string, extra: Partial<MarketEvent> = {}): MarketEvent => ({
  id,
  timestamp,
  timezone: "America/New_York",
  precision: timestamp.length > 10 ? "minute" : "date",
  ...extra,
});

function one(event: MarketEvent, exchange: ExchangeInput, options: AlignOptions = {}) {
  const r = alignEvents([event], exchange, options);
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!;
}

describe("alignEvents: the April 2025 statements", () => {
  const events = [
    ev("lutnick", "2025-04-06T10:00", { speaker: "Howard Lutnick", role: "Commerce Secretary" }),
    ev("headline", "2025-04-07T10:11"),
    ev("liberation", "2025-04-02T16:15"),
    ev("tariff", "2025-04-09T00:01"),
    ev("pause", "2025-04-09T13:18"),
  ];
  const { rows, skipped } = alignEvents(events, ["XNYS", "XTKS"]);
  const get = (id: string, ex: string) => rows.find((r) => r.id === id && r.exchange === ex)!;

  it("gives one row per (event, exchange), events in order", () => {
    expect(rows.map((r) => `${r.id}/${r.exchange}`)).toEqual([
      "lutnick/XNYS",
      "lutnick/XTKS",
      "headline/XNYS",
      "headline/XTKS",
      "liberation/XNYS",
      "liberation/XTKS",
      "tariff/XNYS",
      "tariff/XTKS",
      "pause/XNYS",
      "pause/XTKS",
    ]);
    expect(skipped).toEqual([]);
  });

  it("Lutnick, Sunday 6 April 10:00 ET -> Monday 7 April on both exchanges", () => {
    const ny = get("lutnick", "XNYS");
    expect([ny.day0_iso, ny.session, ny.rule]).toEqual(["2025-04-07", "non-trading", "non-trading-next"]);
    expect(ny.reason).toBe("Sunday 2025-04-06 10:00 America/New_York is not a trading day on XNYS (Sunday); day 0 is the next session, Monday 2025-04-07.");
    const tk = get("lutnick", "XTKS");
    expect([tk.day0_iso, tk.local_time, tk.session]).toEqual(["2025-04-07", "2025-04-06T23:00", "non-trading"]);
    expect(ny.event.speaker).toBe("Howard Lutnick"); // metadata carried
    expect(ny.day0).toBe(dayKeyFromIso("2025-04-07"));
  });

  it("the 10:11 ET Monday headline -> Monday on XNYS, Tuesday on XTKS", () => {
    const ny = get("headline", "XNYS");
    expect([ny.day0_iso, ny.session, ny.rule, ny.local_time]).toEqual(["2025-04-07", "regular", "regular-same-day", "2025-04-07T10:11"]);
    const tk = get("headline", "XTKS");
    expect([tk.day0_iso, tk.session, tk.rule, tk.local_time]).toEqual(["2025-04-08", "after-close", "after-close-next", "2025-04-07T23:11"]);
    expect(tk.instant_utc).toBe("2025-04-07T14:11:00.000Z");
  });

  it("Liberation Day, 2 April 16:15 ET (after the close) -> 3 April", () => {
    const ny = get("liberation", "XNYS");
    expect([ny.day0_iso, ny.session, ny.rule]).toEqual(["2025-04-03", "after-close", "after-close-next"]);
    const tk = get("liberation", "XTKS"); // 05:15 JST on Thursday: before Tokyo's open
    expect([tk.day0_iso, tk.session, tk.local_time]).toEqual(["2025-04-03", "pre-open", "2025-04-03T05:15"]);
  });

  it("the 00:01 ET tariff of 9 April -> 9 April on XNYS (pre-open) and XTKS (13:01 JST, in session)", () => {
    const ny = get("tariff", "XNYS");
    expect([ny.day0_iso, ny.session, ny.rule]).toEqual(["2025-04-09", "pre-open", "pre-open-same-day"]);
    const tk = get("tariff", "XTKS");
    expect([tk.day0_iso, tk.session, tk.local_time]).toEqual(["2025-04-09", "regular", "2025-04-09T13:01"]);
  });

  it("the 13:18 ET pause -> 9 April on XNYS, 10 April on XTKS (02:18 JST, before the open)", () => {
    expect(get("pause", "XNYS").day0_iso).toBe("2025-04-09");
    const tk = get("pause", "XTKS");
    expect([tk.day0_iso, tk.session, tk.local_time]).toEqual(["2025-04-10", "pre-open", "2025-04-10T02:18"]);
  });
});

describe("alignEvents: holidays, closures, early closes", () => {
  it("Good Friday 2025-04-18 -> Monday 2025-04-21, naming the holiday", () => {
    const r = one(ev("gf", "2025-04-18T11:00"), "XNYS");
    expect(r.day0_iso).toBe("2025-04-21");
    expect(r.reason).toContain("Good Friday");
  });

  it("the Carter closure 2025-01-09 -> 2025-01-10", () => {
    expect(one(ev("c", "2025-01-09T12:00"), "XNYS").day0_iso).toBe("2025-01-10");
    expect(one(ev("c", "2025-01-09"), "XNYS").day0_iso).toBe("2025-01-10");
  });

  it("13:30 ET on the day after Thanksgiving (13:00 early close) -> next session, class early-close", () => {
    const r = one(ev("bf", "2025-11-28T13:30"), "XNYS");
    expect([r.day0_iso, r.session, r.rule]).toEqual(["2025-12-01", "early-close", "early-close-next"]);
    expect(r.reason).toContain("13:00 early close");
    const before = one(ev("bf2", "2025-11-28T12:59"), "XNYS");
    expect([before.day0_iso, before.session]).toEqual(["2025-11-28", "regular"]);
    const late = one(ev("bf3", "2025-11-28T16:30"), "XNYS");
    expect([late.day0_iso, late.session]).toEqual(["2025-12-01", "after-close"]);
  });

  it("exactly 16:00:00 is after the close; 15:59:59 is in the session", () => {
    expect(one(ev("a", "2025-04-08T16:00:00"), "XNYS").day0_iso).toBe("2025-04-09");
    expect(one(ev("b", "2025-04-08T15:59:59"), "XNYS").day0_iso).toBe("2025-04-08");
    expect(one(ev("c", "2025-04-08T09:30"), "XNYS").session).toBe("regular");
    expect(one(ev("d", "2025-04-08T09:29"), "XNYS").session).toBe("pre-open");
  });

  it("a lunch break counts as the session day", () => {
    const r = one(ev("l", "2025-04-07T12:00", { timezone: "Asia/Tokyo" }), "XTKS");
    expect([r.day0_iso, r.session]).toEqual(["2025-04-07", "regular"]);
    expect(r.reason).toContain("lunch break");
  });

  it("uses Tokyo's 15:00 close before 2024-11-05 and 15:30 from then", () => {
    // after the 15:00 close of Friday 1 November; Monday 4 November is the substitute holiday of Culture Day (Sunday 3rd)
    const before = one(ev("t1", "2024-11-01T15:10", { timezone: "Asia/Tokyo" }), "XTKS");
    expect([before.session, before.day0_iso]).toEqual(["after-close", "2024-11-05"]);
    const after = one(ev("t2", "2024-11-05T15:10", { timezone: "Asia/Tokyo" }), "XTKS");
    expect([after.session, after.day0_iso]).toEqual(["regular", "2024-11-05"]);
  });

  it("date-only statements: that day if a session, else the next", () => {
    const a = one(ev("a", "2025-04-07"), "XNYS");
    expect([a.session, a.rule, a.day0_iso, a.local_time, a.instant_utc]).toEqual(["date-only", "date-only-same-day", "2025-04-07", "2025-04-07", null]);
    const b = one(ev("b", "2025-04-06"), "XNYS");
    expect([b.rule, b.day0_iso]).toEqual(["date-only-next", "2025-04-07"]);
    const c = one(ev("c", "2025-04-06"), "XNYS", { nonTrading: "previous" });
    expect([c.rule, c.day0_iso]).toEqual(["date-only-previous", "2025-04-04"]);
  });

  it("an explicit offset in the timestamp fixes the instant", () => {
    const r = one(ev("o", "2025-04-07T14:11Z", { timezone: "America/New_York" }), "XNYS");
    expect([r.timestamp, r.local_time, r.day0_iso]).toEqual(["2025-04-07T10:11", "2025-04-07T10:11", "2025-04-07"]);
  });
});

describe("alignEvents: DST", () => {
  it("a 09:15 ET statement on the Monday after the March shift is pre-open; Tokyo sees it one hour earlier than the week before", () => {
    // New York moved to EDT (UTC-4) on Sunday 2025-03-09; Japan has no DST (UTC+9).
    const after = alignEvents([ev("m", "2025-03-10T09:15")], ["XNYS", "XTKS"]).rows;
    expect([after[0]!.session, after[0]!.day0_iso]).toEqual(["pre-open", "2025-03-10"]);
    expect(after[1]!.local_time).toBe("2025-03-10T22:15");
    const before = alignEvents([ev("m", "2025-03-03T09:15")], ["XNYS", "XTKS"]).rows;
    expect(before[1]!.local_time).toBe("2025-03-03T23:15");
    expect(before[1]!.day0_iso).toBe("2025-03-04");
  });

  it("a statement from Tokyo at 23:00 JST maps to 10:00 EDT after the March shift (in session) and 09:00 EST before (pre-open)", () => {
    const tokyo = (ts: string) => ev("t", ts, { timezone: "Asia/Tokyo" });
    const march = one(tokyo("2025-03-10T23:00"), "XNYS");
    expect([march.local_time, march.session]).toEqual(["2025-03-10T10:00", "regular"]);
    const feb = one(tokyo("2025-03-03T23:00"), "XNYS");
    expect([feb.local_time, feb.session]).toEqual(["2025-03-03T09:00", "pre-open"]);
  });

  it("the autumn shifts: 15:30 London is 11:30 NY on 27 Oct 2025 (UK shifted, US not yet) and 10:30 NY on 3 Nov", () => {
    // US clocks went back on 2025-11-02, UK clocks on 2025-10-26. On 2025-10-27 London is UTC+0,
    // New York still UTC-4: 15:30 London = 11:30 NY. On 2025-11-03 both standard: 15:30 London = 10:30 NY.
    const oct = one(ev("x", "2025-10-27T15:30", { timezone: "Europe/London" }), "XNYS");
    expect(oct.local_time).toBe("2025-10-27T11:30");
    const nov = one(ev("x", "2025-11-03T15:30", { timezone: "Europe/London" }), "XNYS");
    expect(nov.local_time).toBe("2025-11-03T10:30");
    // And a 09:15 ET statement on 3 Nov is 23:15 JST (UTC-5 -> UTC+9), on Culture Day (a Tokyo holiday).
    const tk = one(ev("y", "2025-11-03T09:15"), "XTKS");
    expect([tk.local_time, tk.session, tk.day0_iso]).toEqual(["2025-11-03T23:15", "non-trading", "2025-11-04"]);
    expect(tk.reason).toContain("Culture Day");
  });

  it("rejects a nonexistent local time with NONEXISTENT_LOCAL_TIME naming the event", () => {
    expect(() => alignEvents([ev("ok", "2025-03-09T01:30"), ev("springgap", "2025-03-09T02:30")], "XNYS")).toThrow(
      expect.objectContaining({ code: "NONEXISTENT_LOCAL_TIME", message: expect.stringContaining("springgap") }),
    );
    const r = safeAlignEvents([ev("springgap", "2025-03-09T02:30")], "XNYS");
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ row: 1, column: "timestamp" });
  });

  it("resolves an ambiguous local time to the earlier instant, with a warning", () => {
    const r = alignEvents([ev("fallback", "2025-11-02T01:30")], "XTKS");
    // The earlier 01:30 is EDT (UTC-4) = 05:30 UTC = 14:30 JST on Sunday.
    expect(r.rows[0]!.instant_utc).toBe("2025-11-02T05:30:00.000Z");
    expect(r.rows[0]!.local_time).toBe("2025-11-02T14:30");
    const w = r.warnings.find((x) => x.code === "AMBIGUOUS_LOCAL_TIME");
    expect(w?.event_id).toBe("fallback");
    expect(w?.message).toContain("earlier instant");
  });
});

describe("alignEvents: nonTrading policy", () => {
  const sunday = ev("sun", "2025-04-06T10:00");
  it('"previous" takes the previous session', () => {
    const r = one(sunday, "XNYS", { nonTrading: "previous" });
    expect([r.rule, r.day0_iso]).toEqual(["non-trading-previous", "2025-04-04"]);
  });

  it('"drop" skips the event with a reason and a warning', () => {
    const r = alignEvents([sunday, ev("mon", "2025-04-07T10:00")], "XNYS", { nonTrading: "drop" });
    expect(r.rows.map((x) => x.id)).toEqual(["mon"]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ id: "sun", exchange: "XNYS", code: "NON_TRADING_DAY" });
    expect(r.skipped[0]!.reason).toContain("dropped");
    expect(r.warnings.map((w) => w.code)).toContain("EVENT_DROPPED");
  });

  it('"error" throws NON_TRADING_DAY naming every offending event', () => {
    const r = safeAlignEvents([sunday, ev("gf", "2025-04-18"), ev("mon", "2025-04-07T10:00")], "XNYS", { nonTrading: "error" });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("NON_TRADING_DAY");
      expect(r.error.issues.map((i) => i.row)).toEqual([1, 2]);
      expect(r.error.message).toContain("sun");
      expect(r.error.message).toContain("gf");
    }
  });

  it("rejects an unknown policy, exchange or malformed event", () => {
    expect(() => alignEvents([sunday], "XNYS", { nonTrading: "later" as never })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => alignEvents([sunday], "XXXX")).toThrow(expect.objectContaining({ code: "UNKNOWN_EXCHANGE" }));
    expect(() => alignEvents([ev("bad", "2025-02-30T10:00"), ev("tz", "2025-04-07T10:00", { timezone: "EST" })], "XNYS")).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        issues: [expect.objectContaining({ row: 1 }), expect.objectContaining({ row: 2, column: "timezone" })],
      }),
    );
  });
});

describe("alignEvents: rolled statements", () => {
  const events = [
    ev("sun", "2025-04-06T10:00"),
    ev("mon", "2025-04-07T10:00"),
    ev("sat", "2025-04-12T09:00"),
    ev("gf", "2025-04-18"),
    ev("sun2", "2025-04-13"),
  ];

  it("gives one warning per exchange naming every rolled statement in input order, the first three with their day 0", () => {
    const r = alignEvents(events, ["XNYS", "XTKS"]);
    expect(r.warnings).toEqual([
      {
        code: "ROLLED_TO_NEXT_SESSION",
        message:
          "XNYS: 4 statements fall outside a trading day; day 0 is the next session: sun (Sun 6 Apr 2025 → 7 Apr), sat (Sat 12 Apr 2025 → 14 Apr), gf (Fri 18 Apr 2025 → 21 Apr), … (rule and reason per statement: the rows)",
        exchange: "XNYS",
        count: 4,
        subjects: ["sun", "sat", "gf", "sun2"],
      },
      {
        code: "ROLLED_TO_NEXT_SESSION",
        message:
          "XTKS: 3 statements fall outside a trading day; day 0 is the next session: sun (Sun 6 Apr 2025 → 7 Apr), sat (Sat 12 Apr 2025 → 14 Apr), sun2 (Sun 13 Apr 2025 → 14 Apr) (rule and reason per statement: the rows)",
        exchange: "XTKS",
        count: 3,
        subjects: ["sun", "sat", "sun2"],
      },
    ]);
    // the reason of each rolled statement is in its row
    expect(r.rows.filter((x) => x.rule === "non-trading-next" || x.rule === "date-only-next").map((x) => `${x.id}/${x.exchange}`)).toEqual([
      "sun/XNYS",
      "sun/XTKS",
      "sat/XNYS",
      "sat/XTKS",
      "gf/XNYS",
      "sun2/XNYS",
      "sun2/XTKS",
    ]);
    expect(r.rows[0]!.reason).toBe(
      "Sunday 2025-04-06 10:00 America/New_York is not a trading day on XNYS (Sunday); day 0 is the next session, Monday 2025-04-07.",
    );
  });

  it("says previous under nonTrading: previous, one statement in the singular, the year of a day 0 in another year", () => {
    const r = alignEvents([ev("ny", "2026-01-01"), ev("mon", "2025-04-07T10:00")], "XNYS", { nonTrading: "previous" });
    expect(r.warnings).toEqual([
      {
        code: "ROLLED_TO_PREVIOUS_SESSION",
        message:
          "XNYS: 1 statement falls outside a trading day; day 0 is the previous session: ny (Thu 1 Jan 2026 → 31 Dec 2025) (rule and reason per statement: the rows)",
        exchange: "XNYS",
        count: 1,
        subjects: ["ny"],
      },
    ]);
    expect(alignEvents([ev("mon", "2025-04-07T10:00")], "XNYS").warnings).toEqual([]);
  });

  it("finds a row's text by its event index, whatever the caller's array or the row's event object becomes", () => {
    const input = [...events];
    const r = alignEvents(input, ["XNYS", "XTKS"]);
    const want = alignEvents(events, ["XNYS", "XTKS"]).rows.map((x) => plainAlignmentRow(x));
    input.reverse(); // the rows' texts are read after the caller reordered its array
    input[0] = { ...input[0]! };
    expect(r.rows.map((x) => plainAlignmentRow(x))).toEqual(want);
    expect(Object.keys(r.rows[0]!)).toEqual(Object.keys(want[0]!).filter((k) => k !== "local_time" && k !== "reason"));
  });
});

describe("alignEvents: rows made on first read", () => {
  const events = () => [
    ev("lutnick", "2025-04-06T10:00", { asset: "SPY" }),
    ev("pause", "2025-04-09 13:18"),
    ev("d", "2025-04-07"),
    ev("s", "2025-04-07T10:11:30"),
  ];

  it("keeps rows an ordinary field: first among the keys, the same array on every read, then a plain value", () => {
    const r = alignEvents(events(), ["XNYS", "XTKS"]);
    expect(Object.keys(r)).toEqual(["rows", "skipped", "warnings"]);
    expect(typeof Object.getOwnPropertyDescriptor(r, "rows")!.get).toBe("function");
    const rows = r.rows;
    expect(rows).toHaveLength(8);
    expect(r.rows).toBe(rows);
    const d = Object.getOwnPropertyDescriptor(r, "rows")!;
    expect(d.value).toBe(rows);
    expect(d.enumerable).toBe(true);
    const json = JSON.parse(JSON.stringify(r));
    expect(Object.keys(json)).toEqual(["rows", "skipped", "warnings"]);
    expect(json.rows).toEqual(rows.map((x) => JSON.parse(JSON.stringify(plainAlignmentRow(x)))));
    expect({ ...alignEvents(events(), "XNYS") }.rows).toHaveLength(4);
    const assigned = alignEvents(events(), "XNYS");
    assigned.rows.length; // read, then replace
    (assigned as { rows: unknown[] }).rows = [];
    expect(assigned.rows).toEqual([]);
    const early = alignEvents(events(), "XNYS");
    (early as { rows: unknown[] }).rows = ["mine"];
    expect(early.rows).toEqual(["mine"]);
    const frozen = Object.freeze(alignEvents(events(), "XNYS"));
    expect(frozen.rows).toHaveLength(4);
    expect(frozen.rows).toBe(frozen.rows);
    expect(structuredClone(Object.freeze(alignEvents(events(), "XNYS"))).rows).toHaveLength(4);
  });

  it("shows the events as they were given, whatever the caller changes before reading the rows", () => {
    const input = events();
    const want = alignEvents(events(), ["XNYS", "XTKS"]).rows.map((x) => plainAlignmentRow(x));
    const r = alignEvents(input, ["XNYS", "XTKS"]);
    const first = input[0]!;
    (first as { id: string }).id = "renamed";
    (first as { timezone: string }).timezone = "Asia/Tokyo";
    (first as { asset: string }).asset = "QQQ";
    input.pop();
    input.reverse();
    const got = r.rows.map((x) => plainAlignmentRow(x));
    expect(got.map((x) => ({ ...x, event: undefined }))).toEqual(want.map((x) => ({ ...x, event: undefined })));
    expect(got[0]!.event).toBe(first); // the caller's own object, as given
    expect(got.map((x) => x.id)).toEqual(["lutnick", "lutnick", "pause", "pause", "d", "d", "s", "s"]);
    expect(got[0]!.asset).toBe("SPY");
  });

  it("shows a timestamp as given when it is already YYYY-MM-DD or YYYY-MM-DDTHH:mm, else written in that form", () => {
    const rows = alignEvents(events(), "XNYS").rows;
    expect(rows.map((x) => x.timestamp)).toEqual(["2025-04-06T10:00", "2025-04-09T13:18", "2025-04-07", "2025-04-07T10:11:30"]);
    expect(one(ev("m", "2025-04-07T10:11:00"), "XNYS").timestamp).toBe("2025-04-07T10:11");
    expect(one(ev("dt", "2025-04-07T10:11", { precision: "date" }), "XNYS").timestamp).toBe("2025-04-07");
  });
});

describe("alignEvents: calendars and ranges", () => {
  it("flags approximate calendars in the row, the reason and one warning per exchange naming --calendar MIC=FILE", () => {
    const warsaw = { code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" } as const;
    const r = alignEvents([ev("a", "2025-04-07T10:00"), ev("b", "2025-04-08T10:00")], ["XNYS", "XLON", warsaw]);
    const war = r.rows.filter((x) => x.exchange === "XWAR");
    expect(war.every((x) => x.approximate && x.reason.includes("approximate"))).toBe(true);
    expect(r.rows.filter((x) => x.exchange !== "XWAR").every((x) => !x.approximate)).toBe(true);
    const w = r.warnings.filter((x) => x.code === "APPROXIMATE_CALENDAR");
    expect(w.map((x) => x.exchange)).toEqual(["XWAR"]);
    expect(w[0]!.message).toContain("--calendar XWAR=FILE");
  });

  it("uses the built-in rules of every exchange: the April 2025 closures", () => {
    // Shōwa Day in Tokyo, Ching Ming in Hong Kong and Shanghai, Easter Monday in Europe
    const r = alignEvents(
      [ev("d", "2025-04-29", { precision: "date" }), ev("c", "2025-04-04", { precision: "date" }), ev("e", "2025-04-21", { precision: "date" })],
      ["XTKS", "XHKG", "XSHG", "XLON", "XETR", "XPAR"],
    );
    const day0 = Object.fromEntries(r.rows.map((x) => [`${x.id}@${x.exchange}`, x.day0_iso]));
    expect(day0["d@XTKS"]).toBe("2025-04-30");
    expect(day0["c@XHKG"]).toBe("2025-04-07");
    expect(day0["c@XSHG"]).toBe("2025-04-07");
    for (const ex of ["XLON", "XETR", "XPAR"]) expect(day0[`e@${ex}`]).toBe("2025-04-22");
    expect(r.rows.every((x) => !x.approximate)).toBe(true);
  });

  it("uses a data calendar: Tokyo closed on a day absent from the data", () => {
    const days = ["2025-04-03", "2025-04-04", "2025-04-08", "2025-04-09"].map(dayKeyFromIso);
    const cal = calendarFromSeries(days, "XTKS");
    const r = one(ev("x", "2025-04-07T10:00", { timezone: "Asia/Tokyo" }), cal);
    expect(r.day0_iso).toBe("2025-04-08");
    expect(r.reason).toContain("no session in the data");
    expect(r.approximate).toBe(false);
  });

  it("skips events outside the calendar with DATE_OUT_OF_RANGE (or throws with strict)", () => {
    const days = ["2025-04-03", "2025-04-04"].map(dayKeyFromIso);
    const cal = calendarFromSeries(days, "XNYS");
    const r = alignEvents([ev("late", "2025-04-04T17:00"), ev("early", "2025-03-01")], cal);
    expect(r.rows).toEqual([]);
    expect(r.skipped.map((s) => [s.id, s.code])).toEqual([
      ["late", "DATE_OUT_OF_RANGE"],
      ["early", "DATE_OUT_OF_RANGE"],
    ]);
    expect(r.warnings.filter((w) => w.code === "DATE_OUT_OF_RANGE")).toHaveLength(2);
    expect(() => alignEvents([ev("late", "2025-04-04T17:00")], cal, { strict: true })).toThrow(expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }));
    expect(alignEvents([ev("old", "1985-09-27T10:00")], "XNYS").skipped[0]?.code).toBe("DATE_OUT_OF_RANGE");
  });

  it("rows are JSON round-trippable", () => {
    const r = alignEvents([ev("a", "2025-04-07T10:00")], "XNYS");
    // the text fields are read through getters: the JSON holds every field, as a plain copy does
    expect(JSON.parse(JSON.stringify(r))).toEqual({ ...r, rows: r.rows.map(plainAlignmentRow) });
    expect(Object.keys(JSON.parse(JSON.stringify(r.rows[0])))).toEqual(Object.keys(plainAlignmentRow(r.rows[0]!)));
  });
});

describe("alignEvents: properties", () => {
  const zones = ["America/New_York", "Asia/Tokyo", "Europe/London", "Australia/Sydney", "Pacific/Apia", "UTC"];
  it('with "next", day 0 is a session, on or after the statement\'s local date, and its close is after the statement', () => {
    const xnys = tradingCalendar("XNYS");
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom("XNYS", "XTKS", "XHKG", "XASX"),
        (ms, zone, code) => {
          const instant = Math.floor(ms / 60_000) * 60_000;
          const ts = new Date(instant).toISOString().slice(0, 16) + "Z";
          const r = alignEvents([{ id: "p", timestamp: ts, timezone: zone, precision: "minute" }], code);
          const row = r.rows[0]!;
          const cal = code === "XNYS" ? xnys : tradingCalendar(code);
          expect(cal.isSession(row.day0)).toBe(true);
          if (code === "XNYS") expect(isNyseTradingDay(row.day0)).toBe(true);
          const local = instantToLocal(instant, cal.exchange.timezone);
          expect(row.day0).toBeGreaterThanOrEqual(local.day);
          // The close of day 0 (on the exchange clock) comes after the statement.
          const closeKey = row.day0 * 1440 + cal.sessionClose(row.day0);
          expect(closeKey).toBeGreaterThan(local.day * 1440 + local.minute);
          // And no earlier session closes after the statement.
          const prev = cal.previousSession(row.day0);
          if (prev !== undefined) expect(prev * 1440 + cal.sessionClose(prev)).toBeLessThanOrEqual(local.day * 1440 + local.minute);
        },
      ),
      { numRuns: 300, seed: 20250407 },
    );
  });
});
