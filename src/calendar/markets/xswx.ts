/**
 * SIX Swiss Exchange, Zurich (XSWX).
 *
 * Sources: SIX Swiss Exchange trading calendars (published yearly): closed on New Year's Day,
 * Berchtold's Day (2 January), Good Friday, Easter Monday, Labour Day, Ascension Day, Whit
 * Monday, Swiss National Day (1 August), Christmas Eve, Christmas Day, St Stephen's Day and
 * New Year's Eve.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XSWX: ExchangeRules = {
  mic: "XSWX",
  name: "SIX Swiss Exchange",
  timezone: "Europe/Zurich",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["SIX Swiss Exchange trading calendars"],
  hours: [{ open: "09:00", close: "17:30" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "Berchtold's Day", date: { fixed: [1, 2] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Ascension Day", date: { easter: 39 } },
    { name: "Whit Monday", date: { easter: 50 } },
    { name: "Swiss National Day", date: { fixed: [8, 1] } },
    { name: "Christmas Eve", date: { fixed: [12, 24] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
    { name: "St Stephen's Day", date: { fixed: [12, 26] } },
    { name: "New Year's Eve", date: { fixed: [12, 31] } },
  ],
};
