// study --levels / --level-unit / --measure on the seeded fixtures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayKeyFromIso, parseSeriesCsv, rangeVariance, rangeVolatilityTest } from "../../src/index.js";
import { readProjectFile } from "../helpers/shared-data.js";
import { cli } from "./helpers.js";

const EVENTS = ["--events", "fixtures/events/tariffs-2025.csv"];
const WORLD = ["--market", "fixtures/daily/synthetic-world.csv"];

describe("study --levels", () => {
  it("studies a yield in basis-point changes on the world return; every row says measure and unit", async () => {
    const r = await cli(
      "study",
      "--levels",
      "fixtures/daily/synthetic-levels.csv",
      "--level-unit",
      "percent",
      ...WORLD,
      ...EVENTS,
      "--window=0,0",
      "--format",
      "json",
    );
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { car: { asset: string; event_id: string; car: number; measure: string; unit: string }[] };
    const dgs10 = j.car.filter((c) => c.asset === "DGS10");
    expect(dgs10.length).toBeGreaterThan(0);
    expect(j.car.every((c) => c.measure === "changes" && c.unit === "bp")).toBe(true);
    // E34 (9 April 2025): +15 bp injected into the 10-year change (the 2-year leg and the fit's error remain)
    const e34 = dgs10.find((c) => c.event_id === "E34")!;
    expect(Math.abs(e34.car - 15)).toBeLessThan(11);
  });

  it("--level-unit without --levels, and --measure changes without --levels, are usage errors", async () => {
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--level-unit", "percent", ...EVENTS)).code).toBe(2);
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--measure", "changes", ...EVENTS)).code).toBe(2);
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--measure", "sentiment", ...EVENTS)).code).toBe(2);
  });
});

describe("study --measure volume|volatility", () => {
  it("volume: abnormal log volume from the price file's volume column, market model on the benchmark's volume (estimation [-150, -11] leaves out the zero-volume session)", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-garch.csv",
      "--market",
      "fixtures/daily/synthetic-us-index.csv",
      ...EVENTS,
      "--estimation=-150,-11",
      "--window=0,0",
      "--window=0,2",
      "--measure",
      "returns",
      "--measure",
      "volume",
      "--format",
      "json",
    );
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      measures: {
        volume: {
          event_id: string;
          measure: string;
          unit: string;
          model: string;
          window_start: number;
          window_end: number;
          abnormal: number;
          p_value: number;
        }[];
      };
      car: { measure: string }[];
    };
    expect(j.car.every((c) => c.measure === "returns")).toBe(true);
    const v = j.measures.volume;
    expect(v.every((x) => x.measure === "volume" && x.unit === "log volume" && x.model === "market")).toBe(true);
    // 9 April: +0.9 log volume injected
    const e34 = v.find((x) => x.event_id === "E34" && x.window_end === 0)!;
    expect(e34.abnormal).toBeGreaterThan(0.5);
    expect(e34.p_value).toBeLessThan(0.05);
  });

  it("mean-adjusted without a benchmark volume; --format csv --table volume; the zero-volume session in the default estimation window is reported", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-garch.csv",
      ...EVENTS,
      "--window=0,2",
      "--measure",
      "volume",
      "--format",
      "csv",
      "--table",
      "volume",
    );
    expect(r.code, r.stderr).toBe(0);
    const [header, ...lines] = r.stdout.trim().split("\n");
    const cols = header!.split(",");
    const row = lines.map((l) => l.split(",")).find((c) => c[cols.indexOf("event_id")] === "E10")!;
    expect(row[cols.indexOf("model")]).toBe("mean-adjusted");
    expect(Number(row[cols.indexOf("abnormal")])).not.toBeNaN();
    expect(cols).toEqual(
      expect.arrayContaining([
        "measure",
        "unit",
        "event_id",
        "asset",
        "window_start",
        "window_end",
        "abnormal",
        "se",
        "t",
        "p_value",
        "rank_z",
        "rank_p_value",
      ]),
    );
    expect(r.stderr).toContain("with zero volume");
  });

  it("volume on a price file without a volume column is an error naming the columns found", async () => {
    const r = await cli("study", "--prices", "fixtures/daily/synthetic-world.csv", ...EVENTS, "--measure", "volume");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no volume column; columns found: date, adj_close");
  });

  it("volatility: the window F test per (statement, asset) in the default table", async () => {
    const r = await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", ...WORLD, ...EVENTS, "--window=0,0", "--measure", "volatility");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Abnormal volatility");
    expect(r.stdout).not.toContain("bhar");
  });
});

describe("study --model garch|garch-market", () => {
  it("GARCH rows: standard errors from the variance forecasts, the models table with ω, α₁, β₁, log-likelihood and persistence", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-garch.csv",
      ...WORLD,
      ...EVENTS,
      "--model",
      "garch-market",
      "--window=0,0",
      "--window=-1,1",
      "--format",
      "json",
    );
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      car: { model?: string; event_id: string; window_start: number; se: number; t: number; car: number }[];
      models: Record<string, number | string>[];
    };
    expect(j.models.length).toBeGreaterThan(0);
    for (const m of j.models) {
      expect(m.model).toBe("garch-market");
      expect(Number(m.alpha1) + Number(m.beta1)).toBeCloseTo(Number(m.persistence), 14);
      expect(Number(m.persistence)).toBeLessThan(1);
      expect(Number(m.omega)).toBeGreaterThan(0);
      expect(Number.isFinite(Number(m.loglik))).toBe(true);
    }
    for (const c of j.car) expect(c.t).toBeCloseTo(c.car / c.se, 10);
    const none = await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", ...EVENTS, "--model", "garch-market");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--market/);
  });

  it("--model garch (constant mean) needs no benchmark; the models table in csv names the model", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-garch.csv",
      ...EVENTS,
      "--model",
      "garch",
      "--window=0,0",
      "--format",
      "csv",
      "--table",
      "models",
    );
    expect(r.code, r.stderr).toBe(0);
    const [header, ...lines] = r.stdout.trim().split("\n");
    const cols = header!.split(",");
    for (const c of ["alpha", "omega", "alpha1", "beta1", "loglik", "persistence"]) expect(cols).toContain(c);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.split(",")[cols.indexOf("model")] === "garch")).toBe(true);
  });
});

describe("study --measure volatility --range", () => {
  it("Parkinson and Garman–Klass rows per event session equal rangeVolatilityTest on the file's OHLC columns", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-garch.csv",
      ...EVENTS,
      "--window=0,1",
      "--measure",
      "volatility",
      "--range",
      "parkinson",
      "--range",
      "garman-klass",
      "--format",
      "json",
    );
    expect(r.code, r.stderr).toBe(0);
    type RangeRow = { estimator: string; event_id: string; rel_day: number; ratio: number; t: number; p_value: number; unit: string; measure: string };
    const j = JSON.parse(r.stdout) as { measures: { range: RangeRow[] }; models: { event_id: string; estimation_start: string; estimation_end: string }[] };
    const rows = j.measures.range;
    expect(new Set(rows.map((x) => x.estimator))).toEqual(new Set(["parkinson", "garman-klass"]));
    expect(rows.every((x) => x.measure === "volatility" && x.unit === "range variance ratio")).toBe(true);
    // the E34 day-0 Parkinson row against the library on the same columns and sessions
    const cols = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-garch.csv"), { valueColumn: ["open", "high", "low", "close"] }).series;
    const [open, high, low, close] = ["open", "high", "low", "close"].map((c) => cols.find((s) => s.id === c)!.values);
    const days = cols[0]!.days;
    const m = j.models.find((x) => x.event_id === "E34")!;
    const from = days.indexOf(dayKeyFromIso(m.estimation_start));
    const to = days.indexOf(dayKeyFromIso(m.estimation_end));
    const est = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    const day0 = days.indexOf(dayKeyFromIso("2025-04-09"));
    for (const estimator of ["parkinson", "garman-klass"] as const) {
      const ref = rangeVolatilityTest(rangeVariance({ open: open!, high: high!, low: low!, close: close! }, estimator), est, [day0]);
      const row = rows.find((x) => x.event_id === "E34" && x.rel_day === 0 && x.estimator === estimator)!;
      expect(row.ratio).toBe(ref.ratio[0]);
      expect(row.t).toBe(ref.t[0]);
      expect(row.p_value).toBe(ref.pValue[0]);
    }
  });

  it("a price file without high/low is an error naming the missing columns and those found; --range needs --measure volatility", async () => {
    const r = await cli("study", "--prices", "fixtures/daily/synthetic-world.csv", ...EVENTS, "--measure", "volatility", "--range", "parkinson");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no high, low columns \(columns found: date, adj_close\)/);
    const gk = await cli("study", "--prices", "fixtures/daily/synthetic-world.csv", ...EVENTS, "--measure", "volatility", "--range", "garman-klass");
    expect(gk.stderr).toMatch(/open, high, low, close/);
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", ...EVENTS, "--range", "parkinson")).code).toBe(2);
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", ...EVENTS, "--measure", "volatility", "--range", "rogers")).code).toBe(2);
  });
});

describe("study --measure volume --volume [NAME=]FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "mr-volume-"));
  // the fixture's volume alone, under a column name the detector does not know
  const lines = readProjectFile("fixtures/daily/synthetic-garch.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const volumeFile = join(dir, "g-volume.csv");
  writeFileSync(volumeFile, `date,shares\n${lines.map((c) => `${c[0]},${c[5]}`).join("\n")}\n`);

  it("volume from a separate file gives the rows the price file's volume column gives; NAME=FILE names the series", async () => {
    const args = [...EVENTS, "--window=0,0", "--measure", "volume", "--format", "json"];
    const inFile = await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", ...args);
    const separate = await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--volume", volumeFile, ...args);
    const named = await cli("study", "--prices", "G=fixtures/daily/synthetic-garch.csv", "--volume", `G=${volumeFile}`, ...args);
    for (const r of [inFile, separate, named]) expect(r.code, r.stderr).toBe(0);
    const rows = (r: { stdout: string }) => (JSON.parse(r.stdout) as { measures: { volume: { event_id: string; abnormal: number }[] } }).measures.volume;
    expect(rows(separate).length).toBeGreaterThan(0);
    expect(rows(separate)).toEqual(rows(inFile));
    expect(rows(named).map((x) => x.abnormal)).toEqual(rows(inFile).map((x) => x.abnormal));
    // a price file without volume is studied with the separate file's volume
    const world = await cli("study", "--prices", "fixtures/daily/synthetic-world.csv", "--volume", volumeFile, ...args);
    expect(world.code, world.stderr).toBe(0);
    expect(rows(world).length).toBeGreaterThan(0);
  });

  it("usage errors: --volume without --measure volume, and a NAME that is not studied", async () => {
    expect((await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--volume", volumeFile, ...EVENTS)).code).toBe(2);
    const r = await cli("study", "--prices", "fixtures/daily/synthetic-garch.csv", "--volume", `SPX=${volumeFile}`, ...EVENTS, "--measure", "volume");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no studied series is named "SPX"/);
  });
});

describe("study --level-unit COLUMN=UNIT", () => {
  it("per-column units: DGS10 and DGS2 in bp, VIX in points, each equal to the run with that unit for every column", async () => {
    const args = ["--levels", "fixtures/daily/synthetic-levels.csv", ...WORLD, ...EVENTS, "--window=0,0", "--format", "json"];
    type J = { car: { asset: string; event_id: string; car: number; unit: string }[] };
    const run = async (...units: string[]) => {
      const r = await cli("study", ...args, ...units.flatMap((u) => ["--level-unit", u]));
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as J;
    };
    const mixed = await run("percent", "VIX=points");
    const pct = await run("percent");
    const pts = await run("points");
    const pick = (j: J, asset: string) => j.car.filter((c) => c.asset === asset).map((c) => [c.event_id, c.car, c.unit]);
    expect(pick(mixed, "DGS10").length).toBeGreaterThan(0);
    expect(pick(mixed, "DGS10")).toEqual(pick(pct, "DGS10"));
    expect(pick(mixed, "DGS2")).toEqual(pick(pct, "DGS2"));
    expect(pick(mixed, "VIX")).toEqual(pick(pts, "VIX"));
    expect(mixed.car.filter((c) => c.asset === "VIX").every((c) => c.unit === "points")).toBe(true);
    expect(mixed.car.filter((c) => c.asset === "DGS10").every((c) => c.unit === "bp")).toBe(true);
    // the column form alone: the other columns keep the default (points)
    const one = await run("DGS10=percent");
    expect(pick(one, "DGS10")).toEqual(pick(pct, "DGS10"));
    expect(pick(one, "VIX")).toEqual(pick(pts, "VIX"));
  });

  it("a bad unit in the column form is a usage error", async () => {
    const r = await cli("study", "--levels", "fixtures/daily/synthetic-levels.csv", ...WORLD, ...EVENTS, "--level-unit", "VIX=percentage");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/COLUMN=percent\|points/);
  });
});
