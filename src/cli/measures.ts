/**
 * `study --measure volume|volatility|changes`: the measures beyond returns, computed on the
 * (statement, asset) pairs of an event study, as tidy rows that carry their measure and unit.
 */
import { abnormalVolatility, abnormalVolume, parseVolumeCsv, type RangeEstimator, type Row, type Series, type Study, type Warning } from "market-reaction";
import { UsageError } from "./context.js";
import { rangeRows, readOhlc } from "./rangeVolatility.js";
import { readTextFileSync } from "./files.js";

/** The measures of `study --measure`. */
export const MEASURES = ["returns", "volume", "volatility", "changes"] as const;
export type Measure = (typeof MEASURES)[number];

/** Parses the repeatable `--measure` flag (default `returns`). */
export function parseMeasures(values: readonly string[] | undefined): Measure[] {
  const list = (values ?? ["returns"])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const bad = list.filter((m) => !(MEASURES as readonly string[]).includes(m));
  if (bad.length > 0 || list.length === 0)
    throw new UsageError(`invalid --measure: ${JSON.stringify(bad.join(",") || values?.join(","))}; expected ${MEASURES.join(" | ")} (repeatable)`);
  return [...new Set(list)] as Measure[];
}

/** Measure and unit of each studied series: returns in decimals, level series in their unit. */
export function seriesUnits(
  assets: readonly Series[],
  levelUnit: "percent" | "points",
  levelUnits: ReadonlyMap<string, "percent" | "points"> = new Map(),
): Map<string, { measure: string; unit: string }> {
  const m = new Map<string, { measure: string; unit: string }>();
  for (const s of assets) {
    const unit = levelUnits.get(s.id) ?? levelUnit;
    m.set(s.id, s.kind === "level" ? { measure: "changes", unit: unit === "percent" ? "bp" : "points" } : { measure: "returns", unit: "decimal" });
  }
  return m;
}

/** Rows with `measure` and `unit` added from the asset's entry. */
export function withUnits(rows: readonly object[], units: Map<string, { measure: string; unit: string }>): Row[] {
  return rows.map((r) => {
    const u = units.get(String((r as { asset?: unknown }).asset));
    return { ...(r as Row), measure: u?.measure ?? "returns", unit: u?.unit ?? "decimal" } as Row;
  });
}

/** Volume of each asset (by id) and of the benchmark, on the pairs' session days. */
export interface VolumeInputs {
  readonly volumes: ReadonlyMap<string, Series>;
  readonly benchmark?: Series;
}

function onDays(s: Series, days: Int32Array): Float64Array {
  const byDay = new Map<number, number>();
  for (let j = 0; j < s.days.length; j++) byDay.set(s.days[j]!, s.values[j]!);
  return Float64Array.from(days, (d) => byDay.get(d) ?? Number.NaN);
}

/**
 * Abnormal log volume for every studied pair: the estimation sessions of the pair's return
 * model, its event span and windows; market model on the benchmark's log volume when the
 * benchmark file has volume, else mean-adjusted.
 */
export function volumeRows(study: Study, inputs: VolumeInputs, warnings: Warning[]): Row[] {
  const rows: Row[] = [];
  const zero = new Map<string, number>();
  for (const p of study.pairs) {
    const v = inputs.volumes.get(p.asset);
    if (v === undefined) continue;
    const volume = onDays(v, p.days);
    const bench = inputs.benchmark === undefined ? undefined : onDays(inputs.benchmark, p.days);
    const byDay = new Map<number, number>();
    p.days.forEach((d, i) => byDay.set(d, i));
    const event = Array.from(p.eventDays, (d) => byDay.get(d)!);
    const windows = p.cars.map((c) => [c.window[0], c.window[1]] as [number, number]);
    const r = abnormalVolume({
      volume,
      ...(bench === undefined ? {} : { benchmarkVolume: bench }),
      estimation: Array.from(p.fit.used),
      event,
      start: p.ars.start,
      windows,
    });
    if (r.zeroCount > 0) zero.set(p.asset, Math.max(zero.get(p.asset) ?? 0, r.zeroCount));
    for (const [k, w] of r.windows.entries()) {
      rows.push({
        measure: "volume",
        unit: "log volume",
        event_id: p.eventId,
        asset: p.asset,
        model: r.model,
        window_start: windows[k]![0],
        window_end: windows[k]![1],
        abnormal: w.car.car,
        se: Math.sqrt(w.car.variance),
        t: w.car.t,
        p_value: w.car.pValue,
        rank_z: w.rankZ,
        rank_p_value: w.rankPValue,
        day0_abnormal: r.abnormal.ar[-p.ars.start] ?? null,
        offset: r.offset,
      });
    }
  }
  for (const [asset, n] of zero) {
    warnings.push({
      code: "ZERO_VOLUME",
      message: `${asset}: ${n} session${n === 1 ? "" : "s"} with zero volume in an estimation or event window, kept as ln(0 + 1) = 0 (an outlier that inflates the variance): drop them from the volume file`,
      asset,
    });
  }
  return rows;
}

/** Abnormal-volatility F tests of every studied pair and window (AR²/Var per window: W ~ F(L, M − k)). */
export function volatilityRows(study: Study): Row[] {
  const rows: Row[] = [];
  for (const p of study.pairs) {
    for (const c of p.cars) {
      const v = abnormalVolatility(p.ars, c.window);
      rows.push({
        measure: "volatility",
        unit: "variance ratio",
        event_id: p.eventId,
        asset: p.asset,
        window_start: c.window[0],
        window_end: c.window[1],
        statistic: v.windowStatistic,
        mean_ratio: v.windowMeanRatio,
        df1: v.df1,
        df2: v.df2,
        p_value: v.windowPValue,
      });
    }
  }
  return rows;
}

/** What `--measure` adds to the output. */
export interface MeasureOutput {
  /** True when `--levels` or a measure other than returns was asked for: rows then carry `measure` and `unit`. */
  readonly active: boolean;
  readonly units: Map<string, { measure: string; unit: string }>;
  readonly volume?: Row[];
  readonly volatility?: Row[];
  /** `--range`: range-based volatility rows (Parkinson, Garman–Klass) per event session. */
  readonly range?: Row[];
}

/** Reads the volume column of a file when it has one (`undefined` otherwise, or an error when `required`). */
function volumeOf(file: string, id: string, required: boolean): Series | undefined {
  const text = readTextFileSync(file);
  if (!required) return safe(() => parseVolumeCsv(text, { file, id }));
  return parseVolumeCsv(text, { file, id });
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** The measure rows of a study for `--measure`, and the unit of each studied series. */
export function measureOutput(
  study: Study,
  o: {
    measures: readonly Measure[];
    assets: readonly Series[];
    prices: ReadonlyMap<string, readonly string[]>;
    market: string | undefined;
    marketIsFile: boolean;
    levelUnit: "percent" | "points";
    levelUnits?: ReadonlyMap<string, "percent" | "points">;
    hasLevels: boolean;
    warnings: Warning[];
    ranges?: readonly RangeEstimator[];
    /** `--volume FILE` / `--volume NAME=FILE`: volume files apart from the price files. */
    volumeFiles?: readonly { readonly name?: string; readonly file: string }[];
  },
): MeasureOutput {
  const units = seriesUnits(o.assets, o.levelUnit, o.levelUnits);
  const active = o.hasLevels || o.measures.some((m) => m !== "returns");
  if (!o.measures.includes("volume") && !o.measures.includes("volatility")) return { active, units };
  let volume: Row[] | undefined;
  if (o.measures.includes("volume")) {
    const separate = separateVolumes(o.volumeFiles ?? [], o.assets, o.market);
    const volumes = new Map<string, Series>();
    for (const [file, ids] of o.prices) {
      if (ids.every((id) => separate.volumes.has(id))) continue;
      if (ids.length !== 1)
        throw new UsageError(
          `--measure volume: ${file} holds ${ids.length} series; volume is read from single-series price files (one volume column), or give --volume NAME=FILE`,
        );
      volumes.set(ids[0]!, volumeOf(file, ids[0]!, true)!);
    }
    for (const [id, v] of separate.volumes) volumes.set(id, v);
    const benchmark =
      separate.benchmark ?? (o.market === undefined ? undefined : o.marketIsFile ? volumeOf(o.market, "benchmark", false) : volumes.get(o.market));
    volume = volumeRows(study, benchmark === undefined ? { volumes } : { volumes, benchmark }, o.warnings);
  }
  const volatility = o.measures.includes("volatility") ? volatilityRows(study) : undefined;
  const range = o.measures.includes("volatility") && (o.ranges ?? []).length > 0 ? rangeOutput(study, o.prices, o.ranges!) : undefined;
  return {
    active,
    units,
    ...(volume === undefined ? {} : { volume }),
    ...(volatility === undefined ? {} : { volatility }),
    ...(range === undefined ? {} : { range }),
  };
}

/**
 * The `--volume` files: `NAME=FILE` gives the volume of the studied series NAME (or of the
 * benchmark when NAME is `market` or the benchmark's id); a bare `FILE` that of the one studied
 * series. Each file's volume column is detected (or is the only value column).
 */
function separateVolumes(
  files: readonly { readonly name?: string; readonly file: string }[],
  assets: readonly Series[],
  market: string | undefined,
): { volumes: Map<string, Series>; benchmark?: Series } {
  const volumes = new Map<string, Series>();
  let benchmark: Series | undefined;
  const ids = assets.map((a) => a.id);
  for (const { name, file } of files) {
    if (name === undefined && ids.length !== 1)
      throw new UsageError(`--volume ${file}: ${ids.length} series are studied (${ids.join(", ")}); name the one it belongs to with --volume NAME=FILE`);
    const id = name ?? ids[0]!;
    if (id === "market" || (market !== undefined && id === market && !ids.includes(id))) {
      benchmark = volumeFile(file, "benchmark");
      continue;
    }
    if (!ids.includes(id))
      throw new UsageError(
        `--volume ${id}=${file}: no studied series is named ${JSON.stringify(id)} (studied: ${ids.join(", ")}; market for the benchmark's volume)`,
      );
    volumes.set(id, volumeFile(file, id));
  }
  return benchmark === undefined ? { volumes } : { volumes, benchmark };
}

/** A separate volume file: its volume column, or its only value column (`date,VALUE`). */
function volumeFile(file: string, id: string): Series {
  const text = readTextFileSync(file);
  const detected = safe(() => parseVolumeCsv(text, { file, id }));
  if (detected !== undefined) return detected;
  const header = text
    .slice(0, Math.max(0, text.indexOf("\n")))
    .replace(/\r$/, "")
    .split(",")
    .map((c) => c.trim());
  if (header.length === 2) return parseVolumeCsv(text, { file, id, valueColumn: header[1]! });
  return parseVolumeCsv(text, { file, id });
}

/** Range-volatility rows of the single-series `--prices` files. */
function rangeOutput(study: Study, prices: ReadonlyMap<string, readonly string[]>, ranges: readonly RangeEstimator[]): Row[] {
  const ohlc = new Map<string, ReturnType<typeof readOhlc>>();
  for (const [file, ids] of prices) {
    if (ids.length !== 1)
      throw new UsageError(`--range: ${file} holds ${ids.length} series; high/low are read from single-series price files (open, high, low, close columns)`);
    ohlc.set(ids[0]!, readOhlc(file, ranges));
  }
  return rangeRows(study, ohlc, ranges);
}

/** The JSON keys `--measure` adds or extends: `car` and `abnormal` rows with `measure` and `unit`, and `measures`. */
export function measureJson(json: { car?: readonly object[]; abnormal?: readonly object[] }, extra: MeasureOutput): Record<string, unknown> {
  return {
    ...(json.car === undefined ? {} : { car: withUnits(json.car, extra.units) }),
    ...(json.abnormal === undefined ? {} : { abnormal: withUnits(json.abnormal, extra.units) }),
    measures: {
      ...(extra.volume === undefined ? {} : { volume: extra.volume }),
      ...(extra.volatility === undefined ? {} : { volatility: extra.volatility }),
      ...(extra.range === undefined ? {} : { range: extra.range }),
    },
  };
}
