/**
 * Determinism: the same input gives byte-identical JSON across runs in one process, across
 * TZ settings of the process, and between the ESM and CJS builds (dist/index.js and
 * dist/index.cjs, which `npm test` builds first; skipped with a notice when dist/ is absent).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventStudy, parseEventsCsv, parseFactorsCsv, parseSeriesCsv } from "market-reaction";
import { readProjectFile, repoRoot } from "../helpers/shared-data.js";

/** The workload, written once for the in-process run and (as text) for the child processes. */
const WORKLOAD = `
const text = (p) => readFileSync(join(root, p), "utf8");
const sectors = lib.parseSeriesCsv(text("fixtures/daily/synthetic-sectors.csv")).series;
const world = lib.parseSeriesCsv(text("fixtures/daily/synthetic-world.csv"), { id: "WORLD" }).series[0];
const us = lib.parseSeriesCsv(text("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0];
const factors = lib.parseFactorsCsv(text("fixtures/daily/synthetic-ff-factors.csv"));
const { events } = lib.parseEventsCsv(text("fixtures/events/tariffs-2025.csv"));
const a = lib.eventStudy({ assets: sectors, market: world, events, windows: [[0, 0], [-1, 1], [0, 5]] });
const b = lib.eventStudy({ assets: [us], market: world, events, windows: [[-1, 1]], regression: true, placebo: { seed: 7, draws: 199 } });
const c = lib.eventStudy({ assets: sectors.slice(0, 2), factors, model: "ff3", events, windows: [[0, 1]], returnType: "log" });
const out = a.toJSONText() + b.toJSONText() + c.toJSONText() + JSON.stringify(factors) + JSON.stringify(events);
`;

function inProcess(): string {
  const lib = { eventStudy, parseEventsCsv, parseFactorsCsv, parseSeriesCsv };
  const readFileSync = (p: string) => readProjectFile(p.slice(repoRoot.length + 1));
  const fn = new Function("lib", "readFileSync", "join", "root", `${WORKLOAD}\nreturn out;`) as (...a: unknown[]) => string;
  return fn(lib, readFileSync, (a: string, b: string) => `${a}/${b}`, repoRoot);
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("determinism", () => {
  it("byte-identical JSON across two runs in one process", () => {
    const first = inProcess();
    expect(first.length).toBeGreaterThan(100_000);
    expect(sha(inProcess())).toBe(sha(first));
  });

  const dist = join(repoRoot, "dist");
  const haveDist = existsSync(join(dist, "index.js")) && existsSync(join(dist, "index.cjs"));
  if (!haveDist) process.stderr.write("notice: dist/ not built; the ESM/CJS and TZ determinism checks are skipped (npm test builds it)\n");
  const work = haveDist ? mkdtempSync(join(tmpdir(), "mr-determinism-")) : "";
  afterAll(() => {
    if (work !== "") rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(!haveDist)("byte-identical JSON across TZ settings and between the ESM and CJS builds", () => {
    const tail = `${WORKLOAD}\nprocess.stdout.write(createHash("sha256").update(out).digest("hex") + " " + out.length);\n`;
    const esm = join(work, "run.mjs");
    const cjs = join(work, "run.cjs");
    const root = JSON.stringify(repoRoot);
    writeFileSync(
      esm,
      `import { readFileSync } from "node:fs"; import { join } from "node:path"; import { createHash } from "node:crypto";\nimport * as lib from ${JSON.stringify(join(dist, "index.js"))};\nconst root = ${root};\n${tail}`,
    );
    writeFileSync(
      cjs,
      `const { readFileSync } = require("node:fs"); const { join } = require("node:path"); const { createHash } = require("node:crypto");\nconst lib = require(${JSON.stringify(join(dist, "index.cjs"))});\nconst root = ${root};\n${tail}`,
    );
    const runs: Record<string, string> = {};
    for (const [file, zones] of [
      [esm, ["UTC", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Apia"]],
      [cjs, ["UTC", "Pacific/Apia"]],
    ] as const) {
      for (const tz of zones) {
        const r = spawnSync(process.execPath, [file], { env: { ...process.env, TZ: tz }, encoding: "utf8", timeout: 60_000 });
        expect(r.status, r.stderr).toBe(0);
        runs[`${file.endsWith("mjs") ? "esm" : "cjs"} TZ=${tz}`] = r.stdout;
      }
    }
    const values = new Set(Object.values(runs));
    expect(values.size, JSON.stringify(runs, null, 2)).toBe(1);
    expect([...values][0]).toMatch(/^[0-9a-f]{64} \d{6,}$/);
  });
});
