import { describe, expect, it } from "vitest";
import { isNyseTradingDay, nyseCloseMinute, nyseEarlyCloses, nyseHolidays, nyseOpenMinute, nyseTradingDays } from "../../src/calendar/nyse.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";

const d = dayKeyFromIso;

// Full-day NYSE closures falling on weekdays, per year, derived by hand from the rules
// (not from this code): 8 rule holidays before 1998, + MLK from 1998, + Juneteenth from 2022;
// minus one in years whose 1 January is a Saturday (1994, 2000, 2005, 2011, 2022, 2028: not
// observed); plus special closures (1994 Nixon 1; 2001 Sept 11-14 4; 2004 Reagan 1;
// 2007 Ford 1; 2012 Sandy 2; 2018 Bush 1; 2025 Carter 1).
const HOLIDAY_COUNTS: Record<number, number> = {
  1990: 8,
  1991: 8,
  1992: 8,
  1993: 8,
  1994: 8,
  1995: 8,
  1996: 8,
  1997: 8,
  1998: 9,
  1999: 9,
  2000: 8,
  2001: 13,
  2002: 9,
  2003: 9,
  2004: 10,
  2005: 8,
  2006: 9,
  2007: 10,
  2008: 9,
  2009: 9,
  2010: 9,
  2011: 8,
  2012: 11,
  2013: 9,
  2014: 9,
  2015: 9,
  2016: 9,
  2017: 9,
  2018: 10,
  2019: 9,
  2020: 9,
  2021: 9,
  2022: 9,
  2023: 10,
  2024: 10,
  2025: 11,
  2026: 10,
  2027: 10,
  2028: 9,
  2029: 10,
  2030: 10,
};

// Dates worked out by hand from a perpetual calendar for a sample of years.
const HOLIDAY_DATES: Record<number, string[]> = {
  1994: ["1994-02-21", "1994-04-01", "1994-04-27", "1994-05-30", "1994-07-04", "1994-09-05", "1994-11-24", "1994-12-26"],
  2001: [
    "2001-01-01",
    "2001-01-15",
    "2001-02-19",
    "2001-04-13",
    "2001-05-28",
    "2001-07-04",
    "2001-09-03",
    "2001-09-11",
    "2001-09-12",
    "2001-09-13",
    "2001-09-14",
    "2001-11-22",
    "2001-12-25",
  ],
  2012: [
    "2012-01-02",
    "2012-01-16",
    "2012-02-20",
    "2012-04-06",
    "2012-05-28",
    "2012-07-04",
    "2012-09-03",
    "2012-10-29",
    "2012-10-30",
    "2012-11-22",
    "2012-12-25",
  ],
  2022: ["2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"],
  2025: [
    "2025-01-01",
    "2025-01-09",
    "2025-01-20",
    "2025-02-17",
    "2025-04-18",
    "2025-05-26",
    "2025-06-19",
    "2025-07-04",
    "2025-09-01",
    "2025-11-27",
    "2025-12-25",
  ],
  2026: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"],
};

describe("nyseHolidays(year)", () => {
  it("counts the weekday closures of every year 1990-2030 as in the hand-derived table", () => {
    const counted: Record<number, number> = {};
    for (let y = 1990; y <= 2030; y++) counted[y] = nyseHolidays(y).length;
    expect(counted).toEqual(HOLIDAY_COUNTS);
  });

  it.each(Object.entries(HOLIDAY_DATES))("lists the closures of %s", (year, dates) => {
    expect(nyseHolidays(Number(year)).map((c) => c.date)).toEqual(dates);
  });

  it("never lists a weekend and agrees with isNyseTradingDay", () => {
    for (let y = 1990; y <= 2099; y++) {
      for (const c of nyseHolidays(y)) {
        const w = new Date(c.day * 86_400_000).getUTCDay();
        expect(w).not.toBe(0);
        expect(w).not.toBe(6);
        expect(isNyseTradingDay(c.day)).toBe(false);
      }
    }
  });

  it("does not observe a Saturday New Year's Day on the Friday before", () => {
    for (const iso of ["1993-12-31", "1999-12-31", "2004-12-31", "2010-12-31", "2021-12-31", "2027-12-31"]) {
      expect(isNyseTradingDay(d(iso)), iso).toBe(true);
    }
    expect(isNyseTradingDay(d("2017-01-02"))).toBe(false); // Sunday 1 Jan -> Monday
    expect(isNyseTradingDay(d("2023-01-02"))).toBe(false);
  });

  it("starts MLK day in 1998 and Juneteenth in 2022, and observes Saturday/Sunday holidays", () => {
    expect(isNyseTradingDay(d("1997-01-20"))).toBe(true); // third Monday, before 1998
    expect(isNyseTradingDay(d("1998-01-19"))).toBe(false);
    expect(isNyseTradingDay(d("2021-06-18"))).toBe(true); // Juneteenth not yet an NYSE holiday
    expect(isNyseTradingDay(d("2022-06-20"))).toBe(false); // Sunday 19 June 2022 -> Monday
    expect(isNyseTradingDay(d("2027-06-18"))).toBe(false); // Saturday 19 June 2027 -> Friday
    expect(isNyseTradingDay(d("2020-07-03"))).toBe(false); // Saturday 4 July -> Friday
    expect(isNyseTradingDay(d("2021-07-05"))).toBe(false); // Sunday 4 July -> Monday
    expect(isNyseTradingDay(d("2021-12-24"))).toBe(false); // Saturday Christmas -> Friday
  });

  it("includes the special closures since 1990 and names them", () => {
    const special = [];
    for (let y = 1990; y <= 2030; y++)
      special.push(
        ...nyseHolidays(y)
          .filter((c) => c.kind === "special")
          .map((c) => c.date),
      );
    expect(special).toEqual([
      "1994-04-27",
      "2001-09-11",
      "2001-09-12",
      "2001-09-13",
      "2001-09-14",
      "2004-06-11",
      "2007-01-02",
      "2012-10-29",
      "2012-10-30",
      "2018-12-05",
      "2025-01-09",
    ]);
    expect(nyseHolidays(2025).find((c) => c.date === "2025-01-09")?.name).toMatch(/Carter/);
  });

  it("throws DATE_OUT_OF_RANGE outside 1990-2099", () => {
    expect(() => nyseHolidays(1989)).toThrow(expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }));
    expect(() => nyseHolidays(2100)).toThrow(expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }));
    expect(() => isNyseTradingDay(d("1989-12-29"))).toThrow(expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }));
    expect(() => nyseTradingDays(d("2099-12-01"), d("2100-01-05"))).toThrow(expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }));
  });
});

describe("nyseTradingDays(from, to)", () => {
  it("lists April 2025 sessions (Good Friday closed)", () => {
    const days = [...nyseTradingDays(d("2025-04-14"), d("2025-04-22"))].map(isoFromDayKey);
    expect(days).toEqual(["2025-04-14", "2025-04-15", "2025-04-16", "2025-04-17", "2025-04-21", "2025-04-22"]);
  });

  it("is inclusive, ascending, and empty for a reversed range", () => {
    const days = nyseTradingDays(d("2025-01-08"), d("2025-01-10"));
    expect([...days].map(isoFromDayKey)).toEqual(["2025-01-08", "2025-01-10"]);
    expect(nyseTradingDays(d("2025-01-10"), d("2025-01-08")).length).toBe(0);
  });

  it("returns a copy that callers may mutate", () => {
    const a = nyseTradingDays(d("2025-01-02"), d("2025-01-03"));
    a[0] = 0;
    expect(nyseTradingDays(d("2025-01-02"), d("2025-01-03"))[0]).toBe(d("2025-01-02"));
  });

  it("counts 250 sessions in 2025 and 252 in 2024 (weekdays minus weekday holidays)", () => {
    // 2025: 261 weekdays - 11 closures = 250; 2024: 262 weekdays - 10 = 252.
    expect(nyseTradingDays(d("2025-01-01"), d("2025-12-31")).length).toBe(250);
    expect(nyseTradingDays(d("2024-01-01"), d("2024-12-31")).length).toBe(252);
  });
});

describe("nyseEarlyCloses(year)", () => {
  const dates = (y: number) => nyseEarlyCloses(y).map((e) => e.date);
  it("has the 13:00 closes of 2025, 2019, 2020, 2002 and 2003", () => {
    expect(dates(2025)).toEqual(["2025-07-03", "2025-11-28", "2025-12-24"]);
    expect(dates(2019)).toEqual(["2019-07-03", "2019-11-29", "2019-12-24"]); // Wednesday 3 July from 2013
    expect(dates(2020)).toEqual(["2020-11-27", "2020-12-24"]); // 3 July 2020 was the observed holiday
    expect(dates(2002)).toEqual(["2002-07-05", "2002-11-29", "2002-12-24"]); // Friday after a Thursday 4 July, pre-2013
    expect(dates(2003)).toEqual(["2003-07-03", "2003-11-28", "2003-12-24", "2003-12-26"]);
    for (const y of [2002, 2003, 2019, 2020, 2025]) for (const e of nyseEarlyCloses(y)) expect(e.close).toBe(780);
  });

  it("has no day-after-Thanksgiving early close before 1992 and 14:00 closes in 1990-1992", () => {
    expect(nyseEarlyCloses(1991).map((e) => [e.date, e.close])).toEqual([["1991-12-24", 840]]);
    expect(nyseEarlyCloses(1992).map((e) => [e.date, e.close])).toEqual([
      ["1992-11-27", 840],
      ["1992-12-24", 840],
    ]);
  });

  it("gives the session close and open in minutes", () => {
    expect(nyseCloseMinute(d("2025-11-28"))).toBe(13 * 60);
    expect(nyseCloseMinute(d("2025-11-26"))).toBe(16 * 60);
    expect(nyseCloseMinute(d("2025-11-27"))).toBeNaN();
    expect(nyseCloseMinute(d("1997-10-27"))).toBe(15 * 60 + 30);
    expect(nyseOpenMinute(d("2025-04-07"))).toBe(9 * 60 + 30);
    expect(nyseOpenMinute(d("2002-09-11"))).toBe(12 * 60);
  });
});
