/**
 * fast-check properties of the reliability suite, shared by the short run in the test suite
 * (fuzz.test.ts) and the long run (scripts/fuzz.ts). Each property throws on failure (via
 * fc.assert), so it needs no test runner.
 *
 * - robustness: for random (mostly invalid) CSV/JSON texts and random study options, the only
 *   thing ever thrown is a MarketReactionError; the chunk-fed parser (fed whole or in pieces)
 *   agrees with the whole-text papaparse reading (`parseSeriesRecords`);
 * - invariants on random valid studies: permuting the statements leaves the set of CAR rows
 *   unchanged; scaling every price leaves the returns (hence ARs) unchanged; adding a far-away
 *   statement leaves another statement's ARs unchanged under `contamination: "keep"`.
 */
import fc from "fast-check";
import {
  createSeriesCsvParser,
  eventStudy,
  isMarketReactionError,
  isoFromDayKey,
  parseEventsCsv,
  parseEventsJson,
  parseFactorsCsv,
  parseSeriesCsv,
  type EventStudyOptions,
  type MarketEvent,
  type Series,
} from "market-reaction";
import { parseSeriesRecords } from "../../src/io/series.js";
import { marketPair, sessions } from "./helpers.js";

/** Throws unless `fn` returns or throws a MarketReactionError; returns a comparable summary. */
function onlyLibraryErrors(what: string, fn: () => unknown): string {
  try {
    const v = fn();
    return `ok:${JSON.stringify(v)}`;
  } catch (e) {
    if (isMarketReactionError(e)) return `error:${e.code}:${JSON.stringify(e.issues)}`;
    throw new Error(`${what} threw a non-library error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
}

const TOKENS = [
  ",",
  ",",
  ",",
  ";",
  "\t",
  "|",
  '"',
  '""',
  "\n",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\uFEFF",
  "\u0000",
  "date",
  "close",
  "Adj Close",
  "asset",
  "ticker",
  "value",
  "return",
  "Mkt-RF",
  "id",
  "timestamp",
  "timezone",
  "label",
  "2025-01-02",
  "2025-01-03",
  "2025-02-30",
  "20250106",
  "01/07/2025",
  "2025-04-02T16:00",
  "2024-03-10T02:30",
  "America/New_York",
  "Mars/Olympus",
  "100",
  "1e308",
  "1e309",
  "5e-324",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "-inf",
  "NA",
  ".",
  "abc",
  "1,5",
  "5,074.08",
  "$12",
  "<script>",
  "[",
  "]",
  "{",
  "}",
  ":",
  "null",
];

/** CSV-like text from tokens (hits the parsers' branches far more often than random characters). */
export const csvLike = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(""));
/** Any string, including lone surrogates and control characters. */
export const anyText = fc.oneof(csvLike, fc.string({ unit: "binary", maxLength: 200 }));

/** Parsers on hostile text: only MarketReactionError; streaming equals whole-text parsing. */
export function parserProperty(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(anyText, fc.integer({ min: 1, max: 17 }), (text, chunk) => {
      const whole = onlyLibraryErrors("parseSeriesRecords", () => parseSeriesRecords(text));
      const direct = onlyLibraryErrors("parseSeriesCsv", () => parseSeriesCsv(text));
      if (direct !== whole && (direct.split(":")[0] !== whole.split(":")[0] || whole.startsWith("ok"))) {
        throw new Error(`parseSeriesCsv and the whole-text reference differ:\n${whole.slice(0, 300)}\n${direct.slice(0, 300)}`);
      }
      const streamed = onlyLibraryErrors("createSeriesCsvParser", () => {
        const p = createSeriesCsvParser();
        for (let i = 0; i < text.length; i += chunk) p.write(text.slice(i, i + chunk));
        return p.end();
      });
      if (streamed.split(":")[0] !== whole.split(":")[0] || (whole.startsWith("ok") && streamed !== whole)) {
        throw new Error(`stream and whole-text parse differ:\n${whole.slice(0, 300)}\n${streamed.slice(0, 300)}`);
      }
      onlyLibraryErrors("parseFactorsCsv", () => parseFactorsCsv(text));
      onlyLibraryErrors("parseEventsCsv", () => parseEventsCsv(text));
      onlyLibraryErrors("parseEventsJson", () => parseEventsJson(text));
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

const DAYS = sessions("2022-01-03", 700);
const DAYS_FOR_PLAIN = sessions("2025-01-02", 41);

/** Cells that a price/return file may hold: plain numbers (the streaming fast path) and every near miss. */
const NUMBER_CELL = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom("", "", "-", "+"), fc.nat({ max: 99_999 }), fc.constantFrom("", ".", "."), fc.stringMatching(/^[0-9]{0,12}$/))
      .map(([s, i, dot, f]) => `${s}${i}${dot === "" ? "" : `${dot}${f}`}`),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{14,18}(\.[0-9]{1,4})?$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      " 12.5",
      "12.5 ",
      "1e3",
      "5.",
      ".5",
      "0",
      "-0",
      "-1",
      "-100",
      "-0.99",
      "NA",
      "null",
      "n/a",
      "$12.50",
      "5,074.08",
      "12,5",
      "1 000,5",
      "abc",
      "Infinity",
      "1e999",
      "0.0000001",
    ),
  },
);
const DATE_CELL = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map((i) => isoFromDayKey(DAYS_FOR_PLAIN[i]!)) },
  { weight: 1, arbitrary: fc.constantFrom("2025-02-30", "2025-13-01", " 2025-01-02", "20250106", "01/07/2025", "2025-1-2", "", "2025-01-02T10:00") },
);
const ASSET_CELL = fc.constantFrom("SPY", "QQQ", "n1", "NA", "#N/A", " SPY", "SPY ", ".X", "-X", "é", "A-B", "");

/**
 * Files built from the cells above, under random layouts, delimiters, decimal separators,
 * units and chunk sizes: the streaming parser (which reads plain lines in place) and the
 * whole-text parser give the same table or the same error.
 */
export function plainLineProperty(numRuns: number, seed?: number): void {
  const layout = fc.record({
    long: fc.boolean(),
    width: fc.integer({ min: 1, max: 3 }),
    comma: fc.boolean(),
    values: fc.constantFrom("price" as const, "return" as const),
    percent: fc.boolean(),
    extra: fc.constantFrom("", "", "", ",", ";;", " "),
  });
  const lines = fc.array(fc.tuple(DATE_CELL, ASSET_CELL, fc.array(NUMBER_CELL, { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(layout, lines, fc.integer({ min: 1, max: 97 }), (l, rows, chunk) => {
      const d = l.comma ? ";" : ",";
      const header = l.long ? ["date", "asset", "value"] : ["date", ...["A", "B", "C"].slice(0, l.width)];
      const body = rows.map(([date, asset, nums]) => {
        const cells = l.long ? [date, asset, nums[0]!] : [date, ...nums.slice(0, l.width)];
        const text = cells.map((c) => (l.comma ? c.replace(".", ",") : c)).join(d);
        return `${text}${l.extra}`;
      });
      const text = `${header.join(d)}\n${body.join("\n")}\n`;
      const options = {
        format: l.long ? ("long" as const) : ("wide" as const),
        values: l.values,
        ...(l.values === "return" ? { returnUnit: l.percent ? ("percent" as const) : ("decimal" as const) } : {}),
        ...(l.comma ? { decimal: "," as const, delimiter: ";" } : {}),
      };
      const whole = onlyLibraryErrors("parseSeriesRecords", () => parseSeriesRecords(text, options));
      const streamed = onlyLibraryErrors("createSeriesCsvParser", () => {
        const p = createSeriesCsvParser(options);
        for (let i = 0; i < text.length; i += chunk) p.write(text.slice(i, i + chunk));
        return p.end();
      });
      if (streamed !== whole) throw new Error(`stream and whole-text parse differ:\n${text.slice(0, 400)}\n${whole.slice(0, 300)}\n${streamed.slice(0, 300)}`);
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

const iso = (i: number) => `${isoFromDayKey(DAYS[Math.max(0, Math.min(DAYS.length - 1, i))]!)}T12:00`;
const ev = (id: string, i: number): MarketEvent => ({ id, timestamp: iso(i), timezone: "America/New_York", precision: "minute" });

const windowArb = fc.tuple(fc.integer({ min: -8, max: 3 }), fc.integer({ min: 0, max: 8 })).map(([a, b]) => [a, a + b] as [number, number]);

/** Random (often invalid) study options: only MarketReactionError may come out. */
export function studyRobustnessProperty(numRuns: number, seed?: number): void {
  const zone = fc.constantFrom("America/New_York", "Asia/Tokyo", "UTC", "Mars/Olympus", "", "+05:00", "Europe/London");
  const stamp = fc.oneof(
    fc.integer({ min: -50, max: 760 }).map((i) => iso(i)),
    fc.constantFrom("2024-03-10T02:30", "2024-11-03T01:30", "2025-13-01", "", "2025-04-02", "1800-01-01T00:00", "9999-12-31T23:59", "garbage"),
  );
  const event = fc.record({
    id: fc.constantFrom("A", "B", "C", "D"),
    timestamp: stamp,
    timezone: zone,
    precision: fc.constantFrom("minute" as const, "date" as const),
  });
  const model = fc.constantFrom("market", "constant-mean", "market-adjusted", "scholes-williams", "dimson", "ff3", "bogus");
  const mutate = fc.constantFrom("none", "nan", "zero", "negative", "flat", "short", "huge", "unsorted", "tiny");
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1e6 }),
      fc.array(event, { maxLength: 4 }),
      fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      fc.tuple(fc.integer({ min: -400, max: -2 }), fc.integer({ min: 1, max: 300 })),
      model,
      mutate,
      fc.integer({ min: 0, max: 699 }),
      fc.constantFrom("exclude", "keep"),
      fc.constantFrom("next", "previous", "drop", "error"),
      fc.constantFrom("simple", "log"),
      (s, events, windows, [e0, len], m, mut, at, contamination, nonTrading, returnType) => {
        const { market, asset } = marketPair(s, DAYS);
        const v = asset.values;
        let a: Series = asset;
        if (mut === "nan") v[at] = Number.NaN;
        if (mut === "zero") v[at] = 0;
        if (mut === "negative") v[at] = -1;
        if (mut === "huge") v[at] = 1e308;
        if (mut === "tiny") v[at] = 5e-324;
        if (mut === "flat") v.fill(7);
        if (mut === "short") a = { ...asset, days: asset.days.subarray(0, at + 1), values: v.subarray(0, at + 1) };
        if (mut === "unsorted") a = { ...asset, days: asset.days.slice().reverse() };
        const options = {
          assets: [a],
          market,
          events,
          windows,
          estimation: [e0, Math.min(e0 + len, -1)] as [number, number],
          model: m,
          contamination,
          nonTrading,
          returnType,
        } as unknown as EventStudyOptions;
        onlyLibraryErrors("eventStudy", () => eventStudy(options).toJSONText());
      },
    ),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

interface ValidCase {
  seed: number;
  at: number[];
  windows: [number, number][];
}
const validCase: fc.Arbitrary<ValidCase> = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  at: fc.uniqueArray(fc.integer({ min: 270, max: 680 }), { minLength: 2, maxLength: 5 }),
  windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
});

function runStudy(c: ValidCase, order: number[], scale = 1, contamination: "exclude" | "keep" = "exclude") {
  const { market, asset } = marketPair(c.seed, DAYS);
  const scaled = scale === 1 ? asset : { ...asset, values: asset.values.map((x) => x * scale) };
  const events = order.map((k) => ev(`E${k}`, c.at[k]!));
  return eventStudy({ assets: [scaled], market, events, windows: c.windows, estimation: [-250, -11], contamination });
}

const carKey = (r: { event_id: string; window_start: number; window_end: number; car: number; se: number; p_value: number }) =>
  `${r.event_id}|${r.window_start}|${r.window_end}|${r.car}|${r.se}|${r.p_value}`;

/** Permuting the statements leaves the set of CAR rows (and the skipped set) unchanged, bit for bit. */
export function permutationProperty(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(validCase, fc.integer({ min: 0, max: 1e9 }), (c, shuffleSeed) => {
      const n = c.at.length;
      const order = [...Array(n).keys()];
      const perm = order.slice();
      for (let i = n - 1, s = shuffleSeed; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      const a = runStudy(c, order);
      const b = runStudy(c, perm);
      const ka = a.car.map(carKey).sort();
      const kb = b.car.map(carKey).sort();
      if (JSON.stringify(ka) !== JSON.stringify(kb)) throw new Error(`CAR rows differ after permuting statements ${JSON.stringify(perm)}`);
      if (JSON.stringify(a.skipped.map((s) => s.event_id).sort()) !== JSON.stringify(b.skipped.map((s) => s.event_id).sort()))
        throw new Error("skipped set differs");
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

/** Scaling every price by c leaves returns and ARs unchanged (exactly for powers of two, to 1e-12 otherwise). */
export function scalingProperty(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(validCase, fc.oneof(fc.constantFrom(0.25, 2, 1024, 2 ** -20), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), (c, k) => {
      const order = [...c.at.keys()];
      const a = runStudy(c, order);
      const b = runStudy(c, order, k);
      const exact = Math.log2(k) % 1 === 0;
      if (a.abnormal.length !== b.abnormal.length) throw new Error("different number of AR rows after scaling");
      for (let i = 0; i < a.abnormal.length; i++) {
        const x = a.abnormal[i]!;
        const y = b.abnormal[i]!;
        if (x.event_id !== y.event_id || x.rel_day !== y.rel_day) throw new Error("AR rows out of order after scaling");
        for (const f of ["return", "ar"] as const) {
          const d = Math.abs(x[f] - y[f]);
          if (exact ? !Object.is(x[f], y[f]) : !(d <= 1e-12 * Math.max(1e-3, Math.abs(x[f])))) {
            throw new Error(`${f} changed after scaling prices by ${k}: ${x[f]} vs ${y[f]}`);
          }
        }
      }
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}

/** A statement far away (beyond both estimation windows) leaves another statement's ARs unchanged under `keep`. */
export function farAwayProperty(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1e6 }),
      fc.integer({ min: 260, max: 300 }),
      fc.integer({ min: 0, max: 100 }),
      fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      (s, at, extra, windows) => {
        const c: ValidCase = { seed: s, at: [at, Math.min(at + 280 + extra, 680)], windows };
        const alone = runStudy({ ...c, at: [at] }, [0], 1, "keep");
        const both = runStudy(c, [0, 1], 1, "keep");
        const pick = (st: typeof alone) => st.abnormal.filter((r) => r.event_id === "E0").map((r) => `${r.rel_day}|${r.ar}|${r.se}|${r.p_value}`);
        if (JSON.stringify(pick(alone)) !== JSON.stringify(pick(both))) throw new Error("a far-away statement changed another statement's ARs");
      },
    ),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}
