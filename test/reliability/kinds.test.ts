/**
 * Issue 17, class 4: a series whose values do not fit its declared kind stops with the
 * evidence, in the library entry points and on the command line.
 */
import { describe, expect, it } from "vitest";
import { alignReturns, eventStudy, tradingCalendar, type MarketEvent, type Series } from "market-reaction";
import { cli } from "../cli/helpers.js";
import { marketPair, sessions } from "./helpers.js";

const days = sessions("2024-01-02", 300);
const { market, asset } = marketPair(11, days);
const returnsOf = (s: Series, scale = 1): Series => ({
  id: s.id,
  kind: "return",
  days: s.days.slice(1),
  values: Float64Array.from(s.values.subarray(1), (v, i) => scale * (v / s.values[i]! - 1)),
});
const events: MarketEvent[] = [{ id: "E1", timestamp: "2025-01-15T12:00", timezone: "America/New_York", precision: "minute" }];
const cal = tradingCalendar("XNYS");

describe("kinds and units checked against the values", () => {
  it("prices given as returns: INVALID_INPUT naming the evidence and the remedy", () => {
    expect(() => alignReturns({ asset: { ...asset, kind: "return" }, calendar: cal })).toThrow(
      /"AAA" is given as returns but its values look like prices \(median \|value\| [\d.]+, 100 % positive.*pass it as prices/,
    );
    expect(() => eventStudy({ assets: [{ ...asset, kind: "return" }], events, estimation: [-120, -11] })).toThrow(/look like prices/);
  });

  it("percent returns given as decimal returns", () => {
    expect(() => alignReturns({ asset: returnsOf(asset, 100), calendar: cal })).toThrow(/percent returns\? divide them by 100/);
  });

  it("returns given as prices", () => {
    expect(() => alignReturns({ asset: { ...returnsOf(asset), kind: "price" }, calendar: cal })).toThrow(/given as prices but its values look like returns/);
  });

  it("a market of the wrong kind is named as the market", () => {
    expect(() => alignReturns({ asset, market: { ...market, kind: "return" }, calendar: cal })).toThrow(/^market "MKT" is given as returns/);
  });

  it("plausible series pass: decimal returns and prices", () => {
    expect(alignReturns({ asset: returnsOf(asset), market, calendar: cal }).asset.length).toBeGreaterThan(250);
    expect(alignReturns({ asset, calendar: cal }).asset.length).toBeGreaterThan(250);
  });

  it("CLI: a price file passed as --returns exits 1 with one line saying so", async () => {
    const r = await cli("study", "--returns", "fixtures/daily/synthetic-us-index.csv", "--events", "fixtures/events/tariffs-2025.csv");
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/look like prices.*--prices instead of --returns/);
  });
});
