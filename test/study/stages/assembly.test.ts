import { describe, expect, it } from "vitest";
import { dayKeyFromIso, isMarketReactionError } from "../../../src/index.js";
import { assembleStudy, rowBuilders } from "../../../src/study/stages/assembly.js";
import { computePair } from "../../../src/study/stages/abnormal.js";
import { StudyColumns } from "../../../src/study/stages/columns.js";
import { pairBuffers } from "../../../src/study/stages/estimation.js";
import { planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { asset, assetData, market, resolved, statements } from "./helpers.js";

const opts = resolved({
  windows: [
    [0, 0],
    [-1, 1],
  ],
  estimation: [-120, -11],
});
const a = asset("A", 1, "2025-04-09", 0.03);
const { data, columns: mc } = assetData(a, opts);
const plan = planPair(
  "A",
  { id: "E2", day0: dayKeyFromIso("2025-04-09"), event: { ...statements[1]!, speaker: "Donald Trump" } },
  data,
  mc,
  undefined,
  opts,
) as PairPlan;
const computed = computePair(plan, opts, pairBuffers(plan.est.length));
const columns = new StudyColumns(1, 3, 2, true);
columns.add(plan, computed.fit, computed.ars, computed.cars);
const inputs = { assets: [a], market, factors: undefined, events: statements, pairBound: 1 };
const parts = {
  inputs,
  calendars: [],
  eventRows: [],
  warnings: [],
  skipped: [],
  cols: columns.cols,
  sources: columns.sources,
  pairs: undefined,
  regressions: [],
  placebo: null,
  aggregate: undefined,
};

describe("stages/assembly", () => {
  it("rowBuilders: the car, abnormal and models rows from the columns, and the pairs recomputed", () => {
    const tables = rowBuilders(columns.sources, columns.cols, opts.windows, opts);
    const car = tables.car!();
    expect(car.map((r) => [r.window_start, r.window_end, r.date_start, r.date_end])).toEqual([
      [0, 0, "2025-04-09", "2025-04-09"],
      [-1, 1, "2025-04-08", "2025-04-10"],
    ]);
    expect(car[1]!.car).toBe(computed.cars[1]!.car);
    expect(car[0]!.speaker).toBe("Donald Trump");
    const abnormal = tables.abnormal!();
    expect(abnormal.map((r) => r.rel_day)).toEqual([-1, 0, 1]);
    expect(abnormal[1]!.ar).toBe(computed.ars.ar[1]);
    const model = tables.models!()[0]!;
    expect([model.alpha, model.beta, model.n, model.estimation_start]).toEqual([computed.fit.coefficients[0], computed.fit.coefficients[1], 110, "2024-10-15"]);
    expect(Array.from(tables.pairs!()[0]!.ars.ar)).toEqual(Array.from(computed.ars.ar));
  });

  it("assembleStudy: the study with its options and provenance; no pair studied is NO_VALID_EVENTS naming the first reason", () => {
    const study = assembleStudy(parts, opts);
    expect(study.car.length).toBe(2);
    expect(study.options).toMatchObject({ model: "market", market: "MKT", assets: ["A"], min_estimation_obs: "half the estimation window" });
    expect(study.provenance).not.toBeNull();
    expect(study.pairs.length).toBe(1);
    const skipped = [{ event_id: "E2", asset: "A", exchange: "XNYS", code: "MISSING_RETURNS", reason: "returns missing" }];
    try {
      assembleStudy({ ...parts, sources: [], skipped }, opts);
      expect.unreachable();
    } catch (error) {
      expect(isMarketReactionError(error) && error.code).toBe("NO_VALID_EVENTS");
      expect((error as Error).message).toBe("no (asset, statement) pair could be studied; first reason: event E2, asset A: MISSING_RETURNS: returns missing");
    }
  });
});
