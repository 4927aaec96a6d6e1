/**
 * Issue 17, class 6: every exported function of `market-reaction` and `market-reaction/node`
 * either returns (or resolves) or throws (or rejects with) a MarketReactionError, for arbitrary
 * JSON-like arguments: never a TypeError, RangeError or stack overflow from a bad argument.
 * Classes are called with `new`. Seeded fast-check (so a run is repeatable), a bounded number of
 * cases per function.
 */
import fc from "fast-check";
import * as core from "market-reaction";
import * as node from "market-reaction/node";

/** Objects whose own keys are the names JavaScript gives special meaning to (JSON.parse makes them own keys). */
const prototypeKeys: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__": {"length": 5}, "constructor": 1, "toString": "x", "valueOf": null}'),
  JSON.parse('{"__proto__": [1, 2], "length": 3, "0": "a"}'),
  JSON.parse('{"hasOwnProperty": 1, "then": "x", "prototype": {}}'),
);

/** Typed arrays of any numbers (the day and value arrays of the API), NaN and infinities included. */
const typedArrays: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.double(), { maxLength: 8 }).map((a) => Float64Array.from(a)),
  fc.array(fc.integer({ min: 19000, max: 21000 }), { maxLength: 8 }).map((a) => Int32Array.from(a)),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }).map((a) => Uint8Array.from(a)),
);

/**
 * JSON values, plus `undefined`, non-finite and huge numbers, numbers written as strings, number
 * arrays and typed arrays, nested arrays and objects with prototype keys (the shapes the API takes,
 * and the ones a caller gets wrong).
 */
export const jsonLike: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 3 },
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    0.5,
    1e9,
    -1e9,
    2 ** 31,
    1e308,
    Number.MAX_SAFE_INTEGER,
    "",
    "1",
    "NaN",
    "-0.5",
    "2025-04-09",
    "America/New_York",
    "XNYS",
  ),
  fc.array(fc.double(), { maxLength: 8 }),
  fc.array(fc.integer({ min: 19000, max: 21000 }), { maxLength: 8 }),
  fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 4 })), { maxLength: 6 }),
  fc.array(fc.array(fc.double(), { maxLength: 4 }), { maxLength: 4 }),
  typedArrays,
  prototypeKeys,
);

export interface Exported {
  readonly module: "market-reaction" | "market-reaction/node";
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown;
  readonly isClass: boolean;
}

/** Every exported function and class of both entry points. */
export function exportedFunctions(): Exported[] {
  const out: Exported[] = [];
  for (const [module, mod] of [
    ["market-reaction", core],
    ["market-reaction/node", node],
  ] as const) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      out.push({ module, name, fn: value as (...args: unknown[]) => unknown, isClass: /^class\b/.test(Function.prototype.toString.call(value)) });
    }
  }
  return out;
}

/** What a call did: "ok", "library error", or the description of anything else thrown. */
export async function callOutcome(e: Exported, args: readonly unknown[]): Promise<string> {
  try {
    const value = e.isClass ? new (e.fn as unknown as new (...a: unknown[]) => unknown)(...args) : e.fn(...args);
    if (value instanceof Promise) await value;
    else if (value !== null && typeof value === "object" && typeof (value as { next?: unknown }).next === "function" && Symbol.iterator in value) {
      // generators (csvChunks, jsonChunks, study.toJSONChunks): their work happens when read
      let n = 0;
      for (const _ of value as Iterable<unknown>) if (++n > 10_000) break;
    }
    return "ok";
  } catch (error) {
    if (core.isMarketReactionError(error)) return "library error";
    return error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : `thrown ${typeof error}`;
  }
}

/** The property for one function: `numRuns` argument lists of up to four JSON-like values. */
export async function exportProperty(e: Exported, numRuns: number, seed: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(jsonLike, { maxLength: 4 }), async (args) => {
      const what = await callOutcome(e, args);
      if (what !== "ok" && what !== "library error")
        throw new Error(
          `${e.module} ${e.name}(${args
            .map((a) => JSON.stringify(a) ?? String(a))
            .join(", ")
            .slice(0, 300)}) threw ${what}`,
        );
    }),
    { numRuns, seed, endOnFailure: true },
  );
}
