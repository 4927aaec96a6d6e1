// Locates ../shared/data (real market data, never copied into the project).
// Validation tests use `describeWithSharedData`, which skips with a printed notice when
// the folder is absent (e.g. a checkout outside the workplace).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const sharedDataDir: string | undefined = [
  process.env.MARKET_REACTION_SHARED_DATA,
  resolve(repoRoot, "../shared/data"),
].find((p): p is string => p !== undefined && existsSync(join(p, "README.md")));

let noticePrinted = false;

/** `describe` for tests that need ../shared/data; skipped with a notice on stderr when it is absent. */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (sharedDataDir === undefined) {
    if (!noticePrinted) {
      process.stderr.write("notice: ../shared/data not found; validation tests on real data are skipped\n");
      noticePrinted = true;
    }
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

/** Reads a file of ../shared/data as text. Only call inside `describeWithSharedData`. */
export function readSharedData(relativePath: string): string {
  if (sharedDataDir === undefined) throw new Error("shared data folder not available");
  return readFileSync(join(sharedDataDir, relativePath), "utf8");
}

/** Reads a file of the project (fixtures etc.) as text. */
export function readProjectFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), "utf8");
}
