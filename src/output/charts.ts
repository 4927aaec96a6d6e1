/**
 * Event-study charts as Vega-Lite v5 specifications: plain JSON objects with the data inlined,
 * rendered by JupyterLab / VS Code / the Deno kernel (MIME `application/vnd.vegalite.v5+json`),
 * vega-embed in a page, or `renderSvg` of `market-reaction/node`.
 * @module
 */
import { cumulativeAbnormalReturnPath } from "../abnormal/index.js";
import { invalidOption } from "../errors.js";
import { studentTQuantile } from "../stats/index.js";
import type { PairResult } from "../study/pair.js";
import type { AbnormalRow, CarRow } from "../study/rows.js";
import type { MarketEvent, Series } from "../types.js";
import { isoFromDayKey } from "../time/index.js";

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
}

/** Options of {@link carChart}. */
export interface CarChartOptions extends ChartOptions {
  /** Confidence level of the band; default 0.95. */
  readonly level?: number;
}

/** The study data the CAR and AR charts read. */
export type ChartSource = { readonly abnormal: readonly AbnormalRow[]; readonly car: readonly CarRow[]; readonly pairs?: readonly PairResult[] };

function checkCommon(o: ChartOptions): { width: number; height: number; maxPoints: number } {
  const width = o.width ?? 480;
  const height = o.height ?? 240;
  const maxPoints = o.maxPoints ?? 5000;
  if (!(Number.isFinite(width) && width > 0)) invalidOption("width", o.width, "a positive number of pixels");
  if (!(Number.isFinite(height) && height > 0)) invalidOption("height", o.height, "a positive number of pixels");
  if (!(Number.isInteger(maxPoints) && maxPoints >= 10)) invalidOption("maxPoints", o.maxPoints, "an integer ≥ 10");
  return { width, height, maxPoints };
}

function short(text: string, n: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** "E17 · Trump: Liberation Day" — how a statement is named in legends and facets. */
function statementName(id: string, speaker: string | null | undefined, label: string | null | undefined, n = 40): string {
  const who = speaker ?? "";
  const what = label ?? "";
  const text = who !== "" && what !== "" ? `${who.split(" ").slice(-1)[0]}: ${what}` : who !== "" ? who : what;
  return text === "" ? id : `${id} · ${short(text, n)}`;
}

const dayMs = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

const keepIn = (list: readonly string[] | undefined, v: string): boolean => list === undefined || list.includes(v);

function round(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(10)) : null;
}

/**
 * CAR paths with confidence bands: for each (statement, asset), the cumulative abnormal return
 * in percent from the first session of the event span to each later session, with a band of
 * ± t_{1−α/2, M−k} · √Var(CAR) using the full covariance of the ARs
 * (`cumulativeAbnormalReturnPath`). Colour = statement; small multiples (rows) per asset.
 * Without the per-pair data (a study rebuilt from JSON) the band uses the diagonal variance
 * Σ se² of the `abnormal` table, and the subtitle says so.
 *
 * @throws INVALID_OPTION for a bad level, size or `maxPoints`, or when the data exceed `maxPoints`.
 * @example
 * ```ts
 * // daily SPX returns: quiet synthetic noise, then +9.52% on 9 April 2025 (the 90-day tariff pause)
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(d)));
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -6] });
 * carChart(study, { level: 0.9 }).title;
 * // => { text: "Cumulative abnormal returns around each statement", subtitle: "90% band: full-covariance Var(CAR), Student t with M − k df" }
 * ```
 */
export function carChart(study: ChartSource, options: CarChartOptions = {}): VegaLiteSpec {
  const { width, height, maxPoints } = checkCommon(options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", options.level, "a confidence level between 0 and 1, e.g. 0.95");
  const meta = new Map<string, { speaker: string | null; label: string | null; first: number; last: number }>();
  for (const r of study.abnormal) {
    const k = `${r.event_id}\u0000${r.asset}`;
    const m = meta.get(k);
    if (m === undefined) meta.set(k, { speaker: r.speaker, label: r.label, first: r.rel_day, last: r.rel_day });
    else {
      m.first = Math.min(m.first, r.rel_day);
      m.last = Math.max(m.last, r.rel_day);
    }
  }
  const rows: Record<string, unknown>[] = [];
  const pairs = study.pairs ?? [];
  const exact = pairs.length > 0;
  if (exact) {
    for (const p of pairs) {
      if (!keepIn(options.events, p.eventId) || !keepIn(options.assets, p.asset)) continue;
      const m = meta.get(`${p.eventId}\u0000${p.asset}`);
      const path = cumulativeAbnormalReturnPath(p.ars);
      const q = studentTQuantile(1 - (1 - level) / 2, p.ars.df);
      for (let i = 0; i < path.offsets.length; i++) {
        const car = path.car[i]!;
        const se = Math.sqrt(path.variance[i]!);
        rows.push({
          statement: statementName(p.eventId, m?.speaker, m?.label),
          event_id: p.eventId,
          asset: p.asset,
          rel_day: path.offsets[i]!,
          car: round(car * 100),
          lower: round((car - q * se) * 100),
          upper: round((car + q * se) * 100),
        });
      }
    }
  } else {
    const z = studentTQuantile(1 - (1 - level) / 2, 1e6);
    const run = new Map<string, { car: number; v: number }>();
    for (const r of study.abnormal) {
      if (!keepIn(options.events, r.event_id) || !keepIn(options.assets, r.asset)) continue;
      const k = `${r.event_id}\u0000${r.asset}`;
      const acc = run.get(k) ?? { car: 0, v: 0 };
      acc.car += r.ar;
      acc.v += r.se * r.se;
      run.set(k, acc);
      const se = Math.sqrt(acc.v);
      rows.push({
        statement: statementName(r.event_id, r.speaker, r.label),
        event_id: r.event_id,
        asset: r.asset,
        rel_day: r.rel_day,
        car: round(acc.car * 100),
        lower: round((acc.car - z * se) * 100),
        upper: round((acc.car + z * se) * 100),
      });
    }
  }
  if (rows.length > maxPoints) invalidOption("maxPoints", maxPoints, `at least ${rows.length} (the CAR paths have that many points); or choose fewer statements with events/assets`);
  const multi = new Set(rows.map((r) => r.asset)).size > 1;
  const pct = Math.round(level * 100);
  const x = { field: "rel_day", type: "quantitative", title: "Sessions relative to day 0", axis: { tickMinStep: 1, format: "d" } };
  const color = { field: "statement", type: "nominal", title: "Statement", legend: { labelLimit: 320 } };
  const layer = [
    { mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "lower", type: "quantitative", title: "CAR (%)" }, y2: { field: "upper" }, color } },
    {
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: { field: "car", type: "quantitative", title: "CAR (%)" },
        color,
        tooltip: [
          { field: "statement", type: "nominal" },
          { field: "asset", type: "nominal" },
          { field: "rel_day", type: "quantitative", title: "day" },
          { field: "car", type: "quantitative", title: "CAR (%)", format: ".3f" },
          { field: "lower", type: "quantitative", title: `${pct}% low`, format: ".3f" },
          { field: "upper", type: "quantitative", title: `${pct}% high`, format: ".3f" },
        ],
      },
    },
    { transform: [{ aggregate: [{ op: "count", as: "n" }], groupby: ["asset"] }], mark: { type: "rule", strokeDash: [4, 4], color: "#444" }, encoding: { x: { datum: 0, type: "quantitative" } } },
    { transform: [{ aggregate: [{ op: "count", as: "n" }], groupby: ["asset"] }], mark: { type: "rule", color: "#999" }, encoding: { y: { datum: 0, type: "quantitative" } } },
  ];
  const title = {
    text: options.title ?? "Cumulative abnormal returns around each statement",
    subtitle: exact
      ? `${pct}% band: full-covariance Var(CAR), Student t with M − k df`
      : `${pct}% band: diagonal variance Σ se² (per-pair data not available), normal quantile`,
  };
  const base = { $schema: VEGA_LITE_SCHEMA, title, data: { values: rows } };
  if (!multi) return { ...base, width, height, layer };
  return { ...base, facet: { row: { field: "asset", type: "nominal", title: null } }, spec: { width, height, layer }, resolve: { scale: { y: "independent" } } };
}

/**
 * Abnormal returns as bars: one panel per statement (rows) and asset (columns), a bar per
 * session of the event span in percent, coloured by sign, with a ± t·se error bar (prediction
 * error variance) and tooltips naming the event windows that contain the session.
 *
 * @throws INVALID_OPTION for a bad level, size or `maxPoints`, or when the data exceed `maxPoints`.
 * @example
 * ```ts
 * // daily SPX returns: quiet synthetic noise, then +9.52% on 9 April 2025 (the 90-day tariff pause)
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(d)));
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -6] });
 * const spec = arChart(study, { events: ["E34"] });
 * (spec.data as { values: { date: string; ar: number }[] }).values[1]; // => { date: "2025-04-09", ar: 9.53, … }
 * ```
 */
export function arChart(study: ChartSource, options: CarChartOptions = {}): VegaLiteSpec {
  const { width, height, maxPoints } = checkCommon({ width: 360, height: 140, ...options });
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", options.level, "a confidence level between 0 and 1, e.g. 0.95");
  const df = new Map<string, number>();
  for (const c of study.car) df.set(`${c.event_id}\u0000${c.asset}`, c.df);
  const windows = [...new Set(study.car.map((c) => `${c.window_start},${c.window_end}`))].map((s) => s.split(",").map(Number) as [number, number]);
  const rows: Record<string, unknown>[] = [];
  for (const r of study.abnormal) {
    if (!keepIn(options.events, r.event_id) || !keepIn(options.assets, r.asset)) continue;
    const q = studentTQuantile(1 - (1 - level) / 2, df.get(`${r.event_id}\u0000${r.asset}`) ?? 1e6);
    rows.push({
      statement: statementName(r.event_id, r.speaker, r.label, 60),
      asset: r.asset,
      rel_day: r.rel_day,
      date: r.date,
      ar: round(r.ar * 100),
      lower: round((r.ar - q * r.se) * 100),
      upper: round((r.ar + q * r.se) * 100),
      sign: Number.isNaN(r.ar) ? "missing" : r.ar >= 0 ? "positive" : "negative",
      windows: windows.filter(([a, b]) => r.rel_day >= a && r.rel_day <= b).map(([a, b]) => `[${a}, ${b}]`).join(" "),
    });
  }
  if (rows.length > maxPoints) invalidOption("maxPoints", maxPoints, `at least ${rows.length} (the AR table has that many rows); or choose fewer statements with events/assets`);
  const multi = new Set(rows.map((r) => r.asset)).size > 1;
  const x = { field: "rel_day", type: "ordinal", title: "Sessions relative to day 0", axis: { labelAngle: 0 } };
  const pct = Math.round(level * 100);
  const layer = [
    {
      mark: { type: "bar" },
      encoding: {
        x,
        y: { field: "ar", type: "quantitative", title: "AR (%)" },
        color: { field: "sign", type: "nominal", title: "AR", scale: { domain: ["positive", "negative"], range: ["#2a7fb8", "#d6604d"] } },
        tooltip: [
          { field: "statement", type: "nominal" },
          { field: "asset", type: "nominal" },
          { field: "date", type: "nominal" },
          { field: "rel_day", type: "ordinal", title: "day" },
          { field: "ar", type: "quantitative", title: "AR (%)", format: ".3f" },
          { field: "windows", type: "nominal", title: "in windows" },
        ],
      },
    },
    { mark: { type: "rule", color: "#333" }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
  ];
  const title = { text: options.title ?? "Abnormal returns by statement", subtitle: `Error bars: ${pct}% interval from the prediction-error variance of each AR` };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    data: { values: rows },
    facet: { row: { field: "statement", type: "nominal", title: null, header: { labelAngle: 0, labelAlign: "left", labelLimit: 360 } }, ...(multi ? { column: { field: "asset", type: "nominal", title: null } } : {}) },
    spec: { width, height, layer },
  };
}

/** A statement on the timeline: a {@link MarketEvent}, or an `events` row of a study (which has `day0`). */
export type TimelineEvent = MarketEvent | { readonly id: string; readonly day0: string; readonly asset?: string | null; readonly label?: string | null; readonly speaker?: string | null };

/** Options of {@link timelineChart}. */
export interface TimelineChartOptions extends ChartOptions {
  /** Characters of each statement's label shown on the chart (the tooltip has it all); default 36. */
  readonly labelLength?: number;
  /** First and last date shown (ISO), default the whole series. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * The price series with each statement marked (a rule at its date — day 0 for study rows, the
 * statement's local date for raw statements) and labelled with the speaker and a short label;
 * small multiples (rows, independent y scales) per series. Temporal x axis on a UTC scale.
 * A series longer than `maxPoints` (over all panels) is thinned to every k-th observation,
 * keeping the last one and every statement date.
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
  const { width, height, maxPoints } = checkCommon({ width: 640, height: 200, ...options });
  const list: readonly Series[] = Array.isArray(prices) ? prices : "series" in (prices as object) ? (prices as { series: readonly Series[] }).series : [prices as Series];
  const series = list.filter((s) => keepIn(options.assets, s.id));
  if (series.length === 0) invalidOption("prices", prices, "at least one series (after the assets filter)");
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (options.from !== undefined && !iso.test(options.from)) invalidOption("from", options.from, "an ISO date YYYY-MM-DD");
  if (options.to !== undefined && !iso.test(options.to)) invalidOption("to", options.to, "an ISO date YYYY-MM-DD");
  const labelLength = options.labelLength ?? 36;
  const marks = events
    .filter((e) => keepIn(options.events, e.id))
    .map((e) => {
      const date = "day0" in e ? e.day0 : e.timestamp.slice(0, 10);
      return { id: e.id, date, asset: e.asset ?? null, speaker: e.speaker ?? null, label: e.label ?? null };
    });
  const budget = Math.max(2, Math.floor(maxPoints / series.length));
  const rows: Record<string, unknown>[] = [];
  for (const s of series) {
    const dates: string[] = [];
    for (let i = 0; i < s.days.length; i++) dates.push(isoFromDayKey(s.days[i]!));
    let lo = 0;
    let hi = dates.length;
    if (options.from !== undefined) while (lo < hi && dates[lo]! < options.from) lo++;
    if (options.to !== undefined) while (hi > lo && dates[hi - 1]! > options.to) hi--;
    const mine = marks.filter((m) => (m.asset === null || m.asset === s.id) && lo < hi && m.date >= dates[lo]! && m.date <= dates[hi - 1]!);
    const eventDates = new Set(mine.map((m) => m.date));
    const step = Math.max(1, Math.ceil((hi - lo) / budget));
    const valueOn = (date: string): number | null => {
      // the last observation on or before the date
      let a = lo;
      let b = hi - 1;
      let best = -1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        if (dates[mid]! <= date) {
          best = mid;
          a = mid + 1;
        } else b = mid - 1;
      }
      return best < 0 ? null : round(s.values[best]!);
    };
    for (let i = lo; i < hi; i++) {
      if ((i - lo) % step === 0 || i === hi - 1 || eventDates.has(dates[i]!)) {
        const v = s.values[i]!;
        if (Number.isFinite(v)) rows.push({ layer: "series", asset: s.id, date: dates[i], value: round(v) });
      }
    }
    // Labels: one per date (several statements on a day are counted), and only where the last
    // kept label is at least 12 px away on the x axis (every statement keeps its rule and point).
    const t0 = lo < hi ? dayMs(dates[lo]!) : 0;
    const span = lo < hi ? Math.max(1, dayMs(dates[hi - 1]!) - t0) : 1;
    const fit = Math.max(4, Math.min(labelLength, Math.floor((height - 8) / 5.2)));
    const sorted = [...mine].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let lastPx = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < sorted.length; j++) {
      const m = sorted[j]!;
      let text: string | null = null;
      const first = j === 0 || sorted[j - 1]!.date !== m.date;
      const px = ((dayMs(m.date) - t0) / span) * width;
      if (first && px - lastPx >= 12) {
        let k = j;
        while (k + 1 < sorted.length && sorted[k + 1]!.date === m.date) k++;
        const who = m.speaker === null ? "" : m.speaker.split(" ").slice(-1)[0]!;
        const more = k > j ? ` +${k - j}` : "";
        const body = [who, m.label ?? ""].filter((t) => t !== "").join(": ");
        text = short(body === "" ? `${m.id}${more}` : `${m.id}${more} ${body}`, fit);
        lastPx = px;
      }
      rows.push({ layer: "statement", asset: s.id, date: m.date, value: valueOn(m.date), id: m.id, text, speaker: m.speaker, label: m.label });
    }
  }
  const multi = series.length > 1;
  const x = { field: "date", type: "temporal", title: null, scale: { type: "utc" }, axis: { format: "%Y-%m-%d", labelAngle: 0 } };
  const kind = series.every((s) => s.kind === "price") ? "Price" : "Value";
  const layer = [
    { transform: [{ filter: "datum.layer === 'series'" }], mark: { type: "line", strokeWidth: 1.5, color: "#1f4e79" }, encoding: { x, y: { field: "value", type: "quantitative", title: kind, scale: { zero: false } } } },
    { transform: [{ filter: "datum.layer === 'statement'" }], mark: { type: "rule", color: "#d95f02", strokeDash: [3, 2] }, encoding: { x } },
    {
      transform: [{ filter: "datum.layer === 'statement' && isValid(datum.value)" }],
      mark: { type: "point", filled: true, color: "#d95f02", size: 40 },
      encoding: {
        x,
        y: { field: "value", type: "quantitative" },
        tooltip: [
          { field: "id", type: "nominal", title: "statement" },
          { field: "date", type: "temporal", title: "date", format: "%Y-%m-%d" },
          { field: "speaker", type: "nominal" },
          { field: "label", type: "nominal" },
        ],
      },
    },
    {
      transform: [{ filter: "datum.layer === 'statement' && isValid(datum.text)" }],
      mark: { type: "text", angle: 270, align: "left", baseline: "middle", dx: 4, fontSize: 9, color: "#7a3a00" },
      encoding: { x, y: { value: height - 4 }, text: { field: "text", type: "nominal" } },
    },
  ];
  const base = { $schema: VEGA_LITE_SCHEMA, title: { text: options.title ?? "Prices and statements" }, data: { values: rows } };
  if (!multi) return { ...base, width, height, layer };
  return { ...base, facet: { row: { field: "asset", type: "nominal", title: null } }, spec: { width, height, layer }, resolve: { scale: { y: "independent" } } };
}

/** An object that displays a chart in notebooks (Deno kernel: the display symbol or `toSpec()`). */
export interface ChartDisplay {
  toSpec(): VegaLiteSpec;
  toJSON(): VegaLiteSpec;
  [key: symbol]: () => Record<string, unknown>;
}

/**
 * Wraps a spec for notebooks: the Deno Jupyter kernel shows it as a Vega-Lite chart
 * (`application/vnd.vegalite.v5+json`, with a `text/plain` fallback).
 *
 * @example
 * ```ts
 * const days = Int32Array.from(["2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const spx: Series = { id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) };
 * const display = displayChart(timelineChart(spx, [])); // the last expression of a Deno notebook cell
 * display[Symbol.for("Jupyter.display")]!()["text/plain"]; // => "Vega-Lite chart: Prices and statements"
 * ```
 */
export function displayChart(spec: VegaLiteSpec): ChartDisplay {
  const title = spec.title as { text?: string } | undefined;
  return {
    toSpec: () => spec,
    toJSON: () => spec,
    [Symbol.for("Jupyter.display")]: () => ({ [VEGA_LITE_MIME]: spec, "text/plain": `Vega-Lite chart: ${title?.text ?? "untitled"}` }),
  };
}
