/**
 * Charts of the measures beyond returns: abnormal-volume bars and cumulative abnormal change
 * paths of level series in their unit (basis points, points).
 * @module
 */
import { invalidOption } from "../errors.js";
import { carChart, VEGA_LITE_SCHEMA } from "../output/charts.js";
import type { CarChartOptions, ChartSource, VegaLiteSpec } from "../output/charts.js";
import { studentTQuantile } from "../stats/index.js";
import type { AbnormalVolume } from "./volume.js";
import { checkOptions, checkShape } from "../check.js";
import { ABNORMAL_RETURNS } from "../shapes.js";

/** Options of {@link volumeChart}. */
export interface VolumeChartOptions {
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
  /** Confidence level of the error bars; default 0.95. */
  readonly level?: number;
}

/**
 * Abnormal log volume as bars, one per session of the event span, with ± t·se error bars
 * (prediction-error variance, Student t with M − k df) and the volume multiple exp(AV) in the
 * tooltip.
 *
 * @example
 * ```ts
 * const volume = Float64Array.from({ length: 60 }, (_, t) => 1e6 * (1 + 0.2 * Math.sin(t)));
 * volume[55] = 3e6;
 * const r = abnormalVolume({ volume, estimation: Array.from({ length: 50 }, (_, t) => t), event: [54, 55, 56], start: -1 });
 * const spec = volumeChart(r);
 * (spec.data as { values: unknown[] }).values.length; // => 3
 * ```
 */
export function volumeChart(result: AbnormalVolume, options: VolumeChartOptions = {}): VegaLiteSpec {
  checkShape("volumeChart", "result", result, { abnormal: "object" });
  checkShape("volumeChart", "result.abnormal", result.abnormal, ABNORMAL_RETURNS);
  checkOptions("volumeChart", options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", options.level, "a confidence level between 0 and 1");
  const q = studentTQuantile(1 - (1 - level) / 2, result.abnormal.df);
  const a = result.abnormal;
  const values = Array.from({ length: a.length }, (_, i) => {
    const se = Math.sqrt(a.variance[i]!);
    const ok = Number.isFinite(a.ar[i]!);
    return {
      rel_day: a.start + i,
      abnormal: ok ? a.ar[i]! : null,
      lower: ok ? a.ar[i]! - q * se : null,
      upper: ok ? a.ar[i]! + q * se : null,
      multiple: ok ? Math.exp(a.ar[i]!) : null,
      sign: a.ar[i]! >= 0 ? "above normal" : "below normal",
    };
  });
  const x = { field: "rel_day", type: "ordinal", title: "Sessions relative to day 0", axis: { labelAngle: 0 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? "Abnormal trading volume", subtitle: `ln(V + ${result.offset}), ${result.model} model; ${Math.round(level * 100)}% bars` },
    width: options.width ?? 480,
    height: options.height ?? 240,
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x,
          y: { field: "abnormal", type: "quantitative", title: "Abnormal log volume" },
          color: { field: "sign", type: "nominal", title: null, scale: { domain: ["above normal", "below normal"], range: ["#1f4e79", "#b0413e"] } },
          tooltip: [
            { field: "rel_day", type: "ordinal", title: "day" },
            { field: "abnormal", type: "quantitative", format: ".3f" },
            { field: "multiple", type: "quantitative", title: "× normal volume", format: ".2f" },
          ],
        },
      },
      { mark: { type: "rule" }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
    ],
  };
}

/**
 * Cumulative abnormal change paths of level series in their unit: {@link carChart} with the
 * values left as they are (basis points or points, not ×100 as percent) and the axis titled by
 * the unit.
 *
 * @example
 * ```ts
 * // 10-year yield in basis points: a +15 bp jump on 9 April 2025
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d, i) => 400 + 3 * Math.sin(i) + (d >= dayKeyFromIso("2025-04-09") ? 15 : 0));
 * const { events } = parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n");
 * const study = eventStudy({ assets: [{ id: "DGS10", kind: "level", days, values }], events, estimation: [-60, -6], windows: [[0, 0]] });
 * const spec = changePathChart(study, { unit: "bp" });
 * (spec.title as { text: string }).text; // => "Cumulative abnormal changes around each statement (bp)"
 * ```
 */
export function changePathChart(study: ChartSource, options: CarChartOptions & { readonly unit: string }): VegaLiteSpec {
  checkShape("changePathChart", "options", options, { unit: "string" });
  const spec = carChart(study, { ...options, title: options.title ?? `Cumulative abnormal changes around each statement (${options.unit})` });
  const rescale = (v: unknown): unknown => (typeof v === "number" ? Number((v / 100).toPrecision(10)) : v);
  const data = spec.data as { values: Record<string, unknown>[] };
  data.values = data.values.map((r) => ({ ...r, car: rescale(r.car), lower: rescale(r.lower), upper: rescale(r.upper) }));
  const text = JSON.stringify(spec).replaceAll('"CAR (%)"', JSON.stringify(`Cumulative abnormal change (${options.unit})`));
  return JSON.parse(text) as VegaLiteSpec;
}
