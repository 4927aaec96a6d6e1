/**
 * Borsa Italiana, Milan (XMIL).
 *
 * Sources: Borsa Italiana trading calendars (published yearly): closed on New Year's Day,
 * Good Friday, Easter Monday, Labour Day, Christmas Eve, Christmas Day, Boxing Day (St
 * Stephen's Day), New Year's Eve and the Assumption (Ferragosto, 15 August).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XMIL: ExchangeRules = {
  mic: "XMIL",
  name: "Borsa Italiana",
  timezone: "Europe/Rome",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Borsa Italiana trading calendars"],
  hours: [{ open: "09:00", close: "17:30" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Assumption Day (Ferragosto)", date: { fixed: [8, 15] } },
    { name: "Christmas Eve", date: { fixed: [12, 24] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
    { name: "St Stephen's Day", date: { fixed: [12, 26] } },
    { name: "New Year's Eve", date: { fixed: [12, 31] } },
  ],
};
