/**
 * A small deterministic content hash (FNV-1a, 64 bits) for provenance records: the same bytes
 * give the same hex string on every platform and runtime (no `node:crypto` in the core).
 * Not a cryptographic hash: it identifies inputs, it does not protect them.
 * @module
 */

const ENCODER = /* @__PURE__ */ new TextEncoder();
/** Typed arrays use the platform's byte order; the hash is defined on little-endian bytes. */
const LITTLE_ENDIAN = /* @__PURE__ */ new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Incremental FNV-1a 64-bit hasher. Numbers are hashed as little-endian IEEE-754 bytes.
 *
 * @example
 * new Fnv1a64().bytes(new TextEncoder().encode("a")).hex() === fnv1a64("a"); // => true
 * new Fnv1a64().string("SPX").float64(5456.9).hex(); // => "8bbe06eb25b1a124"
 */
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

  /**
   * Mixes raw bytes (the same as calling {@link byte} for each, with the state kept in locals:
   * several times faster for long inputs).
   */
  bytes(u8: Uint8Array): this {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < u8.length; i++) {
      h0 ^= u8[i]!;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    return this;
  }

  /** Mixes every value of a Float64Array, as {@link float64} would one by one. */
  float64Array(values: Float64Array): this {
    let plain = LITTLE_ENDIAN;
    for (let i = 0; plain && i < values.length; i++) if (Number.isNaN(values[i]!)) plain = false; // NaN payloads vary: normalise
    if (!plain) {
      for (let i = 0; i < values.length; i++) this.float64(values[i]!);
      return this;
    }
    return this.bytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  /** Mixes every value of an Int32Array, as {@link int32} would one by one. */
  int32Array(values: Int32Array): this {
    if (!LITTLE_ENDIAN) {
      for (let i = 0; i < values.length; i++) this.int32(values[i]!);
      return this;
    }
    return this.bytes(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
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
