// The README's TypeScript code blocks must type-check against the library (issue 8): each
// ```ts block is compiled, strict, with `market-reaction` mapped to src/. Free names a block
// uses for brevity are declared in a small preamble; `npm:market-reaction` (Deno) maps to the
// package name.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { docCompilerOptions } from "../helpers/typecheck.js";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

const PREAMBLE = `declare const nikkeiCsvText: string;
declare const Deno: { readTextFile(path: string): Promise<string> };
`;

function readmeBlocks(): string[] {
  const text = readFileSync(join(repoRoot, "README.md"), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe("README code blocks", () => {
  it("every ```ts block of the README type-checks (strict) against src/", () => {
    const blocks = readmeBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const dir = mkdtempSync(join(tmpdir(), "mr-readme-"));
    const files = blocks.map((code, i) => {
      const file = join(dir, `block${i}.ts`);
      writeFileSync(file, `${PREAMBLE}${code.replace(/"npm:market-reaction"/g, '"market-reaction"')}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, docCompilerOptions);
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(d.file.fileName));
    const messages = diagnostics.map((d) => {
      const where =
        d.file === undefined ? "" : `${d.file.fileName.replace(dir, "README")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 - 2}: `;
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(messages).toEqual([]);
  });
});
