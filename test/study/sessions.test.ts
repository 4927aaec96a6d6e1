import { describe, expect, it } from "vitest";
import { calendarFromSeries, eventStudy, tradingCalendar, validateExchange, type MarketEvent, type Series } from "../../src/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";

const d = dayKeyFromIso;

/** A price series on the given days: a deterministic wiggle around 100. */
function prices(id: string, days: readonly number[]): Series {
  let p = 100;
  const values = Float64Array.from(days, (_x, i) => (p *= 1 + 0.01 * Math.sin(1.7 * i + id.length)));
  return { id, kind: "price", days: Int32Array.from(days), values };
}

function sessions(mic: string, from: string, to: string): number[] {
  return [...tradingCalendar(mic).days].filter((x) => x >= d(from) && x <= d(to));
}

const pause: MarketEvent = { id: "E34", timestamp: "2025-04-09T13:18", timezone: "America/New_York", precision: "minute" };

describe("eventStudy: data and built-in rules together", () => {
  it("keeps the XTKS sessions, reports a session without a row as missing data and a row on a holiday, in one warning", () => {
    const days = sessions("XTKS", "2024-01-04", "2025-06-30").filter((x) => x !== d("2024-06-12") && x !== d("2024-06-13"));
    days.push(d("2024-04-29")); // Shōwa Day
    days.sort((a, b) => a - b);
    const nikkei = prices("N225", days);
    const study = eventStudy({ assets: [nikkei], events: [pause], exchange: "XTKS", model: "constant-mean", windows: [[0, 0]], contamination: "keep" });
    const w = study.warnings.filter((x) => x.code === "DATA_CALENDAR_MISMATCH");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("2 XTKS sessions have no row (treated as missing data, not as holidays): 2024-06-12, 2024-06-13");
    expect(w[0]!.message).toContain("2024-04-29 Shōwa Day");
    expect(w[0]!.message).not.toContain("was --exchange");
    expect(study.warnings.some((x) => x.code === "SESSIONS_FROM_DATA")).toBe(false);
    // day 0 of the 9 April statement (13:18 New York = 02:18 on 10 April in Tokyo) is 10 April
    expect(study.models[0]!.day0).toBe("2025-04-10");
    // 240 estimation sessions, of which three returns are missing (12 June, 13 June, and 14 June whose previous price is missing)
    expect(study.models[0]!.n).toBe(237);
    expect(study.provenance!.calendars[0]).toMatchObject({ exchange: "XTKS", source: "rules", edition: 2026, projected_after: "2026-12-31" });
  });

  it("gives every asset on a shared day array its own warning (the comparison is made once per array), and none to an asset whose days agree", () => {
    const days = Int32Array.from(sessions("XTKS", "2024-01-04", "2025-06-30").filter((x) => x !== d("2024-06-12")));
    const values = prices("A", [...days]).values;
    const shared: Series[] = ["A", "B"].map((id) => ({ id, kind: "price", days, values }));
    const clean = prices("C", sessions("XTKS", "2024-01-04", "2025-06-30"));
    const study = eventStudy({
      assets: [...shared, clean],
      events: [pause],
      exchange: "XTKS",
      model: "constant-mean",
      windows: [[0, 0]],
      contamination: "keep",
    });
    const w = study.warnings.filter((x) => x.code === "DATA_CALENDAR_MISMATCH");
    expect(w.map((x) => x.asset)).toEqual(["A", "B"]);
    expect(w[0]!.message).toBe(
      "asset A, 2024-01-04 to 2025-06-30: its days disagree with the built-in XTKS calendar: 1 XTKS session has no row (treated as missing data, not as holidays): 2024-06-12",
    );
    expect(w[1]!.message).toBe(w[0]!.message.replace("asset A,", "asset B,"));
  });

  it("names a better-matching exchange when the data contradicts the rules on many days", () => {
    const spx = prices("SPX", sessions("XNYS", "2024-01-02", "2025-06-30"));
    const study = eventStudy({ assets: [spx], events: [pause], exchange: "XTKS", model: "constant-mean", windows: [[0, 0]] });
    const w = study.warnings.filter((x) => x.code === "DATA_CALENDAR_MISMATCH");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("was --exchange XNYS meant?");
  });

  it("takes the sessions of an exchange without rules from the data of the assets listed on it, and says so once", () => {
    const warsaw = validateExchange({ code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" });
    // Warsaw is closed on Easter Monday (2025-04-21) and 1 and 3 May; both assets lack those days
    const closed = new Set(["2024-04-01", "2024-05-01", "2024-05-03", "2025-04-21", "2025-05-01"].map(d));
    const days = sessions("XLON", "2024-01-02", "2025-06-30").filter((x) => !closed.has(x));
    const a = prices("WIG20", days);
    const b = prices(
      "PKO",
      days.filter((x) => x !== d("2025-02-03")),
    ); // one gap in one asset only
    const study = eventStudy({ assets: [a, b], events: [pause], exchange: warsaw, model: "constant-mean", windows: [[0, 0]] });
    const w = study.warnings.filter((x) => x.code === "SESSIONS_FROM_DATA");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("XWAR has no built-in holiday rules");
    expect(w[0]!.message).toContain("--calendar XWAR=FILE");
    expect(study.warnings.some((x) => x.code === "APPROXIMATE_CALENDAR")).toBe(false);
    expect(study.provenance!.calendars.map((c) => [c.exchange, c.source])).toEqual([["XWAR", "data"]]);
    // the gap of one asset stays a gap (missing data), not a holiday: the union of the days is the calendar
    expect(study.models.map((m) => m.n)).toEqual([240, 238]);
  });
});

describe("eventStudy: statements after a calendar's edition", () => {
  it("warns once per exchange that the sessions are projected, not for a calendar from data", () => {
    const days = sessions("XHKG", "2026-01-02", "2027-06-30");
    const hsi = prices("HSI", days);
    const late: MarketEvent[] = [
      { id: "L1", timestamp: "2027-03-02", timezone: "Asia/Hong_Kong", precision: "date" },
      { id: "L2", timestamp: "2027-03-09", timezone: "Asia/Hong_Kong", precision: "date" },
    ];
    const study = eventStudy({ assets: [hsi], events: late, exchange: "XHKG", model: "constant-mean", windows: [[0, 0]], estimation: [-200, -11] });
    const w = study.warnings.filter((x) => x.code === "PROJECTED_CALENDAR");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("2 statements on XHKG fall after 2026");
    const fromData = eventStudy({
      assets: [hsi],
      events: late,
      exchange: calendarFromSeries(hsi, "XHKG"),
      model: "constant-mean",
      windows: [[0, 0]],
      estimation: [-200, -11],
    });
    expect(fromData.warnings.some((x) => x.code === "PROJECTED_CALENDAR")).toBe(false);
  });
});
