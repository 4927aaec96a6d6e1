/**
 * Compiler options for type-checking documentation code (README blocks, TSDoc examples) the
 * way a user's strict project would see it: `market-reaction` and `market-reaction/node`
 * mapped to src/.
 */
import { join } from "node:path";
import ts from "typescript";
import { repoRoot } from "./shared-data.js";

export const docCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
  typeRoots: [join(repoRoot, "node_modules/@types")],
  paths: {
    "market-reaction": [join(repoRoot, "src/index.ts")],
    "market-reaction/node": [join(repoRoot, "src/node/index.ts")],
    "market-reaction/stats": [join(repoRoot, "src/stats.ts")],
    "market-reaction/arrow": [join(repoRoot, "src/arrow.ts")],
  },
};
