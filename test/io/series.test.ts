import { describe, expect, it } from "vitest";
import { MarketReactionError, dayKey, parseSeriesCsv, safeParseSeriesCsv, safeSeriesFromRows, seriesFromRows, type SeriesTable } from "market-reaction";

const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return dayKey(y, m, day);
};
const days = (...isos: string[]): number[] => isos.map(d);
const arr = (a: ArrayLike<number>): number[] => Array.from(a);

function thrown(fn: () => unknown): MarketReactionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MarketReactionError) return e;
    throw e;
  }
  throw new Error("expected a MarketReactionError");
}

function only(table: SeriesTable) {
  expect(table.series).toHaveLength(1);
  return table.series[0]!;
}

describe("parseSeriesCsv(text) layouts", () => {
  it("reads the lowercase date,open,high,low,close,volume layout by its close column", () => {
    const t = parseSeriesCsv("date,open,high,low,close,volume\n2025-04-08,5193.57,5267.47,4910.42,4982.77,1\n2025-04-09,4965.28,5481.34,4948.43,5456.90,2\n");
    expect(t.format).toBe("generic");
    expect(t.columns).toEqual({ date: "date", values: ["close"] });
    const s = only(t);
    expect(arr(s.days)).toEqual(days("2025-04-08", "2025-04-09"));
    expect(arr(s.values)).toEqual([4982.77, 5456.9]);
    expect(s.kind).toBe("price");
    expect(t.rowCount).toBe(2);
    expect(t.warnings).toEqual([]);
  });

  it("prefers adj_close in the adjusted layout and reads date,adj_close,volume", () => {
    const a = parseSeriesCsv("date,adj_open,adj_high,adj_low,adj_close,volume\n2025-04-09,1,3,1,543.88,9\n");
    expect(a.columns.values).toEqual(["adj_close"]);
    expect(arr(only(a).values)).toEqual([543.88]);
    const b = parseSeriesCsv("date,adj_close,volume\n2025-04-09,110.5,100\n");
    expect(arr(only(b).values)).toEqual([110.5]);
  });

  it("reads a Yahoo export from Adj Close and says so", () => {
    const t = parseSeriesCsv("Date,Open,High,Low,Close,Adj Close,Volume\n2025-04-08,10,11,9,10.5,10.25,100\n2025-04-09,10,12,9,11.5,11.25,200\n", {
      id: "SPY",
    });
    expect(t.format).toBe("yahoo");
    expect(t.columns.values).toEqual(["Adj Close"]);
    expect(only(t).id).toBe("SPY");
    expect(arr(only(t).values)).toEqual([10.25, 11.25]);
  });

  it("falls back to Close for a Yahoo file without Adj Close", () => {
    const t = parseSeriesCsv("Date,Open,High,Low,Close,Volume\n2025-04-09,10,12,9,11.5,200\n", { format: "yahoo" });
    expect(t.columns.values).toEqual(["Close"]);
  });

  it("recognises the Stooq layouts, English and Polish", () => {
    const en = parseSeriesCsv("Date,Open,High,Low,Close,Volume\n2025-04-09,1,2,0.5,1.5,10\n");
    expect(en.format).toBe("stooq");
    expect(arr(only(en).values)).toEqual([1.5]);
    const pl = parseSeriesCsv("Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen\n2025-04-09,1,2,0.5,1.75,10\n");
    expect(pl.format).toBe("stooq");
    expect(pl.columns).toEqual({ date: "Data", values: ["Zamkniecie"] });
    expect(arr(only(pl).values)).toEqual([1.75]);
  });

  it("reads FRED downloads, counting '.' as missing", () => {
    const t = parseSeriesCsv("observation_date,SP500\n2025-01-08,5918.25\n2025-01-09,.\n2025-01-10,5827.04\n");
    expect(t.format).toBe("fred");
    const s = only(t);
    expect(s.id).toBe("SP500");
    expect(arr(s.days)).toEqual(days("2025-01-08", "2025-01-10"));
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]!.code).toBe("MISSING_VALUES");
    expect(t.warnings[0]!.message).toContain("1 row");
    expect(t.warnings[0]!.message).toContain("2025-01-09");
    expect(parseSeriesCsv("DATE,SP500\n2025-01-08,5918.25\n").format).toBe("fred");
  });

  it("reads Nasdaq.com files: MM/DD/YYYY, $ prefixes, newest first reversed and reported", () => {
    const t = parseSeriesCsv(
      'Date,Close/Last,Volume,Open,High,Low\n04/09/2025,$198.85,184395900,$171.95,$200.61,$171.89\n04/08/2025,$172.42,120265200,$186.70,$190.34,$169.21\n04/07/2025,"$1,181.46",160466300,$177.20,$194.15,$174.62\n',
      { id: "AAPL" },
    );
    expect(t.format).toBe("nasdaq");
    expect(t.columns.values).toEqual(["Close/Last"]);
    const s = only(t);
    expect(arr(s.days)).toEqual(days("2025-04-07", "2025-04-08", "2025-04-09"));
    expect(arr(s.values)).toEqual([1181.46, 172.42, 198.85]);
    expect(t.warnings.map((w) => w.code)).toEqual(["REVERSED_ROWS"]);
  });

  it("reads a wide file; each asset keeps only its own non-missing days", () => {
    const t = parseSeriesCsv("date,XLK,XLE\n2025-04-07,10,\n2025-04-08,11,20\n2025-04-09,NA,21\n");
    expect(t.format).toBe("wide");
    expect(t.series.map((s) => s.id)).toEqual(["XLK", "XLE"]);
    expect(arr(t.series[0]!.days)).toEqual(days("2025-04-07", "2025-04-08"));
    expect(arr(t.series[1]!.days)).toEqual(days("2025-04-08", "2025-04-09"));
    expect(arr(t.series[1]!.values)).toEqual([20, 21]);
    expect(t.warnings.map((w) => [w.code, w.asset])).toEqual([
      ["MISSING_VALUES", "XLK"],
      ["MISSING_VALUES", "XLE"],
    ]);
  });

  it("reads a long panel grouped by the asset column", () => {
    const t = parseSeriesCsv("date,ticker,close\n2025-04-08,A,1\n2025-04-08,B,2\n2025-04-09,A,1.5\n2025-04-09,B,2.5\n");
    expect(t.format).toBe("long");
    expect(t.columns).toEqual({ date: "date", values: ["close"], asset: "ticker" });
    expect(t.series.map((s) => [s.id, arr(s.values)])).toEqual([
      ["A", [1, 1.5]],
      ["B", [2, 2.5]],
    ]);
  });

  it("reads a long panel with explicit columns", () => {
    const t = parseSeriesCsv("security,real_date,rate,market\nX,2019-04-02,0.01,0.02\nX,2019-04-03,-0.02,0.01\n", {
      dateColumn: "real_date",
      valueColumn: "rate",
      values: "return",
    });
    expect(t.format).toBe("long");
    expect(arr(only(t).values)).toEqual([0.01, -0.02]);
    expect(only(t).kind).toBe("return");
  });

  it("reads several chosen value columns as separate series", () => {
    const t = parseSeriesCsv("date,dgs2,dgs10,t10y2y\n2025-04-09,3.86,4.34,0.48\n", { valueColumn: ["dgs2", "dgs10"] });
    expect(t.format).toBe("wide");
    expect(t.series.map((s) => s.id)).toEqual(["dgs2", "dgs10"]);
  });

  it("uses a single unnamed-price column's name as the id, and the file stem for a generic close", () => {
    expect(only(parseSeriesCsv("date,ACWI\n2025-04-09,110\n")).id).toBe("ACWI");
    expect(only(parseSeriesCsv("date,close\n2025-04-09,110\n", { file: "data/sp500_daily.csv" })).id).toBe("sp500_daily");
  });
});

describe("parseSeriesCsv(text) returns", () => {
  it("keeps decimal returns, negative ones included", () => {
    const s = only(parseSeriesCsv("date,ret\n2025-04-08,-0.0157\n2025-04-09,0.0952\n", { values: "return" }));
    expect(arr(s.values)).toEqual([-0.0157, 0.0952]);
  });

  it("converts percent returns to the decimal written in the file, exactly", () => {
    const t = parseSeriesCsv("date,ret\n2025-04-08,-1.57\n2025-04-09,9.52\n2025-04-10,-0.47\n2025-04-11,1e-3\n", {
      values: "return",
      returnUnit: "percent",
    });
    // expected values written by moving the decimal point by hand
    expect(arr(only(t).values)).toEqual([-0.0157, 0.0952, -0.0047, 0.00001]);
    expect(t.sourceUnit).toBe("percent");
  });

  it("rejects returns at or below -100% and non-finite returns", () => {
    const e = thrown(() => parseSeriesCsv("date,ret\n2025-04-08,-100\n2025-04-09,1e999\n", { values: "return", returnUnit: "percent" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [1, "ret"],
      [2, "ret"],
    ]);
    expect(e.issues[0]!.message).toContain("-100%");
    expect(e.issues[1]!.message).toContain("finite");
    expect(thrown(() => parseSeriesCsv("date,r\n2025-04-08,-1.5\n", { values: "return" })).code).toBe("INVALID_INPUT");
  });
});

describe("parseSeriesCsv(text) bad input", () => {
  it("lists every row of a duplicated date", () => {
    const e = thrown(() => parseSeriesCsv("date,close\n2025-04-07,1\n2025-04-08,2\n2025-04-08,3\n2025-04-09,4\n2025-04-09,5\n"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => i.row)).toEqual([3, 5]);
    expect(e.issues[0]!.message).toContain("2025-04-08");
    expect(e.issues[0]!.message).toContain("row 2");
  });

  it("sorts unsorted rows and warns", () => {
    const t = parseSeriesCsv("date,close\n2025-04-08,2\n2025-04-07,1\n2025-04-09,3\n");
    expect(arr(only(t).days)).toEqual(days("2025-04-07", "2025-04-08", "2025-04-09"));
    expect(arr(only(t).values)).toEqual([1, 2, 3]);
    expect(t.warnings.map((w) => w.code)).toEqual(["UNSORTED_ROWS"]);
  });

  it("collects non-positive, non-numeric prices and impossible dates into one error", () => {
    const e = thrown(() => parseSeriesCsv("date,close\n2025-04-07,0\n2025-02-30,5\n2025-04-09,abc\n2025-04-10,-3\n2025-04-11,7\n"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => [i.row, i.column])).toEqual([
      [1, "close"],
      [2, "date"],
      [3, "close"],
      [4, "close"],
    ]);
    expect(e.issues[1]!.message).toContain("2025-02-30");
    expect(e.issues[2]!.message).toContain("not a number");
    expect(e.message).toContain("4 problems");
  });

  it("rejects an empty file and a header without rows", () => {
    expect(thrown(() => parseSeriesCsv("")).code).toBe("INVALID_INPUT");
    expect(thrown(() => parseSeriesCsv(" \n\n")).code).toBe("INVALID_INPUT");
    const e = thrown(() => parseSeriesCsv("date,close\n"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("no data rows");
  });

  it("strips a BOM and accepts CRLF line ends", () => {
    const t = parseSeriesCsv("\uFEFFdate,close\r\n2025-04-08,1.5\r\n2025-04-09,2.5\r\n");
    expect(t.columns.date).toBe("date");
    expect(arr(only(t).values)).toEqual([1.5, 2.5]);
  });

  it("reads semicolon files with decimal commas (delimiter detected or given)", () => {
    const text = 'date;close\n2025-04-08;4982,77\n2025-04-09;"5.456,90"\n';
    const t = parseSeriesCsv(text, { decimal: "," });
    expect(arr(only(t).values)).toEqual([4982.77, 5456.9]);
    expect(arr(only(parseSeriesCsv(text, { decimal: ",", delimiter: ";" })).values)).toEqual([4982.77, 5456.9]);
    const e = thrown(() => parseSeriesCsv("date;close\n2025-04-08;4982,77\n"));
    expect(e.issues[0]!.message).toContain('decimal: ","');
  });

  it("reads thousands separators in their standard grouping only", () => {
    expect(arr(only(parseSeriesCsv('date,close\n2025-04-04,"5,074.08"\n')).values)).toEqual([5074.08]);
    expect(thrown(() => parseSeriesCsv('date,close\n2025-04-04,"50,74.08"\n')).code).toBe("INVALID_INPUT");
  });

  it("names the columns found when a required column is missing", () => {
    const e = thrown(() => parseSeriesCsv("date,open,high\n2025-04-09,1,2\n", { valueColumn: "Close" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain('"Close"');
    expect(e.message).toContain('"date", "open", "high"');
    const g = thrown(() => parseSeriesCsv("date,foo,bar\n2025-04-09,1,2\n", { format: "generic" }));
    expect(g.message).toContain("pass valueColumn");
    const n = thrown(() => parseSeriesCsv("date,close\n2025-04-09,1\n", { format: "nasdaq" }));
    expect(n.message).toContain("Close/Last");
  });

  it("drops and counts every kind of missing value", () => {
    const t = parseSeriesCsv("date,close\n2025-04-07,1\n2025-04-08,\n2025-04-09,NA\n2025-04-10,null\n2025-04-11,N/A\n2025-04-14,2\n");
    expect(arr(only(t).days)).toEqual(days("2025-04-07", "2025-04-14"));
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]!.message).toContain("4 rows");
    expect(t.rowCount).toBe(6);
  });

  it("reports a wide column without any value as EMPTY_SERIES", () => {
    const t = parseSeriesCsv("date,A,B\n2025-04-08,1,\n2025-04-09,2,\n");
    expect(t.series.map((s) => s.id)).toEqual(["A"]);
    expect(t.warnings.map((w) => w.code)).toContain("EMPTY_SERIES");
  });

  it("reports malformed quoting and wrong field counts as CSV_PARSE", () => {
    const q = thrown(() => parseSeriesCsv('date,close\n2025-04-08,"1\n2025-04-09,2\n'));
    expect(q.code).toBe("CSV_PARSE");
    expect(q.issues[0]!.message).toContain("line 2");
    const f = thrown(() => parseSeriesCsv("date,close\n2025-04-08\n2025-04-09,2,3\n2025-04-10,4,\n"));
    expect(f.code).toBe("CSV_PARSE");
    expect(f.issues.map((i) => i.row)).toEqual([1, 2]);
  });

  it("puts the file name into issues and the message", () => {
    const e = thrown(() => parseSeriesCsv("date,close\n2025-04-08,-1\n", { file: "prices.csv" }));
    expect(e.issues[0]!.file).toBe("prices.csv");
    expect(e.message).toContain("prices.csv, row 1, column close");
  });

  it("rejects duplicate header names", () => {
    expect(thrown(() => parseSeriesCsv("date,close,close\n2025-04-08,1,2\n")).code).toBe("INVALID_INPUT");
  });
});

describe("parseSeriesCsv(text, options) option checks", () => {
  it("throws INVALID_OPTION naming the option, the value and the allowed values", () => {
    const e = thrown(() => parseSeriesCsv("date,close\n2025-04-08,1\n", { format: "xml" as never }));
    expect(e.code).toBe("INVALID_OPTION");
    expect(e.message).toContain("format");
    expect(e.message).toContain('"xml"');
    expect(e.message).toContain('"yahoo"');
  });

  it("rejects unknown options, a comma for both separators and returnUnit on prices", () => {
    expect(thrown(() => parseSeriesCsv("date,close\n", { dateColum: "x" } as never)).message).toContain("dateColum");
    expect(thrown(() => parseSeriesCsv("date,close\n", { decimal: ",", delimiter: "," })).code).toBe("INVALID_OPTION");
    expect(thrown(() => parseSeriesCsv("date,close\n", { returnUnit: "percent" })).code).toBe("INVALID_OPTION");
    expect(thrown(() => parseSeriesCsv("date,A,B\n2025-04-08,1,2\n", { id: "X" })).code).toBe("INVALID_OPTION");
  });
});

describe("safeParseSeriesCsv and seriesFromRows", () => {
  it("returns the error instead of throwing", () => {
    const bad = safeParseSeriesCsv("date,close\n2025-02-30,1\n");
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe("INVALID_INPUT");
      expect(bad.error.issues[0]).toMatchObject({ row: 1, column: "date" });
    }
    const good = safeParseSeriesCsv("date,close\n2025-04-09,1\n");
    expect(good.success).toBe(true);
  });

  it("builds series from row objects with numbers, strings and Dates", () => {
    const t = seriesFromRows([
      { date: new Date(Date.UTC(2025, 3, 8)), SPY: 496.48 },
      { date: "2025-04-09", SPY: "548.62" },
    ]);
    expect(only(t).id).toBe("SPY");
    expect(arr(only(t).days)).toEqual(days("2025-04-08", "2025-04-09"));
    expect(arr(only(t).values)).toEqual([496.48, 548.62]);
  });

  it("checks row objects like CSV rows", () => {
    const r = safeSeriesFromRows([{ date: "2025-04-09", close: -1 }, 5 as never]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ row: 2 });
    const v = safeSeriesFromRows([{ date: "2025-04-09", close: -1 }]);
    expect(v.success).toBe(false);
    if (!v.success) expect(v.error.issues[0]).toMatchObject({ row: 1, column: "close" });
  });
});
