/**
 * Issue 17, class 1: large results are written in chunks. The chunks of a study's JSON and CSV
 * join to exactly the bytes of toJSONText()/toCSV(), whether or not the lazy tables were built,
 * and the rows of an unbuilt table are not kept while they are written.
 */
import { describe, expect, it } from "vitest";
import { eventStudy, formatJson, type MarketEvent } from "market-reaction";
import { jsonChunks, JsonRows } from "../../src/output/stream.js";
import { marketPair, sessions } from "./helpers.js";

function study() {
  const days = sessions("2023-01-03", 400);
  const { market, asset } = marketPair(17, days);
  const events: MarketEvent[] = [
    { id: "E1", timestamp: "2024-02-01T12:00", timezone: "America/New_York", precision: "minute", label: '=HYPERLINK("x")' },
    { id: "E2", timestamp: "2024-02-05T12:00", timezone: "America/New_York", precision: "minute", label: 'line\nbreak "quoted"' },
    { id: "E3", timestamp: "2024-06-03T12:00", timezone: "America/New_York", precision: "minute" },
  ];
  return eventStudy({
    assets: [asset],
    market,
    events,
    estimation: [-120, -11],
    windows: [
      [-1, 1],
      [0, 5],
    ],
  });
}

describe("chunked writers", () => {
  it("study.toJSONChunks joins to toJSONText, before and after the tables are built", () => {
    const a = study();
    const chunked = [...a.toJSONChunks()];
    expect(chunked.length).toBeGreaterThan(50); // one per row: never one string
    const b = study();
    expect(chunked.join("")).toBe(b.toJSONText());
    expect([...b.toJSONChunks()].join("")).toBe(b.toJSONText()); // built tables: the same bytes
  });

  it("study.toCSVChunks joins to toCSV for every table", () => {
    for (const table of ["car", "abnormal", "models", "events", "warnings", "skipped"] as const) {
      const fresh = study();
      const chunks = [...fresh.toCSVChunks(table)].join("");
      expect(chunks).toBe(study().toCSV(table));
    }
  });

  it("jsonChunks = formatJson on nested, empty and odd values", () => {
    const value = {
      a: [],
      b: {},
      c: [[1, 2], { d: [Number.NaN, Number.POSITIVE_INFINITY] }],
      e: undefined,
      f: "x\ny",
      g: [undefined, () => 1],
      h: null,
      i: { j: [{ k: [] }] },
    };
    expect([...jsonChunks(value)].join("")).toBe(formatJson(value));
    expect([...jsonChunks([])].join("")).toBe(formatJson([]));
    expect([...jsonChunks(3)].join("")).toBe(formatJson(3));
    const rows = new JsonRows(function* () {
      yield { x: 1 };
      yield { x: Number.NaN };
    });
    expect([...jsonChunks({ rows })].join("")).toBe(formatJson({ rows: [{ x: 1 }, { x: null }] }));
  });

  it("jsonChunks reports each ±Infinity written as null", () => {
    const keys: string[] = [];
    const text = [
      ...jsonChunks({ t: Number.POSITIVE_INFINITY, rows: [{ se: Number.NEGATIVE_INFINITY, p: Number.NaN }] }, { onNonFinite: (k) => keys.push(k) }),
    ].join("");
    expect(keys).toEqual(["t", "se"]);
    expect(text).not.toContain("Infinity");
  });
});

describe("chunked writers leave the lazy tables unbuilt", () => {
  it("toJSONChunks and toCSVChunks do not build the models, abnormal and car tables", () => {
    const s = study();
    [...s.toJSONChunks()].join("");
    [...s.toCSVChunks("abnormal")].join("");
    for (const name of ["models", "abnormal", "car"] as const) expect(Object.getOwnPropertyDescriptor(s, name)?.get).toBeTypeOf("function");
    expect(s.car.length).toBe(6); // reading the table builds it
    expect(Object.getOwnPropertyDescriptor(s, "car")?.get).toBeUndefined();
  });
});
