/**
 * Writes the synthetic fixtures of market-reaction (fixtures/): daily series on the NYSE and
 * Tokyo calendars with injected abnormal returns, one-minute bars for 7 and 9 April 2025,
 * synthetic Ken French factors, the April 2025 statement list and the documentation.
 *
 *   npx tsx scripts/make-fixtures.ts          (or: npm run fixtures)
 *
 * Rerunning reproduces every file byte for byte: `makeFixtures()` (scripts/fixtures/make.ts) is
 * pure and seeded, and test/fixtures/regenerate.test.ts compares it with the committed files.
 * No value comes from real market data; only the statement list is re-typed from a sourced list.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makeFixtures } from "./fixtures/make.js";

export { makeFixtures };

/** Writes the fixtures under `root` (the repository by default); returns the paths written. */
export function writeFixtures(root: string): string[] {
  const written: string[] = [];
  for (const [path, text] of makeFixtures()) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(path);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  for (const path of writeFixtures(root)) process.stdout.write(`wrote ${path}\n`);
}
