/**
 * Issue 17, class 6: every exported function of `market-reaction` and `market-reaction/node`
 * returns (or resolves) or throws (or rejects with) a MarketReactionError for arbitrary
 * JSON-like arguments (exports-property.ts says which shapes): 40 seeded fast-check cases per
 * function, no exception. A new export that fails here checks its arguments at its boundary.
 */
import { describe, expect, it } from "vitest";
import { callOutcome, exportedFunctions, exportProperty } from "./exports-property.js";

const RUNS = 40;
const SEED = 17;

describe("every export: a value or a MarketReactionError for JSON-like arguments", () => {
  const all = exportedFunctions();
  it("covers both entry points", () => {
    expect(all.filter((e) => e.module === "market-reaction").length).toBeGreaterThan(150);
    expect(all.filter((e) => e.module === "market-reaction/node").map((e) => e.name)).toContain("readSeriesFile");
  });
  it("the property can fail: a function that throws a TypeError is caught", async () => {
    const broken = { module: "market-reaction" as const, name: "broken", fn: (x: unknown) => (x as { a: { b: number } }).a.b, isClass: false };
    expect(await callOutcome(broken, [{}])).toMatch(/^TypeError/);
    const failure = await exportProperty(broken, RUNS, SEED).then(
      () => undefined,
      (error: { cause?: Error }) => error.cause?.message,
    );
    expect(failure).toMatch(/broken\(.*threw TypeError/);
  });
  for (const e of all) {
    it(`${e.module} ${e.name}`, async () => {
      let failure: unknown;
      try {
        await exportProperty(e, RUNS, SEED);
      } catch (error) {
        failure = error;
      }
      const cause = (failure as { cause?: unknown } | undefined)?.cause;
      expect(failure === undefined ? "ok" : String(cause instanceof Error ? cause.message : failure)).toBe("ok");
    });
  }
});
