import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const BASE = [
  "study",
  "--prices",
  "fixtures/daily/synthetic-us-index.csv",
  "--market",
  "fixtures/daily/synthetic-world.csv",
  "--events",
  "fixtures/events/tariffs-2025.csv",
];

describe("market-reaction study", () => {
  it("study --format json has the contract keys and row fields", async () => {
    const r = await cli(...BASE, "--window=0,0", "--window=-1,1", "--window=0,5", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ["events", "models", "abnormal", "car", "warnings", "skipped"]) expect(out).toHaveProperty(key);
    const model = out.models[0];
    for (const key of ["event_id", "asset", "model", "n", "df", "sigma", "r2", "alpha", "beta"]) expect(model).toHaveProperty(key);
    for (const key of ["event_id", "asset", "rel_day", "date", "return", "expected", "ar", "se", "t", "p_value"]) expect(out.abnormal[0]).toHaveProperty(key);
    for (const key of ["event_id", "asset", "window_start", "window_end", "car", "se", "t", "p_value", "bhar"]) expect(out.car[0]).toHaveProperty(key);
    expect(new Set(out.car.map((c: { window_start: number; window_end: number }) => `${c.window_start},${c.window_end}`))).toEqual(
      new Set(["0,0", "-1,1", "0,5"]),
    );
    // the Sunday statement's day 0 is Monday
    expect(out.car.find((c: { event_id: string }) => c.event_id === "E17").day0).toBe("2025-04-07");
    expect(out.warnings.some((w: { code: string }) => w.code === "OVERLAPPING_WINDOWS")).toBe(true);
  });

  it("study output is byte-identical across runs", async () => {
    const a = await cli(...BASE, "--format", "json");
    const b = await cli(...BASE, "--format", "json");
    expect(a.stdout).toBe(b.stdout);
  });

  it("study --model ff3 --factors fits factor models on the sectors of a wide file", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-sectors.csv",
      "--factors",
      "fixtures/daily/synthetic-ff-factors.csv",
      "--model",
      "ff3",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--window=0,0",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(new Set(out.models.map((m: { asset: string }) => m.asset)).size).toBe(6);
    expect(out.models[0]).toHaveProperty("Mkt-RF");
    expect(out.models[0].model).toBe("ff3");
  });

  it("study --market ID uses a loaded series; --format csv --table abnormal writes that table", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--prices",
      "fixtures/daily/synthetic-world.csv",
      "--market",
      "synthetic-world",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--format",
      "csv",
      "--table",
      "abnormal",
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]!.startsWith("event_id,asset,rel_day,date,return,expected,ar,se,t,p_value")).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(",synthetic-us-index,"))).toBe(true);
  });

  it("study usage errors exit 2; data errors exit 1 with one line", async () => {
    for (const args of [
      ["study", "--events", "x.csv"],
      [...BASE, "--window=1,0"],
      [...BASE, "--model", "capm"],
      [...BASE, "--return-type", "pct"],
      [...BASE, "--window", "-1,1"],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
    const r = await cli("study", "--prices", "fixtures/events/tariffs-2025.csv", "--events", "fixtures/events/tariffs-2025.csv");
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("study fits a window that starts before the data on the sessions available, and skips with the shortfall stated when too few remain; none left exits 1", async () => {
    const r = await cli(...BASE, "--estimation=-565,-11", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // the window is counted on the NYSE sessions; the 3 before the first return count as missing
    expect(out.models.find((m: { event_id: string }) => m.event_id === "E10").n).toBe(553);
    expect(out.warnings.filter((w: { code: string }) => w.code === "LATE_LISTING").map((w: { message: string }) => w.message)).toEqual([
      expect.stringMatching(
        /^synthetic-us-index: first return on 2023-01-04, after the start of the earliest estimation window \(2022-12-29\): the 3 XNYS sessions before it count as missing returns/,
      ),
    ]);
    const none = await cli(...BASE, "--estimation=-1150,-11", "--format", "json");
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(
      /INSUFFICIENT_ESTIMATION_DATA: the market model needs at least 570 complete estimation observations \(k = 2, minObs = 570\); 553 of 1140 candidate sessions/,
    );
    expect(none.stderr).toMatch(/^market-reaction: NO_VALID_EVENTS: /);
  });
});

describe("market-reaction study --tests / markdown escaping", () => {
  const SECTORS = [
    "study",
    "--prices",
    "fixtures/daily/synthetic-sectors.csv",
    "--market",
    "fixtures/daily/synthetic-world.csv",
    "--events",
    "fixtures/events/tariffs-2025.csv",
    "--window=0,0",
    "--window=-1,1",
  ];

  it("--tests LIST --conventions estudy2 --adjust holm adds aggregate daily and windows rows", async () => {
    const r = await cli(...SECTORS, "--tests", "cross_sectional_t,bmp,corrado_rank", "--conventions", "estudy2", "--adjust", "holm", "--format", "json");
    expect(r.code).toBe(0);
    const agg = JSON.parse(r.stdout).aggregate;
    for (const key of ["rel_day", "aar", "n", "tests"]) expect(agg.daily[0]).toHaveProperty(key);
    for (const key of ["window_start", "window_end", "caar", "n", "tests"]) expect(agg.windows[0]).toHaveProperty(key);
    expect(Object.keys(agg.windows[0].tests).sort()).toEqual(["bmp", "corrado_rank", "cross_sectional_t"]);
    for (const t of Object.values(agg.windows[0].tests) as { statistic: number; p_value: number }[]) {
      expect(t).toHaveProperty("statistic");
      expect(t).toHaveProperty("p_value");
    }
  });

  it("--tests with an unknown name, or --adjust without --tests, is a usage error", async () => {
    expect((await cli(...SECTORS, "--tests", "patel")).code).toBe(2);
    expect((await cli(...SECTORS, "--adjust", "holm")).code).toBe(2);
  });

  it("markdown output escapes HTML and markdown in statement labels", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "mr-md-"));
    const events = join(dir, "e.csv");
    writeFileSync(events, 'id,timestamp,label\nX1,2025-04-09T13:18,"<script>alert(1)</script> | *pause*"\n');
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--market",
      "fixtures/daily/synthetic-world.csv",
      "--events",
      events,
      "--format",
      "markdown",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("<script>");
    expect(r.stdout).toContain("\\<script\\>alert(1)\\</script\\> \\| \\*pause\\*");
  });
});
