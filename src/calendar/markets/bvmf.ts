/**
 * B3 (BM&FBOVESPA), São Paulo (BVMF).
 *
 * Sources: B3 trading calendars (published yearly) and Brazil's federal holiday laws
 * (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023): closed on New Year's Day, Carnival Monday
 * and Tuesday, Good Friday, Tiradentes (21 April), Labour Day, Corpus Christi, Independence
 * Day (7 September), Our Lady of Aparecida (12 October), All Souls' Day (2 November), the
 * Proclamation of the Republic (15 November), Black Consciousness Day (20 November: a São
 * Paulo holiday 2004-2019, national from 2024), Christmas Eve, Christmas and the last
 * business day of the year; São Paulo's anniversary (25 January) and Constitutionalist
 * Revolution Day (9 July, state law of 1997; from 1998, moved away in 2020) until 2021. Ash
 * Wednesday opens at 13:00.
 *
 * @module
 */
import type { ExchangeRules } from "../rules/types.js";

export const BVMF: ExchangeRules = {
  mic: "BVMF",
  name: "B3 (Brasil Bolsa Balcão)",
  timezone: "America/Sao_Paulo",
  firstYear: 1990,
  lastYear: 2099,
  edition: 2026,
  sources: ["B3 trading calendars", "Brazilian federal holiday laws"],
  hours: [
    { until: "2019-11-01", open: "10:00", close: "17:00" },
    { from: "2019-11-04", open: "10:00", close: "18:00" },
  ],
  holidays: [
    { name: "New Year's Day", date: { fixed: [1, 1] } },
    { name: "São Paulo anniversary", date: { fixed: [1, 25] }, to: 2021 },
    { name: "Carnival", date: { easter: -48 }, days: 2 },
    { name: "Good Friday", date: { easter: -2 } },
    { name: "Tiradentes", date: { fixed: [4, 21] } },
    { name: "Labour Day", date: { fixed: [5, 1] } },
    { name: "Corpus Christi", date: { easter: 60 } },
    { name: "Constitutionalist Revolution Day", date: { fixed: [7, 9] }, from: 1998, to: 2021, except: [2020] },
    { name: "Independence Day", date: { fixed: [9, 7] } },
    { name: "Our Lady of Aparecida", date: { fixed: [10, 12] } },
    { name: "All Souls' Day", date: { fixed: [11, 2] } },
    { name: "Proclamation of the Republic", date: { fixed: [11, 15] } },
    { name: "Black Consciousness Day (São Paulo)", date: { fixed: [11, 20] }, from: 2004, to: 2019 },
    { name: "Black Consciousness Day", date: { fixed: [11, 20] }, from: 2024 },
    { name: "FIFA World Cup opening match in São Paulo", date: { on: ["2014-06-12"] } },
    { name: "Christmas Eve", date: { fixed: [12, 24] } },
    { name: "Christmas Day", date: { fixed: [12, 25] } },
    { name: "Last business day of the year", date: { businessDayBefore: [12, 32] } },
  ],
  specialHours: [{ name: "Ash Wednesday (late open)", date: { easter: -46 }, open: "13:00" }],
};
