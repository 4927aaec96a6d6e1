#!/usr/bin/env node
// Runs every example in examples/ (top level *.ts) with tsx, as a user would from a checkout.
// Exits non-zero when any example fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const examples = readdirSync("examples")
  .filter((f) => f.endsWith(".ts"))
  .sort();
let failed = 0;
for (const file of examples) {
  process.stdout.write(`\n>>> tsx examples/${file}\n`);
  const r = spawnSync(process.execPath, [join("node_modules", "tsx", "dist", "cli.mjs"), join("examples", file)], {
    stdio: "inherit",
  });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`example ${file} failed (exit ${r.status})\n`);
  }
}
process.stdout.write(`\nexamples: ${examples.length - failed} ran, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
