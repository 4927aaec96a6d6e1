import { describe, expect, it } from "vitest";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { EXCHANGES, exchangeCodes, getExchange, validateExchange } from "../../src/calendar/exchanges.js";
import { ruleTables, ruleYear } from "../../src/calendar/rules/engine.js";
import { CALENDAR_RULES } from "../../src/calendar/rules/registry.js";
import type { ExchangeRules } from "../../src/calendar/rules/types.js";
import { dayKey, dayKeyFromIso, dayOfWeek, isValidTimeZone, isoFromDayKey, minutesOf } from "../../src/time/index.js";

// One contract over the whole registry: every descriptor builds, is consistent, and its
// calendar behaves like a calendar.
describe("calendar registry contract", () => {
  it("lists 24 exchanges, each with an Exchange view", () => {
    expect(exchangeCodes()).toHaveLength(24);
    for (const code of exchangeCodes()) expect(EXCHANGES[code]!.code).toBe(code);
  });

  it.each(Object.entries(CALENDAR_RULES))("%s: a valid descriptor and a consistent calendar", (code, rules) => {
    expect(isValidTimeZone(rules.timezone)).toBe(true);
    expect(rules.firstYear).toBeLessThanOrEqual(1995);
    expect(rules.lastYear).toBe(2099);
    expect(rules.edition).toBeGreaterThanOrEqual(2026);
    expect(rules.sources.length).toBeGreaterThan(0);
    expect(validateExchange(getExchange(code))).toBe(getExchange(code));
    for (const h of rules.hours) {
      expect(minutesOf(h.close)).toBeGreaterThan(minutesOf(h.open));
      if (h.break !== undefined) {
        expect(minutesOf(h.break[0])).toBeGreaterThan(minutesOf(h.open));
        expect(minutesOf(h.break[1])).toBeLessThan(minutesOf(h.close));
      }
    }
    const cal = tradingCalendar(code);
    const t = ruleTables(rules);
    expect(cal.source).toBe("rules");
    expect(cal.first).toBe(dayKey(rules.firstYear, 1, 1));
    expect(cal.last).toBe(dayKey(rules.lastYear, 12, 31));
    // sessions strictly increasing, between 200 and 262 a year, no closure on a session
    for (let i = 1; i < cal.days.length; i++) expect(cal.days[i]!).toBeGreaterThan(cal.days[i - 1]!);
    for (let y = Math.max(rules.firstYear, 1999); y <= 2035; y++) {
      const n = cal.days.filter((d) => d >= dayKey(y, 1, 1) && d <= dayKey(y, 12, 31)).length;
      expect(n, `${code} ${y}`).toBeGreaterThanOrEqual(200);
      expect(n, `${code} ${y}`).toBeLessThanOrEqual(262);
      for (const c of ruleYear(rules, y).closures) {
        expect(cal.isSession(c.day), `${code} ${c.date}`).toBe(false);
        expect(cal.closedReason(c.day)).toBe(c.name);
      }
    }
    for (const [day] of t.closures) expect(cal.isSession(day)).toBe(false);
    // every session has hours with the close after the open and a break inside the session
    for (let i = 0; i < cal.days.length; i += 97) {
      const d = cal.days[i]!;
      expect(cal.sessionClose(d), `${code} ${isoFromDayKey(d)}`).toBeGreaterThan(cal.sessionOpen(d));
      const br = cal.lunchBreak(d);
      if (br !== undefined) {
        expect(br[0]).toBeGreaterThan(cal.sessionOpen(d));
        expect(br[1]).toBeLessThan(cal.sessionClose(d));
      }
    }
    // a closed trading weekday always has a reason
    for (let d = dayKey(2025, 1, 1); d <= dayKey(2025, 12, 31); d++) {
      if (!cal.isSession(d)) expect(cal.closedReason(d)).toBeTruthy();
    }
  });
});

describe("calendar engine rules", () => {
  const d = dayKeyFromIso;
  it("Japan: a Sunday holiday moves to the next non-holiday day; a day between two holidays is a holiday", () => {
    const cal = tradingCalendar("XTKS");
    expect(cal.closedReason(d("2026-05-06"))).toBe("Constitution Memorial Day (observed)"); // 3 May 2026 is a Sunday
    expect(cal.closedReason(d("2026-09-22"))).toBe("Citizens' holiday"); // between Respect for the Aged Day and the equinox
    expect(cal.closedReason(d("2019-04-30"))).toMatch(/Accession/);
    expect(cal.isSession(d("1998-05-06"))).toBe(true); // pre-2007 law: only the Monday after
  });

  it("UK: a weekend Christmas and Boxing Day move to the next free weekdays", () => {
    const cal = tradingCalendar("XLON");
    expect([cal.closedReason(d("2021-12-27")), cal.closedReason(d("2021-12-28"))]).toEqual(["Christmas Day (observed)", "Boxing Day (observed)"]);
    expect([cal.closedReason(d("2022-12-26")), cal.closedReason(d("2022-12-27"))]).toEqual(["Boxing Day", "Christmas Day (observed)"]);
    expect(cal.sessionClose(d("2022-12-23"))).toBe(12 * 60 + 30); // last business day before Christmas
  });

  it("China: five weekdays of Spring Festival, bridge days, Mid-Autumn inside the National Day week", () => {
    const cal = tradingCalendar("XSHG");
    const closed = (from: string, to: string): string[] => {
      const out: string[] = [];
      for (let x = d(from); x <= d(to); x++) if (dayOfWeek(x) % 6 !== 0 && !cal.isSession(x)) out.push(isoFromDayKey(x));
      return out;
    };
    expect(closed("2025-01-27", "2025-02-07")).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04"]);
    expect(closed("2025-09-29", "2025-10-10")).toEqual(["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]);
    expect(closed("2025-04-01", "2025-04-08")).toEqual(["2025-04-04"]);
  });

  it("Hong Kong: Lunar New Year's Eve is a morning session; Ching Ming on Easter Monday moves a day", () => {
    const cal = tradingCalendar("XHKG");
    expect([cal.sessionClose(d("2025-01-28")), cal.lunchBreak(d("2025-01-28"))]).toEqual([12 * 60, undefined]);
    expect(cal.closedReason(d("2010-04-06"))).toMatch(/observed/);
  });

  it("Tel Aviv: Sunday sessions until 4 January 2026, Friday sessions from then", () => {
    const cal = tradingCalendar("XTAE");
    expect(cal.isSession(d("2026-01-04"))).toBe(true);
    expect(cal.sessionClose(d("2026-01-04"))).toBe(15 * 60 + 40);
    expect(cal.isSession(d("2026-01-09"))).toBe(true);
    expect(cal.sessionClose(d("2026-01-09"))).toBe(13 * 60 + 50);
    expect(cal.isSession(d("2026-01-11"))).toBe(false);
    expect(cal.closedReason(d("2025-10-02"))).toBe("Yom Kippur");
  });

  it("keeps a holiday observed across New Year in the year where it is observed", () => {
    // a synthetic exchange whose only holidays are New Year's Day (Saturday -> the Friday
    // before, Sunday -> the Monday after; not in 2023) and, in 2022, 31 December (a weekend ->
    // the next free weekday)
    const rules: ExchangeRules = {
      mic: "TEST",
      name: "Test exchange",
      timezone: "UTC",
      firstYear: 2020,
      lastYear: 2030,
      edition: 2030,
      sources: ["synthetic"],
      hours: [{ open: "09:00", close: "17:00" }],
      holidays: [
        { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "nyse", except: [2023] },
        { name: "Year's End", date: { fixed: [12, 31] }, observe: "next", from: 2022, to: 2022 },
      ],
    };
    const t = ruleTables(rules);
    const sessions = new Set(t.days);
    const closed = (iso: string) => ({ session: sessions.has(d(iso)), name: t.closures.get(d(iso))?.name });
    // 1 January 2022 and 2028 are Saturdays: observed on Friday 31 December 2021 and 2027
    expect(closed("2021-12-31")).toEqual({ session: false, name: "New Year's Day (observed)" });
    expect(closed("2027-12-31")).toEqual({ session: false, name: "New Year's Day (observed)" });
    expect(ruleYear(rules, 2021).closures.map((c) => c.date)).toContain("2021-12-31");
    expect(ruleYear(rules, 2022).closures.map((c) => c.date)).not.toContain("2021-12-31");
    // 31 December 2022 is a Saturday: observed on Monday 2 January 2023, in the next year
    expect(closed("2023-01-02")).toEqual({ session: false, name: "Year's End (observed)" });
    expect(ruleYear(rules, 2023).closures.map((c) => c.date)).toEqual(["2023-01-02"]);
    // weekdays without a holiday stay sessions
    expect(closed("2020-12-31")).toEqual({ session: true, name: undefined });
    expect(closed("2021-12-30")).toEqual({ session: true, name: undefined });
    expect(closed("2027-12-30")).toEqual({ session: true, name: undefined });
    expect(closed("2023-01-04")).toEqual({ session: true, name: undefined });
  });

  it("Taiwan: 1 January on a Saturday is observed on the Friday before, in the previous year", () => {
    const cal = tradingCalendar("XTAI");
    expect(cal.closedReason(d("2021-12-31"))).toBe("Founding Day of the Republic of China (observed)");
    expect(cal.closedReason(d("2027-12-31"))).toBe("Founding Day of the Republic of China (observed)");
    expect(cal.isSession(d("2021-12-30"))).toBe(true);
  });

  it("China: 1 January on a Tuesday takes the Monday before with it, across the year (not in 2013)", () => {
    const cal = tradingCalendar("XSHG");
    expect(cal.closedReason(d("2029-12-31"))).toBe("New Year's Day (bridge day)");
    expect(cal.isSession(d("2012-12-31"))).toBe(true);
    expect(cal.isSession(d("2018-12-31"))).toBe(false);
  });

  it("flags days after the edition year as projected", () => {
    const cal = tradingCalendar("XHKG");
    expect(cal.isProjected(d("2026-12-31"))).toBe(false);
    expect(cal.isProjected(d("2027-01-04"))).toBe(true);
  });
});
