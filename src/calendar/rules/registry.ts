/**
 * The built-in exchange calendars: one line per exchange, pointing at its data file in
 * `markets/`. Adding an exchange is a data file plus a line here (the contract test in
 * `test/calendar/registry.test.ts` checks every entry).
 *
 * @module
 */
import { XNAS, XNYS } from "../markets/xnys.js";
import { XAMS, XPAR } from "../markets/euronext.js";
import { XETR } from "../markets/xetr.js";
import { XLON } from "../markets/xlon.js";
import { XTKS } from "../markets/xtks.js";
import type { ExchangeRules } from "./types.js";

/** Built-in calendar rules by MIC, in the order `exchangeCodes()` lists them. */
export const CALENDAR_RULES: Readonly<Record<string, ExchangeRules>> = {
  XNYS,
  XNAS,
  XTKS,
  XLON,
  XETR,
  XPAR,
  XAMS,
};

/** The built-in rules of `mic` (upper case), if any. */
export function rulesOf(mic: string): ExchangeRules | undefined {
  return Object.prototype.hasOwnProperty.call(CALENDAR_RULES, mic) ? CALENDAR_RULES[mic] : undefined;
}
