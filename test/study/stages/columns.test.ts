import { describe, expect, it } from "vitest";
import { dayKeyFromIso } from "../../../src/index.js";
import { sqTestsOfFit } from "../../../src/inference/single.js";
import { computePair } from "../../../src/study/stages/abnormal.js";
import { Column, StudyColumns } from "../../../src/study/stages/columns.js";
import { pairBuffers } from "../../../src/study/stages/estimation.js";
import { planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { asset, assetData, resolved, statements } from "./helpers.js";

describe("stages/columns", () => {
  it("Column grows past its capacity and keeps its values", () => {
    const c = new Column(0);
    for (let i = 0; i < 40; i++) c.push(i / 3);
    expect(c.length).toBe(40);
    expect(c.data.length).toBe(64);
    expect(c.data[39]).toBe(13);
  });

  it("Column.extend makes room for many values at once, past twice its capacity too, and keeps the values before", () => {
    const c = new Column(0);
    let data = c.extend(5);
    for (let i = 0; i < 5; i++) data[i] = i;
    data = c.extend(40); // 45 > 2 × 16
    expect(c.length).toBe(45);
    expect(data).toBe(c.data);
    expect(data.length).toBeGreaterThanOrEqual(45);
    for (let i = 5; i < 45; i++) data[i] = i;
    expect(Array.from(c.data.subarray(0, 45))).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });

  it("StudyColumns.add: ARs, coefficients and CARs with their SQ tests, and where each pair starts", () => {
    const opts = resolved({
      windows: [
        [0, 0],
        [-1, 1],
      ],
      estimation: [-120, -11],
    });
    const columns = new StudyColumns(2, 3, 2, true);
    const plans = ["A", "B"].map((id, k) => {
      const { data, columns: mc } = assetData(asset(id, 1 + k), opts);
      return planPair(id, { id: "E2", day0: dayKeyFromIso("2025-04-09"), event: statements[1]! }, data, mc, undefined, opts) as PairPlan;
    });
    const computed = plans.map((p) => computePair(p, opts, pairBuffers(p.est.length)));
    plans.forEach((p, k) => columns.add(p, computed[k]!.fit, computed[k]!.ars, computed[k]!.cars));
    const { cols, sources } = columns;
    expect(sources.map((s) => [s.arAt, s.carAt, s.coefAt])).toEqual([
      [0, 0, 0],
      [3, 2, 2],
    ]);
    const second = computed[1]!;
    expect(cols.ar.data[4]).toBe(second.ars.ar[1]);
    expect(cols.se.data[4]).toBe(Math.sqrt(second.ars.variance[1]!));
    expect(cols.coefficients.data[3]).toBe(second.fit.coefficients[1]);
    expect(sources[1]!.sigma).toBe(Math.sqrt(second.fit.sigma2));
    expect(cols.car.data[3]).toBe(second.cars[1]!.car);
    const sq = new Float64Array(6);
    sqTestsOfFit(second.cars, second.fit, sq, 0, new Float64Array(second.fit.residuals.length));
    expect([cols.sqP.data[3], cols.sqLower.data[3], cols.sqUpper.data[3]]).toEqual([sq[3], sq[4], sq[5]]);
    expect(Number.isFinite(sq[3])).toBe(true);
  });

  it("StudyColumns.add without the SQ test: its columns are NaN", () => {
    const opts = resolved({ windows: [[0, 0]], estimation: [-120, -11] });
    const { data, columns: mc } = assetData(asset("A", 1), opts);
    const plan = planPair("A", { id: "E2", day0: dayKeyFromIso("2025-04-09"), event: statements[1]! }, data, mc, undefined, opts) as PairPlan;
    const c = computePair(plan, opts, pairBuffers(plan.est.length));
    const columns = new StudyColumns(1, 1, 1, false);
    columns.add(plan, c.fit, c.ars, c.cars);
    expect([columns.cols.sqP.data[0], columns.cols.sqLower.data[0], columns.cols.sqUpper.data[0]]).toEqual([NaN, NaN, NaN]);
    expect(columns.cols.car.data[0]).toBe(c.cars[0]!.car);
  });
});
