/**
 * The `Study` result: tidy tables as data fields, renderings as prototype methods.
 * @module
 */
import type { Warning } from "../errors.js";
import { invalidOption } from "../errors.js";
import {
  carChart,
  columnsOf,
  csvChunks,
  formatCsv,
  formatJson,
  formatTextTable,
  jsonChunks,
  JsonRows,
  studyTable,
  VEGA_LITE_MIME,
  type FormatCsvOptions,
  type Provenance,
  type Row,
  type StudyTableOptions,
  type TableFormat,
} from "../output/index.js";
import type { PlaceboResult } from "../inference/clustered/index.js";
import type { DailyRow, WindowRow } from "../inference/cross/index.js";
import type { PairResult } from "./pair.js";
import type { AbnormalRow, CarRow, EventRow, ModelRow, SkippedRow, StudyRegressionCarRow, StudyRegressionRow, StudyWaldRow } from "./rows.js";

export type { AbnormalRow, CarRow, EventMetadata, EventRow, ModelRow, SkippedRow, StudyRegressionCarRow, StudyRegressionRow, StudyWaldRow } from "./rows.js";

/** The tidy tables of a {@link Study}. */
export type StudyTable = "events" | "models" | "abnormal" | "car" | "skipped" | "warnings" | "regression" | "regression_car" | "wald";

/**
 * Turns a table field into an own enumerable getter that builds the rows once and then
 * becomes a plain value (so `JSON.stringify`, `structuredClone`, `Object.keys` and spreading
 * see an ordinary field, in its place among the others).
 */
function lazyTable(study: Study, name: "models" | "abnormal" | "car", build: () => readonly object[]): void {
  Object.defineProperty(study, name, {
    enumerable: true,
    configurable: true,
    get(): readonly object[] {
      const rows = build();
      Object.defineProperty(study, name, { value: rows, enumerable: true, writable: false, configurable: false });
      return rows;
    },
  });
}

const LAZY = ["models", "abnormal", "car"] as const;
const ROWS = Symbol("rows");

const TABLES: readonly StudyTable[] = ["events", "models", "abnormal", "car", "skipped", "warnings", "regression", "regression_car", "wald"];

/** The data of a study. */
export interface StudyData {
  readonly events: readonly EventRow[];
  readonly models: readonly ModelRow[];
  readonly abnormal: readonly AbnormalRow[];
  readonly car: readonly CarRow[];
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
  readonly options: Readonly<Record<string, unknown>>;
  /** Dummy-variable regression (when asked for): coefficients, CARs, Wald tests, fit summary per asset. */
  readonly regression?: readonly StudyRegressionRow[];
  readonly regression_car?: readonly StudyRegressionCarRow[];
  readonly wald?: readonly StudyWaldRow[];
  readonly regression_info?: readonly Readonly<Record<string, unknown>>[];
  /** Placebo inference (when asked for). */
  readonly placebo?: PlaceboResult | null;
  /** Cross-event aggregation and tests (when asked for): AAR per day and CAAR per window. */
  readonly aggregate?: { readonly daily: readonly DailyRow[]; readonly windows: readonly WindowRow[] } | null;
}

/**
 * Tables built on first access (internal to `eventStudy`): the statistics are computed when
 * the study runs and kept in typed arrays; the row objects, which cost more than the
 * statistics for a large study, are made when a table is first read.
 * @internal
 */
export interface LazyTables {
  readonly models?: () => ModelRow[];
  readonly abnormal?: () => AbnormalRow[];
  readonly car?: () => CarRow[];
  /** The per-pair building blocks, recomputed on first access (not enumerable, as always). */
  readonly pairs?: () => PairResult[];
  /** The rows of the lazy tables one at a time, for writing a table without building it. */
  readonly rows?: { readonly models?: () => Iterable<ModelRow>; readonly abnormal?: () => Iterable<AbnormalRow>; readonly car?: () => Iterable<CarRow> };
}

/**
 * The result of {@link eventStudy}: tidy tables (`events`, `models`, `abnormal`, `car`), the
 * `warnings` and `skipped` lists, and the resolved options. Fields are plain data (a
 * `structuredClone` gives plain objects); methods render them. The `models`, `abnormal` and
 * `car` rows of an `eventStudy` result are made on first access (then kept): a study of
 * 20,000 pairs returns before its 140,000 abnormal-return rows exist.
 *
 * @example
 * ```ts
 * // S&P 500 daily returns (synthetic, with the +9.52% of 9 April 2025), constant-mean model
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d, i) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(i)));
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -11] });
 * study instanceof Study; // => true
 * study.car[0]; // => { event_id: "E34", asset: "SPX", window_start: -1, window_end: 1, car: 0.0950, … }
 * study.toCSV("car").split("\n")[0]; // => "event_id,asset,window_start,window_end,car,se,t,p_value,bhar,…"
 * structuredClone(study).car.length; // => 1 (the tables are plain data)
 * ```
 */
export class Study implements StudyData {
  readonly events: readonly EventRow[];
  readonly models: readonly ModelRow[];
  readonly abnormal: readonly AbnormalRow[];
  readonly car: readonly CarRow[];
  readonly warnings: readonly Warning[];
  readonly skipped: readonly SkippedRow[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly regression: readonly StudyRegressionRow[];
  readonly regression_car: readonly StudyRegressionCarRow[];
  readonly wald: readonly StudyWaldRow[];
  readonly regression_info: readonly Readonly<Record<string, unknown>>[];
  readonly placebo: PlaceboResult | null;
  /** Cross-event tests (`tests` option): `daily` rows (rel_day, date, aar, n, tests) and `windows` rows (window_start, window_end, caar, n, tests). */
  readonly aggregate: { readonly daily: readonly DailyRow[]; readonly windows: readonly WindowRow[] } | null;
  /** The per-pair building blocks (fits, typed arrays); not serialised. */
  declare readonly pairs: readonly PairResult[];
  /**
   * Where the result came from: library version, calendars, content hashes of the inputs, seeds
   * (`null` for a study built without it). Also under `provenance` in {@link Study.toJSON}.
   */
  declare readonly provenance: Provenance | null;

  constructor(data: StudyData, pairs: readonly PairResult[] = [], provenance: Provenance | null = null, lazy?: LazyTables) {
    if (typeof data !== "object" || data === null)
      invalidOption("Study: data", typeof data, "the tables of a study (events, models, abnormal, car, warnings, skipped, options)");
    for (const name of ["events", "warnings", "skipped"] as const)
      if (!Array.isArray(data[name])) invalidOption(`Study: data.${name}`, typeof data[name], "an array of rows");
    this.events = data.events;
    this.models = data.models;
    this.abnormal = data.abnormal;
    this.car = data.car;
    this.warnings = data.warnings;
    this.skipped = data.skipped;
    this.options = data.options;
    this.regression = data.regression ?? [];
    this.regression_car = data.regression_car ?? [];
    this.wald = data.wald ?? [];
    this.regression_info = data.regression_info ?? [];
    this.placebo = data.placebo ?? null;
    this.aggregate = data.aggregate ?? null;
    if (lazy !== undefined) {
      for (const name of ["models", "abnormal", "car"] as const) {
        const build = lazy[name];
        if (build !== undefined) lazyTable(this, name, build);
      }
    }
    const buildPairs = lazy?.pairs;
    if (buildPairs === undefined) Object.defineProperty(this, "pairs", { value: pairs, enumerable: false });
    else {
      Object.defineProperty(this, "pairs", {
        enumerable: false,
        configurable: true,
        get: (): readonly PairResult[] => {
          const built = buildPairs();
          Object.defineProperty(this, "pairs", { value: built, enumerable: false, writable: false, configurable: false });
          return built;
        },
      });
    }
    // not enumerable (like pairs): it is in toJSON(), and structuredClone keeps the data tables only
    Object.defineProperty(this, "provenance", { value: provenance, enumerable: false });
    Object.defineProperty(this, ROWS, { value: lazy?.rows ?? {}, enumerable: false });
  }

  /**
   * The rows of a tidy table (the array itself, not a copy).
   * @throws INVALID_OPTION for an unknown table name.
   */
  toRows(table: StudyTable): readonly object[] {
    if (!TABLES.includes(table)) invalidOption("table", table, TABLES.join(", "));
    return this[table];
  }

  /** Plain JSON-ready data: the tables by name; `NaN` becomes `null` in `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return this.jsonData(false);
  }

  /** The JSON data; with `streamed`, unbuilt lazy tables as {@link JsonRows} (their getters untouched). */
  private jsonData(streamed: boolean): Record<string, unknown> {
    const table = (name: (typeof LAZY)[number]): unknown => {
      const rows = streamed ? this.unbuilt(name) : undefined;
      return rows === undefined ? this[name] : new JsonRows(rows);
    };
    const out: Record<string, unknown> = {
      events: this.events,
      models: table("models"),
      abnormal: table("abnormal"),
      car: table("car"),
      warnings: this.warnings,
      skipped: this.skipped,
      options: this.options,
    };
    // the clustered-statement results appear when they were asked for
    if ("regression" in this.options) {
      out.regression = this.regression;
      out.regression_car = this.regression_car;
      out.wald = this.wald;
      out.regression_info = this.regression_info;
    }
    if ("placebo" in this.options) out.placebo = this.placebo;
    if ("tests" in this.options) out.aggregate = this.aggregate;
    if (this.provenance !== null) out.provenance = this.provenance;
    return out;
  }

  /** The study as JSON text (two-space indentation, `null` for missing numbers); byte-stable. */
  toJSONText(): string {
    return formatJson(this.toJSON());
  }

  /** A tidy table as CSV text. */
  toCSV(table: StudyTable = "car"): string {
    return formatCsv(this.toRows(table) as Row[]);
  }

  /**
   * The text of {@link Study.toJSONText} as a sequence of chunks (joined, the same bytes), for
   * writing a large study to a file or a stream: the rows of the `models`, `abnormal` and `car`
   * tables are made as they are written, without building the tables.
   * `onNonFinite` hears of each ±Infinity written as `null`; `warnings` replaces the study's
   * warnings in the text (e.g. the file readers' warnings followed by the study's).
   * @example
   * ```ts
   * [...study.toJSONChunks()].join("") === study.toJSONText(); // => true
   * ```
   */
  toJSONChunks(options: { readonly onNonFinite?: (key: string) => void; readonly warnings?: readonly Warning[] } = {}): Generator<string> {
    const data = this.jsonData(true);
    if (options.warnings !== undefined) data.warnings = options.warnings;
    return jsonChunks(data, options);
  }

  /**
   * The text of {@link Study.toCSV} as chunks of whole lines (joined, the same bytes), the rows
   * made as they are written; `order` may reorder or select the columns found.
   * @example
   * ```ts
   * [...study.toCSVChunks("abnormal")].join("") === study.toCSV("abnormal"); // => true
   * ```
   */
  toCSVChunks(
    table: StudyTable = "car",
    options: Omit<FormatCsvOptions, "columns"> & { readonly order?: (found: readonly string[]) => readonly string[] } = {},
  ): Generator<string> {
    if (!TABLES.includes(table)) invalidOption("table", table, TABLES.join(", "));
    const order = options.order ?? ((found: readonly string[]) => found);
    const lazy = (LAZY as readonly string[]).includes(table) ? this.unbuilt(table as (typeof LAZY)[number]) : undefined;
    if (lazy === undefined) {
      const rows = this.toRows(table) as Row[];
      return csvChunks(rows, { ...options, columns: order(columnsOf(rows)) });
    }
    // the columns are the union of the keys of all rows: one pass to find them, one to write
    const seen = new Set<string>();
    for (const row of lazy()) for (const key of Object.keys(row)) seen.add(key);
    return csvChunks(lazy() as Iterable<Row>, { ...options, columns: order([...seen]) });
  }

  /** The row generator of a lazy table that has not been built yet (`undefined` once it is). */
  private unbuilt(name: (typeof LAZY)[number]): (() => Iterable<object>) | undefined {
    const descriptor = Object.getOwnPropertyDescriptor(this, name);
    if (descriptor?.get === undefined) return undefined;
    return (this as unknown as { [ROWS]: NonNullable<LazyTables["rows"]> })[ROWS][name];
  }

  /** A plain-text summary table of the CARs (statements × windows). */
  toString(): string {
    const rows = this.car.map((r) => ({
      event: r.event_id,
      asset: r.asset,
      day0: r.day0,
      window: `[${r.window_start}, ${r.window_end}]`,
      car: r.car,
      se: r.se,
      t: r.t,
      p_value: r.p_value,
      bhar: r.bhar,
    }));
    const n = this.skipped.length;
    return `${formatTextTable(rows, { digits: 4 })}${n > 0 ? `${n} skipped (see .skipped)\n` : ""}`;
  }

  /**
   * The paper-style table: statements as rows, windows as columns, CAR (%) with significance
   * stars (two-sided p of the CAR t test: * 10%, ** 5%, *** 1%) and the t statistic (or p) under
   * it; a note names the tests. User strings are escaped for HTML and markdown.
   * @throws INVALID_OPTION for an unknown format or option value.
   * @example
   * ```ts
   * study.toTable("markdown", { stat: "p" });
   * ```
   */
  toTable(format: TableFormat = "text", options: StudyTableOptions = {}): string {
    return studyTable(this, format, options);
  }

  /**
   * The Jupyter display bundle (Deno kernel): the HTML table, the CAR chart as Vega-Lite 5 and a
   * plain-text summary. Front-ends show the richest type they can render.
   * @example
   * ```ts
   * study; // last expression of a Deno notebook cell
   * ```
   */
  [Symbol.for("Jupyter.display")](): Record<string, unknown> {
    const bundle: Record<string, unknown> = { "text/html": this.toTable("html") };
    try {
      bundle[VEGA_LITE_MIME] = carChart(this);
    } catch {
      // too many points for an inline chart: the table alone
    }
    bundle["text/plain"] = this.summaryLine() + "\n" + this.toTable("text");
    return bundle;
  }

  private summaryLine(): string {
    const assets = new Set(this.models.map((m) => m.asset)).size;
    const events = new Set(this.models.map((m) => m.event_id)).size;
    const model = typeof this.options.model === "string" ? `, ${this.options.model} model` : "";
    return `Study: ${events} statements × ${assets} assets (${this.models.length} fits, ${this.car.length} CARs${model}), ${this.warnings.length} warnings, ${this.skipped.length} skipped`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const warn = this.warnings
      .slice(0, 3)
      .map((w) => `  warning ${w.code}: ${w.message}`)
      .join("\n");
    const more = this.warnings.length > 3 ? `\n  … ${this.warnings.length - 3} more in .warnings` : "";
    return `${this.summaryLine()}\n${this.toTable("text")}${warn === "" ? "" : `${warn}${more}\n`}tables: ${TABLES.filter((t) => this[t].length > 0).join(", ")} (study.toRows(name), study.toCSV(name))`;
  }
}
