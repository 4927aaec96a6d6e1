/**
 * CAR paths with confidence bands; statements with identical paths drawn once (`E17 = E22`).
 * @module
 */
import { cumulativeAbnormalReturnPath } from "../../abnormal/index.js";
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
  panels,
  round,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "./common.js";
import { byId, combinedIds, speakerAndLabel, wrapWords } from "./labels.js";
import { checkOptions } from "../../check.js";

interface PathPoint {
  readonly rel_day: number;
  readonly car: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

interface Path {
  readonly asset: string;
  readonly ids: string[];
  readonly day0: string;
  /** Speaker and label of each statement, in the order of `ids`. */
  readonly texts: string[];
  readonly points: readonly PathPoint[];
}

interface Meta {
  readonly speaker: string | null;
  readonly label: string | null;
  readonly day0: string;
}

function metaOf(study: ChartSource): Map<string, Meta> {
  const meta = new Map<string, Meta>();
  for (const r of study.abnormal) {
    const k = `${r.event_id}\u0000${r.asset}`;
    if (!meta.has(k)) meta.set(k, { speaker: r.speaker, label: r.label, day0: r.day0 });
  }
  return meta;
}

/** The path of each (statement, asset): exact (full covariance) or from the AR table (diagonal). */
function pathsOf(study: ChartSource, level: number, o: CarChartOptions): { exact: boolean; paths: Path[] } {
  const meta = metaOf(study);
  const paths: Path[] = [];
  const pairs = study.pairs ?? [];
  const make = (asset: string, id: string, points: PathPoint[]): Path => {
    const m = meta.get(`${id}\u0000${asset}`);
    return { asset, ids: [id], day0: m?.day0 ?? "", texts: [speakerAndLabel(m?.speaker, m?.label)], points };
  };
  if (pairs.length > 0) {
    for (const p of pairs) {
      if (!keepIn(o.events, p.eventId) || !keepIn(o.assets, p.asset)) continue;
      const path = cumulativeAbnormalReturnPath(p.ars);
      const q = studentTQuantile(1 - (1 - level) / 2, p.ars.df);
      const points: PathPoint[] = [];
      for (let i = 0; i < path.offsets.length; i++) {
        const car = path.car[i]!;
        const se = Math.sqrt(path.variance[i]!);
        points.push({ rel_day: path.offsets[i]!, car: round(car * 100), lower: round((car - q * se) * 100), upper: round((car + q * se) * 100) });
      }
      paths.push(make(p.asset, p.eventId, points));
    }
    return { exact: true, paths };
  }
  const z = studentTQuantile(1 - (1 - level) / 2, 1e6);
  const run = new Map<string, { car: number; v: number; points: PathPoint[]; asset: string; id: string }>();
  for (const r of study.abnormal) {
    if (!keepIn(o.events, r.event_id) || !keepIn(o.assets, r.asset)) continue;
    const k = `${r.event_id}\u0000${r.asset}`;
    let acc = run.get(k);
    if (acc === undefined) run.set(k, (acc = { car: 0, v: 0, points: [], asset: r.asset, id: r.event_id }));
    acc.car += r.ar;
    acc.v += r.se * r.se;
    const se = Math.sqrt(acc.v);
    acc.points.push({ rel_day: r.rel_day, car: round(acc.car * 100), lower: round((acc.car - z * se) * 100), upper: round((acc.car + z * se) * 100) });
  }
  for (const a of run.values()) paths.push(make(a.asset, a.id, a.points));
  return { exact: false, paths };
}

/** Statements of one asset whose paths are identical (same day 0 and estimation) become one path. */
function mergeIdentical(paths: readonly Path[]): Path[] {
  const byKey = new Map<string, Path>();
  for (const p of paths) {
    const key = `${p.asset}\u0000${JSON.stringify(p.points)}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { ...p, ids: [...p.ids], texts: [...p.texts] });
    else {
      seen.ids.push(...p.ids);
      seen.texts.push(...p.texts);
    }
  }
  return [...byKey.values()].map((p) => {
    const order = p.ids.map((id, i) => [id, p.texts[i]!] as const).sort((a, b) => byId(a[0], b[0]));
    return { ...p, ids: order.map((o) => o[0]), texts: order.map((o) => o[1]) };
  });
}

function endValue(p: Path): number {
  const last = p.points[p.points.length - 1]?.car;
  return last === null || last === undefined ? 0 : Math.abs(last);
}

/**
 * The legend text of a path: its ids, the first statement's speaker and label wrapped to lines of
 * 36 characters, then one line per other statement drawn with it (at most two, then a count).
 */
function legendText(p: Path): string {
  const lines = [combinedIds(p.ids), ...wrapWords(p.texts[0] ?? "", 36, p.ids.length > 1 ? 2 : 3)];
  for (let i = 1; i < Math.min(p.ids.length, 3); i++) lines.push(...wrapWords(`${p.ids[i]}: ${p.texts[i] ?? ""}`, 36, 1));
  if (p.ids.length > 3) lines.push(`and ${p.ids.length - 3} more with day 0 ${p.day0}`);
  return lines.join("\n");
}

function chooseTop(paths: readonly Path[], top: number): { shown: Path[]; hidden: Path[] } {
  const shown: Path[] = [];
  const hidden: Path[] = [];
  for (const asset of new Set(paths.map((p) => p.asset))) {
    const mine = paths.filter((p) => p.asset === asset).sort((a, b) => endValue(b) - endValue(a) || byId(a.ids[0]!, b.ids[0]!));
    shown.push(...mine.slice(0, top));
    hidden.push(...mine.slice(top));
  }
  return { shown, hidden };
}

function titleOf(
  study: ChartSource,
  o: CarChartOptions,
  shownAssets: readonly string[],
  exact: boolean,
  pct: number,
  hidden: readonly Path[],
  top: number,
): Record<string, unknown> {
  const who = assetsForTitle(o, shownAssets);
  const subtitle = [
    modelLine(study.options),
    exact
      ? `${pct}% band: full-covariance Var(CAR), Student t with M − k df`
      : `${pct}% band: diagonal variance Σ se² (per-pair data not available), normal quantile`,
  ].filter((s) => s !== "");
  if (hidden.length > 0) {
    const names = [...new Set(hidden.map((p) => combinedIds(p.ids)))];
    subtitle.push(...wrapWords(`Drawn: the ${top} paths with the largest |CAR| at the end of the span. Not drawn: ${names.join(", ")}`, 110, 4));
  }
  return { text: o.title ?? `Cumulative abnormal returns of ${who} around the statements`, subtitle, anchor: "start", subtitleColor: "#444" };
}

/**
 * CAR paths with confidence bands: for each (statement, asset), the cumulative abnormal return
 * in percent from the first session of the event span to each later session, with a band of
 * ± t_{1−α/2, M−k} · √Var(CAR) using the full covariance of the ARs
 * (`cumulativeAbnormalReturnPath`). Statements of one asset with identical paths (a shared
 * day 0) are drawn once, labelled `E17 = E22`. Colour = statement (legend: ids, then speaker and
 * label wrapped at word boundaries); at most `top` paths per panel (default 8), the others
 * listed under the title. The title names the asset, the subtitle the model and windows.
 * Panels per asset, wrapped in up to three columns, titled by `names` or else the id made
 * readable (`readableAssetName`; the data keep the id in `asset`, the shown name in
 * `asset_name`); `sharedScale` for one y scale. Without the per-pair data (a study rebuilt from JSON) the
 * band uses the diagonal variance Σ se² of the `abnormal` table, and the subtitle says so.
 *
 * @throws INVALID_OPTION for a bad level, size, `top` or `maxPoints`, or when the data exceed `maxPoints`.
 * @example
 * ```ts
 * // daily SPX returns: quiet synthetic noise, then +9.52% on 9 April 2025 (the 90-day tariff pause)
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(d)));
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -6] });
 * (carChart(study, { level: 0.9 }).title as { text: string }).text;
 * // => "Cumulative abnormal returns of SPX around the statements"
 * ```
 */
export function carChart(study: ChartSource, options: CarChartOptions = {}): VegaLiteSpec {
  checkChartSource("carChart", study);
  checkOptions("carChart", options);
  const { width, height, maxPoints } = checkCommon(options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) invalidOption("level", options.level, "a confidence level between 0 and 1, e.g. 0.95");
  const top = checkTop(options);
  const { exact, paths } = pathsOf(study, level, options);
  const { shown, hidden } = chooseTop(mergeIdentical(paths), top);
  const rows = shown.flatMap((p) =>
    p.points.map((pt) => ({ statement: legendText(p), event_id: p.ids.join(" = "), asset: p.asset, asset_name: assetName(options, p.asset), ...pt })),
  );
  if (rows.length > maxPoints)
    invalidOption("maxPoints", maxPoints, `at least ${rows.length} (the CAR paths have that many points); or choose fewer statements with events/assets`);
  const assets = [...new Set(shown.map((p) => p.asset))];
  const pct = Math.round(level * 100);
  const x = { field: "rel_day", type: "quantitative", title: "Sessions relative to day 0", axis: { tickMinStep: 1, format: "d" } };
  const sort = [...new Set(rows.map((r) => r.statement))];
  const color = {
    field: "statement",
    type: "nominal",
    title: "Statement",
    sort,
    scale: { scheme: "tableau10" },
    legend: { labelExpr: "split(datum.label, '\\n')", labelLimit: 400, symbolType: "stroke", symbolStrokeWidth: 3, symbolOpacity: 1, rowPadding: 6 },
  };
  const layer = [
    { mark: { type: "area", opacity: 0.12 }, encoding: { x, y: { field: "lower", type: "quantitative", title: "CAR (%)" }, y2: { field: "upper" }, color } },
    {
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: { field: "car", type: "quantitative", title: "CAR (%)" },
        color,
        tooltip: [
          { field: "event_id", type: "nominal", title: "statement" },
          { field: "asset_name", type: "nominal", title: "asset" },
          { field: "rel_day", type: "quantitative", title: "day" },
          { field: "car", type: "quantitative", title: "CAR (%)", format: ".3f" },
          { field: "lower", type: "quantitative", title: `${pct}% low`, format: ".3f" },
          { field: "upper", type: "quantitative", title: `${pct}% high`, format: ".3f" },
        ],
      },
    },
    {
      transform: [{ aggregate: [{ op: "count", as: "n" }], groupby: ["asset_name"] }],
      mark: { type: "rule", strokeDash: [4, 4], color: "#444" },
      encoding: { x: { datum: 0, type: "quantitative" } },
    },
    {
      transform: [{ aggregate: [{ op: "count", as: "n" }], groupby: ["asset_name"] }],
      mark: { type: "rule", color: "#999" },
      encoding: { y: { datum: 0, type: "quantitative" } },
    },
  ];
  const base = { $schema: VEGA_LITE_SCHEMA, title: titleOf(study, options, assets, exact, pct, hidden, top), data: { values: rows } };
  if (assets.length <= 1) return { ...base, width, height, layer };
  return {
    ...base,
    ...panels(
      "asset_name",
      assets.length,
      options,
      assets.map((a) => assetName(options, a)),
    ),
    spec: { width, height, layer },
  };
}
