import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dayKey,
  dayKeyFromIso,
  isoFromDayKey,
  dayOfWeek,
  easterSunday,
  nthWeekdayOfMonth,
  localToInstant,
  instantToLocal,
  isValidTimeZone,
  parseTimestamp,
  parseDate,
  formatLocalTime,
} from "../src/time/index.js";
import { uniqueInstantReader, zoneOffsetReader } from "../src/time/zone.js";
import { tzOffset } from "@date-fns/tz";

describe("day keys", () => {
  it("dayKey(1970, 1, 1) is 0 and dayKey(2025, 4, 7) is 20185", () => {
    expect(dayKey(1970, 1, 1)).toBe(0);
    expect(dayKey(2025, 4, 7)).toBe(20185);
    expect(dayKey(1969, 12, 31)).toBe(-1);
  });
  it("dayKey rejects impossible dates", () => {
    expect(dayKey(2025, 2, 29)).toBeNaN();
    expect(dayKey(2024, 2, 29)).toBe(dayKeyFromIso("2024-02-29"));
    expect(dayKey(2025, 2, 30)).toBeNaN();
    expect(dayKey(2025, 13, 1)).toBeNaN();
    expect(dayKey(2025, 0, 1)).toBeNaN();
    expect(dayKeyFromIso("2025-04-31")).toBeNaN();
    expect(dayKeyFromIso("2025-4-1")).toBeNaN();
  });
  it("dayKey agrees with the JavaScript Date's proleptic Gregorian calendar for years -1000 to 10000", () => {
    const byDate = (y: number, m: number, d: number): number => {
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      return t.getTime() / 86_400_000;
    };
    for (const y of [-1000, -401, -400, -1, 0, 1, 99, 100, 1582, 1600, 1899, 1900, 1970, 2000, 2024, 2100, 2400, 9999]) {
      for (let m = 1; m <= 12; m++)
        for (const d of [1, 28, m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30]) expect(dayKey(y, m, d)).toBe(byDate(y, m, d));
    }
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 10000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(dayKey(y, m, d)).toBe(byDate(y, m, d));
      }),
    );
  });
  it("dayOfWeek(2025-04-06) is Sunday", () => {
    expect(dayOfWeek(dayKeyFromIso("2025-04-06"))).toBe(0);
    expect(dayOfWeek(dayKeyFromIso("2025-04-07"))).toBe(1);
    expect(dayOfWeek(dayKeyFromIso("1969-12-31"))).toBe(3);
  });
  it("isoFromDayKey(dayKeyFromIso(s)) round-trips every date 1900–2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayKey(1900, 1, 1), max: dayKey(2100, 12, 31) }), (k) => {
        expect(dayKeyFromIso(isoFromDayKey(k))).toBe(k);
      }),
    );
  });
  it("easterSunday matches known dates", () => {
    expect(isoFromDayKey(easterSunday(2025))).toBe("2025-04-20");
    expect(isoFromDayKey(easterSunday(2024))).toBe("2024-03-31");
    expect(isoFromDayKey(easterSunday(2000))).toBe("2000-04-23");
    expect(isoFromDayKey(easterSunday(1990))).toBe("1990-04-15");
    expect(isoFromDayKey(easterSunday(2030))).toBe("2030-04-21");
  });
  it("nthWeekdayOfMonth finds MLK day and Memorial Day", () => {
    expect(isoFromDayKey(nthWeekdayOfMonth(2025, 1, 1, 3))).toBe("2025-01-20");
    expect(isoFromDayKey(nthWeekdayOfMonth(2025, 5, 1, -1))).toBe("2025-05-26");
    expect(isoFromDayKey(nthWeekdayOfMonth(2025, 11, 4, 4))).toBe("2025-11-27");
  });
});

describe("time zones", () => {
  it("isValidTimeZone accepts IANA names and rejects others", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/New_Yrok")).toBe(false);
    expect(isValidTimeZone("EST")).toBe(false);
    expect(isValidTimeZone("+05:00")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
  it("localToInstant maps 10:11 New York time on 2025-04-07 to 14:11 UTC", () => {
    const r = localToInstant({ day: dayKeyFromIso("2025-04-07"), minute: 611 }, "America/New_York");
    expect(r.status).toBe("unique");
    expect(new Date(r.instant).toISOString()).toBe("2025-04-07T14:11:00.000Z");
  });
  it("localToInstant flags 2025-03-09 02:30 New York as nonexistent", () => {
    const r = localToInstant({ day: dayKeyFromIso("2025-03-09"), minute: 150 }, "America/New_York");
    expect(r.status).toBe("nonexistent");
    expect(r.instant).toBeNaN();
  });
  it("localToInstant resolves 2025-11-02 01:30 New York to the first (EDT) occurrence", () => {
    const r = localToInstant({ day: dayKeyFromIso("2025-11-02"), minute: 90 }, "America/New_York");
    expect(r.status).toBe("ambiguous");
    expect(new Date(r.instant).toISOString()).toBe("2025-11-02T05:30:00.000Z");
    expect(new Date(r.laterInstant!).toISOString()).toBe("2025-11-02T06:30:00.000Z");
  });
  it("zoneOffsetReader gives the zone database's offset at every instant: DST changes, before 1970, after its table's last day", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo"];
    const instants = [
      Date.UTC(2025, 2, 9, 6, 59),
      Date.UTC(2025, 2, 9, 7, 0),
      Date.UTC(2025, 10, 2, 5, 59),
      Date.UTC(2025, 10, 2, 6, 0),
      Date.UTC(2025, 3, 6, 15, 59, 59, 999),
      Date.UTC(1969, 11, 31, 23, 0),
      Date.UTC(1950, 6, 1, 12, 0),
      Date.UTC(1970, 0, 1, 0, 0),
      Date.UTC(2249, 11, 31, 12, 0),
      Date.UTC(2250, 0, 1, 12, 0),
      Date.UTC(2400, 6, 1, 12, 0),
    ];
    for (const zone of zones) {
      const read = zoneOffsetReader(zone);
      for (const t of [...instants, ...instants]) expect(read(t), `${zone} ${new Date(t).toISOString()}`).toBe(tzOffset(zone, new Date(t)));
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        expect(zoneOffsetReader(zone)(t)).toBe(tzOffset(zone, new Date(t)));
      }),
      { seed: 2121, numRuns: 2000 },
    );
  });
  it("uniqueInstantReader gives localToInstant's instant for every unique local time and NaN near a transition", () => {
    // zones with DST at 02:00, 01:00 and 00:00 local, a 30-minute DST (Lord Howe), a changed
    // rule (Sao Paulo stopped DST in 2019) and a skipped calendar day (Apia, 30 Dec 2011)
    const zones = ["America/New_York", "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Tokyo"];
    const minutes = [0, 30, 59.5, 60, 90, 120, 150, 180, 570, 960, 1439];
    let unique = 0;
    let other = 0;
    for (const zone of zones) {
      const read = uniqueInstantReader(zone);
      for (let day = dayKey(2010, 1, 1); day <= dayKey(2026, 12, 31); day++) {
        for (const minute of minutes) {
          const want = localToInstant({ day, minute }, zone);
          const got = read(day, minute);
          if (Number.isNaN(got)) {
            // NaN is allowed only within a day of a transition, where the general path decides
            const near = zoneOffsetReader(zone)((day - 1) * 86_400_000) !== zoneOffsetReader(zone)((day + 2) * 86_400_000);
            expect(near || want.status !== "unique", `${zone} ${isoFromDayKey(day)} ${minute}`).toBe(true);
            other++;
          } else {
            expect(want, `${zone} ${isoFromDayKey(day)} ${minute}`).toEqual({ instant: got, status: "unique" });
            unique++;
          }
        }
      }
    }
    expect(unique).toBeGreaterThan(400_000);
    expect(other).toBeGreaterThan(1_000);
  });
  it("instantToLocal inverts localToInstant in Tokyo", () => {
    const ms = Date.UTC(2025, 3, 7, 14, 11);
    const local = instantToLocal(ms, "Asia/Tokyo");
    expect(formatLocalTime(local)).toBe("2025-04-07T23:11");
  });
});

describe("timestamps and dates", () => {
  it("parseTimestamp reads dates, minutes, seconds and offsets", () => {
    expect(parseTimestamp("2025-04-07")).toEqual({ day: 20185 });
    expect(parseTimestamp("2025-04-07T10:11")).toEqual({ day: 20185, minute: 611 });
    expect(parseTimestamp("2025-04-07 10:11:30")).toEqual({ day: 20185, minute: 611.5 });
    expect(parseTimestamp("2025-04-07T14:11Z")).toEqual({ day: 20185, minute: 851, offset: 0 });
    expect(parseTimestamp("2025-04-07T10:11:00-04:00")).toEqual({ day: 20185, minute: 611, offset: -240 });
  });
  it("parseTimestamp reads YYYY-MM-DD and YYYY-MM-DDTHH:mm character by character as its general pattern does", () => {
    // a leading space sends the same text through the general pattern (it trims first)
    const texts = ["2025-04-07", "2025-04-07T10:11", "2024-02-29", "2025-02-29", "2025-02-28T23:59", "2025-13-01", "2025-00-10", "2025-04-00"];
    texts.push("2025-04-31", "2025-04-07T24:00", "2025-04-07T23:60", "2025-04-07T00:00", "0001-01-01", "9999-12-31T23:59", "2025-04-07t10:11");
    texts.push("2025-04-07 10:11", "2025/04/07", "2025-04-0a", "2025-04-07T1a:11", "2025-04-07T10-11", "+025-04-07", "2025-04-07T10:11Z");
    for (const t of texts) expect(parseTimestamp(t), t).toEqual(parseTimestamp(` ${t}`));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))),
        (y, m, d, time) => {
          const two = (n: number) => String(n).padStart(2, "0");
          const text = `${String(y).padStart(4, "0")}-${two(m)}-${two(d)}${time === null ? "" : `T${two(time[0])}:${two(time[1])}`}`;
          expect(parseTimestamp(text), text).toEqual(parseTimestamp(` ${text}`));
        },
      ),
      { seed: 777, numRuns: 5000 },
    );
  });
  it("parseTimestamp rejects malformed and impossible values", () => {
    for (const bad of ["", "2025-02-30", "2025-04-07T24:00", "2025-04-07T10:60", "07/04/2025", "2025-04-07T10", "yesterday"]) {
      expect(parseTimestamp(bad)).toBeUndefined();
    }
  });
  it("parseDate reads vendor formats", () => {
    expect(parseDate("20250407", "YYYYMMDD")).toBe(20185);
    expect(parseDate("04/07/2025", "MM/DD/YYYY")).toBe(20185);
    expect(parseDate("07/04/2025", "DD/MM/YYYY")).toBe(20185);
    expect(parseDate("07.04.2025", "DD.MM.YYYY")).toBe(20185);
    expect(parseDate("4/7/2025")).toBe(20185);
    expect(parseDate("20250407")).toBe(20185);
    expect(parseDate("2025-04-07 00:00:00")).toBe(20185);
    expect(parseDate("02/30/2025")).toBeNaN();
    expect(parseDate("2025/04/07")).toBeNaN();
  });
});
