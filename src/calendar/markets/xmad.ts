/**
 * Bolsa de Madrid (XMAD).
 *
 * Sources: BME trading calendars (published yearly; since the harmonisation with the
 * European TARGET calendar the market closes on New Year's Day, Good Friday, Easter Monday,
 * Labour Day, Christmas Day and St Stephen's Day), with 14:00 closes on Christmas Eve and New
 * Year's Eve (weekdays, from 2012). Before the harmonisation the market also closed on the
 * Spanish national holidays (Epiphany, the Assumption, Hispanic Day, All Saints' Day,
 * Constitution Day, the Immaculate Conception) and on Christmas Eve and New Year's Eve; the
 * last year of each is taken from the reference schedule's record.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XMAD: ExchangeRules = {
  mic: "XMAD",
  name: "Bolsa de Madrid",
  timezone: "Europe/Madrid",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["BME trading calendars"],
  hours: [{ open: "09:00", close: "17:30" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Easter Monday", date: { easter: 1 } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
    { name: "St Stephen's Day", date: { fixed: [12, 26] } },
    { name: "Epiphany", date: { fixed: [1, 6] }, to: 2006 },
    { name: "Assumption Day", date: { fixed: [8, 15] }, to: 2004, observe: "next" },
    { name: "Hispanic Day", date: { fixed: [10, 12] }, to: 2004 },
    { name: "All Saints' Day", date: { fixed: [11, 1] }, to: 2004 },
    { name: "Constitution Day", date: { fixed: [12, 6] }, to: 2004 },
    { name: "Immaculate Conception", date: { fixed: [12, 8] }, to: 2004 },
    { name: "Christmas Eve", date: { fixed: [12, 24] }, from: 1996, to: 2010 },
    { name: "New Year's Eve", date: { fixed: [12, 31] }, from: 1996, to: 2010 },
  ],
  specialHours: [
    { name: "Christmas Eve (early close)", date: { fixed: [12, 24] }, from: 2012, close: "14:00" },
    { name: "New Year's Eve (early close)", date: { fixed: [12, 31] }, from: 2012, close: "14:00" },
  ],
};
