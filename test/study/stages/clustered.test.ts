import { describe, expect, it } from "vitest";
import { dayKeyFromIso, dummyRegression, isMarketReactionError } from "../../../src/index.js";
import { clusteredFamily, regressionRows, windowSpan } from "../../../src/study/stages/clustered.js";
import { planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { asset, assetData, resolved, statements } from "./helpers.js";

const base = asset("A", 1.2, "2025-04-09", 0.05);
// a turbulent April: ±4% on each session from 1 to 16 April 2025, so the event period is more volatile
const turbulent = {
  ...base,
  values: base.values.map((v, i) =>
    base.days[i]! >= dayKeyFromIso("2025-04-01") && base.days[i]! <= dayKeyFromIso("2025-04-16") ? v + (i % 2 === 0 ? 0.04 : -0.04) : v,
  ),
};
function studied(options: Parameters<typeof resolved>[0], a = base) {
  const opts = resolved({ assets: [a], windows: [[-1, 1]], estimation: [-120, -11], ...options });
  const { data, columns } = assetData(a, opts);
  const plans = statements
    .slice(0, 2)
    .map(
      (e) =>
        planPair("A", { id: e.id, day0: dayKeyFromIso(e.id === "E1" ? "2025-04-07" : "2025-04-09"), event: e }, data, columns, undefined, opts) as PairPlan,
    );
  return { opts, data, columns, plans };
}

describe("stages/clustered", () => {
  it("windowSpan: from the earliest start to the latest end", () => {
    expect(
      windowSpan([
        [0, 0],
        [-2, 1],
        [0, 5],
      ]),
    ).toEqual([-2, 5]);
  });

  it("clusteredFamily: the regression rows are those of dummyRegression on the series, with the study's model as control", () => {
    const { opts, data, columns, plans } = studied({ regression: { hacLag: 2 } });
    const family = clusteredFamily("A", data, columns, plans, opts);
    const direct = dummyRegression(
      data,
      plans.map((p) => ({ id: p.eventId, day0: p.day0 })),
      { window: [-1, 1], carWindows: [[-1, 1]], controls: ["market"], estimation: 110, hacLag: 2 },
    );
    const rows = family.regression!.rows;
    expect(rows.map((r) => r.term)).toEqual(direct.regression.map((r) => r.term));
    expect(rows.map((r) => r.estimate)).toEqual(direct.regression.map((r) => r.estimate));
    expect(rows.every((r) => r.asset === "A")).toBe(true);
    expect(family.regression!.info).toMatchObject({ asset: "A", hac_lag: 2, n: direct.nObs });
    expect(family.placebo).toBeUndefined();
    expect(family.warnings.map((w) => w.code)).not.toContain("REGRESSION_FAILED");
  });

  it("regressionRows: the statements behind a merged dummy as `id[offset]`", () => {
    const { data, plans } = studied({});
    const fit = dummyRegression(
      data,
      plans.map((p) => ({ id: p.eventId, day0: p.day0 })),
      { window: [-1, 3], carWindows: [[0, 1]], controls: ["market"], estimation: 110 },
    );
    const merged = regressionRows("A", fit).rows.filter((r) => r.events !== null && r.events.includes(" "));
    // E1 (7 April) at +2 and E2 (9 April) at 0 fall on the same session
    expect(merged.map((r) => r.events)).toContain("E1[+2] E2[0]");
  });

  it("a failed regression is a REGRESSION_FAILED warning, and an error under strict", () => {
    // a Newey-West lag beyond the sample: allowed by the option's schema, refused by the fit
    const lenient = studied({ regression: { hacLag: 5000 } });
    const family = clusteredFamily("A", lenient.data, lenient.columns, lenient.plans, lenient.opts);
    expect(family.regression).toBeUndefined();
    expect(family.warnings.filter((w) => w.code === "REGRESSION_FAILED").map((w) => w.asset)).toEqual(["A"]);
    const strict = studied({ regression: { hacLag: 5000 }, strict: true });
    try {
      clusteredFamily("A", strict.data, strict.columns, strict.plans, strict.opts);
      expect.unreachable();
    } catch (error) {
      expect(isMarketReactionError(error)).toBe(true);
    }
  });

  it("the volatility warning names what the study computed", () => {
    const none = studied({}, turbulent);
    const both = studied({ regression: true, placebo: { seed: 3, draws: 49 } }, turbulent);
    expect(clusteredFamily("A", studied({}).data, studied({}).columns, studied({}).plans, studied({}).opts).warnings).toEqual([]);
    const message = (s: ReturnType<typeof studied>) =>
      clusteredFamily("A", s.data, s.columns, s.plans, s.opts).warnings.find((w) => w.code === "HIGH_EVENT_VOLATILITY")?.message;
    expect(message(none)).toMatch(
      /the placebo option .* is robust to it; the regression option's Newey-West errors are robust only for coefficients of sessions not isolated by their own dummy \(pooled dummies\)$/,
    );
    // the event specification isolates every event session: its results use OLS, so the advice points to the placebo test
    const rows = clusteredFamily("A", both.data, both.columns, both.plans, both.opts).regression!.rows;
    const olsOnly = rows.filter((r) => r.kind === "event").every((r) => r.vcov === "ols");
    expect(message(both)).toMatch(
      olsOnly
        ? /so read the placebo test drawn from the same volatility regime: the regression's event coefficients, CARs and Wald tests use the OLS covariance/
        : /so read the Newey-West \(HAC\) results \(their vcov is hac\)/,
    );
    const family = clusteredFamily("A", both.data, both.columns, both.plans, both.opts);
    expect(family.placebo!.draws).toBe(49);
    expect(family.warnings.filter((w) => w.code === "HIGH_EVENT_VOLATILITY").length).toBe(1);
  });
});
