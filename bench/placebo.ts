/**
 * Benchmark: placebo (pseudo-event) inference for the three-statement tariff study.
 *
 *   npx tsx bench/placebo.ts [--draws 10000] [--runs 7] [--warmup 2] [--seed 20250407]
 *
 * Workload: the synthetic fixtures (US index on the world benchmark, 751 returns on the NYSE
 * calendar), statements E17, E22 (day 0 2025-04-07) and E27 (2025-04-08), market model
 * re-estimated on offsets [-250, -11] for every pseudo-date, CAR window [-1, +1], statistic
 * = mean CAR over the three statements, `draws` placebo draws (3 pseudo-dates each), regime
 * none and volatility.
 *
 * Timed (median, min, max over `runs` runs after `warmup` untimed runs, garbage collected
 * before each run):
 * - `placeboTest`, prefix-sum engine (O(1) market-model fits from prefix sums, each eligible
 *   session fitted once, then `draws` draws);
 * - `placeboTest`, `engine: "fitModel"` (the general pipeline: fitModel, predictModel,
 *   abnormalReturns, cumulativeAbnormalReturns per eligible session);
 * - an uncached loop: every draw re-fits its 3 pseudo-events with `marketModelFromPrefix`
 *   and recomputes their CARs (3 × draws fits; what a per-draw re-estimation costs).
 * @module
 */
import { placeboTest } from "../src/inference/clustered/index.js";
import type { PlaceboOptions } from "../src/inference/clustered/index.js";
import { parseSeriesCsv } from "../src/io/index.js";
import { createRandom, emptyRegressionResult, marketModelFromPrefix, prefixSums } from "../src/stats/index.js";
import { dayKeyFromIso } from "../src/time/index.js";
import { readFileSync } from "node:fs";
import { ensureExposedGc, intOptions, machineRows, ms, printTable, rate, summarize, timeMs } from "./harness.js";

const opt = intOptions({ draws: 10_000, runs: 7, warmup: 2, seed: 20250407 });
const gc = ensureExposedGc();

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");
const us = parseSeriesCsv(read("fixtures/daily/synthetic-us-index.csv"), { valueColumn: "Adj Close" }).series[0]!;
const world = parseSeriesCsv(read("fixtures/daily/synthetic-world.csv"), { valueColumn: "adj_close" }).series[0]!;
const ret = (p: Float64Array) => Float64Array.from(p, (v, i) => (i === 0 ? Number.NaN : v / p[i - 1]! - 1));
const data = { days: us.days, asset: ret(us.values), market: ret(world.values) };
const events = [
  { id: "E17", day0: "2025-04-07" },
  { id: "E22", day0: "2025-04-07" },
  { id: "E27", day0: "2025-04-08" },
];

function timed(label: string, fn: () => unknown): { label: string; s: ReturnType<typeof summarize>; out: unknown } {
  let out: unknown;
  for (let i = 0; i < opt.warmup; i++) out = fn();
  const samples: number[] = [];
  for (let i = 0; i < opt.runs; i++) {
    gc();
    samples.push(timeMs(() => (out = fn())));
  }
  return { label, s: summarize(samples), out };
}

const base: PlaceboOptions = { seed: opt.seed, draws: opt.draws, windows: [[-1, 1]], statistic: { type: "mean-car" } };
const results = [
  timed("placeboTest, prefix sums, regime none", () => placeboTest(data, events, base)),
  timed("placeboTest, prefix sums, regime volatility", () => placeboTest(data, events, { ...base, regime: "volatility" })),
  timed("placeboTest, fitModel pipeline, regime none", () => placeboTest(data, events, { ...base, engine: "fitModel" })),
];

// uncached: every draw re-fits its three pseudo-events
const eligible = (results[0]!.out as ReturnType<typeof placeboTest>).eligible.size;
const t0 = events.map((e) => us.days.indexOf(dayKeyFromIso(e.day0)));
const candidates: number[] = [];
for (let d = 250; d < data.asset.length - 1; d++) if (t0.every((t) => Math.abs(d - t) > 10)) candidates.push(d);
let checksum = 0;
const uncached = timed("uncached: 3 prefix-sum fits + CARs per draw", () => {
  const prefix = prefixSums(data.market, data.asset);
  const reg = emptyRegressionResult();
  const rng = createRandom(opt.seed);
  let acc = 0;
  for (let b = 0; b < opt.draws; b++) {
    let s = 0;
    for (let j = 0; j < 3; j++) {
      const d = candidates[rng.int(candidates.length)]!;
      marketModelFromPrefix(prefix, d - 250, d - 11, reg);
      for (let t = d - 1; t <= d + 1; t++) s += data.asset[t]! - reg.alpha - reg.beta * data.market[t]!;
    }
    acc += s / 3;
  }
  checksum = acc;
  return acc;
});

printTable("Machine", machineRows());
printTable(
  `Placebo inference: ${opt.draws.toLocaleString("en-US")} draws × 3 statements, market model on [-250, -11], CAR [-1, +1] (${opt.runs} runs after ${opt.warmup} warm-up)`,
  [...results, uncached].map((r) => ({
    phase: r.label,
    median: ms(r.s.median),
    min: ms(r.s.min),
    max: ms(r.s.max),
    "draws/s (median)": rate(opt.draws / (r.s.median / 1000)),
  })),
);
const r0 = results[0]!.out as ReturnType<typeof placeboTest>;
const r2 = results[2]!.out as ReturnType<typeof placeboTest>;
printTable("Checks", [
  { item: "eligible sessions (regime none)", value: eligible },
  { item: "p-value, prefix sums vs fitModel", value: `${r0.p_value} vs ${r2.p_value}` },
  { item: "observed mean CAR, prefix sums vs fitModel", value: `${r0.observed} vs ${r2.observed}` },
  { item: "target: 10,000 draws < 500 ms (prefix sums)", value: results[0]!.s.median < 500 && opt.draws >= 10_000 ? "met" : "not met" },
  { item: "uncached checksum", value: checksum.toExponential(6) },
]);
