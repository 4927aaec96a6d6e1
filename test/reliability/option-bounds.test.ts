/**
 * Issue 17, class 5: numeric options bounded by what the data allow, and repeated flags.
 */
import { describe, expect, it } from "vitest";
import { dimsonNames, dummyRegression, eventStudy, signedRankDistribution, type MarketEvent } from "market-reaction";
import { bartlettWeights } from "../../src/stats/index.js";
import { cli } from "../cli/helpers.js";
import { marketPair, sessions } from "./helpers.js";

const days = sessions("2024-06-03", 140);
const { market, asset } = marketPair(21, days);
const returns = (s: typeof asset) => ({
  id: s.id,
  kind: "return" as const,
  days: s.days.slice(1),
  values: Float64Array.from(s.values.subarray(1), (v, i) => v / s.values[i]! - 1),
});

describe("options bounded by the data", () => {
  const data = { days: days.slice(1), asset: returns(asset).values, market: returns(market).values };
  const events = [{ id: "E1", day0: "2024-11-01" }];

  it("a Newey-West lag of 1,000 on about 113 observations is an INVALID_OPTION naming hacLag and the sample", () => {
    expect(() => dummyRegression(data, events, { window: [-1, 1], hacLag: 1000, estimation: 110 })).toThrow(
      /invalid hacLag: 1000; expected a lag below the \d+ regression observations \(the nw1994 rule gives \d+/,
    );
  });

  it("minEstimationObs above the estimation window is an INVALID_OPTION", () => {
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-11-01T12:00", timezone: "America/New_York", precision: "minute" }];
    expect(() => eventStudy({ assets: [asset], market, events: ev, estimation: [-100, -11], minEstimationObs: 500 })).toThrow(
      /invalid minEstimationObs: 500; expected at most the 90 sessions/,
    );
  });

  it("sizes that would exhaust memory are refused, not attempted", () => {
    expect(() => dimsonNames(1e9)).toThrow(/dimsonNames: p/);
    expect(() => bartlettWeights(2 ** 40)).toThrow(/bartlettWeights: lag/);
    expect(() => signedRankDistribution(1e7)).toThrow(/signedRankDistribution: n/);
  });

  it("CLI: a flag given twice with one value each is a usage error naming both", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--format",
      "json",
      "--format",
      "csv",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('market-reaction: study: --format given twice ("json" and "csv"); give it once\n');
  });
});
