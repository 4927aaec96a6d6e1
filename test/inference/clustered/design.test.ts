// The dummy design for the Sunday / Monday / Tuesday statements (E17 Sunday 6 April -> day 0
// Monday 7 April; E22 Monday 7 April 10:11; E27 Tuesday 8 April 07:30) with [-1, +1] windows,
// aligned on the NYSE from the fixtures' statement list; merged duplicate dummies; the pooled
// columns; the SINGULAR_DESIGN alternative; the auto covariance choice.
import { describe, expect, it } from "vitest";
import { alignEvents } from "../../../src/calendar/index.js";
import { dummyRegression } from "../../../src/inference/clustered/index.js";
import type { DummyRegressionResult } from "../../../src/inference/clustered/index.js";
import { parseEventsCsv } from "../../../src/io/index.js";
import { isoFromDayKey } from "../../../src/time/index.js";
import { loadFixtures, returnsOf } from "../../abnormal/helpers.js";
import { readProjectFile } from "../../helpers/shared-data.js";

const fx = loadFixtures();
const data = { days: fx.days, asset: returnsOf(fx.prices.US_INDEX!), market: returnsOf(fx.prices.WORLD!) };
const all = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv")).events;
const aligned = alignEvents(
  all.filter((e) => ["E17", "E22", "E27"].includes(e.id)),
  "XNYS",
).rows;
const events = aligned.map((r) => ({ id: r.id, day0: r.day0 }));

/** The column of a term as a map session (ISO) -> value, nonzero entries only. */
function column(fit: DummyRegressionResult, term: string): Record<string, number> {
  const j = fit.terms.indexOf(term);
  expect(j, term).toBeGreaterThanOrEqual(0);
  const out: Record<string, number> = {};
  for (let r = 0; r < fit.nObs; r++) {
    const v = fit.design[r + j * fit.nObs]!;
    if (v !== 0) out[isoFromDayKey(data.days[fit.rows[r]!]!)] = v;
  }
  return out;
}

describe("dummyRegression(data, E17/E22/E27, { window: [-1, 1] }): the overlapping design", () => {
  it("alignEvents puts E17 (Sunday) and E22 (Monday 10:11) on Monday 7 April, E27 on Tuesday 8 April", () => {
    expect(aligned.map((r) => [r.id, r.day0_iso])).toEqual([
      ["E17", "2025-04-07"],
      ["E22", "2025-04-07"],
      ["E27", "2025-04-08"],
    ]);
  });

  const fit = dummyRegression(data, events, { window: [-1, 1] });

  it("event specification: one term per event session, identical dummies merged and named after every statement", () => {
    expect(fit.terms).toEqual(["intercept", "market", "E17[-1]=E22[-1]", "E17[0]=E22[0]=E27[-1]", "E17[+1]=E22[+1]=E27[0]", "E27[+1]"]);
    expect(column(fit, "E17[-1]=E22[-1]")).toEqual({ "2025-04-04": 1 });
    expect(column(fit, "E17[0]=E22[0]=E27[-1]")).toEqual({ "2025-04-07": 1 });
    expect(column(fit, "E17[+1]=E22[+1]=E27[0]")).toEqual({ "2025-04-08": 1 });
    expect(column(fit, "E27[+1]")).toEqual({ "2025-04-09": 1 });
    const w = fit.warnings.find((x) => x.code === "MERGED_EVENT_DUMMIES");
    expect(w?.message).toContain("E17[0]=E22[0]=E27[-1] (2025-04-07)");
    const row = fit.regression.find((r) => r.term === "E17[0]=E22[0]=E27[-1]")!;
    expect(row.events).toEqual([
      { id: "E17", offset: 0 },
      { id: "E22", offset: 0 },
      { id: "E27", offset: -1 },
    ]);
    expect(row.session).toBe("2025-04-07");
  });

  it("the intercept is all ones and the market column is the world return of each row", () => {
    const T = fit.nObs;
    for (let r = 0; r < T; r++) {
      expect(fit.design[r]).toBe(1);
      expect(fit.design[r + T]).toBe(data.market[fit.rows[r]!]);
    }
    // sample: 250 sessions before the first event session (2025-04-04) to the last (2025-04-09)
    expect(fit.sample.sessions).toBe(250 + 4);
    expect(fit.sample.to).toBe("2025-04-09");
    expect(isoFromDayKey(data.days[fit.rows[250]!]!)).toBe("2025-04-04");
  });

  it("CARs of statements sharing day 0 are identical; the E17 = E22 comparison is not tested; their window tests are one row", () => {
    const e17 = fit.cars.find((c) => c.event_id === "E17")!;
    const e22 = fit.cars.find((c) => c.event_id === "E22")!;
    const e27 = fit.cars.find((c) => c.event_id === "E27")!;
    expect(e22.estimate).toBe(e17.estimate);
    const b = (t: string) => fit.coefficients[fit.terms.indexOf(t)]!;
    expect(e17.estimate).toBeCloseTo(b("E17[-1]=E22[-1]") + b("E17[0]=E22[0]=E27[-1]") + b("E17[+1]=E22[+1]=E27[0]"), 15);
    expect(e27.estimate).toBeCloseTo(b("E17[0]=E22[0]=E27[-1]") + b("E17[+1]=E22[+1]=E27[0]") + b("E27[+1]"), 15);
    const names = fit.wald.map((w) => w.hypothesis);
    expect(names).toContain("E17, E22: window [-1, +1] coefficients = 0");
    expect(names.some((n) => n.startsWith("CAR E17 [-1, +1] = CAR E22"))).toBe(false);
    // E17 vs E27 and E22 vs E27 are the same restriction: reported once, under both names
    expect(names).toContain("CAR E17 [-1, +1] = CAR E27 [-1, +1]; CAR E22 [-1, +1] = CAR E27 [-1, +1]");
  });

  it('duplicates: "error" throws SINGULAR_DESIGN naming the statements', () => {
    expect(() => dummyRegression(data, events, { window: [-1, 1], duplicates: "error" })).toThrow(/SINGULAR|singular/);
    try {
      dummyRegression(data, events, { window: [-1, 1], duplicates: "error" });
    } catch (e) {
      expect((e as { code: string }).code).toBe("SINGULAR_DESIGN");
      expect((e as Error).message).toContain("E17[0]=E22[0]=E27[-1]");
    }
  });

  it("pooled specification: E_k counts the statements with offset k on each session", () => {
    const p = dummyRegression(data, events, { window: [-1, 1], specification: "pooled" });
    expect(p.terms).toEqual(["intercept", "market", "pooled[-1]", "pooled[0]", "pooled[+1]"]);
    expect(column(p, "pooled[-1]")).toEqual({ "2025-04-04": 2, "2025-04-07": 1 });
    expect(column(p, "pooled[0]")).toEqual({ "2025-04-07": 2, "2025-04-08": 1 });
    expect(column(p, "pooled[+1]")).toEqual({ "2025-04-08": 2, "2025-04-09": 1 });
    expect(p.leverageOne).toEqual([]);
    expect(p.cars.map((c) => c.event_id)).toEqual(["pooled"]);
    expect(p.regression.every((r) => r.vcov === "hac")).toBe(true);
  });

  it("auto covariance: single-session dummies (leverage one, zero residual) use OLS, controls use HAC", () => {
    expect(fit.leverageOne).toEqual(["2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09"]);
    for (const r of fit.regression) expect(r.vcov, r.term).toBe(r.kind === "event" ? "ols" : "hac");
    for (const r of fit.regression.filter((x) => x.kind === "event")) {
      // zero residual at the isolated session
      const row = fit.rows.indexOf(data.days.findIndex((d) => isoFromDayKey(d) === r.session));
      expect(row).toBeGreaterThanOrEqual(0);
      expect(Math.abs(fit.residuals[row]!)).toBeLessThan(1e-15);
      expect(r.statistic).toBe(r.estimate / r.std_error);
    }
    expect(fit.wald.every((w) => w.vcov === "ols")).toBe(true);
  });

  it("lags: p adds lag1..lagp columns holding the previous returns", () => {
    const l = dummyRegression(data, events, { window: [-1, 1], lags: 2 });
    expect(l.terms.slice(0, 4)).toEqual(["intercept", "market", "lag1", "lag2"]);
    const T = l.nObs;
    for (let r = 0; r < T; r++) {
      expect(l.design[r + 2 * T]).toBe(data.asset[l.rows[r]! - 1]);
      expect(l.design[r + 3 * T]).toBe(data.asset[l.rows[r]! - 2]);
    }
  });

  it("rejects bad options with INVALID_OPTION and a day 0 that is not a session with INVALID_INPUT", () => {
    expect(() => dummyRegression(data, events, { window: [1, -1] })).toThrow(/invalid window/);
    expect(() => dummyRegression(data, events, { carWindows: [[-2, 1]] })).toThrow(/carWindows/);
    expect(() => dummyRegression(data, events, { hacLag: -1 })).toThrow(/hacLag/);
    expect(() => dummyRegression(data, events, { controls: ["VIX"] })).toThrow(/controls/);
    expect(() => dummyRegression(data, [{ id: "X", day0: "2025-04-06" }])).toThrow(/not a session/);
  });
});
