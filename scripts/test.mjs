#!/usr/bin/env node
// `npm test`: the whole suite, then the time-zone–sensitive suites again under several TZ values
// (date-fns style), and one closing line `N passed, N failed` summing every run.
//
// 1. build dist/ (the package tests in test/package import the built files);
// 2. vitest over test/ with the host's TZ;
// 3. test/time.test.ts, test/calendar/, test/io/ and test/design/ under TZ = UTC, America/Sao_Paulo,
//    Asia/Kolkata and Pacific/Apia (UTC+13/14: the far side of the date line).
// Extra arguments are passed to every vitest run (e.g. `npm test -- -t alignEvents`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const extra = process.argv.slice(2);
const zones = ["UTC", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Apia"];
const tzSuites = ["test/time.test.ts", "test/calendar", "test/io", "test/design"].filter((p) => existsSync(p));
const work = mkdtempSync(join(tmpdir(), "market-reaction-test-"));
const vitest = join("node_modules", "vitest", "vitest.mjs");

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
function vitestRun(label, files, env) {
  const out = join(work, `${label.replace(/[^A-Za-z0-9]+/g, "_")}.json`);
  process.stdout.write(`\n── vitest: ${label} ──\n`);
  const status = run(process.execPath, [vitest, "run", ...files, "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...extra], env);
  if (!existsSync(out)) {
    totals.errors += 1;
    totals.failed += 1;
    process.stdout.write(`vitest (${label}) produced no report (exit ${status})\n`);
    return;
  }
  const report = JSON.parse(readFileSync(out, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // suites that failed to load count as failures even when no test inside them ran
  const brokenFiles = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  totals.failed += brokenFiles;
  if (status !== 0 && report.numFailedTests === 0 && brokenFiles === 0) totals.failed += 1;
}

process.stdout.write("── build ──\n");
if (run("npm", ["run", "--silent", "build"]) !== 0) {
  totals.failed += 1;
  process.stdout.write("build failed\n");
}
vitestRun(`all (TZ=${process.env.TZ ?? "host"})`, [], {});
for (const tz of zones) vitestRun(`time-zone suites, TZ=${tz}`, tzSuites, { TZ: tz });

rmSync(work, { recursive: true, force: true });
writeFileSync(".vitest-summary.json", `${JSON.stringify(totals)}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
