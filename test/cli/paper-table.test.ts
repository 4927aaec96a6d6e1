import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

// Golden files of the paper table on the synthetic fixtures: a change of layout, rounding,
// escaping or notes shows as a diff. Regenerate with UPDATE_GOLDEN=1 after checking the diff.
const BASE = [
  "study",
  "--prices",
  "SPX=fixtures/daily/synthetic-us-index.csv",
  "--market",
  "ACWI=fixtures/daily/synthetic-world.csv",
  "--events",
  "fixtures/events/tariffs-2025.csv",
  "--ids",
  "E10,E17,E22,E34",
  "--window=0,0",
  "--window=-1,1",
];

function golden(name: string, text: string): void {
  const path = `test/output/golden/${name}`;
  if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(path, text);
  expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(path, "utf8"));
}

describe("study --format table|markdown|html|latex: the paper table", () => {
  for (const [format, ext] of [
    ["table", "txt"],
    ["markdown", "md"],
    ["html", "html"],
    ["latex", "tex"],
  ] as const) {
    it(`${format} matches its golden file`, async () => {
      const r = await cli(...BASE, "--format", format);
      expect(r.code).toBe(0);
      golden(`paper-table.${ext}`, r.stdout);
    });
  }

  it("states the unit in every CAR header and uses percent, as the library does", async () => {
    const md = (await cli(...BASE, "--format", "markdown")).stdout;
    expect(md).toContain("| CAR [0, 0] (%) | CAR [-1, 1] (%) |");
    const json = JSON.parse((await cli(...BASE, "--format", "json")).stdout) as { car: { event_id: string; window_start: number; car: number; t: number }[] };
    const e34 = json.car.find((c) => c.event_id === "E34" && c.window_start === 0)!;
    expect(md).toContain(`${(100 * e34.car).toFixed(2)}`);
    expect(md).toContain(`(${e34.t.toFixed(2)})`);
  });

  it("latex is a booktabs table with escaped text and math-mode minus signs", async () => {
    const tex = (await cli(...BASE, "--format", "latex")).stdout;
    expect(tex).toContain("\\begin{tabular}{llllrrr}"); // statement, day 0, speaker, label; M and two windows right-aligned
    expect(tex).toContain("\\toprule");
    expect(tex).toContain("\\bottomrule");
    expect(tex).toContain("CAR $[-1, 1]$ (\\%)");
    expect(tex).toMatch(/\$\[\\tau_1, \\tau_2\]\$/);
    // every % after the first comment line is escaped, and no unicode ellipsis or dash is left for pdflatex
    expect(
      tex
        .split("\n")
        .slice(1)
        .filter((l) => /(^|[^\\])%/.test(l)),
    ).toEqual([]);
    expect(tex).not.toMatch(/[…–—−]/);
    expect(tex).toContain("\\ldots{}");
  });

  it("--stat p puts p-values in brackets; csv stays the tidy table in decimals", async () => {
    expect((await cli(...BASE, "--format", "markdown", "--stat", "p")).stdout).toMatch(/\\\[(<0\.001|0\.\d{3})\\\]/);
    const csv = (await cli(...BASE, "--format", "csv")).stdout;
    expect(csv.split("\n")[0]).toMatch(/^event_id,asset,day0,window_start,window_end,car,se,t,p_value/);
    expect((await cli(...BASE, "--format", "csv", "--stat", "p")).code).toBe(2);
    expect((await cli(...BASE, "--format", "latex", "--table", "abnormal")).code).toBe(2);
  });
});
