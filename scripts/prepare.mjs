#!/usr/bin/env node
// npm's `prepare` hook: builds dist/ after `npm install` in a checkout and when the package is
// installed from a git URL (npm runs `prepare` in its clone, then packs it), so that
// `import("market-reaction")` finds its code. `npm pack` and `npm publish` run `prepack`
// (the same build) just before `prepare`; the second build is skipped there.
import { spawnSync } from "node:child_process";

const command = process.env.npm_command;
if (command === "pack" || command === "publish") process.exit(0);
const r = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit", shell: process.platform === "win32" });
if (r.status !== 0) {
  process.stderr.write("market-reaction: the build (tsup) failed while preparing the package; run `npm run build` to see why\n");
}
process.exit(r.status ?? 1);
