/**
 * BSE, Mumbai (XBOM).
 *
 * Sources: BSE's yearly trading holiday circulars. The fixed-date national and Maharashtra
 * holidays below are built in; the festival holidays of the Hindu, Islamic, Jain, Sikh and
 * Buddhist calendars (Holi, Diwali, Eid, Mahavir Jayanti, Guru Nanak Jayanti, …) change every
 * year and are not tabulated yet: without price data the calendar keeps those days as
 * sessions (see docs/calendars.md).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XBOM: ExchangeRules = {
  mic: "XBOM",
  name: "BSE (Bombay Stock Exchange)",
  timezone: "Asia/Kolkata",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["BSE trading holiday circulars"],
  hours: [{ open: "09:15", close: "15:30" }],
  holidays: [
    { name: "Republic Day", date: { fixed: [1, 26] } },
    { name: "Dr. Baba Saheb Ambedkar Jayanti", date: { fixed: [4, 14] } },
    { name: "Maharashtra Day", date: { fixed: [5, 1] } },
    { name: "Independence Day", date: { fixed: [8, 15] } },
    { name: "Mahatma Gandhi Jayanti", date: { fixed: [10, 2] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Christmas", date: { fixed: [12, 25] } },
  ],
};
