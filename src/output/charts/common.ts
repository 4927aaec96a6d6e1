/**
 * What every chart shares: the Vega-Lite schema, options, sizes and small helpers.
 * @module
 */
import { invalidOption } from "../../errors.js";
import type { PairResult } from "../../study/pair.js";
import type { AbnormalRow, CarRow } from "../../study/rows.js";
import type { Series } from "../../types.js";
import { readableAssetName } from "./names.js";
import { checkArrayOf, checkShape } from "../../check.js";
import { CHART_SOURCE } from "../../shapes.js";

/**
 * The `$schema` of every chart: Vega-Lite 5 (the version notebook front-ends map to their renderer).
 *
 * @example
 * VEGA_LITE_SCHEMA; // => "https://vega.github.io/schema/vega-lite/v5.json"
 * const spx: Series = { id: "SPX", kind: "price", days: Int32Array.of(dayKeyFromIso("2025-04-09")), values: Float64Array.of(5456.9) };
 * timelineChart(spx, []).$schema === VEGA_LITE_SCHEMA; // => true
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * MIME type of a Vega-Lite 5 spec in Jupyter display bundles.
 *
 * @example
 * VEGA_LITE_MIME; // => "application/vnd.vegalite.v5+json"
 * const spec = { $schema: VEGA_LITE_SCHEMA, mark: "point", data: { values: [] } };
 * displayChart(spec)[Symbol.for("Jupyter.display")]!()[VEGA_LITE_MIME] === spec; // => true
 */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** A Vega-Lite specification (plain JSON). */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** Options shared by the charts. */
export interface ChartOptions {
  /** Width of one panel in pixels; default 480. */
  readonly width?: number;
  /** Height of one panel in pixels; default 240. */
  readonly height?: number;
  /** Chart title (a default title is used otherwise). */
  readonly title?: string;
  /** Only these statements (ids). */
  readonly events?: readonly string[];
  /** Only these assets (ids). */
  readonly assets?: readonly string[];
  /** Most data rows inlined in the spec; default 5000. Longer data is thinned (charts) or refused. */
  readonly maxPoints?: number;
  /**
   * Names of assets for titles, panel headers and legends, by asset id. Default: the id, made
   * readable when it is a file stem (`etf_xlk_daily_adj_2023_2026` → `XLK`, see
   * `readableAssetName`); map an id to itself to show it verbatim. The data keep the id.
   */
  readonly names?: Readonly<Record<string, string>>;
  /** One y scale for every panel of a multi-asset chart (default: each panel its own). */
  readonly sharedScale?: boolean;
}

/** Options of {@link carChart}. */
export interface CarChartOptions extends ChartOptions {
  /** Confidence level of the band; default 0.95. */
  readonly level?: number;
  /**
   * Most paths (CAR chart) or statement panels (AR chart) drawn per asset (default 8, at most 10
   * so no colour repeats): those with the largest |CAR| at the end of the span; the others are
   * listed under the title.
   */
  readonly top?: number;
}

/** `top` of the CAR and AR charts: an integer from 1 to 10, default 8. */
export function checkTop(o: CarChartOptions): number {
  const top = o.top ?? 8;
  if (!(Number.isInteger(top) && top >= 1 && top <= 10)) invalidOption("top", o.top, "an integer from 1 to 10 (Tableau-10 colours)");
  return top;
}

/** The study data the CAR and AR charts read. */
export type ChartSource = {
  readonly abnormal: readonly AbnormalRow[];
  readonly car: readonly CarRow[];
  readonly pairs?: readonly PairResult[];
  readonly options?: Readonly<Record<string, unknown>>;
};

export function checkCommon(o: ChartOptions): { width: number; height: number; maxPoints: number } {
  const width = o.width ?? 480;
  const height = o.height ?? 240;
  const maxPoints = o.maxPoints ?? 5000;
  if (!(Number.isFinite(width) && width > 0)) invalidOption("width", o.width, "a positive number of pixels");
  if (!(Number.isFinite(height) && height > 0)) invalidOption("height", o.height, "a positive number of pixels");
  if (!(Number.isInteger(maxPoints) && maxPoints >= 10)) invalidOption("maxPoints", o.maxPoints, "an integer ≥ 10");
  return { width, height, maxPoints };
}

export const dayMs = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export const keepIn = (list: readonly string[] | undefined, v: string): boolean => list === undefined || list.includes(v);

export function round(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(10)) : null;
}

/** The name shown for an asset: the one given in `names`, else the id made readable. */
export function assetName(options: ChartOptions, id: string): string {
  return options.names?.[id] ?? readableAssetName(id);
}

/** The assets a title names: "SP500", "SP500 and XLK", "A, B and C", else "11 assets". */
export function assetsForTitle(options: ChartOptions, ids: readonly string[]): string {
  const names = ids.map((id) => assetName(options, id));
  if (names.length > 3) return `${names.length} assets`;
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Panels of a multi-asset chart: wrapped into at most three columns (in the order `sort`), shared or own y scales. */
export function panels(field: string, count: number, options: ChartOptions, sort?: readonly string[]): Record<string, unknown> {
  return {
    facet: { field, type: "nominal", title: null, ...(sort === undefined ? {} : { sort }), header: { labelFontSize: 12, labelFontWeight: "bold" } },
    columns: Math.min(3, count),
    resolve: { scale: { y: options.sharedScale === true ? "shared" : "independent" } },
  };
}

/** "market model on ACWI; estimation [-250, -11]; windows [-1, 1], [0, 5]" from a study's options. */
export function modelLine(options: Readonly<Record<string, unknown>> | undefined): string {
  if (options === undefined) return "";
  const parts: string[] = [];
  if (typeof options["model"] === "string") parts.push(`${options["model"]} model${typeof options["market"] === "string" ? ` on ${options["market"]}` : ""}`);
  const est = options["estimation"];
  if (Array.isArray(est) && est.length === 2) parts.push(`estimation [${String(est[0])}, ${String(est[1])}]`);
  const windows = options["windows"];
  if (Array.isArray(windows) && windows.length > 0)
    parts.push(`window${windows.length === 1 ? "" : "s"} ${windows.map((w) => `[${(w as number[])[0]}, ${(w as number[])[1]}]`).join(", ")}`);
  return parts.join("; ");
}

export type { Series };

/** Throws unless `study` has the tables a chart reads: `abnormal` and `car` arrays of row objects. */
export function checkChartSource(fn: string, study: unknown): asserts study is ChartSource {
  checkShape(fn, "study", study, CHART_SOURCE);
  const s = study as ChartSource;
  checkArrayOf(fn, "study.abnormal", s.abnormal, { event_id: "string", asset: "string", rel_day: "integer" });
  checkArrayOf(fn, "study.car", s.car, { event_id: "string", asset: "string", window_start: "integer", window_end: "integer" });
}
