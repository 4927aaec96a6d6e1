import { describe, expect, it } from "vitest";
import { EstimationBuffers, estimatePair } from "../../../src/study/stages/estimation.js";
import { planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { asset, assetData, market, resolved, statements } from "./helpers.js";
import { dayKeyFromIso } from "../../../src/index.js";

describe("stages/estimation", () => {
  it("EstimationBuffers: a scratch shared by all pairs when nothing is kept; when kept, pools of at least 8,192 entries (more for an asset whose pairs need more) shared by the assets until full", () => {
    const scratch = new EstimationBuffers(false);
    const a = scratch.take(100, 5);
    expect(a.indices.length).toBe(100);
    expect(scratch.take(80, 1)).toBe(a);
    scratch.commit(80);
    expect(a.used).toBe(0);
    const pool = new EstimationBuffers(true);
    const p = pool.take(100, 3);
    expect(p.indices.length).toBe(8192);
    pool.commit(100);
    expect(pool.take(100, 2)).toBe(p);
    pool.commit(100);
    expect(p.used).toBe(200);
    // the next asset's pairs go on in the same pool while it has room
    expect(pool.take(7992, 1)).toBe(p);
    pool.commit(7992);
    const q = pool.take(100, 100);
    expect(q).not.toBe(p);
    expect(q.indices.length).toBe(10000);
  });

  it("estimatePair: the market model by OLS on the estimation window (closed form), residuals in the buffers", () => {
    const opts = resolved({ estimation: [-120, -11] });
    const a = asset("A", 1.5);
    const { data, columns } = assetData(a, opts);
    const day0 = dayKeyFromIso("2025-04-09");
    const plan = planPair("A", { id: "E2", day0, event: statements[1]! }, data, columns, undefined, opts) as PairPlan;
    const buffers = new EstimationBuffers(true).take(plan.est.length, 1);
    const fit = estimatePair(plan, opts, buffers);
    const x = market.values.slice(plan.est.start, plan.est.end);
    const y = a.values.slice(plan.est.start, plan.est.end);
    const mean = (v: Float64Array) => v.reduce((s, t) => s + t, 0) / v.length;
    const mx = mean(x),
      my = mean(y);
    let sxy = 0,
      sxx = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += (x[i]! - mx) * (y[i]! - my);
      sxx += (x[i]! - mx) ** 2;
    }
    const beta = sxy / sxx;
    expect(fit.nObs).toBe(110);
    expect(fit.coefficients[1]).toBeCloseTo(beta, 12);
    expect(fit.coefficients[0]).toBeCloseTo(my - beta * mx, 13);
    expect(fit.residuals.buffer).toBe(buffers.residuals.buffer);
    expect(fit.residuals[0]).toBeCloseTo(y[0]! - fit.coefficients[0]! - beta * x[0]!, 14);
    expect([fit.used[0], fit.used[109]]).toEqual([plan.est.start, plan.est.end - 1]);
  });

  it("estimatePair: too few observations (minEstimationObs) is an error", () => {
    // resolveStudyOptions refuses a minimum above the window (110 sessions); the stage is given one directly
    const opts = { ...resolved({ estimation: [-120, -11] }), minEstimationObs: 111 };
    const { data, columns } = assetData(asset("A", 1), opts);
    const plan = planPair("A", { id: "E2", day0: dayKeyFromIso("2025-04-09"), event: statements[1]! }, data, columns, undefined, opts) as PairPlan;
    expect(() => estimatePair(plan, opts, new EstimationBuffers(false).take(110, 1))).toThrow(/INSUFFICIENT|111/);
  });
});
