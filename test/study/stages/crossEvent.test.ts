import { describe, expect, it } from "vitest";
import { crossEventTests, estimationDaysOf, estimationOffsetsOf, eventStudy } from "../../../src/index.js";
import { crossEventStage } from "../../../src/study/stages/crossEvent.js";
import { asset, market, resolved, statements } from "./helpers.js";

describe("stages/crossEvent", () => {
  const study = eventStudy({
    assets: [asset("A", 1, "2025-04-09", 0.03), asset("B", 2, "2025-04-09", 0.02)],
    market,
    events: statements,
    estimation: [-120, -11],
    windows: [
      [0, 0],
      [-1, 1],
    ],
    tests: ["bmp", "corrado_rank"],
  });

  it("nothing without tests or without pairs", () => {
    expect(crossEventStage(study.pairs, resolved())).toBeUndefined();
    expect(crossEventStage([], resolved({ tests: "all" }))).toBeUndefined();
  });

  it("the tests over the pairs, with their estimation days and offsets, as crossEventTests gives them", () => {
    const opts = resolved({
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: ["bmp", "corrado_rank"],
      adjust: "holm",
    });
    const stage = crossEventStage(study.pairs, opts)!;
    const direct = crossEventTests(
      study.pairs.map((p) => ({
        id: p.eventId,
        asset: p.asset,
        fit: p.fit,
        ars: p.ars,
        estimationDays: estimationDaysOf(p),
        eventDays: p.eventDays,
        estimationOffsets: estimationOffsetsOf(p),
      })),
      { windows: opts.windows, tests: ["bmp", "corrado_rank"], adjust: "holm" },
    );
    expect(stage.aggregate.windows).toEqual(direct.windows);
    expect(stage.aggregate.daily).toEqual(direct.daily);
    expect(stage.aggregate.windows.map((w) => w.n)).toEqual([6, 6]);
    expect(stage.aggregate.windows[0]!.tests.bmp!.p_value_adjusted).toBeGreaterThanOrEqual(stage.aggregate.windows[0]!.tests.bmp!.p_value);
  });
});
