/**
 * Writes docs/warnings.md from the catalogue of src/warnings.ts (run after adding a code):
 *   npx tsx scripts/warnings-doc.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { WARNING_CODES } from "../src/warnings.js";

const lines = [
  "# Warnings",
  "",
  "A result's `warnings` (and the `code` of a `skipped` row that is not an error code) use these",
  "codes. Warnings are data, never console output: each has a `code`, a `message` with the numbers,",
  "and, where it applies, the `event_id`, `asset`, `exchange` or `row` it concerns. Codes are stable:",
  "new ones may be added, none is renamed. In TypeScript the union is `WarningCode` and the",
  "catalogue `WARNING_CODES` (both exported by `market-reaction`).",
  "",
  "This file is written by `npx tsx scripts/warnings-doc.ts` from `src/warnings.ts`.",
  "",
  "| code | meaning |",
  "| --- | --- |",
  ...Object.entries(WARNING_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning.replace(/\|/g, "\\|")} |`),
  "",
];
writeFileSync(join(import.meta.dirname, "../docs/warnings.md"), lines.join("\n"));
