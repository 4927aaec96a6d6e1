/**
 * A small deterministic content hash (FNV-1a, 64 bits) for provenance records: the same bytes
 * give the same hex string on every platform and runtime (no `node:crypto` in the core).
 * Not a cryptographic hash: it identifies inputs, it does not protect them.
 * @module
 */

const ENCODER = new TextEncoder();

/** Incremental FNV-1a 64-bit hasher. Numbers are hashed as little-endian IEEE-754 bytes. */
export class Fnv1a64 {
  // the 64-bit state as four 16-bit limbs, least significant first
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  /** Mixes one byte (0–255). */
  byte(b: number): this {
    this.h0 ^= b & 0xff;
    // multiply by the FNV prime 2^40 + 0x1b3: limb 0 by 0x1b3, and 2^40 = 0x100 in limb 2
    const t0 = this.h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + this.h0 * 0x100 + (t1 >>> 16);
    const t3 = this.h3 * 0x1b3 + this.h1 * 0x100 + (t2 >>> 16);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
    return this;
  }

  /** Mixes a string as UTF-8 bytes, followed by a 0xff separator (so "ab","c" ≠ "a","bc"). */
  string(text: string): this {
    for (const b of ENCODER.encode(text)) this.byte(b);
    return this.byte(0xff);
  }

  /** Mixes a float64 (little-endian bytes; every NaN hashes alike). */
  float64(x: number): this {
    this.scratch.setFloat64(0, Number.isNaN(x) ? Number.NaN : x, true);
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
    return this;
  }

  /** Mixes an int32 (little-endian bytes). */
  int32(x: number): this {
    this.scratch.setInt32(0, x, true);
    for (let i = 0; i < 4; i++) this.byte(this.scratch.getUint8(i));
    return this;
  }

  /** The hash as 16 lowercase hex digits. */
  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((h) => h.toString(16).padStart(4, "0")).join("");
  }
}

/**
 * FNV-1a 64 of a string's UTF-8 bytes, as 16 hex digits.
 *
 * @example
 * fnv1a64(""); // => "cbf29ce484222325"
 * fnv1a64("a"); // => "af63dc4c8601ec8c"
 */
export function fnv1a64(text: string): string {
  const h = new Fnv1a64();
  for (const b of ENCODER.encode(text)) h.byte(b);
  return h.hex();
}
