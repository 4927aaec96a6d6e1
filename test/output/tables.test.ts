import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { eventStudy, significanceStars, studyTable, VEGA_LITE_MIME } from "../../src/index.js";
import { escapeHtml, escapeMarkdownCell } from "../../src/output/escape.js";
import { pick, study, us, world } from "../charts/helpers.js";

describe("significanceStars", () => {
  it("uses 10/5/1% thresholds", () => {
    expect([0.2, 0.1, 0.099, 0.05, 0.049, 0.01, 0.0099, Number.NaN].map(significanceStars)).toEqual(["", "", "*", "*", "**", "**", "***", ""]);
  });
});

describe("study.toTable", () => {
  it("text: statements as rows, windows as columns, CAR in percent with stars and t", () => {
    const text = study.toTable("text");
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/statement\s+day 0\s+speaker\s+label\s+M\s+CAR \[-1, 1\] \(%\)\s+CAR \[0, 0\] \(%\)/);
    for (const c of study.car) {
      const row = lines.findIndex((l) => l.startsWith(c.event_id));
      const cell = `${(c.car * 100).toFixed(2)}${significanceStars(c.p_value)}`;
      expect(lines[row]).toContain(cell);
      expect(lines[row + 1]).toContain(`(${c.t.toFixed(2)})`);
    }
    expect(text).toContain("t statistic of the CAR t test");
    // the note names the model, the test, M and the variance used
    const note = text.replace(/\s+/g, " ");
    expect(note).toContain("Normal-return model: market, fitted by OLS");
    expect(note).toMatch(/M: estimation observations \(M = \d+( to \d+)?\)/);
    expect(note).toContain("variance of the CAR from the full covariance of the abnormal returns");
  });
  it("p instead of t when asked", () => {
    const md = study.toTable("markdown", { stat: "p" });
    const c = study.car[0]!;
    expect(md).toContain(c.p_value < 0.001 ? "\\[<0.001\\]" : `\\[${c.p_value.toFixed(3)}\\]`);
  });
  it("escapes user strings in HTML and markdown", () => {
    const evil = { ...pick("E10")[0]!, id: "E<1>", label: 'x</td><script>alert("a")</script> | pipe', speaker: "A & B" };
    const s = eventStudy({ assets: [us], market: world, events: [evil], windows: [[0, 0]] });
    const html = s.toTable("html");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;");
    expect(html).toContain("A &amp; B");
    expect(html).toContain("E&lt;1&gt;");
    const md = s.toTable("markdown", { labelWidth: 200 });
    const row = md.split("\n").find((l) => l.startsWith("| E"))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6); // 6 cells: the user's | is escaped
  });
  it("rejects unknown formats and options", () => {
    expect(() => studyTable(study, "docx" as never)).toThrowError(/format/);
    expect(() => study.toTable("text", { stat: "z" as never })).toThrowError(/stat/);
  });
  it("escape helpers", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeMarkdownCell("a|b\nc*d")).toBe("a\\|b c\\*d");
  });
});

describe("notebook display and inspect", () => {
  it("Jupyter.display gives HTML, a Vega-Lite v5 spec and text", () => {
    const bundle = (study as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]!();
    expect(Object.keys(bundle)).toEqual(["text/html", VEGA_LITE_MIME, "text/plain"]);
    expect(VEGA_LITE_MIME).toBe("application/vnd.vegalite.v5+json");
    expect(bundle["text/html"]).toContain("<table");
    expect((bundle[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(bundle["text/plain"]).toContain("3 statements × 1 assets");
  });
  it("util.inspect shows the summary and the table", () => {
    const text = inspect(study);
    expect(text).toMatch(/^Study: 3 statements × 1 assets \(3 fits, 6 CARs, market model\)/);
    expect(text).toContain("[-1, 1]");
  });
});
