import { describe, expect, it } from "vitest";
import { formatCsv, formatTextTable } from "../../src/output/index.js";

describe("formatTextTable", () => {
  it("formatTextTable(rows) aligns text left and numbers (and their headers) right", () => {
    const out = formatTextTable([
      { id: "E17", n: 5, x: 0.5 },
      { id: "E20a", n: 12, x: null },
    ]);
    expect(out).toBe("id     n    x\n----  --  ---\nE17    5  0.5\nE20a  12\n");
  });
  it("formatTextTable(rows, {digits}) rounds to significant digits and flattens line breaks", () => {
    const out = formatTextTable([{ a: 1 / 3, b: "two\nlines" }], { digits: 3 });
    expect(out).toBe("    a  b\n-----  ---------\n0.333  two lines\n");
  });
});

describe("formatTextTable maxWidth", () => {
  it("formatTextTable(rows, {maxWidth}) cuts long cells with an ellipsis", () => {
    expect(formatTextTable([{ h: "abcdefghij" }], { maxWidth: 5 })).toBe("h\n-----\nabcd…\n");
  });
});

describe("formatCsv", () => {
  it("formatCsv(rows) quotes delimiters, quotes and line breaks", () => {
    expect(formatCsv([{ id: "E1", label: 'said "no", twice\nreally' }])).toBe('id,label\nE1,"said ""no"", twice\nreally"\n');
  });
  it("formatCsv(rows) writes missing values as empty fields and keeps full precision", () => {
    expect(formatCsv([{ a: Number.NaN, b: null, c: 0.1 + 0.2 }])).toBe("a,b,c\n,,0.30000000000000004\n");
  });
  it("formatCsv(rows, {columns}) takes the union of keys by default", () => {
    expect(formatCsv([{ a: 1 }, { b: 2 }])).toBe("a,b\n1,\n,2\n");
  });
});
