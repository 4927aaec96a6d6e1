import { describe, expect, it } from "vitest";
import { isMarketReactionError } from "../../../src/index.js";
import type { EventStudyOptions } from "../../../src/study/options.js";
import { studyInputs } from "../../../src/study/stages/inputs.js";
import { asset, market, resolved, statement, statements } from "./helpers.js";

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return isMarketReactionError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return undefined;
};

describe("stages/inputs: studyInputs", () => {
  it("takes a market named by id out of the assets and counts the pairs (statements with an asset apply to it only)", () => {
    const options = {
      assets: { series: [asset("A", 1), market, asset("B", 2)] },
      market: "MKT",
      events: [...statements, statement("X", "2025-04-10T10:00", { asset: "B" })],
    } as EventStudyOptions;
    const inputs = studyInputs(options, resolved(options));
    expect(inputs.assets.map((a) => a.id)).toEqual(["A", "B"]);
    expect(inputs.market).toBe(market);
    expect(inputs.pairBound).toBe(2 * 3 + 1);
  });

  it("refuses duplicate asset ids, a missing benchmark, a placebo over several series", () => {
    const two = [asset("A", 1), asset("A", 2)];
    expect(codeOf(() => studyInputs({ assets: two, market, events: statements }, resolved()))).toMatch(/^INVALID_OPTION: .*assets.*distinct ids/);
    expect(codeOf(() => studyInputs({ assets: [asset("A", 1)], events: statements }, resolved({ model: "market" })))).toMatch(
      /^INVALID_OPTION: .*market.*benchmark series for the market model/,
    );
    const placebo = { assets: [asset("A", 1), asset("B", 1)], market, events: statements, placebo: { seed: 1 } };
    expect(codeOf(() => studyInputs(placebo, resolved(placebo)))).toMatch(/placebo.*this one has 2/);
  });

  it("lists every statement problem at once", () => {
    const events = [
      statement("E1", "2025-04-07T10:00"),
      statement("E1", "2025-04-08T10:00"),
      { timestamp: "2025-04-09" },
      statement("E4", "2025-04-09T10:00", { asset: "Z" }),
    ];
    const options = { assets: [asset("A", 1)], market, events } as unknown as EventStudyOptions;
    try {
      studyInputs(options, resolved());
      expect.unreachable();
    } catch (error) {
      expect(isMarketReactionError(error) && error.code).toBe("INVALID_INPUT");
      const issues = (error as { issues: { row: number; message: string }[] }).issues;
      expect(issues.map((i) => i.row)).toEqual([2, 3, 4]);
      expect(issues[0]!.message).toContain('duplicate statement id "E1" (first at row 1)');
      expect(issues[2]!.message).toContain('asset "Z" is not one of the studied assets (A)');
    }
  });
});
