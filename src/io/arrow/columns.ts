/**
 * Decoding one column of an Arrow record batch into what the series builder reads: numbers
 * (values and day keys) into a `Float64Array` with `NaN` for nulls, text and dictionary
 * entries into an array of cells. Values are read from the bytes in place where aligned.
 * @module
 */
import { IpcError, type ArrowField, type ArrowType, type ColumnPlace, type IpcReader, typeName } from "./ipc.js";

const utf8 = new TextDecoder("utf-8", { fatal: false });
const DAY_MS = 86_400_000;

/** A view of `bytes` as elements of `size` bytes, copied first when not aligned. */
function aligned(bytes: Uint8Array, size: number): ArrayBuffer {
  if (bytes.byteOffset % size === 0) return bytes.buffer as ArrayBuffer;
  return bytes.slice().buffer;
}

/** The byte offset of `bytes` in the buffer {@link aligned} gives. */
function offsetOf(bytes: Uint8Array, size: number): number {
  return bytes.byteOffset % size === 0 ? bytes.byteOffset : 0;
}

/** The validity of each row (`undefined`: every row is valid). */
async function validity(reader: IpcReader, place: ColumnPlace): Promise<Uint8Array | undefined> {
  if (place.nullCount === 0) return undefined;
  const bits = await reader.buffer(place.buffers[0]!);
  return bits.byteLength === 0 ? undefined : bits;
}

function isValid(bits: Uint8Array | undefined, i: number): boolean {
  return bits === undefined || ((bits[i >> 3]! >> (i & 7)) & 1) === 1;
}

/** The integer values of a fixed-width integer buffer as numbers (exact below 2^53). */
function integers(bytes: Uint8Array, bitWidth: number, signed: boolean, n: number, field: string): ArrayLike<number | bigint> {
  const need = (n * bitWidth) / 8;
  if (bytes.byteLength < need)
    throw new IpcError(`corrupt Arrow IPC data: column ${JSON.stringify(field)} has ${bytes.byteLength} data bytes for ${n} values`, field);
  const size = bitWidth / 8;
  const buf = aligned(bytes, size);
  const at = offsetOf(bytes, size);
  switch (bitWidth) {
    case 8:
      return signed ? new Int8Array(buf, at, n) : new Uint8Array(buf, at, n);
    case 16:
      return signed ? new Int16Array(buf, at, n) : new Uint16Array(buf, at, n);
    case 32:
      return signed ? new Int32Array(buf, at, n) : new Uint32Array(buf, at, n);
    case 64:
      return signed ? new BigInt64Array(buf, at, n) : new BigUint64Array(buf, at, n);
    default:
      throw new IpcError(`column ${JSON.stringify(field)} has integers of ${bitWidth} bits`, field);
  }
}

/** Whole days (rounded down) of a count of `perDay` units since 1970-01-01. */
function daysOf(v: number | bigint, perDay: number): number {
  if (typeof v === "bigint") {
    const d = BigInt(perDay);
    const q = v / d;
    return Number(v % d < 0n ? q - 1n : q);
  }
  return Math.floor(v / perDay);
}

/** Units of a date or timestamp per day (1 for Date32: its values are days). */
function unitsPerDay(t: ArrowType): number | undefined {
  if (t.kind === "date") return t.unit === "day" ? 1 : DAY_MS;
  if (t.kind !== "timestamp") return undefined;
  return t.unit === "second" ? 86_400 : t.unit === "millisecond" ? DAY_MS : t.unit === "microsecond" ? DAY_MS * 1000 : DAY_MS * 1_000_000;
}

/** True when a field decodes to numbers: integers, Float32/Float64, dates and timestamps (as day keys). */
export function isNumeric(field: ArrowField): boolean {
  const t = field.type;
  return field.dictionary === undefined && (t.kind === "int" || (t.kind === "float" && t.precision !== "half") || t.kind === "date" || t.kind === "timestamp");
}

/** True for a date or timestamp field. */
export function isDateField(field: ArrowField): boolean {
  return field.dictionary === undefined && (field.type.kind === "date" || field.type.kind === "timestamp");
}

/**
 * A numeric column as numbers (`NaN` for nulls): values as they are, dates and timestamps as
 * day keys (their UTC calendar date).
 */
export async function decodeNumbers(reader: IpcReader, field: ArrowField, place: ColumnPlace): Promise<Float64Array> {
  const n = place.length;
  const valid = await validity(reader, place);
  const bytes = await reader.buffer(place.buffers[1]!);
  const t = field.type;
  const out = new Float64Array(n);
  if (t.kind === "float") {
    const size = t.precision === "single" ? 4 : 8;
    if (bytes.byteLength < n * size)
      throw new IpcError(`corrupt Arrow IPC data: column ${JSON.stringify(field.name)} has ${bytes.byteLength} data bytes for ${n} values`, field.name);
    const src = size === 4 ? new Float32Array(aligned(bytes, 4), offsetOf(bytes, 4), n) : new Float64Array(aligned(bytes, 8), offsetOf(bytes, 8), n);
    out.set(src);
  } else {
    const width = t.kind === "int" ? t.bitWidth : t.kind === "date" ? (t.unit === "day" ? 32 : 64) : 64;
    const src = integers(bytes, width, t.kind === "int" ? t.signed : true, n, field.name);
    const perDay = unitsPerDay(t);
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      out[i] = perDay === undefined ? Number(v) : perDay === 1 ? Number(v) : daysOf(v, perDay);
    }
  }
  if (valid !== undefined) for (let i = 0; i < n; i++) if (!isValid(valid, i)) out[i] = Number.NaN;
  return out;
}

/**
 * A column as cells: text of Utf8 columns (a run of equal values shares one string),
 * dictionary entries of a dictionary-encoded column, numbers of a numeric one; `null` for nulls.
 */
export async function decodeCells(reader: IpcReader, field: ArrowField, place: ColumnPlace, dictionaries: ReadonlyMap<number, unknown[]>): Promise<unknown[]> {
  const n = place.length;
  if (field.dictionary !== undefined) {
    const dict = dictionaries.get(field.dictionary.id);
    if (dict === undefined)
      throw new IpcError(`corrupt Arrow IPC data: no dictionary ${field.dictionary.id} for column ${JSON.stringify(field.name)}`, field.name);
    const valid = await validity(reader, place);
    const codes = integers(await reader.buffer(place.buffers[1]!), field.dictionary.index.bitWidth, field.dictionary.index.signed, n, field.name);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      if (!isValid(valid, i)) out[i] = null;
      else {
        const entry = dict[Number(codes[i]!)];
        if (entry === undefined)
          throw new IpcError(
            `corrupt Arrow IPC data: column ${JSON.stringify(field.name)} refers to dictionary entry ${codes[i]} of ${dict.length}`,
            field.name,
          );
        out[i] = entry;
      }
    }
    return out;
  }
  if (field.type.kind === "utf8") return decodeText(reader, field, place);
  if (isNumeric(field)) return Array.from(await decodeNumbers(reader, field, place), (v) => (Number.isNaN(v) ? null : v));
  throw unsupported(field, "cells");
}

/** The strings of a Utf8 or LargeUtf8 column; equal neighbours share one decoded string. */
async function decodeText(reader: IpcReader, field: ArrowField, place: ColumnPlace): Promise<unknown[]> {
  const n = place.length;
  const valid = await validity(reader, place);
  const large = field.type.kind === "utf8" && field.type.large;
  const offsets = integers(await reader.buffer(place.buffers[1]!), large ? 64 : 32, true, n + 1, field.name);
  const data = await reader.buffer(place.buffers[2]!);
  const out = new Array<unknown>(n);
  let prevStart = -1;
  let prevEnd = -1;
  let prev: string | undefined;
  for (let i = 0; i < n; i++) {
    if (!isValid(valid, i)) {
      out[i] = null;
      continue;
    }
    const a = Number(offsets[i]!);
    const b = Number(offsets[i + 1]!);
    if (a < 0 || b < a || b > data.byteLength)
      throw new IpcError(`corrupt Arrow IPC data: column ${JSON.stringify(field.name)} has a string outside its data`, field.name);
    if (prev !== undefined && b - a === prevEnd - prevStart && sameBytes(data, a, prevStart, b - a)) {
      out[i] = prev;
      continue;
    }
    prev = utf8.decode(data.subarray(a, b));
    prevStart = a;
    prevEnd = b;
    out[i] = prev;
  }
  return out;
}

function sameBytes(data: Uint8Array, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (data[a + k] !== data[b + k]) return false;
  return true;
}

/** The error for a column whose type this reader does not read in the given role. */
export function unsupported(field: ArrowField, role: string): IpcError {
  const type = field.dictionary === undefined ? typeName(field.type) : `Dictionary<${typeName(field.type)}>`;
  return new IpcError(`column ${JSON.stringify(field.name)} has the Arrow type ${type}, which is not read as ${role}`, field.name);
}

/** Decodes the values of a dictionary batch (text or numbers). */
export function dictionaryDecoder(reader: IpcReader): (field: ArrowField, place: ColumnPlace) => Promise<unknown[]> {
  return (field, place) => decodeCells(reader, field, place, new Map());
}
