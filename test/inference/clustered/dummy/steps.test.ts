// The steps of dummyRegression (src/inference/clustered/dummy/): options, sample, controls,
// event dummies, design, fit and inference, rows. Synthetic data with known structure.
import { describe, expect, it } from "vitest";
import { dayKeyFromIso, isMarketReactionError, nyseTradingDays } from "../../../../src/index.js";
import { resolveEvents } from "../../../../src/inference/clustered/common.js";
import { controlColumns, designMatrix, dummySample, eventColumns } from "../../../../src/inference/clustered/dummy/design.js";
import { fitDummyRegression } from "../../../../src/inference/clustered/dummy/inference.js";
import { resolveDummyOptions } from "../../../../src/inference/clustered/dummy/options.js";
import { carRows, coefficientRows, waldRows } from "../../../../src/inference/clustered/dummy/tests.js";
import type { Warning } from "../../../../src/index.js";

const days = nyseTradingDays(dayKeyFromIso("2024-10-01"), dayKeyFromIso("2025-04-30"));
const market = Float64Array.from(days, (_d, i) => 0.01 * Math.sin(0.9 * i));
const asset = Float64Array.from(days, (d, i) => 0.0002 + 1.3 * market[i]! + 0.002 * Math.cos(2.1 * i) + (d === dayKeyFromIso("2025-04-09") ? 0.05 : 0));
const data = { days, asset, market };
const evs = resolveEvents(days, [
  { id: "A", day0: "2025-04-07" },
  { id: "B", day0: "2025-04-09" },
]);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isMarketReactionError(e) ? e.code : String(e);
  }
  return undefined;
};

function build(options = {}) {
  const o = resolveDummyOptions(data, {
    window: [-1, 2],
    carWindows: [
      [0, 0],
      [-1, 2],
    ],
    estimation: 60,
    ...options,
  });
  const warnings: Warning[] = [];
  const sample = dummySample(data, evs, o, warnings);
  const controls = controlColumns(data, undefined, o.lags);
  const events = eventColumns(data, evs, o, warnings);
  const columns = [{ name: "intercept", kind: "intercept" as const, values: () => 1 }, ...controls, ...events.columns];
  const design = designMatrix(data, evs, o, sample, columns, controls.length);
  const fit = fitDummyRegression(design, columns, o);
  return { o, warnings, sample, controls, events, columns, design, fit, terms: { K: design.K, firstEvent: 1 + controls.length, events } };
}

describe("dummy regression steps", () => {
  it("options: defaults, and the first problem named", () => {
    const o = resolveDummyOptions(data, {});
    expect([o.specification, o.duplicates, o.vcovChoice, o.window, o.carWindows, o.lags, o.estimation, o.after, o.hacAdjust, o.lagOption]).toEqual([
      "event",
      "merge",
      "auto",
      [-1, 1],
      [[-1, 1]],
      0,
      250,
      0,
      false,
      "nw1994",
    ]);
    expect(codeOf(() => resolveDummyOptions(data, { carWindows: [[-2, 0]] }))).toBe("INVALID_OPTION");
    expect(codeOf(() => resolveDummyOptions({ days, asset: asset.subarray(1) }, {}))).toBe("INVALID_INPUT");
  });

  it("sample: `estimation` sessions before the first window to `after` past the last; clipped with a warning", () => {
    const { sample, warnings, o } = build({ after: 3 });
    const a = days.indexOf(dayKeyFromIso("2025-04-07"));
    const b = days.indexOf(dayKeyFromIso("2025-04-09"));
    expect([sample.lo, sample.hi]).toEqual([a - 1 - 60, b + 2 + 3]);
    expect(warnings.map((w) => w.code)).toEqual(["MERGED_EVENT_DUMMIES"]);
    const long = build({ estimation: 500 });
    expect(long.sample.lo).toBe(0);
    expect(long.warnings.map((w) => w.code)).toContain("SHORT_ESTIMATION_SAMPLE");
    expect(o.after).toBe(3);
  });

  it("controls and event dummies: A[+1] and B[-1], A[+2] and B[0] fall on one session each and merge", () => {
    const { controls, events, warnings } = build({ lags: 1 });
    expect(controls.map((c) => c.name)).toEqual(["market", "lag1"]);
    expect(controls[1]!.values(5)).toBe(asset[4]);
    expect(events.columns.map((c) => c.name)).toEqual(["A[-1]", "A[0]", "A[+1]=B[-1]", "A[+2]=B[0]", "B[+1]", "B[+2]"]);
    expect(warnings.map((w) => w.code)).toEqual(["MERGED_EVENT_DUMMIES"]);
    expect(codeOf(() => build({ duplicates: "error" }))).toBe("SINGULAR_DESIGN");
    const pooled = build({ specification: "pooled" }).events.columns;
    expect(pooled.map((c) => c.name)).toEqual(["pooled[-1]", "pooled[0]", "pooled[+1]", "pooled[+2]"]);
    const b = days.indexOf(dayKeyFromIso("2025-04-09"));
    expect(pooled[1]!.values(b)).toBe(1);
    expect(pooled[3]!.values(b)).toBe(1);
  });

  it("design and fit: an event dummy absorbs its session exactly (leverage one), and its coefficient is the residual of the rest", () => {
    const { design, fit, columns, events } = build();
    expect(design.K).toBe(2 + events.columns.length);
    expect(design.T).toBe(design.rows.length);
    expect(fit.leverageRows.length).toBe(events.columns.length);
    const j = columns.findIndex((c) => c.name === "A[+2]=B[0]");
    const b = days.indexOf(dayKeyFromIso("2025-04-09"));
    const expected = asset[b]! - fit.coefficients[0]! - fit.coefficients[1]! * market[b]!;
    expect(fit.coefficients[j]).toBeCloseTo(expected, 12);
    expect(fit.coefficients[j]).toBeGreaterThan(0.045);
    const c = new Float64Array(design.K);
    c[j] = 1;
    expect(fit.pick(c)).toBe("ols");
    c[j] = 0;
    c[1] = 1;
    expect(fit.pick(c)).toBe("hac");
  });

  it("rows: coefficients, CARs per statement and their mean, Wald tests with the default hypotheses", () => {
    const { o, columns, fit, terms } = build();
    const coef = coefficientRows(data, columns, fit);
    expect(coef.find((r) => r.term === "A[+2]=B[0]")).toMatchObject({
      kind: "event",
      session: "2025-04-09",
      events: [
        { id: "A", offset: 2 },
        { id: "B", offset: 0 },
      ],
    });
    const cars = carRows(evs, o, terms, fit);
    expect(cars.map((c) => `${c.event_id}${JSON.stringify(c.window)}`)).toEqual(["A[0,0]", "B[0,0]", "mean[0,0]", "A[-1,2]", "B[-1,2]", "mean[-1,2]"]);
    const a = cars[3]!,
      b = cars[4]!,
      mean = cars[5]!;
    expect(mean.estimate).toBeCloseTo((a.estimate + b.estimate) / 2, 14);
    const sum = ["A[-1]", "A[0]", "A[+1]=B[-1]", "A[+2]=B[0]"].reduce((s, t) => s + coef.find((r) => r.term === t)!.estimate, 0);
    expect(a.estimate).toBeCloseTo(sum, 14);
    const wald = waldRows(evs, o, terms, columns, fit, [{ hypothesis: "A[0] = 0", rows: [{ "A[0]": 1 }] }]);
    expect(wald.map((w) => w.hypothesis)).toEqual([
      "all event coefficients = 0",
      "A: window [-1, +2] coefficients = 0",
      "B: window [-1, +2] coefficients = 0",
      "CAR A [0, 0] = CAR B [0, 0]",
      "A[0] = 0",
    ]);
    expect(wald[4]!.df).toBe(1);
    expect(wald[4]!.statistic).toBeCloseTo(coef.find((r) => r.term === "A[0]")!.statistic ** 2, 8);
  });
});
