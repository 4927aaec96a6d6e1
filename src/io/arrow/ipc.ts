/**
 * A small reader of the Apache Arrow IPC format (file and stream) for the flat columns of
 * price panels: the schema, dictionary batches and record batches, each column decoded on
 * demand from its own byte ranges (so a wide panel is never in memory whole).
 *
 * Layout: a stream is a sequence of messages, each an optional continuation marker
 * (`0xFFFFFFFF`), a 32-bit metadata length, a FlatBuffers `Message` (Schema, DictionaryBatch or
 * RecordBatch) and a body; a zero length ends it. A file is `ARROW1`, two bytes of padding, the
 * same stream, a footer and `ARROW1` again: it is read as its stream. Only little-endian,
 * uncompressed bodies are read; LZ4 or ZSTD bodies fail with a clear error.
 * @module
 */
import { FbTable } from "./flatbuffer.js";

/** The byte ranges the reader asks for: the whole input in memory, or a file read by ranges. */
export interface IpcSource {
  readonly byteLength: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** The type of an Arrow field, as far as this reader needs it. */
export type ArrowType =
  | { readonly kind: "int"; readonly bitWidth: number; readonly signed: boolean }
  | { readonly kind: "float"; readonly precision: "half" | "single" | "double" }
  | { readonly kind: "utf8" | "binary"; readonly large: boolean }
  | { readonly kind: "date"; readonly unit: "day" | "millisecond" }
  | { readonly kind: "timestamp"; readonly unit: "second" | "millisecond" | "microsecond" | "nanosecond" }
  | { readonly kind: "bool" }
  | { readonly kind: "other"; readonly name: string; readonly buffers: number | undefined };

/** One field of a schema (nested fields only to step over their buffers). */
export interface ArrowField {
  readonly name: string;
  readonly type: ArrowType;
  /** The dictionary of a dictionary-encoded field: its id and the type of its indices. */
  readonly dictionary?: { readonly id: number; readonly index: { readonly bitWidth: number; readonly signed: boolean } };
  readonly children: readonly ArrowField[];
}

/** A problem with the bytes: the caller turns it into an input error naming the file. */
export class IpcError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** The buffers and node of one top-level column in a record batch, and where the body starts. */
export interface ColumnPlace {
  readonly length: number;
  readonly nullCount: number;
  /** `[offset, length]` of each of the column's buffers, relative to the start of the file. */
  readonly buffers: readonly (readonly [number, number])[];
}

/** A record batch: its row count and the place of each top-level column. */
export interface RecordBatchPlaces {
  readonly length: number;
  readonly columns: readonly ColumnPlace[];
}

/** A message of the stream: its header and where its body lies. */
interface Message {
  readonly type: number;
  readonly header: FbTable;
  readonly bodyStart: number;
  readonly bodyLength: number;
}

const MESSAGE_SCHEMA = 1;
const MESSAGE_DICTIONARY = 2;
const MESSAGE_RECORD_BATCH = 3;
const MAGIC = [65, 82, 82, 79, 87, 49]; // "ARROW1"
const TYPE_NAMES = [
  "NONE",
  "Null",
  "Int",
  "FloatingPoint",
  "Binary",
  "Utf8",
  "Bool",
  "Decimal",
  "Date",
  "Time",
  "Timestamp",
  "Interval",
  "List",
  "Struct",
  "Union",
  "FixedSizeBinary",
  "FixedSizeList",
  "Map",
  "Duration",
  "LargeBinary",
  "LargeUtf8",
  "LargeList",
  "RunEndEncoded",
  "BinaryView",
  "Utf8View",
  "ListView",
  "LargeListView",
];
/** Buffers of each fixed-layout type (by type id) besides those of its children; undefined: not countable. */
const TYPE_BUFFERS: (number | undefined)[] = [0, 0, 2, 2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, undefined, 2, 1, 2, 2, 3, 3, 2, 0, undefined, undefined, 3, 3];

/** A short name of a type for messages (`Int64`, `Utf8`, `Timestamp[ms]`, `Decimal`). */
export function typeName(t: ArrowType): string {
  switch (t.kind) {
    case "int":
      return `${t.signed ? "Int" : "UInt"}${t.bitWidth}`;
    case "float":
      return t.precision === "half" ? "Float16" : t.precision === "single" ? "Float32" : "Float64";
    case "utf8":
      return t.large ? "LargeUtf8" : "Utf8";
    case "binary":
      return t.large ? "LargeBinary" : "Binary";
    case "date":
      return t.unit === "day" ? "Date32" : "Date64";
    case "timestamp":
      return `Timestamp[${t.unit}]`;
    case "bool":
      return "Bool";
    case "other":
      return t.name;
  }
}

function readType(field: FbTable): ArrowType {
  const id = field.uint8(2, 0);
  const t = field.table(3);
  switch (id) {
    case 2:
      return { kind: "int", bitWidth: t?.int32(0, 0) ?? 0, signed: t?.bool(1, false) ?? false };
    case 3: {
      const p = t?.int16(0, 0) ?? 0;
      return { kind: "float", precision: p === 0 ? "half" : p === 1 ? "single" : "double" };
    }
    case 4:
    case 19:
      return { kind: "binary", large: id === 19 };
    case 5:
    case 20:
      return { kind: "utf8", large: id === 20 };
    case 6:
      return { kind: "bool" };
    case 8:
      return { kind: "date", unit: (t?.int16(0, 1) ?? 1) === 0 ? "day" : "millisecond" };
    case 10: {
      const u = t?.int16(0, 0) ?? 0;
      return { kind: "timestamp", unit: u === 0 ? "second" : u === 1 ? "millisecond" : u === 2 ? "microsecond" : "nanosecond" };
    }
    default:
      return { kind: "other", name: TYPE_NAMES[id] ?? `type ${id}`, buffers: TYPE_BUFFERS[id] };
  }
}

function readField(field: FbTable): ArrowField {
  const dict = field.table(4);
  const index = dict?.table(1);
  return {
    name: field.string(0) ?? "",
    type: readType(field),
    ...(dict === undefined
      ? {}
      : { dictionary: { id: dict.int64(0, 0), index: { bitWidth: index?.int32(0, 32) ?? 32, signed: index?.bool(1, true) ?? true } } }),
    children: field.tables(5).map(readField),
  };
}

/** The number of field nodes and buffers a field takes in a record batch (children included). */
function extent(field: ArrowField): { nodes: number; buffers: number } {
  let buffers: number | undefined;
  if (field.dictionary !== undefined) buffers = 2;
  else if (field.type.kind === "other") buffers = field.type.buffers;
  else buffers = field.type.kind === "utf8" || field.type.kind === "binary" ? 3 : 2;
  if (buffers === undefined) {
    throw new IpcError(
      `column ${JSON.stringify(field.name)} has the Arrow type ${typeName(field.type)}, whose buffers this reader cannot step over`,
      field.name,
    );
  }
  let nodes = 1;
  for (const c of field.children) {
    const e = extent(c);
    nodes += e.nodes;
    buffers += e.buffers;
  }
  return { nodes, buffers };
}

/** An open Arrow IPC input: its schema, then its dictionaries and record batches in order. */
export class IpcReader {
  /** The messages of a file, by the byte offsets its footer lists (dictionaries first); unused for a stream. */
  private blocks: number[] | undefined;
  /** The next message of a stream (or next block of a file). */
  private next = 0;
  private fieldList: readonly ArrowField[] = [];

  private constructor(
    private readonly source: IpcSource,
    private readonly end: number,
  ) {}

  /** The top-level fields of the schema. */
  get fields(): readonly ArrowField[] {
    return this.fieldList;
  }

  /**
   * Opens a file (`ARROW1` magic: the schema and the message offsets come from its footer) or
   * a stream (the first message is the schema).
   */
  static async open(source: IpcSource): Promise<IpcReader> {
    const n = source.byteLength;
    const head = await source.read(0, Math.min(8, n));
    if (MAGIC.every((b, i) => head[i] === b)) return IpcReader.openFile(source);
    // a stream starts with the continuation marker, or (before Arrow 0.15) with a length that fits in the data
    const lead = n >= 8 ? new DataView(head.buffer, head.byteOffset, 4).getInt32(0, true) : 0;
    if (!(lead === -1 || (lead > 0 && lead <= n - 4))) {
      throw new IpcError("not an Arrow IPC file or stream (no ARROW1 magic, no message at the start)");
    }
    const reader = new IpcReader(source, n);
    const first = await reader.message();
    if (first === undefined || first.type !== MESSAGE_SCHEMA) throw new IpcError("not an Arrow IPC file or stream (the first message is not a schema)");
    reader.fieldList = schemaFields(first.header);
    return reader;
  }

  private static async openFile(source: IpcSource): Promise<IpcReader> {
    const n = source.byteLength;
    const tail = n >= 18 ? await source.read(n - 10, n) : new Uint8Array(0);
    if (tail.byteLength < 10 || !MAGIC.every((b, i) => tail[4 + i] === b)) {
      throw new IpcError(`truncated Arrow IPC file: it starts with ARROW1 but does not end with it (${n} bytes)`);
    }
    const size = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
    if (size <= 0 || size > n - 18) throw new IpcError(`corrupt Arrow IPC file: footer of ${size} bytes in a file of ${n}`);
    const bytes = await source.read(n - 10 - size, n - 10);
    const footer = FbTable.root(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const schema = footer.table(1);
    if (schema === undefined) throw new IpcError("corrupt Arrow IPC file: its footer has no schema");
    const reader = new IpcReader(source, n - 10 - size);
    reader.fieldList = schemaFields(schema);
    const offset = (v: DataView, at: number): number => Number(v.getBigInt64(at, true));
    reader.blocks = [...footer.structs(2, 24, offset), ...footer.structs(3, 24, offset)];
    return reader;
  }

  /** The next message, or `undefined` at the end of the stream (or of the file's blocks). */
  private async message(): Promise<Message | undefined> {
    if (this.blocks !== undefined) {
      const at = this.blocks[this.next++];
      return at === undefined ? undefined : this.messageAt(at);
    }
    if (this.next >= this.end) return undefined;
    const m = await this.messageAt(this.next);
    this.next = m === undefined ? this.end : m.bodyStart + m.bodyLength;
    return m;
  }

  /** The message at byte `at` (`undefined` for the end-of-stream marker). */
  private async messageAt(at: number): Promise<Message | undefined> {
    const prefix = await this.readChecked(at, Math.min(at + 8, this.end), "message length");
    if (prefix.byteLength < 4) throw new IpcError(`truncated Arrow IPC data: message length at byte ${at} cut short`);
    const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
    let metaStart = at + 4;
    let length = view.getInt32(0, true);
    if (length === -1) {
      if (prefix.byteLength < 8) throw new IpcError(`truncated Arrow IPC data: message length at byte ${at + 4} missing`);
      length = view.getInt32(4, true);
      metaStart = at + 8;
    }
    if (length === 0) return undefined;
    if (length < 0) throw new IpcError(`corrupt Arrow IPC data: message length ${length} at byte ${at}`);
    const meta = await this.readChecked(metaStart, metaStart + length, "message");
    const msg = FbTable.root(new DataView(meta.buffer, meta.byteOffset, meta.byteLength));
    const type = msg.uint8(1, 0);
    const header = msg.table(2);
    if (header === undefined) throw new IpcError(`corrupt Arrow IPC data: message at byte ${at} has no header`);
    const bodyStart = metaStart + length;
    const bodyLength = msg.int64(3, 0);
    if (bodyLength < 0 || bodyStart + bodyLength > this.end) {
      throw new IpcError(
        `truncated Arrow IPC data: the message at byte ${at} needs ${bodyLength} body bytes from byte ${bodyStart}, the data ends at ${this.end}`,
      );
    }
    return { type, header, bodyStart, bodyLength };
  }

  private async readChecked(start: number, end: number, what: string): Promise<Uint8Array> {
    if (end > this.end || end < start) throw new IpcError(`truncated Arrow IPC data: the ${what} at byte ${start} ends past the data (${this.end} bytes)`);
    return this.source.read(start, end);
  }

  /**
   * The next record batch (dictionary batches before it are read into `dictionaries`), or
   * `undefined` at the end.
   */
  async nextBatch(
    dictionaries: Map<number, unknown[]>,
    decodeDictionary: (field: ArrowField, place: ColumnPlace) => Promise<unknown[]>,
  ): Promise<RecordBatchPlaces | undefined> {
    for (;;) {
      const m = await this.message();
      if (m === undefined) return undefined;
      if (m.type === MESSAGE_RECORD_BATCH) return this.places(m.header, m.bodyStart, this.fieldList);
      if (m.type !== MESSAGE_DICTIONARY) continue;
      const id = m.header.int64(0, 0);
      const data = m.header.table(1);
      const field = findDictionaryField(this.fieldList, id);
      if (data === undefined || field === undefined) throw new IpcError(`corrupt Arrow IPC data: dictionary batch ${id} without data or field`);
      const valueField: ArrowField = { name: field.name, type: field.type, children: field.children };
      const batch = this.places(data, m.bodyStart, [valueField]);
      const values = await decodeDictionary(valueField, batch.columns[0]!);
      const isDelta = m.header.bool(2, false);
      dictionaries.set(id, isDelta ? [...(dictionaries.get(id) ?? []), ...values] : values);
    }
  }

  /** Where each top-level column of a record batch lies (absolute byte ranges of its buffers). */
  private places(batch: FbTable, bodyStart: number, fields: readonly ArrowField[]): RecordBatchPlaces {
    const compression = batch.table(3);
    if (compression !== undefined) {
      const codec = compression.uint8(0, 0) === 0 ? "LZ4_FRAME" : "ZSTD";
      throw new IpcError(
        `the Arrow record batches are compressed (${codec}); only uncompressed Arrow IPC is read: write it without compression (pyarrow: compression=None or "uncompressed")`,
      );
    }
    const length = batch.int64(0, 0);
    const nodes = batch.structs(1, 16, (v, at) => [Number(v.getBigInt64(at, true)), Number(v.getBigInt64(at + 8, true))] as const);
    const buffers = batch.structs(2, 16, (v, at) => [bodyStart + Number(v.getBigInt64(at, true)), Number(v.getBigInt64(at + 8, true))] as const);
    const columns: ColumnPlace[] = [];
    let node = 0;
    let buffer = 0;
    for (const f of fields) {
      const e = extent(f);
      const n = nodes[node];
      if (n === undefined || buffer + e.buffers > buffers.length)
        throw new IpcError(`corrupt Arrow IPC data: record batch lacks the buffers of column ${JSON.stringify(f.name)}`, f.name);
      columns.push({ length: n[0], nullCount: n[1], buffers: buffers.slice(buffer, buffer + e.buffers) });
      node += e.nodes;
      buffer += e.buffers;
    }
    return { length, columns };
  }

  /** The bytes of a buffer of a column (an empty array for an absent buffer). */
  async buffer(place: readonly [number, number]): Promise<Uint8Array> {
    const [start, length] = place;
    if (length === 0) return new Uint8Array(0);
    return this.readChecked(start, start + length, "buffer");
  }
}

/** The top-level fields of a Schema table (little-endian data only). */
function schemaFields(schema: FbTable): ArrowField[] {
  if (schema.int16(0, 0) !== 0) throw new IpcError("big-endian Arrow data is not supported");
  return schema.tables(1).map(readField);
}

function findDictionaryField(fields: readonly ArrowField[], id: number): ArrowField | undefined {
  for (const f of fields) {
    if (f.dictionary?.id === id) return f;
    const inner = findDictionaryField(f.children, id);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
