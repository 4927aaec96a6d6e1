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
 * arrangements differ from this pattern in some years (see docs/calendars.md); lunar dates:
 * see `rules/lunisolar-data.ts`.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XSHG: ExchangeRules = {
  mic: "XSHG",
  name: "Shanghai Stock Exchange",
  timezone: "Asia/Shanghai",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["State Council Measures on National Holidays and yearly holiday arrangements", "SSE and SZSE market closure notices"],
  hours: [{ open: "09:30", close: "15:00", break: ["11:30", "13:00"] }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next", to: 2007 },
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "next", bridge: true, from: 2008 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, days: 7, to: 2007 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, tradingDays: 5, from: 2008, to: 2023, except: [2014] },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, tradingDays: 5, from: 2014, to: 2014 },
    { name: "Spring Festival", date: { series: "chineseNewYear" }, offset: -1, tradingDays: 6, from: 2024 },
    { name: "Qingming Festival", date: { series: "qingming" }, from: 2008, observe: "clash-next", bridge: true },
    { name: "Labour Day", date: { fixed: [5, 1] }, to: 1999, observe: "next" },
    { name: "Labour Day holiday", date: { fixed: [5, 1] }, from: 2000, to: 2007, days: 7 },
    { name: "Labour Day", date: { fixed: [5, 1] }, from: 2008, to: 2019, observe: "clash-next", bridge: true },
    { name: "Labour Day holiday", date: { fixed: [5, 1] }, from: 2020, tradingDays: 3 },
    { name: "Dragon Boat Festival", date: { series: "tuenNg" }, from: 2008, observe: "clash-next", bridge: true },
    { name: "National Day", date: { fixed: [10, 1] }, to: 1998, days: 2, observe: "next" },
    { name: "National Day holiday", date: { fixed: [10, 1] }, from: 1999, to: 2007, days: 7 },
    { name: "National Day holiday", date: { fixed: [10, 1] }, from: 2008, tradingDays: 5 },
    { name: "Mid-Autumn Festival", date: { series: "midAutumn" }, from: 2008, observe: "clash-day-after", bridge: true },
  ],
};

export const XSHE: ExchangeRules = { ...XSHG, mic: "XSHE", name: "Shenzhen Stock Exchange" };
