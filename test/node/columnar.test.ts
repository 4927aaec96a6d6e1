// Columnar panel files through the node entry and the CLI: .parquet, .arrow, .feather and
// .arrows are read wherever a CSV price file is (readSeriesFile, --prices, --market), by
// byte ranges, with the series of the CSV file they were written from.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Float64, Table, Utf8, type Vector, tableToIPC, vectorFromArray } from "apache-arrow";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import { type MarketReactionError, parseSeriesCsv } from "market-reaction";
import { readSeriesArrowFile, readSeriesFile, readSeriesFileSync, readSeriesParquetFile } from "market-reaction/node";
import { cli } from "../cli/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "market-reaction-columnar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECTORS = "fixtures/daily/synthetic-sectors.csv";

/** The sectors fixture (wide CSV) as a header and columns of text dates and numbers. */
function sectors(): { names: string[]; dates: string[]; values: number[][] } {
  const [head, ...lines] = readFileSync(SECTORS, "utf8").trim().split("\n");
  const names = head!.split(",").slice(1);
  const rows = lines.map((l) => l.split(","));
  return { names, dates: rows.map((r) => r[0]!), values: names.map((_, k) => rows.map((r) => Number(r[k + 1]))) };
}

/** Writes the sectors panel as Parquet, Arrow file, Feather and Arrow stream; returns the paths. */
function writePanels(): Record<string, string> {
  const { names, dates, values } = sectors();
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: "date", data: dates, type: "STRING" },
      ...names.map((name, k) => ({ name, data: Float64Array.from(values[k]!), type: "DOUBLE" as const })),
    ],
    rowGroupSize: 300,
  });
  const columns: Record<string, Vector> = { date: vectorFromArray(dates, new Utf8()) };
  names.forEach((name, k) => {
    columns[name] = vectorFromArray(values[k]!, new Float64());
  });
  const table = new Table(columns);
  const out: Record<string, string> = {};
  for (const [ext, bytes] of [
    ["parquet", new Uint8Array(parquet)],
    ["arrow", tableToIPC(table, "file")],
    ["feather", tableToIPC(table, "file")],
    ["arrows", tableToIPC(table, "stream")],
  ] as const) {
    out[ext] = join(dir, `sectors.${ext}`);
    writeFileSync(out[ext], bytes);
  }
  return out;
}

describe("columnar files in the node entry", () => {
  const paths = writePanels();

  it("readSeriesFile reads .parquet, .arrow, .feather and .arrows as the CSV they were written from", async () => {
    const expected = parseSeriesCsv(readFileSync(SECTORS, "utf8")).series;
    for (const path of Object.values(paths)) {
      const t = await readSeriesFile(path);
      expect(t.series, path).toEqual(expected);
      expect(t.warnings, path).toEqual([]);
    }
    expect((await readSeriesParquetFile(paths.parquet!)).series).toEqual(expected);
    expect((await readSeriesArrowFile(paths.arrows!)).series).toEqual(expected);
  });

  it("missing files fail with IO_ERROR; the synchronous reader refuses columnar files with a pointer to readSeriesFile", async () => {
    for (const f of [readSeriesArrowFile, readSeriesParquetFile]) {
      await expect(f(join(dir, "none.arrow"))).rejects.toMatchObject({ code: "IO_ERROR" });
    }
    await expect(readSeriesArrowFile(dir)).rejects.toMatchObject({ code: "IO_ERROR" });
    let error: MarketReactionError | undefined;
    try {
      readSeriesFileSync(paths.parquet!);
    } catch (e) {
      error = e as MarketReactionError;
    }
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.message).toMatch(/use readSeriesFile/);
  });

  it("the study command takes a Parquet or Arrow panel as --prices and gives the CSV panel's CARs", async () => {
    const args = (prices: string) => [
      "study",
      "--prices",
      prices,
      "--market",
      "fixtures/daily/synthetic-world.csv",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--format",
      "json",
    ];
    const base = await cli(...args(SECTORS));
    expect(base.code).toBe(0);
    const car = JSON.parse(base.stdout).car;
    expect(car.length).toBeGreaterThan(0);
    for (const path of [paths.parquet!, paths.arrows!]) {
      const r = await cli(...args(path));
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).car).toEqual(car);
    }
  });
});
