import { describe, expect, it } from "vitest";
import { MarketReactionError } from "../../../src/index.js";
import { SkipLog } from "../../../src/study/stages/skips.js";

describe("stages/skips: SkipLog", () => {
  it("keeps the skipped pairs in the order they are met, statements not placed with asset null", () => {
    const log = new SkipLog(false);
    log.unplaced("E0", "XNYS", "NON_TRADING_DAY", "a Sunday");
    log.skip("E1", "A", "XNYS", "DATE_OUT_OF_RANGE", "too early");
    log.skipAll(["E2", "E3"], "B", "XTKS", new MarketReactionError("MISSING_RETURNS", "no prices"));
    expect(log.rows).toEqual([
      { event_id: "E0", asset: null, exchange: "XNYS", code: "NON_TRADING_DAY", reason: "a Sunday" },
      { event_id: "E1", asset: "A", exchange: "XNYS", code: "DATE_OUT_OF_RANGE", reason: "too early" },
      { event_id: "E2", asset: "B", exchange: "XTKS", code: "MISSING_RETURNS", reason: "no prices" },
      { event_id: "E3", asset: "B", exchange: "XTKS", code: "MISSING_RETURNS", reason: "no prices" },
    ]);
  });

  it("throws under strict: the cause itself when it is a MarketReactionError, else an error with the code and the pair", () => {
    const log = new SkipLog(true);
    const cause = new MarketReactionError("SINGULAR_DESIGN", "collinear");
    expect(() => log.skip("E1", "A", "XNYS", cause.code, cause.message, cause)).toThrow(cause);
    try {
      log.skip("E2", "B", "XNYS", "MISSING_RETURNS", "returns missing");
      expect.unreachable();
    } catch (error) {
      expect((error as MarketReactionError).code).toBe("MISSING_RETURNS");
      expect((error as Error).message).toBe("event E2, asset B: returns missing");
    }
    expect(log.rows).toEqual([]);
  });
});
