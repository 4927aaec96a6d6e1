/**
 * The catalogue of bad and hostile inputs (issue 9), as data: each case names its input and
 * the outcome the library must give — a specific error code with the location (row, column,
 * file or line) in its issues or message, a warning with its reason, a skipped statement with
 * its code, or (for inputs that are odd but valid) a checked result. `catalogue.test.ts`
 * runs every case; `byCategory()` gives the counts for the report.
 */
import { expect } from "vitest";
import type {
  ErrorCode,
  EventStudyOptions,
  MarketEvent,
  ParseEventsOptions,
  ParseFactorsOptions,
  ParseSeriesOptions,
  SeriesTable,
  Study,
} from "market-reaction";
import { isoFromDayKey, tradingCalendar } from "market-reaction";
import { marketPair, seriesCsv, sessions } from "./helpers.js";

export type Input =
  | { readonly kind: "series"; readonly text: string; readonly options?: ParseSeriesOptions }
  | { readonly kind: "factors"; readonly text: string; readonly options?: ParseFactorsOptions }
  | { readonly kind: "events"; readonly text: string; readonly format?: "csv" | "json"; readonly options?: ParseEventsOptions }
  /** Bytes written to a temporary file `name`, read by readSeriesFileSync AND readSeriesFileStream (same outcome required). */
  | { readonly kind: "file"; readonly name: string; readonly bytes: Uint8Array; readonly options?: Omit<ParseSeriesOptions, "file"> }
  | { readonly kind: "study"; readonly options: () => EventStudyOptions }
  /** CLI run in-process; `{dir}` in argv is the temporary folder holding `files`. */
  | { readonly kind: "cli"; readonly files: Readonly<Record<string, string>>; readonly argv: readonly string[] };

export type Expect =
  | {
      readonly error: ErrorCode;
      /** An issue with this row (and column, when given) must be present. */
      readonly row?: number;
      readonly column?: string;
      /** The file name must appear in the message and in the issues. */
      readonly file?: true;
      readonly message?: RegExp;
      /** Exact number of issues. */
      readonly issues?: number;
    }
  | { readonly warning: string; readonly message?: RegExp; readonly check?: (value: unknown) => void }
  | { readonly skip: string; readonly event: string; readonly reason?: RegExp; readonly check?: (study: Study) => void }
  | { readonly exit: number; readonly stderr?: RegExp; readonly stdout?: (text: string) => void }
  | { readonly ok: (value: unknown) => void };

export interface Case {
  readonly name: string;
  readonly category: string;
  readonly input: Input;
  readonly expect: Expect;
}

// ── shared data ──────────────────────────────────────────────────────────────────────────
const days = sessions("2024-01-02", 300); // 2024-01-02 .. 2025-03-13
const { market, asset } = marketPair(20250402, days);
const ev = (id: string, timestamp: string, timezone = "America/New_York", extra: Partial<MarketEvent> = {}): MarketEvent => ({
  id,
  timestamp,
  timezone,
  precision: timestamp.length > 10 ? "minute" : "date",
  ...extra,
});
const ok1 = ev("OK", "2025-01-15T12:00");
const study =
  (o: Partial<EventStudyOptions>): (() => EventStudyOptions) =>
  () => ({ assets: [asset], market, events: [ok1], ...o });
const withValues = (f: (v: Float64Array) => void) => {
  const v = asset.values.slice();
  f(v);
  return { ...asset, values: v };
};
const subset = (keep: (i: number) => boolean, s = asset) => {
  const idx = [...s.days.keys()].filter(keep);
  return { ...s, days: Int32Array.from(idx, (i) => s.days[i]!), values: Float64Array.from(idx, (i) => s.values[i]!) };
};
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string, bom: boolean): Uint8Array => {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let p = 0;
  if (bom) {
    out[p++] = 0xff;
    out[p++] = 0xfe;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[p++] = c & 0xff;
    out[p++] = c >> 8;
  }
  return out;
};
const utf16be = (s: string): Uint8Array => {
  const out = new Uint8Array((s.length + 1) * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = c >> 8;
    out[3 + 2 * i] = c & 0xff;
  }
  return out;
};
const small = "date,close\n2025-01-02,100.5\n2025-01-03,101.25\n2025-01-06,99.75\n";
const seriesOf = (v: unknown): SeriesTable => v as SeriesTable;
const expectSmall = (v: unknown) => {
  const t = seriesOf(v);
  expect(t.series).toHaveLength(1);
  expect([...t.series[0]!.values]).toEqual([100.5, 101.25, 99.75]);
};
const hostile = `<script>alert("x")</script> <b>Tariffs</b> & "quotes", commas | pipes\nnew line`;
const asStudy = (v: unknown): Study => v as Study;

export const CASES: readonly Case[] = [
  // ── malformed quoting ──────────────────────────────────────────────────────────────────
  {
    name: "quoted field never closed",
    category: "quoting",
    input: { kind: "series", text: 'date,close\n2025-01-02,"100\n2025-01-03,101\n' },
    expect: { error: "CSV_PARSE", message: /line 2: quoted field is not closed/ },
  },
  {
    name: "text after a closing quote",
    category: "quoting",
    input: { kind: "series", text: 'date,close\n2025-01-02,"100"x\n2025-01-03,101\n' },
    expect: { error: "CSV_PARSE", message: /line 2: malformed quotes/ },
  },
  {
    name: "stray quote inside an unquoted number",
    category: "quoting",
    input: { kind: "series", text: 'date,close\n2025-01-02,10"0\n2025-01-03,101\n' },
    expect: { error: "INVALID_INPUT", row: 1, column: "close", message: /not a number/ },
  },
  {
    name: "quoted header and quoted cells are fine",
    category: "quoting",
    input: { kind: "series", text: '"date","close"\n"2025-01-02","100.5"\n"2025-01-03","101.25"\n"2025-01-06","99.75"\n' },
    expect: { ok: expectSmall },
  },
  {
    name: "quoted thousands separator is one field",
    category: "quoting",
    input: { kind: "series", text: 'date,close\n2025-01-02,"5,074.08"\n2025-01-03,"5,100.00"\n' },
    expect: { ok: (v) => expect([...seriesOf(v).series[0]!.values]).toEqual([5074.08, 5100]) },
  },
  {
    name: "doubled quotes inside a quoted event label survive",
    category: "quoting",
    input: { kind: "events", text: 'id,timestamp,label\nE1,2025-04-02T16:00,"He said ""90 days"", then left"\n' },
    expect: { ok: (v) => expect((v as { events: MarketEvent[] }).events[0]!.label).toBe('He said "90 days", then left') },
  },

  // ── mixed delimiters ───────────────────────────────────────────────────────────────────
  {
    name: "semicolon header, comma row",
    category: "delimiters",
    input: { kind: "series", text: "date;close\n2025-01-02;100\n2025-01-03,101\n" },
    expect: { error: "CSV_PARSE", row: 2, message: /1 field, the header has 2/ },
  },
  {
    name: "tab header, comma row",
    category: "delimiters",
    input: { kind: "series", text: "date\tclose\n2025-01-02\t100\n2025-01-03,101\n" },
    expect: { error: "CSV_PARSE", row: 2 },
  },
  {
    name: "row with an extra field",
    category: "delimiters",
    input: { kind: "series", text: "date,close\n2025-01-02,100,7\n" },
    expect: { error: "CSV_PARSE", row: 1, message: /3 fields, the header has 2/ },
  },
  {
    name: "decimal comma without decimal option",
    category: "delimiters",
    input: { kind: "series", text: "date;close\n2025-01-02;100,5\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "close", message: /decimal comma\? pass decimal/ },
  },
  {
    name: "semicolons with decimal comma and the option",
    category: "delimiters",
    input: { kind: "series", text: "date;close\n2025-01-02;100,5\n2025-01-03;101,25\n2025-01-06;99,75\n", options: { decimal: "," } },
    expect: { ok: expectSmall },
  },
  { name: "pipe-delimited file", category: "delimiters", input: { kind: "series", text: small.replaceAll(",", "|") }, expect: { ok: expectSmall } },
  {
    name: "a two-character delimiter option",
    category: "delimiters",
    input: { kind: "series", text: small, options: { delimiter: ",," } },
    expect: { error: "INVALID_OPTION", column: "delimiter" },
  },
  { name: "old Mac CR-only line ends", category: "delimiters", input: { kind: "series", text: small.replaceAll("\n", "\r") }, expect: { ok: expectSmall } },

  // ── BOM and UTF-16 files (read through both file readers) ──────────────────────────────
  { name: "UTF-8 BOM file", category: "encoding", input: { kind: "file", name: "bom.csv", bytes: utf8(`\uFEFF${small}`) }, expect: { ok: expectSmall } },
  { name: "UTF-16 LE with BOM", category: "encoding", input: { kind: "file", name: "le.csv", bytes: utf16le(small, true) }, expect: { ok: expectSmall } },
  {
    name: "UTF-16 LE without BOM",
    category: "encoding",
    input: { kind: "file", name: "le-nobom.csv", bytes: utf16le(small, false) },
    expect: { ok: expectSmall },
  },
  { name: "UTF-16 BE with BOM", category: "encoding", input: { kind: "file", name: "be.csv", bytes: utf16be(small) }, expect: { ok: expectSmall } },
  {
    name: "Windows-1252 header (not UTF-8)",
    category: "encoding",
    input: { kind: "file", name: "cp1252.csv", bytes: Uint8Array.from([...utf8("date,caf"), 0xe9, ...utf8("\n2025-01-02,1\n")]) },
    expect: { warning: "ENCODING_FALLBACK", message: /cp1252\.csv: not valid UTF-8/, check: (v: unknown) => expect(seriesOf(v).series[0]!.id).toBe("café") },
  },
  {
    name: "bad value in a UTF-16 file names file, row and column",
    category: "encoding",
    input: { kind: "file", name: "bad16.csv", bytes: utf16le("date,close\n2025-01-02,1\n2025-01-03,abc\n", true) },
    expect: { error: "INVALID_INPUT", row: 2, column: "close", file: true },
  },
  {
    name: "NUL byte inside a number",
    category: "encoding",
    input: { kind: "series", text: "date,close\n2025-01-02,1\u0000\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "close" },
  },
  {
    name: "missing file",
    category: "encoding",
    input: { kind: "file", name: "", bytes: new Uint8Array() },
    expect: { error: "IO_ERROR", file: true, message: /no such file/ },
  },

  // ── huge fields ────────────────────────────────────────────────────────────────────────
  {
    name: "a 2,000,000-digit number: rejected, message stays short",
    category: "huge fields",
    input: { kind: "series", text: `date,close\n2025-01-02,${"9".repeat(2_000_000)}\n` },
    expect: { error: "INVALID_INPUT", row: 1, column: "close", message: /^[\s\S]{0,400}$/ },
  },
  {
    name: "a 1,000,000-character date cell",
    category: "huge fields",
    input: { kind: "series", text: `date,close\n${"x".repeat(1_000_000)},1\n` },
    expect: { error: "INVALID_INPUT", row: 1, column: "date", message: /\(1000000 characters\)/ },
  },
  {
    name: "a 1,000,000-character column name is a valid id",
    category: "huge fields",
    input: { kind: "series", text: `date,${"c".repeat(1_000_000)}\n2025-01-02,1\n` },
    expect: { ok: (v) => expect(seriesOf(v).series[0]!.id).toHaveLength(1_000_000) },
  },
  {
    name: "a 5,000-column wide file",
    category: "huge fields",
    input: {
      kind: "series",
      text: `date,${Array.from({ length: 5000 }, (_, j) => `A${j}`).join(",")}\n2025-01-02,${Array(5000).fill("1").join(",")}\n2025-01-03,${Array(5000).fill("2").join(",")}\n`,
    },
    expect: {
      ok: (v) => {
        expect(seriesOf(v).format).toBe("wide");
        expect(seriesOf(v).series).toHaveLength(5000);
      },
    },
  },
  {
    name: "a 1 MB quoted field with embedded line breaks in an unused column",
    category: "huge fields",
    input: { kind: "series", text: `date,close,note\n2025-01-02,1,"${"a\n".repeat(500_000)}"\n2025-01-03,2,x\n` },
    expect: { ok: (v) => expect(seriesOf(v).series[0]!.values.length).toBe(2) },
  },

  // ── duplicate and unsorted dates ───────────────────────────────────────────────────────
  {
    name: "duplicate date names both rows",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-01-02,100\n2025-01-03,101\n2025-01-02,102\n" },
    expect: { error: "INVALID_INPUT", row: 3, message: /duplicate date 2025-01-02 .*also on row 1/ },
  },
  {
    name: "duplicate date of one asset in a long panel",
    category: "dates",
    input: { kind: "series", text: "date,ticker,close\n2025-01-02,A,1\n2025-01-02,B,1\n2025-01-02,A,2\n" },
    expect: { error: "INVALID_INPUT", row: 3, message: /duplicate date 2025-01-02 for "A"/ },
  },
  {
    name: "unsorted rows are sorted, with a warning",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-01-03,101.25\n2025-01-02,100.5\n2025-01-06,99.75\n" },
    expect: { warning: "UNSORTED_ROWS", check: expectSmall },
  },
  {
    name: "newest-first rows are reversed, with a warning",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-01-06,99.75\n2025-01-03,101.25\n2025-01-02,100.5\n" },
    expect: { warning: "REVERSED_ROWS", check: expectSmall },
  },
  {
    name: "impossible date 2025-02-30",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-02-30,1\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "date", message: /not a valid date: "2025-02-30"/ },
  },
  {
    name: "empty date cell",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-01-02,1\n,2\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "date", message: /missing date/ },
  },
  {
    name: "every problem of a file reported at once",
    category: "dates",
    input: { kind: "series", text: "date,close\n2025-02-30,1\n2025-01-03,-1\n2025-01-06,abc\n" },
    expect: { error: "INVALID_INPUT", row: 3, column: "close", issues: 3 },
  },

  // ── zero, negative, NaN, Infinity, 1e308 prices ────────────────────────────────────────
  {
    name: "price 0",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,0\n2025-01-03,101\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "close", message: /price must be positive, got 0/ },
  },
  {
    name: "negative price",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,100\n2025-01-03,-5\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "close", message: /price must be positive/ },
  },
  {
    name: "NaN cell is a missing value, counted",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,NaN\n2025-01-03,101\n" },
    expect: { warning: "MISSING_VALUES", message: /1 row .* dropped \(first: 2025-01-02\)/ },
  },
  {
    name: "Infinity cell",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,Infinity\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "close" },
  },
  {
    name: "-inf cell",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,1\n2025-01-03,-inf\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "close" },
  },
  {
    name: "1e309 overflows to Infinity",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,1e309\n" },
    expect: { error: "INVALID_INPUT", row: 1, column: "close", message: /not a finite number/ },
  },
  {
    name: "1e308 prices are kept exactly",
    category: "prices",
    input: { kind: "series", text: "date,close\n2025-01-02,1e308\n2025-01-03,1.7e308\n" },
    expect: { ok: (v) => expect([...seriesOf(v).series[0]!.values]).toEqual([1e308, 1.7e308]) },
  },
  {
    name: "return of -100% or below",
    category: "prices",
    input: { kind: "series", text: "date,ret\n2025-01-02,-1\n", options: { values: "return" } },
    expect: { error: "INVALID_INPUT", row: 1, column: "ret", message: /greater than -100%/ },
  },
  {
    name: "NaN and Infinity inside a Series are gaps, reported",
    category: "prices",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            v[100] = Number.NaN;
            v[150] = Number.POSITIVE_INFINITY;
          }),
        ],
      }),
    },
    expect: { warning: "MISSING_ASSET_RETURNS", message: /2 sessions of AAA have no price/ },
  },
  {
    name: "negative price inside a Series is a gap, reported",
    category: "prices",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            v[120] = -3;
          }),
        ],
      }),
    },
    expect: { warning: "MISSING_ASSET_RETURNS" },
  },
  {
    name: "price 0 with log returns is a gap (not -Infinity)",
    category: "prices",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            v[120] = 0;
          }),
        ],
        returnType: "log",
      }),
    },
    expect: {
      warning: "MISSING_ASSET_RETURNS",
      check: (v: unknown) => {
        for (const m of asStudy(v).models) expect(Number.isFinite(m.sigma)).toBe(true);
      },
    },
  },
  {
    name: "5e-324 then a normal price: the overflowing return is a gap",
    category: "prices",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            v[120] = 5e-324;
          }),
        ],
      }),
    },
    expect: { warning: "MISSING_ASSET_RETURNS", check: (v: unknown) => expect(Number.isFinite(asStudy(v).car[0]!.se)).toBe(true) },
  },
  {
    name: "1e308 and 1e-300 in the estimation window: skipped, not NaN",
    category: "prices",
    input: {
      kind: "study",
      options: study({
        events: [ok1, ev("HUGE", "2025-02-20T12:00")],
        assets: [
          withValues((v) => {
            v[266] = 1e308;
            v[267] = 1e-300;
          }),
        ],
      }),
    },
    expect: { skip: "INVALID_INPUT", event: "HUGE", reason: /overflowed/ },
  },

  // ── stale repeated prices (thin trading) ───────────────────────────────────────────────
  {
    name: "100 sessions of an unchanged price: studied, zero returns counted as observations",
    category: "thin trading",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            for (let i = 100; i < 200; i++) v[i] = v[99]!;
          }),
        ],
      }),
    },
    // the fit still uses every session
    expect: {
      ok: (v) => {
        const m = asStudy(v).models[0]!;
        expect(m.n).toBe(240);
        expect(Number.isFinite(m.sigma)).toBe(true);
      },
    },
  },
  {
    name: "100 sessions of an unchanged price: thin trading warned, pointing to Scholes-Williams and Dimson",
    category: "thin trading",
    input: {
      kind: "study",
      options: study({
        assets: [
          withValues((v) => {
            for (let i = 100; i < 200; i++) v[i] = v[99]!;
          }),
        ],
      }),
    },
    expect: { warning: "THIN_TRADING", message: /^AAA: 100 of \d+ returns .* are exactly zero .*scholes-williams or dimson/ },
  },
  {
    name: "market quiet on sessions the asset trades: stale benchmark prices warned",
    category: "thin trading",
    input: { kind: "study", options: study({ market: subset((i) => i % 10 !== 5, market) }) },
    expect: { warning: "STALE_BENCHMARK_PRICE" },
  },

  // ── gaps of weeks ──────────────────────────────────────────────────────────────────────
  {
    name: "a three-week hole in the asset's prices",
    category: "gaps",
    input: { kind: "study", options: study({ assets: [subset((i) => i < 200 || i >= 215)] }) },
    expect: { warning: "MULTI_SESSION_RETURN", message: /would span several sessions/ },
  },
  {
    name: "no prices around day 0",
    category: "gaps",
    input: { kind: "study", options: study({ events: [ok1, ev("HOLE", `${isoFromDayKey(days[280]!)}T12:00`)], assets: [subset((i) => i < 276 || i >= 286)] }) },
    expect: { skip: "MISSING_RETURNS", event: "HOLE" },
  },
  {
    name: "benchmark with a month-long hole",
    category: "gaps",
    input: { kind: "study", options: study({ market: subset((i) => i < 150 || i >= 172, market) }) },
    expect: { warning: "STALE_BENCHMARK_PRICE", message: /^22 sessions of AAA/ },
  },

  // ── data coverage ──────────────────────────────────────────────────────────────────────
  {
    name: "series ends before a statement",
    category: "coverage",
    input: { kind: "study", options: study({ events: [ok1, ev("LATE", "2025-06-02T12:00")] }) },
    expect: { skip: "DATE_OUT_OF_RANGE", event: "LATE", reason: /outside the returns of AAA/ },
  },
  {
    name: "statement before the data starts",
    category: "coverage",
    input: { kind: "study", options: study({ events: [ev("EARLY", "2023-06-15T12:00"), ok1] }) },
    expect: { skip: "DATE_OUT_OF_RANGE", event: "EARLY" },
  },
  {
    name: "statement too early for its estimation window",
    category: "coverage",
    input: { kind: "study", options: study({ events: [ev("SOON", "2024-03-15T12:00"), ok1] }) },
    expect: {
      skip: "INSUFFICIENT_ESTIMATION_DATA",
      event: "SOON",
      reason: /needs at least 120 complete estimation observations .*; \d+ of 240 candidate sessions/,
    },
  },
  {
    name: "every statement outside the data",
    category: "coverage",
    input: { kind: "study", options: study({ events: [ev("LATE", "2026-01-05T12:00")] }) },
    expect: { error: "NO_VALID_EVENTS", message: /DATE_OUT_OF_RANGE/ },
  },
  {
    name: "statement beyond the built-in calendar",
    category: "coverage",
    input: { kind: "study", options: study({ events: [ok1, ev("FAR", "2150-01-05T12:00")] }) },
    expect: { skip: "DATE_OUT_OF_RANGE", event: "FAR" },
  },

  // ── time zones ─────────────────────────────────────────────────────────────────────────
  {
    name: "unknown IANA zone",
    category: "time zones",
    input: { kind: "study", options: study({ events: [ev("Z", "2025-01-15T12:00", "Mars/Olympus")] }) },
    expect: { error: "INVALID_INPUT", row: 1, column: "timezone", message: /unknown time zone "Mars\/Olympus"/ },
  },
  {
    name: "malformed zone UTC+25",
    category: "time zones",
    input: { kind: "study", options: study({ events: [ev("Z", "2025-01-15T12:00", "UTC+25")] }) },
    expect: { error: "INVALID_INPUT", row: 1, column: "timezone" },
  },
  {
    name: "unknown zone in an events file names row and column",
    category: "time zones",
    input: { kind: "events", text: "id,timestamp,timezone\nA,2025-04-02T16:00,America/New_York\nB,2025-04-03T09:00,Europe/Atlantis\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "timezone" },
  },
  {
    name: "local time inside the spring-forward gap",
    category: "time zones",
    input: { kind: "study", options: study({ events: [ev("GAP", "2024-03-10T02:30")] }) },
    expect: { error: "NONEXISTENT_LOCAL_TIME", row: 1, column: "timestamp", message: /does not exist in America\/New_York/ },
  },
  {
    name: "ambiguous local time in the fall-back hour",
    category: "time zones",
    input: { kind: "study", options: study({ events: [ok1, ev("AMB", "2024-11-03T01:30")] }) },
    expect: { warning: "AMBIGUOUS_LOCAL_TIME" },
  },
  {
    name: "month 13 in a timestamp",
    category: "time zones",
    input: { kind: "study", options: study({ events: [ev("M13", "2025-13-15T12:00")] }) },
    expect: { error: "INVALID_INPUT", row: 1, column: "timestamp", message: /malformed timestamp/ },
  },
  {
    name: "timestamp with an explicit offset in another zone's file",
    category: "time zones",
    input: { kind: "events", text: "id,timestamp,timezone\nA,2025-04-02T20:15Z,Asia/Tokyo\n" },
    expect: { ok: (v) => expect((v as { events: MarketEvent[] }).events).toHaveLength(1) },
  },

  // ── windows longer than the data ───────────────────────────────────────────────────────
  {
    name: "event window longer than the data after day 0",
    category: "windows",
    input: { kind: "study", options: study({ windows: [[-5, 400]] }) },
    expect: {
      error: "INVALID_OPTION",
      column: "windows",
      message: /span 406 sessions \(-5 to \+400 around day 0\), but the longest series \(AAA\) spans 300 sessions/,
    },
  },
  {
    name: "event window that fits the data but runs past its end after day 0",
    category: "windows",
    input: { kind: "study", options: study({ events: [ok1], estimation: [-60, -11], windows: [[-5, 200]] }) },
    expect: { error: "NO_VALID_EVENTS", message: /INSUFFICIENT_DATA: the event window \[-5, 200\] needs 200 sessions after day 0/ },
  },
  {
    name: "estimation window longer than the data",
    category: "windows",
    input: { kind: "study", options: study({ events: [ok1], estimation: [-1000, -11] }) },
    expect: {
      error: "INVALID_OPTION",
      column: "estimation",
      message:
        /495 estimation returns \(minEstimationObs, by default half the window\) and the 12 sessions after the window up to the last event window's end need 507 sessions, but the longest series \(AAA\) spans 300 sessions/,
    },
  },
  {
    name: "estimation window longer than the data, with few enough observations asked for (studied, late listing)",
    category: "windows",
    input: { kind: "study", options: study({ events: [ok1], estimation: [-1000, -11], minEstimationObs: 100 }) },
    expect: { ok: (v) => expect((v as Study).models.map((m) => [m.event_id, m.n])).toEqual([["OK", 249]]) },
  },
  {
    name: "event window running past the end for one of two statements",
    category: "windows",
    input: { kind: "study", options: study({ events: [ok1, ev("END", "2025-03-12T12:00")], windows: [[0, 5]] }) },
    expect: { skip: "INSUFFICIENT_DATA", event: "END" },
  },
  {
    name: "reversed window",
    category: "windows",
    input: { kind: "study", options: study({ windows: [[3, 1]] }) },
    expect: { error: "INVALID_OPTION", column: "windows[0]" },
  },
  {
    name: "NaN window bound",
    category: "windows",
    input: { kind: "study", options: study({ windows: [[Number.NaN, 1]] }) },
    expect: { error: "INVALID_OPTION", column: "windows[0]" },
  },
  {
    name: "event window overlapping the estimation window",
    category: "windows",
    input: { kind: "study", options: study({ estimation: [-100, 5] }) },
    expect: { error: "INVALID_OPTION", message: /does not overlap the estimation window/ },
  },

  // ── estimation windows with identical returns ──────────────────────────────────────────
  {
    name: "constant asset price, market model",
    category: "degenerate estimation",
    input: { kind: "study", options: study({ assets: [{ ...asset, values: new Float64Array(days.length).fill(42) }] }) },
    expect: { error: "NO_VALID_EVENTS", message: /SINGULAR_DESIGN: .*residual standard deviation .* is zero/ },
  },
  {
    name: "constant asset price in the estimation window only, constant mean",
    category: "degenerate estimation",
    input: {
      kind: "study",
      options: study({
        events: [ok1, ev("LATE2", "2025-03-03T12:00")],
        model: "constant-mean",
        estimation: [-250, -11],
        assets: [
          withValues((v) => {
            for (let i = 0; i < 250; i++) v[i] = 42;
          }),
        ],
      }),
    },
    expect: { skip: "SINGULAR_DESIGN", event: "OK" },
  },
  {
    name: "constant market price",
    category: "degenerate estimation",
    input: { kind: "study", options: study({ market: { ...market, values: new Float64Array(days.length).fill(42) } }) },
    expect: { error: "NO_VALID_EVENTS", message: /SINGULAR_DESIGN: .*market return is constant/ },
  },
  {
    name: "asset identical to the market, market-adjusted model",
    category: "degenerate estimation",
    input: { kind: "study", options: study({ assets: [{ ...market, id: "CLONE" }], model: "market-adjusted" }) },
    expect: { error: "NO_VALID_EVENTS", message: /SINGULAR_DESIGN/ },
  },
  {
    name: "identical factor columns (rank-deficient design)",
    category: "degenerate estimation",
    input: {
      kind: "study",
      options: () => {
        const r = new Float64Array(days.length);
        for (let i = 0; i < r.length; i++) r[i] = ((i * 7919) % 13) / 1000 - 0.006;
        return {
          assets: [asset],
          events: [ok1],
          model: "factors:A,B",
          factors: { days, names: ["A", "B"], columns: { A: r, B: r.slice() } } as unknown as NonNullable<EventStudyOptions["factors"]>,
        };
      },
    },
    expect: { error: "NO_VALID_EVENTS", message: /SINGULAR_DESIGN/ },
  },

  // ── factor files in percent read as decimals ───────────────────────────────────────────
  {
    name: "generic factor file in percent: detected and warned",
    category: "factor units",
    input: { kind: "factors", text: "date,mkt_rf,smb\n2025-01-02,0.79,-0.34\n2025-01-03,-1.12,0.25\n2025-01-06,0.45,0.59\n" },
    expect: {
      warning: "FACTOR_UNIT_ASSUMED",
      message: /percent/,
      check: (v: unknown) => expect((v as { columns: Record<string, Float64Array> }).columns.mkt_rf![0]).toBe(0.0079),
    },
  },
  {
    name: "percent values declared decimal: suspect, warned",
    category: "factor units",
    input: { kind: "factors", text: "date,mkt_rf,smb\n2025-01-02,0.79,-0.34\n2025-01-03,-1.12,0.25\n2025-01-06,0.45,0.59\n", options: { unit: "decimal" } },
    expect: { warning: "FACTOR_UNIT_SUSPECT", message: /looks like percent/ },
  },
  {
    name: "decimal values declared percent: suspect, warned",
    category: "factor units",
    input: {
      kind: "factors",
      text: "date,mkt_rf,smb\n2025-01-02,0.0079,-0.0034\n2025-01-03,-0.0112,0.0025\n2025-01-06,0.0045,0.0059\n",
      options: { unit: "percent" },
    },
    expect: { warning: "FACTOR_UNIT_SUSPECT", message: /looks like decimal/ },
  },
  {
    name: "non-numeric factor value",
    category: "factor units",
    input: { kind: "factors", text: "date,mkt_rf\n2025-01-02,0.79\n2025-01-03,n.a.\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "mkt_rf" },
  },

  // ── asset and market on mismatched calendars ───────────────────────────────────────────
  {
    name: "asset rows on weekends are dropped and counted",
    category: "calendars",
    input: {
      kind: "study",
      options: () => {
        const sat = Int32Array.from(new Set([...days, 20001, 20008])).sort();
        const values = Float64Array.from(sat, (d) => {
          const i = days.indexOf(d);
          return i >= 0 ? asset.values[i]! : 1;
        });
        return { assets: [{ ...asset, days: sat, values }], market, events: [ok1] };
      },
    },
    expect: { warning: "OFF_CALENDAR_ROWS", message: /2 rows of AAA are on days that are not XNYS sessions/ },
  },
  {
    name: "US prices studied on the Tokyo calendar",
    category: "calendars",
    input: { kind: "study", options: study({ exchange: "XTKS" }) },
    expect: { warning: "DATA_CALENDAR_MISMATCH" },
  },
  {
    name: "market from a calendar with other holidays",
    category: "calendars",
    input: {
      kind: "study",
      options: study({
        market: (() => {
          const tk = tradingCalendar("XLON").days.filter((d) => d >= days[0]! && d <= days[days.length - 1]!);
          return { ...market, days: tk, values: Float64Array.from(tk, (_, i) => 100 * Math.exp(0.01 * Math.sin(i * 1.7) + 0.0001 * i)) };
        })(),
      }),
    },
    expect: {
      ok: (v) => {
        const s = asStudy(v);
        expect(s.car).toHaveLength(1);
        expect(Number.isFinite(s.car[0]!.car)).toBe(true);
      },
    },
  },
  {
    name: "Series with more values than days",
    category: "calendars",
    input: { kind: "study", options: study({ assets: [{ ...asset, values: new Float64Array(asset.values.length + 3).fill(1) }] }) },
    expect: { error: "NO_VALID_EVENTS", message: /301 days but 303 values|300 days but 303 values/ },
  },
  {
    name: "Series with unsorted days",
    category: "calendars",
    input: { kind: "study", options: study({ assets: [{ ...asset, days: asset.days.slice().reverse() }] }) },
    expect: { error: "NO_VALID_EVENTS", message: /days must be strictly increasing/ },
  },

  // ── HTML or script in statement labels ─────────────────────────────────────────────────
  {
    name: "script in a label survives to JSON unchanged",
    category: "labels",
    input: { kind: "study", options: study({ events: [{ ...ok1, label: hostile, speaker: "</td><td>" }] }) },
    expect: {
      ok: (v) => {
        const j = JSON.parse(asStudy(v).toJSONText()) as { car: { label: string; speaker: string }[] };
        expect(j.car[0]!.label).toBe(hostile);
        expect(j.car[0]!.speaker).toBe("</td><td>");
      },
    },
  },
  {
    name: "script in a label survives CSV output (quoted, quotes doubled)",
    category: "labels",
    input: { kind: "study", options: study({ events: [{ ...ok1, label: hostile }] }) },
    expect: {
      ok: (v) => {
        const csv = asStudy(v).toCSV("car");
        expect(csv).toContain(`"${hostile.replaceAll('"', '""')}"`);
      },
    },
  },
  {
    name: "label with pipes and a line break keeps a markdown table's columns",
    category: "labels",
    input: {
      kind: "cli",
      files: {
        "p.csv": seriesCsv(asset, "date,AAA"),
        "m.csv": seriesCsv(market, "date,MKT"),
        "e.csv": `id,timestamp,timezone,label\nOK,2025-01-15T12:00,America/New_York,"${hostile.replaceAll('"', '""')}"\n`,
      },
      argv: ["study", "--prices", "{dir}/p.csv", "--market", "{dir}/m.csv", "--events", "{dir}/e.csv", "--format", "markdown", "--table", "car"],
    },
    // `<` and `>` are not escaped by the CLI's markdown yet (reported to the lead); the table shape must hold
    expect: {
      exit: 0,
      stdout: (out) => {
        const lines = out.trim().split("\n");
        expect(lines).toHaveLength(3);
        const cols = (l: string) => l.replace(/\\\|/g, "").split("|").length;
        for (const l of lines) expect(cols(l)).toBe(cols(lines[0]!));
        expect(out).toContain("commas \\| pipes");
      },
    },
  },
  {
    name: "label in an events JSON file stays verbatim",
    category: "labels",
    input: {
      kind: "events",
      format: "json",
      text: JSON.stringify([{ id: "E1", timestamp: "2025-04-02T16:00", timezone: "America/New_York", label: hostile }]),
    },
    expect: { ok: (v) => expect((v as { events: MarketEvent[] }).events[0]!.label).toBe(hostile) },
  },

  // ── event lists ────────────────────────────────────────────────────────────────────────
  {
    name: "duplicate statement ids in a file",
    category: "events",
    input: { kind: "events", text: "id,timestamp\nE1,2025-04-02T16:00\nE1,2025-04-03T09:00\n" },
    expect: { error: "INVALID_INPUT", row: 2, column: "id", message: /duplicate id "E1" \(also on row 1\)/ },
  },
  {
    name: "events file without a timestamp column",
    category: "events",
    input: { kind: "events", text: "id,when\nE1,2025-04-02\n" },
    expect: { error: "INVALID_INPUT", message: /timestamp/ },
  },
  {
    name: "truncated events JSON",
    category: "events",
    input: { kind: "events", format: "json", text: '[{"id":"E1","timestamp":"2025-04-02' },
    expect: { error: "INVALID_INPUT" },
  },
  {
    name: "statement for an asset not in the study",
    category: "events",
    input: { kind: "study", options: study({ events: [{ ...ok1, asset: "ZZZ" }] }) },
    expect: { error: "INVALID_INPUT", message: /row 1, column asset: statement OK: asset "ZZZ" is not one of the studied assets/ },
  },
  {
    name: "a null among the statements",
    category: "events",
    input: { kind: "study", options: study({ events: [ok1, null as never] }) },
    expect: { error: "INVALID_INPUT", message: /row 2: not a statement object: null/ },
  },
  {
    name: "two statements with the same id",
    category: "events",
    input: { kind: "study", options: study({ events: [ok1, { ...ok1 }] }) },
    expect: { error: "INVALID_INPUT", message: /row 2, column id: duplicate statement id "OK" \(first at row 1\)/ },
  },
  {
    name: "no statements at all",
    category: "events",
    input: { kind: "study", options: study({ events: [] }) },
    expect: { error: "NO_VALID_EVENTS", message: /no statements/ },
  },

  // ── the command line ───────────────────────────────────────────────────────────────────
  {
    name: "CLI: prices file does not exist",
    category: "cli",
    input: { kind: "cli", files: { "e.csv": "id,timestamp\nE1,2025-01-15T12:00\n" }, argv: ["study", "--prices", "{dir}/nope.csv", "--events", "{dir}/e.csv"] },
    expect: { exit: 1, stderr: /^market-reaction: IO_ERROR: .*nope\.csv.*no such file\n$/ },
  },
  {
    name: "CLI: malformed quotes in a price file",
    category: "cli",
    input: {
      kind: "cli",
      files: { "p.csv": 'date,close\n2025-01-02,"1\n', "e.csv": "id,timestamp\nE1,2025-01-15T12:00\n" },
      argv: ["study", "--prices", "{dir}/p.csv", "--events", "{dir}/e.csv"],
    },
    expect: { exit: 1, stderr: /^market-reaction: CSV_PARSE: .*p\.csv/ },
  },
  {
    name: "CLI: a window flag that is not a window",
    category: "cli",
    input: { kind: "cli", files: {}, argv: ["study", "--prices", "x.csv", "--events", "e.csv", "--window=a,b"] },
    expect: { exit: 2 },
  },
  {
    name: "CLI: unknown time zone in the events file",
    category: "cli",
    input: { kind: "cli", files: { "e.csv": "id,timestamp,timezone\nE1,2025-01-15T12:00,Nowhere/City\n" }, argv: ["align", "--events", "{dir}/e.csv"] },
    expect: { exit: 1, stderr: /INVALID_INPUT: .*e\.csv/ },
  },
];

/** Number of cases per category, in catalogue order. */
export function byCategory(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of CASES) out[c.category] = (out[c.category] ?? 0) + 1;
  return out;
}
