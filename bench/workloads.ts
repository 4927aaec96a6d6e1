/**
 * The workloads of the benchmarks (not a benchmark itself): seeded synthetic inputs built once,
 * shared by the per-topic scripts and by the one-table summary (`npm run bench`).
 * @module
 */
import { dayKeyFromIso, isoFromDayKey, nyseTradingDays, type eventStudy, type MarketEvent, type Series, type TestName } from "../src/index.js";
import { createRandom } from "../src/stats/random.js";

type StudyOptions = Parameters<typeof eventStudy>[0];

/** The 12 tests estudy2 runs. */
export const ESTUDY2_BENCH_TESTS: readonly TestName[] = [
  "cross_sectional_t",
  "time_series_t",
  "bw1980",
  "patell",
  "bmp",
  "lamb",
  "sign",
  "generalized_sign",
  "corrado_zivney_sign",
  "corrado_rank",
  "corrado_zivney_rank",
  "wilcoxon",
];

/**
 * estudy2's timings (seconds) on its benchmark design, measured with R on this machine kind
 * (2 cores, Node 20 host), December 2026, as quoted in the issue: N = 100 and N = 500
 * (N = 2,000 was stopped after 5 minutes).
 */
export const ESTUDY2_SECONDS: Readonly<Record<number, number>> = { 100: 5.7, 500: 59.0 };

/** Lower bounds (seconds) of estudy2's timings where the run was stopped: N = 2,000 after 5 minutes. */
export const ESTUDY2_AT_LEAST_SECONDS: Readonly<Record<number, number>> = { 2000: 300 };

/** Where and when estudy2's timings were measured, for the tables that quote them. */
export const ESTUDY2_QUOTE =
  "estudy2 (R) on this design: 5.70 s at N = 100, 59.0 s at N = 500, N = 2,000 stopped after 5 min; measured 2026-12 on this 2-core machine (Node 20 host)";

/**
 * estudy2's benchmark design with N assets: N price series and one market index on 400 NYSE
 * sessions (market-model prices, seeded), one statement on session 300 for every asset, market
 * model on [-260, -11] (250 sessions ending 11 before day 0), one window [0, 10], and (with
 * `tests`) the 12 estudy2 tests with `conventions: "estudy2"`.
 */
export function estudy2Design(N: number, seed: number, tests = true): StudyOptions {
  const rng = createRandom(seed);
  const days = nyseTradingDays(dayKeyFromIso("2024-01-02"), dayKeyFromIso("2026-12-31")).slice(0, 400);
  const T = days.length;
  const mret = new Float64Array(T);
  const mkt = new Float64Array(T);
  mkt[0] = 100;
  for (let t = 1; t < T; t++) {
    mret[t] = 0.0003 + 0.01 * rng.normal();
    mkt[t] = mkt[t - 1]! * (1 + mret[t]!);
  }
  const assets: Series[] = [];
  for (let a = 0; a < N; a++) {
    const beta = 0.5 + rng.next();
    const values = new Float64Array(T);
    values[0] = 50;
    for (let t = 1; t < T; t++) values[t] = values[t - 1]! * (1 + 0.0001 + beta * mret[t]! + 0.015 * rng.normal());
    assets.push({ id: `A${String(a).padStart(5, "0")}`, kind: "price", days, values });
  }
  const events: MarketEvent[] = [{ id: "E", timestamp: `${isoFromDayKey(days[300]!)}T12:00`, timezone: "America/New_York", precision: "minute" }];
  return {
    assets,
    market: { id: "MKT", kind: "price", days, values: mkt },
    events,
    estimation: [-260, -11],
    windows: [[0, 10]],
    ...(tests ? { tests: ESTUDY2_BENCH_TESTS, conventions: "estudy2" as const } : {}),
  };
}

/**
 * The many-pairs workload: `assets` price series on the NYSE calendar 2015-01-02 … 2025-12-31
 * (market-model prices on one synthetic market), `statements` statements at seeded random
 * sessions of 2017–2025 for every asset; market model on [-250, -11], windows [0,0], [-1,1],
 * [0,5], contamination "exclude", SQ test on every CAR (unless `sq` is false).
 */
export function manyPairs(assetsCount: number, statements: number, seed: number, sq = true): StudyOptions & { readonly sessions: number } {
  const rng = createRandom(seed);
  const days = nyseTradingDays(dayKeyFromIso("2015-01-02"), dayKeyFromIso("2025-12-31"));
  const T = days.length;
  const marketPrices = new Float64Array(T);
  const marketReturns = new Float64Array(T);
  marketPrices[0] = 100;
  for (let t = 1; t < T; t++) {
    marketReturns[t] = 0.0003 + 0.01 * rng.normal();
    marketPrices[t] = marketPrices[t - 1]! * (1 + marketReturns[t]!);
  }
  const assets: Series[] = [];
  for (let a = 0; a < assetsCount; a++) {
    const beta = 0.5 + rng.next();
    const values = new Float64Array(T);
    values[0] = 50;
    for (let t = 1; t < T; t++) values[t] = values[t - 1]! * (1 + 0.0001 + beta * marketReturns[t]! + 0.015 * rng.normal());
    assets.push({ id: `A${String(a).padStart(5, "0")}`, kind: "price", days, values });
  }
  const first = days.findIndex((d) => d >= dayKeyFromIso("2017-01-02"));
  const events: MarketEvent[] = [];
  const used = new Set<number>();
  while (events.length < statements) {
    const i = first + rng.int(T - first - 10);
    if (used.has(i)) continue;
    used.add(i);
    events.push({ id: `S${events.length + 1}`, timestamp: `${isoFromDayKey(days[i]!)}T12:00`, timezone: "America/New_York", precision: "minute" });
  }
  const market: Series = { id: "MKT", kind: "price", days, values: marketPrices };
  return {
    assets,
    market,
    events,
    estimation: [-250, -11],
    windows: [
      [0, 0],
      [-1, 1],
      [0, 5],
    ],
    sq,
    sessions: T,
  };
}
