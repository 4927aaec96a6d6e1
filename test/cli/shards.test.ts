// study --workers, study --shard K/N and merge: the same output as the single run, byte for byte.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const data = [
  "--prices",
  "fixtures/daily/synthetic-sectors.csv",
  "--market",
  "fixtures/daily/synthetic-world.csv",
  "--events",
  "fixtures/events/tariffs-2025.csv",
];
const study = [...data, "--window=0,0", "--window=-1,1", "--tests", "all"];
const dir = mkdtempSync(join(tmpdir(), "market-reaction-shards-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a study in `count` shards, written to files; their paths. */
async function parts(args: readonly string[], count: number, by: string, tag: string): Promise<string[]> {
  const paths: string[] = [];
  for (let k = 0; k < count; k++) {
    const file = join(dir, `${tag}-${k}.json`);
    const r = await cli("study", ...args, "--shard", `${k}/${count}`, "--shard-by", by, "--out", file);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(file, r.files.get(file)!);
    paths.push(file);
  }
  return paths;
}

describe("study --workers, --shard and merge", () => {
  it("--workers 2 writes the bytes of --workers 1 (json and the terminal table)", async () => {
    for (const format of ["json", "table"]) {
      const one = await cli("study", ...study, "--format", format, "--workers", "1");
      const two = await cli("study", ...study, "--format", format, "--workers", "2");
      expect(one.code, one.stderr).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
  });

  it("4 shards by assets and 3 by statements, merged: the single run's JSON and table", async () => {
    const single = await cli("study", ...study, "--format", "json", "--workers", "1");
    const byAssets = await parts(study, 4, "assets", "a");
    const byStatements = await parts(study, 3, "statements", "s");
    expect((await cli("merge", ...byAssets.reverse(), "--format", "json")).stdout).toBe(single.stdout);
    expect((await cli("merge", ...byStatements, "--format", "json")).stdout).toBe(single.stdout);
    const table = await cli("study", ...study, "--workers", "1");
    const merged = await cli("merge", ...byStatements);
    expect(merged.stdout).toBe(table.stdout);
    expect(merged.stderr).toBe(table.stderr);
  });

  it("refuses parts of different studies and a missing shard, naming the difference", async () => {
    const [first] = await parts(study, 2, "assets", "x");
    const [, other] = await parts([...data, "--window=0,0", "--tests", "all"], 2, "assets", "y");
    const mixed = await cli("merge", first!, other!);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/SHARD_MISMATCH: part 2 was computed with other options than part 1: windows/);
    const alone = await cli("merge", first!);
    expect(alone.stderr).toMatch(/SHARD_MISMATCH: shard 1 of 2 \(by assets\) missing/);
    expect((await cli("merge", join(dir, "none.json"))).stderr).toMatch(/IO_ERROR: cannot read .*none\.json: no such file/);
  });

  it("usage errors for malformed or conflicting flags", async () => {
    expect((await cli("study", ...study, "--shard", "4/4")).stderr).toMatch(/invalid --shard/);
    expect((await cli("study", ...study, "--shard", "0/2", "--workers", "2")).stderr).toMatch(/leave out --workers/);
    expect((await cli("study", ...study, "--shard-by", "assets")).stderr).toMatch(/--shard-by goes with --shard/);
    expect((await cli("study", ...study, "--workers", "0")).stderr).toMatch(/invalid --workers/);
    expect((await cli("merge")).code).toBe(2);
  });
});
