/**
 * Taiwan Stock Exchange (XTAI).
 *
 * Sources: the Implementation Rules for Memorial Days and Holidays (Executive Yuan; from
 * 2013 weekend holidays move to the Friday before when on Saturday and to the Monday after
 * when on Sunday)
 * and TWSE's yearly market holiday schedules (closed for settlement on the two weekdays before
 * Lunar New Year's Eve). Lunar dates: see `rules/lunisolar-data.ts`. The yearly schedules add
 * bridge days that these rules do not reproduce (see docs/calendars.md).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XTAI: ExchangeRules = {
  mic: "XTAI",
  name: "Taiwan Stock Exchange",
  timezone: "Asia/Taipei",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Executive Yuan Implementation Rules for Memorial Days and Holidays", "TWSE market holiday schedules"],
  hours: [{ open: "09:00", close: "13:30" }],
  holidays: [
    { name: "Founding Day of the Republic of China", date: { fixed: [1, 1] }, to: 2012 },
    { name: "Founding Day of the Republic of China", date: { fixed: [1, 1] }, from: 2013, observe: "nyse" },
    { name: "Market closure before Lunar New Year", date: { series: "chineseNewYear" }, offset: -3, days: 2 },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, offset: -1, days: 4, to: 2012 },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, offset: -1, days: 4, from: 2013, observe: "clash-next" },
    { name: "Peace Memorial Day", date: { fixed: [2, 28] }, from: 1997, to: 2012 },
    { name: "Peace Memorial Day", date: { fixed: [2, 28] }, from: 2013, observe: "nyse" },
    { name: "Children's Day", date: { fixed: [4, 4] }, from: 2011, to: 2012 },
    { name: "Children's Day", date: { fixed: [4, 4] }, from: 2013, observe: "nyse" },
    { name: "Tomb Sweeping Day", date: { series: "qingming" }, to: 2012 },
    { name: "Tomb Sweeping Day", date: { series: "qingming" }, from: 2013, observe: "nyse" },
    { name: "Labour Day", date: { fixed: [5, 1] }, to: 2012 },
    { name: "Labour Day", date: { fixed: [5, 1] }, from: 2013, observe: "nyse" },
    { name: "Dragon Boat Festival", date: { series: "tuenNg" }, to: 2012 },
    { name: "Dragon Boat Festival", date: { series: "tuenNg" }, from: 2013, observe: "nyse" },
    { name: "Mid-Autumn Festival", date: { series: "midAutumn" }, to: 2012 },
    { name: "Mid-Autumn Festival", date: { series: "midAutumn" }, from: 2013, observe: "nyse" },
    { name: "National Day", date: { fixed: [10, 10] }, to: 2012 },
    { name: "National Day", date: { fixed: [10, 10] }, from: 2013, observe: "nyse" },
  ],
};
