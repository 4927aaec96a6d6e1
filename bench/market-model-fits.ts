/**
 * Benchmark: O(1) windowed market-model fits from per-series prefix sums.
 *
 *   npx tsx bench/market-model-fits.ts [--series 2000] [--sessions 2600] [--window 250]
 *        [--fits 1000000] [--runs 7] [--warmup 1] [--naive 20000] [--check 10000] [--seed 20250402]
 *
 * Workload: a synthetic panel of `series` security return series on `sessions` sessions, all
 * regressed on one market return series (y = α + βx + σε, seeded with createRandom), with a few
 * missing values (NaN) in both. `fits` (series, window) pairs of `window` sessions each, at
 * seeded random positions, grouped by series (the loop of an event study: for each asset, each
 * event window).
 *
 * Each run (1) builds the prefix sums of every series (`prefixSums`), (2) fits every window
 * with `marketModelFromPrefix`, reusing one `out` object (no allocation per fit), (3) fits the
 * same windows again in a seeded shuffled order (the cache-unfriendly case). The naive baseline
 * copies each window's complete cases and runs the centred closed form (`simpleRegression`),
 * O(window) per fit. A sample of windows is fitted both ways and the worst relative difference
 * per field is printed. Reported: median, min and max over `runs` timed runs (after `warmup`
 * untimed runs that let the JIT compile the loops). The script re-runs itself with
 * `--expose-gc` so that garbage is collected before each run (not inside the timings).
 * @module
 */
import { createRandom } from "../src/stats/random.js";
import { emptyRegressionResult, marketModelFromPrefix, prefixSums, type MarketModelPrefix } from "../src/stats/prefix.js";
import { simpleRegression, type SimpleRegressionResult } from "../src/stats/regression.js";
import { ensureExposedGc, intOptions, machineRows, ms, printTable, rate, summarize, timeMs } from "./harness.js";

const opt = intOptions({
  series: 2000,
  sessions: 2600,
  window: 250,
  fits: 1_000_000,
  runs: 7,
  warmup: 1,
  naive: 20_000,
  check: 10_000,
  seed: 20250402,
});
if (opt.window < 3 || opt.window > opt.sessions) throw new Error("--window must be in [3, sessions]");
if (opt.series < 1 || opt.fits < 1 || opt.runs < 1) throw new Error("--series, --fits and --runs must be positive");

const gc = ensureExposedGc();
const T = opt.sessions;
const W = opt.window;
const rng = createRandom(opt.seed);

// ---- synthetic panel (untimed) ---------------------------------------------------------------
const market = new Float64Array(T);
for (let t = 0; t < T; t++) market[t] = 0.0003 + 0.011 * rng.normal();
const panel = new Float64Array(opt.series * T);
for (let s = 0; s < opt.series; s++) {
  const alpha = 0.0002 * rng.normal();
  const beta = 0.4 + 1.2 * rng.next();
  const sigma = 0.006 + 0.02 * rng.next();
  for (let t = 0; t < T; t++) panel[s * T + t] = alpha + beta * market[t]! + sigma * rng.normal();
}
// a few missing values: 3 market days, and each security value with probability 0.1 %
let missingMarket = 0;
while (missingMarket < Math.min(3, T)) {
  const t = rng.int(T);
  if (!Number.isNaN(market[t]!)) {
    market[t] = Number.NaN;
    missingMarket++;
  }
}
let missingPanel = 0;
for (let k = 0; k < panel.length; k++) {
  if (rng.next() < 0.001) {
    panel[k] = Number.NaN;
    missingPanel++;
  }
}
const ys: Float64Array[] = [];
for (let s = 0; s < opt.series; s++) ys.push(panel.subarray(s * T, (s + 1) * T));

// ---- windows (untimed): fit k belongs to series seriesOf[k], window [start, start + W - 1] ----
const seriesOf = new Int32Array(opt.fits);
const starts = new Int32Array(opt.fits);
for (let k = 0; k < opt.fits; k++) {
  seriesOf[k] = Math.floor((k * opt.series) / opt.fits);
  starts[k] = rng.int(T - W + 1);
}
const shuffled = new Int32Array(opt.fits);
for (let k = 0; k < opt.fits; k++) shuffled[k] = k;
for (let k = opt.fits - 1; k > 0; k--) {
  const j = rng.int(k + 1);
  const tmp = shuffled[k]!;
  shuffled[k] = shuffled[j]!;
  shuffled[j] = tmp;
}

// ---- kernels ---------------------------------------------------------------------------------
let prefixes: (MarketModelPrefix | undefined)[] = new Array<MarketModelPrefix | undefined>(opt.series);

function buildAll(): void {
  prefixes = new Array<MarketModelPrefix | undefined>(opt.series);
  for (let s = 0; s < opt.series; s++) prefixes[s] = prefixSums(market, ys[s]!);
}

/** Fits every window in series order; returns a checksum so the work cannot be skipped. */
function fitInOrder(out: SimpleRegressionResult): number {
  let acc = 0;
  let k = 0;
  for (let s = 0; s < opt.series; s++) {
    const p = prefixes[s]!;
    for (; k < opt.fits && seriesOf[k] === s; k++) {
      const i0 = starts[k]!;
      marketModelFromPrefix(p, i0, i0 + W - 1, out);
      acc += out.beta + out.sigma2;
    }
  }
  return acc;
}

/** Fits every window in a shuffled (series, window) order. */
function fitShuffled(out: SimpleRegressionResult): number {
  let acc = 0;
  for (let q = 0; q < opt.fits; q++) {
    const k = shuffled[q]!;
    const i0 = starts[k]!;
    marketModelFromPrefix(prefixes[seriesOf[k]!]!, i0, i0 + W - 1, out);
    acc += out.beta + out.sigma2;
  }
  return acc;
}

const bufX = new Float64Array(W);
const bufY = new Float64Array(W);

/** Naive fit: copy the window's complete cases, then the centred two-pass closed form. */
function naiveFit(k: number): SimpleRegressionResult {
  const y = ys[seriesOf[k]!]!;
  const i0 = starts[k]!;
  let m = 0;
  for (let i = i0; i < i0 + W; i++) {
    const u = market[i]!;
    const v = y[i]!;
    if (Number.isFinite(u) && Number.isFinite(v)) {
      bufX[m] = u;
      bufY[m] = v;
      m++;
    }
  }
  return simpleRegression(bufY.subarray(0, m), bufX.subarray(0, m));
}

const naiveCount = Math.min(opt.naive, opt.fits);
const naiveStep = naiveCount > 0 ? opt.fits / naiveCount : 1;
function fitNaive(): number {
  let acc = 0;
  for (let j = 0; j < naiveCount; j++) {
    const f = naiveFit(Math.floor(j * naiveStep));
    acc += f.beta + f.sigma2;
  }
  return acc;
}

// ---- timed runs ------------------------------------------------------------------------------
const out = emptyRegressionResult();
const build: number[] = [];
const fitOrdered: number[] = [];
const fitRandom: number[] = [];
const naive: number[] = [];
const checksums = new Set<string>();
for (let r = 0; r < opt.warmup + opt.runs; r++) {
  prefixes = [];
  gc();
  const tb = timeMs(buildAll);
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  const tf = timeMs(() => (c1 = fitInOrder(out)));
  const ts = timeMs(() => (c2 = fitShuffled(out)));
  const tn = timeMs(() => (c3 = fitNaive()));
  checksums.add(`${c1}|${c2 === c1 ? "same" : c2}|${c3}`);
  if (r >= opt.warmup) {
    build.push(tb);
    fitOrdered.push(tf);
    fitRandom.push(ts);
    naive.push(tn);
  }
}
const total = build.map((b, i) => b + fitOrdered[i]!);

// ---- agreement on a sample of windows ---------------------------------------------------------
const FIELDS = ["beta", "alpha", "sigma2", "rss", "r2", "xMean", "yMean", "sxx", "sxy", "syy"] as const;
const worst = new Map<string, { rel: number; k: number }>(FIELDS.map((f) => [f, { rel: 0, k: -1 }]));
let nMismatch = 0;
const checkCount = Math.min(opt.check, opt.fits);
const checkRng = createRandom(opt.seed + 1);
for (let j = 0; j < checkCount; j++) {
  const k = checkRng.int(opt.fits);
  const i0 = starts[k]!;
  const fast = marketModelFromPrefix(prefixes[seriesOf[k]!]!, i0, i0 + W - 1, emptyRegressionResult());
  const ref = naiveFit(k);
  if (fast.n !== ref.n) nMismatch++;
  for (const f of FIELDS) {
    const a = fast[f];
    const b = ref[f];
    const rel = a === b ? 0 : Math.abs(a - b) / Math.abs(b);
    const w = worst.get(f)!;
    if (!(rel <= w.rel)) worst.set(f, { rel, k });
  }
}

// ---- report ----------------------------------------------------------------------------------
const sb = summarize(build);
const sf = summarize(fitOrdered);
const sr = summarize(fitRandom);
const st = summarize(total);
const sn = summarize(naive);
const perS = (n: number, t: number): number => (n / t) * 1000;

printTable("Workload", [
  { item: "series x sessions", value: `${opt.series} x ${T}` },
  { item: "window (sessions)", value: W },
  { item: "fits per run", value: opt.fits },
  { item: "missing values", value: `${missingMarket} market days, ${missingPanel} security values` },
  { item: "naive baseline fits per run", value: naiveCount },
  { item: "agreement sample (windows)", value: checkCount },
  { item: "seed", value: opt.seed },
  { item: "runs", value: `${opt.runs} timed after ${opt.warmup} warm-up` },
  { item: "explicit gc", value: "before each run (re-run with --expose-gc)" },
]);
printTable("Machine", machineRows());
printTable(`Timings (median [min, max] of ${opt.runs} runs)`, [
  {
    phase: `prefix sums, ${opt.series} series`,
    "time median": ms(sb.median),
    "time min": ms(sb.min),
    "time max": ms(sb.max),
    "fits/s median": "",
    "fits/s min": "",
    "fits/s max": "",
  },
  {
    phase: `O(1) fits, series order`,
    "time median": ms(sf.median),
    "time min": ms(sf.min),
    "time max": ms(sf.max),
    "fits/s median": rate(perS(opt.fits, sf.median)),
    "fits/s min": rate(perS(opt.fits, sf.max)),
    "fits/s max": rate(perS(opt.fits, sf.min)),
  },
  {
    phase: `O(1) fits, shuffled order`,
    "time median": ms(sr.median),
    "time min": ms(sr.min),
    "time max": ms(sr.max),
    "fits/s median": rate(perS(opt.fits, sr.median)),
    "fits/s min": rate(perS(opt.fits, sr.max)),
    "fits/s max": rate(perS(opt.fits, sr.min)),
  },
  {
    phase: `total: prefix sums + fits (series order)`,
    "time median": ms(st.median),
    "time min": ms(st.min),
    "time max": ms(st.max),
    "fits/s median": rate(perS(opt.fits, st.median)),
    "fits/s min": rate(perS(opt.fits, st.max)),
    "fits/s max": rate(perS(opt.fits, st.min)),
  },
  {
    phase: `naive copy + simpleRegression, ${naiveCount} fits`,
    "time median": ms(sn.median),
    "time min": ms(sn.min),
    "time max": ms(sn.max),
    "fits/s median": rate(perS(naiveCount, sn.median)),
    "fits/s min": rate(perS(naiveCount, sn.max)),
    "fits/s max": rate(perS(naiveCount, sn.min)),
  },
]);
printTable(
  `Agreement, O(1) fit vs naive, ${checkCount} sampled windows (|fast - naive| / |naive|)`,
  FIELDS.map((f) => {
    const w = worst.get(f)!;
    return {
      field: f,
      "worst relative difference": w.rel === 0 ? "0" : w.rel.toExponential(2),
      "at (series, first index)": w.k < 0 ? "" : `(${seriesOf[w.k]}, ${starts[w.k]})`,
    };
  }),
);
const worstAll = Math.max(...FIELDS.map((f) => worst.get(f)!.rel));
const fitsPerSecond = perS(opt.fits, sf.median);
const speedup = fitsPerSecond / perS(naiveCount, sn.median);
process.stdout.write(
  [
    "",
    `window sizes differing (n): ${nMismatch} of ${checkCount}`,
    `worst relative difference over all fields: ${worstAll.toExponential(2)} (${worstAll <= 1e-10 ? "within" : "OUTSIDE"} 1e-10)`,
    `O(1) fits vs naive, median fits/s: ${speedup.toFixed(0)}x`,
    `target >= 1,000,000 fits/s on one core (series order, median): ${fitsPerSecond >= 1e6 ? "met" : "MISSED"} (${rate(fitsPerSecond)})`,
    `checksums identical across runs: ${checksums.size === 1 ? "yes" : `no (${checksums.size} distinct)`}`,
    "",
  ].join("\n"),
);
