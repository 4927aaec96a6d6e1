/** Reading the files of `market-reaction study`: named assets, the benchmark, factors, statements. */
import { existsSync } from "node:fs";
import {
  calendarFromSeries,
  getExchange,
  type DateFormat,
  type ExchangeInput,
  type FactorTable,
  type MarketEvent,
  type Series,
  type Warning,
} from "market-reaction";
import { readEventsFile, readFactorsFile, readSeriesFile } from "market-reaction/node";
import { UsageError } from "./context.js";
import { dateFormatFlag, readPricesWithHint } from "./realdata.js";
import type { StudyFlags } from "./studyFlags.js";

/** What the study reads. */
export interface StudyInputs {
  readonly assets: Series[];
  readonly market?: Series | string;
  readonly factors?: FactorTable;
  readonly events: readonly MarketEvent[];
  readonly exchange: ExchangeInput;
  readonly warnings: Warning[];
  /** Ids the user gave with `NAME=FILE`: charts show them as written (others made readable). */
  readonly named: readonly string[];
  /** The series ids read from each `--prices` file (volume is read from the same files). */
  readonly priceFiles: ReadonlyMap<string, readonly string[]>;
  /** Unit of the first `--levels` series (`--level-unit`; charts of level series use it). */
  readonly levelUnit: "percent" | "points";
  /** `--level-unit COLUMN=UNIT`: units of single level series (others: the `--level-unit UNIT` default). */
  readonly levelUnits: ReadonlyMap<string, "percent" | "points">;
  /** The `--market` file, when the benchmark came from a file. */
  readonly marketFile?: string;
}

/** `NAME=FILE` or `FILE`: a file that exists is a file even when its name holds `=`. */
export function splitNamed(flag: string, spec: string): { name?: string; file: string } {
  if (existsSync(spec)) return { file: spec };
  const m = /^([^=/\\]+)=(.+)$/.exec(spec);
  if (m === null) return { file: spec };
  const [, name, file] = m as unknown as [string, string, string];
  if (!existsSync(file)) throw new UsageError(`--${flag} ${spec}: the file ${JSON.stringify(file)} of asset ${JSON.stringify(name)} does not exist`);
  return { name: name.trim(), file };
}

/**
 * The series of one `--levels` file (yields, volatility indices: studied in changes, in their
 * unit): read in the default unit, and in the other one too when a `COLUMN=UNIT` asks for it.
 */
async function readLevels(file: string, flags: StudyFlags, how: ReadFlags, warnings: Warning[]): Promise<Series[]> {
  const read = (levelUnit: "percent" | "points") =>
    readSeriesFile(file, {
      values: "level",
      levelUnit,
      ...(how.valueColumn === undefined ? {} : { valueColumn: how.valueColumn }),
      ...(how.dateFormat === undefined ? {} : { dateFormat: how.dateFormat }),
    });
  const t = await read(flags.levelUnit);
  warnings.push(...t.warnings);
  const other = flags.levelUnit === "percent" ? "points" : "percent";
  if (!t.series.some((s) => flags.levelUnits.get(s.id) === other)) return [...t.series];
  const alt = await read(other);
  return t.series.map((s) => (flags.levelUnits.get(s.id) === other ? alt.series.find((a) => a.id === s.id)! : s));
}

/** How the series files are read: `--value-column` and `--date-format`. */
interface ReadFlags {
  readonly valueColumn?: string;
  readonly dateFormat?: DateFormat;
}

async function readNamed(flag: "prices" | "returns", spec: string, kind: "price" | "return", how: ReadFlags, warnings: Warning[]): Promise<Series[]> {
  const { name, file } = splitNamed(flag, spec);
  const read = (values: "price" | "return") =>
    readSeriesFile(file, {
      values,
      ...(how.valueColumn === undefined ? {} : { valueColumn: how.valueColumn }),
      ...(how.dateFormat === undefined ? {} : { dateFormat: how.dateFormat }),
    });
  // prices holding negative values: the error says to load them with --returns
  const table = kind === "price" ? await readPricesWithHint(file, "prices", read) : await read("return");
  warnings.push(...table.warnings);
  if (name === undefined) return [...table.series];
  if (table.series.length !== 1) {
    throw new UsageError(
      `--${flag} ${spec}: NAME=FILE names a single series, but ${file} holds ${table.series.length} (${table.series.map((s) => s.id).join(", ")}); give --value-column COL or drop the name`,
    );
  }
  return [{ ...table.series[0]!, id: name }];
}

async function readMarket(spec: string, assets: readonly Series[], warnings: Warning[]): Promise<Series | string> {
  if (assets.some((s) => s.id === spec)) return spec;
  const named = /^([^=/\\]+)=(.+)$/.test(spec) && !existsSync(spec);
  // a value with a directory part or a file extension is a path: reading it reports IO_ERROR
  const looksLikePath = /[/\\]|\.[A-Za-z0-9]{1,8}$/.test(spec);
  if (!named && !looksLikePath && !existsSync(spec))
    throw new UsageError(`--market ${JSON.stringify(spec)} is neither a loaded series (${assets.map((s) => s.id).join(", ")}) nor a file`);
  const { name, file } = splitNamed("market", spec);
  const t = await readPricesWithHint(file, "market", (values) => readSeriesFile(file, { values }));
  warnings.push(...t.warnings);
  if (t.series.length !== 1)
    throw new UsageError(`--market ${spec}: the file holds ${t.series.length} series; give a single-series file or the id of a loaded series`);
  return name === undefined ? t.series[0]! : { ...t.series[0]!, id: name };
}

/** The statements picked by `--ids` and `--group`; unknown ids or groups are errors listing the known ones. */
export function pickEvents(events: readonly MarketEvent[], ids: readonly string[] | undefined, group: string | undefined): readonly MarketEvent[] {
  let out = events;
  if (group !== undefined) {
    const groups = [...new Set(events.map((e) => e.group).filter((g): g is string => g !== undefined))];
    if (!groups.includes(group))
      throw new UsageError(
        `--group ${JSON.stringify(group)}: no statement has this group; known groups: ${groups.length === 0 ? "(none: the events file has no group column)" : groups.join(", ")}`,
      );
    out = out.filter((e) => e.group === group);
  }
  if (ids !== undefined) {
    const known = new Set(events.map((e) => e.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new UsageError(
        `--ids: unknown statement id${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}; known ids: ${events.map((e) => e.id).join(", ")}`,
      );
    const keep = new Set(ids);
    out = out.filter((e) => keep.has(e.id));
    if (out.length === 0) throw new UsageError(`--ids ${ids.join(",")} and --group ${group ?? ""} select no statement together`);
  }
  return out;
}

async function readCalendar(file: string, exchange: string, warnings: Warning[]): Promise<ExchangeInput> {
  const t = await readSeriesFile(file);
  warnings.push(...t.warnings);
  const days = new Set<number>();
  for (const s of t.series) for (const d of s.days) days.add(d);
  return calendarFromSeries(Int32Array.from([...days].sort((a, b) => a - b)), getExchange(exchange));
}

/** Reads every file named by the flags. */
export async function readStudyInputs(flags: StudyFlags): Promise<StudyInputs> {
  const v = flags.values;
  const warnings: Warning[] = [];
  const assets: Series[] = [];
  const dateFormat = dateFormatFlag(v["date-format"]);
  const how: ReadFlags = {
    ...(v["value-column"] === undefined ? {} : { valueColumn: v["value-column"] }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
  };
  const priceFiles = new Map<string, string[]>();
  for (const spec of v.prices ?? []) {
    const read = await readNamed("prices", spec, "price", how, warnings);
    priceFiles.set(
      splitNamed("prices", spec).file,
      read.map((s) => s.id),
    );
    assets.push(...read);
  }
  for (const spec of v.returns ?? []) assets.push(...(await readNamed("returns", spec, "return", how, warnings)));
  for (const file of v.levels ?? []) assets.push(...(await readLevels(file, flags, how, warnings)));
  const market = v.market === undefined ? undefined : await readMarket(v.market, assets, warnings);
  const named = [...(v.prices ?? []), ...(v.returns ?? []), ...(v.market === undefined ? [] : [v.market])].flatMap(
    (spec) => splitNamed("prices", spec).name ?? [],
  );
  const marketFile = market !== undefined && typeof market !== "string" ? splitNamed("market", v.market!).file : undefined;
  const exchange = v.calendar === undefined ? flags.exchange : await readCalendar(v.calendar, flags.exchange, warnings);
  const factors = v.factors === undefined ? undefined : await readFactorsFile(v.factors, flags.factorUnit === undefined ? {} : { unit: flags.factorUnit });
  if (factors !== undefined) warnings.push(...factors.warnings);
  const parsed = await readEventsFile(v.events!);
  warnings.push(...parsed.warnings);
  const events = pickEvents(parsed.events, flags.ids, v.group);
  const firstLevel = assets.find((s) => s.kind === "level");
  return {
    assets,
    events,
    exchange,
    warnings,
    named,
    priceFiles,
    levelUnit: firstLevel === undefined ? flags.levelUnit : (flags.levelUnits.get(firstLevel.id) ?? flags.levelUnit),
    levelUnits: flags.levelUnits,
    ...(market === undefined ? {} : { market }),
    ...(marketFile === undefined ? {} : { marketFile }),
    ...(factors === undefined ? {} : { factors }),
  };
}
