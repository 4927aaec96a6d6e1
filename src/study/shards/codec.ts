/**
 * Exact JSON for the parts of a sharded study: typed arrays as base64 of their little-endian
 * bytes (`{"$f64": …}`, `{"$i32": …}`, `{"$u8": …}`) and the numbers JSON cannot hold (NaN, ±Infinity,
 * −0) as `{"$n": "NaN"}`, so that a part read back holds the same bits as the part written.
 * @module
 */
import { MarketReactionError } from "../../errors.js";

const LITTLE_ENDIAN = /* @__PURE__ */ new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODES = /* @__PURE__ */ (() => {
  const out = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) out[ALPHABET.charCodeAt(i)] = i;
  return out;
})();

/** Base64 (RFC 4648, with padding) of bytes. */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    let text = "";
    for (let i = at; i < end; i += 3) {
      const b0 = bytes[i]!;
      const b1 = i + 1 < end ? bytes[i + 1]! : 0;
      const b2 = i + 2 < end ? bytes[i + 2]! : 0;
      text += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!;
      text += i + 1 < end ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)]! : "=";
      text += i + 2 < end ? ALPHABET[b2 & 63]! : "=";
    }
    parts.push(text);
  }
  return parts.join("");
}

/**
 * Bytes of base64 text.
 * @throws INVALID_INPUT for text that is not base64.
 */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw badPart("base64 text whose length is not a multiple of 4");
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c0 = code(text, i);
    const c1 = code(text, i + 1);
    const c2 = text[i + 2] === "=" ? 0 : code(text, i + 2);
    const c3 = text[i + 3] === "=" ? 0 : code(text, i + 3);
    const n = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function code(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = c < 128 ? CODES[c]! : -1;
  if (v < 0) throw badPart(`a character that is not base64 at ${i}`);
  return v;
}

function badPart(what: string): MarketReactionError {
  return new MarketReactionError("INVALID_INPUT", `a study part holds ${what}`);
}

/** The little-endian bytes of a typed array (a view when the platform is little-endian). */
function littleEndianBytes(a: Float64Array | Int32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(a.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) {
    if (a instanceof Float64Array) view.setFloat64(8 * i, a[i]!, true);
    else view.setInt32(4 * i, a[i]!, true);
  }
  return out;
}

function float64Of(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) throw badPart("a Float64Array whose byte length is not a multiple of 8");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

function int32Of(bytes: Uint8Array): Int32Array {
  if (bytes.length % 4 !== 0) throw badPart("an Int32Array whose byte length is not a multiple of 4");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(4 * i, true);
  return out;
}

/** A value as JSON-ready data that {@link decodeExact} turns back into the same bits. */
export function encodeExact(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $n: Object.is(value, -0) ? "-0" : String(value) };
  }
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Float64Array) return { $f64: base64(littleEndianBytes(value)) };
  if (value instanceof Int32Array) return { $i32: base64(littleEndianBytes(value)) };
  if (value instanceof Uint8Array) return { $u8: base64(value) };
  if (Array.isArray(value)) return value.map(encodeExact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = encodeExact(v);
  return out;
}

const SPECIAL: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY, "-0": -0 };

/**
 * The value {@link encodeExact} encoded.
 * @throws INVALID_INPUT for a malformed encoded array or number.
 */
export function decodeExact(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeExact);
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const k = keys[0]!;
    const v = o[k];
    if (k === "$n" && typeof v === "string") {
      const n = SPECIAL[v];
      if (n === undefined) throw badPart(`an unknown special number ${JSON.stringify(v)}`);
      return n;
    }
    if (typeof v === "string") {
      if (k === "$f64") return float64Of(fromBase64(v));
      if (k === "$i32") return int32Of(fromBase64(v));
      if (k === "$u8") return fromBase64(v);
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeExact(o[k]);
  return out;
}
