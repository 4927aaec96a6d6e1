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
