// The public surface of each entry (market-reaction, market-reaction/stats, market-reaction/node):
// the exported names, each a value or a type, against the committed test/api/surface.json. A change
// of the surface (an export added, removed or turned from a type into a value) fails here until
// surface.json is rewritten (npx tsx scripts/api-surface.ts --write), so it shows in review.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiSurface } from "../../scripts/api-surface.js";
import { repoRoot } from "../helpers/shared-data.js";

describe("public API surface", () => {
  it("equals test/api/surface.json", () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, "test/api/surface.json"), "utf8")) as Record<string, string[]>;
    expect(apiSurface(repoRoot)).toEqual(committed);
  });

  it("src/index.ts lists its exports explicitly (no export *)", () => {
    for (const file of ["src/index.ts", "src/stats.ts", "src/arrow.ts", "src/node/index.ts"]) {
      expect(readFileSync(join(repoRoot, file), "utf8"), file).not.toMatch(/^export\s+(type\s+)?\*/m);
    }
  });

  it("internals stay internal: hashing, escaping, option-check helpers; the kernels only under /stats", () => {
    const core = apiSurface(repoRoot)["market-reaction"]!.map((n) => n.split(" ")[0]);
    for (const name of [
      "fnv1a64",
      "Fnv1a64",
      "ContentHash",
      "contentHash64",
      "murmur3x86_128",
      "eventsHash",
      "seriesFingerprint",
      "escapeHtml",
      "escapeMarkdownCell",
      "invalidOption",
      "throwIfIssues",
      "olsQr",
      "createRandom",
      "ReturnType",
    ]) {
      expect(core, name).not.toContain(name);
    }
  });
});
