/**
 * London Stock Exchange (XLON).
 *
 * Sources: the Banking and Financial Dealings Act 1971 and the bank holidays proclaimed under
 * it (gov.uk "UK bank holidays"), the LSE's published trading calendars (market closed on
 * English bank holidays; half-day sessions closing at 12:30 on the last business day before
 * Christmas and before New Year's Day). One-off bank holidays: VE Day 50th anniversary
 * (1995-05-08, instead of the first Monday of May), the Millennium (1999-12-31), the Golden
 * Jubilee (2002-06-03/04), the royal wedding (2011-04-29), the Diamond Jubilee
 * (2012-06-04/05), VE Day 75th anniversary (2020-05-08), the Platinum Jubilee (2022-06-02/03),
 * Queen Elizabeth II's funeral (2022-09-19) and King Charles III's coronation (2023-05-08).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XLON: ExchangeRules = {
  mic: "XLON",
  name: "London Stock Exchange",
  timezone: "Europe/London",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Banking and Financial Dealings Act 1971; gov.uk UK bank holidays", "LSE trading calendars (half days before Christmas and New Year)"],
  hours: [{ open: "08:00", close: "16:30" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next" },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Early May bank holiday", date: { nth: [5, 1, 1] }, except: [1995, 2020] },
    { name: "VE Day anniversary (early May bank holiday)", date: { on: ["1995-05-08", "2020-05-08"] } },
    { name: "Spring bank holiday", date: { nth: [5, 1, -1] }, except: [2002, 2012, 2022] },
    { name: "Spring bank holiday", date: { on: ["2002-06-04", "2012-06-04", "2022-06-02"] } },
    { name: "Golden Jubilee", date: { on: ["2002-06-03"] } },
    { name: "Diamond Jubilee", date: { on: ["2012-06-05"] } },
    { name: "Platinum Jubilee", date: { on: ["2022-06-03"] } },
    { name: "Summer bank holiday", date: { nth: [8, 1, -1] } },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "next" },
    { name: "Boxing Day", date: { fixed: [12, 26] }, observe: "next" },
    { name: "Millennium celebrations", date: { on: ["1999-12-31"] } },
    { name: "Wedding of Prince William and Catherine Middleton", date: { on: ["2011-04-29"] } },
    { name: "State funeral of Queen Elizabeth II", date: { on: ["2022-09-19"] } },
    { name: "Coronation of King Charles III", date: { on: ["2023-05-08"] } },
  ],
  specialHours: [
    { name: "Christmas Eve (half day)", date: { businessDayBefore: [12, 25] }, close: "12:30" },
    { name: "New Year's Eve (half day)", date: { businessDayBefore: [12, 32] }, close: "12:30" },
  ],
};
