import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";
import { count } from "./helpers.js";
import { hasChromium } from "./visual.js";

const base = [
  "study",
  "--prices",
  "fixtures/daily/synthetic-us-index.csv",
  "--market",
  "fixtures/daily/synthetic-world.csv",
  "--events",
  "fixtures/events/tariffs-2025.csv",
];

describe("market-reaction study --plot", () => {
  it("writes the CAR chart as SVG next to the table", async () => {
    const r = await cli(...base, "--window=-1,1", "--plot", "car.svg");
    expect(r.code).toBe(0);
    const svg = r.files.get("car.svg")!;
    expect(svg.startsWith("<svg")).toBe(true);
    // the 8 paths with the largest |CAR| (statements sharing day 0 drawn once), the rest listed in the subtitle
    expect(count(svg, /class="mark-line role-mark/)).toBe(8);
    expect(svg).toContain("Not drawn:");
    expect(r.stdout).toContain("CAR [-1, 1] (%)");
  });
  it("draws AR bars and the timeline on request", async () => {
    const ar = await cli(...base, "--window=0,0", "--plot", "ar.svg", "--plot-type", "ar");
    expect(ar.code).toBe(0);
    expect(ar.files.get("ar.svg")).toContain("mark-rect");
    const tl = await cli(...base, "--window=0,0", "--plot", "t.svg", "--plot-type", "timeline");
    expect(tl.code).toBe(0);
    expect(tl.files.get("t.svg")).toContain("and the statements (");
  });
  it("titles charts with readable names of file-stem ids, and with NAME=FILE names as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mr-names-"));
    try {
      const file = join(dir, "etf_xlk_daily_adj_2023_2026.csv");
      writeFileSync(file, readFileSync("fixtures/daily/synthetic-us-index.csv"));
      const args = ["--market", "fixtures/daily/synthetic-world.csv", "--events", "fixtures/events/tariffs-2025.csv", "--window=-1,1", "--ids", "E17,E34"];
      const stem = await cli("study", "--prices", file, ...args, "--plot", "a.svg");
      expect(stem.code).toBe(0);
      expect(stem.files.get("a.svg")).toContain("Cumulative abnormal returns of XLK around");
      expect(stem.stdout).toContain("etf_xlk_daily_adj_2023_2026"); // the table keeps the id
      const named = await cli("study", "--prices", `xlk_daily=${file}`, ...args, "--plot", "b.svg");
      expect(named.code).toBe(0);
      expect(named.files.get("b.svg")).toContain("Cumulative abnormal returns of xlk_daily around");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("usage errors exit 2", async () => {
    expect((await cli(...base, "--plot", "car.pdf")).code).toBe(2);
    expect((await cli(...base, "--plot-type", "ar")).code).toBe(2);
    expect((await cli(...base, "--plot", "x.svg", "--plot-type", "pie")).code).toBe(2);
  });
  it("--help shows --plot and examples", async () => {
    const r = await cli("study", "--help");
    expect(r.stdout).toContain("--plot FILE.svg|.png");
    expect(r.stdout).toContain("Exit codes");
  });
});

describe("market-reaction study --plot FILE.png", () => {
  it("checks the optional renderer before reading any file or running the study", async () => {
    const saved = process.env["CHROMIUM_PATH"];
    process.env["CHROMIUM_PATH"] = "/nonexistent/chromium";
    try {
      const r = await cli("study", "--prices", "no/such/prices.csv", "--events", "no/such/events.csv", "--plot", "x.png");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("MISSING_DEPENDENCY");
      expect(r.stderr).toContain("/nonexistent/chromium");
    } finally {
      if (saved === undefined) delete process.env["CHROMIUM_PATH"];
      else process.env["CHROMIUM_PATH"] = saved;
    }
  });
  it.skipIf(!hasChromium)(
    "writes a PNG with the title and size asked for",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "mr-png-"));
      try {
        const file = join(dir, "car.png");
        const r = await cli(...base, "--window=-1,1", "--ids", "E17,E34", "--plot", file, "--title", "Synthetic index", "--width", "300", "--height", "150");
        expect(r.code).toBe(0);
        const png = readFileSync(file);
        expect([...png.subarray(1, 4)]).toEqual([80, 78, 71]); // "PNG"
        // width and height of the IHDR chunk: 2 device pixels per pixel, plot of 300 × 150 plus axes, title and legend
        expect(png.readUInt32BE(16)).toBeGreaterThan(600);
        expect(png.readUInt32BE(20)).toBeGreaterThan(300);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
