/** The flags of `market-reaction study`, parsed and checked before any file is read. */
import { TEST_NAMES, exchangeCodes, modelInputs, type NonTradingPolicy, type StudyTable, type TestName } from "market-reaction";
import { choice, parseCommandArgs, parseWindowFlag } from "./args.js";
import { STUDY_CHOICES } from "./choices.js";
import { present } from "../options/present.js";
import { HAC_LAG_RULES } from "../options/enums.js";
import type { NeweyWestLagRule } from "../stats/hac.js";
import { UsageError } from "./context.js";
import { parseMeasures, type Measure } from "./measures.js";
import { parseRanges } from "./rangeVolatility.js";
import type { RangeEstimator } from "market-reaction";

export const STUDY_OPTIONS = {
  prices: { type: "string", multiple: true },
  returns: { type: "string", multiple: true },
  levels: { type: "string", multiple: true },
  "level-unit": { type: "string", multiple: true },
  measure: { type: "string", multiple: true },
  range: { type: "string", multiple: true },
  volume: { type: "string", multiple: true },
  market: { type: "string" },
  factors: { type: "string" },
  "factor-unit": { type: "string" },
  "value-column": { type: "string" },
  events: { type: "string" },
  ids: { type: "string" },
  group: { type: "string" },
  model: { type: "string" },
  "return-type": { type: "string" },
  estimation: { type: "string" },
  window: { type: "string", multiple: true },
  exchange: { type: "string" },
  "market-exchange": { type: "string" },
  "non-synchronous": { type: "string" },
  "same-day0": { type: "string" },
  "date-format": { type: "string" },
  calendar: { type: "string" },
  "non-trading": { type: "string" },
  contamination: { type: "string" },
  "min-estimation": { type: "string" },
  strict: { type: "boolean" },
  method: { type: "string" },
  dummies: { type: "string" },
  "hac-lag": { type: "string" },
  "hac-adjust": { type: "boolean" },
  placebo: { type: "string" },
  seed: { type: "string" },
  regime: { type: "string" },
  tests: { type: "string" },
  conventions: { type: "string" },
  adjust: { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  "shard-by": { type: "string" },
  format: { type: "string" },
  table: { type: "string" },
  stat: { type: "string" },
  out: { type: "string" },
  plot: { type: "string" },
  "plot-type": { type: "string" },
  title: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  width: { type: "string" },
  height: { type: "string" },
  "shared-scale": { type: "boolean" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Output formats of `study`: the paper table (table, markdown, html, latex) or tidy rows (csv, json). */
export type StudyFormat = "table" | "markdown" | "html" | "latex" | "csv" | "json";

/** The chart asked for with `--plot`. */
export interface PlotFlags {
  readonly file: string;
  readonly image: "svg" | "png";
  readonly type: "car" | "ar" | "timeline";
  readonly title?: string;
  readonly from?: string;
  readonly to?: string;
  readonly width?: number;
  readonly height?: number;
  readonly sharedScale: boolean;
}

type Values = ReturnType<typeof parseCommandArgs<typeof STUDY_OPTIONS>>["values"];

/** Every flag of `study`, checked. */
export interface StudyFlags {
  readonly values: Values;
  readonly format: StudyFormat;
  readonly table: StudyTable;
  /** True when `--table` was given (the paper table is the default of the text formats). */
  readonly tableGiven: boolean;
  readonly stat: "t" | "p";
  readonly method: "standard" | "dummy";
  readonly dummies: "event" | "pooled";
  readonly hacLag?: number | NeweyWestLagRule;
  readonly draws?: number;
  readonly seed?: number;
  readonly regime: "volatility" | "quarter" | "none";
  readonly tests?: readonly TestName[] | "all";
  readonly conventions: "textbook" | "estudy2";
  readonly adjust: "none" | "holm" | "bh";
  readonly returnType: "simple" | "log";
  readonly nonTrading: NonTradingPolicy;
  readonly contamination: "exclude" | "keep";
  readonly estimation?: [number, number];
  readonly windows?: [number, number][];
  readonly minEstimationObs?: number;
  readonly exchange: string;
  readonly ids?: readonly string[];
  readonly factorUnit?: "auto" | "percent" | "decimal";
  readonly plot?: PlotFlags;
  /** `--measure` (default returns) and the unit of the `--levels` files. */
  readonly measures: readonly Measure[];
  readonly levelUnit: "percent" | "points";
  /** `--level-unit COLUMN=UNIT`: the unit of single columns of the `--levels` files (others: `levelUnit`). */
  readonly levelUnits: ReadonlyMap<string, "percent" | "points">;
  /** `--table volume|volatility`: a measure's tidy rows instead of a study table. */
  readonly measureTable?: "volume" | "volatility" | "range";
  /** `--range`: range-based volatility estimators (with `--measure volatility`). */
  readonly ranges: readonly RangeEstimator[];
}

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`invalid --${flag}: ${JSON.stringify(v)}; expected a positive whole number`);
  return Number(v);
}

function isoDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw new UsageError(`invalid --${flag}: ${JSON.stringify(v)}; expected a date YYYY-MM-DD`);
  return v;
}

function parseHacLag(v: string | undefined): number | NeweyWestLagRule | undefined {
  if (v === undefined) return undefined;
  const rule = HAC_LAG_RULES.find((r) => r === v);
  if (rule !== undefined) return rule;
  if (/^\d+$/.test(v)) return Number(v);
  throw new UsageError(`invalid --hac-lag: ${JSON.stringify(v)}; expected a whole number, ${HAC_LAG_RULES.join(" or ")}`);
}

function parseTests(v: string | undefined): readonly TestName[] | "all" | undefined {
  if (v === undefined || v === "all") return v;
  const list = v
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const unknown = list.filter((t) => !(TEST_NAMES as readonly string[]).includes(t));
  if (list.length === 0 || unknown.length > 0)
    throw new UsageError(`invalid --tests: ${JSON.stringify(v)}; expected all or a comma-separated list of ${TEST_NAMES.join(", ")}`);
  return list as TestName[];
}

function parsePlot(values: Values): PlotFlags | undefined {
  const chartFlags = (["plot-type", "title", "from", "to", "width", "height"] as const).filter((f) => values[f] !== undefined);
  if (values.plot === undefined) {
    if (chartFlags.length > 0 || values["shared-scale"] === true)
      throw new UsageError(`--${chartFlags[0] ?? "shared-scale"} goes with --plot FILE.svg|FILE.png`);
    return undefined;
  }
  const image = values.plot.toLowerCase().endsWith(".svg") ? "svg" : values.plot.toLowerCase().endsWith(".png") ? "png" : undefined;
  if (image === undefined) throw new UsageError(`invalid --plot: ${JSON.stringify(values.plot)}; give a FILE.svg or a FILE.png`);
  const type = choice("plot-type", values["plot-type"], STUDY_CHOICES["plot-type"], "car");
  if (type === "timeline" && (values.prices ?? []).length === 0) throw new UsageError("--plot-type timeline draws prices: give --prices files");
  if ((values.from !== undefined || values.to !== undefined) && type !== "timeline")
    throw new UsageError("--from and --to set the dates of --plot-type timeline");
  const from = isoDate("from", values.from);
  const to = isoDate("to", values.to);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`invalid --from/--to: ${from} is after ${to}`);
  const width = positiveInt("width", values.width);
  const height = positiveInt("height", values.height);
  return {
    file: values.plot,
    image,
    type,
    sharedScale: values["shared-scale"] === true,
    ...present({ title: values.title, from, to, width, height }),
  };
}

function checkModelInputs(values: Values): void {
  const model = values.model;
  if (model === undefined) return;
  const needs = modelInputs(model); // unknown names are left to eventStudy's message
  if (needs?.factors === true && values.factors === undefined) {
    throw new UsageError(`--model ${model} reads factor returns: give --factors FILE (a Ken French daily CSV or a date + factor columns file)`);
  }
  if (needs?.market === true && values.market === undefined) throw new UsageError(`--model ${model} needs a benchmark: give --market ID|FILE`);
}

function checkCombinations(values: Values, tests: StudyFlags["tests"], draws: number | undefined): void {
  if (values.events === undefined) throw new UsageError("study: --events FILE is required (see market-reaction study --help)");
  if ((values.prices ?? []).length + (values.returns ?? []).length + (values.levels ?? []).length === 0)
    throw new UsageError("study: give at least one --prices, --returns or --levels file");
  if (values.method !== "dummy" && (values.dummies !== undefined || values["hac-lag"] !== undefined || values["hac-adjust"] === true)) {
    throw new UsageError("--dummies, --hac-lag and --hac-adjust go with --method dummy");
  }
  if (tests === undefined && (values.conventions !== undefined || values.adjust !== undefined))
    throw new UsageError("--conventions and --adjust go with --tests LIST|all");
  if (draws === undefined && (values.seed !== undefined || values.regime !== undefined)) throw new UsageError("--seed and --regime go with --placebo B");
  checkModelInputs(values);
}

function parseFormat(values: Values): { format: StudyFormat; table: StudyTable; tableGiven: boolean; stat: "t" | "p" } {
  const format = choice<StudyFormat>("format", values.format, STUDY_CHOICES.format, "table");
  const chosen = choice("table", values.table, STUDY_CHOICES.table, "car");
  const table: StudyTable = chosen === "volume" || chosen === "volatility" || chosen === "range" ? "car" : chosen;
  if ((format === "html" || format === "latex") && table !== "car") {
    throw new UsageError(`--format ${format} gives the paper table of CARs; for --table ${table} use --format csv, json, markdown or table`);
  }
  const stat = choice("stat", values.stat, STUDY_CHOICES.stat, "t");
  if (values.stat !== undefined && (format === "csv" || format === "json"))
    throw new UsageError("--stat chooses what the paper table shows under each CAR: use it with --format table, markdown, html or latex");
  return { format, table, tableGiven: values.table !== undefined, stat };
}

/** The `--window` values, each window once (`-1,1` and `-1,+1` are the same window). */
function distinctWindows(values: readonly string[]): [number, number][] {
  const seen = new Map<string, string>();
  return values.map((v) => {
    const w = parseWindowFlag("window", v);
    const first = seen.get(w.join(","));
    if (first !== undefined)
      throw new UsageError(`--window ${JSON.stringify(first)} and ${JSON.stringify(v)} are the same window [${w.join(", ")}]; give it once`);
    seen.set(w.join(","), v);
    return w;
  });
}

function parseList(flag: string, v: string | undefined): readonly string[] | undefined {
  if (v === undefined) return undefined;
  const list = v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (list.length === 0) throw new UsageError(`invalid --${flag}: ${JSON.stringify(v)}; expected a comma-separated list`);
  return list;
}

/**
 * `--level-unit UNIT` (every column) and `--level-unit COLUMN=UNIT` (one column; repeatable,
 * comma lists accepted); UNIT is `percent` or `points`, the default `points`.
 */
export function parseLevelUnits(values: readonly string[] | undefined): { levelUnit: "percent" | "points"; levelUnits: Map<string, "percent" | "points"> } {
  let levelUnit: "percent" | "points" = "points";
  let given = false;
  const levelUnits = new Map<string, "percent" | "points">();
  for (const item of (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "")) {
    const eq = item.lastIndexOf("=");
    const unit = eq < 0 ? item : item.slice(eq + 1).trim();
    if (unit !== "percent" && unit !== "points")
      throw new UsageError(`invalid --level-unit: ${JSON.stringify(item)}; expected percent | points, or COLUMN=percent|points`);
    const column = eq < 0 ? undefined : item.slice(0, eq).trim();
    const before: "percent" | "points" | undefined = column === undefined ? (given ? levelUnit : undefined) : levelUnits.get(column);
    if (before !== undefined && before !== unit)
      throw new UsageError(
        `--level-unit gives ${column === undefined ? "every column" : `column ${JSON.stringify(column)}`} two units (${before} and ${unit}); give one`,
      );
    if (column === undefined) {
      levelUnit = unit;
      given = true;
    } else levelUnits.set(column, unit);
  }
  return { levelUnit, levelUnits };
}

function checkMeasures(values: Values, measures: readonly Measure[]): void {
  const levels = (values.levels ?? []).length;
  if ((values["level-unit"] ?? []).length > 0 && levels === 0) throw new UsageError("--level-unit goes with --levels FILE");
  if (measures.includes("changes") && levels === 0) throw new UsageError("--measure changes studies the --levels files: give at least one --levels FILE");
  if ((values.range ?? []).length > 0 && (!measures.includes("volatility") || (values.prices ?? []).length === 0)) {
    throw new UsageError(
      "--range reads the high/low columns of the --prices files for --measure volatility: give --measure volatility and at least one --prices FILE",
    );
  }
  if ((values.volume ?? []).length > 0 && !measures.includes("volume")) throw new UsageError("--volume FILE goes with --measure volume");
  if (measures.includes("volume") && (values.prices ?? []).length === 0 && (values.volume ?? []).length === 0)
    throw new UsageError("--measure volume reads the volume column of the --prices files: give at least one --prices FILE");
}

/** Parses and checks the flags of `study`; `help` when `--help` was given. */
export function parseStudyFlags(argv: readonly string[]): StudyFlags | "help" {
  const { values } = parseCommandArgs("study", argv, STUDY_OPTIONS);
  if (values.help === true) return "help";
  const tests = parseTests(values.tests);
  const draws = positiveInt("placebo", values.placebo);
  checkCombinations(values, tests, draws);
  const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`invalid --seed: ${JSON.stringify(values.seed)}; expected a whole number`);
  const exchange = (values.exchange ?? "XNYS").toUpperCase();
  if (!exchangeCodes().includes(exchange))
    throw new UsageError(`invalid --exchange: ${JSON.stringify(values.exchange)}; expected one of ${exchangeCodes().join(", ")}`);
  const estimation = values.estimation === undefined ? undefined : parseWindowFlag("estimation", values.estimation);
  const minEstimationObs = positiveInt("min-estimation", values["min-estimation"]);
  const hacLag = parseHacLag(values["hac-lag"]);
  const ids = parseList("ids", values.ids);
  const factorUnit = values["factor-unit"] === undefined ? undefined : choice("factor-unit", values["factor-unit"], STUDY_CHOICES["factor-unit"], "auto");
  if (factorUnit !== undefined && values.factors === undefined) throw new UsageError("--factor-unit goes with --factors FILE");
  const plot = parsePlot(values);
  const measures = parseMeasures(values.measure);
  const { levelUnit, levelUnits } = parseLevelUnits(values["level-unit"]);
  checkMeasures(values, measures);
  const measureTable: StudyFlags["measureTable"] =
    values.table === "volume" || values.table === "volatility" || values.table === "range" ? values.table : undefined;
  if (measureTable === "range" && (values.range ?? []).length === 0) throw new UsageError("--table range goes with --range parkinson|garman-klass");
  if (measureTable !== undefined && measureTable !== "range" && !measures.includes(measureTable))
    throw new UsageError(`--table ${measureTable} goes with --measure ${measureTable}`);
  return {
    measures,
    ranges: parseRanges(values.range),
    levelUnit,
    levelUnits,
    ...present({ measureTable }),
    values,
    ...parseFormat(values),
    method: choice("method", values.method, STUDY_CHOICES.method, "standard"),
    dummies: choice("dummies", values.dummies, STUDY_CHOICES.dummies, "event"),
    regime: choice("regime", values.regime, STUDY_CHOICES.regime, "volatility"),
    conventions: choice("conventions", values.conventions, STUDY_CHOICES.conventions, "textbook"),
    adjust: choice("adjust", values.adjust, STUDY_CHOICES.adjust, "none"),
    returnType: choice("return-type", values["return-type"], STUDY_CHOICES["return-type"], "simple"),
    nonTrading: choice("non-trading", values["non-trading"], STUDY_CHOICES["non-trading"], "next"),
    contamination: choice("contamination", values.contamination, STUDY_CHOICES.contamination, "exclude"),
    exchange,
    ...present({
      tests,
      draws,
      seed,
      hacLag,
      estimation,
      windows: values.window === undefined ? undefined : distinctWindows(values.window),
      minEstimationObs,
      ids,
      factorUnit,
      plot,
    }),
  };
}
