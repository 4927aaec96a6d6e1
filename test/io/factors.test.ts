import { describe, expect, it } from "vitest";
import {
  MarketReactionError,
  dayKey,
  factorsFromRows,
  findFactorName,
  normalizeFactorName,
  parseFactorsCsv,
  safeFactorsFromRows,
  safeParseFactorsCsv,
} from "market-reaction";

function thrown(fn: () => unknown): MarketReactionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MarketReactionError) return e;
    throw e;
  }
  throw new Error("expected a MarketReactionError");
}
const arr = (a: ArrayLike<number>): number[] => Array.from(a);

// A small file in the layout of Ken French's daily CSVs (values invented for the test).
const FRENCH = [
  "This file was created by CMPT_ME_BEME_RETS_DAILY using the 202601 CRSP database.",
  "The 1-month TBill return is from Ibbotson and Associates, Inc.",
  "",
  ",Mkt-RF,SMB,HML,RF",
  "20250407,   -0.23,    0.51,   -1.10,    0.017",
  "20250408,   -1.57,   -0.20,    0.35,    0.017",
  "20250409,    9.52,   -1.03,   -2.07,    0.017",
  "",
  "Copyright 2026 Eugene F. Fama and Kenneth R. French",
  "",
].join("\r\n");

describe("parseFactorsCsv(text) Ken French daily files", () => {
  it("skips the preamble, reads YYYYMMDD dates and converts percent to decimal", () => {
    const f = parseFactorsCsv(FRENCH);
    expect(f.format).toBe("french");
    expect(f.sourceUnit).toBe("percent");
    expect(f.unit).toBe("decimal");
    expect(f.names).toEqual(["Mkt-RF", "SMB", "HML", "RF"]);
    expect(f.keys).toEqual(["mkt_rf", "smb", "hml", "rf"]);
    expect(arr(f.days)).toEqual([dayKey(2025, 4, 7), dayKey(2025, 4, 8), dayKey(2025, 4, 9)]);
    // decimal point moved by hand: -0.23% = -0.0023 …
    expect(arr(f.columns["Mkt-RF"]!)).toEqual([-0.0023, -0.0157, 0.0952]);
    expect(arr(f.columns.RF!)).toEqual([0.00017, 0.00017, 0.00017]);
    expect(f.rowCount).toBe(3);
  });

  it("stops at the first non-date line after the data and reports it", () => {
    const f = parseFactorsCsv(FRENCH);
    expect(f.warnings).toHaveLength(1);
    const w = f.warnings[0]!;
    expect(w.code).toBe("TRAILING_ROWS_IGNORED");
    expect(w.row).toBe(4);
    expect(w.message).toContain("Copyright");
  });

  it("looks factors up by case- and punctuation-insensitive names", () => {
    const f = parseFactorsCsv(FRENCH);
    expect(f.factor("mkt_rf")).toBe(f.columns["Mkt-RF"]);
    expect(f.factor("MKT-RF")).toBe(f.columns["Mkt-RF"]);
    expect(f.factor("mktrf")).toBe(f.columns["Mkt-RF"]);
    expect(f.factor("Rm-Rf")).toBe(f.columns["Mkt-RF"]);
    const e = thrown(() => f.factor("momentum"));
    expect(e.code).toBe("INVALID_OPTION");
    expect(e.message).toContain('"SMB"');
  });

  it("drops rows carrying French's missing-value sentinels and counts them", () => {
    const text = ",Mkt-RF,SMB\n20250407,1.00,-99.99\n20250408,2.00,0.50\n";
    const f = parseFactorsCsv(text);
    expect(f.format).toBe("french");
    expect(arr(f.days)).toEqual([dayKey(2025, 4, 8)]);
    expect(f.warnings.map((w) => w.code)).toEqual(["MISSING_VALUES"]);
  });

  it("keeps only the requested columns", () => {
    const f = parseFactorsCsv(FRENCH, { columns: ["mkt_rf", "rf"] });
    expect(f.names).toEqual(["Mkt-RF", "RF"]);
    const e = thrown(() => parseFactorsCsv(FRENCH, { columns: ["cma"] }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain('"Mkt-RF"');
  });

  it("rejects a file without daily rows", () => {
    const e = thrown(() => parseFactorsCsv("Some preamble\n\n,Mkt-RF,RF\n202504,1,2\n", { format: "french" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("YYYYMMDD");
  });
});

describe("parseFactorsCsv(text) generic files", () => {
  const GENERIC = "date,mkt_rf,smb,rf\n2025-04-08,-1.57,-0.2,0.017\n2025-04-09,9.52,-1.03,0.017\n";

  it("uses the unit given", () => {
    const p = parseFactorsCsv(GENERIC, { unit: "percent" });
    expect(p.format).toBe("generic");
    expect(p.sourceUnit).toBe("percent");
    expect(arr(p.factor("Mkt-RF"))).toEqual([-0.0157, 0.0952]);
    expect(p.warnings).toEqual([]);
    const dec = parseFactorsCsv("date,mkt_rf\n2025-05-08,-0.0057\n2025-05-09,0.0031\n", { unit: "decimal" });
    expect(arr(dec.factor("mkt_rf"))).toEqual([-0.0057, 0.0031]);
    expect(dec.warnings).toEqual([]);
  });

  it("guesses the unit when not given and says so", () => {
    const p = parseFactorsCsv(GENERIC);
    expect(p.sourceUnit).toBe("percent");
    expect(p.warnings.map((w) => w.code)).toEqual(["FACTOR_UNIT_ASSUMED"]);
    const d = parseFactorsCsv("date,mkt_rf,rf\n2025-05-07,-0.0057,0.0002\n2025-05-08,0.0031,0.0002\n2025-05-09,-0.0346,0.0002\n");
    expect(d.sourceUnit).toBe("decimal");
    expect(d.warnings[0]!.code).toBe("FACTOR_UNIT_ASSUMED");
  });

  it("warns when percent values are read as decimals, and decimals as percent", () => {
    const p = parseFactorsCsv(GENERIC, { unit: "decimal" });
    expect(p.warnings.map((w) => w.code)).toEqual(["FACTOR_UNIT_SUSPECT"]);
    expect(arr(p.factor("smb"))).toEqual([-0.2, -1.03]);
    const d = parseFactorsCsv("date,mkt_rf\n2025-05-08,-0.0057\n2025-05-09,0.0031\n", { unit: "percent" });
    expect(d.warnings.map((w) => w.code)).toEqual(["FACTOR_UNIT_SUSPECT"]);
  });

  it("collects bad values and duplicate dates into one error", () => {
    const e = thrown(() => parseFactorsCsv("date,a,b\n2025-04-08,1,x\n2025-04-09,1,2\n2025-04-09,1,2\n2025-02-30,1,1\n", { unit: "percent" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => [i.row, i.column ?? null])).toEqual([
      [1, "b"],
      [4, "date"],
      [3, null],
    ]);
  });

  it("mom, umd and wml are one factor", () => {
    expect(findFactorName(["Mkt-RF", "UMD"], "mom")).toBe("UMD");
    expect(findFactorName(["WML"], "umd")).toBe("WML");
    expect(findFactorName(["SMB"], "hml")).toBeUndefined();
    expect(normalizeFactorName(" Mkt - RF ")).toBe("mkt_rf");
  });

  it("has safe twins and a row-object reader", () => {
    expect(safeParseFactorsCsv("").success).toBe(false);
    const f = factorsFromRows(
      [
        { date: "2025-04-08", smb: -0.002 },
        { date: "2025-04-09", smb: -0.0103 },
      ],
      { unit: "decimal" },
    );
    expect(arr(f.factor("SMB"))).toEqual([-0.002, -0.0103]);
    const bad = safeFactorsFromRows([{ date: "2025-02-30", smb: 0.1 }]);
    expect(bad.success).toBe(false);
    expect(thrown(() => factorsFromRows([], { format: "french" })).code).toBe("INVALID_OPTION");
  });
});
