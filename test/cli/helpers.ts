import { runCli } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/context.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

/** Runs the CLI in-process with captured output. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const files = new Map<string, string>();
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    writeFile: async (p, t) => void files.set(p, t),
    stderrIsTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, files };
}
