import { readFileSync } from "node:fs";

/** Reads a golden JSON file from test/golden/data (written by scripts/golden/*.R). */
export function loadGolden<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8")) as T;
}
