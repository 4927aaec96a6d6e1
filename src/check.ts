/**
 * Argument checks at the boundary of public functions: a wrong argument becomes an
 * `INVALID_OPTION` MarketReactionError naming the function and the argument, never a
 * TypeError from deep inside.
 * @module
 */
import { invalidOption } from "./errors.js";

/** Throws unless `value` is a string. */
export function checkString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== "string") invalidOption(`${fn}: ${name}`, describe(value), "a string");
}

/** Throws unless `value` is a non-null object (arrays included). */
export function checkObject(fn: string, name: string, value: unknown): asserts value is object {
  if (typeof value !== "object" || value === null) invalidOption(`${fn}: ${name}`, describe(value), "an object");
}

/** Throws unless `value` is an array. */
export function checkArray(fn: string, name: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) invalidOption(`${fn}: ${name}`, describe(value), "an array");
}

/** Throws unless `value` is an array or a typed array of numbers. */
export function checkNumbers(fn: string, name: string, value: unknown): asserts value is ArrayLike<number> {
  const ok =
    (Array.isArray(value) && value.every((v) => typeof v === "number")) ||
    value instanceof Float64Array ||
    value instanceof Float32Array ||
    value instanceof Int32Array;
  if (!ok) invalidOption(`${fn}: ${name}`, describe(value), "an array of numbers");
}

/** Throws unless `value` is an integer in `[min, max]`. */
export function checkInteger(fn: string, name: string, value: unknown, min: number, max: number): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    invalidOption(`${fn}: ${name}`, describe(value), `an integer from ${min} to ${max}`);
}

/** Throws unless `value` is a finite number. */
export function checkFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) invalidOption(`${fn}: ${name}`, describe(value), "a finite number");
}

/** Throws unless `value` is `undefined` or an object (an options argument). */
export function checkOptions(fn: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null)) invalidOption(`${fn}: options`, describe(value), "an options object");
}

/** A short description of a value for a message (never its whole content). */
function describe(value: unknown): unknown {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "string" && value.length > 60) return `${value.slice(0, 60)}… (${value.length} characters)`;
  return value;
}

/** What a field of a checked object must hold (a trailing `?`: or be `undefined`). */
export type FieldKind = "string" | "number" | "finite" | "integer" | "boolean" | "numbers" | "array" | "object" | "function";

/** The fields a public function reads from an object argument, each with its kind. */
export type Shape = Readonly<Record<string, FieldKind | `${FieldKind}?`>>;

const FIELD_TEST: Readonly<Record<FieldKind, [(v: unknown) => boolean, string]>> = {
  string: [(v) => typeof v === "string", "a string"],
  number: [(v) => typeof v === "number", "a number"],
  finite: [(v) => typeof v === "number" && Number.isFinite(v), "a finite number"],
  integer: [(v) => typeof v === "number" && Number.isInteger(v), "an integer"],
  boolean: [(v) => typeof v === "boolean", "true or false"],
  numbers: [isNumbers, "an array of numbers"],
  array: [(v) => Array.isArray(v), "an array"],
  object: [(v) => typeof v === "object" && v !== null, "an object"],
  function: [(v) => typeof v === "function", "a function"],
};

/** True for an array of numbers or a typed array (the `ArrayLike<number>` inputs of the API). */
export function isNumbers(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView) && typeof (value as { length?: unknown }).length === "number";
  return Array.isArray(value) && value.every((v) => typeof v === "number");
}

/**
 * Throws unless `value` is an object whose fields have the kinds of `shape` (only the fields a
 * function reads: a check at the boundary, once per call, never per element of a kernel).
 *
 * @example
 * const r = toSafe(() => checkShape("carTTest", "car", { car: 1 }, { car: "finite", variance: "finite" }));
 * if (!r.success) r.error.message; // => "invalid carTTest: car.variance: undefined; expected a finite number"
 */
export function checkShape(fn: string, name: string, value: unknown, shape: Shape): void {
  checkFields(fn, name, -1, value, shape);
}

/** Throws unless `value` is an array whose elements all have the fields of `shape`. */
export function checkArrayOf(fn: string, name: string, value: unknown, shape: Shape): void {
  checkArray(fn, name, value);
  for (let i = 0; i < value.length; i++) checkFields(fn, name, i, value[i], shape);
}

/** Every field kind, plain and with `?`, with its test, its description and whether it is optional. */
type KindTest = readonly [(v: unknown) => boolean, string, boolean];
const KIND_TEST: ReadonlyMap<string, KindTest> = new Map(
  Object.entries(FIELD_TEST).flatMap(([kind, [test, expected]]): [string, KindTest][] => [
    [kind, [test, expected, false]],
    [`${kind}?`, [test, expected, true]],
  ]),
);

/** {@link checkShape} of `value`, named `name` (index −1) or `name[index]`; the name is built only for a message. */
function checkFields(fn: string, name: string, index: number, value: unknown, shape: Shape): void {
  if (typeof value !== "object" || value === null) checkObject(fn, labelOf(name, index), value);
  for (const key in shape) {
    const [test, expected, optional] = KIND_TEST.get(shape[key]!)!;
    const field = (value as Record<string, unknown>)[key];
    if (optional && field === undefined) continue;
    if (!test(field)) invalidOption(`${fn}: ${labelOf(name, index)}.${key}`, describe(field), expected);
  }
}

function labelOf(name: string, index: number): string {
  return index < 0 ? name : `${name}[${index}]`;
}

/** Throws unless `value` is a number (`NaN` and infinities included: the function decides what they mean). */
export function checkNumber(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number") invalidOption(`${fn}: ${name}`, describe(value), "a number");
}

/** Throws unless `value` is a window `[from, to]` of two integer offsets with `from <= to`. */
export function checkWindowArg(fn: string, name: string, value: unknown): asserts value is readonly [number, number] {
  const ok = Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && Number.isInteger(value[1]) && value[0] <= value[1];
  if (!ok) invalidOption(`${fn}: ${name}`, describe(value), "a window [from, to] of two integer offsets, from <= to");
}
