// Size and power of the single-series tests of src/measures: the abnormal-volatility F tests
// (per session and window), the GARCH-standardized χ² test, the Parkinson log-range t test,
// and the abnormal-volume t and rank tests. Rejection rates at 5 % under H0 and under a shock.
// Run:  npx tsx scripts/sim/measures-size-power.ts [replications] [seed] > /tmp/sim-measures.md
import { abnormalReturns } from "../../src/abnormal/index.js";
import { abnormalVolatility, abnormalVolume, garchAbnormalReturns, rangeVariance, rangeVolatilityTest } from "../../src/measures/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";
import { createRandom, type Random } from "../../src/stats/index.js";

const reps = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20250420);
const M = 240;
const GAP = 10; // sessions between the estimation window and day 0 (as [-250, -11])
const L = 5; // event window [0, 4]
const T = M + GAP + L;

type Noise = "iid" | "garch";
/** Market-model returns with iid normal or GARCH(1,1) errors (unconditional SD 1 %); `shock` multiplies the SD from day 0 on. */
function returns(rng: Random, noise: Noise, shock: number): { asset: Float64Array; market: Float64Array } {
  const market = new Float64Array(T);
  const asset = new Float64Array(T);
  let h = 1e-4;
  let e = 0;
  for (let t = 0; t < T; t++) {
    market[t] = 0.0004 + 0.01 * rng.normal();
    if (noise === "garch") h = 2e-6 + 0.08 * e * e + 0.9 * h;
    const s = t >= M + GAP ? shock : 1;
    e = Math.sqrt(noise === "garch" ? h : 1e-4) * rng.normal();
    asset[t] = 0.0001 + market[t]! + s * e;
  }
  return { asset, market };
}

/** High and low of a driftless Brownian log price over 78 steps with daily SD σ (×shock from day 0). */
function ranges(rng: Random, shock: number): { high: Float64Array; low: Float64Array } {
  const high = new Float64Array(T);
  const low = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const sd = (0.01 * (t >= M + GAP ? shock : 1)) / Math.sqrt(78);
    let x = 0;
    let hi = 0;
    let lo = 0;
    for (let k = 0; k < 78; k++) {
      x += sd * rng.normal();
      hi = Math.max(hi, x);
      lo = Math.min(lo, x);
    }
    high[t] = 100 * Math.exp(hi);
    low[t] = 100 * Math.exp(lo);
  }
  return { high, low };
}

/** Volume with AR(1) log volume (coefficient ρ, innovation SD 0.3) and a log-volume shock from day 0. */
function volume(rng: Random, rho: number, shock: number): Float64Array {
  const v = new Float64Array(T);
  let x = 0;
  for (let t = 0; t < T; t++) {
    x = rho * x + 0.3 * rng.normal();
    v[t] = Math.round(1e6 * Math.exp(x + (t >= M + GAP ? shock : 0)));
  }
  return v;
}

const est = Array.from({ length: M }, (_, j) => j);
const event = Array.from({ length: L }, (_, j) => M + GAP + j);
const reject = (p: number): number => (p <= 0.05 ? 1 : 0);

function volatilityRates(noise: Noise, shock: number, s: number) {
  const rng = createRandom(s);
  const n = { f1: 0, fL: 0, garch1: 0, garchL: 0 };
  for (let r = 0; r < reps; r++) {
    const d = returns(rng, noise, shock);
    const fit = fitModel({ type: "market" }, d, est);
    const ars = abnormalReturns(
      fit,
      predictModel(fit, d, event),
      event.map((i) => d.asset[i]!),
    );
    const v = abnormalVolatility(ars);
    n.f1 += reject(v.pValue[0]!);
    n.fL += reject(v.windowPValue);
    const g = garchAbnormalReturns(d, est, event);
    n.garch1 += reject(g.volatilityPValue[0]!);
    n.garchL += reject(g.volatilityWindowPValue);
  }
  return n;
}

function rangeRates(shock: number, s: number) {
  const rng = createRandom(s);
  let n = 0;
  for (let r = 0; r < reps; r++) {
    const v = rangeVariance(ranges(rng, shock), "parkinson");
    n += reject(rangeVolatilityTest(v, est, [event[0]!]).pValue[0]!);
  }
  return n;
}

function volumeRates(rho: number, shock: number, s: number) {
  const rng = createRandom(s);
  const n = { t0: 0, car: 0, rank: 0 };
  for (let r = 0; r < reps; r++) {
    const res = abnormalVolume({
      volume: volume(rng, rho, shock),
      estimation: est,
      event,
      windows: [
        [0, 0],
        [0, L - 1],
      ],
    });
    n.t0 += reject(res.abnormal.pValue[0]!);
    n.car += reject(res.windows[1]!.car.pValue);
    n.rank += reject(res.windows[1]!.rankPValue);
  }
  return n;
}

const started = Date.now();
const f = (x: number): string => (x / reps).toFixed(3);
const half = 1.96 * Math.sqrt((0.05 * 0.95) / reps);
const lines: string[] = [];
const vi = [volatilityRates("iid", 1, seed), volatilityRates("iid", 2, seed + 1), volatilityRates("garch", 1, seed + 2), volatilityRates("garch", 2, seed + 3)];
lines.push("| test | iid size | iid power (σ ×2 from day 0) | GARCH size | GARCH power (σ ×2) |", "|---|---:|---:|---:|---:|");
const row = (name: string, k: keyof (typeof vi)[0]) => lines.push(`| ${name} | ${vi.map((x) => f(x[k])).join(" | ")} |`);
row("AR²/s², F(1, M−2), day 0", "f1");
row("window W, F(5, M−2), [0, 4]", "fL");
row("GARCH SAR², χ²(1), day 0", "garch1");
row("GARCH Σ SAR², χ²(5), [0, 4]", "garchL");
const rg = [rangeRates(1, seed + 4), rangeRates(2, seed + 5)];
lines.push("", "| test | size | power (σ ×2 on day 0) |", "|---|---:|---:|", `| Parkinson log-range t, day 0 | ${f(rg[0]!)} | ${f(rg[1]!)} |`);
const vo = [volumeRates(0, 0, seed + 6), volumeRates(0, 0.5, seed + 7), volumeRates(0.5, 0, seed + 8), volumeRates(0.5, 0.5, seed + 9)];
lines.push("", "| test | iid size | iid power (+0.5 log volume) | AR(1) ρ = 0.5 size | AR(1) power |", "|---|---:|---:|---:|---:|");
const vrow = (name: string, k: keyof (typeof vo)[0]) => lines.push(`| ${name} | ${vo.map((x) => f(x[k])).join(" | ")} |`);
vrow("abnormal log volume t, day 0", "t0");
vrow("cumulated [0, 4], full covariance t", "car");
vrow("Wilcoxon rank-sum, [0, 4]", "rank");
const seconds = (Date.now() - started) / 1000;
process.stdout.write(
  `Replications: ${reps} per setting, M = ${M}, seeds ${seed}..${seed + 9}, 95% band for a 5% size: [${(0.05 - half).toFixed(4)}, ${(0.05 + half).toFixed(4)}]; run time ${seconds.toFixed(1)} s (node ${process.version})\n\n${lines.join("\n")}\n`,
);
