import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventStudy, isMarketReactionError, type MarketEvent, type Series } from "../../src/index.js";
import { readEventsFileSync, readFactorsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { expectClose } from "../golden/expect-close.js";
import { loadGolden } from "../golden/load.js";

const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
const factors = readFactorsFileSync("fixtures/daily/synthetic-ff-factors.csv");
const tokyo = readSeriesFileSync("fixtures/daily/synthetic-tokyo.csv").series[0]!;
const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));
const liberation: MarketEvent = {
  id: "lib",
  timestamp: "2025-04-02T16:15",
  timezone: "America/New_York",
  precision: "minute",
  label: "Liberation Day",
  speaker: "Donald Trump",
};

interface GoldenWindow {
  window: [number, number];
  car: number;
  variance: number;
  se: number;
  t: number;
  p: number;
  bhar: number;
  sq: { p_corrected: number; lower: number; upper: number };
}
interface GoldenCase {
  coefficients: number[];
  sigma2: number;
  df: number;
  n_obs: number;
  ar: number[];
  var_ar: number[];
  p_ar: number[];
  windows: GoldenWindow[];
}
const golden = loadGolden<{ estimation: [number, number]; event: [number, number]; market: GoldenCase; market_log: GoldenCase; factor3: GoldenCase }>(
  "abnormal.json",
);

// R: scripts/golden/abnormal.R (lm + predict(se.fit = TRUE) on the same fixtures). Tolerance:
// 1e-10 relative for estimates, variances and CARs; 1e-9 for p-values (plus tiny absolute floors).
function compareWithR(study: ReturnType<typeof eventStudy>, g: GoldenCase, asset: string, eventId: string): void {
  const model = study.models.find((m) => m.asset === asset && m.event_id === eventId)!;
  expect(model.n).toBe(g.n_obs);
  expect(model.df).toBe(g.df);
  expectClose(model.sigma, Math.sqrt(g.sigma2), { rtol: 1e-10 }, "sigma");
  expectClose(model.alpha as number, g.coefficients[0]!, { rtol: 1e-10, atol: 1e-15 }, "alpha");
  for (const row of study.abnormal.filter((r) => r.asset === asset && r.event_id === eventId)) {
    const i = row.rel_day - golden.event[0];
    expectClose(row.ar, g.ar[i]!, { rtol: 1e-10, atol: 1e-15 }, `ar[${row.rel_day}]`);
    expectClose(row.se ** 2, g.var_ar[i]!, { rtol: 1e-10 }, `var_ar[${row.rel_day}]`);
    expectClose(row.p_value, g.p_ar[i]!, { rtol: 1e-9, atol: 1e-15 }, `p_ar[${row.rel_day}]`);
  }
  for (const gw of g.windows) {
    const row = study.car.find((r) => r.asset === asset && r.event_id === eventId && r.window_start === gw.window[0] && r.window_end === gw.window[1])!;
    expectClose(row.car, gw.car, { rtol: 1e-10, atol: 1e-15 }, `car${gw.window}`);
    expectClose(row.se ** 2, gw.variance, { rtol: 1e-10 }, `var_car${gw.window}`);
    expectClose(row.t, gw.t, { rtol: 1e-10 }, `t${gw.window}`);
    expectClose(row.p_value, gw.p, { rtol: 1e-9, atol: 1e-15 }, `p${gw.window}`);
    expectClose(row.bhar, gw.bhar, { rtol: 1e-9, atol: 1e-14 }, `bhar${gw.window}`);
    expect(row.sq_p_value).toBe(gw.sq.p_corrected);
    expectClose(row.sq_lower, gw.sq.lower, { rtol: 1e-12 }, "sq_lower");
    expectClose(row.sq_upper, gw.sq.upper, { rtol: 1e-12 }, "sq_upper");
  }
}

describe("eventStudy against R (golden, end to end from the fixture files)", () => {
  const windows = golden.market.windows.map((w) => w.window);
  it("eventStudy({model: market}) reproduces lm/predict for every AR, variance, CAR, BHAR and SQ test", () => {
    const study = eventStudy({ assets: [us], market: world, events: [liberation], estimation: golden.estimation, windows });
    expect(study.events[0]!.day0).toBe("2025-04-03");
    compareWithR(study, golden.market, us.id, "lib");
  });
  it("eventStudy({returnType: log}) reproduces the log-return case", () => {
    const study = eventStudy({ assets: [us], market: world, events: [liberation], estimation: golden.estimation, windows, returnType: "log" });
    compareWithR(study, golden.market_log, us.id, "lib");
  });
  it("eventStudy({model: ff3}) reproduces TECH on the Fama-French factors", () => {
    const tech = sectors.find((s) => s.id === "TECH")!;
    const study = eventStudy({ assets: [tech], factors, events: [liberation], model: "ff3", estimation: golden.estimation, windows });
    compareWithR(study, golden.factor3, "TECH", "lib");
  });
});

describe("eventStudy tables", () => {
  const study = eventStudy({
    assets: sectors,
    market: world,
    events: pick("E10", "E17", "E27", "E34"),
    windows: [
      [0, 0],
      [-1, 1],
      [0, 5],
    ],
  });

  it("has one model per (statement, asset), and abnormal and car rows for each", () => {
    expect(study.models).toHaveLength(4 * sectors.length);
    expect(study.car).toHaveLength(4 * sectors.length * 3);
    expect(study.abnormal).toHaveLength(4 * sectors.length * 7); // span [-1, 5]
    for (const m of study.models) {
      for (const key of ["event_id", "asset", "model", "n", "df", "sigma", "r2", "alpha", "beta"]) expect(m).toHaveProperty(key);
    }
    for (const a of study.abnormal)
      for (const key of ["event_id", "asset", "rel_day", "date", "return", "expected", "ar", "se", "t", "p_value"]) expect(a).toHaveProperty(key);
    for (const c of study.car)
      for (const key of ["event_id", "asset", "window_start", "window_end", "car", "se", "t", "p_value", "bhar"]) expect(c).toHaveProperty(key);
  });

  it("carries the statement's metadata to every row", () => {
    const meta = events.find((e) => e.id === "E17")!;
    for (const table of [study.models, study.abnormal, study.car]) {
      const rows = (table as readonly { event_id: string; speaker: string | null; source: string | null }[]).filter((r) => r.event_id === "E17");
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.speaker).toBe(meta.speaker);
        expect(r.source).toBe(meta.source);
      }
    }
  });

  it("CAR equals the sum of the window's ARs and day 0 sits at rel_day 0", () => {
    for (const c of study.car) {
      const ars = study.abnormal.filter((a) => a.event_id === c.event_id && a.asset === c.asset && a.rel_day >= c.window_start && a.rel_day <= c.window_end);
      expect(ars).toHaveLength(c.window_end - c.window_start + 1);
      const sum = ars.reduce((s, a) => s + a.ar, 0);
      expectClose(c.car, sum, { rtol: 1e-12, atol: 1e-17 }, "car");
      expect(ars.find((a) => a.rel_day === 0)!.date).toBe(c.day0);
    }
  });

  it("recovers the injected abnormal returns within 3 standard errors", () => {
    const injected = readInjected();
    let checked = 0;
    for (const [asset, byDate] of Object.entries(injected)) {
      for (const [date, ar] of Object.entries(byDate)) {
        const row = study.abnormal.find((a) => a.asset === asset && a.date === date);
        if (row === undefined) continue;
        expect(Math.abs(row.ar - ar), `${asset} ${date}`).toBeLessThan(3 * row.se);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("toJSONText is byte-stable and turns NaN into null", () => {
    const again = eventStudy({
      assets: sectors,
      market: world,
      events: pick("E10", "E17", "E27", "E34"),
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ],
    });
    expect(again.toJSONText()).toBe(study.toJSONText());
    const parsed = JSON.parse(study.toJSONText());
    expect(Object.keys(parsed)).toEqual(["events", "models", "abnormal", "car", "warnings", "skipped", "options", "provenance"]);
    expect(JSON.stringify(parsed)).not.toContain("NaN");
  });

  it("structuredClone gives plain data without the typed-array pairs", () => {
    const copy = structuredClone(study) as unknown as Record<string, unknown>;
    expect(Object.keys(copy).sort()).toEqual([
      "abnormal",
      "aggregate",
      "car",
      "events",
      "models",
      "options",
      "placebo",
      "regression",
      "regression_car",
      "regression_info",
      "skipped",
      "wald",
      "warnings",
    ]);
    expect(copy).not.toHaveProperty("pairs");
    expect(study.pairs).toHaveLength(4 * sectors.length);
  });

  it("models, abnormal and car rows are made on first access and then behave as plain fields", () => {
    const options = {
      assets: sectors,
      market: world,
      events: pick("E10", "E17", "E27", "E34"),
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ] as [number, number][],
    };
    // untouched: JSON, structuredClone, spreading and key order see the tables
    const fresh = eventStudy(options);
    expect(Object.keys(fresh)).toEqual([
      "events",
      "models",
      "abnormal",
      "car",
      "warnings",
      "skipped",
      "options",
      "regression",
      "regression_car",
      "wald",
      "regression_info",
      "placebo",
      "aggregate",
    ]);
    expect(JSON.stringify(structuredClone(fresh))).toBe(JSON.stringify(structuredClone(study)));
    expect(JSON.stringify({ ...eventStudy(options) }.car)).toBe(JSON.stringify(study.car));
    // read once: the same array afterwards, read-only, with one row per pair, AR and CAR
    const other = eventStudy(options);
    const car = other.car;
    expect(other.car).toBe(car);
    expect(other.toRows("car")).toBe(car);
    expect(car).toHaveLength(study.pairs.length * 3);
    expect(other.abnormal).toHaveLength(study.pairs.reduce((n, p) => n + p.ars.length, 0));
    expect(other.models).toHaveLength(study.pairs.length);
    expect(Object.getOwnPropertyDescriptor(other, "car")).toMatchObject({ value: car, writable: false, enumerable: true });
    expect(other.toJSONText()).toBe(study.toJSONText());
  });

  it("pairs rebuilt on first access equal the pairs kept for the cross-event tests, number for number", () => {
    const options = {
      assets: sectors,
      market: world,
      events: pick("E10", "E17", "E27", "E34"),
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ] as [number, number][],
    };
    const lazy = eventStudy(options);
    const kept = eventStudy({ ...options, tests: ["cross_sectional_t"] });
    expect(Object.getOwnPropertyDescriptor(lazy, "pairs")?.get).toBeTypeOf("function");
    expect(Object.getOwnPropertyDescriptor(kept, "pairs")?.value).toHaveLength(lazy.car.length / 3);
    const pairs = lazy.pairs;
    expect(lazy.pairs).toBe(pairs);
    expect(Object.keys(lazy)).not.toContain("pairs");
    expect(pairs).toHaveLength(kept.pairs.length);
    const plain = (p: (typeof pairs)[number]) => ({
      id: [p.eventId, p.asset, p.day0Index],
      fit: [Array.from(p.fit.coefficients), p.fit.sigma2, p.fit.df, p.fit.nObs, Array.from(p.fit.used), Array.from(p.fit.residuals)],
      ars: [Array.from(p.ars.ar), Array.from(p.ars.variance), Array.from(p.ars.design), Array.from(p.ars.sar), Array.from(p.ars.pValue)],
      cars: p.cars.map((c) => [c.car, c.se, c.t, c.pValue, c.bhar, c.from, c.to]),
      days: [p.days.length, Array.from(p.eventDays)],
    });
    pairs.forEach((p, k) => expect(plain(p)).toEqual(plain(kept.pairs[k]!)));
    // and the tables agree with the pairs
    const first = pairs[0]!;
    expect(lazy.car.filter((r) => r.asset === first.asset && r.event_id === first.eventId).map((r) => r.car)).toEqual(first.cars.map((c) => c.car));
    expect(kept.car).toEqual(lazy.car);
    expect(kept.abnormal).toEqual(lazy.abnormal);
    expect(kept.models).toEqual(lazy.models);
  });
});

function readInjected(): Record<string, Record<string, number>> {
  // fixtures/daily/injected.json: { series: [{ id, file, column, injected: [{ date, ar }] }] }.
  // Sector series are named by their column in the wide file; single-series files by file stem.
  const raw = JSON.parse(readFileSync("fixtures/daily/injected.json", "utf8")) as {
    series: { id: string; file: string; column: string; injected?: { date: string; ar: number }[] }[];
  };
  const out: Record<string, Record<string, number>> = {};
  for (const s of raw.series) {
    const id = s.file.endsWith("synthetic-sectors.csv") ? s.column : s.file.replace(/^.*\//, "").replace(/\.csv$/, "");
    out[id] = {};
    for (const x of s.injected ?? []) out[id]![x.date] = x.ar;
  }
  return out;
}

describe("eventStudy statements, assets and exchanges", () => {
  it("a statement with an asset applies to that asset only", () => {
    const ev: MarketEvent[] = [{ ...pick("E34")[0]!, asset: "TECH" }, ...pick("E27")];
    const study = eventStudy({ assets: sectors, market: world, events: ev, windows: [[0, 0]] });
    expect(study.car.filter((c) => c.event_id === "E34").map((c) => c.asset)).toEqual(["TECH"]);
    expect(study.car.filter((c) => c.event_id === "E27")).toHaveLength(sectors.length);
  });

  it("market given as an asset id is used as the benchmark and not studied", () => {
    const study = eventStudy({ assets: [us, world], market: world.id, events: pick("E34"), windows: [[0, 0]] });
    expect(study.models.map((m) => m.asset)).toEqual([us.id]);
  });

  it("each asset is aligned on its own exchange: the 10:11 ET headline is day 0 Tuesday in Tokyo", () => {
    const study = eventStudy({ assets: [us, tokyo], market: world, events: pick("E22"), windows: [[0, 0]], exchange: { [tokyo.id]: "XTKS" } });
    const day0 = Object.fromEntries(study.car.map((c) => [c.asset, c.day0]));
    expect(day0).toEqual({ [us.id]: "2025-04-07", [tokyo.id]: "2025-04-08" });
  });

  it("contamination: exclude removes other statements' windows from the estimation sample; keep does not", () => {
    // Canada/Mexico tariffs took effect 2025-03-04 00:01 ET: inside Liberation Day's estimation window
    const ev: MarketEvent[] = [{ id: "march", timestamp: "2025-03-04T00:01", timezone: "America/New_York", precision: "minute" }, liberation];
    const ex = eventStudy({ assets: [us], market: world, events: ev, windows: [[-1, 1]] });
    const keep = eventStudy({ assets: [us], market: world, events: ev, windows: [[-1, 1]], contamination: "keep" });
    const later = ev[1]!.id;
    const mEx = ex.models.find((m) => m.event_id === later)!;
    const mKeep = keep.models.find((m) => m.event_id === later)!;
    expect(mEx.excluded_sessions).toBe(3);
    expect(mEx.n).toBe(mKeep.n - 3);
    expect(keep.models.find((m) => m.event_id === later)!.excluded_sessions).toBe(0);
    expect(ex.warnings.some((w) => w.code === "ESTIMATION_CONTAMINATED")).toBe(true);
  });
});

describe("eventStudy bad input", () => {
  const short: Series = { id: "short", kind: "price", days: us.days.subarray(0, 60), values: us.values.subarray(0, 60) };
  const early: MarketEvent = { id: "early", timestamp: "2023-02-15", timezone: "America/New_York", precision: "date" };

  it("skips a statement with too short an estimation window, with a reason; strict throws", () => {
    const study = eventStudy({ assets: [us, short], market: world, events: [early, liberation], windows: [[0, 0]] });
    const s = study.skipped.filter((x) => x.event_id === "early");
    expect(s.map((x) => x.code)).toEqual(["INSUFFICIENT_ESTIMATION_DATA", "INSUFFICIENT_ESTIMATION_DATA"]);
    // the window is counted on the exchange's sessions: those before the data count as missing
    expect(s[0]!.reason).toMatch(/needs at least 120 complete estimation observations .*; 19 of 240 candidate sessions/);
    expect(study.skipped.find((x) => x.event_id === "lib" && x.asset === "short")!.code).toBe("DATE_OUT_OF_RANGE");
    expect(() => eventStudy({ assets: [us], market: world, events: [early, liberation], windows: [[0, 0]], strict: true })).toThrow(
      /19 of 240 candidate sessions/,
    );
  });

  it("skips a statement when the market is constant (singular design)", () => {
    const flat: Series = { id: "flat", kind: "price", days: world.days, values: new Float64Array(world.values.length).fill(100) };
    const run = () => eventStudy({ assets: [us], market: flat, events: [liberation], windows: [[0, 0]] });
    expect(() => run()).toThrow(expect.objectContaining({ code: "NO_VALID_EVENTS" }));
    try {
      run();
    } catch (e) {
      expect(isMarketReactionError(e) && e.issues[0]!.message).toMatch(/SINGULAR_DESIGN/);
    }
  });

  it("skips a statement whose event windows have no returns at all", () => {
    const values = Float64Array.from(us.values);
    const i = Array.from(us.days).findIndex((d) => d >= 20181); // 2025-04-03
    for (let k = i - 1; k <= i + 1; k++) values[k] = Number.NaN;
    const holed: Series = { ...us, id: "holed", values };
    const study = eventStudy({ assets: [holed, us], market: world, events: [liberation], windows: [[0, 0]] });
    expect(study.skipped).toEqual([expect.objectContaining({ event_id: "lib", asset: "holed", code: "MISSING_RETURNS" })]);
  });

  it("throws INVALID_OPTION at once for options out of their domain", () => {
    const base = { assets: [us], market: world, events: [liberation] };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ model: "capm" }, /invalid model: "capm"; expected one of constant-mean/],
      [{ windows: [[2, 1]] }, /windows/],
      [{ estimation: [-10, 5] }, /estimation/],
      [{ returnType: "pct" }, /returnType/],
      [{ contamination: "drop" }, /contamination/],
      [{ minEstimationObs: 0 }, /minEstimationObs/],
      [{ bogus: 1 }, /invalid bogus/],
      [{ market: "nope" }, /invalid market: "nope"/],
      [{ model: "ff3" }, /invalid factors/],
    ];
    for (const [extra, message] of cases) {
      expect(() => eventStudy({ ...base, ...extra } as never)).toThrow(message);
      try {
        eventStudy({ ...base, ...extra } as never);
      } catch (e) {
        expect(isMarketReactionError(e) && e.code).toBe("INVALID_OPTION");
      }
    }
  });
});
