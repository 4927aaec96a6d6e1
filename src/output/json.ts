/**
 * JSON text for results: two-space indentation, a final newline, and `null` for every
 * non-finite number (`NaN` marks missing values inside the library; JSON has no NaN).
 * `JSON.stringify` keeps insertion order, so the same result always gives the same bytes.
 *
 * @example
 * formatJson({ car: Number.NaN, n: 3 }); // => '{\n  "car": null,\n  "n": 3\n}\n'
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}
