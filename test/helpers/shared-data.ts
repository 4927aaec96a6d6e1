// Locates ../shared/data (real market data, never copied into the project).
// Validation tests use `describeWithSharedData`, which skips with a printed notice when
// the folder is absent (e.g. a checkout outside the workplace).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
// MARKET_REACTION_SHARED_DATA points elsewhere; MARKET_REACTION_SHARED_DATA=none acts as a
// checkout with nothing beside it (what a new user has).
const sharedOverride = process.env.MARKET_REACTION_SHARED_DATA;
export const sharedDataDir: string | undefined =
  sharedOverride === "none"
    ? undefined
    : [sharedOverride, resolve(repoRoot, "../shared/data")].find((p): p is string => p !== undefined && p !== "" && existsSync(join(p, "README.md")));

let noticePrinted = false;

/**
 * `describe` for tests that need ../shared/data. When the folder is absent the suite is
 * reported as one skipped test and `fn` is never called: vitest runs the body of a
 * `describe.skip` while collecting, so any read in it would throw on a bare clone.
 */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (sharedDataDir === undefined) {
    if (!noticePrinted) {
      process.stderr.write("notice: ../shared/data not found; validation tests on real data are skipped\n");
      noticePrinted = true;
    }
    describe(name, () => {
      it.skip("needs ../shared/data (real market data beside the checkout)", () => {});
    });
    return;
  }
  describe(name, fn);
}

/** True when ../shared/data is present (for tests that branch on it outside a describe). */
export const hasSharedData = (): boolean => sharedDataDir !== undefined;

/** Reads a file of ../shared/data as text. Only call inside `describeWithSharedData`. */
export function readSharedData(relativePath: string): string {
  if (sharedDataDir === undefined) throw new Error("shared data folder not available");
  return readFileSync(join(sharedDataDir, relativePath), "utf8");
}

/** Reads a file of the project (fixtures etc.) as text. */
export function readProjectFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), "utf8");
}
