import { describe, expect, it } from "vitest";
import { alignEvents, dayKeyFromIso, MarketReactionError } from "../../../src/index.js";
import { OverlapGroups, placeStatements, planPair, type PairPlan } from "../../../src/study/stages/plan.js";
import { SkipLog } from "../../../src/study/stages/skips.js";
import { asset, assetData, days, resolved, statement, statements } from "./helpers.js";

const aligned = (events = statements) => new Map(alignEvents(events, "XNYS").rows.map((r) => [r.id, r]));

describe("stages/plan", () => {
  it("placeStatements: day 0 outside the asset's sessions is skipped with DATE_OUT_OF_RANGE", () => {
    const skips = new SkipLog(false);
    const events = [...statements, statement("LATE", "2025-09-02T10:00")];
    const placed = placeStatements("A", "XNYS", days, events, aligned(events), skips);
    expect(placed.map((p) => p.id)).toEqual(["E1", "E2", "E3"]);
    expect(placed[1]!.day0).toBe(dayKeyFromIso("2025-04-09"));
    expect(skips.rows).toEqual([
      {
        event_id: "LATE",
        asset: "A",
        exchange: "XNYS",
        code: "DATE_OUT_OF_RANGE",
        reason: "day 0 2025-09-02 is outside the returns of A (2024-06-03 to 2025-06-30)",
      },
    ]);
  });

  it("OverlapGroups: assets on the same sessions with the same statements share one check, whose warnings name them all", () => {
    const opts = resolved({ windows: [[-1, 1]] });
    const groups = new OverlapGroups();
    const placed = placeStatements("A", "XNYS", days, statements, aligned(), new SkipLog(false));
    const a = groups.samplesFor("A", "XNYS", days, placed, opts);
    const b = groups.samplesFor("B", "XNYS", days, placed, opts);
    expect(b).toBe(a);
    // E1 (7 April) and E2 (9 April) have overlapping [-1, +1] windows: one warning for the group
    const overlapping = groups.warnings().filter((w) => w.code === "OVERLAPPING_WINDOWS");
    expect(overlapping.length).toBe(1);
    expect(overlapping[0]!.message).toMatch(/\[assets A, B\]$/);
    expect(overlapping[0]!.asset).toBeUndefined();
    groups.samplesFor("C", "XNYS", days.subarray(1), placed, opts);
    expect(
      groups
        .warnings()
        .filter((w) => w.code === "OVERLAPPING_WINDOWS")
        .map((w) => w.message.slice(w.message.lastIndexOf("["))),
    ).toEqual(["[assets A, B]", "[asset C]"]);
  });

  it("planPair: the estimation window, the mask of the sessions another statement's window removes, the span of the event windows", () => {
    const opts = resolved({
      windows: [
        [0, 0],
        [-2, 3],
      ],
      estimation: [-30, -3],
    });
    const { data, columns } = assetData(asset("A", 1), opts);
    const placed = placeStatements("A", "XNYS", days, statements, aligned(), new SkipLog(false));
    const samples = new OverlapGroups().samplesFor("A", "XNYS", days, placed, opts);
    const plan = planPair("A", placed[2]!, data, columns, samples.get("E3"), opts) as PairPlan;
    const i0 = days.indexOf(dayKeyFromIso("2025-04-24"));
    expect(plan.day0Index).toBe(i0);
    expect([plan.est.start, plan.est.end, plan.est.length]).toEqual([i0 - 30, i0 - 2, 28]);
    expect([plan.spanStart, plan.spanEnd]).toEqual([i0 - 2, i0 + 4]);
    // E1 (7 April) and E2 (9 April) windows [-2, +3] fall in E3's estimation window: removed
    const removed = [...plan.mask!].map((m, j) => (m === 0 ? days[plan.est.start + j] : -1)).filter((d) => d !== undefined && d >= 0);
    expect(removed).toEqual(Array.from(days.subarray(days.indexOf(dayKeyFromIso("2025-04-07")) - 2, days.indexOf(dayKeyFromIso("2025-04-09")) + 4)));
    expect(plan.excluded).toBe(removed.length);
    const early = planPair("A", { id: "X", day0: days[5]!, event: statements[0]! }, data, columns, undefined, opts);
    expect(early).toBeInstanceOf(MarketReactionError);
  });
});
