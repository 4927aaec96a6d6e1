// Abnormal volatility, range-based volatility, abnormal volume and level series vs R.
// Reference: test/golden/data/measures.json, written by scripts/golden/measures.R from the
// fixtures (R reads the CSVs itself; here they go through parseSeriesCsv / parseVolumeCsv,
// alignReturns and the library's fits). Tolerances: 1e-10 relative for fits, abnormal values,
// variances and statistics; p-values 1e-9 relative (they inherit the statistics' rounding);
// the F, t and normal distribution functions at R's statistics 1e-12 relative.
import { describe, expect, it } from "vitest";
import { abnormalReturns } from "../../src/abnormal/index.js";
import { tradingCalendar } from "../../src/calendar/index.js";
import { parseSeriesCsv, parseVolumeCsv } from "../../src/io/index.js";
import { abnormalVolatility, abnormalVolume, rangeVariance, rangeVolatilityTest } from "../../src/measures/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";
import { alignReturns } from "../../src/returns/index.js";
import type { AlignedReturns } from "../../src/returns/index.js";
import { fisherFSf, normalSf, studentTTwoSided } from "../../src/stats/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";
import { readProjectFile } from "../helpers/shared-data.js";
import { expectAllClose, expectClose } from "./expect-close.js";
import { loadGolden } from "./load.js";

interface WindowGolden {
  window: [number, number];
  car: number;
  variance: number;
  t: number;
  p_value: number;
  wilcoxon_W: number;
  rank_p_value: number;
}
interface VolumeModelGolden {
  coefficients: number[];
  sigma2: number;
  df: number;
  ar: number[];
  variance: number[];
  t: number[];
  p_value: number[];
  windows: WindowGolden[];
}
interface RangeGolden {
  estimation_mean: number;
  ratio: number[];
  t: number[];
  p_value: number[];
  df: number;
}
interface LevelGolden {
  coefficients: number[];
  sigma2: number;
  df: number;
  ar: number[];
  variance: number[];
}
interface MeasuresGolden {
  volatility: {
    ar: number[];
    variance: number[];
    ratio: number[];
    p_value: number[];
    window_statistic: number;
    df1: number;
    df2: number;
    window_p_value: number;
  };
  ranges: { parkinson_all: number[]; garman_klass_all: number[]; parkinson: RangeGolden; garman_klass: RangeGolden };
  volume: { start: number; offset: number; zero_volume_date: string; mean_adjusted: VolumeModelGolden; market: VolumeModelGolden };
  levels: { dgs10_change_bp: number[]; on_dgs2: LevelGolden; on_world_return: LevelGolden; constant_mean: LevelGolden };
}

const g = loadGolden<MeasuresGolden>("measures.json");
const RTOL = 1e-10;
const nyse = tradingCalendar("XNYS");
const text = (f: string) => readProjectFile(`fixtures/daily/${f}`);
const series = (f: string, id: string, opts: object = {}) => parseSeriesCsv(text(f), { id, ...opts }).series[0]!;

/** Session indices of `al` from `first` to `last`, and the `count` ending on `last`. */
function span(al: AlignedReturns, first: string, last: string): number[] {
  const a = al.days.indexOf(dayKeyFromIso(first));
  const b = al.days.indexOf(dayKeyFromIso(last));
  expect(a).toBeGreaterThan(0);
  return Array.from({ length: b - a + 1 }, (_, j) => a + j);
}
function ending(al: AlignedReturns, last: string, count: number): number[] {
  const b = al.days.indexOf(dayKeyFromIso(last));
  return Array.from({ length: count }, (_, j) => b - count + 1 + j);
}

describe("abnormal volatility vs R (US index, market model)", () => {
  const al = alignReturns({ asset: series("synthetic-us-index.csv", "US"), market: series("synthetic-world.csv", "W"), calendar: nyse });
  const fit = fitModel({ type: "market" }, al, ending(al, "2025-03-20", 250));
  const event = span(al, "2025-04-01", "2025-04-11");
  const ars = abnormalReturns(
    fit,
    predictModel(fit, al, event),
    event.map((i) => al.asset[i]!),
  );
  const v = abnormalVolatility(ars);

  it("AR²/Var(AR) per session and its F(1, M − 2) p-value", () => {
    expectAllClose(ars.ar, g.volatility.ar, { rtol: RTOL }, "ar");
    expectAllClose(v.ratio, g.volatility.ratio, { rtol: RTOL }, "ratio");
    expect(v.df2).toBe(g.volatility.df2);
    expectAllClose(v.pValue, g.volatility.p_value, { rtol: 1e-9 }, "p");
    g.volatility.ratio.forEach((r, j) => expectClose(fisherFSf(r, 1, g.volatility.df2), g.volatility.p_value[j]!, { rtol: 1e-12 }, `pf[${j}]`));
  });

  it("window statistic AR′Ω⁻¹AR/(L s²) and its F(L, M − 2) p-value", () => {
    expect(v.df1).toBe(g.volatility.df1);
    expectClose(v.windowStatistic, g.volatility.window_statistic, { rtol: RTOL }, "W");
    expectClose(v.windowPValue, g.volatility.window_p_value, { rtol: 1e-9 }, "p");
    expectClose(fisherFSf(g.volatility.window_statistic, g.volatility.df1, g.volatility.df2), g.volatility.window_p_value, { rtol: 1e-12 }, "pf");
  });
});

describe("range-based volatility vs R (synthetic GARCH asset)", () => {
  const cols = parseSeriesCsv(text("synthetic-garch.csv"), { valueColumn: ["open", "high", "low", "close"] }).series;
  const [open, high, low, close] = ["open", "high", "low", "close"].map((c) => cols.find((s) => s.id === c)!.values);
  const days = cols[0]!.days;
  const at = (d: string) => days.indexOf(dayKeyFromIso(d));
  const est = Array.from({ length: 250 }, (_, j) => at("2025-03-31") - 249 + j);
  const event = Array.from({ length: at("2025-04-11") - at("2025-04-01") + 1 }, (_, j) => at("2025-04-01") + j);

  for (const [name, estimator, all, ref] of [
    ["Parkinson", "parkinson", g.ranges.parkinson_all, g.ranges.parkinson],
    ["Garman–Klass", "garman-klass", g.ranges.garman_klass_all, g.ranges.garman_klass],
  ] as const) {
    it(`${name}: daily variances, estimation mean, ratios and the log-variance t test`, () => {
      const v = rangeVariance({ open: open!, high: high!, low: low!, close: close! }, estimator);
      expectAllClose(v, all, { rtol: RTOL, atol: 1e-300 }, "variance");
      const r = rangeVolatilityTest(v, est, event);
      expectClose(r.estimationMean, ref.estimation_mean, { rtol: RTOL }, "mean");
      expectAllClose(r.ratio, ref.ratio, { rtol: RTOL }, "ratio");
      expectAllClose(r.t, ref.t, { rtol: RTOL }, "t");
      expect(r.df).toBe(ref.df);
      expectAllClose(r.pValue, ref.p_value, { rtol: 1e-9 }, "p");
      ref.t.forEach((t, j) => expectClose(studentTTwoSided(t, ref.df), ref.p_value[j]!, { rtol: 1e-12 }, `pt[${j}]`));
    });
  }
});

describe("abnormal volume vs R (synthetic GARCH asset, one zero-volume session)", () => {
  const vol = parseVolumeCsv(text("synthetic-garch.csv"), { id: "G" });
  const bench = parseVolumeCsv(text("synthetic-us-index.csv"), { id: "US" });
  const at = (d: string) => vol.days.indexOf(dayKeyFromIso(d));
  expect(bench.days).toEqual(vol.days);
  const estimation = Array.from({ length: 250 }, (_, j) => at("2025-03-31") - 249 + j);
  const event = Array.from({ length: at("2025-04-11") - at("2025-04-01") + 1 }, (_, j) => at("2025-04-01") + j);
  const windows = g.volume.mean_adjusted.windows.map((w) => w.window);

  for (const [label, model, ref] of [
    ["mean-adjusted", "mean-adjusted", g.volume.mean_adjusted],
    ["market model on the benchmark's log volume", "market", g.volume.market],
  ] as const) {
    it(`${label}: fit, abnormal log volume, t, windows with full covariance and the rank test`, () => {
      const r = abnormalVolume({
        volume: vol.values,
        model,
        ...(model === "market" ? { benchmarkVolume: bench.values } : {}),
        estimation,
        event,
        start: g.volume.start,
        windows,
      });
      expect(r.zeroCount).toBe(1);
      expect(r.warnings.map((w) => w.code)).toEqual(["ZERO_VOLUME"]);
      expectAllClose(r.fit.coefficients, ref.coefficients, { rtol: RTOL }, "coefficients");
      expectClose(r.fit.sigma2, ref.sigma2, { rtol: RTOL }, "sigma2");
      expect(r.fit.df).toBe(ref.df);
      expectAllClose(r.abnormal.ar, ref.ar, { rtol: RTOL }, "ar");
      expectAllClose(r.abnormal.variance, ref.variance, { rtol: RTOL }, "variance");
      expectAllClose(r.abnormal.t, ref.t, { rtol: RTOL }, "t");
      expectAllClose(r.abnormal.pValue, ref.p_value, { rtol: 1e-9 }, "p");
      r.windows.forEach((w, k) => {
        const gw = ref.windows[k]!;
        expectClose(w.car.car, gw.car, { rtol: RTOL }, `car[${k}]`);
        expectClose(w.car.variance, gw.variance, { rtol: RTOL }, `var[${k}]`);
        expectClose(w.car.t, gw.t, { rtol: RTOL }, `t[${k}]`);
        expectClose(w.car.pValue, gw.p_value, { rtol: 1e-9 }, `p[${k}]`);
        expectClose(w.rankPValue, gw.rank_p_value, { rtol: 1e-9 }, `rank p[${k}]`);
        expectClose(2 * normalSf(Math.abs(w.rankZ)), gw.rank_p_value, { rtol: 1e-9 }, `rank z[${k}]`);
      });
    });
  }
});

describe("level series vs R: 10-year yield changes in basis points (synthetic levels)", () => {
  const levels = parseSeriesCsv(text("synthetic-levels.csv"), { values: "level", levelUnit: "percent", valueColumn: ["DGS10", "DGS2"] });
  const [d10, d2] = ["DGS10", "DGS2"].map((c) => levels.series.find((s) => s.id === c)!);
  const world = series("synthetic-world.csv", "W");

  for (const [label, market, ref, spec] of [
    ["regression on the 2-year change (bp)", d2, g.levels.on_dgs2, { type: "market" }],
    ["regression on the world return", world, g.levels.on_world_return, { type: "market" }],
    ["constant-mean change", undefined, g.levels.constant_mean, { type: "constant-mean" }],
  ] as const) {
    it(label, () => {
      expect(levels.levelUnit).toBe("basis-points");
      const al = alignReturns({ asset: d10!, ...(market === undefined ? {} : { market }), calendar: nyse });
      const event = span(al, "2025-04-01", "2025-04-11");
      expectAllClose(
        event.map((i) => al.asset[i]!),
        g.levels.dgs10_change_bp,
        { rtol: RTOL },
        "changes",
      );
      const fit = fitModel(spec, al, ending(al, "2025-03-31", 250));
      expectAllClose(fit.coefficients, ref.coefficients, { rtol: RTOL }, "coefficients");
      expectClose(fit.sigma2, ref.sigma2, { rtol: RTOL }, "sigma2");
      const ars = abnormalReturns(
        fit,
        predictModel(fit, al, event),
        event.map((i) => al.asset[i]!),
      );
      expectAllClose(ars.ar, ref.ar, { rtol: RTOL }, "ar");
      expectAllClose(ars.variance, ref.variance, { rtol: RTOL }, "variance");
    });
  }
});
