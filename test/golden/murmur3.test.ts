// The content hash of provenance records against an independent implementation of MurmurHash3
// x86_128 (Python's mmh3 5.3.0, scripts/golden/murmur3.py -> test/golden/data/murmur3.json):
// exact digests for inputs of every tail length, seeds, UTF-8 text and a 100,003-byte input;
// then the incremental ContentHash equals the one-shot digest of its framed byte stream.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ContentHash, contentHash64, murmur3x86_128 } from "../../src/output/murmur3.js";
import { createRandom } from "../../src/stats/random.js";

interface Case {
  hex_input?: string;
  quadratic_length?: number;
  seed: number;
  digest: string;
}

function bytesOf(c: Case): Uint8Array {
  if (c.quadratic_length !== undefined) return Uint8Array.from({ length: c.quadratic_length }, (_, i) => (i * i + 7 * i) % 256);
  return Uint8Array.from(c.hex_input!.match(/../g) ?? [], (h) => parseInt(h, 16));
}

describe("murmur3x86_128", () => {
  it("equals mmh3's digests exactly (every tail length 0..15, several blocks, seeds, UTF-8, 100 kB)", () => {
    const { cases } = JSON.parse(readFileSync("test/golden/data/murmur3.json", "utf8")) as { cases: Case[] };
    expect(cases.length).toBeGreaterThan(45);
    for (const c of cases) expect(murmur3x86_128(bytesOf(c), c.seed), c.hex_input?.slice(0, 40)).toBe(c.digest);
  });
});

describe("ContentHash (incremental, word-framed)", () => {
  const rng = createRandom(7);

  /** The framed byte stream that ContentHash hashes, built independently with DataView. */
  function framed(parts: ({ s: string } | { i: Int32Array } | { f: Float64Array })[]): Uint8Array {
    const out: number[] = [];
    const dv = new DataView(new ArrayBuffer(8));
    for (const p of parts) {
      if ("s" in p) {
        const u = new TextEncoder().encode(p.s);
        out.push(...u, 0xff);
        while (out.length % 4 !== 0) out.push(0);
      } else if ("i" in p) {
        for (const v of p.i) {
          dv.setInt32(0, v, true);
          for (let b = 0; b < 4; b++) out.push(dv.getUint8(b));
        }
      } else {
        for (const v of p.f) {
          dv.setFloat64(0, Number.isNaN(v) ? Number.NaN : v, true);
          for (let b = 0; b < 8; b++) out.push(dv.getUint8(b));
        }
      }
    }
    return Uint8Array.from(out);
  }

  it("gives the digest of its framed stream, whatever the split into strings and arrays", () => {
    for (let trial = 0; trial < 40; trial++) {
      const parts: ({ s: string } | { i: Int32Array } | { f: Float64Array })[] = [];
      const h = new ContentHash();
      for (let k = 0; k < 1 + rng.int(5); k++) {
        const which = rng.int(3);
        if (which === 0) {
          const s = "ab€x".repeat(rng.int(4)).slice(0, rng.int(9));
          parts.push({ s });
          h.string(s);
        } else if (which === 1) {
          const i = Int32Array.from({ length: rng.int(11) }, () => rng.int(2 ** 31) - 2 ** 30);
          parts.push({ i });
          h.int32Array(i);
        } else {
          const f = Float64Array.from({ length: rng.int(9) }, () => (rng.next() < 0.1 ? Number.NaN : rng.normal()));
          parts.push({ f });
          h.float64Array(f);
        }
      }
      expect(h.hex128()).toBe(murmur3x86_128(framed(parts)));
      expect(h.hex()).toBe(h.hex128().slice(0, 16));
    }
  });

  it("bulk methods hash exactly like the one-value methods, NaN payloads normalised", () => {
    const days = Int32Array.of(0, -1, 20185, 2 ** 31 - 1, 5);
    const nanBits = new Float64Array(new BigUint64Array([0x7ff8000000000001n]).buffer)[0]!;
    for (const values of [Float64Array.of(1.5, -0, 1e308, 5e-324), Float64Array.of(1, Number.NaN, nanBits)]) {
      const bulk = new ContentHash().string("id").int32Array(days).float64Array(values).hex();
      const one = new ContentHash().string("id");
      for (const d of days) one.int32(d);
      for (const v of values) one.float64(v);
      expect(bulk).toBe(one.hex());
    }
    expect(new ContentHash().float64Array(Float64Array.of(nanBits)).hex()).toBe(new ContentHash().float64(Number.NaN).hex());
    // long arrays are hashed in blocks of 1,024 values: NaN payloads in later blocks, a block of
    // none, a partial last block, and a stream not at a block of words when the array starts
    const long = Float64Array.from({ length: 3001 }, (_, i) => (i === 1500 ? nanBits : i === 2999 ? Number.NaN : Math.sin(i)));
    const bulk = new ContentHash().string("id").int32Array(days).float64Array(long).hex();
    const one = new ContentHash().string("id");
    for (const d of days) one.int32(d);
    for (const v of long) one.float64(v);
    expect(bulk).toBe(one.hex());
  });

  it('separates strings ("ab","c" ≠ "a","bc") and contentHash64 is the one-string hash', () => {
    expect(new ContentHash().string("ab").string("c").hex()).not.toBe(new ContentHash().string("a").string("bc").hex());
    expect(contentHash64("options")).toBe(new ContentHash().string("options").hex());
  });
});
