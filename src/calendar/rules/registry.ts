/**
 * The built-in exchange calendars: one line per exchange, pointing at its data file in
 * `markets/`. Adding an exchange is a data file plus a line here (the contract test in
 * `test/calendar/registry.test.ts` checks every entry).
 *
 * @module
 */
import { BVMF } from "../markets/bvmf.js";
import { XAMS, XPAR } from "../markets/euronext.js";
import { XASX } from "../markets/xasx.js";
import { XBOM } from "../markets/xbom.js";
import { XETR } from "../markets/xetr.js";
import { XHKG } from "../markets/xhkg.js";
import { XIST } from "../markets/xist.js";
import { XJSE } from "../markets/xjse.js";
import { XKRX } from "../markets/xkrx.js";
import { XLON } from "../markets/xlon.js";
import { XMAD } from "../markets/xmad.js";
import { XMEX } from "../markets/xmex.js";
import { XMIL } from "../markets/xmil.js";
import { XNAS, XNYS } from "../markets/xnys.js";
import { XSES } from "../markets/xses.js";
import { XSHE, XSHG } from "../markets/xshg.js";
import { XSWX } from "../markets/xswx.js";
import { XTAE } from "../markets/xtae.js";
import { XTAI } from "../markets/xtai.js";
import { XTKS } from "../markets/xtks.js";
import { XTSE } from "../markets/xtse.js";
import type { ExchangeRules } from "./types.js";

/**
 * Built-in calendar rules by MIC, in the order `exchangeCodes()` lists them.
 *
 * @example
 * Object.keys(CALENDAR_RULES).length; // => 24
 * CALENDAR_RULES.XHKG?.timezone; // => "Asia/Hong_Kong"
 */
export const CALENDAR_RULES: Readonly<Record<string, ExchangeRules>> = {
  XNYS,
  XNAS,
  XTKS,
  XLON,
  XETR,
  XPAR,
  XHKG,
  XSHG,
  XSHE,
  XASX,
  XTSE,
  XKRX,
  XTAI,
  XMIL,
  XTAE,
  XSWX,
  XBOM,
  XSES,
  BVMF,
  XMEX,
  XAMS,
  XMAD,
  XJSE,
  XIST,
};

/** The built-in rules of `mic` (upper case), if any. */
export function rulesOf(mic: string): ExchangeRules | undefined {
  return Object.prototype.hasOwnProperty.call(CALENDAR_RULES, mic) ? CALENDAR_RULES[mic] : undefined;
}
