/**
 * The 1,000,000-row long panel (slow: a few seconds): parses whole and streamed, with the
 * same result, every value accounted for. Peak memory is measured by bench/memory-panel.ts.
 */
import { describe, expect, it } from "vitest";
import { createSeriesCsvParser, parseSeriesCsv } from "market-reaction";
import { PANEL_ASSETS, PANEL_DAYS, writePanel } from "./panel.js";

describe("a 1,000,000-row long panel (slow)", () => {
  it("parses whole and chunk-fed to the same 400 series of 2,500 prices", () => {
    const streamed = createSeriesCsvParser();
    const pieces: string[] = [];
    writePanel((p) => {
      pieces.push(p);
      streamed.write(p);
    });
    const s = streamed.end();
    const whole = parseSeriesCsv(pieces.join(""));
    for (const t of [s, whole]) {
      expect(t.format).toBe("long");
      expect(t.rowCount).toBe(PANEL_ASSETS * PANEL_DAYS);
      expect(t.series).toHaveLength(PANEL_ASSETS);
      for (const x of t.series) expect(x.values.length).toBe(PANEL_DAYS);
      expect(t.warnings).toEqual([]);
    }
    let differences = 0;
    for (let k = 0; k < PANEL_ASSETS; k++) {
      const a = s.series[k]!;
      const b = whole.series[k]!;
      if (a.id !== b.id) differences++;
      for (let i = 0; i < PANEL_DAYS; i++) if (a.days[i] !== b.days[i] || !Object.is(a.values[i], b.values[i])) differences++;
    }
    expect(differences).toBe(0);
  });
});
