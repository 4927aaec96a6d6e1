/**
 * Small typed arrays carved out of shared chunks. A study makes a dozen short arrays per pair
 * (abnormal returns, their variances, predictions, estimation residuals); each `new
 * Float64Array(n)` of more than a few elements is a separate allocation outside the JavaScript
 * heap, several times dearer than a view on a chunk allocated once for hundreds of them.
 *
 * A view is zero-filled and never handed out twice, exactly like a fresh array; it keeps its
 * chunk (at most 128 KiB) alive while it lives. Its `buffer` is the chunk: read a view through
 * its `byteOffset` and `length`, as every reader in the library does.
 * @module
 */

/** Entries per chunk (128 KiB of float64). */
const CHUNK = 1 << 14;
/** Arrays longer than this are allocated on their own. */
const LARGEST = CHUNK >> 3;

/** A typed-array constructor: `new (n)` and `new (buffer, byteOffset, n)`. */
interface TypedArrayKind<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (n: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, n: number): T;
}

/** Views of one element type, cut from the current chunk in order. */
class Chunks<T> {
  private buffer = new ArrayBuffer(0);
  private at = 0;
  constructor(private readonly kind: TypedArrayKind<T>) {}

  take(n: number): T {
    if (n > LARGEST) return new this.kind(n);
    const bytes = n * this.kind.BYTES_PER_ELEMENT;
    if (this.at + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(CHUNK * this.kind.BYTES_PER_ELEMENT);
      this.at = 0;
    }
    const view = new this.kind(this.buffer, this.at, n);
    this.at += bytes;
    return view;
  }
}

const F64 = new Chunks(Float64Array);

/** A zero-filled Float64Array of n entries (a view on a shared chunk when n is small). @internal */
export function float64s(n: number): Float64Array {
  return F64.take(n);
}
