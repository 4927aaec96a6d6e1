/**
 * Issue 17, classes 7 and 8: every writer escapes user text for its medium (markdown, HTML,
 * terminal, CSV with the formula policy), non-finite numbers are written empty with a word,
 * skipped pairs are announced in every output format, and results do not alias the caller's
 * arrays.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignReturns, computeReturns, eventStudy, formatCsv, formatTextTable, tradingCalendar, type MarketEvent } from "market-reaction";
import { cli } from "../cli/helpers.js";
import { marketPair, sessions } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "mr-safety-"));
const hostile = path.join(dir, "hostile.csv");
// ids and labels with a markdown heading after a line break, pipes, an escape sequence, a formula
writeFileSync(
  hostile,
  'id,timestamp,label\n"E1\n# Injected heading",2025-04-09T13:18,"=HYPERLINK(""http://x"",""click"")"\n"E2|col\u001b[31m",2025-04-10T10:00,"@SUM(A1) <script>alert(1)</script>"\nEARLY,2023-01-05T12:00,too early for an estimation window\n',
);
const PRICES = ["--prices", "fixtures/daily/synthetic-us-index.csv", "--market", "fixtures/daily/synthetic-world.csv"];

describe("outputs safe for their medium", () => {
  it("align --format markdown: a line break in an id cannot start a heading; pipes are escaped", async () => {
    const r = await cli("align", "--events", hostile, "--format", "markdown");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").some((l) => l.startsWith("#"))).toBe(false);
    expect(r.stdout).toContain("E2\\|col");
    expect(r.stdout).not.toContain("\u001b");
  });

  it("align and study in the terminal: escape sequences are shown as codes, never sent", async () => {
    const a = await cli("align", "--events", hostile);
    const s = await cli("study", ...PRICES, "--events", hostile);
    for (const r of [a, s]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach the terminal
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(r.stdout).toContain("\\u{1b}[31m");
    }
  });

  it("CSV: formula-like text gets a leading ' (labels, ids), plain negative numbers do not", async () => {
    const r = await cli("study", ...PRICES, "--events", hostile, "--format", "csv", "--table", "abnormal");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(r.stdout).toContain("'@SUM(A1) <script>alert(1)</script>");
    expect(r.stdout).toMatch(/,-0\.\d+/); // negative abnormal returns stay numbers
    expect(formatCsv([{ a: "-5", b: "-x", c: "+1", d: "=1", e: "\tcmd" }])).toBe("a,b,c,d,e\n-5,'-x,+1,'=1,'\tcmd\n");
    expect(formatCsv([{ a: "=1" }], { formulas: "keep" })).toBe("a\n=1\n");
  });

  it("HTML paper table: user text escaped", () => {
    const days = sessions("2024-01-02", 300);
    const { market, asset } = marketPair(2, days);
    const events: MarketEvent[] = [
      { id: "<b>E1</b>", timestamp: "2025-01-15T12:00", timezone: "America/New_York", precision: "minute", label: "<script>x</script>" },
    ];
    const html = eventStudy({ assets: [asset], market, events, estimation: [-120, -11] }).toTable("html");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>E1");
  });

  it("non-finite numbers: empty in CSV and text tables, reported to the caller", () => {
    const seen: string[] = [];
    expect(formatCsv([{ t: Number.POSITIVE_INFINITY, p: Number.NaN, n: 1 }], { onNonFinite: (c) => seen.push(c) })).toBe("t,p,n\n,,1\n");
    expect(seen).toEqual(["t"]);
    expect(formatTextTable([{ id: "a\u001b[2Jb\u202eevil" }])).toBe("id\n-----------------------\na\\u{1b}[2Jb\\u{202e}evil\n");
  });
});

describe("nothing dropped without a word", () => {
  it("study --format csv announces the skipped pair on stderr; markdown carries it; JSON lists it", async () => {
    const csv = await cli("study", ...PRICES, "--events", hostile, "--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.stderr).toMatch(/1 \(asset, statement\) pair was skipped and are not in the CSV|1 \(asset, statement\) pair was skipped/);
    expect(csv.stderr).toMatch(/skipped EARLY \(.*\): INSUFFICIENT_ESTIMATION_DATA/);
    expect(csv.stdout).not.toContain("EARLY");
    const md = await cli("study", ...PRICES, "--events", hostile, "--format", "markdown");
    expect(md.stdout).toMatch(/1 \(asset, statement\) pair was skipped \(--table skipped lists them\):\n\n- skipped EARLY/);
    const json = JSON.parse((await cli("study", ...PRICES, "--events", hostile, "--format", "json")).stdout);
    expect(json.skipped.map((s: { event_id: string }) => s.event_id)).toEqual(["EARLY"]);
  });

  it("align --format csv announces statements it could not align on stderr", async () => {
    const file = path.join(dir, "weekend.csv");
    writeFileSync(file, "id,timestamp\nSAT,2025-04-05T12:00\nMON,2025-04-07T12:00\n");
    const r = await cli("align", "--events", file, "--format", "csv", "--non-trading", "drop");
    expect(r.stdout).not.toContain("SAT");
    expect(r.stderr).toMatch(/skipped SAT on XNYS/);
  });
});

describe("results do not alias the caller's arrays", () => {
  const days = sessions("2024-01-02", 300);
  const { market, asset } = marketPair(4, days);
  const rets = {
    id: "R",
    kind: "return" as const,
    days: days.slice(1),
    values: Float64Array.from(asset.values.subarray(1), (v, i) => v / asset.values[i]! - 1),
  };

  it("alignReturns and computeReturns give new arrays: writing to them leaves the inputs as they were", () => {
    const before = [rets.values.slice(), rets.days.slice(), market.values.slice()];
    const a = alignReturns({ asset: rets, market, calendar: tradingCalendar("XNYS") });
    const c = computeReturns(market);
    for (const arr of [a.asset, a.days, a.market!, c.values, c.days]) (arr as Float64Array | Int32Array).fill(0);
    expect([rets.values, rets.days, market.values]).toEqual(before);
  });

  it("eventStudy: writing to the result's rows and pairs leaves the statements and series untouched", () => {
    const events: MarketEvent[] = [{ id: "E1", timestamp: "2025-01-15T12:00", timezone: "America/New_York", precision: "minute", label: "x" }];
    const snapshot = JSON.stringify(events);
    const values = asset.values.slice();
    const s = eventStudy({ assets: [asset], market, events, estimation: [-120, -11] });
    (s.events[0] as { label: string | null }).label = "changed";
    for (const p of s.pairs) for (const v of Object.values(p)) if (v instanceof Float64Array) v.fill(0);
    expect(JSON.stringify(events)).toBe(snapshot);
    expect(asset.values).toEqual(values);
  });
});
