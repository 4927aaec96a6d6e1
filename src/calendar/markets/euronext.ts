/**
 * Euronext cash markets: Paris (XPAR) and Amsterdam (XAMS).
 *
 * Sources: Euronext's published trading calendars ("Euronext trading hours and holidays"):
 * since the harmonised Euronext calendar the markets close on New Year's Day, Good Friday,
 * Easter Monday, Labour Day (1 May), Christmas Day and Boxing Day (26 December), with 14:05
 * closes on Christmas Eve and New Year's Eve when they are weekdays. Before harmonisation the
 * Paris Bourse also closed on Whit Monday, Bastille Day and New Year's Eve, and Amsterdam on
 * Queen's Day, Ascension Day, Whit Monday and New Year's Eve. The last year of each of these
 * older closures is taken from the reference schedule's record (no primary source was at
 * hand); the harmonised calendar applies from 2002.
 *
 * @module
 */
import type { DayRule, ExchangeRules, SpecialHoursRule } from "../rules/types.js";

const COMMON: readonly DayRule[] = [
  { name: "New Year's Day", date: { fixed: [1, 1] } },
  { name: "Good Friday", date: { easter: -2 } },
  { name: "Easter Monday", date: { easter: 1 } },
  { name: "Labour Day", date: { fixed: [5, 1] } },
  { name: "Christmas Day", date: { fixed: [12, 25] } },
  { name: "Boxing Day", date: { fixed: [12, 26] } },
];

const EVES: readonly SpecialHoursRule[] = [
  { name: "Christmas Eve", date: { fixed: [12, 24] }, from: 1996, close: "14:05" },
  { name: "New Year's Eve", date: { fixed: [12, 31] }, from: 1996, close: "14:05" },
];

export const XPAR: ExchangeRules = {
  mic: "XPAR",
  name: "Euronext Paris",
  timezone: "Europe/Paris",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Euronext trading calendars (published yearly)"],
  hours: [{ open: "09:00", close: "17:30" }],
  holidays: [
    ...COMMON,
    { name: "Whit Monday", date: { easter: 50 }, to: 2001 },
    { name: "Bastille Day", date: { fixed: [7, 14] }, to: 2001 },
    { name: "New Year's Eve", date: { fixed: [12, 31] }, to: 2001 },
  ],
  specialHours: EVES,
};

export const XAMS: ExchangeRules = {
  ...XPAR,
  mic: "XAMS",
  name: "Euronext Amsterdam",
  timezone: "Europe/Amsterdam",
  holidays: [
    ...COMMON,
    { name: "Queen's Day", date: { fixed: [4, 30] }, to: 2001 },
    { name: "Ascension Day", date: { easter: 39 }, to: 2000 },
    { name: "Whit Monday", date: { easter: 50 }, to: 2001 },
    { name: "New Year's Eve", date: { fixed: [12, 31] }, to: 2001 },
  ],
};
