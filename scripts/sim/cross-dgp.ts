// Brown–Warner-style simulation of the cross-event tests (size and power).
// Each replication draws N events, fits the market model on offsets [-250, -11] with
// fitModel, computes the ARs of the span [-5, 5] and runs crossEventTests on windows [0, 0]
// and [-1, 1]; once without and once with an abnormal return added on day 0.
//
// Settings:
//   a  iid normal disturbances, events on separate calendar dates
//   b  Student t(4) disturbances scaled to the same variance
//   c  event-induced variance: the disturbance SD is doubled on day 0
//   d  clustered: every event on the same calendar dates, disturbances with a common
//      component (pairwise correlation 0.3)
// Used by scripts/sim/cross-size-power.ts and test/sim/cross.sim.test.ts.
import { abnormalReturns } from "../../src/abnormal/index.js";
import { crossEventTests, TEST_NAMES, type CrossEvent, type TestName } from "../../src/inference/cross/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";
import { createRandom, type Random } from "../../src/stats/index.js";

export type Setting = "a" | "b" | "c" | "d";

export const SETTING_LABELS: Record<Setting, string> = {
  a: "(a) iid normal",
  b: "(b) t(4)",
  c: "(c) event-day σ doubled",
  d: "(d) clustered, ρ = 0.3",
};

export interface SimOptions {
  readonly setting: Setting;
  readonly replications: number;
  readonly events?: number;
  readonly seed: number;
  /** Abnormal return added on day 0 for the power run (default 0.01). */
  readonly shift?: number;
  readonly tests?: readonly TestName[];
  /** Also run the power replications (default true). */
  readonly powerRun?: boolean;
}

/** Rejections at 5% per test and window, under H0 and with the shift. */
export interface SimCounts {
  readonly replications: number;
  readonly size: Record<string, Record<TestName, number>>;
  readonly power: Record<string, Record<TestName, number>>;
}

const EST_FROM = -250;
const EST_TO = -11;
const SPAN_FROM = -5;
const SPAN_TO = 5;
const LEN = SPAN_TO - EST_FROM + 1; // 256 sessions per event
const SIGMA_M = 0.01;
const SIGMA_E = 0.02;

function t4(rng: Random): number {
  const z = rng.normal();
  let c = 0;
  for (let k = 0; k < 4; k++) {
    const u = rng.normal();
    c += u * u;
  }
  return z / Math.sqrt(c / 4); // variance 2
}

function disturbance(rng: Random, setting: Setting): number {
  return setting === "b" ? (SIGMA_E * t4(rng)) / Math.SQRT2 : SIGMA_E * rng.normal();
}

const estIdx = Int32Array.from({ length: EST_TO - EST_FROM + 1 }, (_, i) => i);
const spanIdx = Int32Array.from({ length: SPAN_TO - SPAN_FROM + 1 }, (_, i) => SPAN_FROM - EST_FROM + i);
const estOffsets = Int32Array.from(estIdx, (i) => i + EST_FROM);

/** One replication: N events' returns (without the shift). */
function drawReplication(rng: Random, setting: Setting, N: number): { asset: Float64Array[]; market: Float64Array[]; days: Int32Array[] } {
  const asset: Float64Array[] = [];
  const market: Float64Array[] = [];
  const days: Int32Array[] = [];
  const clustered = setting === "d";
  const common = new Float64Array(LEN);
  const sharedMarket = new Float64Array(LEN);
  if (clustered) {
    for (let t = 0; t < LEN; t++) {
      common[t] = rng.normal();
      sharedMarket[t] = 0.0004 + SIGMA_M * rng.normal();
    }
  }
  const rho = 0.3;
  for (let i = 0; i < N; i++) {
    const beta = 0.5 + rng.next();
    const alpha = 0.0002 * (rng.next() - 0.5);
    const m = clustered ? sharedMarket : new Float64Array(LEN);
    if (!clustered) for (let t = 0; t < LEN; t++) m[t] = 0.0004 + SIGMA_M * rng.normal();
    const y = new Float64Array(LEN);
    const d = new Int32Array(LEN);
    for (let t = 0; t < LEN; t++) {
      let e: number;
      if (clustered) e = SIGMA_E * (Math.sqrt(rho) * common[t]! + Math.sqrt(1 - rho) * rng.normal());
      else e = disturbance(rng, setting);
      if (setting === "c" && t === -EST_FROM) e *= 2;
      y[t] = alpha + beta * m[t]! + e;
      d[t] = (clustered ? 0 : i * 1000) + t;
    }
    asset.push(y);
    market.push(m);
    days.push(d);
  }
  return { asset, market, days };
}

function buildEvents(asset: Float64Array[], market: Float64Array[], days: Int32Array[], shift: number): CrossEvent[] {
  const day0 = -EST_FROM;
  return asset.map((y0, i) => {
    const y = shift === 0 ? y0 : Float64Array.from(y0);
    if (shift !== 0) y[day0] = y[day0]! + shift;
    const data = { asset: y, market: market[i]! };
    const fit = fitModel({ type: "market" }, data, estIdx);
    const pred = predictModel(fit, data, spanIdx);
    const ars = abnormalReturns(
      fit,
      pred,
      Float64Array.from(spanIdx, (k) => y[k]!),
      { start: SPAN_FROM },
    );
    return {
      id: `e${i}`,
      asset: `a${i}`,
      fit,
      ars,
      estimationDays: Int32Array.from(estIdx, (k) => days[i]![k]!),
      eventDays: Int32Array.from(spanIdx, (k) => days[i]![k]!),
      estimationOffsets: estOffsets,
    };
  });
}

export const SIM_WINDOWS = [
  [0, 0],
  [-1, 1],
] as const;

/** Runs the simulation and counts rejections at the 5% level. */
export function simulate(options: SimOptions): SimCounts {
  const N = options.events ?? 50;
  const shift = options.shift ?? 0.01;
  const tests = options.tests ?? TEST_NAMES;
  const rng = createRandom(options.seed);
  const zero = (): Record<TestName, number> => Object.fromEntries(tests.map((t) => [t, 0])) as Record<TestName, number>;
  const size: Record<string, Record<TestName, number>> = {};
  const power: Record<string, Record<TestName, number>> = {};
  for (const w of SIM_WINDOWS) {
    size[`[${w[0]},${w[1]}]`] = zero();
    power[`[${w[0]},${w[1]}]`] = zero();
  }
  for (let r = 0; r < options.replications; r++) {
    const { asset, market, days } = drawReplication(rng, options.setting, N);
    const runs =
      options.powerRun === false
        ? ([[size, 0]] as const)
        : ([
            [size, 0],
            [power, shift],
          ] as const);
    for (const [target, s] of runs) {
      const res = crossEventTests(buildEvents(asset, market, days, s), { windows: SIM_WINDOWS, tests });
      for (const row of res.windows) {
        const key = `[${row.window_start},${row.window_end}]`;
        for (const t of tests) {
          const p = row.tests[t]?.p_value;
          if (p !== undefined && p <= 0.05) target[key]![t]++;
        }
      }
    }
  }
  return { replications: options.replications, size, power };
}

/** The 95% binomial band of a 5% rejection rate over n replications: 0.05 ± 1.96√(0.05·0.95/n). */
export function binomialBand(n: number): [number, number] {
  const h = 1.959963984540054 * Math.sqrt((0.05 * 0.95) / n);
  return [0.05 - h, 0.05 + h];
}
