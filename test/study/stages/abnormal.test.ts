import { describe, expect, it } from "vitest";
import { dayKeyFromIso, type Series } from "../../../src/index.js";
import { abnormalOfPair, computePair, eventWindowGaps, pairResult } from "../../../src/study/stages/abnormal.js";
import { EstimationBuffers, estimatePair, pairBuffers } from "../../../src/study/stages/estimation.js";
import { planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { asset, assetData, days, market, resolved, statements } from "./helpers.js";

const day0 = dayKeyFromIso("2025-04-09");
function planOf(
  a: Series,
  windows: [number, number][] = [
    [0, 0],
    [-1, 1],
  ],
) {
  const opts = resolved({ windows, estimation: [-120, -11] });
  const { data, columns } = assetData(a, opts);
  return { opts, plan: planPair("A", { id: "E2", day0, event: statements[1]! }, data, columns, undefined, opts) as PairPlan };
}

describe("stages/abnormal", () => {
  it("abnormalOfPair: AR = actual − (alpha + beta × market) over the span, CARs the sums over each window", () => {
    const a = asset("A", 1.5, "2025-04-09", 0.04);
    const { opts, plan } = planOf(a);
    const fit = estimatePair(plan, opts, pairBuffers(plan.est.length));
    const { ars, cars } = abnormalOfPair(plan, fit, opts);
    const i0 = plan.day0Index;
    expect(ars.length).toBe(3);
    for (let k = 0; k < 3; k++) {
      const i = i0 - 1 + k;
      expect(ars.ar[k]).toBeCloseTo(a.values[i]! - fit.coefficients[0]! - fit.coefficients[1]! * market.values[i]!, 15);
    }
    expect(ars.ar[1]).toBeGreaterThan(0.035);
    expect(cars.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(cars[0]!.car).toBe(ars.ar[1]);
    expect(cars[1]!.car).toBeCloseTo(ars.ar[0]! + ars.ar[1]! + ars.ar[2]!, 15);
    const both = computePair(plan, opts, pairBuffers(plan.est.length));
    expect(Array.from(both.ars.ar)).toEqual(Array.from(ars.ar));
    const pair = pairResult(plan, both);
    expect(Array.from(pair.eventDays)).toEqual(Array.from(days.subarray(i0 - 1, i0 + 2)));
  });

  it("eventWindowGaps: a warning when some event-window returns are missing, a skip reason when all are", () => {
    const i0 = days.indexOf(day0);
    const gap = (missing: number[]) => {
      const a = asset("A", 1);
      const values = a.values.slice();
      for (const m of missing) values[i0 + m] = Number.NaN;
      const { opts, plan } = planOf({ ...a, values });
      const fit = new EstimationBuffers(false);
      const f = estimatePair(plan, opts, fit.take(plan.est.length, 1));
      return eventWindowGaps(plan, abnormalOfPair(plan, f, opts).ars);
    };
    expect(gap([])).toEqual({});
    const some = gap([1]);
    expect(some.skip).toBeUndefined();
    expect(some.warning).toEqual({
      code: "MISSING_EVENT_RETURNS",
      message: "event E2, asset A: 1 of 3 event-window sessions have no abnormal return; CARs over them are null",
      event_id: "E2",
      asset: "A",
    });
    expect(gap([-1, 0, 1])).toEqual({ skip: "no abnormal return can be computed in the event windows (2025-04-08 to 2025-04-10): returns missing" });
  });
});
