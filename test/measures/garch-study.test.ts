// GARCH(1,1) as the normal-return model of eventStudy: every row of the study equals
// garchAbnormalReturns on the same returns (its own fit, estimation and event sessions), and the
// model contract (fitModel / predictModel / abnormalReturns / CARs) carries the forecasts.
import { describe, expect, it } from "vitest";
import { abnormalReturns, cumulativeAbnormalReturnPath, cumulativeAbnormalReturns } from "../../src/abnormal/index.js";
import { tradingCalendar } from "../../src/calendar/index.js";
import { parseEventsCsv, parseSeriesCsv } from "../../src/io/index.js";
import { garchAbnormalReturns } from "../../src/measures/index.js";
import { fitModel, modelPreset, predictModel } from "../../src/models/index.js";
import { alignReturns } from "../../src/returns/index.js";
import { studentTTwoSided } from "../../src/stats/index.js";
import { eventStudy } from "../../src/study/index.js";
import { readProjectFile } from "../helpers/shared-data.js";

const text = (f: string) => readProjectFile(`fixtures/daily/${f}`);
const asset = parseSeriesCsv(text("synthetic-garch.csv"), { id: "G" }).series[0]!;
const world = parseSeriesCsv(text("synthetic-world.csv"), { id: "WORLD" }).series[0]!;
const aligned = alignReturns({ asset, market: world, calendar: tradingCalendar("XNYS") });

/** Index of each day of `days` in the aligned returns. */
function toAligned(days: ArrayLike<number>, at: ArrayLike<number>): number[] {
  return Array.from(at, (i) => aligned.days.indexOf(days[i]!));
}

describe.each([
  ["garch", false],
  ["garch-market", true],
] as const)("eventStudy({ model: %j })", (model, market) => {
  it("abnormal rows, CARs, variances and t equal garchAbnormalReturns on the same sessions; models rows carry ω, α₁, β₁, log-likelihood and persistence", () => {
    const { events } = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv"));
    const story = events.filter((e) => ["E17", "E34"].includes(e.id));
    const s = eventStudy({
      assets: [asset],
      market: world,
      events: story,
      model,
      windows: [
        [0, 0],
        [-1, 1],
      ],
    });
    expect(s.pairs.length).toBe(2);
    for (const p of s.pairs) {
      const est = toAligned(p.days, p.fit.used);
      const span = toAligned(
        p.eventDays,
        Array.from(p.eventDays, (_, j) => j),
      );
      expect(est.every((i) => i >= 0) && span.every((i) => i >= 0)).toBe(true);
      const data = market ? { asset: aligned.asset, market: aligned.market! } : { asset: aligned.asset };
      const ref = garchAbnormalReturns(data, est, span, { mean: market ? "market" : "constant" });
      expect(Array.from(p.fit.garch!.coefficients)).toEqual(Array.from(ref.fit.coefficients));
      expect(p.fit.model).toBe(model);
      const rows = s.abnormal.filter((a) => a.event_id === p.eventId).sort((a, b) => a.rel_day - b.rel_day);
      expect(rows.length).toBe(span.length);
      rows.forEach((r, j) => {
        expect(r.ar).toBe(ref.ar[j]);
        expect(r.expected).toBe(ref.expected[j]);
        expect(r.se).toBe(Math.sqrt(ref.variance[j]!));
        expect(r.t).toBe(ref.sar[j]);
        expect(r.p_value).toBe(studentTTwoSided(ref.sar[j]!, p.fit.df));
        expect(r.p_value).toBeCloseTo(ref.pValue[j]!, 2); // t(M − k) vs the normal reference
      });
      // the [-1, 1] CAR against garchAbnormalReturns over those three sessions
      const day0 = rows.findIndex((r) => r.rel_day === 0);
      const w = garchAbnormalReturns(data, est, span.slice(day0 - 1, day0 + 2), { mean: market ? "market" : "constant" });
      const car = s.car.find((c) => c.event_id === p.eventId && c.window_start === -1)!;
      expect(car.car).toBeCloseTo(w.car, 16);
      expect(Math.abs(car.car - w.car)).toBeLessThanOrEqual(2 * Number.EPSILON * Math.abs(w.car));
      expect(car.se ** 2).toBeCloseTo(w.carVariance, 18);
      expect(car.se).toBe(Math.sqrt(w.carVariance));
      const m = s.models.find((r) => r.event_id === p.eventId)! as unknown as Record<string, number>;
      expect(m.omega).toBe(ref.fit.omega);
      expect(m.alpha1).toBe(ref.fit.alpha1);
      expect(m.beta1).toBe(ref.fit.beta1);
      expect(m.loglik).toBe(ref.fit.logLik);
      expect(m.persistence).toBe(ref.fit.persistence);
      expect(m.df).toBe(est.length - (market ? 2 : 1));
    }
  });
});

describe("the GARCH model under the model contract", () => {
  it("predictModel carries the forecast variances; abnormalReturns and the CARs use them (Var(CAR) = Σ σ²_τ)", () => {
    const data = { asset: aligned.asset, market: aligned.market! };
    const first = aligned.asset.findIndex((r) => Number.isFinite(r));
    const est = Array.from({ length: 250 }, (_, j) => first + j);
    const ev = [first + 252, first + 253, first + 254];
    const fit = fitModel(modelPreset("garch-market"), data, est);
    expect(fit.names).toEqual(["alpha", "beta"]);
    expect(fit.details!.omega).toBe(fit.garch!.omega);
    const ref = garchAbnormalReturns(data, est, ev);
    const pred = predictModel(fit, data, ev);
    expect(Array.from(pred.variance!)).toEqual(Array.from(ref.variance));
    const ars = abnormalReturns(
      fit,
      pred,
      ev.map((i) => data.asset[i]!),
      { start: 0 },
    );
    expect(Array.from(ars.ar)).toEqual(Array.from(ref.ar));
    expect(Array.from(ars.t)).toEqual(Array.from(ref.sar));
    const [w] = cumulativeAbnormalReturns(ars, [[0, 2]]);
    expect(w!.variance).toBe(ref.carVariance);
    expect(cumulativeAbnormalReturnPath(ars).variance[2]).toBe(ref.carVariance);
  });

  it("the constant-mean GARCH needs no market; the market mean does", () => {
    const first = aligned.asset.findIndex((r) => Number.isFinite(r));
    const est = Array.from({ length: 250 }, (_, j) => first + j);
    expect(fitModel({ type: "garch" }, { asset: aligned.asset }, est).model).toBe("garch");
    expect(() => fitModel({ type: "garch-market" }, { asset: aligned.asset }, est)).toThrow(/needs market returns/);
  });
});
