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

  it("a Newey-West lag above a quarter of the observations is HAC_LAG_LARGE, with both numbers and the remedy", () => {
    const base = { window: [-1, 1] as const, estimation: 110 };
    const byRule = dummyRegression(data, events, base);
    const T = byRule.nObs;
    const quarter = Math.floor(T / 4);
    const at = dummyRegression(data, events, { ...base, hacLag: quarter });
    expect(at.warnings.map((w) => w.code)).not.toContain("HAC_LAG_LARGE");
    const above = dummyRegression(data, events, { ...base, hacLag: quarter + 1 });
    const w = above.warnings.find((x) => x.code === "HAC_LAG_LARGE");
    expect(w?.message).toBe(
      `the Newey-West lag ${quarter + 1} (given) is more than a quarter of the ${T} regression observations: ` +
        "the HAC standard errors shrink towards zero at such lags and their t statistics overstate significance; " +
        `use hacLag "nw1994" (lag ${byRule.hac.lag} here) or a lag of at most ${quarter} (command line: --hac-lag)`,
    );
    // the default rule on the same data gives no warning
    expect(byRule.hac.lag).toBe(Math.floor(4 * (T / 100) ** (2 / 9)));
    expect(byRule.warnings.map((x) => x.code)).not.toContain("HAC_LAG_LARGE");
  });

  it("the collapse the warning is about: at a lag near T the HAC variance of the intercept is a small fraction of OLS", () => {
    const base = { window: [-1, 1] as const, estimation: 110 };
    const T = dummyRegression(data, events, base).nObs;
    const wide = dummyRegression(data, events, { ...base, hacLag: T - 1 });
    // OLS residuals sum to zero, so with Bartlett weights near one the long-run variance of the
    // intercept's score nearly cancels
    expect(wide.covHac[0]! / wide.covOls[0]!).toBeLessThan(0.2);
    expect(wide.warnings.map((x) => x.code)).toContain("HAC_LAG_LARGE");
  });

  it("eventStudy passes HAC_LAG_LARGE on from its regression", async () => {
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-11-01T12:00", timezone: "America/New_York", precision: "minute" }];
    const study = eventStudy({ assets: [asset], market, events: ev, estimation: [-100, -11], regression: { hacLag: 40 } });
    const w = study.warnings.find((x) => x.code === "HAC_LAG_LARGE");
    expect(w?.message).toMatch(/^the Newey-West lag 40 \(given\) is more than a quarter of the (\d+) regression observations/);
    expect(Number(/of the (\d+) regression/.exec(w!.message)![1]) / 4).toBeLessThan(40);
  });

  it("minEstimationObs above the estimation window is an INVALID_OPTION", () => {
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-11-01T12:00", timezone: "America/New_York", precision: "minute" }];
    expect(() => eventStudy({ assets: [asset], market, events: ev, estimation: [-100, -11], minEstimationObs: 500 })).toThrow(
      /invalid minEstimationObs: 500; expected at most the 90 sessions/,
    );
  });

  it("event windows longer than any series spans are an INVALID_OPTION naming windows and --window", () => {
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-11-01T12:00", timezone: "America/New_York", precision: "minute" }];
    expect(() =>
      eventStudy({
        assets: [asset],
        market,
        events: ev,
        estimation: [-30, -11],
        windows: [
          [-1, 1],
          [-5, 140],
        ],
      }),
    ).toThrow(
      "invalid windows: [[-1, 1], [-5, 140]]; expected event windows that fit the data: they span 146 sessions (-5 to +140 around day 0), " +
        "but the longest series (AAA) spans 140 sessions; use shorter windows (command line: --window) or longer data",
    );
  });

  it("an estimation window whose required observations cannot fit is an INVALID_OPTION naming estimation and minEstimationObs", () => {
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-11-01T12:00", timezone: "America/New_York", precision: "minute" }];
    expect(() => eventStudy({ assets: [asset], market, events: ev, estimation: [-300, -11], windows: [[0, 5]] })).toThrow(
      "invalid estimation: [-300, -11]; expected an estimation window that fits the data: 145 estimation returns (minEstimationObs, by default half the window) " +
        "and the 16 sessions after the window up to the last event window's end need 161 sessions, but the longest series (AAA) spans 140 sessions; " +
        "use a shorter estimation window (command line: --estimation), a smaller minEstimationObs (--min-estimation) or longer data",
    );
    // asking for fewer observations makes the same window possible (the sample starts with the data)
    const study = eventStudy({ assets: [asset], market, events: ev, estimation: [-300, -11], windows: [[0, 5]], minEstimationObs: 60 });
    expect(study.models).toHaveLength(1);
    expect(() => eventStudy({ assets: [asset], market, events: ev, estimation: [-300, -11], windows: [[0, 5]], minEstimationObs: 130 })).toThrow(
      /^invalid estimation: \[-300, -11\]; expected .*: 130 estimation returns \(minEstimationObs\) and the 16 sessions .* need 146 sessions/,
    );
  });

  it("the bound counts sessions spanned, not rows: a weekly series is not refused for having few rows", () => {
    const weekly = { ...asset, days: asset.days.filter((_, i) => i % 5 === 0), values: asset.values.filter((_, i) => i % 5 === 0) };
    const ev: MarketEvent[] = [{ id: "E1", timestamp: "2024-10-01T12:00", timezone: "America/New_York", precision: "minute" }];
    // 28 rows spanning 136 sessions: a [0, 30] window and a [-60, -11] estimation window fit
    // the span, so the bound lets the study through; it then fails pair by pair, because every
    // weekly return spans several sessions (left out, not attributed to one)
    expect(weekly.days.length).toBe(28);
    expect(() => eventStudy({ assets: [weekly], market, events: ev, estimation: [-60, -11], windows: [[0, 30]], minEstimationObs: 3 })).toThrow(
      /^no \(asset, statement\) pair could be studied; first reason: event E1, asset AAA: INSUFFICIENT_ESTIMATION_DATA/,
    );
  });

  it("CLI: the error names the flag", async () => {
    const r = await cli("study", "--prices", "fixtures/daily/synthetic-us-index.csv", "--events", "fixtures/events/tariffs-2025.csv", "--estimation=-2000,-11");
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/invalid estimation: \[-2000, -11\].*command line: --estimation/);
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

  it("CLI: a repeatable flag given the same value twice, the same window written twice, or two units for one column are usage errors", async () => {
    const base = ["study", "--prices", "fixtures/daily/synthetic-us-index.csv", "--events", "fixtures/events/tariffs-2025.csv"];
    const same = await cli(...base, "--window=-1,1", "--window=-1,1");
    expect([same.code, same.stderr]).toEqual([2, 'market-reaction: study: --window "-1,1" given twice; give each value once\n']);
    const spelled = await cli(...base, "--window=-1,1", "--window=-1,+1");
    expect([spelled.code, spelled.stderr]).toEqual([2, 'market-reaction: --window "-1,1" and "-1,+1" are the same window [-1, 1]; give it once\n']);
    const measure = await cli(...base, "--measure", "returns", "--measure", "returns");
    expect(measure.stderr).toBe('market-reaction: study: --measure "returns" given twice; give each value once\n');
    const levels = ["study", "--levels", "fixtures/daily/synthetic-levels.csv", "--events", "fixtures/events/tariffs-2025.csv", "--measure", "changes"];
    const units = await cli(...levels, "--level-unit", "percent", "--level-unit", "points");
    expect([units.code, units.stderr]).toEqual([2, "market-reaction: --level-unit gives every column two units (percent and points); give one\n"]);
    const column = await cli(...levels, "--level-unit", "a=percent,a=points");
    expect(column.stderr).toBe('market-reaction: --level-unit gives column "a" two units (percent and points); give one\n');
    // different windows, and one unit per column, stay allowed
    expect((await cli(...base, "--window=-1,1", "--window=0,5")).code).toBe(0);
  });
});
