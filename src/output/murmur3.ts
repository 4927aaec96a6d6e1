/**
 * MurmurHash3 x86_128 (Austin Appleby's public-domain design), written for 32-bit JavaScript
 * integer arithmetic, as the content hash of provenance records: it reads four bytes per step
 * where FNV-1a reads one, so fingerprinting large inputs is several times faster. The same bytes
 * give the same hex string on every platform and runtime (no `node:crypto` in the core). Not a
 * cryptographic hash: it identifies inputs, it does not protect them.
 * @module
 */

const ENCODER = /* @__PURE__ */ new TextEncoder();
/** Typed arrays use the platform's byte order; the hash is defined on little-endian bytes. */
const LITTLE_ENDIAN = /* @__PURE__ */ new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The tail words of a digest (shared: used only within one call, never across calls). */
const TAIL = /* @__PURE__ */ new Int32Array(4);

/** Values per block of {@link ContentHash.float64Array} (8 KiB: it stays in the first-level cache). */
const NAN_BLOCK = 1024;

/** The bytes of one float64 (shared: used only within one call, never across calls). */
const SCRATCH = /* @__PURE__ */ new DataView(new ArrayBuffer(8));

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The four 32-bit lanes of the state. */
interface Lanes {
  h1: number;
  h2: number;
  h3: number;
  h4: number;
}

/**
 * Mixes the 16-byte blocks of `w[from..to)` (to − from a multiple of 4) into the lanes. The
 * constants C1–C4 are written as literals here: esbuild (which also makes the published build)
 * turns module constants into `var`s, and V8 then read C2 and C4 (above 2³⁰, so not small
 * integers) from the module's context and truncated them on every block — in an esbuild bundle
 * of the sources, fingerprinting 1,000 series of 2,760 values took 1.6 times the instructions.
 */
function mixBlocks(s: Lanes, w: Int32Array, from: number, to: number): void {
  let { h1, h2, h3, h4 } = s;
  for (let i = from; i < to; i += 4) {
    h1 ^= Math.imul(rotl(Math.imul(w[i]!, 0x239b961b), 15), 0xab0e9789); // C1, C2
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= Math.imul(rotl(Math.imul(w[i + 1]!, 0xab0e9789), 16), 0x38b34ae5); // C2, C3
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= Math.imul(rotl(Math.imul(w[i + 2]!, 0x38b34ae5), 17), 0xa1e38b93); // C3, C4
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= Math.imul(rotl(Math.imul(w[i + 3]!, 0xa1e38b93), 18), 0x239b961b); // C4, C1
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  s.h1 = h1;
  s.h2 = h2;
  s.h3 = h3;
  s.h4 = h4;
}

/**
 * Tail words k1..k4 (missing ones 0) and the byte length; returns the 16-byte digest as hex, or
 * its first 8 bytes with `half`.
 */
function finish(s: Lanes, k: Int32Array, length: number, half = false): string {
  let { h1, h2, h3, h4 } = s;
  if (k[3]) h4 ^= Math.imul(rotl(Math.imul(k[3], C4), 18), C1);
  if (k[2]) h3 ^= Math.imul(rotl(Math.imul(k[2], C3), 17), C4);
  if (k[1]) h2 ^= Math.imul(rotl(Math.imul(k[1], C2), 16), C3);
  if (k[0]) h1 ^= Math.imul(rotl(Math.imul(k[0], C1), 15), C2);
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return half ? leHex(h1) + leHex(h2) : leHex(h1) + leHex(h2) + leHex(h3) + leHex(h4);
}

/** The two hex digits of each byte value. */
const HEX_BYTE = /* @__PURE__ */ Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** A 32-bit word as the hex of its four little-endian bytes. */
function leHex(h: number): string {
  return HEX_BYTE[h & 0xff]! + HEX_BYTE[(h >>> 8) & 0xff]! + HEX_BYTE[(h >>> 16) & 0xff]! + HEX_BYTE[h >>> 24]!;
}

/**
 * MurmurHash3 x86_128 of a byte string: the 16-byte digest (h1, h2, h3, h4, each little-endian)
 * as 32 hex digits.
 *
 * @example
 * murmur3x86_128(new Uint8Array(0)); // => "00000000000000000000000000000000"
 * murmur3x86_128(new TextEncoder().encode("hello")).length; // => 32
 */
export function murmur3x86_128(bytes: Uint8Array, seed = 0): string {
  const s: Lanes = { h1: seed | 0, h2: seed | 0, h3: seed | 0, h4: seed | 0 };
  const n = bytes.length;
  const blocks = n >>> 4;
  const words = new Int32Array(blocks * 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(4 * i, true);
  mixBlocks(s, words, 0, words.length);
  const k = new Int32Array(4);
  for (let i = blocks * 16; i < n; i++) {
    const j = i - blocks * 16;
    k[j >>> 2] = k[j >>> 2]! | (bytes[i]! << (8 * (j & 3)));
  }
  return finish(s, k, n);
}

/**
 * Incremental MurmurHash3 x86_128 over a stream of 32-bit words, for fingerprints: strings are
 * framed as their UTF-8 bytes, a 0xff separator and zero bytes up to a multiple of four (so
 * "ab","c" ≠ "a","bc"); int32 and float64 values as little-endian bytes (every NaN hashes alike).
 * The result is the MurmurHash3 x86_128 digest of that byte stream; {@link hex} gives its first
 * 8 bytes.
 *
 * @example
 * new ContentHash().string("SPX").float64(5456.9).hex().length; // => 16
 * new ContentHash().int32(1).hex() === murmur3x86_128(Uint8Array.of(1, 0, 0, 0)).slice(0, 16); // => true
 */
export class ContentHash {
  private readonly lanes: Lanes = { h1: 0, h2: 0, h3: 0, h4: 0 };
  /** Words waiting for a full 16-byte block. */
  private readonly pending = new Int32Array(4);
  private nPending = 0;
  private length = 0;

  /** Mixes one 32-bit word (its four little-endian bytes). */
  word(w: number): this {
    this.pending[this.nPending++] = w;
    this.length += 4;
    if (this.nPending === 4) {
      mixBlocks(this.lanes, this.pending, 0, 4);
      this.nPending = 0;
    }
    return this;
  }

  /** Mixes words; full blocks straight from the array, without copying. */
  words(w: Uint32Array): this {
    return this.int32Words(new Int32Array(w.buffer, w.byteOffset, w.length));
  }

  /**
   * {@link words} on the same bytes read as int32 (the multiplications only see the low 32 bits,
   * and int32 values stay small integers in the engine, where uint32 ones above 2³¹ do not).
   */
  private int32Words(w: Int32Array): this {
    let i = 0;
    while (this.nPending !== 0 && i < w.length) this.word(w[i++]!);
    const end = i + ((w.length - i) & ~3);
    mixBlocks(this.lanes, w, i, end);
    this.length += 4 * (end - i);
    for (i = end; i < w.length; i++) this.word(w[i]!);
    return this;
  }

  /** Mixes a string: UTF-8 bytes, 0xff, zero padding to a multiple of four bytes. */
  string(text: string): this {
    const n = text.length;
    for (let i = 0; i < n; i++) if (text.charCodeAt(i) > 0x7f) return this.utf8(ENCODER.encode(text));
    // ASCII: the UTF-8 bytes are the char codes, packed four to a word as they come
    let w = 0;
    let b = 0;
    for (let i = 0; i <= n; i++) {
      w |= (i < n ? text.charCodeAt(i) : 0xff) << (8 * b);
      if (++b === 4) {
        this.word(w >>> 0);
        w = 0;
        b = 0;
      }
    }
    if (b !== 0) this.word(w >>> 0);
    return this;
  }

  /** Mixes UTF-8 bytes, 0xff and zero padding to a multiple of four bytes. */
  private utf8(bytes: Uint8Array): this {
    const padded = new Uint8Array((bytes.length + 4) & ~3);
    padded.set(bytes);
    padded[bytes.length] = 0xff;
    const view = new DataView(padded.buffer);
    for (let i = 0; i < padded.length; i += 4) this.word(view.getUint32(i, true));
    return this;
  }

  /** Mixes an int32 (little-endian bytes). */
  int32(x: number): this {
    return this.word(x >>> 0);
  }

  /** Mixes a float64 (little-endian bytes; every NaN hashes alike). */
  float64(x: number): this {
    SCRATCH.setFloat64(0, Number.isNaN(x) ? Number.NaN : x, true);
    return this.word(SCRATCH.getUint32(0, true)).word(SCRATCH.getUint32(4, true));
  }

  /** Mixes every value of an Int32Array, as {@link int32} would one by one. */
  int32Array(values: Int32Array): this {
    if (!LITTLE_ENDIAN) {
      for (let i = 0; i < values.length; i++) this.int32(values[i]!);
      return this;
    }
    return this.int32Words(values);
  }

  /** Mixes every value of a Float64Array, as {@link float64} would one by one. */
  float64Array(values: Float64Array): this {
    if (!LITTLE_ENDIAN) {
      for (let i = 0; i < values.length; i++) this.float64(values[i]!);
      return this;
    }
    // block by block: each block is scanned for NaN and then hashed while it is still in the
    // cache (a scan of the whole array first read a large series from memory twice)
    const n = values.length;
    for (let from = 0; from < n; from += NAN_BLOCK) {
      const to = Math.min(n, from + NAN_BLOCK);
      let nan = false;
      for (let i = from; i < to; i++) if (Number.isNaN(values[i]!)) nan = true;
      // NaN payloads vary: a block holding one is hashed from a copy with one NaN bit pattern
      const block = nan ? Float64Array.from(values.subarray(from, to), (v) => (Number.isNaN(v) ? Number.NaN : v)) : values.subarray(from, to);
      this.int32Words(new Int32Array(block.buffer, block.byteOffset, 2 * block.length));
    }
    return this;
  }

  /** The first 8 bytes of the digest as 16 lowercase hex digits (the stream can go on). */
  hex(): string {
    return this.digest(true);
  }

  /** The whole 16-byte digest as 32 lowercase hex digits (the stream can go on). */
  hex128(): string {
    return this.digest(false);
  }

  /** The digest of the stream so far (the lanes are read, not changed: the stream can go on). */
  private digest(half: boolean): string {
    const k = TAIL.fill(0);
    for (let i = 0; i < this.nPending; i++) k[i] = this.pending[i]!;
    return finish(this.lanes, k, this.length, half);
  }
}

/**
 * The content hash of a string (framed as {@link ContentHash.string}), as 16 hex digits.
 *
 * @example
 * contentHash64("a") === new ContentHash().string("a").hex(); // => true
 * contentHash64("a") === contentHash64("b"); // => false
 */
export function contentHash64(text: string): string {
  return new ContentHash().string(text).hex();
}
