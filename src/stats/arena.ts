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

let f64 = new ArrayBuffer(0);
let f64At = 0;
let i32 = new ArrayBuffer(0);
let i32At = 0;

/** A zero-filled Float64Array of n entries (a view on a shared chunk when n is small). @internal */
export function float64s(n: number): Float64Array {
  if (n > LARGEST) return new Float64Array(n);
  if (f64At + n * 8 > f64.byteLength) {
    f64 = new ArrayBuffer(CHUNK * 8);
    f64At = 0;
  }
  const view = new Float64Array(f64, f64At, n);
  f64At += n * 8;
  return view;
}

/** A zero-filled Int32Array of n entries (a view on a shared chunk when n is small). @internal */
export function int32s(n: number): Int32Array {
  if (n > LARGEST) return new Int32Array(n);
  if (i32At + n * 4 > i32.byteLength) {
    i32 = new ArrayBuffer(CHUNK * 4);
    i32At = 0;
  }
  const view = new Int32Array(i32, i32At, n);
  i32At += n * 4;
  return view;
}
