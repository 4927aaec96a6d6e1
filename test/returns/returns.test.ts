import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFromSeries, tradingCalendar } from "../../src/calendar/index.js";
import { isMarketReactionError } from "../../src/errors.js";
import { parseFactorsCsv, parseSeriesCsv } from "../../src/io/index.js";
import type { ModelData } from "../../src/models/index.js";
import { RETURN_FLAGS, alignReturns, computeReturns, priceReturn } from "../../src/returns/index.js";
import { alignReturnsWith, type BenchmarkMemo } from "../../src/returns/align.js";
import { dayKeyFromIso as k, isoFromDayKey } from "../../src/time/index.js";
import type { Series } from "../../src/types.js";
import { readProjectFile } from "../helpers/shared-data.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isMarketReactionError(e)) return e.code;
    throw e;
  }
  return "no error";
}

function series(id: string, rows: [string, number][], kind: Series["kind"] = "price"): Series {
  return { id, days: Int32Array.from(rows.map((r) => k(r[0]))), values: Float64Array.from(rows.map((r) => r[1])), kind };
}

const nyse = tradingCalendar("XNYS");
const iso = (days: Int32Array) => [...days].map(isoFromDayKey);

describe("priceReturn(p0, p1, type)", () => {
  it("gives simple and log returns", () => {
    expect(priceReturn(100, 110, "simple")).toBe(0.1);
    expect(priceReturn(110, 99, "simple")).toBe(-0.1);
    expect(priceReturn(100, 101, "log")).toBe(Math.log1p(0.01));
  });

  it("keeps full relative accuracy of log returns for tiny moves", () => {
    const p0 = 10000;
    const p1 = 10000.00000001;
    const r = (p1 - p0) / p0; // p1 − p0 is exact (Sterbenz); r has one rounding
    const exact = r - (r * r) / 2; // ln(1 + r) to far below one ulp here
    expect(Math.abs(priceReturn(p0, p1, "log") - exact)).toBeLessThanOrEqual(2e-16 * Math.abs(exact));
    // the quotient form loses most digits: this is why log1p is used
    expect(Math.abs(Math.log(p1 / p0) - exact) / exact).toBeGreaterThan(1e-6);
  });

  it("keeps relative accuracy of log returns for large drops (where 1 + r is tiny)", () => {
    // references: ln(p1/p0) of the stored doubles with 50-digit Python decimal arithmetic;
    // log1p((p1 − p0)/p0) is off by 1.5e-15 to 2.3e-15 relative on these, ln(p1/p0) by 0
    const cases: [number, number, number][] = [
      [125, 1.37, -4.513502997462267],
      [3, 0.031, -4.5723803631651005],
      [97.3, 0.41, -5.469397108475743],
      [1000, 2.7, -5.914503505971854],
    ];
    for (const [p0, p1, ref] of cases) {
      expect(Math.abs(priceReturn(p0, p1, "log") - ref)).toBeLessThanOrEqual(2.5e-16 * Math.abs(ref));
    }
  });

  it("is NaN for missing or non-positive base prices", () => {
    expect(priceReturn(Number.NaN, 1, "simple")).toBeNaN();
    expect(priceReturn(1, Number.NaN, "log")).toBeNaN();
    expect(priceReturn(0, 1, "simple")).toBeNaN();
    expect(priceReturn(-1, 1, "simple")).toBeNaN();
    expect(priceReturn(1, -1, "simple")).toBeNaN();
    expect(priceReturn(2, 0, "simple")).toBe(-1);
  });
});

describe("computeReturns(series, type)", () => {
  const s = series("X", [
    ["2025-04-01", 100],
    ["2025-04-02", 110],
    ["2025-04-03", Number.NaN],
    ["2025-04-04", 99],
    ["2025-04-07", 99],
  ]);
  it("returns between consecutive observations, dated by the later one; a NaN price spoils both neighbours", () => {
    const r = computeReturns(s);
    expect(r.kind).toBe("return");
    expect(r.id).toBe("X");
    expect(iso(r.days)).toEqual(["2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07"]);
    expect(r.values[0]).toBe(0.1);
    expect(r.values[1]).toBeNaN();
    expect(r.values[2]).toBeNaN();
    expect(r.values[3]).toBe(0);
  });
  it("log returns", () => {
    expect(computeReturns(s, "log").values[0]).toBe(Math.log1p(0.1));
  });
  it("rejects return series, bad types and broken series", () => {
    expect(codeOf(() => computeReturns({ ...s, kind: "return" }))).toBe("INVALID_INPUT");
    expect(codeOf(() => computeReturns(s, "pct" as never))).toBe("INVALID_OPTION");
    expect(codeOf(() => computeReturns({ ...s, values: new Float64Array(2) }))).toBe("INVALID_INPUT");
    expect(codeOf(() => computeReturns({ ...s, days: Int32Array.of(3, 2, 1, 4, 5) }))).toBe("INVALID_INPUT");
  });
  it("property: scaling the prices by c > 0 leaves the returns unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.constantFrom("simple" as const, "log" as const),
        (prices, c, type) => {
          const days = Int32Array.from(prices, (_, i) => 20000 + i);
          const a = computeReturns({ id: "a", days, values: Float64Array.from(prices), kind: "price" }, type);
          const b = computeReturns({ id: "b", days, values: Float64Array.from(prices, (p) => p * c), kind: "price" }, type);
          a.values.forEach((r, i) => {
            // rounding p·c moves a return by a few ulps of 1 + r (two roundings of the prices, two of the quotients)
            expect(Math.abs(b.values[i]! - r)).toBeLessThanOrEqual(3e-15 * (1 + Math.abs(r)));
          });
        },
      ),
    );
  });
});

describe("alignReturns: each session's return is priceReturn of the previous and current prices", () => {
  it("for ordinary, zero, negative, infinite and missing prices, simple and log, with the gap flags", () => {
    const prices = [100, 101, 0, 5, -3, 4, Number.POSITIVE_INFINITY, 7, Number.NaN, 8, 1e-300, 1e300, 9, 9];
    const days = [...tradingCalendar("XNYS").days].filter((d) => d >= k("2025-04-01")).slice(0, prices.length);
    const asset: Series = { id: "Z", kind: "price", days: Int32Array.from(days), values: Float64Array.from(prices) };
    for (const returnType of ["simple", "log"] as const) {
      const al = alignReturns({ asset, calendar: nyse, returnType });
      expect(iso(al.days)).toEqual(iso(Int32Array.from(days.slice(1))));
      al.days.forEach((_, i) => {
        const [p0, p1] = [prices[i]!, prices[i + 1]!];
        const expected = Number.isFinite(p1) && Number.isFinite(p0) ? priceReturn(p0, p1, returnType) : Number.NaN;
        expect(Object.is(al.asset[i], expected), `${returnType} ${p0} → ${p1}`).toBe(true);
        expect(al.gap[i] !== 0).toBe(Number.isNaN(expected));
      });
    }
  });
});

describe("alignReturns({ asset, calendar }): the asset on the calendar's sessions", () => {
  // NYSE sessions: Apr 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 21 (18 = Good Friday)
  const asset = series("A", [
    ["2025-04-01", 100],
    ["2025-04-02", 102],
    ["2025-04-03", 101],
    // 2025-04-04 missing
    ["2025-04-05", 999], // a Saturday row: not a session
    ["2025-04-07", 105],
    ["2025-04-08", 104],
    ["2025-04-09", Number.NaN], // a missing value
    ["2025-04-10", 110],
    ["2025-04-11", 121],
    ["2025-04-18", 500], // Good Friday: not a session
    ["2025-04-21", 121],
  ]);
  const al = alignReturns({ asset, calendar: nyse });

  it("has one row per session from the first computable return to the last price; gaps never shift rows", () => {
    expect(iso(al.days)).toEqual([
      "2025-04-02",
      "2025-04-03",
      "2025-04-04",
      "2025-04-07",
      "2025-04-08",
      "2025-04-09",
      "2025-04-10",
      "2025-04-11",
      "2025-04-14",
      "2025-04-15",
      "2025-04-16",
      "2025-04-17",
      "2025-04-21",
    ]);
    expect(al.asset.length).toBe(al.days.length);
    expect(al.gap.length).toBe(al.days.length);
    expect(al.assetId).toBe("A");
    expect(al.exchange).toBe("XNYS");
    expect(al.returnType).toBe("simple");
  });

  it("computes returns from the previous session's close and flags what it cannot", () => {
    const at = (d: string) => al.days.indexOf(k(d));
    expect(al.asset[at("2025-04-02")]).toBe(0.02);
    expect(al.asset[at("2025-04-03")]).toBe((101 - 102) / 102);
    expect(al.asset[at("2025-04-04")]).toBeNaN();
    expect(al.gap[at("2025-04-04")]).toBe(RETURN_FLAGS.MISSING);
    // Apr 7 has a price but Apr 4 has none: never bridged with Apr 3 (nor with the Saturday row)
    expect(al.asset[at("2025-04-07")]).toBeNaN();
    expect(al.gap[at("2025-04-07")]).toBe(RETURN_FLAGS.MULTI_SESSION);
    expect(al.asset[at("2025-04-08")]).toBe((104 - 105) / 105);
    expect(al.gap[at("2025-04-09")]).toBe(RETURN_FLAGS.MISSING);
    expect(al.gap[at("2025-04-10")]).toBe(RETURN_FLAGS.MULTI_SESSION);
    expect(al.asset[at("2025-04-11")]).toBe(0.1);
    // Apr 21 follows Apr 17 (Good Friday row dropped), which has no price: multi-session
    expect(al.gap[at("2025-04-21")]).toBe(RETURN_FLAGS.MULTI_SESSION);
    expect(al.gap[at("2025-04-14")]).toBe(RETURN_FLAGS.MISSING);
    for (let i = 0; i < al.days.length; i++) expect(Number.isNaN(al.asset[i]!)).toBe(al.gap[i] !== 0);
  });

  it("warns with counts and first dates", () => {
    const byCode = Object.fromEntries(al.warnings.map((w) => [w.code, w]));
    expect(Object.keys(byCode).sort()).toEqual(["MISSING_ASSET_RETURNS", "MULTI_SESSION_RETURN", "OFF_CALENDAR_ROWS"]);
    expect(byCode.MULTI_SESSION_RETURN!.message).toBe(
      "3 returns of A would span several sessions (no price on the previous XNYS session) and were set to NaN: 2025-04-07, 2025-04-10, 2025-04-21",
    );
    expect(byCode.OFF_CALENDAR_ROWS!.message).toMatch(/^2 rows of A .*: 2025-04-05, 2025-04-18$/);
    expect(byCode.MISSING_ASSET_RETURNS!.message).toMatch(/^6 sessions of A .*: 2025-04-04, 2025-04-09, 2025-04-14, 2025-04-15, 2025-04-16, …$/);
    for (const w of al.warnings) {
      expect(w.asset).toBe("A");
      expect(w.exchange).toBe("XNYS");
    }
  });

  it("log returns, and from/to as ISO dates or day keys", () => {
    const lg = alignReturns({ asset, calendar: nyse, returnType: "log", from: "2025-04-03", to: k("2025-04-08") });
    expect(iso(lg.days)).toEqual(["2025-04-03", "2025-04-04", "2025-04-07", "2025-04-08"]);
    expect(lg.asset[0]).toBe(Math.log1p((101 - 102) / 102));
    expect(lg.asset[3]).toBe(Math.log1p((104 - 105) / 105));
    // a range starting before the data: leading sessions are missing, not multi-session
    const early = alignReturns({ asset, calendar: nyse, from: "2025-03-28", to: "2025-04-02" });
    expect(iso(early.days)).toEqual(["2025-03-28", "2025-03-31", "2025-04-01", "2025-04-02"]);
    expect([...early.gap]).toEqual([1, 1, 1, 0]);
  });

  it("takes return series as dated (kind 'return')", () => {
    const r = series(
      "R",
      [
        ["2025-04-01", 0.01],
        ["2025-04-02", 0.02],
        ["2025-04-04", -0.01],
        ["2025-04-05", 0.5],
      ],
      "return",
    );
    const a = alignReturns({ asset: r, calendar: nyse });
    expect(iso(a.days)).toEqual(["2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04"]);
    expect([...a.asset].map((v) => (Number.isNaN(v) ? null : v))).toEqual([0.01, 0.02, null, -0.01]);
    expect([...a.gap]).toEqual([0, 0, RETURN_FLAGS.MISSING, 0]);
    expect(a.warnings.map((w) => w.code).sort()).toEqual(["MISSING_ASSET_RETURNS", "OFF_CALENDAR_ROWS"]);
  });

  it("counts rows outside a calendar's range", () => {
    const cal = calendarFromSeries(Int32Array.of(k("2025-04-01"), k("2025-04-02"), k("2025-04-03")), "XNYS");
    const a = alignReturns({ asset, calendar: cal });
    expect(iso(a.days)).toEqual(["2025-04-02", "2025-04-03"]);
    const w = a.warnings.find((x) => x.code === "OUTSIDE_CALENDAR_ROWS");
    expect(w?.message).toMatch(/^8 rows of A lie outside the range/);
  });

  it("throws on bad options and on assets without data on the calendar", () => {
    expect(codeOf(() => alignReturns({ asset, calendar: {} as never }))).toBe("INVALID_OPTION");
    expect(codeOf(() => alignReturns({ asset, calendar: nyse, returnType: "pct" as never }))).toBe("INVALID_OPTION");
    expect(codeOf(() => alignReturns({ asset, calendar: nyse, from: "2025-04-10", to: "2025-04-01" }))).toBe("INVALID_OPTION");
    expect(codeOf(() => alignReturns({ asset, calendar: nyse, from: "04/10/2025" }))).toBe("INVALID_OPTION");
    expect(codeOf(() => alignReturns({ asset: series("S", [["2025-04-05", 1]]), calendar: nyse }))).toBe("MISSING_RETURNS");
    expect(codeOf(() => alignReturns({ asset: series("S", [["2025-04-07", 1]]), calendar: nyse }))).toBe("MISSING_RETURNS");
  });

  it("property: deleting prices never shifts rows; every return present is P_t/P_p − 1 of adjacent sessions", () => {
    const sessions = nyse.days.subarray(nyse.indexOf(k("2024-01-02")), nyse.indexOf(k("2024-01-02")) + 60);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.integer({ min: 1, max: 1000 }), (keep, seed) => {
        keep[0] = true;
        keep[59] = true;
        const prices = Float64Array.from(sessions, (_, i) => 100 + ((seed * (i + 3)) % 17));
        const idx = [...sessions.keys()].filter((i) => keep[i]);
        const s: Series = { id: "P", days: Int32Array.from(idx, (i) => sessions[i]!), values: Float64Array.from(idx, (i) => prices[i]!), kind: "price" };
        const a = alignReturns({ asset: s, calendar: nyse });
        expect([...a.days]).toEqual([...sessions.subarray(1)]);
        for (let i = 0; i < a.days.length; i++) {
          const both = keep[i]! && keep[i + 1]!;
          if (both) expect(a.asset[i]).toBe((prices[i + 1]! - prices[i]!) / prices[i]!);
          else expect(a.asset[i]).toBeNaN();
          expect(a.gap[i] !== 0).toBe(!both);
        }
      }),
    );
  });
});

describe("alignReturns: simple returns of clean prices (one tight loop) and any bad price (the general path)", () => {
  // Prices on consecutive sessions, all finite and positive (the aligner's tight loop), or with
  // one bad price anywhere (zero, negative, missing, infinite, or a jump whose return
  // overflows: the loop's verdict sends the asset down the general path): every return is
  // priceReturn of its neighbours, and flagged exactly where that is NaN.
  const sessions = nyse.days.subarray(nyse.indexOf(k("2024-05-01")), nyse.indexOf(k("2024-05-01")) + 40);
  it("property: every return is priceReturn of adjacent sessions' prices; a flag exactly where it is NaN", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: -1, max: 39 }),
        fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e-300, 1e308),
        fc.integer({ min: -3, max: 3 }),
        (prices, bad, badValue, cut) => {
          if (bad >= 0) prices[bad] = badValue;
          const asset: Series = { id: "C", kind: "price", days: Int32Array.from(sessions), values: Float64Array.from(prices) };
          // from/to inside the data or reaching past it
          const a = alignReturns({ asset, calendar: nyse, from: sessions[Math.max(1, 5 + cut)]!, to: sessions[Math.min(39, 30 + 3 * cut)]! });
          for (let i = 0; i < a.days.length; i++) {
            const at = sessions.indexOf(a.days[i]!);
            const want = at >= 1 ? priceReturn(prices[at - 1]!, prices[at]!, "simple") : Number.NaN;
            expect(a.asset[i]).toBe(want);
            expect(a.gap[i] !== 0, `session ${at}`).toBe(Number.isNaN(want));
          }
        },
      ),
    );
  });
});

describe("alignReturns: days that are consecutive sessions (one block) and days row by row", () => {
  // The same prices on consecutive sessions, and with a Saturday row added (which makes the
  // aligner place the rows one by one): every output but the OFF_CALENDAR_ROWS warning agrees,
  // for any missing prices and any from/to, inside or beyond the data.
  const sessions = nyse.days.subarray(nyse.indexOf(k("2024-03-01")), nyse.indexOf(k("2024-03-01")) + 40);
  const saturday = k("2024-03-16");
  it("property: the block copy gives what the row-by-row placement gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(Number.NaN)), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: -5, max: 44 }),
        fc.integer({ min: -5, max: 44 }),
        fc.constantFrom<Series["kind"]>("price", "return", "level"),
        fc.constantFrom<"simple" | "log">("simple", "log"),
        (units, from, to, kind, returnType) => {
          // prices around 100, returns of a few percent, levels around 0
          const values = units.map((u) => (kind === "price" ? 100 + 50 * u : kind === "return" ? 0.03 * u : u));
          const block: Series = { id: "B", kind, days: Int32Array.from(sessions), values: Float64Array.from(values) };
          const at = sessions.findIndex((d) => d > saturday);
          const rows: Series = {
            id: "B",
            kind,
            days: Int32Array.from([...sessions.subarray(0, at), saturday, ...sessions.subarray(at)]),
            values: Float64Array.from([...values.slice(0, at), Number.NaN, ...values.slice(at)]),
          };
          const range = {
            ...(from >= 0 ? { from: nyse.days[nyse.indexOf(sessions[0]!) + from]! } : {}),
            ...(to >= 0 ? { to: nyse.days[nyse.indexOf(sessions[0]!) + to]! } : {}),
          };
          const a = outcome(() => alignReturns({ asset: block, calendar: nyse, returnType, ...range }));
          const b = outcome(() => alignReturns({ asset: rows, calendar: nyse, returnType, ...range }));
          if (typeof b !== "string") b.warnings = b.warnings.filter((w) => w.code !== "OFF_CALENDAR_ROWS");
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  function outcome(
    fn: () => ReturnType<typeof alignReturns>,
  ): string | { -readonly [K in keyof ReturnType<typeof alignReturns>]: ReturnType<typeof alignReturns>[K] } {
    try {
      return { ...fn() };
    } catch (e) {
      if (isMarketReactionError(e)) return e.message;
      throw e;
    }
  }
});

describe("alignReturns: market and factors mapped onto the asset's sessions", () => {
  const asset = series("A", [
    ["2025-04-03", 100],
    ["2025-04-04", 101],
    ["2025-04-07", 102],
    ["2025-04-08", 103],
    ["2025-04-09", 104],
    ["2025-04-10", 105],
  ]);

  it("price benchmark: as-of prices; stale (no observation after the previous session) gives NaN and a warning", () => {
    const market = series("M", [
      ["2025-04-02", 50],
      ["2025-04-03", 51],
      ["2025-04-05", 52],
      ["2025-04-07", 53],
      /* no 04-08 */ ["2025-04-09", 55],
      ["2025-04-10", 56],
    ]);
    const a = alignReturns({ asset, market, calendar: nyse });
    expect(a.marketId).toBe("M");
    const m = a.market!;
    expect(iso(a.days)).toEqual(["2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10"]);
    // Apr 4: as-of price is still Apr 3's → stale
    expect(m[0]).toBeNaN();
    // Apr 7: from the as-of price on Apr 4 (Apr 3's, 51) to Apr 7's (53): the Saturday move is included
    expect(m[1]).toBe((53 - 51) / 51);
    expect(m[2]).toBeNaN(); // Apr 8: stale
    expect(m[3]).toBe((55 - 53) / 53); // Apr 9: from the as-of price of Apr 8 (Apr 7's)
    expect(m[4]).toBe((56 - 55) / 55);
    expect([...a.gap]).toEqual([4, 0, 4, 0, 0]);
    const w = a.warnings.find((x) => x.code === "STALE_BENCHMARK_PRICE")!;
    expect(w.message).toMatch(/^2 sessions of A: the market "M" has no price .*: 2025-04-04, 2025-04-08$/);
  });

  it("return benchmark: compounds the returns in (previous session, session]; an empty interval gives NaN", () => {
    const market = series(
      "MR",
      [
        ["2025-04-04", 0.01],
        ["2025-04-05", 0.02],
        ["2025-04-06", -0.03],
        ["2025-04-07", 0.04],
        ["2025-04-09", 0.05],
        ["2025-04-10", Number.NaN],
      ],
      "return",
    );
    const a = alignReturns({ asset, market, calendar: nyse });
    const m = a.market!;
    expect(m[0]).toBe(0.01);
    // expm1(Σ log1p r) vs the direct product: a few ulps of 1
    expect(Math.abs(m[1]! - (1.02 * 0.97 * 1.04 - 1))).toBeLessThan(5e-16);
    expect(m[2]).toBeNaN();
    expect(m[3]).toBe(0.05);
    expect(m[4]).toBeNaN();
    const codes = a.warnings.map((w) => w.code).sort();
    expect(codes).toEqual(["EMPTY_BENCHMARK_INTERVAL", "MISSING_BENCHMARK_VALUE"]);
    const lg = alignReturns({ asset, market, calendar: nyse, returnType: "log" });
    expect(lg.market![1]).toBe(0.02 + -0.03 + 0.04);
  });

  it("sessions outside the benchmark's data are BENCHMARK_NOT_COVERED", () => {
    const market = series("M", [
      ["2025-04-07", 10],
      ["2025-04-08", 11],
      ["2025-04-09", 12],
    ]);
    const a = alignReturns({ asset, market, calendar: nyse });
    expect([...a.market!].map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, 0.1, 1 / 11, null]);
    const w = a.warnings.find((x) => x.code === "BENCHMARK_NOT_COVERED")!;
    expect(w.message).toMatch(/^3 sessions of A .*: 2025-04-04, 2025-04-07, 2025-04-10$/);
  });

  it("factor table on the same calendar: values pass through exactly (decimal units, RF a plain column)", () => {
    const factors = parseFactorsCsv(readProjectFile("fixtures/daily/synthetic-ff-factors.csv"));
    const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
    const a = alignReturns({ asset: us, factors, calendar: nyse });
    expect(Object.keys(a.factors!)).toEqual(["Mkt-RF", "SMB", "HML", "RMW", "CMA", "RF"]);
    expect(a.warnings).toEqual([]);
    for (let i = 0; i < a.days.length; i++) {
      const j = factors.days.indexOf(a.days[i]!);
      for (const name of factors.names) expect(a.factors![name]![i]).toBe(factors.columns[name]![j]);
    }
    // the Ken French file is in percent: 0.02 % a day is 0.0002
    expect(a.factors!.RF![0]).toBe(0.0002);
    const md: ModelData = a; // usable as ModelData
    expect(md.asset.length).toBe(a.days.length);
  });

  it("factors on a calendar with fewer sessions are compounded (Tokyo asset, US factors)", () => {
    const factors = parseFactorsCsv(readProjectFile("fixtures/daily/synthetic-ff-factors.csv"));
    const tokyo = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-tokyo.csv"), { id: "TOKYO" }).series[0]!;
    const cal = calendarFromSeries(tokyo, "XTKS");
    const a = alignReturns({ asset: tokyo, factors, calendar: cal });
    // 2025-05-07 (Wed) follows the Golden Week holidays in Tokyo (last session 2025-05-02):
    // US factor days 2025-05-05 and 2025-05-06 and 2025-05-07 compound into it
    const i = a.days.indexOf(k("2025-05-07"));
    expect(isoFromDayKey(a.days[i - 1]!)).toBe("2025-05-02");
    const col = factors.columns.SMB!;
    const js = ["2025-05-05", "2025-05-06", "2025-05-07"].map((d) => factors.days.indexOf(k(d)));
    const expected = js.reduce((p, j) => p * (1 + col[j]!), 1) - 1;
    expect(Math.abs(a.factors!.SMB![i]! - expected)).toBeLessThan(5e-16);
    expect(Math.abs(a.factors!.SMB![i]! - col[js[2]!]!)).toBeGreaterThan(1e-6); // not just the last day's value
  });

  it("property: scaling asset and market prices leaves all aligned returns unchanged", () => {
    const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
    const world = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-world.csv"), { id: "W" }).series[0]!;
    const base = alignReturns({ asset: us, market: world, calendar: nyse, to: "2023-06-30" });
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (ca, cm) => {
        const scaled = alignReturns({
          asset: { ...us, values: us.values.map((v) => v * ca) },
          market: { ...world, values: world.values.map((v) => v * cm) },
          calendar: nyse,
          to: "2023-06-30",
        });
        for (let i = 0; i < base.days.length; i++) {
          // rounding of p·c moves a return by a few ulps of 1 + r
          expect(Math.abs(scaled.asset[i]! - base.asset[i]!)).toBeLessThanOrEqual(1e-15);
          expect(Math.abs(scaled.market![i]! - base.market![i]!)).toBeLessThanOrEqual(1e-15);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe("alignReturnsWith: benchmark mappings shared within a study", () => {
  it("gives what alignReturns gives for each asset (returns, flags, warnings), sharing sessions and benchmark columns", () => {
    const cal = tradingCalendar("XNYS");
    const days = cal.days.filter((d) => d >= k("2025-03-03") && d <= k("2025-04-30"));
    const priceOn = (seed: number) => Float64Array.from(days, (_, i) => 100 + seed + Math.sin(i * seed));
    // a market with a hole (stale and uncovered sessions) and factors with a missing value
    const marketDays = days.filter((_, i) => i !== 10 && i !== 11);
    const market: Series = { id: "MKT", kind: "price", days: Int32Array.from(marketDays), values: Float64Array.from(marketDays, (_, i) => 50 + i) };
    const factorValues = Float64Array.from(days, (_, i) => (i === 20 ? Number.NaN : 0.001 * i));
    const factors = { days: Int32Array.from(days), names: ["mkt_rf", "rf"], columns: { mkt_rf: factorValues, rf: factorValues.map((v) => v / 10) } };
    const assets: Series[] = [1, 2, 3].map((seed) => ({ id: `A${seed}`, kind: "price", days: Int32Array.from(days), values: priceOn(seed) }));
    const memo: BenchmarkMemo = new Map();
    const shared = assets.map((asset) => alignReturnsWith({ asset, market, factors, calendar: cal }, memo));
    assets.forEach((asset, i) => {
      const alone = alignReturns({ asset, market, factors, calendar: cal });
      expect(shared[i]).toEqual(alone);
    });
    expect(shared[0]!.warnings.map((w) => w.code)).toContain("STALE_BENCHMARK_PRICE");
    // computed once, shared (read-only) by the results on the same sessions
    expect(shared[0]!.market).toBe(shared[1]!.market);
    expect(shared[0]!.factors!.mkt_rf).toBe(shared[2]!.factors!.mkt_rf);
    expect(shared[0]!.days).toBe(shared[1]!.days);
    expect(shared[0]!.asset).not.toBe(shared[1]!.asset);
    // one span of sessions, and the mark that the market passed its checks (run once per memo)
    expect([...memo.get(market)!.get(cal)!.keys()].sort()).toEqual([`${cal.indexOf(days[1]!)}|${cal.indexOf(days[days.length - 1]!)}|simple`, "checked"]);
    // the calendar positions of each asset's day array, found once per array (consecutive
    // sessions: `run` is the position of the first)
    expect(memo.get(assets[0]!.days)?.get(cal)?.get("indices")).toEqual({ indices: Int32Array.from(days, (d) => cal.indexOf(d)), run: cal.indexOf(days[0]!) });
    // another span of sessions is mapped anew
    const shorter: Series = { id: "B", kind: "price", days: Int32Array.from(days.slice(5)), values: priceOn(4).slice(5) };
    expect(alignReturnsWith({ asset: shorter, market, calendar: cal }, memo)).toEqual(alignReturns({ asset: shorter, market, calendar: cal }));
    expect(memo.get(market)?.get(cal)?.size).toBe(3);
  });

  it("checks a benchmark once per memo, and again on every call while it fails", () => {
    const cal = tradingCalendar("XNYS");
    const days = Int32Array.from(cal.days.filter((d) => d >= k("2025-01-02") && d <= k("2025-04-30")));
    const asset: Series = { id: "A", kind: "price", days, values: Float64Array.from(days, (_, i) => 100 + Math.sin(i)) };
    // market given as prices but holding returns: rejected on every call with the memo too
    const badMarket: Series = { id: "M", kind: "price", days, values: Float64Array.from(days, (_, i) => 0.01 * Math.sin(i)) };
    const memo: BenchmarkMemo = new Map();
    for (let r = 0; r < 2; r++)
      expect(() => alignReturnsWith({ asset, market: badMarket, calendar: cal }, memo)).toThrow(
        /market "M" is given as prices but its values look like returns/,
      );
    expect(memo.get(badMarket)?.get(cal)?.has("checked")).not.toBe(true);
    // a day array is checked once; another (unsorted) array is checked on its own
    expect(alignReturnsWith({ asset, calendar: cal }, memo).asset.length).toBe(days.length - 1);
    const unsorted: Series = { id: "U", kind: "price", days: Int32Array.from(days).reverse(), values: asset.values };
    expect(() => alignReturnsWith({ asset: unsorted, calendar: cal }, memo)).toThrow(/days must be strictly increasing/);
  });
});

describe("warning messages count in the singular and the plural", () => {
  it("1 session has, 2 sessions have", () => {
    const cal = tradingCalendar("XNYS");
    const days = cal.days.filter((d) => d >= k("2025-04-01") && d <= k("2025-04-11"));
    const prices = (holes: number[]): Series => ({
      id: "SPX",
      kind: "price",
      days: Int32Array.from(days),
      values: Float64Array.from(days, (_, i) => (holes.includes(i) ? Number.NaN : 5000 + i)),
    });
    const one = alignReturns({ asset: prices([3]), calendar: cal }).warnings.find((w) => w.code === "MISSING_ASSET_RETURNS")!;
    expect(one.message).toMatch(/^1 session of SPX has no price .* and was set to NaN/);
    const two = alignReturns({ asset: prices([3, 6]), calendar: cal }).warnings.find((w) => w.code === "MISSING_ASSET_RETURNS")!;
    expect(two.message).toMatch(/^2 sessions of SPX have no price .* and were set to NaN/);
    const offDay: Series = {
      id: "SPX",
      kind: "price",
      days: Int32Array.from([...days.slice(0, 4), k("2025-04-05"), ...days.slice(4)]),
      values: Float64Array.from({ length: days.length + 1 }, (_, i) => 5000 + i),
    };
    expect(alignReturns({ asset: offDay, calendar: cal }).warnings.find((w) => w.code === "OFF_CALENDAR_ROWS")!.message).toBe(
      "1 row of SPX is on a day that is not an XNYS session and was dropped: 2025-04-05",
    );
  });
});
