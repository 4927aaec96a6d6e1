// Validation on real data (../shared/data, never copied): S&P 500 with the ACWI ETF as the
// world control, the Sunday/Monday/Tuesday statements E17, E22, E27 aligned on the NYSE from
// fixtures/events/tariffs-2025.csv. Asserts that everything runs and is sane; the numbers
// themselves are reported by the lead, not printed here.
import { expect, it } from "vitest";
import { alignEvents, tradingCalendar } from "../../../src/calendar/index.js";
import { dummyRegression, placeboTest } from "../../../src/inference/clustered/index.js";
import { parseEventsCsv, parseSeriesCsv } from "../../../src/io/index.js";
import { alignReturns } from "../../../src/returns/index.js";
import { describeWithSharedData, readProjectFile, readSharedData } from "../../helpers/shared-data.js";

describeWithSharedData("clustered statements on the S&P 500 with ACWI (real data)", () => {
  const spx = parseSeriesCsv(readSharedData("sp500_daily_2023_2026.csv"), { valueColumn: "close", id: "SPX" }).series[0]!;
  const acwi = parseSeriesCsv(readSharedData("etf_acwi_daily_adjclose_2023_2026.csv"), { valueColumn: "adj_close", id: "ACWI" }).series[0]!;
  const al = alignReturns({ asset: spx, market: acwi, calendar: tradingCalendar("XNYS") });
  const evs = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv")).events.filter((e) => ["E17", "E22", "E27"].includes(e.id));
  const events = alignEvents(evs, "XNYS").rows.map((r) => ({ id: r.id, day0: r.day0 }));

  it("event and pooled dummy regressions give finite estimates, positive HAC errors and finite Wald statistics", () => {
    for (const specification of ["event", "pooled"] as const) {
      const fit = dummyRegression(al, events, { specification, window: [-1, 1] });
      expect(fit.nObs).toBeGreaterThan(240);
      for (const r of fit.regression) {
        expect(Number.isFinite(r.estimate), r.term).toBe(true);
        expect(r.std_error, r.term).toBeGreaterThan(0);
        expect(r.std_error_hac, r.term).toBeGreaterThan(0);
        expect(r.p_value).toBeGreaterThanOrEqual(0);
        expect(r.p_value).toBeLessThanOrEqual(1);
      }
      const beta = fit.regression.find((r) => r.term === "market")!;
      expect(beta.estimate).toBeGreaterThan(0.5);
      expect(beta.estimate).toBeLessThan(1.5);
      for (const w of fit.wald) expect(Number.isFinite(w.statistic), w.hypothesis).toBe(true);
      expect(fit.warnings.some((w) => w.code === "HIGH_EVENT_VOLATILITY")).toBe(true);
    }
  });

  it("placebo tests (volatility regime, both spacings) run with sane outputs", () => {
    for (const spacing of ["independent", "keep"] as const) {
      const p = placeboTest(al, events, { seed: 20250407, draws: 9999, regime: "volatility", spacing });
      expect(Number.isFinite(p.observed)).toBe(true);
      expect(p.p_value).toBeGreaterThan(0);
      expect(p.p_value).toBeLessThanOrEqual(1);
      expect(p.eligible.size).toBeGreaterThan(20);
      expect(p.quantiles["2.5%"]).toBeLessThan(p.quantiles["97.5%"]);
    }
  });
});
