/**
 * The long fuzz run of issues 9 and 17: 125,000 fast-check cases over the parsers, the whole
 * pipeline, the overlap sweep and every exported function (the properties of test/reliability/properties.ts; the test suite runs a few
 * thousand of the same). Prints the cases and time per property and exits 1 on a failure
 * (fast-check prints the seed, path and shrunk counterexample).
 *
 *   npx tsx scripts/fuzz.ts [--scale 1] [--seed 20250409]
 *
 * `--scale 0.1` runs a tenth of the cases.
 */
import { performance } from "node:perf_hooks";
import { exportedFunctions, exportProperty } from "../test/reliability/exports-property.js";
import { kindAgreementProperty } from "../test/reliability/kind-properties.js";
import { overlapSweepProperty } from "../test/reliability/overlap-properties.js";
import {
  farAwayProperty,
  parserProperty,
  plainLineProperty,
  permutationProperty,
  scalingProperty,
  studyRobustnessProperty,
} from "../test/reliability/properties.js";

/** Every exported function, `n` cases spread over them. */
async function exportsProperty(n: number, seed: number): Promise<void> {
  const list = exportedFunctions();
  for (const e of list) await exportProperty(e, Math.max(1, Math.round(n / list.length)), seed);
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const scale = arg("scale", 1);
const seed = arg("seed", 20250409);

const plan: [string, (n: number, seed: number) => void | Promise<void>, number][] = [
  ["parsers: only MarketReactionError; stream = whole text", parserProperty, 60_000],
  ["plain price lines: stream (in place) = whole text", plainLineProperty, 10_000],
  ["kinds and units: parser = study judgement", kindAgreementProperty, 5_000],
  ["eventStudy: only MarketReactionError for random options", studyRobustnessProperty, 20_000],
  ["permuting statements: CAR rows unchanged", permutationProperty, 4_000],
  ["scaling prices: returns and ARs unchanged", scalingProperty, 3_000],
  ["far-away statement: ARs unchanged (keep)", farAwayProperty, 3_000],
  ["overlap clusters and exclusions: sweep = brute force", overlapSweepProperty, 5_000],
  ["every export: returns or throws a MarketReactionError", exportsProperty, 20_000],
];

let total = 0;
let failed = 0;
const t0 = performance.now();
for (const [name, property, n] of plan) {
  const runs = Math.max(1, Math.round(n * scale));
  const t = performance.now();
  try {
    await property(runs, seed);
    process.stdout.write(`ok    ${String(runs).padStart(6)} cases  ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  ${name}\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`FAIL  ${String(runs).padStart(6)} cases  ${name}\n${error instanceof Error ? error.message : String(error)}\n`);
  }
  total += runs;
}
process.stdout.write(
  `${total} cases, ${failed} failed properties, ${((performance.now() - t0) / 1000).toFixed(1)} s (node ${process.version}, seed ${seed})\n`,
);
process.exit(failed > 0 ? 1 : 0);
