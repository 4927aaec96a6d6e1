import { describe, expect, it } from "vitest";
import { alignReturns, dummyRegression, eventStudy, isMarketReactionError, placeboTest, tradingCalendar, type MarketEvent } from "../../src/index.js";
import { readEventsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { cli } from "../cli/helpers.js";

const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));
const day0 = { E10: "2025-04-03", E17: "2025-04-07", E27: "2025-04-08", E34: "2025-04-09" } as const;

describe("eventStudy({regression}) — the dummy-variable regression inside a study", () => {
  const study = eventStudy({ assets: [us], market: world, events: pick("E10", "E17", "E27", "E34"), windows: [[-1, 1]], regression: { hacLag: 4 } });

  it("gives the same coefficients, errors and Wald tests as dummyRegression on the aligned series", () => {
    const data = alignReturns({ asset: us, market: world, calendar: tradingCalendar("XNYS") });
    const direct = dummyRegression(
      data,
      Object.entries(day0).map(([id, d]) => ({ id, day0: d })),
      { window: [-1, 1], controls: ["market"], estimation: 240, hacLag: 4 },
    );
    expect(study.regression.map((r) => r.term)).toEqual(direct.regression.map((r) => r.term));
    study.regression.forEach((r, j) => {
      expect(r.estimate).toBe(direct.regression[j]!.estimate);
      expect(r.std_error_hac).toBe(direct.regression[j]!.std_error_hac);
      expect(r.p_value).toBe(direct.regression[j]!.p_value);
    });
    expect(study.wald.map((w) => w.statistic)).toEqual(direct.wald.map((w) => w.statistic));
    expect(study.regression_car.map((c) => c.estimate)).toEqual(direct.cars.map((c) => c.estimate));
  });

  it("adds regression, regression_car, wald and regression_info to the JSON only when asked for", () => {
    const keys = Object.keys(JSON.parse(study.toJSONText()));
    expect(keys).toEqual([
      "events",
      "models",
      "abnormal",
      "car",
      "warnings",
      "skipped",
      "options",
      "regression",
      "regression_car",
      "wald",
      "regression_info",
      "provenance",
    ]);
    const plain = eventStudy({ assets: [us], market: world, events: pick("E10"), windows: [[-1, 1]] });
    expect(Object.keys(plain.toJSON())).not.toContain("regression");
  });

  it("warns about the high event-period volatility of April 2025, with advice about what the study computed", () => {
    const high = (s: ReturnType<typeof eventStudy>) => s.warnings.filter((w) => w.code === "HIGH_EVENT_VOLATILITY").map((w) => w.message);
    expect(high(study)).toHaveLength(1);
    // every event coefficient of the event specification is a session isolated by its own dummy: OLS, not HAC
    expect(study.regression.filter((r) => r.kind === "event").every((r) => r.vcov === "ols")).toBe(true);
    expect(high(study)[0]).toMatch(
      /and the regression's event coefficients, CARs and Wald tests use the OLS covariance \(each event session is isolated by its own dummy, which Newey-West cannot see\), so they are not robust to it either: the placebo option adds the placebo test drawn from the same volatility regime$/,
    );
    const base = { assets: [us], market: world, events: pick("E17", "E27"), windows: [[-1, 1]] as [number, number][] };
    expect(high(eventStudy(base))[0]).toMatch(
      /so the t and SQ p-values of this study may be too small: the placebo option .* is robust to it; the regression option's Newey-West errors are robust only for coefficients of sessions not isolated by their own dummy \(pooled dummies\)$/,
    );
    expect(high(eventStudy({ ...base, placebo: { seed: 1, draws: 99 } }))[0]).toMatch(
      /so read the placebo test drawn from the same volatility regime \(the regression option adds Newey-West \(HAC\) errors where a session is not isolated by its own dummy\)$/,
    );
    expect(high(eventStudy({ ...base, placebo: { seed: 1, draws: 99 }, regression: {} }))[0]).toMatch(
      /so read the placebo test drawn from the same volatility regime: the regression's event coefficients, CARs and Wald tests use the OLS covariance/,
    );
    const pooled = eventStudy({ ...base, placebo: { seed: 1, draws: 99 }, regression: { specification: "pooled" } });
    const hacUsed = pooled.regression.some((r) => r.kind === "pooled" && r.vcov === "hac");
    expect(high(pooled)[0]).toMatch(hacUsed ? /so read the Newey-West \(HAC\) results \(their vcov is hac\) and the placebo test/ : /use the OLS covariance/);
  });
});

describe("eventStudy({placebo}) — placebo inference inside a study", () => {
  const run = () => eventStudy({ assets: [us], market: world, events: pick("E17", "E27"), windows: [[-1, 1]], placebo: { seed: 11, draws: 499 } });

  it("is reproducible from its seed and reports B, the seed, the eligible set and the quantiles", () => {
    const a = run();
    const b = run();
    expect(a.placebo).toEqual(b.placebo);
    const p = a.placebo!;
    expect(p.draws).toBe(499);
    expect(p.seed).toBe(11);
    expect(p.eligible.regime).toBe("volatility");
    expect(p.eligible.spacing).toBe("keep");
    expect(p.p_value).toBeGreaterThan(0);
    expect(p.p_value).toBeLessThanOrEqual(1);
    expect(Number.isInteger(p.p_value * 500)).toBe(true); // (1 + count) / (B + 1)
    expect(Object.keys(p.quantiles)).toEqual(["2.5%", "5%", "50%", "95%", "97.5%"]);
  });

  it("matches placeboTest called directly with the same options", () => {
    const data = alignReturns({ asset: us, market: world, calendar: tradingCalendar("XNYS") });
    const direct = placeboTest(
      data,
      [
        { id: "E17", day0: "2025-04-07" },
        { id: "E27", day0: "2025-04-08" },
      ],
      {
        model: { type: "market" },
        estimation: [-250, -11],
        windows: [[-1, 1]],
        statistic: { type: "mean-car" },
        seed: 11,
        draws: 499,
        regime: "volatility",
        spacing: "keep",
        contamination: "exclude",
      },
    );
    expect(run().placebo!.p_value).toBe(direct.p_value);
    expect(run().placebo!.observed).toBe(direct.observed);
  });

  it("refuses a placebo test over several series, naming the option", () => {
    const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
    try {
      eventStudy({ assets: sectors, market: world, events: pick("E17"), placebo: { seed: 1 } });
      expect.unreachable();
    } catch (e) {
      expect(isMarketReactionError(e) && e.code).toBe("INVALID_OPTION");
      expect((e as Error).message).toMatch(/invalid placebo: .*one series/);
    }
  });
});

describe("market-reaction study --method dummy / --placebo", () => {
  const BASE = [
    "study",
    "--prices",
    "fixtures/daily/synthetic-us-index.csv",
    "--market",
    "fixtures/daily/synthetic-world.csv",
    "--events",
    "fixtures/events/tariffs-2025.csv",
    "--window=-1,1",
  ];

  it("--method dummy --hac-lag 4 adds regression and wald rows with the contract fields", async () => {
    const r = await cli(...BASE, "--method", "dummy", "--hac-lag", "4", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ["term", "estimate", "std_error", "std_error_hac", "statistic", "p_value"]) expect(out.regression[0]).toHaveProperty(key);
    for (const key of ["hypothesis", "statistic", "df", "p_value"]) expect(out.wald[0]).toHaveProperty(key);
    expect(out.regression_info[0].hac_lag).toBe(4);
  });

  it("--placebo B --seed N --regime quarter adds the placebo object", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--market",
      "fixtures/daily/synthetic-world.csv",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--window=-1,1",
      "--placebo",
      "199",
      "--seed",
      "5",
      "--regime",
      "quarter",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).placebo;
    for (const key of ["statistic", "observed", "p_value", "draws", "seed", "eligible", "quantiles"]) expect(p).toHaveProperty(key);
    expect(p.draws).toBe(199);
    expect(p.seed).toBe(5);
    expect(p.eligible.regime).toBe("quarter");
  });

  it("misused flags are usage errors (exit 2)", async () => {
    for (const extra of [
      ["--seed", "3"],
      ["--hac-lag", "4"],
      ["--placebo", "0"],
      ["--placebo", "99", "--regime", "moon"],
      ["--method", "fancy"],
      ["--method", "dummy", "--hac-lag", "x"],
    ]) {
      const r = await cli(...BASE, ...extra);
      expect(r.code, extra.join(" ")).toBe(2);
    }
    const several = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-sectors.csv",
      "--market",
      "fixtures/daily/synthetic-world.csv",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--placebo",
      "99",
    );
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/--placebo needs exactly one studied series/);
  });
});
