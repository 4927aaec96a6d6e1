/**
 * `present({ a, b })`: the entries of an options object that are not `undefined`. The library's
 * option types are exact (an option is absent or has a value, never `undefined`), so an options
 * object built from values that may be missing goes through this instead of one
 * conditional spread per option.
 * @module
 */

/** `T` with every entry optional and never `undefined`. */
export type Present<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * The entries of `o` whose value is not `undefined` (a new object; `o` is not changed).
 * @example
 * ```ts
 * present({ seed: 1, draws: undefined }); // => { seed: 1 }
 * ```
 */
export function present<T extends object>(o: T): Present<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (value !== undefined) out[key] = value;
  return out as Present<T>;
}
