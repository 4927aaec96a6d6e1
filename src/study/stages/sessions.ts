/**
 * Part of stage 2 of `eventStudy` (alignment): data and calendar rules together. An exchange
 * without built-in rules takes its sessions from the data of the assets listed on it (said
 * once); an exchange with rules keeps the rules' sessions, and each asset whose days disagree
 * with them gets one warning listing the days (missing rows are missing data, not holidays).
 * @module
 */
import { mismatchDetail, mismatchWarning, sessionsFromData } from "../../calendar/dataCheck.js";
import type { TradingCalendar } from "../../calendar/index.js";
import type { Warning } from "../../errors.js";
import { isoFromDayKey } from "../../time/index.js";
import type { Series } from "../../types.js";

/**
 * Replaces weekdays-only calendars by the sessions in the data of their assets and checks the
 * data of assets on rule calendars; `calendarOf` is updated in place.
 */
export function sessionsWithData(assets: readonly Series[], calendarOf: Map<string, TradingCalendar>, warnings: Warning[]): void {
  const byCalendar = new Map<TradingCalendar, Series[]>();
  for (const a of assets) {
    const cal = calendarOf.get(a.id)!;
    let list = byCalendar.get(cal);
    if (list === undefined) byCalendar.set(cal, (list = []));
    list.push(a);
  }
  for (const [cal, listed] of byCalendar) {
    if (cal.source === "weekdays") {
      const fromData = sessionsFromData(
        cal.exchange,
        listed.map((a) => a.days),
      );
      for (const a of listed) calendarOf.set(a.id, fromData);
      warnings.push(sessionsFromDataWarning(fromData, listed));
    } else if (cal.source === "rules") {
      // the comparison depends on the days only: once per day array (assets often share one)
      const detailOf = new Map<Int32Array, string | null>();
      for (const a of listed) {
        let detail = detailOf.get(a.days);
        if (detail === undefined) {
          detail = mismatchDetail(cal, a.days) ?? null;
          detailOf.set(a.days, detail);
        }
        if (detail !== null) warnings.push(mismatchWarning(cal, a.id, detail));
      }
    }
  }
}

function sessionsFromDataWarning(cal: TradingCalendar, listed: readonly Series[]): Warning {
  const code = cal.exchange.code;
  const names =
    listed
      .slice(0, 5)
      .map((a) => a.id)
      .join(", ") + (listed.length > 5 ? `, … (${listed.length} assets)` : "");
  return {
    code: "SESSIONS_FROM_DATA",
    message: `${code} has no built-in holiday rules: its sessions were taken from the data of the asset${listed.length === 1 ? "" : "s"} listed on it (${names}): ${cal.days.length} days from ${isoFromDayKey(cal.first)} to ${isoFromDayKey(cal.last)}. To use other days, give them with --calendar ${code}=FILE (CLI) or pass a calendar built from them (exchange option).`,
    exchange: code,
  };
}
