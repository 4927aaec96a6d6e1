/**
 * Toronto Stock Exchange (XTSE).
 *
 * Sources: TMX market hours and holiday schedules (published yearly): closed on New Year's
 * Day, Family Day (third Monday of February, from 2008), Good Friday, Victoria Day (the Monday
 * on or before 24 May), Canada Day, the Civic Holiday (first Monday of August), Labour Day,
 * Thanksgiving (second Monday of October), Christmas Day and Boxing Day; a weekend holiday
 * moves to the next weekday that is not a holiday; 13:00 close on Christmas Eve (weekdays,
 * from 2010). Closed on 11 September 2001.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XTSE: ExchangeRules = {
  mic: "XTSE",
  name: "Toronto Stock Exchange",
  timezone: "America/Toronto",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["TMX market hours and holiday schedules"],
  hours: [{ open: "09:30", close: "16:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next" },
    { name: "Family Day", date: { nth: [2, 1, 3] }, from: 2008 },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Victoria Day", date: { onOrBefore: [5, 24, 1] } },
    { name: "Canada Day", date: { fixed: [7, 1] }, observe: "next" },
    { name: "Civic Holiday", date: { nth: [8, 1, 1] } },
    { name: "Labour Day", date: { nth: [9, 1, 1] } },
    { name: "Thanksgiving Day", date: { nth: [10, 1, 2] } },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "next" },
    { name: "Boxing Day", date: { fixed: [12, 26] }, observe: "next" },
    { name: "September 11 attacks", date: { on: ["2001-09-11"] } },
  ],
  specialHours: [{ name: "Christmas Eve (early close)", date: { fixed: [12, 24] }, from: 2010, close: "13:00" }],
};
