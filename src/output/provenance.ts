/**
 * Provenance of a study: what produced it (library version, calendar rules) and fingerprints of
 * what went in (content hashes of the series, factors and statements, the options, the seeds).
 * Deterministic: no timestamps, no host details, so `toJSON()` stays byte-stable.
 * @module
 */
// named import without an import attribute: esbuild keeps only `version` from package.json
import { version } from "../../package.json";
import type { TradingCalendar } from "../calendar/index.js";
import { NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from "../calendar/nyse.js";
import type { FactorColumns } from "../returns/index.js";
import { isoFromDayKey } from "../time/index.js";
import type { MarketEvent, Series } from "../types.js";
import { ContentHash, contentHash64 } from "./murmur3.js";
import { checkArray, checkObject } from "../check.js";

/**
 * The library's version (from package.json at build time).
 *
 * @example
 * /^\d+\.\d+\.\d+/.test(LIBRARY_VERSION); // => true
 * // every study's provenance names it
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (_d, i) => 0.004 * Math.sin(i));
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -11] }).provenance?.library.version === LIBRARY_VERSION; // => true
 */
export const LIBRARY_VERSION: string = version;

/**
 * Edition of the built-in exchange rules (bumped whenever a holiday or closure is added).
 *
 * @example
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (_d, i) => 0.004 * Math.sin(i));
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const p = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -11] }).provenance!;
 * p.calendars[0]?.rules.endsWith(`${CALENDAR_EDITION} edition`); // => true
 */
export const CALENDAR_EDITION = "2026-11";

/**
 * The hash algorithm named in every provenance record.
 *
 * @example
 * HASH_ALGORITHM; // => "MurmurHash3 x86_128, first 8 bytes (UTF-8 strings + 0xff, zero-padded to 4 bytes; int32/float64 as little-endian bytes)"
 */
export const HASH_ALGORITHM = "MurmurHash3 x86_128, first 8 bytes (UTF-8 strings + 0xff, zero-padded to 4 bytes; int32/float64 as little-endian bytes)";

/** Fingerprint of one input series. */
export interface SeriesFingerprint {
  readonly id: string;
  readonly kind: string;
  /** Observations. */
  readonly n: number;
  readonly first: string | null;
  readonly last: string | null;
  /** Content hash ({@link HASH_ALGORITHM}) over id, kind, days and values. */
  readonly hash: string;
}

/** One calendar used by the study. */
export interface CalendarProvenance {
  readonly exchange: string;
  /** `rules`, `data` or `weekdays`. */
  readonly source: string;
  /** Which rules, e.g. `NYSE rules 1990–2099, 2026-11 edition`. */
  readonly rules: string;
  readonly first: string;
  readonly last: string;
  readonly sessions: number;
  /** Last year whose holiday tables were checked against the exchange's published lists; `null` without built-in rules. */
  readonly edition: number | null;
  /** Sessions after this day are projected from the rules (closures announced later are unknown); `null` without built-in rules. */
  readonly projected_after: string | null;
}

/** The provenance block of a study (`study.toJSON().provenance`). */
export interface Provenance {
  readonly library: { readonly name: "market-reaction"; readonly version: string };
  readonly hash_algorithm: string;
  readonly calendars: readonly CalendarProvenance[];
  readonly inputs: {
    readonly assets: readonly SeriesFingerprint[];
    readonly market: SeriesFingerprint | null;
    readonly factors: { readonly names: readonly string[]; readonly n: number; readonly hash: string } | null;
    readonly events: { readonly n: number; readonly hash: string };
  };
  /** Hash of the resolved options as JSON (the options themselves are in `options`). */
  readonly options_hash: string;
  /** Seeds of every random draw (`{}` when nothing was drawn). */
  readonly seeds: Readonly<Record<string, number>>;
}

/**
 * Fingerprint of a series: the content hash ({@link HASH_ALGORITHM}) over its id, kind, days and
 * values.
 *
 * @example
 * const days = Int32Array.of(dayKeyFromIso("2025-04-09"));
 * seriesFingerprint({ id: "SPX", kind: "price", days, values: Float64Array.of(5456.9) });
 * // => { id: "SPX", kind: "price", n: 1, first: "2025-04-09", last: "2025-04-09", hash: "e7e3072b7e411668" }
 */
export function seriesFingerprint(series: Series): SeriesFingerprint {
  checkObject("seriesFingerprint", "series", series);
  const h = new ContentHash().string(series.id).string(series.kind);
  h.int32Array(series.days).float64Array(series.values);
  const n = series.days.length;
  return {
    id: series.id,
    kind: series.kind,
    n,
    first: n > 0 ? isoFromDayKey(series.days[0]!) : null,
    last: n > 0 ? isoFromDayKey(series.days[n - 1]!) : null,
    hash: h.hex(),
  };
}

/** Fingerprint of factor columns: names, days and every column in name order. */
function factorFingerprint(f: FactorColumns): { names: readonly string[]; n: number; hash: string } {
  const h = new ContentHash();
  for (const name of f.names) h.string(name);
  h.int32Array(f.days);
  for (const name of f.names) {
    const col = f.columns[name];
    if (col !== undefined) h.float64Array(col);
  }
  return { names: [...f.names], n: f.days.length, hash: h.hex() };
}

const EVENT_FIELDS = ["id", "timestamp", "timezone", "precision", "asset", "label", "speaker", "role", "venue", "source", "group"] as const;

/**
 * Hash of a list of statements: every field of every statement in a fixed field order (order of
 * the statements matters).
 *
 * @example
 * eventsHash([{ id: "E1", timestamp: "2025-04-02T16:15", timezone: "America/New_York", precision: "minute" }]).length; // => 16
 */
export function eventsHash(events: readonly MarketEvent[]): string {
  checkArray("eventsHash", "events", events);
  const h = new ContentHash();
  for (const e of events) {
    for (const field of EVENT_FIELDS) {
      const v = (e as unknown as Record<string, unknown>)[field];
      h.string(v === undefined || v === null ? "\u0000" : String(v));
    }
  }
  return h.hex();
}

function calendarRules(cal: TradingCalendar): string {
  if (cal.source === "data") return `trading days taken from data (${cal.exchange.code} clock)`;
  if (cal.source === "weekdays" || cal.exchange.holidays === "none") return "weekdays only (holidays unknown)";
  if (cal.exchange.holidays === "nyse") return `NYSE rules ${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR}, ${CALENDAR_EDITION} edition`;
  const first = isoFromDayKey(cal.first).slice(0, 4);
  const last = isoFromDayKey(cal.last).slice(0, 4);
  return `${cal.exchange.holidays.toUpperCase()} rules ${first}–${last}, ${CALENDAR_EDITION} edition`;
}

/** Inputs of {@link studyProvenance}. */
export interface ProvenanceInputs {
  readonly assets: readonly Series[];
  readonly market?: Series | undefined;
  readonly factors?: FactorColumns | undefined;
  readonly events: readonly MarketEvent[];
  readonly calendars: Iterable<TradingCalendar>;
  /** The resolved options as stored in the study (`study.options`). */
  readonly options: unknown;
  readonly seeds?: Readonly<Record<string, number>>;
}

/**
 * The provenance block of a study. Pure and deterministic: the same inputs give the same block.
 *
 * @example
 * const days = Int32Array.from(["2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const spx: Series = { id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) };
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const p = studyProvenance({ assets: [spx], events, calendars: [tradingCalendar("XNYS")], options: { model: "market" } });
 * p.inputs.assets[0]; // => { id: "SPX", kind: "price", n: 2, first: "2025-04-08", last: "2025-04-09", hash: "9a09f7d45f689532" }
 * p.calendars[0]?.rules; // => "NYSE rules 1990–2099, 2026-11 edition"
 */
export function studyProvenance(inputs: ProvenanceInputs): Provenance {
  checkObject("studyProvenance", "inputs", inputs);
  const calendars: CalendarProvenance[] = [];
  const seen = new Set<TradingCalendar>();
  for (const cal of inputs.calendars) {
    if (seen.has(cal)) continue;
    seen.add(cal);
    calendars.push({
      exchange: cal.exchange.code,
      source: cal.source,
      rules: calendarRules(cal),
      first: isoFromDayKey(cal.first),
      last: isoFromDayKey(cal.last),
      sessions: cal.days.length,
      edition: cal.edition ?? null,
      projected_after: cal.edition === undefined ? null : `${cal.edition}-12-31`,
    });
  }
  return {
    library: { name: "market-reaction", version: LIBRARY_VERSION },
    hash_algorithm: HASH_ALGORITHM,
    calendars,
    inputs: {
      assets: inputs.assets.map(seriesFingerprint),
      market: inputs.market === undefined ? null : seriesFingerprint(inputs.market),
      factors: inputs.factors === undefined ? null : factorFingerprint(inputs.factors),
      events: { n: inputs.events.length, hash: eventsHash(inputs.events) },
    },
    options_hash: contentHash64(JSON.stringify(inputs.options, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v))),
    seeds: { ...(inputs.seeds ?? {}) },
  };
}
