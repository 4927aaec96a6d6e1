// Package checks on the built files (npm test builds dist/ before running the suite).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

const dist = join(repoRoot, "dist");
const haveDist = existsSync(join(dist, "index.js"));

describe.runIf(haveDist)("built package", () => {
  it("dist has ESM, CJS and declarations for the core and the node entry, and the CLI", () => {
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "node.js", "node.cjs", "node.d.ts", "node.d.cts", "cli.js"]) {
      expect(existsSync(join(dist, f)), f).toBe(true);
    }
    expect(readFileSync(join(dist, "cli.js"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });

  it("the ESM build imports in Node and exposes the public API", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import * as m from "market-reaction"; import * as n from "market-reaction/node";
       console.log(JSON.stringify({ core: typeof m.MarketReactionError, iso: m.isoFromDayKey(20185), node: Object.keys(n).length }));`,
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    const r = JSON.parse(out);
    expect(r.core).toBe("function");
    expect(r.iso).toBe("2025-04-07");
    expect(r.node).toBeGreaterThan(0);
  });

  it("the CJS build requires in Node and errors are recognised across builds", () => {
    const out = execFileSync(
      process.execPath,
      [
        "-e",
        `const m = require("market-reaction"); const n = require("market-reaction/node");
       const e = new m.MarketReactionError("INVALID_INPUT", "x");
       import("market-reaction").then(esm => console.log(JSON.stringify({ iso: m.isoFromDayKey(20185), cross: esm.isMarketReactionError(e), node: typeof n })));`,
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    const r = JSON.parse(out);
    expect(r).toEqual({ iso: "2025-04-07", cross: true, node: "object" });
  });

  it("the node entry and the CLI bundle none of the optional peers (vega, playwright-core, hyparquet)", () => {
    // they are loaded with import() when asked for; once, playwright-core was bundled into
    // dist/node.js and dist/node.cjs (7.6 MB each) and the tarball grew to 17.6 MB unpacked
    for (const file of ["node.js", "node.cjs", "cli.js"]) {
      const text = readFileSync(join(dist, file), "utf8");
      expect(text, file).not.toMatch(/node_modules\/(playwright-core|vega|vega-lite|hyparquet)\//);
      expect(statSync(join(dist, file)).size, file).toBeLessThan(400_000);
    }
    // the worker of eventStudyParallel bundles what studyShard needs (the core and its runtime
    // dependencies, ~0.63 MB), still none of the optional peers
    const worker = readFileSync(join(dist, "worker.js"), "utf8");
    expect(worker).not.toMatch(/node_modules\/(playwright-core|vega|vega-lite|hyparquet)\//);
    expect(worker).not.toMatch(/from\s+["']market-reaction["']/);
    expect(statSync(join(dist, "worker.js")).size).toBeLessThan(800_000);
  });

  it("the core bundles for the browser with esbuild (no Node built-ins reachable)", async () => {
    const result = await build({
      entryPoints: [join(dist, "index.js")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      minify: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const bytes = result.outputFiles[0]!.contents;
    // The whole core measured 195 KB gzip (594 KB minified: our code 428 KB, zod 100 KB,
    // date-fns 32 KB of which its `parse` 20 KB, papaparse 19 KB, @date-fns/tz 5 KB,
    // simple-statistics 3 KB, @date-fns/utc 1 KB) on 2026-12-02 at 7b01cc0. It was 169 KB at
    // a58191b the same morning; the growth is the option schemas, the argument checks of every
    // export, the dated holiday tables of XBOM/XSES/XIST/XKRX/XTAI, the parsers' plausibility
    // checks and the shard/merge code (115 KB on 2026-11-28). The Arrow reader lives in its own
    // entry (market-reaction/arrow) to stay out of this figure.
    // The ceiling catches an accidental heavy import: `import { z } from "zod"` (the z object)
    // drags in every zod locale (+65 KB gzip); the schema modules use `import * as z`, which
    // esbuild tree-shakes; date-fns' `format` would add its whole formatter.
    expect(gzipSync(bytes).length).toBeLessThan(205_000);
  });
});

/** Removes block and line comments (TSDoc examples may mention console.log). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}

describe("platform-neutral core", () => {
  it("no file under src/ outside src/node and src/cli imports a Node built-in, the console or Math.random", () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (path.endsWith(join("src", "node")) || path.endsWith(join("src", "cli"))) continue;
          walk(path);
        } else if (name.endsWith(".ts")) {
          const text = stripComments(readFileSync(path, "utf8"));
          if (/from\s+["'](node:|fs|path|os|stream|child_process|worker_threads|url|util|zlib)["']/.test(text)) offenders.push(`${path}: Node built-in`);
          if (/\bconsole\.(log|warn|error|info|debug)\b/.test(text)) offenders.push(`${path}: console`);
          if (/Math\.random\b/.test(text)) offenders.push(`${path}: Math.random`);
          if (/\brequire\(/.test(text)) offenders.push(`${path}: require`);
        }
      }
    };
    walk(join(repoRoot, "src"));
    expect(offenders).toEqual([]);
  });

  it("only src/schema and src/options import zod, only src/io imports papaparse, only src/time imports date-fns", () => {
    const offenders: string[] = [];
    const rules: [RegExp, string][] = [
      [/from\s+["']zod/, "(schema|options)"],
      [/from\s+["']papaparse/, "io"],
      [/from\s+["'](@date-fns\/tz|date-fns)/, "time"],
    ];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".ts")) {
          const text = readFileSync(path, "utf8");
          const inside = (home: string): boolean => new RegExp(`[/\\\\]src[/\\\\]${home}[/\\\\]`).test(path);
          for (const [re, home] of rules) if (re.test(text) && !inside(home)) offenders.push(`${path} (${re.source})`);
        }
      }
    };
    walk(join(repoRoot, "src"));
    expect(offenders).toEqual([]);
  });
});
