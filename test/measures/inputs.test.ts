// Bad and unusual inputs of the measures: level series (negative yields, non-numeric cells,
// option checks), volume columns, zero volume, GARCH on too little or degenerate data.
import { describe, expect, it } from "vitest";
import { tradingCalendar } from "../../src/calendar/index.js";
import { parseSeriesCsv, parseVolumeCsv, safeParseSeriesCsv } from "../../src/io/index.js";
import { abnormalVolatility, fitGarch, garchForecast, garchAbnormalReturns, logVolume, rangeVariance } from "../../src/measures/index.js";
import { alignReturns } from "../../src/returns/index.js";
import { abnormalReturns } from "../../src/abnormal/index.js";

const nyse = tradingCalendar("XNYS");

describe("level series", () => {
  it("a negative yield is a valid level; changes are differences in basis points", () => {
    const t = parseSeriesCsv("date,IRLTLT01JPM156N\n2020-03-02,-0.10\n2020-03-03,-0.15\n2020-03-04,0.05\n", {
      id: "JP10",
      values: "level",
      levelUnit: "percent",
    });
    expect(t.kind).toBe("level");
    expect(t.levelUnit).toBe("basis-points");
    expect(Array.from(t.series[0]!.values)).toEqual([-10, -15, 5]);
    const a = alignReturns({ asset: t.series[0]!, calendar: nyse });
    expect(Array.from(a.asset)).toEqual([-5, 20]);
  });

  it("points are kept as they are (a volatility index)", () => {
    const t = parseSeriesCsv("date,close\n2025-04-07,46.98\n2025-04-08,52.33\n", { id: "VIX", values: "level" });
    expect(t.levelUnit).toBe("points");
    const a = alignReturns({ asset: t.series[0]!, calendar: nyse });
    expect(a.asset[0]).toBeCloseTo(5.35, 12);
  });

  it("a non-numeric cell is an error, like in a price series", () => {
    const r = safeParseSeriesCsv("date,DGS10\n2025-04-08,4.26\n2025-04-09,n/a!\n", { values: "level" });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("INVALID_INPUT");
      expect(r.error.message).toContain("invalid levels");
    }
  });

  it('levelUnit needs values: "level"', () => {
    const r = safeParseSeriesCsv("date,x\n2025-04-08,1\n", { levelUnit: "percent" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).toContain("levelUnit");
  });

  it("a level benchmark (control) is differenced too: the change of a 2-year yield", () => {
    const y10 = parseSeriesCsv("date,DGS10\n2025-04-08,4.26\n2025-04-09,4.34\n2025-04-10,4.42\n", { values: "level", levelUnit: "percent" }).series[0]!;
    const y2 = parseSeriesCsv("date,DGS2\n2025-04-08,3.73\n2025-04-09,3.86\n2025-04-10,3.84\n", { values: "level", levelUnit: "percent" }).series[0]!;
    const a = alignReturns({ asset: y10, market: y2, calendar: nyse });
    expect(a.asset[0]).toBeCloseTo(8, 10);
    expect(a.market![0]).toBeCloseTo(13, 10);
    expect(a.market![1]).toBeCloseTo(-2, 10);
  });
});

describe("volume", () => {
  it("asking for volume on a file without a volume column names the columns found", () => {
    expect(() => parseVolumeCsv("date,open,high,low,close\n2025-04-09,1,2,0.5,1.5\n", { file: "spx.csv" })).toThrow(
      "spx.csv: no volume column; columns found: date, open, high, low, close (pass valueColumn)",
    );
  });

  it("a negative volume is an error; zero is kept and reported with the offset", () => {
    expect(() => parseVolumeCsv("date,volume\n2025-04-09,-5\n")).toThrow(/must not be negative/);
    const lv = logVolume([0, 9, 0], { offset: 1 });
    expect(Array.from(lv.values)).toEqual([0, Math.log(10), 0]);
    expect(lv.zeroCount).toBe(2);
    expect(lv.warnings[0]!.message).toContain("2 sessions with zero volume");
    expect(() => logVolume([1], { offset: 0 })).toThrow(/offset/);
  });

  it("reads the volume column of a Yahoo-style file, and a named column of a separate file", () => {
    expect(Array.from(parseVolumeCsv("Date,Open,High,Low,Close,Adj Close,Volume\n2025-04-09,1,1,1,1,1,9500\n").values)).toEqual([9500]);
    expect(Array.from(parseVolumeCsv("date,shares\n2025-04-09,42\n", { valueColumn: "shares" }).values)).toEqual([42]);
  });
});

describe("volatility and GARCH edge cases", () => {
  it("Garman–Klass needs open and close", () => {
    expect(() => rangeVariance({ high: Float64Array.of(2), low: Float64Array.of(1) }, "garman-klass")).toThrow(/open and close/);
    expect(Number.isNaN(rangeVariance({ high: Float64Array.of(1), low: Float64Array.of(2) }, "parkinson")[0]!)).toBe(true);
  });

  it("abnormalVolatility rejects a window outside the abnormal returns", () => {
    const fit = {
      spec: { type: "constant-mean" } as const,
      model: "constant-mean",
      names: ["alpha"],
      coefficients: Float64Array.of(0),
      sigma2: 1,
      df: 9,
      nObs: 10,
      k: 1,
      r2: Number.NaN,
      covUnscaled: Float64Array.of(0.1),
      used: new Int32Array(0),
      residuals: new Float64Array(0),
    };
    const ars = abnormalReturns(fit, { expected: Float64Array.of(0, 0), design: Float64Array.of(1, 1) }, [1, 2]);
    expect(() => abnormalVolatility(ars, [0, 2])).toThrow(/window/);
    // two sessions: W = AR′Ω⁻¹AR/(2s²), Ω = I + 0.1·J
    const w = abnormalVolatility(ars).windowStatistic;
    const det = 1.1 * 1.1 - 0.01;
    expect(w).toBeCloseTo(((1.1 * 1 - 0.1 * 2) * 1 + (1.1 * 2 - 0.1 * 1) * 2) / det / 2, 12);
  });

  it("GARCH needs enough complete, non-constant returns", () => {
    expect(() => fitGarch({ y: new Float64Array(10) })).toThrow(/at least 30/);
    expect(() => fitGarch({ y: new Float64Array(40).fill(0.01) })).toThrow(/constant/);
    const y = Float64Array.from({ length: 40 }, (_, t) => 0.01 * Math.sin(t));
    y[3] = Number.NaN;
    expect(() => fitGarch({ y })).toThrow(/observation 4 is missing/);
    expect(() => garchForecast({ omega: 1, alpha1: 0, beta1: 0, residuals: Float64Array.of(0), variances: Float64Array.of(1) }, -1)).toThrow(/steps/);
  });

  it("GARCH event sessions must follow the estimation window; missing estimation sessions are dropped", () => {
    const asset = Float64Array.from({ length: 80 }, (_, t) => 0.01 * Math.sin(1.3 * t) * (1 + 0.5 * Math.cos(t / 7)));
    asset[10] = Number.NaN;
    const est = Array.from({ length: 70 }, (_, t) => t);
    expect(() => garchAbnormalReturns({ asset }, est, [60])).toThrow(/not after the last estimation session/);
    const r = garchAbnormalReturns({ asset }, est, [70, 72]);
    expect(r.fit.nObs).toBe(69);
    expect(Array.from(r.horizon)).toEqual([1, 3]);
    expect(r.carVariance).toBeCloseTo(r.variance[0]! + r.variance[1]!, 15);
  });
});
