/**
 * ASX Limited, Sydney (XASX).
 *
 * Sources: ASX trading calendars (published yearly) and the New South Wales Public Holidays
 * Act 2010: closed on New Year's Day, Australia Day, Good Friday, Easter Monday, Anzac Day
 * (when a weekday), the King's (Queen's) Birthday (second Monday of June), Christmas Day and
 * Boxing Day (weekend days move to the next weekday that is not a holiday; Anzac Day moves
 * only off Easter Monday, as in 2011), and the National Day of Mourning of 2022-09-22; trading ends at 14:10 on the last business days before Christmas and New Year's Day
 * (from 2010).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XASX: ExchangeRules = {
  mic: "XASX",
  name: "Australian Securities Exchange",
  timezone: "Australia/Sydney",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["ASX trading calendars", "Public Holidays Act 2010 (NSW)"],
  hours: [{ open: "10:00", close: "16:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next" },
    { name: "Australia Day", date: { fixed: [1, 26] }, observe: "next" },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Anzac Day", date: { fixed: [4, 25] }, observe: "clash-next", onWeekdays: [1, 2, 3, 4, 5] },
    { name: "King's Birthday", date: { nth: [6, 1, 2] } },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "next" },
    { name: "Boxing Day", date: { fixed: [12, 26] }, observe: "next" },
    { name: "National Day of Mourning for Queen Elizabeth II", date: { on: ["2022-09-22"] } },
  ],
  specialHours: [
    { name: "Christmas Eve (early close)", date: { businessDayBefore: [12, 25] }, from: 2010, close: "14:10" },
    { name: "New Year's Eve (early close)", date: { businessDayBefore: [12, 32] }, from: 2010, close: "14:10" },
  ],
};
