/**
 * The public surface: the exported names of each package entry (src/index.ts, src/stats.ts,
 * src/node/index.ts), each marked `value` or `type`, sorted. Used by test/api/surface.test.ts
 * against the committed test/api/surface.json, so every change of the surface shows in review.
 *
 *   npx tsx scripts/api-surface.ts            # print
 *   npx tsx scripts/api-surface.ts --write    # rewrite test/api/surface.json (after an intended change)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const ENTRIES = {
  "market-reaction": "src/index.ts",
  "market-reaction/stats": "src/stats.ts",
  "market-reaction/arrow": "src/arrow.ts",
  "market-reaction/node": "src/node/index.ts",
} as const;

/** `{ entry: ["name (value)", "Name (type)", …] }`, names sorted. */
export function apiSurface(root: string): Record<string, string[]> {
  const files = Object.values(ENTRIES).map((f) => join(root, f));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const sf = program.getSourceFile(join(root, file));
    if (sf === undefined) {
      out[entry] = [];
      continue;
    }
    const symbol = checker.getSymbolAtLocation(sf)!;
    out[entry] = checker
      .getExportsOfModule(symbol)
      .map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const value = (target.flags & ts.SymbolFlags.Value) !== 0;
        return `${s.name} (${value ? "value" : "type"})`;
      })
      .sort();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, "..");
  const surface = apiSurface(root);
  const text = `${JSON.stringify(surface, null, 2)}\n`;
  if (process.argv.includes("--write")) writeFileSync(join(root, "test/api/surface.json"), text);
  else process.stdout.write(text);
  for (const [entry, names] of Object.entries(surface))
    process.stderr.write(`${entry}: ${names.length} names (${names.filter((n) => n.endsWith("(value)")).length} values)\n`);
}
