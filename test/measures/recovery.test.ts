// Recovery of the shocks injected into the seeded fixtures of scripts/fixtures/measures.ts:
// abnormal returns of the GARCH asset (−4.5 % on 2025-04-03, +7 % on 2025-04-09), abnormal log
// volume (+0.7, +1.0, +0.9 on 3, 7 and 9 April), 10-year yield jumps (−12 bp on 4 April, +15 bp
// on 9 April) and VIX jumps (+8, +6, −12 points on 3, 7 and 9 April). The tolerances are the
// estimation and model noise the generator leaves (stated per test), not looseness of the code:
// the code itself is checked against R in test/golden/.
import { describe, expect, it } from "vitest";
import { abnormalReturns } from "../../src/abnormal/index.js";
import { tradingCalendar } from "../../src/calendar/index.js";
import { parseSeriesCsv, parseVolumeCsv } from "../../src/io/index.js";
import { abnormalVolatility, abnormalVolume, garchAbnormalReturns } from "../../src/measures/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";
import { alignReturns } from "../../src/returns/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";
import { GARCH_ASSET, LEVELS } from "../../scripts/fixtures/measures.js";
import { readProjectFile } from "../helpers/shared-data.js";

const nyse = tradingCalendar("XNYS");
const text = (f: string) => readProjectFile(`fixtures/daily/${f}`);
const world = parseSeriesCsv(text("synthetic-world.csv"), { id: "W" }).series[0]!;
const asset = parseSeriesCsv(text("synthetic-garch.csv"), { id: "G" }).series[0]!;
const al = alignReturns({ asset, market: world, calendar: nyse });
const at = (d: string) => al.days.indexOf(dayKeyFromIso(d));
const ending = (last: string, n: number) => Array.from({ length: n }, (_, j) => at(last) - n + 1 + j);

describe("GARCH asset: injected abnormal returns and the fitted variance process", () => {
  const estimation = ending("2025-03-31", 500);
  const dates = Object.keys(GARCH_ASSET.ar);
  const r = garchAbnormalReturns(al, estimation, dates.map(at));

  it("recovers ω, α₁, β₁ within their sampling error (persistence 0.98 ± 0.03, α₁ 0.08 ± 0.05)", () => {
    expect(r.fit.converged).toBe(true);
    expect(Math.abs(r.fit.persistence - (GARCH_ASSET.alpha1 + GARCH_ASSET.beta1))).toBeLessThan(0.03);
    expect(Math.abs(r.fit.alpha1 - GARCH_ASSET.alpha1)).toBeLessThan(0.05);
    expect(Math.abs(r.fit.coefficients[1]! - GARCH_ASSET.beta)).toBeLessThan(0.15);
  });

  it("recovers the injected abnormal returns to within 0.006 (the estimation error of α and β times the world return), with p < 1e-4", () => {
    dates.forEach((d, j) => {
      expect(Math.abs(r.ar[j]! - GARCH_ASSET.ar[d]!), d).toBeLessThan(0.006);
      expect(r.pValue[j]!, d).toBeLessThan(1e-4);
      expect(r.volatilityPValue[j]!, d).toBeLessThan(1e-4);
    });
  });

  it("the OLS abnormal-volatility F test flags the same days", () => {
    const fit = fitModel({ type: "market" }, al, estimation);
    const ev = dates.map(at);
    for (const [j, i] of ev.entries()) {
      const ars = abnormalReturns(fit, predictModel(fit, al, [i]), [al.asset[i]!]);
      expect(abnormalVolatility(ars).pValue[0]!, dates[j]).toBeLessThan(1e-4);
    }
  });
});

describe("abnormal volume: injected log-volume shocks", () => {
  const vol = parseVolumeCsv(text("synthetic-garch.csv"), { id: "G" });
  const vi = (d: string) => vol.days.indexOf(dayKeyFromIso(d));
  // 150 sessions ending 2025-03-31 leave out the zero-volume session (2024-07-03)
  const estimation = Array.from({ length: 150 }, (_, j) => vi("2025-03-31") - 149 + j);
  const dates = Object.keys(GARCH_ASSET.logVolumeShock);
  const day0 = vi("2025-04-03");
  const event = Array.from({ length: vi("2025-04-09") - day0 + 1 }, (_, j) => day0 + j);

  it("each shock is recovered within 0.4 (the AR(1) log-volume noise carried from the day before, SD 0.25·0.5/√0.75 ≈ 0.14) and significant", () => {
    const r = abnormalVolume({ volume: vol.values, estimation, event, windows: [[0, 4]] });
    expect(r.zeroCount).toBe(0);
    for (const d of dates) {
      const j = vi(d) - day0;
      expect(Math.abs(r.abnormal.ar[j]! - GARCH_ASSET.logVolumeShock[d]!), d).toBeLessThan(0.4);
      // a shock of 0.7 is 2.4 SDs of log volume (SD 0.29): significant at 5 %, not always at 1 %
      expect(r.abnormal.pValue[j]!, d).toBeLessThan(0.05);
    }
    expect(r.windows[0]!.car.pValue).toBeLessThan(1e-3);
    // 3 of the 5 sessions carry a shock: the rank sum of 5 values among 155 reaches p < 0.05
    expect(r.windows[0]!.rankPValue).toBeLessThan(0.05);
  });

  it("the zero-volume session is reported when it lies in the estimation window", () => {
    const wide = Array.from({ length: 250 }, (_, j) => vi("2025-03-31") - 249 + j);
    const r = abnormalVolume({ volume: vol.values, estimation: wide, event });
    expect(r.zeroCount).toBe(1);
    expect(r.warnings[0]!.message).toContain("1 session with zero volume");
  });
});

describe("level series: injected yield and VIX jumps", () => {
  const levels = parseSeriesCsv(text("synthetic-levels.csv"), { values: "level", levelUnit: "percent", valueColumn: ["DGS10", "DGS2"] }).series;
  const vix = parseSeriesCsv(text("synthetic-levels.csv"), { values: "level", valueColumn: "VIX" }).series[0]!;
  const d10 = levels.find((s) => s.id === "DGS10")!;

  it("10-year yield on the world return: jumps recovered in basis points within 11 bp (3 SD of the 2-year leg 0.6·N(0, 5 bp), plus 2 bp of estimation error)", () => {
    const a = alignReturns({ asset: d10, market: world, calendar: nyse });
    const idx = (d: string) => a.days.indexOf(dayKeyFromIso(d));
    const fit = fitModel(
      { type: "market" },
      a,
      Array.from({ length: 250 }, (_, j) => idx("2025-03-31") - 249 + j),
    );
    // the true slope: 2 percentage points per unit return = 200 bp, within 3 standard errors
    expect(Math.abs(fit.coefficients[1]! - 100 * LEVELS.onMarket)).toBeLessThan(3 * Math.sqrt(fit.sigma2 * fit.covUnscaled[3]!));
    for (const [d, jump] of Object.entries(LEVELS.dgs10Jump)) {
      const i = idx(d);
      const ars = abnormalReturns(fit, predictModel(fit, a, [i]), [a.asset[i]!]);
      // the 2-year leg (0.6 × N(0, 5 bp)) stays in the change on a jump day: |AR − jump| < 3 SD of it
      expect(Math.abs(ars.ar[0]! - 100 * jump), d).toBeLessThan(3 * 0.6 * 100 * LEVELS.sd2 + 2);
    }
  });

  it("VIX changes in points on the world return: jumps recovered within 5 points", () => {
    const a = alignReturns({ asset: vix, market: world, calendar: nyse });
    const idx = (d: string) => a.days.indexOf(dayKeyFromIso(d));
    const fit = fitModel(
      { type: "market" },
      a,
      Array.from({ length: 250 }, (_, j) => idx("2025-03-31") - 249 + j),
    );
    for (const [d, jump] of Object.entries(LEVELS.vixJump)) {
      const i = idx(d);
      const ars = abnormalReturns(fit, predictModel(fit, a, [i]), [a.asset[i]!]);
      // left in the change: the mean reversion 0.08·(18 − V), up to ~2.5 points at a VIX of 50
      expect(Math.abs(ars.ar[0]! - jump), d).toBeLessThan(5);
    }
  });
});
