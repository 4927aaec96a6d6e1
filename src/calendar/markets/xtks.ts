/**
 * Tokyo Stock Exchange (XTKS).
 *
 * Sources: the Act on National Holidays (Law No. 178 of 1948, as amended: Happy Monday
 * amendments of 1998 and 2001, Shōwa Day 2005, Mountain Day 2014, Emperor's Birthday 2017,
 * the Olympic special measures of 2018 and 2020), the JPX "Market holidays" page and the TSE's
 * trading rules (closed 31 December to 3 January), the National Astronomical Observatory of
 * Japan's equinox dates, and JPX notices for the 2020-10-01 system failure, the 2011-11-21
 * longer morning session and the 2024-11-05 15:30 close.
 *
 * Observance: a holiday on a Sunday moves to the next day that is not a holiday; a weekday
 * between two holidays is a holiday (citizens' holiday, from 1988).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XTKS: ExchangeRules = {
  mic: "XTKS",
  name: "Tokyo Stock Exchange",
  timezone: "Asia/Tokyo",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Act on National Holidays (Law No. 178 of 1948, as amended)", "JPX market holidays", "TSE trading rules: closed 31 December to 3 January"],
  hours: [
    { until: "2011-11-18", open: "09:00", close: "15:00", break: ["11:00", "12:30"] },
    { from: "2011-11-21", until: "2024-11-04", open: "09:00", close: "15:00", break: ["11:30", "12:30"] },
    { from: "2024-11-05", open: "09:00", close: "15:30", break: ["11:30", "12:30"] },
  ],
  bridgeFrom: 1988,
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "New Year holiday", date: { fixed: [1, 2] }, days: 2 },
    { name: "Coming of Age Day", date: { fixed: [1, 15] }, to: 1999, observe: "sunday-next" },
    { name: "Coming of Age Day", date: { nth: [1, 1, 2] }, from: 2000 },
    { name: "National Foundation Day", date: { fixed: [2, 11] }, observe: "sunday-next" },
    { name: "Emperor's Birthday", date: { fixed: [2, 23] }, from: 2020, observe: "sunday-next" },
    { name: "Vernal Equinox Day", date: { series: "vernalEquinox" }, observe: "sunday-next" },
    { name: "Greenery Day", date: { fixed: [4, 29] }, to: 2006, observe: "sunday-next" },
    { name: "Shōwa Day", date: { fixed: [4, 29] }, from: 2007, observe: "sunday-next" },
    { name: "Constitution Memorial Day", date: { fixed: [5, 3] }, observe: "sunday-next" },
    { name: "Greenery Day", date: { fixed: [5, 4] }, from: 2007, observe: "sunday-next" },
    { name: "Children's Day", date: { fixed: [5, 5] }, observe: "sunday-next" },
    { name: "Marine Day", date: { fixed: [7, 20] }, from: 1996, to: 2002, observe: "sunday-next" },
    { name: "Marine Day", date: { nth: [7, 1, 3] }, from: 2003, except: [2020, 2021] },
    { name: "Marine Day", date: { on: ["2020-07-23", "2021-07-22"] } },
    { name: "Sports Day", date: { on: ["2020-07-24", "2021-07-23"] } },
    { name: "Mountain Day", date: { fixed: [8, 11] }, from: 2016, except: [2020, 2021], observe: "sunday-next" },
    { name: "Mountain Day", date: { on: ["2020-08-10", "2021-08-09"] } },
    { name: "Respect for the Aged Day", date: { fixed: [9, 15] }, to: 2002, observe: "sunday-next" },
    { name: "Respect for the Aged Day", date: { nth: [9, 1, 3] }, from: 2003 },
    { name: "Autumnal Equinox Day", date: { series: "autumnalEquinox" }, observe: "sunday-next" },
    { name: "Health and Sports Day", date: { fixed: [10, 10] }, to: 1999, observe: "sunday-next" },
    { name: "Health and Sports Day", date: { nth: [10, 1, 2] }, from: 2000, to: 2019 },
    { name: "Sports Day", date: { nth: [10, 1, 2] }, from: 2022 },
    { name: "Culture Day", date: { fixed: [11, 3] }, observe: "sunday-next" },
    { name: "Labour Thanksgiving Day", date: { fixed: [11, 23] }, observe: "sunday-next" },
    { name: "Emperor's Birthday", date: { fixed: [12, 23] }, to: 2018, observe: "sunday-next" },
    { name: "Year-end holiday", date: { fixed: [12, 31] } },
    { name: "Enthronement ceremony of Emperor Akihito", date: { on: ["1990-11-12"] } },
    { name: "Wedding of Crown Prince Naruhito", date: { on: ["1993-06-09"] } },
    { name: "Accession of Emperor Naruhito", date: { on: ["2019-04-30", "2019-05-01", "2019-05-02"] } },
    { name: "Enthronement ceremony of Emperor Naruhito", date: { on: ["2019-10-22"] } },
    { name: "System failure (trading halted all day)", date: { on: ["2020-10-01"] } },
  ],
};
