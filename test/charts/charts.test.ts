import { describe, expect, it } from "vitest";
import { arChart, carChart, isMarketReactionError, timelineChart, VEGA_LITE_SCHEMA } from "../../src/index.js";
import { studentTQuantile } from "../../src/stats.js";
import { renderSvg } from "../../src/node/index.js";
import { count, fileNamed, pick, sectors, study, study2, studyAll, studyFileNamed, us, validateSpec } from "./helpers.js";

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
  it("draws the top k statements by |CAR| over the span, a shared day 0 once, and lists the rest", () => {
    const many = studyAll;
    // independent ranking: statements with the same day 0 have the same ARs and count once
    const byDay0 = new Map<string, { ids: string[]; car: number }>();
    for (const a of many.abnormal) {
      const g = byDay0.get(a.day0) ?? { ids: [], car: 0 };
      byDay0.set(a.day0, g);
      if (!g.ids.includes(a.event_id)) g.ids.push(a.event_id);
      if (g.ids[0] === a.event_id) g.car += a.ar;
    }
    const byId = (x: string, y: string): number => x.localeCompare(y, "en", { numeric: true });
    const groups = [...byDay0.values()].map((g) => ({ ids: [...g.ids].sort(byId), car: Math.abs(g.car) })).sort((a, b) => b.car - a.car);
    expect(groups.length).toBe(9);
    expect(groups.some((g) => g.ids.includes("E17") && g.ids.includes("E22"))).toBe(true);
    for (const top of [8, 4]) {
      const spec = arChart(many, top === 8 ? {} : { top });
      expect(validateSpec(spec)).toEqual([]);
      const drawn = [...new Set(values(spec).map((r) => r.event_id))];
      expect(drawn.sort()).toEqual(
        groups
          .slice(0, top)
          .map((g) => g.ids.join(" = "))
          .sort(),
      );
      const subtitle = (spec.title as { subtitle: string[] }).subtitle.join(" ");
      expect(subtitle).toContain(`the ${top} statements per asset with the largest |CAR| at the end of the span; and ${9 - top} more: `);
      for (const g of groups.slice(top)) expect(subtitle).toContain(g.ids[0]);
      for (const g of groups.slice(0, top)) expect(subtitle.split("more:")[1]).not.toContain(`${g.ids[0]},`);
    }
    expect(() => arChart(many, { top: 0 })).toThrowError(/top/);
    expect(JSON.stringify(arChart(study).title)).not.toContain("more:"); // 3 statements: all drawn
  });
});

describe("readable asset names in multi-asset charts", () => {
  const renamed = fileNamed;
  const two = studyFileNamed;
  it("titles panels with the readable name and keeps the id in the data", () => {
    for (const spec of [carChart(two), arChart(two), timelineChart(renamed, pick("E10", "E17"))]) {
      expect(validateSpec(spec)).toEqual([]);
      const rows = values(spec);
      expect([...new Set(rows.map((r) => r.asset))].sort()).toEqual(["etf_xlk_daily_adj_2023_2026", "sp500_daily_2023_2026"]);
      expect([...new Set(rows.map((r) => r.asset_name))].sort()).toEqual(["SP500", "XLK"]);
    }
    expect((carChart(two).facet as { field: string }).field).toBe("asset_name");
    expect((carChart(two).title as { text: string }).text).toBe("Cumulative abnormal returns of SP500 and XLK around the statements");
    expect((arChart(two).title as { text: string }).text).toBe("Abnormal returns of SP500 and XLK by statement");
    expect((timelineChart(renamed, pick("E10")).title as { text: string }).text).toMatch(/^SP500, XLK and the statements/);
    expect(String((arChart(two).data as { values: { statement: string }[] }).values[0]!.statement).split("\n")[0]).toMatch(/^(SP500|XLK)$/);
    expect((carChart({ abnormal: two.abnormal.filter((a) => a.asset === "etf_xlk_daily_adj_2023_2026"), car: [] }).title as { text: string }).text).toContain(
      "of XLK around",
    );
  });
  it("uses the names given instead (also to show an id as written)", () => {
    const names = { sp500_daily_2023_2026: "S&P 500", etf_xlk_daily_adj_2023_2026: "etf_xlk_daily_adj_2023_2026" };
    const rows = values(carChart(two, { names }));
    expect([...new Set(rows.map((r) => r.asset_name))].sort()).toEqual(["S&P 500", "etf_xlk_daily_adj_2023_2026"]);
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
  it("labels the statements on every panel, each without collisions", () => {
    const evs = pick("E10", "E11", "E12", "E13", "E17", "E22", "E34");
    const spec = timelineChart(sectors, evs);
    const labelled = values(spec).filter((r) => r.layer === "statement" && r.text !== null);
    const dates = [...new Set(evs.map((e) => e.timestamp.slice(0, 10)))];
    for (const s of sectors) {
      const mine = labelled.filter((r) => r.asset === s.id);
      // one label per statement date on this panel
      expect(mine.map((r) => r.date).sort()).toEqual([...new Set(dates)].sort());
      // labels on one row are ordered left to right and do not overlap (5.4 px per character)
      const span = values(spec)
        .filter((r) => r.layer === "series" && r.asset === s.id)
        .map((r) => Date.parse(r.date as string));
      const [t0, t1] = [Math.min(...span), Math.max(...span)];
      const x = (d: string): number => ((Date.parse(d) - t0) / (t1 - t0)) * 300;
      for (const a of mine)
        for (const b of mine) {
          if (a === b || a.label_y !== b.label_y || (a.date as string) >= (b.date as string)) continue;
          expect(x(a.date as string) + (a.text as string).length * 5.4 + 6).toBeLessThanOrEqual(x(b.date as string) + 1e-9);
        }
    }
  });
});
