/**
 * Issue 17, class 4, in the parsers: every parser that declares a kind or a unit checks its
 * values against it where they are read, and number formats that read wrongly are named.
 * The judgement is the one of the study entry points (kinds.test.ts); here each parser's
 * message names the file, the column and the option (and CLI flag) that fixes it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createSeriesCsvParser,
  factorsFromRows,
  isoFromDayKey,
  parseBarsCsv,
  parseEventsCsv,
  parseEventsJson,
  parseFactorsCsv,
  parseSeriesCsv,
  parseVolumeCsv,
  seriesFromRows,
  type Series,
} from "market-reaction";
import { cli } from "../cli/helpers.js";
import { describeOutcome, marketPair, outcomeSync, seriesCsv, sessions } from "./helpers.js";

const days = sessions("2024-01-02", 120);
const { asset } = marketPair(17, days);
/** Simple returns of the synthetic asset, times `scale` (100: percent). */
const returnsOf = (s: Series, scale = 1): Series => ({
  id: s.id,
  kind: "return",
  days: s.days.slice(1),
  values: Float64Array.from(s.values.subarray(1), (v, i) => scale * (v / s.values[i]! - 1)),
});
const iso = Array.from(days, (d) => isoFromDayKey(d));
const priceText = seriesCsv(asset, "date,close");
const returnText = seriesCsv(returnsOf(asset), "date,ret");
const percentText = seriesCsv(returnsOf(asset, 100), "date,ret");

/** The error of a call that must throw a MarketReactionError. */
function errorOf(fn: () => unknown): { code: string; message: string; issues: readonly { message: string }[] } {
  const o = outcomeSync(fn);
  if (o.kind !== "error") throw new Error(`expected a MarketReactionError, got ${describeOutcome(o)}`);
  return o.error;
}

describe("series parsers: the declared kind against the values", () => {
  it("a price column read as returns stops naming the file, the column, the evidence and both remedies", () => {
    const e = errorOf(() => parseSeriesCsv(priceText.replace("date,close", "date,ret"), { values: "return", file: "spx.csv" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toMatch(
      /^spx\.csv: column "ret" \(series "spx"\) is read as returns but its values look like prices \(median \|value\| [\d.]+, 100 % positive, 0 % negative over 120 values\); read it as prices: values: "price" \(on the command line --prices instead of --returns\)$/,
    );
  });

  it("prices read as percent returns are judged as written (50 is no 0.5 return)", () => {
    const e = errorOf(() => parseSeriesCsv(priceText, { values: "return", returnUnit: "percent" }));
    expect(e.message).toMatch(/^column "close" is read as returns but its values look like prices \(median \|value\| \d+(\.\d+)?, 100 % positive/);
  });

  it("a return column read as prices: one error naming the column, not one issue per negative row", () => {
    const e = errorOf(() => parseSeriesCsv(returnText.replace("date,ret", "date,close"), { file: "r.csv" }));
    expect(e.message).toMatch(
      /^r\.csv: column "close" \(series "r"\) is read as prices but its values look like returns \(median \|value\| 0\.0\d+, \d+ % positive, \d+ % negative over 119 values\); read it as returns: values: "return" \(on the command line --returns instead of --prices\)$/,
    );
    expect(e.issues).toEqual([{ column: "close", file: "r.csv", message: "values look like returns" }]);
  });

  it("a few nonpositive prices among real prices stay row issues (no kind verdict)", () => {
    const text = priceText.replace(/\n(\d{4}-\d{2}-\d{2}),[\d.]+\n/, "\n$1,-3\n");
    const e = errorOf(() => parseSeriesCsv(text));
    expect(e.message).toMatch(/invalid prices: 1 problem/);
    expect(e.issues[0]!.message).toBe("price must be positive, got -3");
  });

  it("percent returns read as decimal returns stop, naming returnUnit", () => {
    const e = errorOf(() => parseSeriesCsv(percentText, { values: "return" }));
    expect(e.message).toMatch(
      /^column "ret" is read as decimal returns but a typical value moves \d+(\.\d+)? % \(median .*\): percent returns\? pass returnUnit: "percent"/,
    );
    expect(parseSeriesCsv(percentText, { values: "return", returnUnit: "percent" }).warnings).toEqual([]);
  });

  it("decimal returns declared as percent: RETURN_UNIT_SUSPECT with the typical size", () => {
    const t = parseSeriesCsv(returnText, { values: "return", returnUnit: "percent", file: "r.csv" });
    expect(t.warnings.map((w) => w.code)).toEqual(["RETURN_UNIT_SUSPECT"]);
    expect(t.warnings[0]!.message).toMatch(
      /^r\.csv: column "ret" \(series "r"\) was read as percent returns \(divided by 100\), but its median \|value\| 0\.0\d+ as written looks like decimal returns; if so, pass returnUnit: "decimal"$/,
    );
  });

  it("an index level declared as a yield in percent: LEVEL_UNIT_SUSPECT naming --level-unit points", () => {
    const index = seriesCsv({ ...asset, values: asset.values.map((v) => 100 * v) }, "date,spx");
    const t = parseSeriesCsv(index, { values: "level", levelUnit: "percent" });
    expect(t.warnings.map((w) => w.code)).toEqual(["LEVEL_UNIT_SUSPECT"]);
    expect(t.warnings[0]!.message).toMatch(
      /median \|value\| \d{4}(\.\d)? is no rate in percent.*levelUnit: "points" \(on the command line --level-unit points\)/,
    );
    const yields = seriesCsv({ ...asset, values: asset.values.map((v) => v / 12) }, "date,dgs10");
    expect(parseSeriesCsv(yields, { values: "level", levelUnit: "percent" }).warnings).toEqual([]);
  });

  it("plausible files pass without a word: prices, decimal returns, percent returns", () => {
    expect(parseSeriesCsv(priceText).warnings).toEqual([]);
    expect(parseSeriesCsv(returnText, { values: "return" }).warnings).toEqual([]);
    expect(parseSeriesCsv(percentText, { values: "return", returnUnit: "percent" }).series[0]!.values.length).toBe(119);
  });

  it("a long panel names the asset; rows, streams and whole text agree", () => {
    const rows = iso.map((date, i) => ({ date, asset: "AAA", close: asset.values[i]! }));
    const panel = `date,asset,ret\n${iso.map((date, i) => `${date},AAA,${asset.values[i]}`).join("\n")}\n`;
    const whole = errorOf(() => parseSeriesCsv(panel, { values: "return" }));
    expect(whole.message).toMatch(/^column "ret" \(series "AAA"\) is read as returns but its values look like prices/);
    const parser = createSeriesCsvParser({ values: "return" });
    for (let i = 0; i < panel.length; i += 97) parser.write(panel.slice(i, i + 97));
    expect(errorOf(() => parser.end()).message).toBe(whole.message);
    const fromRows = errorOf(() => seriesFromRows(rows, { values: "return" }));
    expect(fromRows.message).toMatch(/^column "close" \(series "AAA"\) is read as returns but its values look like prices/);
  });

  it("fewer than 20 values are not judged", () => {
    const short = priceText.split("\n").slice(0, 19).join("\n");
    expect(parseSeriesCsv(short, { values: "return" }).series[0]!.values.length).toBe(18);
  });
});

describe("series parsers: number formats", () => {
  it("0,123 is no thousands number: an error with the decimal-comma hint (it was read as 123)", () => {
    const e = errorOf(() => parseSeriesCsv('date,ret\n2025-01-02,"0,123"\n', { values: "return" }));
    expect(e.issues[0]!.message).toBe('not a number: "0,123" (decimal comma? pass decimal: ",")');
    expect(parseSeriesCsv("date;ret\n2025-01-02;0,123\n", { values: "return", decimal: "," }).series[0]!.values[0]).toBe(0.123);
  });

  it("a signed decimal comma gets the hint too; a decimal point under decimal ',' is named", () => {
    expect(errorOf(() => parseSeriesCsv('date,ret\n2025-01-02,"-0,47"\n', { values: "return" })).issues[0]!.message).toBe(
      'not a number: "-0,47" (decimal comma? pass decimal: ",")',
    );
    expect(errorOf(() => parseSeriesCsv("date;close\n2025-01-02;5062.25\n", { decimal: "," })).issues[0]!.message).toBe(
      'not a number: "5062.25" (decimal point? the decimal separator was given as ",")',
    );
  });

  it("a column of whole numbers with one ',' group each: AMBIGUOUS_THOUSANDS with an example", () => {
    const text = `date,close\n${Array.from(days.subarray(0, 30), (_, i) => `${iso[i]},"${1 + (i % 9)},${100 + i}"`).join("\n")}\n`;
    const t = parseSeriesCsv(text, { file: "p.csv" });
    expect(t.series[0]!.values[0]).toBe(1100);
    expect(t.warnings.map((w) => w.code)).toEqual(["AMBIGUOUS_THOUSANDS"]);
    expect(t.warnings[0]!.message).toBe(
      'p.csv: column "close": 30 value(s) such as "1,100" (row 1) were read with "," as a thousands separator (1100), and no value of the column has a decimal part; if "," is the decimal separator, pass decimal: ","',
    );
  });

  it("no warning once the column shows a decimal part (in a grouped cell or a plain one) or two groups", () => {
    const dated = (cells: string[]) => `date,close\n${cells.map((c, i) => `${iso[i]},${c}`).join("\n")}\n`;
    expect(parseSeriesCsv(dated(['"1,100"', '"1,101.5"'])).warnings).toEqual([]);
    expect(parseSeriesCsv(dated(['"1,100"', "999.5"])).warnings).toEqual([]);
    expect(parseSeriesCsv(dated(["999.5", '"1,100"'])).warnings).toEqual([]);
    expect(parseSeriesCsv(dated(['"1,100"', '"1,000,100"'])).warnings).toEqual([]);
  });

  it("with decimal ',' a lone '.' group is ambiguous the other way", () => {
    const text = `date;close\n${Array.from({ length: 3 }, (_, i) => `${iso[i]};1.23${i}`).join("\n")}\n`;
    const t = parseSeriesCsv(text, { decimal: "," });
    expect(t.series[0]!.values[0]).toBe(1230);
    expect(t.warnings[0]!.message).toMatch(
      /read with "\." as a thousands separator \(1230\).*if "\." is the decimal separator, pass decimal: "\." \(the default\)/,
    );
  });
});

describe("factor, volume, bar and event parsers", () => {
  it("factors: a price column given as factors stops (after the unit guess)", () => {
    const e = errorOf(() => parseFactorsCsv(priceText.replace("date,close", "date,SPX"), { file: "ff.csv" }));
    expect(e.message).toMatch(
      /^ff\.csv: factor column "SPX" looks like prices or index levels, not returns \(median \|value\| 0\.\d+, 100 % positive, 0 % negative over 120 values after the unit conversion, even divided by 100 a typical day moves [\d.]+ %\); a factor file holds daily returns: give an index's prices as the market \(--market FILE, option market\) instead$/,
    );
    expect(e.issues[0]).toMatchObject({ column: "SPX", file: "ff.csv" });
    expect(() =>
      factorsFromRows(
        Array.from(asset.values, (v, i) => ({ date: iso[i], mkt: v })),
        { unit: "decimal" },
      ),
    ).toThrow(/factor column "mkt" looks like prices or index levels/);
  });

  it("factors: plausible percent and decimal files pass; a decimal comma is hinted", () => {
    expect(parseFactorsCsv(percentText.replace("date,ret", "date,Mkt-RF"), { unit: "percent" }).warnings).toEqual([]);
    expect(parseFactorsCsv(returnText.replace("date,ret", "date,Mkt-RF"), { unit: "decimal" }).warnings).toEqual([]);
    const e = errorOf(() => parseFactorsCsv('date,SMB\n2025-01-02,"0,12"\n', { unit: "percent" }));
    expect(e.issues[0]!.message).toBe('not a number: "0,12" (decimal comma? pass decimal: ",")');
  });

  it("volume: a return column read as volumes names the evidence", () => {
    const e = errorOf(() => parseVolumeCsv(returnText.replace("date,ret", "date,volume"), { file: "v.csv" }));
    expect(e.message).toMatch(
      /^v\.csv: volume must not be negative, got -[\d.e-]+ in column "volume"; its values look like returns, not volumes \(median \|value\| 0\.0\d+.*\): pass the volume column \(valueColumn\)$/,
    );
    expect(errorOf(() => parseVolumeCsv("date,volume\n2025-01-02,-5\n2025-01-03,7\n")).message).toBe('volume must not be negative, got -5 in column "volume"');
  });

  it("bars: closes that are returns stop as one error naming the close column", () => {
    const r = returnsOf(asset);
    const text = `datetime,close\n${Array.from(r.values, (v, i) => `2025-04-07T${String(13 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00Z,${v}`).join("\n")}\n`;
    const e = errorOf(() => parseBarsCsv(text, { file: "spxl.csv" }));
    expect(e.message).toMatch(
      /^spxl\.csv: column "close" holds bar closes, but its values look like returns \(median \|value\| 0\.0\d+, \d+ % positive, \d+ % negative over 119 values\); bars are read as prices: give the bars' prices$/,
    );
    expect(e.issues).toEqual([{ file: "spxl.csv", column: "close", message: "closes look like returns" }]);
  });

  it("bars: high below low, or open/close outside [low, high]: BAR_RANGE_INCONSISTENT; consistent bars: none", () => {
    const bad = parseBarsCsv(
      "datetime,open,high,low,close\n2025-04-07T13:30:00Z,90,89,91,90\n2025-04-07T13:31:00Z,90,91,89,92\n2025-04-07T13:32:00Z,90,91,89,90\n",
    );
    expect(bad.warnings.map((w) => w.code)).toEqual(["BAR_RANGE_INCONSISTENT"]);
    expect(bad.warnings[0]!.message).toBe(
      "bars: 2 bar(s) have a high below the low, or an open or close outside [low, high] (first on row 1); check which columns hold open, high, low and close",
    );
    expect(parseBarsCsv("datetime,open,high,low,close\n2025-04-07T13:30:00Z,90,91,89,90.5\n").warnings).toEqual([]);
    expect(parseBarsCsv("datetime,high,close\n2025-04-07T13:30:00Z,91,90.5\n").warnings).toEqual([]);
  });

  it("bars: a decimal comma is named (bars read '.' decimals only)", () => {
    const e = errorOf(() => parseBarsCsv('datetime,close\n2025-04-07T13:30:00Z,"90,91"\n'));
    expect(e.issues[0]!.message).toBe('close must be a positive number, got "90,91" (decimal comma? bar files are read with "." as the decimal separator)');
  });

  it("events: timestamps written as spreadsheet serials or Unix times are named", () => {
    const e = errorOf(() => parseEventsCsv("id,timestamp\nE1,45756\nE2,1744032600\nE3,1744032600000\nE4,12345\n"));
    const messages = e.issues.map((i) => i.message);
    expect(messages[0]).toMatch(/"45756" .*; a number of this size looks like a spreadsheet serial date: format the column as dates \(YYYY-MM-DD\)$/);
    expect(messages[1]).toMatch(/"1744032600" .*; a 10-digit number looks like Unix time in seconds/);
    expect(messages[2]).toMatch(/"1744032600000" .*; a 13-digit number looks like Unix time in milliseconds/);
    expect(messages[3]).toMatch(/optionally with Z or ±HH:MM\)$/);
    expect(errorOf(() => parseEventsJson('[{"id":"E1","timestamp":"45756"}]')).issues[0]!.message).toMatch(/spreadsheet serial date/);
  });
});

describe("the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "mr-parser-kinds-"));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("a return file passed as --prices exits 1 with one line naming the column and --returns FILE", async () => {
    const r = await cli("study", "--prices", file("rets.csv", returnText.replace("date,ret", "date,close")), "--events", "fixtures/events/tariffs-2025.csv");
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(
      /rets\.csv: column "close" \(series "rets"\) is read as prices but its values look like returns.*--returns instead of --prices\): the file holds negative values, so it looks like returns, not prices; load it with --returns \S*rets\.csv$/,
    );
  });

  it("a price file passed as --factors exits 1 naming the factor column", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--factors",
      file("ff.csv", priceText.replace("date,close", "date,Mkt-RF")),
      "--model",
      "factors:Mkt-RF",
      "--events",
      "fixtures/events/tariffs-2025.csv",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/factor column "Mkt-RF" looks like prices or index levels, not returns/);
  });
});
