/**
 * `study --measure volatility --range parkinson|garman-klass`: range-based daily volatility of
 * every studied pair from the high/low (and open/close) columns of its price file, against the
 * estimation-window mean.
 */
import { parseSeriesCsv, rangeVariance, rangeVolatilityTest, type RangeEstimator, type Row, type Series, type Study } from "market-reaction";
import { UsageError } from "./context.js";
import { readTextFileSync } from "./files.js";

/** The estimators of `--range`. */
export const RANGE_ESTIMATORS = ["parkinson", "garman-klass"] as const;

/** Parses the repeatable `--range` flag (comma lists accepted); empty when not given. */
export function parseRanges(values: readonly string[] | undefined): RangeEstimator[] {
  if (values === undefined) return [];
  const list = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const bad = list.filter((m) => !(RANGE_ESTIMATORS as readonly string[]).includes(m));
  if (bad.length > 0 || list.length === 0)
    throw new UsageError(`invalid --range: ${JSON.stringify(bad.join(",") || values.join(","))}; expected ${RANGE_ESTIMATORS.join(" | ")} (repeatable)`);
  return [...new Set(list)] as RangeEstimator[];
}

/** Open, high, low and close of one price file (open and close absent when the file has none). */
interface Ohlc {
  readonly days: Int32Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly open?: Float64Array;
  readonly close?: Float64Array;
}

/** Column names of a CSV header (first line; quotes stripped). */
function headerColumns(text: string): string[] {
  const end = text.indexOf("\n");
  const line = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, "").replace(/\r$/, "");
  const delimiter = line.includes(";") && !line.includes(",") ? ";" : line.includes("\t") && !line.includes(",") ? "\t" : ",";
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/**
 * Reads the OHLC columns of a price file (names matched case-insensitively).
 * @throws UsageError naming the missing columns and the columns found.
 */
export function readOhlc(file: string, estimators: readonly RangeEstimator[]): Ohlc {
  const text = readTextFileSync(file);
  const columns = headerColumns(text);
  const find = (name: string) => columns.find((c) => c.toLowerCase() === name);
  const need = estimators.includes("garman-klass") ? ["open", "high", "low", "close"] : ["high", "low"];
  const missing = need.filter((n) => find(n) === undefined);
  if (missing.length > 0) {
    const which =
      estimators.includes("garman-klass") && find("high") !== undefined && find("low") !== undefined
        ? "--range garman-klass"
        : `--range ${estimators.join(",")}`;
    throw new UsageError(
      `${which} needs ${need.join(", ")} columns; ${file} has no ${missing.join(", ")} column${missing.length === 1 ? "" : "s"} (columns found: ${columns.join(", ")})`,
    );
  }
  const names = ["open", "high", "low", "close"].map(find).filter((c): c is string => c !== undefined);
  const series = parseSeriesCsv(text, { valueColumn: names }).series;
  const col = (name: string): Series | undefined => {
    const c = find(name);
    return c === undefined ? undefined : series.find((s) => s.id === c);
  };
  const high = col("high")!;
  const open = col("open");
  const close = col("close");
  return {
    days: high.days,
    high: high.values,
    low: col("low")!.values,
    ...(open === undefined ? {} : { open: open.values }),
    ...(close === undefined ? {} : { close: close.values }),
  };
}

function onDays(days: Int32Array, values: Float64Array, at: Int32Array): Float64Array {
  const byDay = new Map<number, number>();
  for (let j = 0; j < days.length; j++) byDay.set(days[j]!, values[j]!);
  return Float64Array.from(at, (d) => byDay.get(d) ?? Number.NaN);
}

/**
 * Range-volatility rows: for every studied pair whose asset has OHLC data, every estimator and
 * every event-span session, the day's range variance over the mean of the pair's estimation
 * sessions (those of its return model) and the t test of its log against the estimation log
 * variances (Student t, M − 1 df).
 */
export function rangeRows(study: Study, ohlc: ReadonlyMap<string, Ohlc>, estimators: readonly RangeEstimator[]): Row[] {
  const rows: Row[] = [];
  for (const p of study.pairs) {
    const o = ohlc.get(p.asset);
    if (o === undefined) continue;
    const at = (v: Float64Array | undefined) => (v === undefined ? undefined : onDays(o.days, v, p.days));
    const data = {
      high: at(o.high)!,
      low: at(o.low)!,
      ...(o.open === undefined ? {} : { open: at(o.open)! }),
      ...(o.close === undefined ? {} : { close: at(o.close)! }),
    };
    const byDay = new Map<number, number>();
    p.days.forEach((d, i) => byDay.set(d, i));
    const event = Array.from(p.eventDays, (d) => byDay.get(d)!);
    for (const estimator of estimators) {
      const r = rangeVolatilityTest(rangeVariance(data, estimator), p.fit.used, event);
      event.forEach((_, j) => {
        rows.push({
          measure: "volatility",
          unit: "range variance ratio",
          estimator,
          event_id: p.eventId,
          asset: p.asset,
          rel_day: p.ars.start + j,
          ratio: r.ratio[j]!,
          t: r.t[j]!,
          p_value: r.pValue[j]!,
          estimation_mean: r.estimationMean,
          n: r.nObs,
          df: r.df,
        });
      });
    }
  }
  return rows;
}
