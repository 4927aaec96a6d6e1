import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/output.js";
import type { CliIO } from "../../src/cli/context.js";
import { eventStudy } from "../../src/index.js";
import { pick, sectors, world } from "../charts/helpers.js";

function io(tty: boolean): CliIO & { err: string } {
  const o = { err: "", stdout: () => {}, stderr: (t: string) => void (o.err += t), writeFile: async () => {}, stderrIsTTY: tty };
  return o;
}

describe("onProgress and the CLI progress bar", () => {
  it("eventStudy reports 0..n assets", () => {
    const seen: string[] = [];
    eventStudy({ assets: sectors, market: world, events: pick("E10"), windows: [[0, 0]], onProgress: (p) => seen.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(seen).toEqual(Array.from({ length: sectors.length + 1 }, (_, i) => `assets ${i}/${sectors.length}`));
  });
  it("draws on a terminal only, and clears the line at the end", () => {
    const off = io(false);
    expect(progressBar(off)).toBeUndefined();
    const on = io(true);
    let t = 0;
    const bar = progressBar(on, { now: () => (t += 200), width: 10 })!;
    bar({ stage: "assets", done: 0, total: 4 });
    bar({ stage: "assets", done: 2, total: 4 });
    expect(on.err).toContain("\r[#####.....] 2/4 assets");
    bar({ stage: "assets", done: 4, total: 4 });
    expect(on.err.endsWith("\r\u001b[K")).toBe(true);
  });
  it("rejects a non-function onProgress", () => {
    expect(() => eventStudy({ assets: sectors, market: world, events: pick("E10"), onProgress: 3 as never })).toThrowError(/onProgress/);
  });
});
