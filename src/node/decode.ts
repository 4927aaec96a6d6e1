/**
 * Bytes of a text file -> string: UTF-8 (BOM stripped), UTF-16 LE/BE (by BOM, or by the
 * zero-byte pattern of ASCII text without one), and Windows-1252 as a reported fallback
 * for bytes that are not valid UTF-8 (files saved by Excel on Windows).
 * @module
 */
import { MarketReactionError } from "market-reaction";

/** A decoded text and the encoding that was used. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

/**
 * Decodes file bytes to text.
 * @example
 * decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).text; // => "a"
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (!(bytes instanceof Uint8Array))
    throw new MarketReactionError("INVALID_OPTION", `invalid decodeText: bytes: ${typeof bytes}; expected a Uint8Array (a Buffer)`);
  const n = bytes.length;
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  // UTF-16 without a BOM: ASCII text has a zero in every other byte
  if (n >= 4 && n % 2 === 0) {
    const sample = Math.min(n, 512);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample; i += 2) {
      if (bytes[i] === 0) evenZero++;
      if (bytes[i + 1] === 0) oddZero++;
    }
    const pairs = sample / 2;
    if (oddZero >= pairs * 0.9 && evenZero === 0) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
    if (evenZero >= pairs * 0.9 && oddZero === 0) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
