/**
 * Instruction counts of the many-pairs study, for comparing two versions of the code on a
 * machine whose speed varies (a shared host): wall time can change by half within an hour,
 * the number of instructions a study runs does not.
 *
 *   npx tsx bench/instructions.ts [--assets 300] [--statements 20] [--from 2] [--to 5]
 *
 * Needs valgrind (Debian: `apt-get install valgrind`). The script bundles the sources with
 * esbuild (the form users run), then counts the instructions of two processes under valgrind's
 * cachegrind, one making `from` studies and one making `to`, with V8 made deterministic
 * (`node --predictable --single-threaded --hash-seed=1 --random-seed=1`): the difference divided
 * by `to − from` is the instructions of one study in the steady state (the first studies also
 * compile the code). Same workload as `event-study.ts` (`manyPairs`), 300 × 20 = 6,000 pairs by
 * default (about a minute under valgrind). One bundle's count has varied by up to 1.8 % from run
 * to run: compare versions by larger differences only. Not a timing: cache misses and
 * branch mispredictions cost time and are not counted.
 *
 * With `--run N` (used by the script itself) it only makes N studies, silently.
 * @module
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventStudy } from "../src/index.js";
import { intOptions } from "./harness.js";
import { manyPairs } from "./workloads.js";

const opt = intOptions({ assets: 300, statements: 20, from: 2, to: 5, run: -1, seed: 20250403 });

if (opt.run >= 0) {
  const { sessions: _sessions, ...options } = manyPairs(opt.assets, opt.statements, opt.seed, true);
  for (let i = 0; i < opt.run; i++) eventStudy(options);
} else {
  measure();
}

/** Bundles this script and counts the instructions of `from` and `to` studies. */
function measure(): void {
  if (!(opt.to > opt.from && opt.from >= 1)) throw new Error("--to must exceed --from, and --from be at least 1");
  const dir = mkdtempSync(join(tmpdir(), "mr-instructions-"));
  try {
    const bundle = join(dir, "instructions.mjs");
    const self = fileURLToPath(import.meta.url);
    execFileSync("npx", ["esbuild", self, "--bundle", "--platform=node", "--format=esm", `--outfile=${bundle}`, "--log-level=warning"], { stdio: "inherit" });
    const count = (studies: number): number => {
      const args = ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"];
      const node = [process.execPath, "--predictable", "--single-threaded", "--hash-seed=1", "--random-seed=1", bundle];
      const own = ["--assets", String(opt.assets), "--statements", String(opt.statements), "--seed", String(opt.seed), "--run", String(studies)];
      const run = spawnSync("valgrind", [...args, ...node, ...own], { encoding: "utf8" });
      if (run.error !== undefined) throw new Error(`valgrind could not be run (${run.error.message}); on Debian: apt-get install valgrind`);
      if (run.status !== 0) throw new Error(`the counted run failed:\n${run.stderr}`);
      return instructionsOf(run.stderr);
    };
    const a = count(opt.from);
    const b = count(opt.to);
    const perStudy = (b - a) / (opt.to - opt.from);
    const pairs = opt.assets * opt.statements;
    console.log(`${pairs.toLocaleString("en-US")} pairs (${opt.assets} assets × ${opt.statements} statements), studies ${opt.from} and ${opt.to}`);
    console.log(`instructions: ${(perStudy / 1e6).toFixed(1)} M a study in the steady state, ${Math.round(perStudy / pairs).toLocaleString("en-US")} a pair`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `I refs` total cachegrind prints on its standard error. */
function instructionsOf(stderr: string): number {
  const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (m === null) throw new Error("cachegrind printed no instruction count");
  return Number(m[1]!.replaceAll(",", ""));
}
