/**
 * Issue 17, class 1: overlaps and contamination in near-linear time and memory. The sweep
 * agrees with a brute-force reading of the definitions; a dense case (5,000 statements on 300
 * sessions: about 4 million overlapping pairs) gives one warning per cluster, not per pair.
 * (Times are measured by bench/scale.ts, never asserted here.)
 */
import { describe, expect, it } from "vitest";
import { checkOverlaps } from "market-reaction";
import { overlapSweepProperty } from "./overlap-properties.js";

describe("overlaps at scale", () => {
  it("the sweep finds the brute-force clusters and excluded sessions (400 cases)", () => {
    overlapSweepProperty(400, 1701);
  });

  it("5,000 statements on 300 sessions: one cluster, one overlap warning, one contamination warning", () => {
    const days = Int32Array.from({ length: 300 }, (_, i) => 20000 + i);
    const events = Array.from({ length: 5000 }, (_, k) => ({ id: `S${k}`, day0: days[60 + (k % 240)]! }));
    const r = checkOverlaps(events, days, {
      estimation: [-50, -6],
      windows: [
        [-1, 1],
        [0, 5],
      ],
    });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]!.members).toHaveLength(5000);
    expect(r.overlaps).toHaveLength(4999);
    const codes = r.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === "OVERLAPPING_WINDOWS")).toHaveLength(1);
    expect(codes.filter((c) => c === "ESTIMATION_CONTAMINATED")).toHaveLength(1);
    // the message lists a few names and counts the rest; the structured fields hold all
    const w = r.warnings.find((x) => x.code === "OVERLAPPING_WINDOWS")!;
    expect(w.message.length).toBeLessThan(500);
    expect(w.message).toContain("and 4992 more");
    // every estimation window [-50, -6] lies inside the covered sessions 59 … 299
    const s = r.samples.find((x) => x.event_id === "S239")!; // day 0 at index 299
    expect(s.kept).toBe(0);
    const early = r.samples.find((x) => x.event_id === "S0")!; // day 0 at index 60: [10, 54] vs cover from 59
    expect(early.excluded).toEqual([]);
    expect(early.kept).toBe(45);
  });
});
