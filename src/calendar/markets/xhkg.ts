/**
 * Hong Kong Exchanges and Clearing, securities market (XHKG).
 *
 * Sources: the General Holidays Ordinance (Cap. 149) and the government's yearly gazette of
 * general holidays; HKEX trading calendars and circulars (half-day sessions on the eves of
 * Christmas, New Year and Lunar New Year; trading hours reform of 7 March 2011 and
 * 5 March 2012); HKEX notices of trading cancelled for typhoon signal no. 8 or a black
 * rainstorm warning (until HKEX kept trading in severe weather from 23 September 2024).
 * Lunar dates: see `rules/lunisolar-data.ts`.
 *
 * Observance: a holiday on a Sunday, or on another holiday, moves to the next weekday that is
 * not a holiday.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XHKG: ExchangeRules = {
  mic: "XHKG",
  name: "Hong Kong Stock Exchange",
  timezone: "Asia/Hong_Kong",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["General Holidays Ordinance (Cap. 149) and the yearly gazette of general holidays", "HKEX trading calendars and circulars"],
  hours: [
    { until: "2011-03-04", open: "10:00", close: "16:00", break: ["12:30", "14:30"] },
    { from: "2011-03-07", until: "2012-03-02", open: "09:30", close: "16:00", break: ["12:00", "13:30"] },
    { from: "2012-03-05", open: "09:30", close: "16:00", break: ["12:00", "13:00"] },
  ],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "sunday-clash-next" },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, days: 3, to: 2010 },
    { name: "Lunar New Year's Eve (second day of Lunar New Year on a Sunday)", date: { series: "chineseNewYear" }, offset: -1, to: 2010, onWeekdays: [5] },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, days: 3, from: 2011, observe: "sunday-clash-next" },
    { name: "Ching Ming Festival", date: { series: "qingming" }, observe: "sunday-clash-next" },
    { name: "Good Friday", date: { easter: -2 }, observe: "sunday-clash-next" },
    { name: "Easter Monday", date: { easter: 1 }, observe: "sunday-clash-next" },
    { name: "Labour Day", date: { fixed: [5, 1] }, from: 1999, observe: "sunday-clash-next" },
    { name: "Buddha's Birthday", date: { series: "buddhaBirthday" }, from: 1999, observe: "sunday-clash-next" },
    { name: "Tuen Ng Festival", date: { series: "tuenNg" }, observe: "sunday-clash-next" },
    { name: "HKSAR Establishment Day", date: { fixed: [7, 1] }, from: 1997, observe: "sunday-clash-next" },
    { name: "Day following the Mid-Autumn Festival", date: { series: "midAutumn" }, offset: 1 },
    { name: "Second day following the Mid-Autumn Festival", date: { on: ["2022-09-12"] } },
    { name: "National Day", date: { fixed: [10, 1] }, from: 1997, observe: "sunday-clash-next" },
    { name: "Day following National Day", date: { fixed: [10, 2] }, from: 1997, to: 1998, observe: "sunday-clash-next" },
    { name: "Chung Yeung Festival", date: { series: "chungYeung" }, observe: "sunday-clash-next" },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "sunday-clash-next" },
    { name: "First weekday after Christmas Day", date: { fixed: [12, 26] }, observe: "sunday-clash-next" },
    { name: "Queen's Birthday", date: { nth: [6, 1, 3] }, to: 1996 },
    { name: "Liberation Day", date: { nth: [8, 1, -1] }, to: 1996 },
    { name: "Hong Kong handover", date: { on: ["1997-06-30", "1997-07-02"] } },
    { name: "Sino-Japanese War Victory Day", date: { on: ["1997-08-18", "1998-08-17"] } },
    { name: "Millennium", date: { on: ["1999-12-31"] } },
    { name: "70th anniversary of the victory of the War of Resistance", date: { on: ["2015-09-03"] } },
    {
      name: "Typhoon signal no. 8 or black rainstorm warning (trading cancelled)",
      date: {
        on: [
          "1999-09-16",
          "2001-07-06",
          "2001-07-25",
          "2008-08-06",
          "2008-08-22",
          "2011-09-29",
          "2013-08-14",
          "2016-08-02",
          "2016-10-21",
          "2017-08-23",
          "2020-10-13",
          "2021-10-13",
          "2023-07-17",
          "2023-09-01",
          "2023-09-08",
          "2024-09-06",
        ],
      },
    },
  ],
  specialHours: [
    { name: "Lunar New Year's Eve (morning session only)", date: { series: "chineseNewYear" }, offset: -1, to: 2011, close: "12:30", noBreak: true },
    { name: "Christmas Eve (morning session only)", date: { fixed: [12, 24] }, to: 2010, close: "12:30", noBreak: true },
    { name: "New Year's Eve (morning session only)", date: { fixed: [12, 31] }, to: 2010, close: "12:30", noBreak: true },
    { name: "Lunar New Year's Eve (morning session only)", date: { series: "chineseNewYear" }, offset: -1, from: 2012, close: "12:00", noBreak: true },
    { name: "Christmas Eve (morning session only)", date: { fixed: [12, 24] }, from: 2011, close: "12:00", noBreak: true },
    { name: "New Year's Eve (morning session only)", date: { fixed: [12, 31] }, from: 2011, close: "12:00", noBreak: true },
  ],
};
