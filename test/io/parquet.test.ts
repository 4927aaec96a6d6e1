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
