/**
 * Worst relative error of `eventStudy` against R, per quantity, on the golden cases written by
 * scripts/golden/abnormal.R (R's lm + predict(se.fit = TRUE), pt, quantile type 7) and
 * scripts/golden/pt.R (R's pt).
 *
 *   npx tsx scripts/accuracy-report.ts
 *
 * The test suite asserts tolerances (test/study/eventStudy.test.ts, test/golden/*); this script
 * prints the errors actually reached, for reports. Relative error |ours − R| / |R|; a quantity
 * whose R value is exactly 0 is compared absolutely (shown as "abs").
 * @module
 */
import { readFileSync } from "node:fs";
import { eventStudy, type MarketEvent } from "../src/index.js";
import { studentTCdf, studentTSf } from "../src/stats.js";
import { readFactorsFileSync, readSeriesFileSync } from "../src/node/index.js";

interface GoldenWindow {
  window: [number, number];
  car: number;
  variance: number;
  p: number;
  bhar: number;
  sq: { p_corrected: number; lower: number; upper: number };
}
interface GoldenCase {
  coefficients: number[];
  sigma2: number;
  ar: number[];
  var_ar: number[];
  p_ar: number[];
  windows: GoldenWindow[];
}

const golden = JSON.parse(readFileSync("test/golden/data/abnormal.json", "utf8")) as {
  estimation: [number, number];
  event: [number, number];
  market: GoldenCase;
  market_log: GoldenCase;
  factor3: GoldenCase;
};
const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const tech = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series.find((s) => s.id === "TECH")!;
const factors = readFactorsFileSync("fixtures/daily/synthetic-ff-factors.csv");
const liberation: MarketEvent = { id: "lib", timestamp: "2025-04-02T16:15", timezone: "America/New_York", precision: "minute" };
const windows = golden.market.windows.map((w) => w.window);

const worst = new Map<string, number>();
function note(quantity: string, ours: number, r: number): void {
  const err = r === 0 ? Math.abs(ours) : Math.abs(ours - r) / Math.abs(r);
  worst.set(quantity, Math.max(worst.get(quantity) ?? 0, err));
}

const cases: [string, GoldenCase, ReturnType<typeof eventStudy>, string][] = [
  ["market model", golden.market, eventStudy({ assets: [us], market: world, events: [liberation], estimation: golden.estimation, windows }), us.id],
  [
    "market model, log returns",
    golden.market_log,
    eventStudy({ assets: [us], market: world, events: [liberation], estimation: golden.estimation, windows, returnType: "log" }),
    us.id,
  ],
  [
    "Fama-French 3",
    golden.factor3,
    eventStudy({ assets: [tech], factors, events: [liberation], model: "ff3", estimation: golden.estimation, windows }),
    "TECH",
  ],
];
for (const [, g, study, asset] of cases) {
  const model = study.models.find((m) => m.asset === asset)!;
  const names = Object.keys(model).filter(
    (k) =>
      ![
        "event_id",
        "asset",
        "model",
        "n",
        "df",
        "sigma",
        "r2",
        "estimation_start",
        "estimation_end",
        "excluded_sessions",
        "day0",
        "label",
        "speaker",
        "role",
        "venue",
        "source",
        "group",
      ].includes(k),
  );
  names.forEach((name, j) => note("coefficients", model[name] as number, g.coefficients[j]!));
  note("sigma", model.sigma, Math.sqrt(g.sigma2));
  for (const row of study.abnormal.filter((r) => r.asset === asset)) {
    const i = row.rel_day - golden.event[0];
    note("AR", row.ar, g.ar[i]!);
    note("Var(AR)", row.se ** 2, g.var_ar[i]!);
    note("p-value of AR", row.p_value, g.p_ar[i]!);
  }
  for (const gw of g.windows) {
    const row = study.car.find((r) => r.asset === asset && r.window_start === gw.window[0] && r.window_end === gw.window[1])!;
    note("CAR", row.car, gw.car);
    note("Var(CAR), full covariance", row.se ** 2, gw.variance);
    note("p-value of CAR", row.p_value, gw.p);
    note("BHAR", row.bhar, gw.bhar);
    note("SQ p-value", row.sq_p_value, gw.sq.p_corrected);
    note("SQ quantiles", row.sq_lower, gw.sq.lower);
    note("SQ quantiles", row.sq_upper, gw.sq.upper);
  }
}

// the Student t distribution function against R's pt (df 1–1000, |t| up to 40; both tails)
const pt = JSON.parse(readFileSync("test/golden/data/pt.json", "utf8")) as { cdf: { t: number[]; df: number[]; lower: number[]; upper: number[] } };
const n = pt.cdf.t.length;
for (let i = 0; i < n; i++) {
  note(`Student t cdf vs R pt, lower tail (${n} cases)`, studentTCdf(pt.cdf.t[i]!, pt.cdf.df[i]!), pt.cdf.lower[i]!);
  note(`Student t cdf vs R pt, upper tail (${n} cases)`, studentTSf(pt.cdf.t[i]!, pt.cdf.df[i]!), pt.cdf.upper[i]!);
}

process.stdout.write(`eventStudy against R (${cases.map((c) => c[0]).join("; ")}; windows ${windows.map((w) => `[${w.join(",")}]`).join(" ")})\n\n`);
const width = Math.max(...[...worst.keys()].map((k) => k.length));
for (const [k, v] of worst) process.stdout.write(`${k.padEnd(width)}  ${v === 0 ? "0 (identical)" : v.toExponential(2)}\n`);
