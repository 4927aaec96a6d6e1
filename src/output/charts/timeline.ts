/**
 * Price series with the statements marked, over the event period by default.
 * @module
 */
import { invalidOption } from "../../errors.js";
import { isoFromDayKey } from "../../time/index.js";
import type { MarketEvent, Series } from "../../types.js";
import { assetName, checkCommon, dayMs, keepIn, panels, round, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec } from "./common.js";
import { idRange } from "./labels.js";
import { checkArrayOf, checkObject, checkOptions, checkShape } from "../../check.js";
import { SERIES } from "../../shapes.js";

/** A statement on the timeline: a {@link MarketEvent}, or an `events` row of a study (which has `day0`). */
export type TimelineEvent =
  | MarketEvent
  | { readonly id: string; readonly day0: string; readonly asset?: string | null; readonly label?: string | null; readonly speaker?: string | null };

/** Options of {@link timelineChart}. */
export interface TimelineChartOptions extends ChartOptions {
  /** Characters of a date's label (its statement ids); default 36. */
  readonly labelLength?: number;
  /** First date shown (ISO); default a month before the first statement (the whole series without statements). */
  readonly from?: string;
  /** Last date shown (ISO); default a month after the last statement. */
  readonly to?: string;
}

interface Mark {
  readonly id: string;
  readonly date: string;
  readonly asset: string | null;
  readonly speaker: string | null;
  readonly label: string | null;
}

function shiftMonth(iso: string, months: number): string {
  const d = new Date(dayMs(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The default period: a month before the first statement to a month after the last. */
function period(marks: readonly Mark[], o: TimelineChartOptions): { from?: string; to?: string } {
  const dates = marks.map((m) => m.date).sort();
  const from = o.from ?? (dates.length === 0 ? undefined : shiftMonth(dates[0]!, -1));
  const to = o.to ?? (dates.length === 0 ? undefined : shiftMonth(dates[dates.length - 1]!, 1));
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * One label per date with statements, on the lowest row where it does not overlap a label to
 * its left (rows of 11 px, labels about 5.4 px per character at 9 px type).
 */
function labelRows(marks: readonly Mark[], t0: number, span: number, width: number, labelLength: number): Map<string, { text: string; level: number }> {
  const dates = [...new Set(marks.map((m) => m.date))].sort();
  const ends: number[] = [];
  const out = new Map<string, { text: string; level: number }>();
  for (const date of dates) {
    const ids = idRange(marks.filter((m) => m.date === date).map((m) => m.id));
    const text =
      ids.length > labelLength
        ? `${ids.slice(0, ids.lastIndexOf(",", labelLength - 2) > 0 ? ids.lastIndexOf(",", labelLength - 2) : labelLength - 1)}, …`
        : ids;
    const x = ((dayMs(date) - t0) / span) * width;
    const w = text.length * 5.4 + 6;
    let level = ends.findIndex((end) => end <= x - 2);
    if (level < 0) {
      level = ends.length;
      ends.push(0);
    }
    ends[level] = x + w;
    out.set(date, { text, level });
  }
  return out;
}

function seriesRows(
  s: Series,
  lo: number,
  hi: number,
  dates: readonly string[],
  eventDates: ReadonlySet<string>,
  budget: number,
  base: number | null,
): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const step = Math.max(1, Math.ceil((hi - lo) / budget));
  for (let i = lo; i < hi; i++) {
    if ((i - lo) % step === 0 || i === hi - 1 || eventDates.has(dates[i]!)) {
      const v = s.values[i]!;
      if (Number.isFinite(v)) rows.push({ layer: "series", asset: s.id, date: dates[i], value: round(base === null ? v : (100 * v) / base) });
    }
  }
  return rows;
}

/** The value on the date, or on the first observation after it (a statement on a weekend: day 0). */
function valueOn(s: Series, dates: readonly string[], lo: number, hi: number, date: string, base: number | null): { value: number | null; on: string | null } {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (dates[mid]! < date) a = mid + 1;
    else b = mid;
  }
  if (a >= hi) return { value: null, on: null };
  const v = s.values[a]!;
  return { value: round(base === null ? v : (100 * v) / base), on: dates[a]! };
}

function layers(yTitle: string): Record<string, unknown>[] {
  const x = { field: "date", type: "temporal", title: null, scale: { type: "utc" }, axis: { format: "%d %b %Y", labelAngle: 0, labelOverlap: true } };
  return [
    {
      transform: [{ filter: "datum.layer === 'series'" }],
      mark: { type: "line", strokeWidth: 1.5, color: "#1f4e79" },
      encoding: { x, y: { field: "value", type: "quantitative", title: yTitle, scale: { zero: false } } },
    },
    { transform: [{ filter: "datum.layer === 'statement'" }], mark: { type: "rule", color: "#d95f02", strokeDash: [3, 2], opacity: 0.7 }, encoding: { x } },
    {
      transform: [{ filter: "datum.layer === 'statement' && isValid(datum.value)" }],
      mark: { type: "point", filled: true, color: "#d95f02", size: 30 },
      encoding: {
        x: { ...x, field: "value_date" },
        y: { field: "value", type: "quantitative" },
        tooltip: [
          { field: "id", type: "nominal", title: "statement" },
          { field: "date", type: "temporal", title: "date", format: "%Y-%m-%d" },
          { field: "speaker", type: "nominal" },
          { field: "label", type: "nominal" },
        ],
      },
    },
    // the labels, over a white halo so they stay legible where the series passes under them
    ...[{ stroke: "white", strokeWidth: 3, strokeOpacity: 0.9 }, {}].map((halo) => ({
      transform: [{ filter: "datum.layer === 'statement' && isValid(datum.text)" }],
      mark: { type: "text", align: "left", baseline: "top", dx: 2, fontSize: 9, color: "#7a3a00", ...halo },
      encoding: { x, y: { field: "label_y", type: "quantitative", scale: null }, text: { field: "text", type: "nominal" } },
    })),
  ];
}

function toSeries(prices: Series | readonly Series[] | { readonly series: readonly Series[] }): readonly Series[] {
  return Array.isArray(prices) ? prices : "series" in (prices as object) ? (prices as { series: readonly Series[] }).series : [prices as Series];
}

/**
 * The price series with each statement marked (a rule at its date — day 0 for study rows, the
 * statement's local date for raw statements, with its point on the first observation on or
 * after that date) and, per date, one label with its statement ids
 * (`E16–E25`) placed on the lowest row where it does not collide with another (on every panel
 * when there are several, each placed for its own dates); the tooltip has the speaker and label. By default the chart shows the event period, from a month before the
 * first statement to a month after the last. Several series become panels (up to three
 * columns; titled by `names`, else the id made readable by `readableAssetName`; the data keep
 * the id in `asset` and the shown name in `asset_name`); `sharedScale` puts them on one scale, indexed to 100
 * at the first date shown. A series longer than `maxPoints` (over all panels) is thinned to
 * every k-th observation, keeping the last one and every statement date.
 *
 * @throws INVALID_OPTION for bad sizes, `maxPoints`, or dates.
 * @example
 * ```ts
 * const days = Int32Array.from(["2025-04-04", "2025-04-07", "2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const spx: Series = { id: "SPX", kind: "price", days, values: Float64Array.of(5074.08, 5062.25, 4982.77, 5456.9) };
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const spec = timelineChart(spx, events, { from: "2025-04-07" });
 * (spec.data as { values: unknown[] }).values.length; // => 4 (three closes and the statement)
 * ```
 */
export function timelineChart(
  prices: Series | readonly Series[] | { readonly series: readonly Series[] },
  events: readonly TimelineEvent[],
  options: TimelineChartOptions = {},
): VegaLiteSpec {
  checkObject("timelineChart", "prices", prices);
  if (!Array.isArray(prices) && "series" in prices) checkShape("timelineChart", "prices", prices, { series: "array" });
  for (const [i, s] of toSeries(prices).entries()) checkShape("timelineChart", `prices[${i}]`, s, SERIES);
  checkArrayOf("timelineChart", "events", events, {});
  checkOptions("timelineChart", options);
  const series = toSeries(prices).filter((s) => keepIn(options.assets, s.id));
  if (series.length === 0) invalidOption("prices", prices, "at least one series (after the assets filter)");
  const multi = series.length > 1;
  const { width, height, maxPoints } = checkCommon({ width: multi ? 300 : 640, height: multi ? 160 : 240, ...options });
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (options.from !== undefined && !iso.test(options.from)) invalidOption("from", options.from, "an ISO date YYYY-MM-DD");
  if (options.to !== undefined && !iso.test(options.to)) invalidOption("to", options.to, "an ISO date YYYY-MM-DD");
  const labelLength = options.labelLength ?? 36;
  const marks: Mark[] = events
    .filter((e) => keepIn(options.events, e.id))
    .map((e) => ({
      id: e.id,
      date: "day0" in e ? e.day0 : e.timestamp.slice(0, 10),
      asset: e.asset ?? null,
      speaker: e.speaker ?? null,
      label: e.label ?? null,
    }));
  const { from, to } = period(marks, options);
  const budget = Math.max(2, Math.floor(maxPoints / series.length));
  const rows: Record<string, unknown>[] = [];
  for (const s of series) {
    const dates = Array.from(s.days, (d) => isoFromDayKey(d));
    let lo = 0;
    let hi = dates.length;
    if (from !== undefined) while (lo < hi && dates[lo]! < from) lo++;
    if (to !== undefined) while (hi > lo && dates[hi - 1]! > to) hi--;
    if (lo >= hi) continue;
    const base = options.sharedScale === true && multi ? s.values[lo]! : null;
    const mine = marks.filter((m) => (m.asset === null || m.asset === s.id) && m.date >= dates[lo]! && m.date <= dates[hi - 1]!);
    rows.push(...seriesRows(s, lo, hi, dates, new Set(mine.map((m) => m.date)), budget, base));
    const t0 = dayMs(dates[lo]!);
    const labels = labelRows(mine, t0, Math.max(1, dayMs(dates[hi - 1]!) - t0), width, labelLength);
    const shownOn = new Set<string>();
    for (const m of [...mine].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
      const l = labels.get(m.date)!;
      const first = !shownOn.has(m.date);
      shownOn.add(m.date);
      const at = valueOn(s, dates, lo, hi, m.date, base);
      rows.push({
        layer: "statement",
        asset: s.id,
        date: m.date,
        value: at.value,
        value_date: at.on,
        id: m.id,
        text: first ? l.text : null,
        label_y: 2 + 11 * l.level,
        speaker: m.speaker,
        label: m.label,
      });
    }
  }
  const names = series.map((s) => assetName(options, s.id));
  const shown = rows
    .filter((r) => r["layer"] === "series")
    .map((r) => r["date"] as string)
    .sort();
  const kind = base100(options, multi) ? `Index (${shown[0] ?? "first date"} = 100)` : series.every((s) => s.kind === "price") ? "Price" : "Value";
  const period_ = shown.length === 0 ? "" : ` (${shown[0]} to ${shown[shown.length - 1]})`;
  const title = { text: options.title ?? `${names.length <= 3 ? names.join(", ") : `${names.length} series`} and the statements${period_}`, anchor: "start" };
  for (const r of rows) r["asset_name"] = assetName(options, r["asset"] as string);
  const base = { $schema: VEGA_LITE_SCHEMA, title, data: { values: rows } };
  if (!multi) return { ...base, width, height, layer: layers(kind) };
  return { ...base, ...panels("asset_name", series.length, options, names), spec: { width, height, layer: layers(kind) } };
}

function base100(options: TimelineChartOptions, multi: boolean): boolean {
  return options.sharedScale === true && multi;
}
