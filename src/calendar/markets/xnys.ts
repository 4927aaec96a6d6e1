/**
 * New York Stock Exchange (XNYS; Nasdaq, XNAS, keeps the same days and hours).
 *
 * Sources: NYSE Rule 7.2 (holidays and their observance) and the NYSE's published holiday and
 * early-close calendars; the NYSE closings history for the special closures and unscheduled
 * early closes. Full-day holidays on weekdays: New Year's Day (Sunday -> Monday; a Saturday
 * New Year's Day is not observed: the exchange stays open on Friday 31 December), Martin Luther
 * King Jr. Day (third Monday of January, from 1998), Washington's Birthday (third Monday of
 * February), Good Friday, Memorial Day (last Monday of May), Juneteenth (19 June, from 2022),
 * Independence Day, Labor Day (first Monday of September), Thanksgiving (fourth Thursday of
 * November), Christmas; Saturday holidays move to the Friday before, Sunday holidays to the
 * Monday after. Early closes at 13:00 (14:00 in 1990-1992): the day after Thanksgiving (from
 * 1992), Christmas Eve on Monday to Thursday, 3 July on Monday, Tuesday or Thursday (from
 * 1995) or Wednesday (from 2013), Friday 5 July after a Thursday Independence Day (1995-2012).
 * 1999-12-31 is treated as a full session (an early close that day is disputed and not in the
 * NYSE closings history).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XNYS: ExchangeRules = {
  mic: "XNYS",
  name: "New York Stock Exchange",
  timezone: "America/New_York",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["NYSE Rule 7.2", "NYSE holidays and trading hours (published yearly)", "NYSE closings history"],
  hours: [{ open: "09:30", close: "16:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "sunday-next" },
    { name: "Martin Luther King Jr. Day", date: { nth: [1, 1, 3] }, from: 1998 },
    { name: "Washington's Birthday", date: { nth: [2, 1, 3] } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Memorial Day", date: { nth: [5, 1, -1] } },
    { name: "Juneteenth National Independence Day", date: { fixed: [6, 19] }, from: 2022, observe: "nyse" },
    { name: "Independence Day", date: { fixed: [7, 4] }, observe: "nyse" },
    { name: "Labor Day", date: { nth: [9, 1, 1] } },
    { name: "Thanksgiving Day", date: { nth: [11, 4, 4] } },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "nyse" },
    { name: "National day of mourning for President Richard Nixon", date: { on: ["1994-04-27"] } },
    { name: "September 11 attacks", date: { on: ["2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14"] } },
    { name: "National day of mourning for President Ronald Reagan", date: { on: ["2004-06-11"] } },
    { name: "National day of mourning for President Gerald Ford", date: { on: ["2007-01-02"] } },
    { name: "Hurricane Sandy", date: { on: ["2012-10-29", "2012-10-30"] } },
    { name: "National day of mourning for President George H. W. Bush", date: { on: ["2018-12-05"] } },
    { name: "National day of mourning for President Jimmy Carter", date: { on: ["2025-01-09"] } },
  ],
  specialHours: [
    { name: "Day before Independence Day", date: { fixed: [7, 3] }, from: 1995, onWeekdays: [1, 2, 4], close: "13:00" },
    { name: "Day before Independence Day", date: { fixed: [7, 3] }, from: 2013, onWeekdays: [3], close: "13:00" },
    { name: "Day after Independence Day", date: { fixed: [7, 5] }, from: 1995, to: 2012, onWeekdays: [5], close: "13:00" },
    { name: "Day after Thanksgiving", date: { nth: [11, 4, 4] }, offset: 1, from: 1992, to: 1992, close: "14:00" },
    { name: "Day after Thanksgiving", date: { nth: [11, 4, 4] }, offset: 1, from: 1993, close: "13:00" },
    { name: "Christmas Eve", date: { fixed: [12, 24] }, to: 1992, onWeekdays: [1, 2, 3, 4], close: "14:00" },
    { name: "Christmas Eve", date: { fixed: [12, 24] }, from: 1993, onWeekdays: [1, 2, 3, 4], close: "13:00" },
    { name: "Snowstorm", date: { on: ["1994-02-11"] }, close: "14:30" },
    { name: "Computer systems trouble", date: { on: ["1995-12-18"] }, open: "10:30" },
    { name: "Snowstorm", date: { on: ["1996-01-08"] }, open: "11:00", close: "14:00" },
    { name: "Circuit breaker halt", date: { on: ["1997-10-27"] }, close: "15:30" },
    { name: "Day after Christmas", date: { on: ["1997-12-26", "2003-12-26"] }, close: "13:00" },
    { name: "First anniversary of the September 11 attacks", date: { on: ["2002-09-11"] }, open: "12:00" },
    { name: "Systems communication problem", date: { on: ["2005-06-01"] }, close: "15:56" },
  ],
};

/** Nasdaq keeps the NYSE's days and hours: the same descriptor (and so the same built tables). */
export const XNAS: ExchangeRules = XNYS;
