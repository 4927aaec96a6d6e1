import { describe, expect, it } from "vitest";
import { tradingCalendar, type TradingCalendar } from "../../../src/index.js";
import { alignStudy, calendarFor } from "../../../src/study/stages/alignment.js";
import { SkipLog } from "../../../src/study/stages/skips.js";
import { asset, statement, statements } from "./helpers.js";

describe("stages/alignment", () => {
  it("calendarFor: XNYS by default, a per-asset record, and one calendar per exchange code", () => {
    const cache = new Map<unknown, TradingCalendar>();
    expect(calendarFor(undefined, "A", cache).exchange.code).toBe("XNYS");
    const record = { B: "xtks" };
    const b = calendarFor(record, "B", cache);
    expect(b.exchange.code).toBe("XTKS");
    expect(calendarFor("XTKS", "C", cache)).toBe(b);
    expect(calendarFor(record, "A", cache).exchange.code).toBe("XNYS");
    const own = tradingCalendar("XLON");
    expect(calendarFor(own, "A", cache)).toBe(own);
  });

  it("aligns the statements once per calendar; a statement that cannot be placed is skipped with no asset", () => {
    const skips = new SkipLog(false);
    const events = [...statements, statement("SUN", "2025-04-06T10:00")];
    const result = alignStudy([asset("A", 1), asset("B", 2), asset("T", 1)], events, { T: "XTKS" }, { nonTrading: "drop" }, skips);
    expect([...result.calendarOf].map(([id, cal]) => `${id}:${cal.exchange.code}`)).toEqual(["A:XNYS", "B:XNYS", "T:XTKS"]);
    expect(result.rowsOf.size).toBe(2);
    expect(result.calendarOf.get("A")).toBe(result.calendarOf.get("B"));
    // three statements on each exchange; the Sunday statement is dropped on both
    expect(result.eventRows.map((r) => `${r.exchange}:${r.id}`)).toEqual(["XNYS:E1", "XNYS:E2", "XNYS:E3", "XTKS:E1", "XTKS:E2", "XTKS:E3"]);
    expect(skips.rows.map((s) => [s.event_id, s.asset, s.exchange])).toEqual([
      ["SUN", null, "XNYS"],
      ["SUN", null, "XTKS"],
    ]);
    // 10:00 in New York on Monday 7 April is after the Tokyo close: day 0 is the next Tokyo session
    expect(result.rowsOf.get(result.calendarOf.get("T")!)!.get("E1")!.day0_iso).toBe("2025-04-08");
  });
});
