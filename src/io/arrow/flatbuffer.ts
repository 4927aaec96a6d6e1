/**
 * Reading FlatBuffers tables, the encoding of Arrow IPC metadata: a table starts with a signed
 * offset back to its vtable, whose 16-bit entries give each field's position in the table
 * (0: the field is absent and takes its default). Offsets to tables, strings and vectors are
 * unsigned 32-bit, relative to where they are stored. Every read is bounds-checked: a
 * truncated or corrupt buffer fails with a `RangeError`, which the Arrow reader reports as an
 * input error.
 * @module
 */

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** A FlatBuffers table in a byte view. */
export class FbTable {
  private constructor(
    private readonly view: DataView,
    private readonly pos: number,
    private readonly vtable: number,
    private readonly vtableSize: number,
  ) {}

  /** The table at `pos` of `view`. */
  static at(view: DataView, pos: number): FbTable {
    check(view, pos, 4);
    const vtable = pos - view.getInt32(pos, true);
    check(view, vtable, 4);
    const vtableSize = view.getUint16(vtable, true);
    check(view, vtable, vtableSize);
    return new FbTable(view, pos, vtable, vtableSize);
  }

  /** The root table of a buffer (its first 4 bytes point to it). */
  static root(view: DataView): FbTable {
    check(view, 0, 4);
    return FbTable.at(view, view.getUint32(0, true));
  }

  /** Absolute position of field `i`, or 0 when absent. */
  private field(i: number): number {
    const entry = 4 + 2 * i;
    if (entry + 2 > this.vtableSize) return 0;
    const off = this.view.getUint16(this.vtable + entry, true);
    return off === 0 ? 0 : this.pos + off;
  }

  private target(i: number): number {
    const at = this.field(i);
    if (at === 0) return 0;
    check(this.view, at, 4);
    return at + this.view.getUint32(at, true);
  }

  /** Position of a scalar field of `size` bytes, checked, or 0 when absent. */
  private scalar(i: number, size: number): number {
    const at = this.field(i);
    if (at !== 0) check(this.view, at, size);
    return at;
  }

  uint8(i: number, fallback: number): number {
    const at = this.scalar(i, 1);
    return at === 0 ? fallback : this.view.getUint8(at);
  }

  int16(i: number, fallback: number): number {
    const at = this.scalar(i, 2);
    return at === 0 ? fallback : this.view.getInt16(at, true);
  }

  int32(i: number, fallback: number): number {
    const at = this.scalar(i, 4);
    return at === 0 ? fallback : this.view.getInt32(at, true);
  }

  /** A 64-bit integer field as a number (exact below 2^53; Arrow lengths and offsets are). */
  int64(i: number, fallback: number): number {
    const at = this.scalar(i, 8);
    return at === 0 ? fallback : Number(this.view.getBigInt64(at, true));
  }

  bool(i: number, fallback: boolean): boolean {
    return this.uint8(i, fallback ? 1 : 0) !== 0;
  }

  table(i: number): FbTable | undefined {
    const t = this.target(i);
    return t === 0 ? undefined : FbTable.at(this.view, t);
  }

  string(i: number): string | undefined {
    const t = this.target(i);
    if (t === 0) return undefined;
    check(this.view, t, 4);
    const n = this.view.getUint32(t, true);
    check(this.view, t + 4, n);
    return utf8.decode(new Uint8Array(this.view.buffer, this.view.byteOffset + t + 4, n));
  }

  /** The tables of a vector-of-tables field (empty when absent). */
  tables(i: number): FbTable[] {
    const t = this.target(i);
    if (t === 0) return [];
    const n = this.vectorLength(t, 4);
    const out: FbTable[] = [];
    for (let k = 0; k < n; k++) {
      const at = t + 4 + 4 * k;
      out.push(FbTable.at(this.view, at + this.view.getUint32(at, true)));
    }
    return out;
  }

  /** A vector of structs of `size` bytes each (empty when absent), each read by `read` at its position. */
  structs<T>(i: number, size: number, read: (view: DataView, at: number) => T): T[] {
    const t = this.target(i);
    if (t === 0) return [];
    const n = this.vectorLength(t, size);
    const out: T[] = [];
    for (let k = 0; k < n; k++) out.push(read(this.view, t + 4 + size * k));
    return out;
  }

  private vectorLength(t: number, elementSize: number): number {
    check(this.view, t, 4);
    const n = this.view.getUint32(t, true);
    check(this.view, t + 4, n * elementSize);
    return n;
  }
}

/** Throws a `RangeError` unless `[at, at + length)` lies inside the view. */
function check(view: DataView, at: number, length: number): void {
  if (at < 0 || length < 0 || at + length > view.byteLength) {
    throw new RangeError(`metadata offset ${at} (+${length}) outside the ${view.byteLength} bytes read`);
  }
}
