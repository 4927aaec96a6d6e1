import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";
import { count } from "./helpers.js";

const base = ["study", "--prices", "fixtures/daily/synthetic-us-index.csv", "--market", "fixtures/daily/synthetic-world.csv", "--events", "fixtures/events/tariffs-2025.csv"];

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
