// `market-reaction demo` prints what `npm run example` prints, on the same synthetic data made
// in memory, and needs no file.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";
import { cli } from "./helpers.js";

describe("market-reaction demo", () => {
  it("prints exactly what npm run example prints (examples/tariffs-2025.ts on fixtures/)", async () => {
    const demo = await cli("demo");
    expect(demo.code).toBe(0);
    expect(demo.stderr).toBe("");
    const example = spawnSync(process.execPath, [join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"), "examples/tariffs-2025.ts"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(example.status, example.stderr).toBe(0);
    expect(demo.stdout).toBe(example.stdout);
    // the story is all there: landings, reasons, the reaction and the clustered methods
    expect(demo.stdout).toMatch(/^\d+ statements from fixtures\/events\/tariffs-2025\.csv/);
    for (const part of [
      "Why:",
      "event windows overlap on XNYS",
      "Market model of ",
      "Constant-mean model:",
      "Dummy-variable regression",
      "Covariance used",
      "Placebo test: ",
      "Two mean CARs",
    ]) {
      expect(demo.stdout).toContain(part);
    }
  });

  it("--help explains it; any argument is a usage error (exit 2)", async () => {
    const help = await cli("demo", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("synthetic");
    const bad = await cli("demo", "--prices", "x.csv");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^market-reaction: demo takes no arguments/);
  });

  it("the top-level --help lists demo and its examples name no file of the repository", async () => {
    const help = await cli("--help");
    expect(help.stdout).toMatch(/\n {2}demo {5}/);
    for (const command of ["", "align", "study", "intraday"]) {
      const text = (await cli(...(command === "" ? ["--help"] : [command, "--help"]))).stdout;
      expect(text, `${command || "main"} --help`).not.toMatch(/fixtures\//);
    }
  });
});
