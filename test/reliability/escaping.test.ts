/**
 * Issue 17, class 7: every writer escapes user text (statement ids, labels, speakers, asset ids,
 * captions, chart titles) for its medium, control characters included (XML 1.0 forbids most C0
 * controls even as references: they are written as visible `\u{…}` codes, as in the terminal and
 * markdown), and every CSV writer applies the formula policy. The CSV writers are found in the
 * exports and the Study class by name, so a new one must be added to the table here.
 */
import { describe, expect, it } from "vitest";
import * as core from "market-reaction";
import { carChart, eventStudy, formatCsv, type MarketEvent, serializeSeriesCsv, Study, studyTable } from "market-reaction";
import { renderSvg } from "market-reaction/node";
import { formatMarkdownTable, renderRows, tallyInfinite, warnNonFinite } from "../../src/cli/output.js";
import { marketPair, sessions } from "./helpers.js";

/** Text a hostile user writes: markup, quotes, LaTeX specials, a formula, an escape sequence, a bell, NUL, a direction override. */
const HOSTILE_ID = '=HYPERLINK("x")<b>&\u001b[31m\u0007';
const HOSTILE_LABEL = "<script>alert(1)</script> 50% & $x_1^{2}$ \\end{table}\u0000\u202eevil\nline";
// biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach an output
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/;

function hostileStudy() {
  const days = sessions("2024-01-02", 300);
  const { market, asset } = marketPair(3, days);
  const events: MarketEvent[] = [
    { id: HOSTILE_ID, timestamp: "2025-01-15T12:00", timezone: "America/New_York", precision: "minute", label: HOSTILE_LABEL, speaker: "A & B <i>" },
  ];
  return eventStudy({ assets: [{ ...asset, id: "@ASSET<svg>" }], market, events, estimation: [-120, -11] });
}

describe("paper tables: text, markdown, HTML, LaTeX", () => {
  const study = hostileStudy();
  const caption = "Caption <b> & 100%\u001b[2J";
  it("no raw control character in any format; the line break of a label cannot start a line", () => {
    for (const format of ["text", "markdown", "html", "latex"] as const) {
      const out = studyTable(study, format, { caption, labelWidth: 200 });
      expect(out, format).not.toMatch(RAW_CONTROL);
      expect(out, format).toContain(format === "latex" ? "\\textbackslash{}u\\{1b\\}" : "\\u{1b}");
      expect(
        out.split("\n").some((l) => l.startsWith("line")),
        format,
      ).toBe(false);
    }
  });
  it("HTML: markup and quotes become entities", () => {
    const html = studyTable(study, "html", { caption, labelWidth: 200 });
    expect(html).not.toMatch(/<script|<b>|<i>|<svg/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("=HYPERLINK(&quot;x&quot;)&lt;b&gt;&amp;\\u{1b}[31m\\u{7}");
    expect(html.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
  });
  it("LaTeX: the special characters are escaped, \\end cannot close the table", () => {
    const tex = studyTable(study, "latex", { caption, labelWidth: 200 });
    expect(tex).toContain("50\\% \\& \\$x\\_1\\textasciicircum{}\\{2\\}\\$ \\textbackslash{}end\\{table\\}\\textbackslash{}u\\{0\\}");
    expect(tex.match(/\\end\{table\}/g)).toHaveLength(1);
    expect(tex).toContain("Caption <b> \\& 100\\%\\textbackslash{}u\\{1b\\}[2J");
  });
  it("markdown: pipes, markup and emphasis escaped", () => {
    const md = studyTable(study, "markdown", { caption, labelWidth: 200 });
    expect(md).toContain("\\<script\\>");
    expect(md).not.toMatch(/(?<!\\)<(b|script)/);
  });
});

describe("SVG charts (vega renders, renderSvg makes the document XML 1.0)", () => {
  it("ids, labels and titles: no markup, no forbidden character, every & an entity", async () => {
    const svg = await renderSvg(carChart(hostileStudy(), { title: "Title <inject>\u0001\u000b & co" }));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<script|<b>|<svg>|<inject>/);
    expect(svg).toContain('=HYPERLINK("x")&lt;b&gt;&amp;\\u{1b}[31m\\u{7}');
    expect(svg).toContain("Title &lt;inject&gt;\\u{1}\\u{b} &amp; co");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 allows only tab, line feed and carriage return below U+0020
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(svg.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, "")).not.toContain("&");
    expect(svg).toContain("\\u{1}");
  });
});

describe("non-finite numbers", () => {
  it("empty in text and markdown tables (as in CSV), null in JSON", () => {
    expect(core.formatTextTable([{ a: Number.POSITIVE_INFINITY, b: Number.NaN, c: 1 }])).toBe("a  b  c\n-  -  -\n      1\n");
    expect(core.formatJson({ a: Number.NEGATIVE_INFINITY })).toBe('{\n  "a": null\n}\n');
    expect(formatMarkdownTable([{ a: Number.POSITIVE_INFINITY, b: "x" }], ["a", "b"])).toBe("| a | b |\n| --- | --- |\n|  | x |\n");
  });

  it("the CLI's tables and JSON count them, and say so once on stderr (study, intraday, align)", () => {
    const rows = [
      { a: Number.POSITIVE_INFINITY, b: Number.NaN, c: Number.NEGATIVE_INFINITY },
      { a: 1, b: 2, c: Number.POSITIVE_INFINITY },
    ];
    for (const format of ["table", "markdown", "csv"] as const) {
      const tally = { count: 0 };
      renderRows(rows, ["a", "b"], format, tally);
      expect(tally.count, format).toBe(1); // only the written columns; NaN is a missing value, not counted
      renderRows(rows, ["a", "b", "c"], format, tally);
      expect(tally.count, format).toBe(4);
    }
    const tally = { count: 0 };
    const value = { rows, nested: [[Number.NEGATIVE_INFINITY]], typed: Float64Array.of(Number.POSITIVE_INFINITY), s: "Infinity" };
    expect(tallyInfinite(value, tally)).toBe(value);
    expect(tally.count).toBe(4); // typed arrays are not JSON rows: not walked
    const err: string[] = [];
    const io = { stderr: (t: string) => err.push(t) } as never;
    warnNonFinite(io, { count: 0 }, "json");
    warnNonFinite(io, { count: 1 }, "json");
    warnNonFinite(io, { count: 3 }, "csv");
    expect(err).toEqual(["warning: 1 infinite number was written as null\n", "warning: 3 infinite numbers were written as empty cells\n"]);
  });

  it("empty in serializeSeriesCsv (wide and long), counted once through onNonFinite with the first place", () => {
    const days = Int32Array.of(20185, 20186, 20187); // 2025-04-07 … 2025-04-09
    const series = [
      { id: "A", kind: "price" as const, days, values: Float64Array.of(1, Number.POSITIVE_INFINITY, Number.NaN) },
      { id: "B", kind: "price" as const, days, values: Float64Array.of(Number.NEGATIVE_INFINITY, 2, 3) },
    ];
    const heard: unknown[] = [];
    const onNonFinite = (count: number, first: { asset: string; date: string }) => heard.push([count, first]);
    expect(serializeSeriesCsv(series, { onNonFinite })).toBe("date,A,B\n2025-04-07,1,\n2025-04-08,,2\n2025-04-09,,3\n");
    expect(serializeSeriesCsv(series, { layout: "long", onNonFinite })).toBe(
      "date,asset,value\n2025-04-07,A,1\n2025-04-08,A,\n2025-04-09,A,\n2025-04-07,B,\n2025-04-08,B,2\n2025-04-09,B,3\n",
    );
    expect(heard).toEqual([
      [2, { asset: "B", date: "2025-04-07" }],
      [2, { asset: "A", date: "2025-04-08" }],
    ]);
    // without the callback the cells are still empty, and finite data never calls it
    expect(serializeSeriesCsv([series[1]!])).toBe("date,B\n2025-04-07,\n2025-04-08,2\n2025-04-09,3\n");
    serializeSeriesCsv([{ id: "C", kind: "price", days, values: Float64Array.of(1, 2, 3) }], { onNonFinite });
    expect(heard).toHaveLength(2);
    expect(() => serializeSeriesCsv(series, { onNonFinite: 3 as never })).toThrow(/onNonFinite/);
  });
});

describe("CSV: the formula policy in every CSV writer", () => {
  const study = hostileStudy();
  /** Each CSV writer, run on the hostile id and label. */
  const WRITERS: Readonly<Record<string, () => string>> = {
    formatCsv: () => formatCsv([{ id: HOSTILE_ID, label: "@SUM(A1)" }]),
    serializeSeriesCsv: () =>
      serializeSeriesCsv([{ id: HOSTILE_ID, kind: "price", days: Int32Array.of(20000), values: Float64Array.of(1) }]) +
      serializeSeriesCsv([{ id: "@SUM(A1)", kind: "price", days: Int32Array.of(20000), values: Float64Array.of(1) }], { layout: "long" }),
    "Study.toCSV": () => study.toCSV("events") + study.toCSV("car"),
    "Study.toCSVChunks": () => [...study.toCSVChunks("abnormal")].join(""),
  };

  it("the table lists every CSV writer of the library", () => {
    const exported = Object.entries(core)
      .filter(([name, v]) => typeof v === "function" && /csv/i.test(name) && !/^(parse|safeParse|create|detect|read)|Parser$/.test(name))
      .map(([name]) => name);
    const methods = Object.getOwnPropertyNames(Study.prototype)
      .filter((m) => /csv/i.test(m))
      .map((m) => `Study.${m}`);
    expect(Object.keys(WRITERS).sort()).toEqual([...exported, ...methods].sort());
  });
  for (const [name, write] of Object.entries(WRITERS)) {
    it(`${name}: formula-like cells start with ', nothing starts a cell with = + - @ or a tab`, () => {
      const text = write();
      expect(text).toMatch(/'=HYPERLINK|'@SUM/);
      // every cell, quoted or not: none starts with a formula character (plain negative numbers aside)
      const cells = text.split(/\r?\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
      for (const cell of cells) expect(cell.replace(/^"/, ""), `${name}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
    });
  }
});
