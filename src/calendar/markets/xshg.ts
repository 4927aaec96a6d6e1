/**
 * Shanghai Stock Exchange (XSHG) and Shenzhen Stock Exchange (XSHE), which keep the same
 * days and hours.
 *
 * Sources: the State Council's Measures on National Holidays (1999, amended 2007, 2013 and
 * 2024) and its yearly holiday arrangements, which both exchanges follow (they do not trade on
 * the make-up working Saturdays and Sundays). The rules below reproduce the usual pattern of
 * those arrangements: New Year's Day; the Spring Festival week (from 2008 five weekdays from
 * Lunar New Year's Eve, from New Year's Day itself in 2014, six weekdays from 2024); Labour Day
 * (1-7 May 2000-2007, 1 May 2008-2019, three weekdays from 1 May from 2020); Qingming, Dragon
 * Boat and Mid-Autumn festivals (from 2008; Mid-Autumn inside the National Day week adds a
 * day after it); National Day week (1-7 October; five weekdays from 1 October from 2008). A
 * holiday on a weekend moves to the next weekday that is not a holiday; from 2008 a one-day
 * holiday on a Tuesday or Thursday takes the Monday before or the Friday after with it (the make-up
 * working day is a weekend day, on which the exchanges do not trade). The yearly
 * arrangements differ from this pattern in some years: the closures beyond the rules in
 * 1995-2026 (the two-week Spring Festival closures and other arrangements before 2008, extra
 * bridge days after, the 2015 Victory Day parade, the 2020 extension of the Spring Festival)
 * are the dated table below, from the exchanges' schedules as compiled by the
 * exchange_calendars package (commit 5308ce2); in 2008 (National Day) and 2012 (Dragon Boat)
 * the rules' days are replaced by the table's. Lunar dates: see `rules/lunisolar-data.ts`.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

/** Weekdays closed beyond the rules under the State Council's yearly arrangements, 1995-2026. */
const ARRANGEMENT_CLOSURES = [
  "1996-02-26",
  "1996-02-27",
  "1996-02-28",
  "1996-02-29",
  "1996-03-01",
  "1996-09-30",
  "1997-02-03",
  "1997-02-04",
  "1997-02-05",
  "1997-02-13",
  "1997-02-14",
  "1997-05-02",
  "1997-06-30",
  "1997-07-01",
  "1997-10-03",
  "1998-01-02",
  "1998-01-26",
  "1998-02-03",
  "1998-02-04",
  "1998-02-05",
  "1998-02-06",
  "1999-02-10",
  "1999-02-11",
  "1999-02-12",
  "1999-02-22",
  "1999-02-23",
  "1999-02-24",
  "1999-02-25",
  "1999-02-26",
  "1999-12-20",
  "1999-12-31",
  "2000-01-31",
  "2000-02-01",
  "2000-02-02",
  "2000-02-03",
  "2000-02-11",
  "2001-01-22",
  "2001-01-30",
  "2001-01-31",
  "2001-02-01",
  "2001-02-02",
  "2002-01-02",
  "2002-01-03",
  "2002-02-18",
  "2002-02-19",
  "2002-02-20",
  "2002-02-21",
  "2002-02-22",
  "2002-09-30",
  "2003-01-30",
  "2003-02-07",
  "2003-05-08",
  "2003-05-09",
  "2004-01-19",
  "2004-01-20",
  "2004-01-28",
  "2005-02-07",
  "2005-02-15",
  "2006-01-03",
  "2006-01-26",
  "2006-01-27",
  "2007-01-02",
  "2007-01-03",
  "2007-12-31",
  "2008-09-15",
  "2008-09-29",
  "2008-09-30",
  "2008-10-01",
  "2008-10-02",
  "2008-10-03",
  "2009-10-08",
  "2010-06-14",
  "2010-06-15",
  "2010-09-23",
  "2010-09-24",
  "2012-01-03",
  "2012-04-02",
  "2012-04-03",
  "2012-06-22",
  "2013-01-02",
  "2013-01-03",
  "2013-04-29",
  "2013-04-30",
  "2013-06-10",
  "2013-06-11",
  "2015-09-03",
  "2015-09-04",
  "2018-12-31",
  "2019-05-02",
  "2019-05-03",
  "2020-01-31",
  "2020-10-08",
  "2022-09-12",
];

export const XSHG: ExchangeRules = {
  mic: "XSHG",
  name: "Shanghai Stock Exchange",
  timezone: "Asia/Shanghai",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: [
    "State Council Measures on National Holidays and yearly holiday arrangements",
    "SSE and SZSE market closure notices",
    "SSE schedules 1995-2026 as compiled by exchange_calendars",
  ],
  hours: [{ open: "09:30", close: "15:00", break: ["11:30", "13:00"] }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next", to: 2007 },
    // 1 January on a Tuesday takes Monday 31 December with it (2007-12-31, 2018-12-31), except in
    // the 2013 arrangement (1-3 January closed, 2012-12-31 a session)
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next", bridge: true, from: 2008, except: [2013] },
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next", from: 2013, to: 2013 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, days: 7, to: 2007 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, tradingDays: 5, from: 2008, to: 2023, except: [2014] },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, tradingDays: 5, from: 2014, to: 2014 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, tradingDays: 6, from: 2024 },
    { name: "Qingming Festival", date: { series: "qingming" }, from: 2008, observe: "clash-next", bridge: true },
    { name: "Labour Day", date: { fixed: [5, 1] }, to: 1999, observe: "next" },
    { name: "Labour Day holiday", date: { fixed: [5, 1] }, from: 2000, to: 2007, days: 7 },
    { name: "Labour Day", date: { fixed: [5, 1] }, from: 2008, to: 2019, observe: "clash-next", bridge: true },
    { name: "Labour Day holiday", date: { fixed: [5, 1] }, from: 2020, tradingDays: 3 },
    { name: "Dragon Boat Festival", date: { series: "tuenNg" }, from: 2008, observe: "clash-next", bridge: true, except: [2012] },
    { name: "National Day", date: { fixed: [10, 1] }, to: 1998, days: 2, observe: "next" },
    { name: "National Day holiday", date: { fixed: [10, 1] }, from: 1999, to: 2007, days: 7 },
    { name: "National Day holiday", date: { fixed: [10, 1] }, from: 2008, tradingDays: 5, except: [2008] },
    { name: "Mid-Autumn Festival", date: { series: "midAutumn" }, from: 2008, observe: "clash-day-after", bridge: true },
    { name: "Holiday arrangement of the State Council (closure beyond the rules)", date: { on: ARRANGEMENT_CLOSURES } },
  ],
};

export const XSHE: ExchangeRules = { ...XSHG, mic: "XSHE", name: "Shenzhen Stock Exchange" };
