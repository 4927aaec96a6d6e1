import { describe, expect, it } from "vitest";
import { dayKeyFromIso, eventStudy, isoFromDayKey, nyseTradingDays, type MarketEvent, type Series } from "../../src/index.js";
import type { ModelFit } from "../../src/models/index.js";
import { fitMarketModel } from "../../src/models/marketModel.js";
import { RegressorCache } from "../../src/models/regressorCache.js";
import { estimationIndicesOf } from "../../src/models/sample.js";
import { modelColumns } from "../../src/models/spec.js";
import { createRandom } from "../../src/stats/index.js";

const SPEC = { type: "market" } as const;

function columnsOf(asset: Float64Array, market: Float64Array, regressors?: RegressorCache) {
  const c = modelColumns(SPEC, { asset, market });
  return regressors === undefined ? c : { ...c, regressors };
}

/** Every number of a market-model fit, bit for bit (Object.is: −0 ≠ 0, NaN = NaN). */
function expectSameFit(a: ModelFit, b: ModelFit): void {
  const numbers = (f: ModelFit) => [...f.coefficients, f.sigma2, f.df, f.nObs, f.r2, ...f.covUnscaled, ...f.residuals];
  const x = numbers(a);
  const y = numbers(b);
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => expect(Object.is(v, y[i]), `entry ${i}: ${v} vs ${y[i]}`).toBe(true));
  expect([...a.used]).toEqual([...b.used]);
}

const rng = createRandom(20261203);
const T = 400;
const market = Float64Array.from({ length: T }, () => 0.0003 + 0.011 * rng.normal());
const assets = Array.from({ length: 6 }, (_, a) => Float64Array.from(market, (m) => 0.0001 * a + (0.4 + 0.2 * a) * m + 0.017 * rng.normal()));
const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

describe("the market's side of the fits, kept for the other assets (RegressorCache)", () => {
  it("is kept the second time a sample is offered and found the third", () => {
    const cache = new RegressorCache();
    const used = range(10, 260);
    const fits = assets.map((asset) => fitMarketModel(SPEC, columnsOf(asset, market, cache), used));
    expect(cache.find(market, used)).toBeDefined();
    expect(cache.find(market, range(11, 261))).toBeUndefined(); // another sample
    expect(cache.find(Float64Array.from(market), used)).toBeUndefined(); // another column, even with the same values
    // each fit equals the fit without a cache, bit for bit
    assets.forEach((asset, a) => expectSameFit(fits[a]!, fitMarketModel(SPEC, columnsOf(asset, market), used)));
  });

  it("tells apart samples with the same first session, length, last session and index sum", () => {
    // {10, 12, 13, 15} and {10, 11, 14, 15}: same key, same last index, same total (50)
    const one = Int32Array.of(10, 12, 13, 15, ...range(20, 120));
    const two = Int32Array.of(10, 11, 14, 15, ...range(20, 120));
    const cache = new RegressorCache();
    for (const used of [one, one, two, two, one, two]) {
      for (const asset of assets.slice(0, 2)) {
        expectSameFit(fitMarketModel(SPEC, columnsOf(asset, market, cache), used), fitMarketModel(SPEC, columnsOf(asset, market), used));
      }
    }
    expect(cache.find(market, one)).toBeDefined();
    expect(cache.find(market, two)).toBeUndefined(); // its key was taken by the first sample
  });

  it("gives an asset without a gap in the window the sample every such asset has there, one array; with a gap, its own", () => {
    const r = createRandom(7);
    // the market misses a few returns too; assets miss returns (NaN, ±Infinity) at random places
    const mkt = Float64Array.from(market, (m, i) => (i % 97 === 5 ? Number.NaN : m));
    const gappy = Array.from({ length: 40 }, (_, a) => {
      const x = Float64Array.from(assets[a % assets.length]!);
      for (let k = 0; k < a % 4; k++) x[r.int(T)] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][k % 3]!;
      return x;
    });
    const cache = new RegressorCache();
    for (let rep = 0; rep < 60; rep++) {
      const start = r.int(T - 50);
      const end = start + 1 + r.int(T - start);
      const mask = rep % 3 === 0 ? undefined : Uint8Array.from({ length: end - start }, () => +(r.next() < 0.9));
      let shared: Int32Array | undefined;
      for (const asset of gappy) {
        const want = estimationIndicesOf(columnsOf(asset, mkt), { start, end }, mask);
        const got = estimationIndicesOf(columnsOf(asset, mkt, cache), { start, end }, mask);
        expect([...got]).toEqual([...want]);
        const complete = asset.subarray(start, end).every((v) => Number.isFinite(v));
        if (complete) {
          shared ??= got;
          expect(got).toBe(shared); // the same array for every complete asset
        } else expect(got).not.toBe(shared);
      }
    }
  });

  it("still finds a constant market over a kept sample (SINGULAR_DESIGN)", () => {
    const flat = new Float64Array(T).fill(0.001);
    const cache = new RegressorCache();
    const used = range(0, 100);
    for (let k = 0; k < 3; k++) expect(() => fitMarketModel(SPEC, columnsOf(assets[k]!, flat, cache), used)).toThrow(/market return is constant/);
  });
});

describe("eventStudy with many assets on one market", () => {
  it("gives every asset the numbers a study of that asset alone gives", () => {
    const days = nyseTradingDays(dayKeyFromIso("2023-01-03"), dayKeyFromIso("2025-12-31")).slice(0, T);
    const prices = (returns: Float64Array) => {
      const p = new Float64Array(T);
      p[0] = 100;
      for (let t = 1; t < T; t++) p[t] = p[t - 1]! * (1 + returns[t]!);
      return p;
    };
    const series: Series[] = assets.map((r, a) => ({ id: `A${a}`, kind: "price", days, values: prices(r) }));
    series[3] = { ...series[3]!, values: series[3]!.values.map((v, t) => (t === 290 ? Number.NaN : v)) }; // a gap: another sample
    const events: MarketEvent[] = [300, 330, 370].map((i, k) => ({
      id: `S${k}`,
      timestamp: `${isoFromDayKey(days[i]!)}T12:00`,
      timezone: "America/New_York",
      precision: "minute",
    }));
    const options = {
      market: { id: "MKT", kind: "price", days, values: prices(market) } as Series,
      events,
      estimation: [-250, -11] as const,
      windows: [
        [0, 0],
        [-1, 1],
      ] as [number, number][],
    };
    const together = eventStudy({ ...options, assets: series });
    expect(together.models.length).toBe(series.length * events.length);
    for (const s of series) {
      const alone = eventStudy({ ...options, assets: [s] });
      const rows = (st: typeof alone) => JSON.stringify([st.models.filter((r) => r.asset === s.id), st.car.filter((r) => r.asset === s.id)]);
      expect(rows(together)).toBe(rows(alone));
    }
  });
});
