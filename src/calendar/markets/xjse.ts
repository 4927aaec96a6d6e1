/**
 * Johannesburg Stock Exchange (XJSE).
 *
 * Sources: the Public Holidays Act 36 of 1994 (a holiday on a Sunday moves to the Monday; a
 * Sunday Christmas Day, whose Monday is the Day of Goodwill, gives the Tuesday) and
 * JSE market notices (closed on national and municipal election days and the one-off public
 * holidays proclaimed by the President).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XJSE: ExchangeRules = {
  mic: "XJSE",
  name: "Johannesburg Stock Exchange",
  timezone: "Africa/Johannesburg",
  firstYear: 1995,
  lastYear: 2099,
  edition: 2026,
  sources: ["Public Holidays Act 36 of 1994", "JSE market notices"],
  hours: [{ open: "09:00", close: "17:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "sunday-monday" },
    { name: "Human Rights Day", date: { fixed: [3, 21] }, observe: "sunday-monday" },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Family Day", date: { easter: 1 } },
    { name: "Freedom Day", date: { fixed: [4, 27] }, observe: "sunday-monday" },
    { name: "Workers' Day", date: { fixed: [5, 1] }, observe: "sunday-monday" },
    { name: "Youth Day", date: { fixed: [6, 16] }, observe: "sunday-monday" },
    { name: "National Women's Day", date: { fixed: [8, 9] }, observe: "sunday-monday" },
    { name: "Heritage Day", date: { fixed: [9, 24] }, observe: "sunday-monday" },
    { name: "Day of Reconciliation", date: { fixed: [12, 16] }, observe: "sunday-monday" },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "sunday-next" },
    { name: "Day of Goodwill", date: { fixed: [12, 26] }, observe: "sunday-monday" },
    {
      name: "Election day",
      date: {
        on: [
          "1999-06-02",
          "2000-12-05",
          "2004-04-14",
          "2006-03-01",
          "2009-04-22",
          "2011-05-18",
          "2014-05-07",
          "2016-08-03",
          "2019-05-08",
          "2021-11-01",
          "2024-05-29",
        ],
      },
    },
    { name: "Public holiday proclaimed by the President", date: { on: ["1999-12-31", "2008-05-02"] } },
  ],
};
