import { describe, expect, it } from "vitest";
import { arChart, carChart, isMarketReactionError, timelineChart, VEGA_LITE_SCHEMA } from "../../src/index.js";
import { studentTQuantile } from "../../src/stats.js";
import { renderSvg } from "../../src/node/index.js";
import { count, pick, sectors, study, study2, us, validateSpec } from "./helpers.js";

type Rows = Record<string, number | string | null>[];
const values = (spec: Record<string, unknown>): Rows => (spec.data as { values: Rows }).values;

describe("the schema validator can fail", () => {
  it("rejects a spec with an unknown mark type, a misspelt encoding channel and a wrong field type", () => {
    expect(validateSpec({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "banana", encoding: {} }).length).toBeGreaterThan(0);
    expect(validateSpec({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "line", encoding: { xx: { field: "a" } } }).length).toBeGreaterThan(0);
    expect(validateSpec({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "line", encoding: { x: { field: 3 } } }).length).toBeGreaterThan(0);
    expect(validateSpec({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "line", encoding: { x: { field: "a", type: "quantitative" } } })).toEqual([]);
  });
});

describe("carChart", () => {
  const spec = carChart(study);
  it("is a valid Vega-Lite v5 spec", () => {
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(validateSpec(spec)).toEqual([]);
  });
  it("ends each path at the study's CAR[-1,1] with a band of ± t(0.975, df)·se in percent", () => {
    const rows = values(spec);
    for (const car of study.car.filter((c) => c.window_start === -1 && c.window_end === 1)) {
      const last = rows.find((r) => r.event_id === car.event_id && r.rel_day === 1)!;
      expect(Math.abs((last.car as number) - car.car * 100)).toBeLessThan(1e-8);
      const half = studentTQuantile(0.975, car.df) * car.se * 100;
      expect(Math.abs((last.upper as number) - (last.car as number) - half)).toBeLessThan(1e-8);
      expect(Math.abs((last.car as number) - (last.lower as number) - half)).toBeLessThan(1e-8);
      const first = rows.find((r) => r.event_id === car.event_id && r.rel_day === -1)!;
      const ar = study.abnormal.find((a) => a.event_id === car.event_id && a.rel_day === -1)!;
      expect(Math.abs((first.car as number) - ar.ar * 100)).toBeLessThan(1e-8);
    }
    expect(rows).toHaveLength(3 * 3);
  });
  it("renders to SVG: one line per statement, one band per statement, the day-0 rule", async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    // vega draws each coloured series in its own mark group
    expect(count(svg, /class="mark-line role-mark/)).toBe(3);
    expect(count(svg, /class="mark-area role-mark/)).toBe(3);
    expect(count(svg, /class="mark-rule role-mark/)).toBe(2);
    expect(svg).toContain("Sessions relative to day 0");
  });
  it("draws small multiples per asset", async () => {
    const s2 = carChart(study2);
    expect(validateSpec(s2)).toEqual([]);
    expect(s2).toHaveProperty("facet");
    const svg = await renderSvg(s2);
    expect(count(svg, /class="mark-line role-mark/)).toBe(4); // 2 panels × 2 statements
    expect(svg).toContain("TECH");
    expect(svg).toContain("ENERGY");
  });
  it("falls back to the diagonal variance without the per-pair data, and says so", () => {
    const plain = { abnormal: study.abnormal, car: study.car };
    const s = carChart(plain);
    expect(validateSpec(s)).toEqual([]);
    expect(JSON.stringify(s.title)).toContain("diagonal");
    const row = values(s).find((r) => r.event_id === "E10" && r.rel_day === 1)!;
    const car = study.car.find((c) => c.event_id === "E10" && c.window_start === -1)!;
    expect(Math.abs((row.car as number) - car.car * 100)).toBeLessThan(1e-8);
  });
  it("refuses more rows than maxPoints and a bad level", () => {
    expect(() => carChart(study2, { maxPoints: 10 })).toThrowError(/maxPoints/); // 12 points
    expect(carChart(study2, { maxPoints: 12 })).toHaveProperty("facet");
    let code = "";
    try {
      carChart(study, { level: 95 });
    } catch (e) {
      if (isMarketReactionError(e)) code = e.code;
    }
    expect(code).toBe("INVALID_OPTION");
  });
});

describe("arChart", () => {
  it("is valid and renders one bar per AR, faceted by statement", async () => {
    const spec = arChart(study);
    expect(validateSpec(spec)).toEqual([]);
    expect(values(spec)).toHaveLength(study.abnormal.length);
    const svg = await renderSvg(spec);
    const bars = [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) => count(m[1]!, /<path /));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(study.abnormal.length);
    expect(bars).toHaveLength(3);
    const neg = values(spec).filter((r) => r.sign === "negative").length;
    expect(neg).toBe(study.abnormal.filter((a) => a.ar < 0).length);
  });
  it("adds a column per asset for several assets", () => {
    const spec = arChart(study2);
    expect(validateSpec(spec)).toEqual([]);
    // one panel per (asset, statement), titled with the asset's name first
    const heads = [...new Set(values(spec).map((r) => r.statement as string))];
    expect(heads).toHaveLength(4);
    expect(heads.map((h) => h.split("\n")[0]).sort()).toEqual(["ENERGY", "ENERGY", "TECH", "TECH"]);
  });
});

describe("timelineChart", () => {
  it("marks every statement inside the range, on a UTC temporal axis", async () => {
    const evs = pick("E10", "E17", "E27");
    const spec = timelineChart(us, evs, { from: "2025-01-01", to: "2025-06-30" });
    expect(validateSpec(spec)).toEqual([]);
    expect(JSON.stringify(spec)).toContain('"scale":{"type":"utc"}');
    const rows = values(spec);
    expect(rows.filter((r) => r.layer === "statement")).toHaveLength(3);
    const inRange = [...us.days].filter((d) => d >= 20089 && d <= 20269).length; // 2025-01-01 .. 2025-06-30
    expect(rows.filter((r) => r.layer === "series")).toHaveLength(inRange);
    const svg = await renderSvg(spec);
    const rules = /<g class="mark-rule role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? "";
    expect(count(rules, /<line /)).toBe(3);
    expect(svg).toContain("E10");
  });
  it("thins long series to maxPoints but keeps statement dates, and facets several series", () => {
    const spec = timelineChart(sectors, pick("E10"), { maxPoints: 300 });
    expect(validateSpec(spec)).toEqual([]);
    const rows = values(spec);
    const series = rows.filter((r) => r.layer === "series");
    expect(series.length).toBeLessThanOrEqual(300 + 2 * sectors.length);
    const e10 = rows.find((r) => r.layer === "statement")!.date;
    for (const s of sectors) expect(series.some((r) => r.asset === s.id && r.date === e10)).toBe(true);
    expect(spec).toHaveProperty("facet");
  });
  it("accepts study event rows (day 0) and puts asset-specific statements on their own panel", () => {
    const spec = timelineChart(sectors.slice(0, 2), [{ id: "X", day0: "2025-04-07", asset: sectors[1]!.id, label: "<b>x</b>" }]);
    const marks = values(spec).filter((r) => r.layer === "statement");
    expect(marks.map((m) => m.asset)).toEqual([sectors[1]!.id]);
    expect(marks[0]!.date).toBe("2025-04-07");
  });
});
