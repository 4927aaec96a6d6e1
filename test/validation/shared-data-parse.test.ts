// Parses every CSV file of ../shared/data with the core parsers and checks row counts against
// the data README and a few known closes. Reads only; nothing is copied into the project.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  MarketReactionError,
  dayKey,
  parseEventsCsv,
  parseFactorsCsv,
  parseSeriesCsv,
  type ParseSeriesOptions,
  type Series,
  type SeriesTable,
} from "market-reaction";
import { readEventsFileSync, readSeriesFileSync } from "market-reaction/node";
import { describeWithSharedData, readSharedData, sharedDataDir } from "../helpers/shared-data.js";

/** Rows per file from the tables of ../shared/data/README.md. */
const README_ROWS: Record<string, number> = {
  "sp500_daily_2023_2026.csv": 912,
  "djia_daily_2023_2026.csv": 912,
  "nasdaq_composite_daily_2023_2026.csv": 912,
  "russell2000_daily_2023_2026.csv": 912,
  "vix_daily_cboe_2023_2026.csv": 891,
  "nasdaq100_daily_2023_2026.csv": 911,
  "etf_acwi_daily_adjclose_2023_2026.csv": 912,
  "etf_vt_daily_adjclose_2023_2026.csv": 912,
  "nikkei225_daily_2023_2026.csv": 848,
  "hangseng_daily_2023_2026.csv": 849,
  "shanghai_composite_daily_2023_2026.csv": 871,
  "csi300_daily_2023_2026.csv": 849,
  "dax_daily_2023_2026.csv": 799,
  "stoxx600_daily_2023_2026.csv": 786,
  "eurostoxx50_daily_2023_2026.csv": 786,
  "ftse100_daily_2023_2026.csv": 795,
  "etf_rsp_daily_adj_2023_2026.csv": 793,
};
const ETF_859 = [
  "spy",
  "qqq",
  "iwm",
  "dia",
  "mdy",
  "vti",
  "smh",
  "efa",
  "eem",
  "fxi",
  "tlt",
  "gld",
  "xlk",
  "xlf",
  "xle",
  "xlv",
  "xli",
  "xly",
  "xlp",
  "xlu",
  "xlb",
  "xlre",
  "xlc",
];
for (const t of ETF_859) README_ROWS[`etf_${t}_daily_adj_2023_2026.csv`] = 859;

/** Files that are not daily price series of the top folder, tested on their own below. */
const SPECIAL = new Set([
  "fama_french_5f_mom_daily_2023_2026.csv",
  "tariff_events_2025.csv",
  "treasury_yields_fred_daily_2023_2026.csv",
  "sp500_close_crosscheck_2023_2026.csv",
  "spxl_1min_rth_20250407_20250409.csv",
]);

const valueOn = (s: Series, y: number, m: number, d: number): number | undefined => {
  const i = s.days.indexOf(dayKey(y, m, d));
  return i < 0 ? undefined : s.values[i];
};

function one(table: SeriesTable): Series {
  expect(table.series).toHaveLength(1);
  return table.series[0]!;
}

function parseShared(rel: string, options: ParseSeriesOptions = {}): SeriesTable {
  return parseSeriesCsv(readSharedData(rel), { file: rel, ...options });
}

describeWithSharedData("shared data: every CSV parses", () => {
  const top = sharedDataDir === undefined ? [] : readdirSync(sharedDataDir).filter((f) => f.endsWith(".csv"));

  it("the README lists every daily price file of the folder", () => {
    const daily = top.filter((f) => !SPECIAL.has(f));
    expect(daily.length).toBe(40);
    expect(daily.filter((f) => README_ROWS[f] === undefined)).toEqual([]);
  });

  it("each daily price file gives one series with the README's row count, positive and ascending", () => {
    for (const f of top.filter((name) => !SPECIAL.has(name))) {
      const t = parseShared(f);
      const s = one(t);
      expect(t.format, f).toBe("generic");
      expect(s.days.length, f).toBe(README_ROWS[f]);
      expect(t.rowCount, f).toBe(README_ROWS[f]);
      expect(t.warnings, f).toEqual([]);
      expect(t.columns.values, f).toEqual([f.startsWith("etf_") ? "adj_close" : "close"]);
      for (let i = 1; i < s.days.length; i++) expect(s.days[i]! > s.days[i - 1]!).toBe(true);
      expect(
        s.values.every((v) => v > 0 && Number.isFinite(v)),
        f,
      ).toBe(true);
    }
  });

  it("S&P 500 closes match the README's plausibility table", () => {
    const s = one(parseShared("sp500_daily_2023_2026.csv"));
    expect(valueOn(s, 2025, 4, 2)).toBe(5670.97);
    expect(valueOn(s, 2025, 4, 3)).toBe(5396.52);
    expect(valueOn(s, 2025, 4, 4)).toBe(5074.08);
    expect(valueOn(s, 2025, 4, 7)).toBe(5062.25);
    expect(valueOn(s, 2025, 4, 8)).toBe(4982.77);
    expect(valueOn(s, 2025, 4, 9)).toBe(5456.9);
    // the Carter day of mourning is not a trading day
    expect(valueOn(s, 2025, 1, 9)).toBeUndefined();
    // SPY adjusted close on 2025-04-09: the README quotes it rounded to cents
    const spy = valueOn(one(parseShared("etf_spy_daily_adj_2023_2026.csv")), 2025, 4, 9)!;
    expect(Math.round(spy * 100) / 100).toBe(543.88);
  });

  it("the three-source S&P 500 file is wide; Stooq and FRED gaps are counted, closes agree on 2025-04-09", () => {
    const t = parseShared("sp500_close_crosscheck_2023_2026.csv");
    expect(t.format).toBe("wide");
    expect(t.series.map((s) => s.id)).toEqual(["yahoo_close", "stooq_close", "fred_close"]);
    expect(t.series[0]!.days.length).toBe(912);
    for (const s of t.series) expect(valueOn(s, 2025, 4, 9)).toBe(5456.9);
    expect(t.warnings.map((w) => [w.code, w.asset])).toEqual([
      ["MISSING_VALUES", "stooq_close"],
      ["MISSING_VALUES", "fred_close"],
    ]);
    // dropped + kept = rows, for each source
    for (const [k, w] of t.warnings.entries()) {
      const dropped = Number(/(\d+) rows?/.exec(w.message)![1]);
      expect(dropped + t.series[k + 1]!.days.length).toBe(912);
    }
  });

  it("Treasury yields: levels by column; the 10y-2y spread is not a price and is rejected row by row", () => {
    const e = (() => {
      try {
        parseShared("treasury_yields_fred_daily_2023_2026.csv");
      } catch (err) {
        return err as MarketReactionError;
      }
      return undefined;
    })();
    expect(e?.code).toBe("INVALID_INPUT");
    expect(e!.issues.every((i) => i.column === "t10y2y" || i.message.includes("further problems"))).toBe(true);
    const t = parseShared("treasury_yields_fred_daily_2023_2026.csv", { valueColumn: ["dgs2", "dgs10", "dgs30"] });
    expect(t.series.map((s) => s.id)).toEqual(["dgs2", "dgs10", "dgs30"]);
    expect(t.rowCount).toBe(910);
    // bond market open on the Carter day of mourning
    expect(valueOn(t.series[1]!, 2025, 1, 9)).toBeDefined();
  });

  it("the Fama-French file: 772 rows, percent converted to decimal", () => {
    const f = parseFactorsCsv(readSharedData("fama_french_5f_mom_daily_2023_2026.csv"));
    expect(f.format).toBe("generic");
    expect(f.days.length).toBe(772);
    expect(f.keys).toEqual(["mkt_rf", "smb", "hml", "rmw", "cma", "rf", "mom"]);
    expect(f.sourceUnit).toBe("percent");
    expect(f.warnings.map((w) => w.code)).toEqual(["FACTOR_UNIT_ASSUMED"]);
    // first row: 2023-01-03,-0.47,0.08,-0.1,0.27,0.53,0.02,-1.1
    expect(f.days[0]).toBe(dayKey(2023, 1, 3));
    expect(Array.from(f.names, (n) => f.columns[n]![0])).toEqual([-0.0047, 0.0008, -0.001, 0.0027, 0.0053, 0.0002, -0.011]);
    const explicit = parseFactorsCsv(readSharedData("fama_french_5f_mom_daily_2023_2026.csv"), { unit: "percent" });
    expect(explicit.warnings).toEqual([]);
    expect(explicit.factor("Mkt-RF")).toEqual(f.factor("mkt_rf"));
  });

  it("the tariff statements parse as 40 events", () => {
    const t = parseEventsCsv(readSharedData("tariff_events_2025.csv"));
    expect(t.events).toHaveLength(40);
    expect(t.columns.timestamp).toBe("datetime_et");
    expect(t.columns.label).toBe("description");
    expect(t.columns.source).toBe("source_url");
    const byId = new Map(t.events.map((e) => [e.id, e]));
    expect(byId.get("E34")).toMatchObject({ timestamp: "2025-04-09T13:18", precision: "minute", speaker: "Donald Trump" });
    expect(byId.get("E22")!.timestamp).toBe("2025-04-07T10:11");
    expect(byId.get("E18")).toMatchObject({ timestamp: "2025-04-06", precision: "date" });
    expect(t.events.every((e) => e.timezone === "America/New_York" && typeof e.extra?.market_session === "string")).toBe(true);
    const dated = t.events.filter((e) => e.precision === "date").length;
    expect(dated).toBe(t.events.filter((e) => !e.timestamp.includes("T")).length);
    // the node reader gives the same events
    expect(readEventsFileSync(join(sharedDataDir!, "tariff_events_2025.csv")).events).toEqual(t.events);
  });

  it("the one-minute SPXL file does not fit the daily model: its repeated dates are rejected, not collapsed", () => {
    // Intraday bars are a later issue; the daily reader must refuse them rather than keep one bar a day.
    const r = (() => {
      try {
        parseShared("spxl_1min_rth_20250407_20250409.csv", { dateColumn: "datetime_et" });
      } catch (err) {
        return err as MarketReactionError;
      }
      return undefined;
    })();
    expect(r?.code).toBe("INVALID_INPUT");
    expect(r!.issues[0]!.message).toContain("duplicate date 2025-04-07");
  });

  it("derived wide files: sectors and ACWI", () => {
    const eleven = parseShared("derived/sectors11_wide.csv");
    expect(eleven.format).toBe("wide");
    expect(eleven.series.map((s) => s.id)).toEqual(["XLK", "XLF", "XLE", "XLV", "XLI", "XLY", "XLP", "XLU", "XLB", "XLRE", "XLC"]);
    expect(eleven.series.every((s) => s.days.length === 859)).toBe(true);
    const three = parseShared("derived/sectors_wide.csv");
    expect(three.series.map((s) => s.id)).toEqual(["XLK", "XLE", "XLF"]);
    // same values as the ETF file
    const xlk = one(readSeriesFileSync(join(sharedDataDir!, "etf_xlk_daily_adj_2023_2026.csv")));
    expect(three.series[0]!.values).toEqual(xlk.values);
    const acwi = one(parseShared("derived/acwi.csv"));
    expect(acwi.id).toBe("ACWI");
    expect(acwi.days.length).toBe(912);
  });

  it("estudy2 data: wide prices and returns with NA, long panels", () => {
    const prices = parseShared("estudy2/prices.csv");
    expect(prices.series.map((s) => s.id)).toEqual(["AMZN", "ZM", "UBER", "NFLX", "SHOP", "FB", "UPWK"]);
    expect(prices.rowCount).toBe(253);
    const zm = prices.series[1]!;
    const zmDropped = Number(/(\d+) rows?/.exec(prices.warnings.find((w) => w.asset === "ZM")!.message)![1]);
    expect(zm.days.length + zmDropped).toBe(253);
    expect(valueOn(prices.series[0]!, 2019, 4, 1)).toBe(1814.1899410000001);

    const rates = parseShared("estudy2/rates.csv", { values: "return" });
    expect(rates.series[0]!.kind).toBe("return");
    expect(valueOn(rates.series[0]!, 2019, 4, 2)).toBe(-0.00011573934231644345);
    expect(rates.series.every((s) => s.values.every((v) => v > -1))).toBe(true);

    const withNa = parseShared("estudy2/case5_rates_with_na.csv", { values: "return" });
    const plain = rates.series.reduce((n, s) => n + s.days.length, 0);
    const injected = withNa.series.reduce((n, s) => n + s.days.length, 0);
    // case5_injected_na.csv lists the six injected missing returns
    expect(plain - injected).toBe(6);

    expect(one(parseShared("estudy2/prices_indx.csv")).id).toBe("GSPC");
    expect(one(parseShared("estudy2/rates_indx.csv", { values: "return" })).days.length).toBe(252);

    const panel = parseShared("estudy2/securities_returns.csv", { valueColumn: "observed", values: "return" });
    expect(panel.format).toBe("long");
    expect(panel.columns.asset).toBe("security");
    expect(panel.series).toHaveLength(7);
    expect(valueOn(panel.series[0]!, 2019, 4, 2)).toBe(-0.00011573934231644345);

    const eventTime = parseShared("estudy2/case6_event_time_panel.csv", { dateColumn: "real_date", valueColumn: "rate", values: "return" });
    expect(eventTime.format).toBe("long");
    // UBER's rates before its listing are NA: dropped and counted, kept + dropped = 952 rows
    const kept = eventTime.series.reduce((n, s) => n + s.days.length, 0);
    expect(eventTime.warnings.map((w) => [w.code, w.asset])).toEqual([["MISSING_VALUES", "UBER"]]);
    expect(kept + Number(/(\d+) rows?/.exec(eventTime.warnings[0]!.message)![1])).toBe(952);
    expect(eventTime.rowCount).toBe(952);
    // case5_injected_na.csv (security,date), case6_events.csv (security,event_date) and
    // securities_returns_model.csv (fitted parameters) are not price series; the estudy2 tests use them.
  });
});
