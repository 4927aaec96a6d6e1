/**
 * Xetra, Deutsche Börse (XETR).
 *
 * Sources: Deutsche Börse / Xetra trading calendars (published yearly): closed on New Year's
 * Day, Good Friday, Easter Monday, Labour Day (1 May), Christmas Eve, Christmas Day, Boxing
 * Day and New Year's Eve; trading ends at 14:00 on the last trading day of the year (from
 * 2010). Whit Monday (2015-2021) and German Unity Day (2014-2021) were trading holidays until
 * Deutsche Börse reopened on them in 2022; the 500th anniversary of the Reformation
 * (2017-10-31) was a one-off national holiday. The first years of the Whit Monday, German
 * Unity Day and 14:00 rules are taken from the reference schedule's record.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XETR: ExchangeRules = {
  mic: "XETR",
  name: "Xetra (Deutsche Börse)",
  timezone: "Europe/Berlin",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Deutsche Börse Xetra trading calendars (published yearly)"],
  hours: [{ open: "09:00", close: "17:30" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Christmas Eve", date: { fixed: [12, 24] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
    { name: "Boxing Day", date: { fixed: [12, 26] } },
    { name: "New Year's Eve", date: { fixed: [12, 31] } },
    { name: "Whit Monday", date: { easter: 50 }, from: 2015, to: 2021 },
    { name: "German Unity Day", date: { fixed: [10, 3] }, from: 2014, to: 2021 },
    { name: "Reformation Day (500th anniversary)", date: { on: ["2017-10-31"] } },
  ],
  specialHours: [{ name: "Last trading day of the year", date: { businessDayBefore: [12, 31] }, from: 2010, close: "14:00" }],
};
