/**
 * Singapore Exchange (XSES).
 *
 * Sources: the Holidays Act (Singapore) and the Ministry of Manpower's yearly gazette of
 * public holidays (a holiday on a Sunday moves to the Monday), and SGX's trading calendars.
 * Lunar New Year and the tabular Islamic dates: see `rules/lunisolar-data.ts`; Vesak Day and
 * Deepavali follow calendars not tabulated here, and the tabular Islamic dates can differ by
 * a day from the gazetted ones (see docs/calendars.md).
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XSES: ExchangeRules = {
  mic: "XSES",
  name: "Singapore Exchange",
  timezone: "Asia/Singapore",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Holidays Act (Singapore) and the yearly gazette of public holidays", "SGX trading calendars"],
  hours: [{ open: "09:00", close: "17:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] }, observe: "sunday-clash-next" },
    { name: "Lunar New Year", date: { series: "chineseNewYear" }, days: 2, observe: "sunday-clash-next" },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Labour Day", date: { fixed: [5, 1] }, observe: "sunday-clash-next" },
    { name: "Hari Raya Puasa", date: { series: "eidAlFitr" }, observe: "sunday-clash-next" },
    { name: "Hari Raya Haji", date: { series: "eidAlAdha" }, observe: "sunday-clash-next" },
    { name: "National Day", date: { fixed: [8, 9] }, observe: "sunday-clash-next" },
    { name: "Christmas Day", date: { fixed: [12, 25] }, observe: "sunday-clash-next" },
  ],
};
