/**
 * Singapore Exchange (XSES).
 *
 * Sources: the Holidays Act (Singapore) and the Ministry of Manpower's yearly gazette of
 * public holidays (a holiday on a Sunday moves to the Monday), and SGX's trading calendars.
 * Lunar New Year: see `rules/lunisolar-data.ts`. Hari Raya Puasa, Hari Raya Haji, Vesak Day
 * and Deepavali are gazetted each year (the Islamic dates by the Majlis Ugama Islam
 * Singapura's sighting, which the tabular calendar misses by a day in some years): for
 * 1995-2026 they are the dated tables below, the gazetted dates as observed on SGX, taken
 * from the SGX schedules compiled by the exchange_calendars package (commit 5308ce2), with
 * the one-off closures (polling days, SG50, the millennium eve). Outside those years the
 * Islamic holidays follow the tabular calendar and Vesak Day and Deepavali are not known
 * here (see docs/calendars.md).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

/** Hari Raya Puasa as observed (gazetted date, or the Monday after a Sunday), 1995-2026. */
const HARI_RAYA_PUASA = [
  "1995-03-03",
  "1996-02-21",
  "1997-02-10",
  "1998-01-30",
  "1999-01-19",
  "2000-12-27",
  "2001-12-17",
  "2002-12-06",
  "2003-11-25",
  "2004-11-15",
  "2005-11-03",
  "2006-10-24",
  "2008-10-01",
  "2009-09-21",
  "2010-09-10",
  "2011-08-30",
  "2012-08-20",
  "2013-08-08",
  "2014-07-28",
  "2015-07-17",
  "2016-07-06",
  "2017-06-26",
  "2018-06-15",
  "2019-06-05",
  "2020-05-25",
  "2021-05-13",
  "2022-05-03",
  "2024-04-10",
  "2025-03-31",
];
/** Hari Raya Haji as observed, 1995-2026 (2007-01-02: the Sunday 31 December 2006 holiday, 1 January being New Year's Day). */
const HARI_RAYA_HAJI = [
  "1995-05-10",
  "1997-04-18",
  "1998-04-07",
  "1999-03-29",
  "2000-03-16",
  "2001-03-06",
  "2003-02-12",
  "2004-02-02",
  "2005-01-21",
  "2006-01-10",
  "2007-01-02",
  "2007-12-20",
  "2008-12-08",
  "2009-11-27",
  "2010-11-17",
  "2011-11-07",
  "2012-10-26",
  "2013-10-15",
  "2014-10-06",
  "2015-09-24",
  "2016-09-12",
  "2017-09-01",
  "2018-08-22",
  "2019-08-12",
  "2020-07-31",
  "2021-07-20",
  "2022-07-11",
  "2023-06-29",
  "2024-06-17",
  "2026-05-27",
];
/** Vesak Day as observed, 1995-2026. */
const VESAK_DAY = [
  "1995-05-15",
  "1996-05-31",
  "1997-05-21",
  "1998-05-11",
  "2000-05-18",
  "2001-05-07",
  "2002-05-27",
  "2003-05-15",
  "2004-06-02",
  "2005-05-23",
  "2006-05-12",
  "2007-05-31",
  "2008-05-19",
  "2010-05-28",
  "2011-05-17",
  "2013-05-24",
  "2014-05-13",
  "2015-06-01",
  "2017-05-10",
  "2018-05-29",
  "2019-05-20",
  "2020-05-07",
  "2021-05-26",
  "2022-05-16",
  "2023-06-02",
  "2024-05-22",
  "2025-05-12",
  "2026-06-01",
];
/** Deepavali as observed, 1995-2026. */
const DEEPAVALI = [
  "1995-10-23",
  "1998-10-19",
  "1999-11-08",
  "2000-10-26",
  "2001-11-14",
  "2002-11-04",
  "2003-10-24",
  "2004-11-11",
  "2005-11-01",
  "2007-11-08",
  "2008-10-27",
  "2010-11-05",
  "2011-10-26",
  "2012-11-13",
  "2014-10-22",
  "2015-11-10",
  "2017-10-18",
  "2018-11-06",
  "2019-10-28",
  "2021-11-04",
  "2022-10-24",
  "2023-11-13",
  "2024-10-31",
  "2025-10-20",
  "2026-11-09",
];

export const XSES: ExchangeRules = {
  mic: "XSES",
  name: "Singapore Exchange",
  timezone: "Asia/Singapore",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: [
    "Holidays Act (Singapore) and the yearly gazette of public holidays",
    "SGX trading calendars",
    "SGX schedules 1995-2026 as compiled by exchange_calendars",
  ],
  hours: [{ open: "09:00", close: "17:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "sunday-clash-next" },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, days: 2, observe: "sunday-clash-next" },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Labour Day", date: { fixed: [5, 1] }, observe: "sunday-clash-next" },
    { name: "Hari Raya Puasa", date: { series: "eidAlFitr" }, observe: "sunday-clash-next", to: 1994 },
    { name: "Hari Raya Puasa", date: { series: "eidAlFitr" }, observe: "sunday-clash-next", from: 2027 },
    { name: "Hari Raya Haji", date: { series: "eidAlAdha" }, observe: "sunday-clash-next", to: 1994 },
    { name: "Hari Raya Haji", date: { series: "eidAlAdha" }, observe: "sunday-clash-next", from: 2027 },
    { name: "Hari Raya Puasa", date: { on: HARI_RAYA_PUASA } },
    { name: "Hari Raya Haji", date: { on: HARI_RAYA_HAJI } },
    { name: "Vesak Day", date: { on: VESAK_DAY } },
    { name: "Deepavali", date: { on: DEEPAVALI } },
    { name: "National Day", date: { fixed: [8, 9] }, observe: "sunday-clash-next" },
    { name: "Millennium holiday", date: { on: ["1999-12-31"] } },
    { name: "SG50 Jubilee holiday", date: { on: ["2015-08-07"] } },
    { name: "Polling Day", date: { on: ["2015-09-11", "2020-07-10", "2023-09-01"] } },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "sunday-clash-next" },
  ],
};
