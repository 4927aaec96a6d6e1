import { describe, expect, it } from "vitest";
import { crossEventTests, estimationDaysOf, estimationOffsetsOf, eventStudy } from "../../../src/index.js";
import { crossEventRecord, crossEventRecords, crossEventStage } from "../../../src/study/stages/crossEvent.js";
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

  it("crossEventRecords equals crossEventRecord per pair, one shared copy per distinct estimation sample", () => {
    const gappy = asset("C", 1.5);
    const values = Float64Array.from(gappy.values);
    values[study.pairs[0]!.day0Index - 50] = Number.NaN; // a missing return inside C's first estimation window
    const s = eventStudy({
      assets: [asset("A", 1), asset("B", 2), { ...gappy, values }],
      market,
      events: statements,
      estimation: [-120, -11],
      windows: [[0, 0]],
    });
    const shared = crossEventRecords(s.pairs);
    const own = s.pairs.map(crossEventRecord);
    expect(shared).toEqual(own);
    for (let i = 0; i < shared.length; i++) expect(Object.keys(shared[i]!)).toEqual(Object.keys(own[i]!));
    const byStatement = (id: string, a: string) => shared.find((r) => r.id === id && r.asset === a)!;
    const first = statements[0]!.id;
    expect(byStatement(first, "A").estimationDays).toBe(byStatement(first, "B").estimationDays);
    expect(byStatement(first, "A").estimationOffsets).toBe(byStatement(first, "B").estimationOffsets);
    expect(byStatement(first, "C").estimationDays).not.toBe(byStatement(first, "A").estimationDays);
    expect(byStatement(first, "C").estimationDays.length).toBe(byStatement(first, "A").estimationDays.length - 1);
  });
});
