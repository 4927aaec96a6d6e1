// Late listings: an asset whose first observation falls inside the estimation window is fitted
// on the sessions it has (the earlier ones count as missing), not skipped. Synthetic fixtures:
// the US index cut to start 100 NYSE sessions before the 90-day pause (E34, day 0 2025-04-09).
import { describe, expect, it } from "vitest";
import { dayKeyFromIso, eventStudy, type MarketEvent, type Series } from "../../src/index.js";
import { readSeriesFileSync } from "../../src/node/index.js";
import { expectClose } from "../golden/expect-close.js";

const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const pause: MarketEvent = { id: "E34", timestamp: "2025-04-09T13:18", timezone: "America/New_York", precision: "minute" };

/** The series from its `k`-th row on (a stock listed later). */
function listedFrom(s: Series, k: number): Series {
  return { ...s, id: "LATE", days: s.days.slice(k), values: s.values.slice(k) };
}

describe("estimation windows that start before the asset's first observation", () => {
  const at = us.days.indexOf(dayKeyFromIso("2025-04-09"));
  // first price 201 sessions before day 0: its first return is 200 sessions before day 0
  const late = listedFrom(us, at - 201);

  it("fits on the sessions available and reports n (same fit as a window that starts at the listing)", () => {
    const study = eventStudy({ assets: [late], market: world, events: [pause], estimation: [-250, -11], windows: [[0, 0]] });
    expect(study.skipped).toEqual([]);
    const m = study.models[0]!;
    expect(m.n).toBe(190); // offsets -200 … -11
    const reference = eventStudy({ assets: [{ ...us, id: "LATE" }], market: world, events: [pause], estimation: [-200, -11], windows: [[0, 0]] });
    const r = reference.models[0]!;
    expect(r.n).toBe(190);
    expectClose(m.alpha as number, r.alpha as number, { rtol: 1e-12, atol: 1e-16 }, "alpha");
    expectClose(m.beta as number, r.beta as number, { rtol: 1e-12 }, "beta");
    expectClose(study.car[0]!.car, reference.car[0]!.car, { rtol: 1e-12 }, "CAR");
    const w = study.warnings.filter((x) => x.code === "LATE_LISTING");
    expect(w).toHaveLength(1);
    // one line for the situation: the count of missing sessions (all of them before the listing) is not repeated
    expect(study.warnings.filter((x) => x.code === "MISSING_ASSET_RETURNS")).toEqual([]);
    expect(w[0]!.message).toMatch(
      /^LATE: first return on \d{4}-\d\d-\d\d, after the start of the earliest estimation window \(\d{4}-\d\d-\d\d\): the 50 XNYS sessions before it count as missing/,
    );
  });

  it("skips with the reason when fewer than minEstimationObs (default: half the window, 120) remain", () => {
    const later = listedFrom(us, at - 101);
    const study = eventStudy({ assets: [later, us], market: world, events: [pause], estimation: [-250, -11], windows: [[0, 0]] });
    expect(study.models.map((m) => m.asset)).toEqual([us.id]);
    expect(study.skipped).toHaveLength(1);
    expect(study.skipped[0]!.code).toBe("INSUFFICIENT_ESTIMATION_DATA");
    expect(study.skipped[0]!.reason).toContain("needs at least 120 complete estimation observations");
    expect(study.skipped[0]!.reason).toContain("90 of 240 candidate sessions");
  });

  it("an asset with enough history is unaffected (no warning, same sessions)", () => {
    const study = eventStudy({ assets: [us], market: world, events: [pause], estimation: [-250, -11], windows: [[0, 0]] });
    expect(study.warnings.map((x) => x.code)).not.toContain("LATE_LISTING");
    expect(study.models[0]!.n).toBe(240);
  });
});
