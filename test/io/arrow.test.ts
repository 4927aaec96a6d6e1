// Arrow IPC panels read by the library's own IPC reader, checked on files written by the
// reference implementation (apache-arrow, scripts/arrow-fixtures.ts) against the CSV reading of
// the same tables (written by the same script): same series, warnings and issues.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeriesArrow } from "../../src/arrow.js";
import { type MarketReactionError, type ParseSeriesOptions, parseSeriesCsv } from "../../src/index.js";

const dir = join(import.meta.dirname, "arrow-fixtures");
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const text = (name: string): string => readFileSync(join(dir, name), "utf8");

async function outcome(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    const t = (await (typeof p === "function" ? p() : p)) as { series: unknown; warnings: unknown; format: unknown; columns: unknown };
    return { series: t.series, warnings: t.warnings, format: t.format, columns: t.columns };
  } catch (e) {
    return { code: (e as MarketReactionError).code, message: (e as MarketReactionError).message, issues: (e as MarketReactionError).issues };
  }
}

/** The Arrow bytes as a source of byte ranges (as the node entry reads a file). */
function ranges(b: Uint8Array): { byteLength: number; slice: (a: number, e?: number) => Promise<ArrayBuffer> } {
  return { byteLength: b.byteLength, slice: async (a, e) => b.slice(a, e).buffer };
}

describe("parseSeriesArrow", () => {
  const cases: [string, string, ParseSeriesOptions][] = [
    ["wide.arrow", "wide.csv", {}],
    ["long.arrows", "long.csv", {}],
    ["date64.arrows", "date64.csv", {}],
    ["bad.feather", "bad.csv", { values: "return", valueColumn: "ret" }],
  ];
  for (const [arrow, csv, options] of cases) {
    it(`${arrow} (written by apache-arrow) reads as ${csv} does: series, warnings or issues`, async () => {
      const expected = await outcome(() => parseSeriesCsv(text(csv), { ...options, file: "panel" }));
      expect(await outcome(parseSeriesArrow(bytes(arrow), { ...options, file: "panel" }))).toEqual(expected);
      expect(await outcome(parseSeriesArrow(ranges(bytes(arrow)), { ...options, file: "panel" }))).toEqual(expected);
    });
  }

  it("the fixtures exercise what they are meant to: two batches, nulls, Float32, Int64, a dictionary, timestamps, bad rows", async () => {
    const wide = await parseSeriesArrow(bytes("wide.arrow"));
    expect(wide.series.map((s) => s.id)).toEqual(["SPY", "QQQ", "IWM", "BIG"]);
    expect(wide.series[1]!.values).toHaveLength(39);
    expect(wide.warnings.map((w) => w.code)).toEqual(["MISSING_VALUES"]);
    const long = await parseSeriesArrow(bytes("long.arrows"));
    expect(long.format).toBe("long");
    expect(long.series.map((s) => [s.id, s.values.length])).toEqual([
      ["AAA", 30],
      ["BBB", 30],
      ["CCC", 30],
    ]);
    const bad = (await outcome(parseSeriesArrow(bytes("bad.feather"), { values: "return", valueColumn: "ret" }))) as { issues: { message: string }[] };
    expect(bad.issues.map((i) => i.message)).toEqual(["return must be greater than -100%, got -1.5", "missing asset"]);
  });

  it("a slice of a larger buffer (unaligned) reads the same as the file's own bytes", async () => {
    const b = bytes("wide.arrow");
    const padded = new Uint8Array(b.byteLength + 3);
    padded.set(b, 3);
    expect(await parseSeriesArrow(padded.subarray(3))).toEqual(await parseSeriesArrow(b));
  });

  it("bad input fails with typed input errors: wrong magic, truncated file and stream, a column of an unread type named", async () => {
    const err = async (data: Uint8Array, options?: ParseSeriesOptions) =>
      (await outcome(parseSeriesArrow(data, { file: "x.arrow", ...options }))) as {
        code: string;
        message: string;
        issues: { column?: string; file?: string }[];
      };
    const magic = await err(new TextEncoder().encode("date,SPY\n2025-04-08,1\n"));
    expect(magic.code).toBe("INVALID_INPUT");
    expect(magic.message).toMatch(/^x\.arrow: not an Arrow IPC file or stream/);
    const file = bytes("wide.arrow");
    for (const cut of [file.byteLength - 3, file.byteLength >> 1, 12]) {
      const t = await err(file.subarray(0, cut));
      expect(t.code).toBe("INVALID_INPUT");
      expect(t.message).toMatch(/truncated|corrupt/);
    }
    const stream = bytes("long.arrows");
    for (const cut of [stream.byteLength - 20, stream.byteLength >> 1, 12]) {
      const t = await err(stream.subarray(0, cut));
      expect(t.code, `cut at ${cut}`).toBe("INVALID_INPUT");
      expect(t.message).toMatch(/truncated|corrupt/);
    }
    const flag = await err(bytes("bad.feather"), { values: "return", valueColumn: "flag" });
    expect(flag.code).toBe("INVALID_INPUT");
    expect(flag.message).toMatch(/column "flag" has the Arrow type Bool/);
    expect(flag.issues[0]!.column).toBe("flag");
    expect(flag.issues[0]!.file).toBe("x.arrow");
  });
});

describe("parseSeriesArrow on compressed bodies", () => {
  it("an LZ4-compressed file (written by apache-arrow) fails with an input error saying to write it uncompressed", async () => {
    const e = (await outcome(parseSeriesArrow(bytes("lz4.arrow"), { file: "lz4.arrow" }))) as { code: string; message: string };
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toMatch(/^lz4\.arrow: the Arrow record batches are compressed \(LZ4_FRAME\); only uncompressed Arrow IPC is read/);
  });
});
