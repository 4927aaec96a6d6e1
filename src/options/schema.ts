/**
 * Building blocks of the option schemas, and the one place where a schema's first problem
 * becomes an `INVALID_OPTION` error naming the option path, the value received and what is
 * allowed. Every schema built here carries its "expected …" text as its zod error message, so
 * the message is written once, next to the rule it describes.
 * @module
 */
import * as z from "zod";
import { invalidOption } from "../errors.js";

/**
 * `"a", "b" or "c"`: a list of allowed values for a message.
 * @example
 * ```ts
 * allowedList(["simple", "log"]); // => '"simple" or "log"'
 * allowedList(["none", "holm", "bh"]); // => '"none", "holm" or "bh"'
 * ```
 */
export function allowedList(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length < 2 ? (quoted[0] ?? "nothing") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** One of `values`; the message lists them. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: allowedList(values) });
}

/** An integer from `min` to `max`; `expected` says so in the message. */
export function integer(min: number, max: number, expected: string) {
  return z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
}

/** A finite number above zero. */
export function positiveNumber(expected: string) {
  return z.number({ error: expected }).positive({ error: expected }).finite({ error: expected });
}

/** `true` or `false`. */
export function flag() {
  return z.boolean({ error: "true or false" });
}

/** A value checked by a predicate (data objects the schemas do not copy: series, calendars, callbacks). */
export function accepted<T>(isValid: (value: unknown) => boolean, expected: string) {
  return z.custom<T>(isValid, { error: expected });
}

/**
 * A strict options object: an unknown key is an error listing the known ones (a typo is the
 * usual cause), anything but an object is "an options object" (or `expected`).
 */
export function optionsObject<const S extends z.ZodRawShape>(shape: S, expected = "an options object") {
  const known = `a known option (${Object.keys(shape).join(", ")})`;
  return z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? known : expected) }).readonly();
}

type Issue = z.core.$ZodIssue;

/**
 * The issue to report: inside a union, the issue of the alternative whose type matched (so
 * `tests: ["bmp", "t_test"]` names `tests[1]`, not the union); else the issue itself.
 */
function innermost(issue: Issue, base: readonly PropertyKey[]): { issue: Issue; path: PropertyKey[] } {
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union") {
    for (const branch of issue.errors) {
      // an alternative whose type or literal did not match says nothing about the value
      const inner = branch.find((i) => !(i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")));
      if (inner !== undefined) return innermost(inner, path);
    }
  }
  return { issue, path };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * A copy of the plain objects of `value` without their `undefined` entries: an option given as
 * `undefined` is an option not given (as `options.x ?? default` reads it). Arrays and other
 * objects are kept as they are.
 */
function withoutUndefined(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = withoutUndefined(v);
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function pathText(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? String(key) : `.${String(key)}`;
  return text === "" ? "options" : text;
}

/**
 * Checks `value` against an option schema and returns it unchanged (typed as the schema's
 * input: defaults are applied by the caller, so the caller's objects are never copied). An
 * option set to `undefined` counts as not given.
 * An unknown key is reported first, else the first problem in the schema's order.
 *
 * @param prefix the option path of `value` in messages (e.g. `placebo` gives `placebo.draws`).
 * @throws INVALID_OPTION `invalid <path>: <value>; expected <allowed>`.
 * @example
 * ```ts
 * const schema = optionsObject({ draws: integer(1, 100, "an integer from 1 to 100").exactOptional() });
 * checkOptions(schema, { draws: 5 }); // => { draws: 5 }
 * const r = toSafe(() => checkOptions(schema, { draws: 0 }, "placebo"));
 * if (!r.success) r.error.message; // => "invalid placebo.draws: 0; expected an integer from 1 to 100"
 * ```
 */
export function checkOptions<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.input<S> {
  const result = schema.safeParse(withoutUndefined(value));
  if (result.success) return value as z.input<S>;
  const issues = result.error.issues;
  const first = innermost(issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!, []);
  const { issue } = first;
  const path = issue.code === "unrecognized_keys" ? [...first.path, issue.keys[0]!] : first.path;
  return invalidOption(pathText(prefix, path), valueAt(value, path), issue.message);
}

/**
 * A window `[a, b]` of integer offsets with a ≤ b.
 * @param expected what the message says a window is.
 */
export function offsetWindow(expected = "[a, b] with integers a ≤ b (offsets in sessions relative to day 0)") {
  return z.custom<readonly [number, number]>((w) => Array.isArray(w) && w.length === 2 && Number.isInteger(w[0]) && Number.isInteger(w[1]) && w[0] <= w[1], {
    error: expected,
  });
}

/** The type a schema accepts (its zod input type), for the compile-time checks outside `src/options`. */
export type OptionsInput<S extends z.ZodType> = z.input<S>;

/** True when `A` and `B` are the same type (a compile-time check that a schema and an interface agree). */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`. */
export type Assert<T extends true> = T;
