import { expect, it } from "vitest";
import { checkCalendar, tradingCalendar } from "../../src/calendar/calendar.js";
import { exchangeCodes } from "../../src/calendar/exchanges.js";
import { describeWithSharedData, readProjectFile, readSharedData } from "../helpers/shared-data.js";
import { parseSeriesCsv } from "../../src/io/index.js";
import { dayKeyFromIso } from "../../src/time/dayKey.js";
import { compactDifferences, compareWithReference } from "./reference-compare.js";
import type { KnownDifferences } from "./reference-compare.js";

// Every built-in calendar against the reference schedules of ../shared/data/calendars, day by
// day and close by close over the reference's range. The differences that remain are kept in
// reference-differences.json (written by scripts/calendars/compare-reference.ts) and explained
// in docs/calendars.md: a new difference, or a listed one that disappears, fails the test.
describeWithSharedData("built-in calendars against the reference schedules", () => {
  let known: Record<string, KnownDifferences>;
  let docs: string;
  const refOf = (mic: string): string => (mic === "XNAS" ? "XNYS" : mic === "XSHE" ? "XSHG" : mic);

  it.each(exchangeCodes())("%s: sessions, opens, closes and breaks differ only where listed", (mic) => {
    known ??= JSON.parse(readProjectFile("test/calendar/reference-differences.json")) as Record<string, KnownDifferences>;
    const r = compareWithReference(mic, readSharedData(`calendars/${refOf(mic)}.csv`));
    expect(compactDifferences(r)).toEqual(known[mic]);
    // the documentation states the same counts
    docs ??= readProjectFile("docs/calendars.md");
    const row = docs.split("\n").find((l) => l.startsWith(`| ${mic} |`));
    expect(row, `docs/calendars.md has a row for ${mic}`).toBeDefined();
    const cells = row!.split("|").map((c) => c.trim());
    expect(cells.slice(3, 6).map(Number)).toEqual([r.missing.length, r.extra.length, r.hours.length]);
  });
});

const ETF_FILES = [
  "acwi",
  "dia",
  "eem",
  "efa",
  "fxi",
  "gld",
  "iwm",
  "mdy",
  "qqq",
  "rsp",
  "smh",
  "spy",
  "tlt",
  "vt",
  "vti",
  "xlb",
  "xlc",
  "xle",
  "xlf",
  "xli",
  "xlk",
  "xlp",
  "xlre",
  "xlu",
  "xlv",
  "xly",
].map((t) => `etf_${t}_daily_${t === "acwi" || t === "vt" ? "adjclose" : "adj"}_2023_2026.csv`);

/** The ISO dates of a CSV's first column (files whose values are not prices: factor returns, yields). */
function datesOfFirstColumn(text: string): number[] {
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => dayKeyFromIso(line.split(",")[0]!.trim()));
}

// The trading days of the real index files against the built-in calendars of their exchanges.
describeWithSharedData("real index files against the built-in calendars", () => {
  const cases: [string, string][] = [
    ["nikkei225_daily_2023_2026.csv", "XTKS"],
    ["hangseng_daily_2023_2026.csv", "XHKG"],
    ["ftse100_daily_2023_2026.csv", "XLON"],
    ["dax_daily_2023_2026.csv", "XETR"],
    ["shanghai_composite_daily_2023_2026.csv", "XSHG"],
    ["sp500_daily_2023_2026.csv", "XNYS"],
    ["nasdaq_composite_daily_2023_2026.csv", "XNAS"],
  ];
  it.each(cases)("%s has a row on every %s session and none on a closed day", (file, mic) => {
    const { series } = parseSeriesCsv(readSharedData(file));
    const r = checkCalendar(tradingCalendar(mic), series[0]!);
    expect([r.missing, r.extra]).toEqual([[], []]);
  });

  // US files: indices, ETFs (NYSE Arca and Nasdaq listings trade on NYSE days), the VIX (Cboe)
  // and the Fama-French factors (returns of NYSE/AMEX/Nasdaq stocks); every series of each file
  it.each([
    "djia_daily_2023_2026.csv",
    "nasdaq100_daily_2023_2026.csv",
    "russell2000_daily_2023_2026.csv",
    "sp500_close_crosscheck_2023_2026.csv",
    "vix_daily_cboe_2023_2026.csv",
    ...ETF_FILES,
    "derived/acwi.csv",
    "derived/sectors_wide.csv",
    "derived/sectors11_wide.csv",
  ])("%s: every series has a row on every XNYS session and none on a closed day", (file) => {
    const { series } = parseSeriesCsv(readSharedData(file));
    expect(series.length).toBeGreaterThan(0);
    for (const s of series)
      expect([s.id, checkCalendar(tradingCalendar("XNYS"), s).missing, checkCalendar(tradingCalendar("XNYS"), s).extra]).toEqual([s.id, [], []]);
  });

  it("Fama-French daily factors: a row on every XNYS session and none on a closed day", () => {
    const r = checkCalendar(tradingCalendar("XNYS"), datesOfFirstColumn(readSharedData("fama_french_5f_mom_daily_2023_2026.csv")));
    expect([r.missing, r.extra]).toEqual([[], []]);
  });

  it("Treasury yields (FRED) follow the bond market, which differs from the NYSE on known days only", () => {
    const r = checkCalendar(tradingCalendar("XNYS"), datesOfFirstColumn(readSharedData("treasury_yields_fred_daily_2023_2026.csv")));
    // bond market closed, NYSE open: Columbus Day and Veterans Day (SIFMA holidays)
    expect(r.missing).toEqual(["2023-10-09", "2024-10-14", "2024-11-11", "2025-10-13", "2025-11-11"]);
    // bond market open, NYSE closed: Good Friday 2023 and 2026 (early bond close), the Carter day of mourning 2025-01-09
    expect(r.extra).toEqual(["2023-04-07", "2025-01-09", "2026-04-03"]);
  });

  it("CSI 300: rows on every XSHG session up to its gaps of June-July 2026 (missing data, not holidays)", () => {
    const { series } = parseSeriesCsv(readSharedData("csi300_daily_2023_2026.csv"));
    const r = checkCalendar(tradingCalendar("XSHG"), series[0]!);
    expect(r.extra).toEqual([]);
    expect(r.missing.every((d) => d >= "2026-06-01")).toBe(true);
  });

  it("Euro Stoxx 50 and STOXX 600 follow the Swiss (XSWX) closing days, not Paris's", () => {
    for (const file of ["eurostoxx50_daily_2023_2026.csv", "stoxx600_daily_2023_2026.csv"]) {
      const { series } = parseSeriesCsv(readSharedData(file));
      expect(checkCalendar(tradingCalendar("XSWX"), series[0]!).ok).toBe(true);
      expect(checkCalendar(tradingCalendar("XPAR"), series[0]!).missing.length).toBeGreaterThan(10);
    }
  });
});
