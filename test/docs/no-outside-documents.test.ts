// Comments and documents refer only to what is in the repository: not to the design notes kept
// outside it (their names below), which a reader of the code or of the published types cannot open.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

const OUTSIDE = /\b(DESIGN|METHODS|ESTUDY2-CONVENTIONS|STYLE|ECOSYSTEM)\.md\b/;
const DIRS = ["src", "docs", "test", "scripts", "bench", "examples"];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (f === "node_modules") continue;
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|mjs|js|md|R|py|sh|ipynb)$/.test(f)) out.push(p);
  }
  return out;
}

describe("references", () => {
  it("no file refers to a design document outside the repository", () => {
    const self = join(repoRoot, "test/docs/no-outside-documents.test.ts");
    const offenders = [...DIRS.flatMap((d) => files(join(repoRoot, d))), join(repoRoot, "README.md"), join(repoRoot, "tsup.config.ts")]
      .filter((f) => f !== self)
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => [f, i + 1, line] as const),
      )
      .filter(([, , line]) => OUTSIDE.test(line))
      .map(([f, n, line]) => `${relative(repoRoot, f)}:${n}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
