/**
 * Borsa İstanbul (XIST).
 *
 * Sources: Law No. 2429 on National Holidays and General Holidays (as amended: Labour Day
 * from 2009, Democracy and National Unity Day from 2017) and Borsa İstanbul's yearly holiday
 * announcements: closed on New Year's Day, National Sovereignty and Children's Day
 * (23 April), Labour Day, Commemoration of Atatürk, Youth and Sports Day (19 May), Democracy
 * and National Unity Day (15 July), Victory Day (30 August), Republic Day (29 October),
 * Ramadan Feast (3 days) and Sacrifice Feast (4 days); half-day sessions (to 12:30) on the eves
 * of the religious feasts and on 28 October. The feast dates here are those of the tabular
 * Islamic calendar (see `rules/lunisolar-data.ts`), which can differ by a day from the
 * Diyanet's, and the government's bridge-day extensions are not built in.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XIST: ExchangeRules = {
  mic: "XIST",
  name: "Borsa İstanbul",
  timezone: "Europe/Istanbul",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Law No. 2429 on National Holidays and General Holidays", "Borsa İstanbul holiday announcements"],
  hours: [{ open: "10:00", close: "18:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "National Sovereignty and Children's Day", date: { fixed: [4, 23] } },
    { name: "Labour and Solidarity Day", date: { fixed: [5, 1] }, from: 2009 },
    { name: "Commemoration of Atatürk, Youth and Sports Day", date: { fixed: [5, 19] } },
    { name: "Democracy and National Unity Day", date: { fixed: [7, 15] }, from: 2017 },
    { name: "Victory Day", date: { fixed: [8, 30] } },
    { name: "Republic Day", date: { fixed: [10, 29] } },
    { name: "Ramadan Feast", date: { series: "eidAlFitr" }, days: 3 },
    { name: "Sacrifice Feast", date: { series: "eidAlAdha" }, days: 4 },
  ],
  specialHours: [
    { name: "Eve of the Ramadan Feast (half day)", date: { series: "eidAlFitr" }, offset: -1, close: "12:30" },
    { name: "Eve of the Sacrifice Feast (half day)", date: { series: "eidAlAdha" }, offset: -1, close: "12:30" },
    { name: "Eve of Republic Day (half day)", date: { fixed: [10, 28] }, close: "12:30" },
  ],
};
