/**
 * Lists the exported functions that throw anything but a MarketReactionError for arbitrary
 * JSON-like arguments (the property of test/reliability/exports.test.ts, all functions at once,
 * without stopping at the first). Each function runs in its own child process (a call that
 * exhausts the heap is reported as such).
 *
 *   npx tsx scripts/scan-exports.mts [--runs 60] [--seed 17] [--only NAME]
 */
import { spawnSync } from "node:child_process";
import { exportedFunctions, exportProperty } from "../test/reliability/exports-property.js";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg("runs", "60"));
const seed = Number(arg("seed", "17"));
const only = arg("only", "");
if (only !== "") {
  const e = exportedFunctions().find((x) => x.name === only)!;
  try {
    await exportProperty(e, runs, seed);
    console.log(`ok   ${e.name}`);
  } catch (error) {
    // fast-check keeps the property's own error as the cause
    const cause = (error as { cause?: unknown }).cause;
    console.log(`FAIL ${e.name}: ${String(cause instanceof Error ? cause.message : (error as Error).message).slice(0, 400)}`);
  }
} else {
  let bad = 0;
  for (const e of exportedFunctions()) {
    const res = spawnSync(
      process.execPath,
      ["--max-old-space-size=1024", "--import", "tsx", process.argv[1]!, "--only", e.name, "--runs", String(runs), "--seed", String(seed)],
      { encoding: "utf8", timeout: 60_000 },
    );
    const line =
      res.stdout.trim() ||
      `FAIL ${e.name}: ${res.signal === "SIGTERM" ? "timed out (60 s)" : /heap out of memory/.test(res.stderr) ? "heap exhausted" : res.stderr.slice(0, 200)}`;
    if (line.startsWith("FAIL")) bad++;
    console.log(line);
  }
  console.log(`${bad} failing`);
}
