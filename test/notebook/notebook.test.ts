// Runs scripts/notebook-check.sh (nbconvert + the Deno kernel) when MARKET_REACTION_NOTEBOOK_TEST=1
// and jupyter, deno and dist/ are present; skips with a notice otherwise. CI's own notebook step
// runs the script on a quiet machine; inside the parallel suite the kernel's mid-cell display
// messages sometimes arrived after nbconvert stopped waiting, and a cell came back empty.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

const onPath = (cmd: string): boolean => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const missing = [
  process.env.MARKET_REACTION_NOTEBOOK_TEST === "1" ? "" : "MARKET_REACTION_NOTEBOOK_TEST=1",
  onPath("jupyter") ? "" : "jupyter",
  onPath("deno") ? "" : "deno",
  existsSync(join(repoRoot, "dist/index.js")) ? "" : "dist/",
].filter((m) => m !== "");
if (missing.length > 0) process.stderr.write(`notice: notebook test skipped: ${missing.join(", ")} not set or found\n`);

describe.skipIf(missing.length > 0)("examples/notebook/tariffs-2025.ipynb under the Deno kernel", () => {
  it("executes and displays HTML + Vega-Lite v5 for the study and Vega-Lite v5 for the charts", () => {
    // only the repository's notebook here; CI's notebook step also runs the installed-tarball notebook
    const r = spawnSync("bash", [join(repoRoot, "scripts/notebook-check.sh")], {
      encoding: "utf8",
      timeout: 280_000,
      env: { ...process.env, NOTEBOOK_CHECK_REPO_ONLY: "1" },
    });
    expect(r.stdout + r.stderr).toContain("notebook-check: ok");
    expect(r.status).toBe(0);
  }, 300_000);
});
