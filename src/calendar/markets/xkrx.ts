/**
 * Korea Exchange, stock market (XKRX).
 *
 * Sources: the Regulations on Holidays of Government Offices (Presidential Decree), the
 * Public Official Election Act (election days are public holidays), the Act on the
 * Designation of Workers' Day (1 May, a market holiday) and KRX market operation
 * notices (closed on the last trading day of the year; Saturday sessions until December
 * 1998; hours of 7 December 1998, 22 May 2000 and 1 August 2016). Substitute holidays: for
 * Seollal and Chuseok (a day on Sunday or on another holiday) and Children's Day (a weekend)
 * from 2014; for the national days (1 March, 15 August, 3 October, 9 October) from 2021; for
 * Buddha's Birthday and Christmas from 2023. Lunar dates: see `rules/lunisolar-data.ts`.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

const ELECTIONS = [
  "1995-06-27",
  "1996-04-11",
  "1997-12-18",
  "1998-06-04",
  "2000-04-13",
  "2002-06-13",
  "2002-12-19",
  "2004-04-15",
  "2006-05-31",
  "2007-12-19",
  "2008-04-09",
  "2010-06-02",
  "2012-04-11",
  "2012-12-19",
  "2014-06-04",
  "2016-04-13",
  "2017-05-09",
  "2018-06-13",
  "2020-04-15",
  "2022-03-09",
  "2022-06-01",
  "2024-04-10",
  "2025-06-03",
  "2026-06-03",
];

export const XKRX: ExchangeRules = {
  mic: "XKRX",
  name: "Korea Exchange",
  timezone: "Asia/Seoul",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Regulations on Holidays of Government Offices", "Public Official Election Act", "KRX market operation notices"],
  week: [{ until: "1998-12-05", days: [1, 2, 3, 4, 5, 6] }, { days: [1, 2, 3, 4, 5] }],
  hours: [
    { until: "1998-12-05", open: "09:30", close: "15:00", break: ["11:30", "13:00"] },
    { until: "1998-12-05", open: "09:30", close: "11:30", weekdays: [6] },
    { from: "1998-12-07", until: "2000-05-19", open: "09:00", close: "15:00", break: ["12:00", "13:00"] },
    { from: "2000-05-22", until: "2016-07-29", open: "09:00", close: "15:00" },
    { from: "2016-08-01", open: "09:00", close: "15:30" },
  ],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "New Year holiday", date: { fixed: [1, 2] }, to: 1998 },
    { name: "Seollal", date: { series: "chineseNewYear" }, offset: -1, days: 3, to: 2013, except: [1997] },
    // Korean lunar dates (Korea's meridian) where they differ from the Chinese tables, 1995-2026
    { name: "Seollal", date: { on: ["1997-02-07", "1997-02-08"] } },
    { name: "Seollal", date: { series: "chineseNewYear" }, offset: -1, days: 3, from: 2014, observe: "sunday-clash-next" },
    { name: "Independence Movement Day", date: { fixed: [3, 1] }, observe: "none", to: 2020 },
    { name: "Independence Movement Day", date: { fixed: [3, 1] }, observe: "next", from: 2021 },
    { name: "Arbor Day", date: { fixed: [4, 5] }, to: 2005 },
    { name: "Workers' Day", date: { fixed: [5, 1] } },
    { name: "Children's Day", date: { fixed: [5, 5] }, to: 2013 },
    { name: "Children's Day", date: { fixed: [5, 5] }, from: 2014, observe: "clash-next" },
    { name: "Buddha's Birthday", date: { series: "buddhaBirthday" }, to: 2022, except: [2001, 2012] },
    { name: "Buddha's Birthday", date: { series: "buddhaBirthday" }, from: 2023, observe: "clash-next", except: [2023] },
    { name: "Buddha's Birthday", date: { on: ["2001-05-01", "2012-05-28"] } },
    { name: "Buddha's Birthday (observed)", date: { on: ["2023-05-29"] } },
    { name: "Memorial Day", date: { fixed: [6, 6] } },
    { name: "Constitution Day", date: { fixed: [7, 17] }, to: 2007 },
    { name: "Liberation Day", date: { fixed: [8, 15] }, to: 2020 },
    { name: "Liberation Day", date: { fixed: [8, 15] }, from: 2021, observe: "next" },
    { name: "Chuseok", date: { series: "midAutumn" }, offset: -1, days: 3, to: 2013 },
    { name: "Chuseok", date: { series: "midAutumn" }, offset: -1, days: 3, from: 2014, observe: "sunday-clash-next" },
    { name: "National Foundation Day", date: { fixed: [10, 3] }, to: 2020 },
    { name: "National Foundation Day", date: { fixed: [10, 3] }, from: 2021, observe: "clash-next" },
    { name: "Hangul Day", date: { fixed: [10, 9] }, to: 1990 },
    { name: "Hangul Day", date: { fixed: [10, 9] }, from: 2013, to: 2020 },
    { name: "Hangul Day", date: { fixed: [10, 9] }, from: 2021, observe: "clash-next" },
    { name: "Christmas Day", date: { fixed: [12, 25] }, to: 2022 },
    { name: "Christmas Day", date: { fixed: [12, 25] }, from: 2023, observe: "next" },
    { name: "Year-end market closure", date: { businessDayBefore: [12, 32] } },
    // the closure took two or three days until 2000 (and the first business day of 2000)
    {
      name: "Year-end market closure",
      date: {
        on: [
          "1995-12-30",
          "1996-12-30",
          "1997-12-29",
          "1997-12-30",
          "1998-12-29",
          "1998-12-30",
          "1999-12-29",
          "1999-12-30",
          "2000-01-03",
          "2000-12-27",
          "2000-12-28",
        ],
      },
    },
    { name: "Chuseok (substitute holiday)", date: { on: ["2017-10-06"] } },
    { name: "Election day", date: { on: ELECTIONS } },
    { name: "2002 FIFA World Cup holiday", date: { on: ["2002-07-01"] } },
    {
      name: "Temporary public holiday",
      date: { on: ["2015-08-14", "2016-05-06", "2017-10-02", "2020-08-17", "2023-10-02", "2024-10-01", "2025-01-27"] },
    },
  ],
  specialHours: [],
};
