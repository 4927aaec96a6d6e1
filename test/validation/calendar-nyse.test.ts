// The built-in NYSE calendar against the real US files of ../shared/data (read-only; never copied).
import { expect, it } from "vitest";
import { alignEvents } from "../../src/calendar/align.js";
import { nyseTradingDays } from "../../src/calendar/nyse.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/index.js";
import { describeWithSharedData, readSharedData } from "../helpers/shared-data.js";

/** The first column of a simple CSV (no quoted commas in the date column). */
function dateColumn(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  expect(lines[0]!.split(",")[0]).toBe("date");
  return lines.slice(1).map((l) => l.slice(0, l.indexOf(",")));
}

const US_FILES = [
  "sp500_daily_2023_2026.csv",
  "djia_daily_2023_2026.csv",
  "nasdaq_composite_daily_2023_2026.csv",
  "russell2000_daily_2023_2026.csv",
  "nasdaq100_daily_2023_2026.csv",
  "vix_daily_cboe_2023_2026.csv",
  "etf_spy_daily_adj_2023_2026.csv",
  "etf_qqq_daily_adj_2023_2026.csv",
  "etf_dia_daily_adj_2023_2026.csv",
  "etf_rsp_daily_adj_2023_2026.csv",
  "etf_acwi_daily_adjclose_2023_2026.csv",
];

describeWithSharedData("NYSE calendar vs US data files", () => {
  it.each(US_FILES)("%s has exactly the NYSE sessions of its span", (file) => {
    const dates = dateColumn(readSharedData(file));
    const first = dayKeyFromIso(dates[0]!);
    const last = dayKeyFromIso(dates[dates.length - 1]!);
    const expected = [...nyseTradingDays(first, last)].map(isoFromDayKey);
    const have = new Set(dates);
    const want = new Set(expected);
    expect(
      expected.filter((x) => !have.has(x)),
      "missing",
    ).toEqual([]);
    expect(
      dates.filter((x) => !want.has(x)),
      "extra",
    ).toEqual([]);
    expect(dates).toEqual(expected);
  });

  it("classifies the timed tariff statements as the sourced list does (market_session column)", () => {
    const lines = readSharedData("tariff_events_2025.csv")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "");
    const header = lines[0]!.split(",");
    const idIdx = header.indexOf("id");
    const tsIdx = header.indexOf("datetime_et");
    const tzIdx = header.indexOf("timezone");
    const session = (l: string) => l.slice(l.lastIndexOf(",", l.lastIndexOf(",") - 1) + 1, l.lastIndexOf(","));
    expect(header[header.length - 2]).toBe("market_session");
    const map: Record<string, string> = { pre_open: "pre-open", regular: "regular", after_close: "after-close", non_trading_day: "non-trading" };
    let checked = 0;
    for (const l of lines.slice(1)) {
      const cells = l.split(",");
      const ts = cells[tsIdx]!;
      const label = session(l);
      if (ts.length <= 10) {
        // Date-only rows: a non_trading_day label must agree with the calendar.
        if (label !== "non_trading_day") continue;
        const r = alignEvents([{ id: cells[idIdx]!, timestamp: ts, timezone: cells[tzIdx]!, precision: "date" }], "XNYS");
        expect(r.rows[0]!.rule, cells[idIdx]).toBe("date-only-next");
        checked++;
        continue;
      }
      const r = alignEvents([{ id: cells[idIdx]!, timestamp: ts, timezone: cells[tzIdx]!, precision: "minute" }], "XNYS");
      expect(r.rows[0]!.session, `${cells[idIdx]} ${ts}`).toBe(map[label]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
