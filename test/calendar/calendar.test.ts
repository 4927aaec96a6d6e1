import { describe, expect, it } from "vitest";
import { calendarFromSeries, checkCalendar, tradingCalendar } from "../../src/calendar/calendar.js";
import { exchangeCodes, getExchange, sessionHoursOn, validateExchange } from "../../src/calendar/exchanges.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

const d = dayKeyFromIso;

describe("exchanges", () => {
  it("has the built-in MICs with IANA zones and hours", () => {
    expect(exchangeCodes()).toEqual([
      "XNYS",
      "XNAS",
      "XTKS",
      "XLON",
      "XETR",
      "XPAR",
      "XHKG",
      "XSHG",
      "XSHE",
      "XASX",
      "XTSE",
      "XKRX",
      "XTAI",
      "XMIL",
      "XTAE",
      "XSWX",
      "XBOM",
      "XSES",
      "BVMF",
      "XMEX",
      "XAMS",
      "XMAD",
      "XJSE",
      "XIST",
    ]);
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

  it("is weekdays-only and approximate for an exchange without rules", () => {
    const warsaw = validateExchange({ code: "XWAR", name: "Warsaw", timezone: "Europe/Warsaw", open: "09:00", close: "17:00", holidays: "none" });
    const war = tradingCalendar(warsaw);
    expect(war.approximate).toBe(true);
    expect(war.source).toBe("weekdays");
    expect(war.edition).toBeUndefined();
    expect(war.isSession(d("2025-04-18"))).toBe(true);
    expect(war.isSession(d("2025-04-19"))).toBe(false);
  });

  it("has built-in rules for London: Good Friday closed, Christmas Eve a half day", () => {
    const lon = tradingCalendar("XLON");
    expect(lon.approximate).toBe(false);
    expect(lon.source).toBe("rules");
    expect(lon.closedReason(d("2025-04-18"))).toBe("Good Friday");
    expect(lon.sessionClose(d("2025-12-24"))).toBe(12 * 60 + 30);
    expect(lon.edition).toBe(2026);
    expect(lon.isProjected(d("2026-12-31"))).toBe(false);
    expect(lon.isProjected(d("2027-01-04"))).toBe(true);
  });

  it("an Exchange object may reuse a built-in rule set and rejects an unknown one", () => {
    const venue = validateExchange({ code: "XLVN", name: "A London venue", timezone: "Europe/London", open: "08:00", close: "16:30", holidays: "XLON" });
    expect(tradingCalendar(venue).isSession(d("2025-04-21"))).toBe(false);
    expect(() => validateExchange({ ...venue, holidays: "XXXX" })).toThrow(/exchange.holidays/);
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

describe("dated tables and extra sessions", () => {
  it("BSE: a Saturday session from the extra sessions, festival holidays from the dated table", () => {
    const bse = tradingCalendar("XBOM");
    expect([bse.isSession(d("2025-02-01")), bse.specialHoursName(d("2025-02-01")), bse.sessionClose(d("2025-02-01"))]).toEqual([
      true,
      "Special Saturday session",
      930,
    ]);
    expect(bse.isSession(d("2025-02-08"))).toBe(false); // an ordinary Saturday
    expect(bse.closedReason(d("2025-10-21"))).toBe("BSE trading holiday (festival or special closure)"); // Diwali Laxmi Pujan
    expect(isoFromDayKey(bse.nextSession(d("2025-10-20"))!)).toBe("2025-10-23");
  });

  it("Singapore: Hari Raya Puasa 2016 on the gazetted day, not the tabular one; Vesak Day 2025", () => {
    const sgx = tradingCalendar("XSES");
    expect([sgx.closedReason(d("2016-07-06")), sgx.isSession(d("2016-07-07"))]).toEqual(["Hari Raya Puasa", true]);
    expect(sgx.closedReason(d("2025-05-12"))).toBe("Vesak Day");
  });

  it("Istanbul: the 2023 earthquake closure, the Ramadan Feast 2025 on the Diyanet's dates with its eve a half day", () => {
    const bist = tradingCalendar("XIST");
    expect(bist.closedReason(d("2023-02-10"))).toBe("Closure after the 6 February 2023 earthquakes");
    expect([bist.closedReason(d("2025-03-31")), bist.closedReason(d("2025-04-01")), bist.isSession(d("2025-04-02"))]).toEqual([
      "Ramadan Feast",
      "Ramadan Feast",
      true,
    ]);
    expect([bist.sessionClose(d("2025-03-28")), bist.earlyCloseName(d("2025-03-28"))]).toEqual([18 * 60, undefined]); // eve on Saturday 29 March
  });
});
