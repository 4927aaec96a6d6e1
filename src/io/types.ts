/**
 * Public option and result types of the input parsers.
 *
 * Plain interfaces (no zod or papaparse types leak into the public declarations);
 * the zod schemas in `src/schema/` validate objects of these shapes.
 * @module
 */
import type { Warning } from "../errors.js";
import type { MarketEvent, Series, SeriesKind } from "../types.js";
import type { DateFormat } from "../time/index.js";

/**
 * Layout of a price or return file.
 *
 * - `generic`: a date column and one value column, chosen by name (`Adj Close`/`adj_close`
 *   first, then `Close`, `Close/Last`, `Price`, `Value`, …) or given as `valueColumn`; also
 *   the lowercase `date,open,high,low,close[,volume]`, `date,adj_open,…,adj_close,volume` and
 *   `date,adj_close,volume` layouts.
 * - `yahoo`: `Date,Open,High,Low,Close,Adj Close,Volume`; `Adj Close` is used when present.
 * - `stooq`: `Date,Open,High,Low,Close[,Volume]` (also the Polish `Data,…,Zamkniecie,…`).
 * - `fred`: `observation_date,<SERIES>` or `DATE,<SERIES>`; `.` marks a missing value; the
 *   series id is the column name.
 * - `nasdaq`: `Date,Close/Last,Volume,Open,High,Low`, `MM/DD/YYYY` dates, `$` prefixes,
 *   newest first (reversed and reported).
 * - `wide`: a date column and one column per asset.
 * - `long`: a date column, an asset column and a value column (a panel).
 * - `auto`: detected from the header.
 */
export type SeriesFormat = "auto" | "generic" | "yahoo" | "stooq" | "fred" | "nasdaq" | "wide" | "long";

/** Options of {@link parseSeriesCsv} and {@link seriesFromRows}. */
export interface ParseSeriesOptions {
  /** File layout; default `auto` (detected from the header). */
  readonly format?: SeriesFormat;
  /** Id of the series for single-series layouts; default: the file name stem, else the value column's name. */
  readonly id?: string;
  /** Name of the date column; default detected (`date`, `Date`, `observation_date`, `timestamp`, …, else the first column). */
  readonly dateColumn?: string;
  /** Value column(s); several names give one series per column. Default detected per format. */
  readonly valueColumn?: string | readonly string[];
  /** Asset column of a long panel; default detected (`asset`, `ticker`, `symbol`, `security`, …). */
  readonly assetColumn?: string;
  /**
   * Whether the values are prices (default), returns or levels (`level`: yields, spreads,
   * volatility indices, FX rates studied in changes; any finite value, zero and negative
   * included).
   */
  readonly values?: SeriesKind;
  /**
   * Unit of a level series (`values: "level"`): `percent` (a yield: the values are kept in basis
   * points, ×100, so that changes are in basis points) or `points` (default: kept as they are,
   * e.g. a volatility index).
   */
  readonly levelUnit?: "percent" | "points";
  /** Unit of returns in the file (`decimal`, default, or `percent`); output is always decimal. */
  readonly returnUnit?: "decimal" | "percent";
  /** Field delimiter, one character; default detected (`,`, `;`, tab or `|`). CSV text only. */
  readonly delimiter?: string;
  /** Decimal separator; default `.`. With `,` the delimiter cannot be `,`. */
  readonly decimal?: "." | ",";
  /** Date format of the date column; default `auto` (ISO, `YYYYMMDD` or US `MM/DD/YYYY`). */
  readonly dateFormat?: DateFormat;
  /** Name of the source file, put into every issue, warning and error message. */
  readonly file?: string;
}

/** Result of {@link parseSeriesCsv} and {@link seriesFromRows}. */
export interface SeriesTable {
  /** One series per value column (wide, FRED with several columns) or per asset (long). */
  readonly series: readonly Series[];
  /** The layout that was used (detected or given). */
  readonly format: Exclude<SeriesFormat, "auto">;
  /** The columns that were read: which date column, which value column(s), which asset column. */
  readonly columns: { readonly date: string; readonly values: readonly string[]; readonly asset?: string };
  /** Price levels or returns (returns are always in decimal units in `series`). */
  readonly kind: SeriesKind;
  /** Unit of the values of a level series: `basis-points` (read in percent, ×100) or `points`; absent otherwise. */
  readonly levelUnit?: "basis-points" | "points";
  /** Unit of the returns in the source (`percent` values were divided by 100); absent for prices. */
  readonly sourceUnit?: "decimal" | "percent";
  /** Number of data rows read (header and blank lines excluded). */
  readonly rowCount: number;
  /** Soft problems: dropped missing values, re-sorted rows. */
  readonly warnings: readonly Warning[];
}

/** Options of {@link serializeSeriesCsv}. */
export interface SerializeSeriesOptions {
  /** `wide` (default): `date,<id1>,<id2>,…`, empty cells where a series has no value; `long`: `date,asset,value`. */
  readonly layout?: "wide" | "long";
  /** Field delimiter; default `,`. */
  readonly delimiter?: string;
  /**
   * Hears of ±Infinity values, which are written as empty cells (a CSV reader would take the
   * text `Infinity` as a word, and the library's own parsers refuse it): called once, after the
   * text is built, with their count and the first one's asset and ISO date. Without it they are
   * still written as empty cells.
   */
  readonly onNonFinite?: (count: number, first: { readonly asset: string; readonly date: string }) => void;
}

/** Layout of a factor file: Ken French's daily CSV (preamble, `YYYYMMDD`, notes after the data) or a plain table. */
export type FactorFormat = "auto" | "french" | "generic";

/** Options of {@link parseFactorsCsv} and {@link factorsFromRows}. */
export interface ParseFactorsOptions {
  /** Layout; default `auto`: `french` when a preamble precedes the header or the header starts with an empty cell and dates are `YYYYMMDD`. */
  readonly format?: FactorFormat;
  /**
   * Unit of the values in the file. Default `auto`: `percent` for Ken French files; for generic
   * files guessed from the typical size of the values and reported in a `FACTOR_UNIT_ASSUMED` warning.
   */
  readonly unit?: "auto" | "percent" | "decimal";
  /** Name of the date column; default detected, else the first column. */
  readonly dateColumn?: string;
  /** Factor columns to keep (fuzzy names such as `mkt_rf` accepted); default all. */
  readonly columns?: readonly string[];
  readonly delimiter?: string;
  readonly decimal?: "." | ",";
  readonly dateFormat?: DateFormat;
  readonly file?: string;
}

/** Daily factor returns on one day index, in decimal units. */
export interface FactorTable {
  /** Strictly increasing day keys shared by all columns. */
  readonly days: Int32Array;
  /** Factor names as written in the file (`Mkt-RF`, `SMB`, …), in file order. */
  readonly names: readonly string[];
  /** Normalised names in the same order (`mkt_rf`, `smb`, …): lowercase, punctuation as `_`. */
  readonly keys: readonly string[];
  /** Values in decimal units, by original name. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Always `decimal`. */
  readonly unit: "decimal";
  /** Unit found in (or assumed for) the file; `percent` means every value was divided by 100. */
  readonly sourceUnit: "percent" | "decimal";
  readonly format: "french" | "generic";
  /** Number of data rows read. */
  readonly rowCount: number;
  readonly warnings: readonly Warning[];
  /**
   * The column of a factor by a case- and punctuation-insensitive name (`mkt_rf`, `MKT-RF`,
   * `mktrf`; `mom`, `umd` and `wml` are synonyms).
   * @throws MarketReactionError `INVALID_OPTION` when no column matches.
   */
  factor(name: string): Float64Array;
}

/** Event fields that input columns can map to. */
export type EventField = "id" | "timestamp" | "timezone" | "precision" | "asset" | "label" | "speaker" | "role" | "venue" | "source" | "group";

/** A parsed event: a {@link MarketEvent} plus the input's other columns, kept as metadata. */
export interface ParsedEvent extends MarketEvent {
  /** Columns that are not event fields (e.g. `market_session`), non-empty values only. */
  readonly extra?: Readonly<Record<string, string | number | boolean>>;
}

/** Options of {@link parseEventsCsv}, {@link parseEventsJson} and {@link eventsFromRows}. */
export interface ParseEventsOptions {
  /** Time zone of events without one; default `America/New_York`. */
  readonly defaultTimezone?: string;
  /** Explicit column names for event fields, overriding the detected aliases. */
  readonly columns?: Partial<Readonly<Record<EventField, string>>>;
  /** `keep` (default): other columns go to `extra`; `drop`: they are ignored. */
  readonly extraColumns?: "keep" | "drop";
  /** Field delimiter (CSV only); default detected. */
  readonly delimiter?: string;
  readonly file?: string;
}

/** Result of the event parsers. */
export interface EventsTable {
  readonly events: readonly ParsedEvent[];
  /** Which input column fed each event field, e.g. `{ timestamp: "datetime_et", label: "description" }`. */
  readonly columns: Readonly<Partial<Record<EventField, string>>>;
  readonly warnings: readonly Warning[];
}
