import { describe, expect, it } from "vitest";
import { tradingCalendar, type Series } from "../../../src/index.js";
import { assetReturns, thinTradingWarning } from "../../../src/study/stages/returns.js";
import { asset, days, market, resolved } from "./helpers.js";

describe("stages/returns", () => {
  it("assetReturns: the asset and the benchmark on the asset's calendar, and the model's columns", () => {
    const a = asset("A", 1.5);
    const r = assetReturns(a, market, undefined, tradingCalendar("XNYS"), resolved(), new Map());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.data.days)).toEqual(Array.from(days));
    expect(r.data.asset[10]).toBe(a.values[10]);
    expect(r.columns.market![10]).toBe(market.values[10]);
    expect(r.warnings).toEqual([]);
  });

  it("assetReturns: an error of the model's columns is returned with the warnings met before it", () => {
    const flat: Series = { ...asset("A", 1), values: Float64Array.from(days, (_d, i) => (i % 3 === 0 ? 0.01 : 0)) };
    const factors = { days, names: ["Mkt-RF"], columns: { "Mkt-RF": market.values } };
    const r = assetReturns(
      flat,
      market,
      factors,
      tradingCalendar("XNYS"),
      resolved({ model: "ff3", factors, ...({ market: undefined } as object) }),
      new Map(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("INVALID_OPTION");
    expect(r.warnings.map((w) => w.code)).toEqual(["THIN_TRADING"]);
  });

  it("thinTradingWarning: at least 5 and at least 10% of the finite returns exactly zero", () => {
    const of = (zeros: number, others: number, nans = 0) =>
      Float64Array.from([...Array(zeros).fill(0), ...Array(others).fill(0.01), ...Array(nans).fill(Number.NaN)]);
    expect(thinTradingWarning("A", "XNYS", of(4, 10))).toBeUndefined();
    expect(thinTradingWarning("A", "XNYS", of(5, 46))).toBeUndefined(); // 9.8%
    const w = thinTradingWarning("A", "XNYS", of(5, 45, 100))!; // NaNs do not count
    expect(w).toMatchObject({ code: "THIN_TRADING", asset: "A", exchange: "XNYS" });
    expect(w.message).toContain("5 of 50 returns (10.0%)");
  });
});
