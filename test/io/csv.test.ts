import { describe, expect, it } from "vitest";
import { isMissingCell, parseNumberCell, percentToDecimal } from "../../src/io/cells.js";
import { csvCell, detectDelimiter, readCsvRecords, stripBom } from "../../src/io/csv.js";
import { isMarketReactionError, parseSeriesCsv, serializeSeriesCsv, type Series } from "market-reaction";

describe("detectDelimiter(text, decimal)", () => {
  it("finds comma, semicolon, tab and pipe", () => {
    expect(detectDelimiter("date,close\n2025-04-09,1.5\n")).toBe(",");
    expect(detectDelimiter("date;close\n2025-04-09;1.5\n")).toBe(";");
    expect(detectDelimiter("date\tclose\n2025-04-09\t1.5\n")).toBe("\t");
    expect(detectDelimiter("date|close\n2025-04-09|1.5\n")).toBe("|");
  });

  it("prefers the separator found on more lines, ignoring quoted text", () => {
    expect(detectDelimiter('date;label\n2025-04-09;"a, b, c"\n2025-04-10;"d, e"\n')).toBe(";");
    expect(detectDelimiter("Date;Close\n07.04.2025;1.234,56\n")).toBe(";");
  });

  it("does not pick the comma when commas are decimal separators", () => {
    expect(detectDelimiter("date;close\n2025-04-09;1,5\n", ",")).toBe(";");
    expect(detectDelimiter("close\n1,5\n", ",")).toBe(";");
  });
});

describe("readCsvRecords(text)", () => {
  it("strips a BOM, handles CR, LF and CRLF, and skips blank lines", () => {
    expect(stripBom("\uFEFFa")).toBe("a");
    const r = readCsvRecords("\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6\n");
    expect(r.records).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });

  it("keeps quoted delimiters and line breaks inside a field", () => {
    expect(readCsvRecords('a,b\n1,"x, ""y""\nz"\n').records[1]).toEqual(["1", 'x, "y"\nz']);
  });
});

describe("parseNumberCell(cell, decimal)", () => {
  it("parses plain, signed, exponent and currency forms", () => {
    expect(parseNumberCell("5456.90")).toBe(5456.9);
    expect(parseNumberCell(" -0.47 ")).toBe(-0.47);
    expect(parseNumberCell("+1e-3")).toBe(0.001);
    expect(parseNumberCell(".5")).toBe(0.5);
    expect(parseNumberCell("$198.85")).toBe(198.85);
    expect(parseNumberCell("-$1.25")).toBe(-1.25);
    expect(Object.is(parseNumberCell("-0"), -0)).toBe(true);
  });

  it("returns null for missing tokens and NaN for text", () => {
    for (const m of ["", " ", ".", "-", "NA", "na", "N/A", "#N/A", "NaN", "null", "None"]) expect(parseNumberCell(m)).toBeNull();
    for (const bad of ["abc", "Infinity", "0x10", "1.2.3", "1,5", "12,34.5", "--1"]) expect(parseNumberCell(bad)).toBeNaN();
    expect(isMissingCell("NULL")).toBe(true);
    expect(isMissingCell("nullish")).toBe(false);
  });

  it("parses decimal commas with optional thousands dots or spaces", () => {
    expect(parseNumberCell("1,5", ",")).toBe(1.5);
    expect(parseNumberCell("5.456,90", ",")).toBe(5456.9);
    expect(parseNumberCell("5 456,90", ",")).toBe(5456.9);
    expect(parseNumberCell("1.5", ",")).toBeNaN();
    expect(parseNumberCell("1.500", ",")).toBe(1500);
  });
});

describe("percentToDecimal(v)", () => {
  it("moves the decimal point of the written value exactly", () => {
    expect(percentToDecimal(-0.47)).toBe(-0.0047);
    expect(percentToDecimal(9.52)).toBe(0.0952);
    expect(percentToDecimal(1e-7)).toBe(1e-9);
    expect(percentToDecimal(123456789)).toBe(1234567.89);
    expect(percentToDecimal(0)).toBe(0);
  });
});

describe("serializeSeriesCsv(series, options)", () => {
  const a = { id: "A", days: Int32Array.of(20185, 20186), values: Float64Array.of(1.5, -0), kind: "return" as const };
  const b = { id: "B, Inc.", days: Int32Array.of(20186, 20187), values: Float64Array.of(2, 1e-300), kind: "return" as const };

  it("writes a wide table over the union of days", () => {
    expect(serializeSeriesCsv([a, b])).toBe('date,A,"B, Inc."\n2025-04-07,1.5,\n2025-04-08,-0,2\n2025-04-09,,1e-300\n');
  });

  it("writes a long table", () => {
    expect(serializeSeriesCsv([a], { layout: "long", delimiter: ";" })).toBe("date;asset;value\n2025-04-07;A;1.5\n2025-04-08;A;-0\n");
  });

  describe("refuses ids that would not read back as themselves", () => {
    const named = (...ids: string[]): Series[] => ids.map((id) => ({ ...a, id }));
    /** The messages of the INVALID_INPUT error thrown, or the ids read back when nothing is thrown. */
    function outcome(series: Series[], layout: "wide" | "long"): string[] {
      try {
        return parseSeriesCsv(serializeSeriesCsv(series, { layout }), { format: layout, values: "return" }).series.map((s) => s.id);
      } catch (e) {
        if (!isMarketReactionError(e) || e.code !== "INVALID_INPUT") throw e;
        return e.issues.map((i) => i.message);
      }
    }

    it("a missing-value token in the long layout's asset column, every token, any case; wide headers keep them", () => {
      for (const id of ["NA", "na", "NaN", "NULL", "None", "N/A", "#n/a", "."]) {
        expect(outcome(named(id), "long")).toEqual([
          `series 1 (${JSON.stringify(id)}): the long layout's asset column reads this id as a missing cell; rename the series or write layout "wide"`,
        ]);
        expect(outcome(named("X", id), "wide")).toEqual(["X", id]);
      }
      // longer ids that merely start like a token are fine; "-" is written as a guarded formula, "'-"
      expect(outcome(named("NAB", "NONE1"), "long")).toEqual(["NAB", "NONE1"]);
      expect(outcome(named("-"), "long")).toEqual(["'-"]);
    });

    it("spaces at either end, empty ids and repeated ids, in both layouts, every problem listed", () => {
      for (const layout of ["wide", "long"] as const) {
        expect(outcome(named(" X", "Y ", "", "Z", "Z"), layout)).toEqual([
          'series 1 (" X"): spaces at either end are trimmed when read; trim the id',
          'series 2 ("Y "): spaces at either end are trimmed when read; trim the id',
          'series 3 (""): an empty id is read as a missing name; name the series',
          'series 5 ("Z"): another series has the same id; give each series its own id',
        ]);
      }
    });

    it("a carriage return anywhere in an id (read back as a line feed); a line feed alone is kept", () => {
      for (const layout of ["wide", "long"] as const) {
        expect(outcome(named("A\rB", "C\r\nD"), layout)).toEqual([
          'series 1 ("A\\rB"): a carriage return in an id is read back as a line feed; remove it',
          'series 2 ("C\\r\\nD"): a carriage return in an id is read back as a line feed; remove it',
        ]);
        expect(outcome(named("A\nB"), layout)).toEqual(["A\nB"]);
      }
    });

    it("date as a wide column (its exact name only; other cases read back as written), and as a long asset", () => {
      expect(outcome(named("date"), "wide")).toEqual(['series 1 ("date"): a second column named date clashes with the date column; rename the series']);
      expect(outcome(named("Date", "DATE"), "wide")).toEqual(["Date", "DATE"]);
      expect(outcome(named("date"), "long")).toEqual(["date"]);
    });
  });

  it("quotes cells only when needed", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a;b", ";")).toBe('"a;b"');
  });
});
