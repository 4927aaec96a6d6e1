/**
 * Issue 17, class 5: the leverage factor of `intradayStudy` (`delever`, `--delever`) checked against the bars.
 */
import { describe, expect, it } from "vitest";
import { intradayStudy, parseBarsCsv, parseEventsCsv } from "market-reaction";

// 390 one-minute bars of 7 April 2025 (9:30 to 16:00 New York), prices from per-bar returns
function bars(ret: (i: number) => number): ReturnType<typeof parseBarsCsv>["bars"] {
  let p = 100;
  const lines = ["datetime,close"];
  for (let i = 0; i < 390; i++) {
    p *= 1 + ret(i);
    lines.push(`${new Date(Date.UTC(2025, 3, 7, 13, 30 + i)).toISOString()},${p}`);
  }
  return parseBarsCsv(lines.join("\n")).bars;
}
const index = (i: number) => 0.001 * Math.sin(1.7 * i) + 0.0004 * Math.cos(0.3 * i);
const { events } = parseEventsCsv("id,timestamp\nE22,2025-04-07T15:00\n");

describe("delever bounded by the data", () => {
  it("a factor below 1 that a bar's return cannot be divided by is an INVALID_OPTION naming delever and the bar", () => {
    const crash = bars((i) => (i === 200 ? -0.6 : index(i)));
    expect(() => intradayStudy({ bars: crash, events, windows: ["0,+10m"], delever: 0.5 })).toThrow(
      "invalid delever: 0.5; expected a leverage factor the bars allow (bars: bar 201 of 2025-04-07 returns -60.00 %, and 1 + r/0.5 is not positive); a k× ETF's factor is at least 1 (command line: --delever)",
    );
    // the same bars divided by 0.7 stay defined (1 - 0.6/0.7 > 0)
    expect(intradayStudy({ bars: crash, events, windows: ["0,+10m"], delever: 0.7 }).abnormal).toHaveLength(1);
  });

  it("with a benchmark, a factor far from the volatility ratio is DELEVER_MISMATCH with the ratio", () => {
    const benchmark = bars(index);
    const etf3 = bars((i) => 3 * index(i));
    const codes = (k: number, b = etf3) =>
      intradayStudy({ bars: b, benchmark, model: "market", events, windows: ["0,+10m"], delever: k }).warnings.map((w) => w.code);
    expect(codes(3)).not.toContain("DELEVER_MISMATCH");
    expect(codes(2)).not.toContain("DELEVER_MISMATCH");
    const study = intradayStudy({ bars: benchmark, benchmark, model: "market", events, windows: ["0,+10m"], delever: 3 });
    const w = study.warnings.find((x) => x.code === "DELEVER_MISMATCH");
    expect(w?.message).toMatch(
      /: returns divided by 3, but its bar returns are 1\.00 times as volatile as the benchmark's over 389 bars \(a 3x ETF of that index would be about 3\); check the leverage factor \(option delever, command line: --delever\)$/,
    );
    // a 3x ETF given as 9x is 3 times too much: outside [4.5, 18]
    expect(codes(9)).toContain("DELEVER_MISMATCH");
  });
});
