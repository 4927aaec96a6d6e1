import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const PRICES = "fixtures/daily/synthetic-us-index.csv";
const WORLD = "fixtures/daily/synthetic-world.csv";
const EVENTS = "fixtures/events/tariffs-2025.csv";
const BASE = ["study", "--prices", PRICES, "--market", WORLD, "--events", EVENTS, "--window=-1,1"];

describe("study: picking statements and naming assets", () => {
  it("--ids picks statements; unknown ids are an error listing the known ones", async () => {
    const r = await cli(...BASE, "--ids", "E17,E34", "--format", "json");
    expect(r.code).toBe(0);
    expect([...new Set((JSON.parse(r.stdout) as { car: { event_id: string }[] }).car.map((c) => c.event_id))]).toEqual(["E17", "E34"]);
    const bad = await cli(...BASE, "--ids", "E17,E99");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--ids: unknown statement id E99; known ids: E10, E11, .*E34/);
  });

  it("--group picks a group; an unknown group lists the known ones", async () => {
    expect((await cli(...BASE, "--group", "tariffs-2025", "--format", "csv")).code).toBe(0);
    const bad = await cli(...BASE, "--group", "nope");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("known groups: tariffs-2025");
  });

  it("NAME=FILE names the asset; a missing file names both", async () => {
    const r = await cli("study", "--prices", `SPX=${PRICES}`, "--market", `ACWI=${WORLD}`, "--events", EVENTS, "--ids", "E34", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { car: { asset: string }[]; options: { market: string } };
    expect(out.car[0]!.asset).toBe("SPX");
    expect(out.options.market).toBe("ACWI");
    const bad = await cli("study", "--prices", "SPX=nowhere/sp500.csv", "--events", EVENTS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--prices SPX=nowhere/sp500.csv: the file "nowhere/sp500.csv" of asset "SPX" does not exist');
  });

  it("--value-column chooses the column of a file", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-sectors.csv",
      "--value-column",
      "ENERGY",
      "--events",
      EVENTS,
      "--ids",
      "E34",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    expect([...new Set((JSON.parse(r.stdout) as { car: { asset: string }[] }).car.map((c) => c.asset))]).toEqual(["ENERGY"]);
  });
});

describe("study: errors name the CLI flag", () => {
  it("--model ff3 without --factors says which flag is missing", async () => {
    const r = await cli("study", "--prices", PRICES, "--events", EVENTS, "--model", "ff3");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--model ff3 reads factor returns: give --factors FILE");
    const m = await cli("study", "--prices", PRICES, "--events", EVENTS, "--model", "market");
    expect(m.stderr).toContain("--model market needs a benchmark: give --market ID|FILE");
  });

  it("--factor-unit is passed to the factor reader, and the unit note names the flag", async () => {
    const args = [
      "study",
      "--prices",
      "fixtures/daily/synthetic-sectors.csv",
      "--factors",
      "fixtures/daily/synthetic-ff-factors.csv",
      "--model",
      "ff3",
      "--events",
      EVENTS,
      "--ids",
      "E34",
    ];
    const auto = await cli(...args, "--verbose");
    expect(auto.code).toBe(0);
    if (/FACTOR_UNIT_ASSUMED/.test(auto.stderr)) expect(auto.stderr).toContain("--factor-unit");
    expect(auto.stderr).not.toContain("pass unit");
    const given = await cli(...args, "--factor-unit", "percent", "--verbose");
    expect(given.stderr).not.toContain("FACTOR_UNIT_ASSUMED");
    expect((await cli(...args, "--factor-unit", "basis-points")).code).toBe(2);
  });

  it("chart flags go with --plot", async () => {
    for (const flag of [
      ["--title", "x"],
      ["--width", "300"],
      ["--from", "2025-03-01"],
    ]) {
      const r = await cli(...BASE, ...flag);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("goes with --plot");
    }
    expect((await cli(...BASE, "--plot", "a.svg", "--plot-type", "timeline", "--from", "2025-13-01")).code).toBe(2);
  });
});
