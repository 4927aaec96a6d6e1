/**
 * Bolsa Mexicana de Valores (XMEX).
 *
 * Sources: the Federal Labour Law (Ley Federal del Trabajo, art. 74; Monday holidays from
 * 2006) and the CNBV's yearly list of days on which financial institutions close: New Year's
 * Day, Constitution Day (first Monday of February from 2007, 5 February before), Benito
 * Juárez's birthday (third Monday of March from 2007, 21 March before), Holy Thursday, Good
 * Friday, Labour Day, Independence Day (16 September), All Souls' Day (2 November, from 2006), Revolution
 * Day (third Monday of November from 2006, 20 November before), Our Lady of Guadalupe
 * (12 December) and Christmas.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const XMEX: ExchangeRules = {
  mic: "XMEX",
  name: "Bolsa Mexicana de Valores",
  timezone: "America/Mexico_City",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["Ley Federal del Trabajo, art. 74", "CNBV yearly list of bank holidays"],
  hours: [{ open: "08:30", close: "15:00" }],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "Constitution Day", date: { fixed: [2, 5] }, to: 2006 },
    { name: "Constitution Day", date: { nth: [2, 1, 1] }, from: 2007 },
    { name: "Benito Juárez's birthday", date: { fixed: [3, 21] }, to: 2006 },
    { name: "Benito Juárez's birthday", date: { nth: [3, 1, 3] }, from: 2007 },
    { name: "Holy Thursday", date: { easter: -3 } },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Independence Day", date: { fixed: [9, 16] } },
    { name: "All Souls' Day", date: { fixed: [11, 2] }, from: 2006 },
    { name: "Revolution Day", date: { fixed: [11, 20] }, to: 2005 },
    { name: "Revolution Day", date: { nth: [11, 1, 3] }, from: 2006 },
    { name: "Our Lady of Guadalupe", date: { fixed: [12, 12] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
  ],
};
