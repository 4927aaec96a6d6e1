import { describe, expect, it } from "vitest";
import { readableAssetName } from "../../src/index.js";

describe("readableAssetName (display names of file-stem ids)", () => {
  it("drops date ranges, frequency and adjustment words and instrument prefixes; upper-cases a ticker", () => {
    expect(readableAssetName("sp500_daily_2023_2026")).toBe("SP500");
    expect(readableAssetName("etf_xlk_daily_adj_2023_2026")).toBe("XLK");
    expect(readableAssetName("etf_acwi_daily_adjclose_2023_2026")).toBe("ACWI");
    expect(readableAssetName("spy-close-20250407")).toBe("SPY");
    expect(readableAssetName("idx_dax_weekly")).toBe("DAX");
    expect(readableAssetName("etf_spy")).toBe("SPY");
    expect(readableAssetName("spxl_1min_rth_20250407_20250409")).toBe("SPXL");
  });
  it("joins several remaining words: short ones upper-cased, long ones capitalised", () => {
    expect(readableAssetName("nasdaq_composite_daily_2023_2026")).toBe("Nasdaq Composite");
    expect(readableAssetName("msci_acwi_adj")).toBe("MSCI ACWI");
  });
  it("leaves ids that are not file stems, and ids with nothing left, as they are", () => {
    expect(readableAssetName("TECH")).toBe("TECH");
    expect(readableAssetName("synthetic-us-index")).toBe("synthetic-us-index");
    expect(readableAssetName("S&P 500")).toBe("S&P 500");
    expect(readableAssetName("etf")).toBe("etf");
    expect(readableAssetName("daily_2023_2026")).toBe("daily_2023_2026");
  });
});
