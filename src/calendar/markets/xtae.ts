/**
 * Tel Aviv Stock Exchange (XTAE).
 *
 * Sources: TASE trading calendars and holiday lists (published yearly), the Hebrew calendar
 * (dates: see `rules/lunisolar-data.ts`), and TASE's move to a Monday-to-Friday trading week
 * on 5 January 2026 (Sunday sessions, closing at 15:40, ended on 4 January 2026; Friday
 * sessions close at 13:50). Closed on Purim, the eve and first day of Passover, the eve and
 * seventh day of Passover, Memorial Day and Independence Day, the eve and day of Shavuot, Tisha B'Av, the eve
 * and two days of Rosh Hashanah, the eve and day of Yom Kippur, the eve and first day of
 * Sukkot, the eve and day of Simchat Torah, and on Knesset election days.
 *
 * @module
 */
import type { DayRule, ExchangeRules } from "../rules/types.js";

const ELECTIONS = [
  "1996-05-29",
  "1999-05-17",
  "2001-02-06",
  "2003-01-28",
  "2006-03-28",
  "2009-02-10",
  "2013-01-22",
  "2015-03-17",
  "2019-04-09",
  "2019-09-17",
  "2020-03-02",
  "2021-03-23",
  "2022-11-01",
];

const holidays: readonly DayRule[] = [
  { name: "Purim", date: { series: "purim" } },
  { name: "Passover", date: { series: "pesach" }, offset: -1, days: 2 },
  { name: "Seventh day of Passover", date: { series: "pesach" }, offset: 5, days: 2 },
  { name: "Memorial Day and Independence Day", date: { series: "yomHaatzmaut" }, offset: -1, days: 2 },
  { name: "Shavuot", date: { series: "shavuot" }, offset: -1, days: 2 },
  { name: "Tisha B'Av", date: { series: "tishaBav" } },
  { name: "Rosh Hashanah", date: { series: "roshHashanah" }, offset: -1, days: 3 },
  { name: "Yom Kippur", date: { series: "roshHashanah" }, offset: 8, days: 2 },
  { name: "Sukkot", date: { series: "roshHashanah" }, offset: 13, days: 2 },
  { name: "Simchat Torah", date: { series: "roshHashanah" }, offset: 20, days: 2 },
  { name: "Knesset election", date: { on: ELECTIONS } },
];

export const XTAE: ExchangeRules = {
  mic: "XTAE",
  name: "Tel Aviv Stock Exchange",
  timezone: "Asia/Jerusalem",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["TASE trading calendars and holiday lists", "Hebrew calendar"],
  week: [{ until: "2026-01-04", days: [0, 1, 2, 3, 4] }, { days: [1, 2, 3, 4, 5] }],
  hours: [
    { open: "09:59", close: "17:15" },
    { until: "2026-01-04", open: "09:59", close: "15:40", weekdays: [0] },
    { from: "2026-01-05", open: "09:59", close: "13:50", weekdays: [5] },
  ],
  holidays,
};
