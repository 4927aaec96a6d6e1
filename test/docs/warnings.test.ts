// The warning catalogue (src/warnings.ts) is complete and documented: every code literal the
// library emits (besides error codes and exchange codes) is in WARNING_CODES, every catalogued
// code is emitted somewhere, and docs/warnings.md lists each.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WARNING_CODES } from "../../src/warnings.js";
import { repoRoot } from "../helpers/shared-data.js";

const ERROR_CODES = (() => {
  const text = readFileSync(join(repoRoot, "src/errors.ts"), "utf8");
  const block = text.slice(text.indexOf("export type ErrorCode ="), text.indexOf(";", text.indexOf("export type ErrorCode =")));
  return new Set([...block.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!));
})();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("warning catalogue", () => {
  const files = sources(join(repoRoot, "src")).filter((f) => !f.endsWith("src/warnings.ts"));
  const text = files.map((f) => readFileSync(f, "utf8")).join("\n");

  it("every code the library emits is catalogued", () => {
    const emitted = new Set([...text.matchAll(/\bcode:\s*"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"/g)].map((m) => m[1]!));
    const missing = [...emitted].filter((c) => !ERROR_CODES.has(c) && !(c in WARNING_CODES));
    expect(missing).toEqual([]);
    expect(emitted.size).toBeGreaterThan(30);
  });

  it("every catalogued code occurs in the library", () => {
    expect(Object.keys(WARNING_CODES).filter((c) => !text.includes(`"${c}"`))).toEqual([]);
  });

  it("docs/warnings.md lists every code", () => {
    const doc = readFileSync(join(repoRoot, "docs/warnings.md"), "utf8");
    expect(Object.keys(WARNING_CODES).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
