import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventStudy } from "../../src/index.js";
import { eventsHash, seriesFingerprint } from "../../src/output/provenance.js";
import { Fnv1a64, fnv1a64 } from "../../src/output/hash.js";
import { pick, study, us, world } from "../charts/helpers.js";

const pkgVersion = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64 test vectors", () => {
    // vectors from the FNV reference (Fowler/Noll/Vo test suite)
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });
  it("hashes numbers as little-endian bytes", () => {
    const a = new Fnv1a64().int32(1).hex();
    const b = new Fnv1a64().byte(1).byte(0).byte(0).byte(0).hex();
    expect(a).toBe(b);
  });
});

describe("provenance", () => {
  const p = study.toJSON().provenance as Record<string, any>;
  it("records the version, the NYSE rules, and the inputs' fingerprints", () => {
    expect(p.library).toEqual({ name: "market-reaction", version: pkgVersion });
    expect(p.calendars[0].rules).toMatch(/^NYSE rules 1990–2099, \d{4}-\d{2} edition$/);
    expect(p.inputs.assets[0]).toMatchObject({ id: us.id, n: us.days.length });
    expect(p.inputs.market.id).toBe(world.id);
    expect(p.inputs.events.n).toBe(3);
    expect(JSON.stringify(p)).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps
  });
  it("is deterministic and changes when one price changes", () => {
    const again = eventStudy({
      assets: [us],
      market: world,
      events: pick("E10", "E17", "E27"),
      windows: [
        [-1, 1],
        [0, 0],
      ],
    });
    expect(again.toJSONText()).toBe(study.toJSONText());
    const values = us.values.slice();
    values[10] = values[10]! * 1.000001;
    expect(seriesFingerprint({ ...us, values }).hash).not.toBe(seriesFingerprint(us).hash);
    const evs = pick("E10");
    expect(eventsHash([{ ...evs[0]!, label: "other" }])).not.toBe(eventsHash(evs));
  });
  it("records the placebo seed", () => {
    const s = eventStudy({ assets: [us], market: world, events: pick("E10"), estimation: [-250, -11], windows: [[0, 0]], placebo: { seed: 7, draws: 20 } });
    expect((s.toJSON().provenance as { seeds: unknown }).seeds).toEqual({ placebo: 7 });
  });
});

describe("Fnv1a64 bulk methods", () => {
  it("int32Array and float64Array hash exactly like the one-value methods (NaN payloads normalised)", async () => {
    const { Fnv1a64 } = await import("../../src/output/hash.js");
    const days = Int32Array.of(0, -1, 20185, 2 ** 31 - 1);
    const nanBits = new Float64Array(new BigUint64Array([0x7ff8000000000001n]).buffer)[0]!;
    for (const values of [Float64Array.of(1.5, -0, 1e308, 5e-324), Float64Array.of(1, Number.NaN, nanBits)]) {
      const bulk = new Fnv1a64().int32Array(days).float64Array(values).hex();
      const one = new Fnv1a64();
      for (const d of days) one.int32(d);
      for (const v of values) one.float64(v);
      expect(bulk).toBe(one.hex());
    }
  });
});
