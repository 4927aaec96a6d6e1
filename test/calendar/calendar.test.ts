import { describe, expect, it } from "vitest";
import { calendarFromSeries, checkCalendar, tradingCalendar } from "../../src/calendar/calendar.js";
import { exchangeCodes, getExchange, sessionHoursOn, validateExchange } from "../../src/calendar/exchanges.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

const d = dayKeyFromIso;

describe("exchanges", () => {
  it("has the built-in MICs with IANA zones and hours", () => {
    expect(exchangeCodes()).toEqual(["XNYS", "XNAS", "XTKS", "XLON", "XETR", "XPAR", "XHKG", "XSHG", "XSHE", "XASX", "XTSE"]);
    expect(getExchange("xnas")).toMatchObject({ timezone: "America/New_York", open: "09:30", close: "16:00", holidays: "nyse" });
    expect(getExchange("XHKG")).toMatchObject({ timezone: "Asia/Hong_Kong", lunch: ["12:00", "13:00"] });
    expect(sessionHoursOn(getExchange("XTKS"), d("2024-11-04"))).toEqual({ open: 540, close: 900, lunchStart: 690, lunchEnd: 750 });
    expect(sessionHoursOn(getExchange("XTKS"), d("2024-11-05")).close).toBe(930);
    expect(sessionHoursOn(getExchange("XSHG"), d("2025-04-07"))).toEqual({ open: 570, close: 900, lunchStart: 690, lunchEnd: 780 });
  });

  it("rejects unknown codes and malformed Exchange objects", () => {
    expect(() => getExchange("XYZ")).toThrow(expect.objectContaining({ code: "UNKNOWN_EXCHANGE", message: expect.stringContaining("XNYS") }));
    const base = { code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" } as const;
    expect(validateExchange(base)).toBe(base);
    expect(() => validateExchange({ ...base, timezone: "CET+1" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => validateExchange({ ...base, close: "08:00" })).toThrow(/exchange.close/);
    expect(() => validateExchange({ ...base, lunch: ["12:00", "18:00"] })).toThrow(/exchange.lunch/);
  });
});

describe("tradingCalendar", () => {
  const cal = tradingCalendar("XNYS");
  it("navigates sessions by binary search", () => {
    expect(cal.source).toBe("rules");
    expect(cal.approximate).toBe(false);
    expect(isoFromDayKey(cal.days[0]!)).toBe("1990-01-02");
    expect(isoFromDayKey(cal.nextSession(d("2025-04-17"))!)).toBe("2025-04-21");
    expect(isoFromDayKey(cal.previousSession(d("2025-04-21"))!)).toBe("2025-04-17");
    expect(isoFromDayKey(cal.sessionOnOrAfter(d("2025-04-19"))!)).toBe("2025-04-21");
    expect(isoFromDayKey(cal.sessionOnOrBefore(d("2025-04-19"))!)).toBe("2025-04-17");
    expect(cal.sessionOnOrAfter(d("2025-04-17"))).toBe(d("2025-04-17"));
    expect(cal.indexOf(d("2025-04-18"))).toBe(-1);
    expect(cal.days[cal.indexOf(d("2025-04-17"))]).toBe(d("2025-04-17"));
    expect(cal.nextSession(d("2099-12-31"))).toBeUndefined();
    expect(cal.previousSession(d("1990-01-02"))).toBeUndefined();
    expect(cal.closedReason(d("2025-04-18"))).toBe("Good Friday");
    expect(cal.closedReason(d("2025-04-19"))).toBe("Saturday");
    expect(cal.sessionClose(d("2025-12-24"))).toBe(780);
    expect(cal.earlyCloseName(d("2025-12-24"))).toBe("Christmas Eve");
  });

  it("is cached per built-in exchange", () => {
    expect(tradingCalendar("XNYS")).toBe(cal);
    expect(tradingCalendar("XNAS").days).toBe(cal.days);
  });

  it("is weekdays-only and approximate for exchanges without rules", () => {
    const lon = tradingCalendar("XLON");
    expect(lon.approximate).toBe(true);
    expect(lon.source).toBe("weekdays");
    expect(lon.isSession(d("2025-04-18"))).toBe(true);
    expect(lon.isSession(d("2025-04-19"))).toBe(false);
  });
});

describe("calendarFromSeries and checkCalendar", () => {
  const days = ["2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07", "2025-04-08"].map(d);
  it("takes sessions from data and checks them against the NYSE rules", () => {
    const cal = calendarFromSeries(days, "XTKS");
    expect(cal.first).toBe(d("2025-04-02"));
    expect(cal.last).toBe(d("2025-04-08"));
    expect(cal.approximate).toBe(false);
    expect(checkCalendar(tradingCalendar("XNYS"), days)).toEqual({
      from: "2025-04-02",
      to: "2025-04-08",
      missing: [],
      extra: [],
      outside: [],
      ok: true,
    });
  });

  it("reports missing and extra days", () => {
    const bad = ["2025-04-16", "2025-04-18", "2025-04-22"].map(d); // 17 and 21 missing, Good Friday extra
    const r = checkCalendar(tradingCalendar("XNYS"), bad);
    expect(r.missing).toEqual(["2025-04-17", "2025-04-21"]);
    expect(r.extra).toEqual(["2025-04-18"]);
    expect(r.ok).toBe(false);
    const series = { id: "s", days: Int32Array.from(days), values: new Float64Array(days.length), kind: "price" as const };
    expect(checkCalendar(tradingCalendar("XNAS"), series).ok).toBe(true);
  });

  it("rejects unsorted or empty days", () => {
    expect(() => calendarFromSeries([d("2025-04-03"), d("2025-04-02")], "XNYS")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => calendarFromSeries([], "XNYS")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
