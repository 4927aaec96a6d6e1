// Parquet panels (hyparquet, an optional peer dependency; written here with hyparquet-writer):
// the same series, issues and warnings as the same table written as CSV.
import * as hyparquet from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { parseSeriesCsv, parseSeriesParquet, seriesFromColumns, type MarketReactionError } from "../../src/index.js";

function csvOf(columns: { name: string; data: unknown[] }[]): string {
  const n = columns[0]!.data.length;
  const lines = [columns.map((c) => c.name).join(",")];
  for (let i = 0; i < n; i++)
    lines.push(
      columns.map((c) => (c.data[i] === null ? "" : c.data[i] instanceof Date ? (c.data[i] as Date).toISOString().slice(0, 10) : String(c.data[i]))).join(","),
    );
  return `${lines.join("\n")}\n`;
}

describe("parseSeriesParquet", () => {
  it("wide layout with a DATE-like timestamp column and a missing value: the CSV reading, warnings included", async () => {
    const dates = ["2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10"];
    const columns = [
      { name: "date", data: dates.map((d) => new Date(`${d}T00:00:00Z`)), type: "TIMESTAMP" as const },
      { name: "SPY", data: [504.38, 496.48, 548.62, 524.58], type: "DOUBLE" as const },
      { name: "QQQ", data: [423.69, 416.06, null, 446.18], type: "DOUBLE" as const, nullable: true },
    ];
    const buf = parquetWriteBuffer({ columnData: columns });
    const fromParquet = await parseSeriesParquet(buf, hyparquet);
    const fromCsv = parseSeriesCsv(csvOf(columns));
    expect(fromParquet.series.map((s) => s.id)).toEqual(["SPY", "QQQ"]);
    expect(fromParquet.series).toEqual(fromCsv.series);
    expect(fromParquet.warnings).toEqual(fromCsv.warnings);
    expect(fromParquet.warnings.map((w) => w.code)).toContain("MISSING_VALUES");
  });

  it("long layout (date, asset, value as strings and doubles), unsorted input: sorted with the same warning as CSV", async () => {
    const columns = [
      { name: "date", data: ["2025-04-09", "2025-04-08", "2025-04-09", "2025-04-08"], type: "STRING" as const },
      { name: "asset", data: ["A", "A", "B", "B"], type: "STRING" as const },
      { name: "value", data: [10.5, 10, 20.25, 20], type: "DOUBLE" as const },
    ];
    const fromParquet = await parseSeriesParquet(new Uint8Array(parquetWriteBuffer({ columnData: columns })), hyparquet, { file: "panel.parquet" });
    const fromCsv = parseSeriesCsv(csvOf(columns), { file: "panel.parquet" });
    expect(fromParquet.format).toBe("long");
    expect(fromParquet.series).toEqual(fromCsv.series);
    expect(fromParquet.warnings).toEqual(fromCsv.warnings);
    expect(fromParquet.series[0]!.values).toEqual(Float64Array.of(10, 10.5));
  });

  it("bad rows fail with the CSV issues (row numbers and column names), and non-Parquet bytes fail cleanly", async () => {
    const columns = [
      { name: "date", data: ["2025-04-08", "not a date", "2025-04-09"], type: "STRING" as const },
      { name: "SPY", data: [496.48, 500, -1], type: "DOUBLE" as const },
    ];
    const issuesOf = async (p: Promise<unknown> | (() => unknown)): Promise<unknown> => {
      try {
        await (typeof p === "function" ? p() : p);
      } catch (e) {
        return { code: (e as MarketReactionError).code, issues: (e as MarketReactionError).issues };
      }
      return "no error";
    };
    const a = await issuesOf(parseSeriesParquet(parquetWriteBuffer({ columnData: columns }), hyparquet));
    const b = await issuesOf(() => parseSeriesCsv(csvOf(columns)));
    expect(a).toEqual(b);
    expect((a as { code: string }).code).toBe("INVALID_INPUT");
    expect(await issuesOf(parseSeriesParquet(new TextEncoder().encode("date,SPY\n2025-04-08,1\n"), hyparquet))).toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("seriesFromColumns", () => {
  it("rejects columns of different lengths", () => {
    expect(() =>
      seriesFromColumns([
        { name: "date", values: ["2025-04-08"] },
        { name: "X", values: [1, 2] },
      ]),
    ).toThrow(/has 2 values/);
  });
});

/** A seeded generator of prices with 4 decimals (no dependence on Math.random). */
function pricePath(seed: number, n: number): number[] {
  let s = seed >>> 0;
  let p = 50;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    p *= 1 + 0.02 * (s / 2 ** 32 - 0.5);
    out.push(Math.round(p * 1e4) / 1e4);
  }
  return out;
}

function isoDays(n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
}

/** The `hyparquet` module reading a file by byte ranges (as the node entry does with a file handle). */
function rangesOf(buffer: ArrayBuffer): { byteLength: number; slice: (a: number, b?: number) => Promise<ArrayBuffer> } {
  return { byteLength: buffer.byteLength, slice: async (a, b) => buffer.slice(a, b) };
}

async function outcome(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    const t = (await (typeof p === "function" ? p() : p)) as { series: unknown; warnings: unknown };
    return { series: t.series, warnings: t.warnings };
  } catch (e) {
    return { code: (e as MarketReactionError).code, message: (e as MarketReactionError).message, issues: (e as MarketReactionError).issues };
  }
}

describe("parseSeriesParquet on large layouts (row groups, column batches, runs)", () => {
  it("a wide panel of 300 columns in 3 row groups with missing values: the CSV reading, from bytes and from byte ranges", async () => {
    const n = 90;
    const columns: { name: string; data: unknown[]; type: "STRING" | "DOUBLE"; nullable?: boolean }[] = [{ name: "date", data: isoDays(n), type: "STRING" }];
    for (let a = 0; a < 300; a++) {
      const data: (number | null)[] = pricePath(a + 1, n);
      if (a % 97 === 5) data[a % n] = null;
      columns.push({ name: `A${a}`, data, type: "DOUBLE", ...(a % 2 === 0 ? { nullable: a % 97 === 5 } : {}) });
    }
    const buf = parquetWriteBuffer({ columnData: columns as never, rowGroupSize: 30 });
    const fromCsv = parseSeriesCsv(csvOf(columns), { file: "wide.parquet" });
    expect(fromCsv.series).toHaveLength(300);
    expect(fromCsv.warnings.filter((w) => w.code === "MISSING_VALUES")).toHaveLength(4);
    for (const source of [buf, rangesOf(buf)]) {
      const t = await parseSeriesParquet(source, hyparquet, { file: "wide.parquet" });
      expect(t.series).toEqual(fromCsv.series);
      expect(t.warnings).toEqual(fromCsv.warnings);
      expect(t.rowCount).toBe(n);
    }
  });

  it("bad dates and values in many columns of a wide panel: the CSV issues, in the CSV order", async () => {
    const n = 40;
    const dates: (string | null)[] = isoDays(n);
    dates[7] = "2024-13-01";
    dates[20] = null;
    const columns: { name: string; data: unknown[]; type: "STRING" | "DOUBLE" }[] = [{ name: "date", data: dates, type: "STRING" }];
    for (let a = 0; a < 260; a++) {
      const data: number[] = pricePath(a + 7, n);
      if (a % 50 === 3) data[(a * 7) % n] = -1;
      if (a === 259) data[7] = 0; // on the row of the bad date: not reported, as in CSV
      columns.push({ name: `B${a}`, data, type: "DOUBLE" });
    }
    const buf = parquetWriteBuffer({ columnData: columns as never, rowGroupSize: 16 });
    const a = await outcome(parseSeriesParquet(buf, hyparquet));
    const b = await outcome(() => parseSeriesCsv(csvOf(columns)));
    expect(a).toEqual(b);
    expect((a as { issues: unknown[] }).issues.length).toBe(2 + 6);
  });

  it("a long panel sorted by asset (runs across row groups) and one sorted by date: the CSV series and warnings", async () => {
    const days = isoDays(150);
    const assets = ["AAA", "BBB", "CCC"];
    const byAsset = { date: [] as string[], asset: [] as string[], value: [] as (number | null)[] };
    assets.forEach((name, k) => {
      const path = pricePath(k + 11, days.length);
      days.forEach((d, i) => {
        byAsset.date.push(d);
        byAsset.asset.push(name);
        byAsset.value.push(k === 1 && i === 77 ? null : path[i]!);
      });
    });
    const order = byAsset.date.map((_, i) => i).sort((x, y) => (byAsset.date[x]! < byAsset.date[y]! ? -1 : byAsset.date[x]! > byAsset.date[y]! ? 1 : x - y));
    for (const rows of [byAsset.date.map((_, i) => i), order]) {
      const columns = [
        { name: "date", data: rows.map((i) => byAsset.date[i]!), type: "STRING" as const },
        { name: "ticker", data: rows.map((i) => byAsset.asset[i]!), type: "STRING" as const },
        { name: "close", data: rows.map((i) => byAsset.value[i]!), type: "DOUBLE" as const },
      ];
      const buf = parquetWriteBuffer({ columnData: columns, rowGroupSize: 100 });
      const t = await parseSeriesParquet(buf, hyparquet);
      const fromCsv = parseSeriesCsv(csvOf(columns));
      expect(t.format).toBe("long");
      expect(t.series.map((s) => s.id)).toEqual(assets);
      expect(t.series).toEqual(fromCsv.series);
      expect(t.warnings).toEqual(fromCsv.warnings);
      expect(t.series[1]!.values).toHaveLength(149);
    }
  });

  it("a long panel with a missing asset, a bad return and a duplicate date: the CSV issues", async () => {
    const columns = [
      { name: "date", data: ["2025-04-07", "2025-04-08", "2025-04-08", "2025-04-09", "2025-04-10"], type: "STRING" as const },
      { name: "asset", data: ["X", "X", "X", null, "X"], type: "STRING" as const },
      { name: "ret", data: [0.01, 0.02, 0.03, 0.04, -1.5], type: "DOUBLE" as const },
    ];
    const buf = parquetWriteBuffer({ columnData: columns, rowGroupSize: 2 });
    const a = await outcome(parseSeriesParquet(buf, hyparquet, { values: "return" }));
    const b = await outcome(() => parseSeriesCsv(csvOf(columns), { values: "return" }));
    expect(a).toEqual(b);
    expect((a as { issues: { message: string }[] }).issues.map((i) => i.message)).toEqual([
      "missing asset",
      "return must be greater than -100%, got -1.5",
      'duplicate date 2025-04-08 for "X" (also on row 2)',
    ]);
  });

  it("a duplicate date inside a long run of one asset: the CSV issue with both rows", async () => {
    const dates = isoDays(200);
    dates[150] = dates[149]!;
    const columns = [
      { name: "date", data: dates, type: "STRING" as const },
      { name: "asset", data: dates.map(() => "Y"), type: "STRING" as const },
      { name: "close", data: pricePath(3, 200), type: "DOUBLE" as const },
    ];
    const buf = parquetWriteBuffer({ columnData: columns, rowGroupSize: 120 });
    const a = await outcome(parseSeriesParquet(buf, hyparquet));
    expect(a).toEqual(await outcome(() => parseSeriesCsv(csvOf(columns))));
    expect((a as { issues: { row: number }[] }).issues[0]!.row).toBe(151);
  });

  it("DATE columns are read as day keys; a value column of dates is an input error naming it", async () => {
    const schema = [
      { name: "root", num_children: 2 },
      { name: "day", type: "INT32" as const, converted_type: "DATE" as const, repetition_type: "REQUIRED" as const },
      { name: "SPY", type: "DOUBLE" as const, repetition_type: "REQUIRED" as const },
    ];
    const days = Int32Array.of(20185, 20186, 20187);
    const buf = parquetWriteBuffer({
      columnData: [
        { name: "day", data: days },
        { name: "SPY", data: Float64Array.of(504.38, 496.48, 548.62) },
      ],
      schema,
    });
    const t = await parseSeriesParquet(buf, hyparquet);
    expect(t.series[0]!.days).toEqual(days);
    expect(t.series[0]!.values).toEqual(Float64Array.of(504.38, 496.48, 548.62));
    const twoDates = parquetWriteBuffer({
      columnData: [
        { name: "date", data: ["2025-04-07", "2025-04-08"], type: "STRING" },
        { name: "when", data: [new Date("2025-04-07T00:00:00Z"), new Date("2025-04-08T00:00:00Z")], type: "TIMESTAMP" },
      ],
    });
    const e = (await outcome(parseSeriesParquet(twoDates, hyparquet, { valueColumn: "when" }))) as { code: string; issues: { column?: string }[] };
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.column).toBe("when");
  });
});
