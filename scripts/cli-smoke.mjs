#!/usr/bin/env node
// Smoke test of the BUILT command (dist/cli.js) as a user runs it: exit codes 0/1/2,
// data on stdout, one-line errors on stderr. Run after `npm run build` (CI does).
import { spawnSync } from "node:child_process";

const cases = [
  { args: ["--version"], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { args: ["demo"], code: 0, stdout: /\nMarket model of .*\n[\s\S]*Placebo test: / },
  { args: ["align", "--events", "fixtures/events/tariffs-2025.csv", "--exchange", "XNYS", "--format", "json"], code: 0, stdout: /"day0": "2025-04-07"/ },
  { args: ["align", "--events", "fixtures/events/tariffs-2025.csv", "--format", "bogus"], code: 2, stderr: /^market-reaction: invalid --format/ },
  { args: ["align", "--events", "missing.csv"], code: 1, stderr: /^market-reaction: IO_ERROR: cannot read missing\.csv: no such file\n$/ },
];

let failed = 0;
for (const c of cases) {
  const r = spawnSync(process.execPath, ["dist/cli.js", ...c.args], { encoding: "utf8" });
  const problems = [];
  if (r.status !== c.code) problems.push(`exit ${r.status}, expected ${c.code}`);
  if (c.stdout && !c.stdout.test(r.stdout)) problems.push(`stdout did not match ${c.stdout}`);
  if (c.stderr && !c.stderr.test(r.stderr)) problems.push(`stderr did not match ${c.stderr}: ${r.stderr}`);
  if (/\n\s+at /.test(r.stderr)) problems.push("stack trace on stderr");
  process.stdout.write(`${problems.length === 0 ? "ok  " : "FAIL"} market-reaction ${c.args.join(" ")}${problems.length ? ` — ${problems.join("; ")}` : ""}\n`);
  if (problems.length) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
