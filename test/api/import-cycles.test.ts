// No import cycles in src/ between modules that load each other at run time (type-only imports
// are erased and do not count; the type-only cycles left are listed by the second test), and the
// output renderers read the row types of src/study/rows.ts, never the Study class.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

function importGraph(includeTypes = false): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  };
  walk(join(repoRoot, "src"));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, false);
    const deps: string[] = [];
    for (const st of sf.statements) {
      if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier !== undefined && ts.isStringLiteral(st.moduleSpecifier)) {
        const typeOnly = ts.isImportDeclaration(st) ? st.importClause?.isTypeOnly === true : st.isTypeOnly;
        if (typeOnly && !includeTypes) continue;
        const spec = st.moduleSpecifier.text;
        if (spec.startsWith(".")) deps.push(resolve(dirname(f), spec.replace(/\.js$/, ".ts")));
      }
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Every cycle met by a depth-first search, as a path of files. */
function cycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 1) found.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(repoRoot, x)).join(" -> "));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe("module structure", () => {
  it("src/ has no import cycles", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  // A registry's types are read from its entries (TestName from the cross-event tests, ModelSpec
  // from the models), and the entries use those types: type-only cycles inside one registry's
  // directory, erased at run time. Any other type cycle fails.
  it("type-only cycles stay within one registry's directory (src/inference/cross, src/models)", () => {
    const typeCycles = cycles(importGraph(true));
    const within = (c: string, dir: string): boolean => c.split(" -> ").every((f) => f.startsWith(dir));
    expect(typeCycles.filter((c) => !within(c, "src/inference/cross/") && !within(c, "src/models/"))).toEqual([]);
  });

  it("the cycle finder finds a cycle", () => {
    const g = new Map([
      [`${repoRoot}/a`, [`${repoRoot}/b`]],
      [`${repoRoot}/b`, [`${repoRoot}/a`]],
    ]);
    expect(cycles(g)).toEqual(["a -> b -> a"]);
  });

  it("src/output/ does not import the Study class", () => {
    for (const [file, deps] of importGraph(true)) {
      if (!relative(repoRoot, file).startsWith("src/output/")) continue;
      expect(
        deps.map((d) => relative(repoRoot, d)),
        file,
      ).not.toContain("src/study/study.ts");
    }
  });
});
