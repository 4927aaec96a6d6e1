import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MarketReactionError, dayKey, parseSeriesCsv } from "market-reaction";
import {
  decodeText,
  readEventsFile,
  readEventsFileSync,
  readFactorsFile,
  readFactorsFileSync,
  STREAM_BYTES,
  readSeriesFile,
  readSeriesFileStream,
  readSeriesFileStreamSync,
  readSeriesFileSync,
} from "market-reaction/node";

const dir = mkdtempSync(join(tmpdir(), "market-reaction-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function utf16(text: string, endian: "le" | "be", bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[0] = endian === "le" ? 0xff : 0xfe;
    out[1] = endian === "le" ? 0xfe : 0xff;
    o = 2;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o + 2 * i] = endian === "le" ? c & 0xff : c >> 8;
    out[o + 2 * i + 1] = endian === "le" ? c >> 8 : c & 0xff;
  }
  return out;
}

async function rejection(p: Promise<unknown>): Promise<MarketReactionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MarketReactionError) return e;
    throw e;
  }
  throw new Error("expected a MarketReactionError");
}

const CSV = "date,close\n2025-04-08,4982.77\n2025-04-09,5456.90\n";

describe("decodeText(bytes)", () => {
  it("decodes UTF-8 with and without BOM, UTF-16 LE/BE with BOM and without", () => {
    const enc = new TextEncoder();
    expect(decodeText(enc.encode("\uFEFFabc")).text).toBe("abc");
    expect(decodeText(enc.encode("é,1")).text).toBe("é,1");
    expect(decodeText(utf16("date,é", "le"))).toEqual({ text: "date,é", encoding: "utf-16le" });
    expect(decodeText(utf16("date,é", "be"))).toEqual({ text: "date,é", encoding: "utf-16be" });
    expect(decodeText(utf16("date,close", "le", false)).encoding).toBe("utf-16le");
    expect(decodeText(utf16("date,close", "be", false)).encoding).toBe("utf-16be");
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(decodeText(Uint8Array.of(0x63, 0x61, 0x66, 0xe9))).toEqual({ text: "café", encoding: "windows-1252" });
  });
});

describe("readSeriesFile(path)", () => {
  it("reads a file, naming the series after the file", async () => {
    const t = await readSeriesFile(put("sp500.csv", CSV));
    expect(t.series[0]!.id).toBe("sp500");
    expect(Array.from(t.series[0]!.values)).toEqual([4982.77, 5456.9]);
    expect(readSeriesFileSync(put("sp500b.csv", CSV), { id: "SPX" }).series[0]!.id).toBe("SPX");
  });

  it("reads UTF-16 files and UTF-8 files with a BOM", async () => {
    const le = await readSeriesFile(put("le.csv", utf16(CSV, "le")));
    const be = readSeriesFileSync(put("be.csv", utf16(CSV, "be")));
    const bom = readSeriesFileSync(put("bom.csv", `\uFEFF${CSV}`));
    for (const t of [le, be, bom]) {
      expect(t.columns.date).toBe("date");
      expect(Array.from(t.series[0]!.days)).toEqual([dayKey(2025, 4, 8), dayKey(2025, 4, 9)]);
    }
  });

  it("names the file in every issue and in the message", async () => {
    const path = put("bad.csv", "date,close\n2025-02-30,1\n2025-04-09,-2\n");
    const e = await rejection(readSeriesFile(path));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain(path);
    expect(e.issues).toHaveLength(2);
    expect(e.issues.every((i) => i.file === path)).toBe(true);
  });

  it("throws IO_ERROR for a missing file or a directory", async () => {
    const missing = join(dir, "nope.csv");
    const e = await rejection(readSeriesFile(missing));
    expect(e.code).toBe("IO_ERROR");
    expect(e.message).toContain(missing);
    expect(e.issues[0]!.file).toBe(missing);
    expect(() => readSeriesFileSync(dir)).toThrow(/is a directory/);
  });

  it("reports an encoding fallback as a warning", () => {
    const t = readSeriesFileSync(
      put("latin.csv", Uint8Array.from([...new TextEncoder().encode("date,caf"), 0xe9, ...new TextEncoder().encode("\n2025-04-09,1\n")])),
    );
    expect(t.series[0]!.id).toBe("café");
    expect(t.warnings.map((w) => w.code)).toEqual(["ENCODING_FALLBACK"]);
  });
});

describe("readFactorsFile(path) and readEventsFile(path)", () => {
  it("reads factor files and keeps the lookup method when warnings are added", async () => {
    const text = "date,Mkt-RF,RF\n2025-05-08,0.57,0.017\n2025-05-09,-0.31,0.017\n";
    const f = await readFactorsFile(put("ff.csv", text), { unit: "percent" });
    expect(Array.from(f.factor("mkt_rf"))).toEqual([0.0057, -0.0031]);
    // a French-layout file whose preamble is in Latin-1 ("créé")
    const enc = new TextEncoder();
    const bytes = Uint8Array.from([
      ...enc.encode("Fichier cr"),
      0xe9,
      0xe9,
      ...enc.encode(" par un script\n\n,Mkt-RF,RF\n20250508,0.57,0.017\n20250509,-0.31,0.017\n"),
    ]);
    const latin = readFactorsFileSync(put("ff-latin.csv", bytes));
    expect(latin.format).toBe("french");
    expect(latin.warnings.map((w) => w.code)).toEqual(["ENCODING_FALLBACK"]);
    expect(Array.from(latin.factor("RF"))).toEqual([0.00017, 0.00017]);
    expect(latin.factor).toBeTypeOf("function");
  });

  it("reads events as CSV or JSON by extension or content", async () => {
    const csv = await readEventsFile(put("events.csv", "id,datetime_et\nE1,2025-04-09T13:18\n"));
    expect(csv.events[0]!.timestamp).toBe("2025-04-09T13:18");
    const json = readEventsFileSync(put("events.json", '[{"id":"E2","timestamp":"2025-04-06"}]'));
    expect(json.events[0]!.precision).toBe("date");
    const sniffed = readEventsFileSync(put("events.dat", '{"events":[{"id":"E3","timestamp":"2025-04-07T10:11"}]}'));
    expect(sniffed.events[0]!.id).toBe("E3");
    const e = await rejection(readEventsFile(put("dup.json", '[{"id":"A","timestamp":"2025-04-06"},{"id":"A","timestamp":"2025-04-07"}]')));
    expect(e.issues[0]!.file).toContain("dup.json");
    expect(e.issues[0]!.row).toBe(2);
  });
});

describe("large price files are streamed", () => {
  /** A long panel of `rows` rows; with `bad`, one impossible date near the end. */
  function panelText(rows: number, bad = false): string {
    const lines = ["date,asset,value"];
    const start = dayKey(2000, 1, 3);
    for (let i = 0; i < rows; i++) {
      const day = start + Math.floor(i / 50);
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${bad && i === rows - 7 ? "2025-02-30" : iso},A${i % 50},${(100 + (i % 997) * 0.0137).toFixed(4)}`);
    }
    return `${lines.join("\n")}\n`;
  }

  it("readSeriesFile and readSeriesFileSync stream a file of STREAM_BYTES or more, with the same table as parsing the text", async () => {
    expect(STREAM_BYTES).toBe(4 * 1024 * 1024);
    const text = panelText(200_000);
    expect(text.length).toBeGreaterThan(STREAM_BYTES);
    const path = put("big-panel.csv", text);
    const expected = parseSeriesCsv(text, { file: path });
    for (const table of [await readSeriesFile(path), readSeriesFileSync(path), await readSeriesFileStream(path), readSeriesFileStreamSync(path)]) {
      expect(table.rowCount).toBe(200_000);
      expect(table.series).toHaveLength(50);
      expect(table.series).toEqual(expected.series);
      expect(table.warnings).toEqual(expected.warnings);
    }
  });

  it("a bad row of a large file is reported with its row and the file, as for a small one", async () => {
    const text = panelText(200_000, true);
    const path = put("big-bad.csv", text);
    const errors = [
      await readSeriesFile(path).catch((e: unknown) => e),
      (() => {
        try {
          return readSeriesFileSync(path);
        } catch (e) {
          return e;
        }
      })(),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(MarketReactionError);
      const err = e as MarketReactionError;
      expect(err.code).toBe("INVALID_INPUT");
      expect(err.issues).toEqual([
        { row: 199_994, column: "date", file: path, message: 'not a valid date: "2025-02-30" (expected YYYY-MM-DD, YYYYMMDD or MM/DD/YYYY)' },
      ]);
    }
  });

  it("readSeriesFileStreamSync decodes UTF-16 and falls back to Windows-1252 with a warning", () => {
    const le = put("sync-utf16.csv", utf16("date,close\n2025-04-08,4982.77\n2025-04-09,5456.90\n", "le"));
    expect(Array.from(readSeriesFileStreamSync(le).series[0]!.values)).toEqual([4982.77, 5456.9]);
    const latin = put(
      "sync-1252.csv",
      new Uint8Array([...new TextEncoder().encode("date,close,note\n2025-04-08,4982.77,caf"), 0xe9, ...new TextEncoder().encode("\n")]),
    );
    const t = readSeriesFileStreamSync(latin, { valueColumn: "close" });
    expect(t.warnings[0]).toEqual({ code: "ENCODING_FALLBACK", message: `${latin}: not valid UTF-8; decoded as Windows-1252` });
    expect(() => readSeriesFileStreamSync(join(dir, "nope.csv"))).toThrow(/IO_ERROR|no such file/);
  });
});
