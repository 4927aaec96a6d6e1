/**
 * Abnormal returns as bars, one panel per statement (statements with identical ARs share one).
 * @module
 */
import { invalidOption } from "../../errors.js";
import { studentTQuantile } from "../../stats/index.js";
import {
  assetName,
  assetsForTitle,
  type CarChartOptions,
  type ChartSource,
  checkChartSource,
  checkCommon,
  checkTop,
  keepIn,
  modelLine,
  round,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "./common.js";
import { byId, combinedIds, speakerAndLabel, wrapWords } from "./labels.js";
import { checkOptions } from "../../check.js";

interface Bar {
  readonly rel_day: number;
  readonly date: string;
  readonly ar: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly sign: string;
  readonly windows: string;
}

interface Panel {
  readonly asset: string;
  readonly ids: string[];
  readonly text: string;
  readonly bars: Bar[];
}

function panelsOf(study: ChartSource, level: number, o: CarChartOptions): Panel[] {
  const df = new Map<string, number>();
  for (const c of study.car) df.set(`${c.event_id}\u0000${c.asset}`, c.df);
  const windows = [...new Set(study.car.map((c) => `${c.window_start},${c.window_end}`))].map((s) => s.split(",").map(Number) as [number, number]);
  const byPair = new Map<string, Panel>();
  for (const r of study.abnormal) {
    if (!keepIn(o.events, r.event_id) || !keepIn(o.assets, r.asset)) continue;
    const k = `${r.event_id}\u0000${r.asset}`;
    let p = byPair.get(k);
    if (p === undefined) byPair.set(k, (p = { asset: r.asset, ids: [r.event_id], text: speakerAndLabel(r.speaker, r.label), bars: [] }));
    const q = studentTQuantile(1 - (1 - level) / 2, df.get(k) ?? 1e6);
    p.bars.push({
      rel_day: r.rel_day,
      date: r.date,
      ar: round(r.ar * 100),
      lower: round((r.ar - q * r.se) * 100),
      upper: round((r.ar + q * r.se) * 100),
      sign: Number.isNaN(r.ar) ? "missing" : r.ar >= 0 ? "positive" : "negative",
      windows: windows
        .filter(([a, b]) => r.rel_day >= a && r.rel_day <= b)
        .map(([a, b]) => `[${a}, ${b}]`)
        .join(" "),
    });
  }
  const merged = new Map<string, Panel>();
  for (const p of byPair.values()) {
    const key = `${p.asset}\u0000${JSON.stringify(p.bars)}`;
    const seen = merged.get(key);
    if (seen === undefined) merged.set(key, { ...p, ids: [...p.ids] });
    else seen.ids.push(...p.ids);
  }
  return [...merged.values()];
}

/** CAR of a panel over the span in percent: the sum of its ARs (missing ARs count as 0). */
function spanCar(p: Panel): number {
  return p.bars.reduce((sum, b) => sum + (b.ar ?? 0), 0);
}

/**
 * The CAR chart's rule: per asset, the `top` panels with the largest |CAR| at the end of the
 * span (ties by id) are drawn, in their original order; the others are listed.
 */
function chooseTop(list: readonly Panel[], top: number): { shown: Panel[]; hidden: Panel[] } {
  const rank = new Map<Panel, number>();
  for (const asset of new Set(list.map((p) => p.asset))) {
    const mine = list
      .filter((p) => p.asset === asset)
      .sort((a, b) => Math.abs(spanCar(b)) - Math.abs(spanCar(a)) || byId(combinedIds(a.ids), combinedIds(b.ids)));
    mine.forEach((p, i) => rank.set(p, i));
  }
  return { shown: list.filter((p) => rank.get(p)! < top), hidden: list.filter((p) => rank.get(p)! >= top) };
}

function subtitleOf(study: ChartSource, pct: number, top: number, hidden: readonly Panel[]): string[] {
  const lines = [modelLine(study.options), `Error bars: ${pct}% interval from the prediction-error variance of each AR`].filter((s) => s !== "");
  if (hidden.length === 0) return lines;
  const names = [...new Set(hidden.map((p) => combinedIds(p.ids)))];
  const text = `Drawn: the ${top} statements per asset with the largest |CAR| at the end of the span; and ${names.length} more: ${names.join(", ")}`;
  return [...lines, ...wrapWords(text, 110, 4)];
}

/**
 * Abnormal returns as bars: one panel per statement and asset, a bar per session of the event
 * span in percent, coloured by sign, with a ± t·se error bar (prediction error variance) and
 * tooltips naming the event windows that contain the session. Statements of one asset with
 * identical ARs (a shared day 0) share a panel titled `E17 = E22`; panel titles carry the
 * speaker and label wrapped at word boundaries; panels wrap into up to four columns. As in
 * {@link carChart}, at most `top` panels per asset are drawn (default 8): those with the largest
 * |CAR| at the end of the span (the sum of the panel's ARs); the others are listed under the title
 * ("… and 31 more: E01, E02, …"). The data keep the asset id (`asset`) next to its shown name
 * (`asset_name`).
 *
 * @throws INVALID_OPTION for a bad level, size, `top` or `maxPoints`, or when the data exceed `maxPoints`.
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
  checkChartSource("arChart", study);
  checkOptions("arChart", options);
  const { width, height, maxPoints } = checkCommon({ width: 240, height: 120, ...options });
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", options.level, "a confidence level between 0 and 1, e.g. 0.95");
  const top = checkTop(options);
  const { shown: list, hidden } = chooseTop(panelsOf(study, level, options), top);
  const assets = [...new Set(list.map((p) => p.asset))];
  const multi = assets.length > 1;
  const rows = list.flatMap((p) => {
    const head = [combinedIds(p.ids), ...wrapWords(p.text, Math.max(20, Math.floor(width / 6)), 2)];
    const statement = (multi ? [assetName(options, p.asset), ...head] : head).join("\n");
    return p.bars.map((b) => ({ statement, event_id: [...p.ids].sort(byId).join(" = "), asset: p.asset, asset_name: assetName(options, p.asset), ...b }));
  });
  if (rows.length > maxPoints)
    invalidOption("maxPoints", maxPoints, `at least ${rows.length} (the AR table has that many rows); or choose fewer statements with events/assets`);
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
          { field: "event_id", type: "nominal", title: "statement" },
          { field: "asset_name", type: "nominal", title: "asset" },
          { field: "date", type: "nominal" },
          { field: "rel_day", type: "ordinal", title: "day" },
          { field: "ar", type: "quantitative", title: "AR (%)", format: ".3f" },
          { field: "windows", type: "nominal", title: "in windows" },
        ],
      },
    },
    { mark: { type: "rule", color: "#333" }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
  ];
  const who = assetsForTitle(options, assets);
  const subtitle = subtitleOf(study, pct, top, hidden);
  const order = [...new Set(rows.map((r) => r.statement))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? `Abnormal returns of ${who} by statement`, subtitle, anchor: "start", subtitleColor: "#444" },
    data: { values: rows },
    facet: {
      field: "statement",
      type: "nominal",
      title: null,
      sort: order,
      header: { labelExpr: "split(datum.label, '\\n')", labelAlign: "left", labelAnchor: "start", labelLimit: 0, labelFontSize: 10 },
    },
    columns: Math.min(4, order.length),
    resolve: { scale: { x: "shared", y: options.sharedScale === false ? "independent" : "shared" } },
    spec: { width, height, layer },
  };
}
