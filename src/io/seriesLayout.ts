/**
 * The layout of a price, return or level table from its header: which column holds the
 * dates, which the values, which the asset of a long panel, and which export format it is
 * (generic, Yahoo, Stooq, FRED, Nasdaq.com, wide, long).
 * @module
 */
import { invalidOption } from "../errors.js";
import { DATE_NAMES, compactName, failInput, findColumn, quotedNames, type Origin } from "./cells.js";
import type { ParseSeriesOptions, SeriesFormat } from "./types.js";

/** Compact names of price columns, in order of preference (adjusted closes first). */
export const PRICE_NAMES = [
  "adjclose",
  "adjustedclose",
  "close",
  "closelast",
  "zamkniecie",
  "closingprice",
  "price",
  "last",
  "pxlast",
  "value",
  "settle",
  "nav",
];
/** Compact names of return columns, in order of preference. */
export const RETURN_NAMES = ["return", "returns", "ret", "dailyreturn", "logreturn", "simplereturn", "r", "rate", "observed", "value"];
/** Other columns of OHLCV exports: never treated as an asset of a wide file. */
const OTHER_OHLCV = [
  "open",
  "high",
  "low",
  "volume",
  "adjopen",
  "adjhigh",
  "adjlow",
  "adjvolume",
  "otwarcie",
  "najwyzszy",
  "najnizszy",
  "wolumen",
  "dividends",
  "stocksplits",
  "capitalgains",
  "openinterest",
  "vwap",
  "change",
  "changepercent",
  "pctchange",
];
/** Compact names of the asset column of a long panel, in order of preference. */
const ASSET_NAMES = ["asset", "ticker", "symbol", "security", "permno", "secid", "instrument", "isin", "cusip", "assetid", "seriesid"];

/** Where the dates, values and (long panels) assets are, and the format they were read as. */
export interface Layout {
  readonly format: Exclude<SeriesFormat, "auto">;
  readonly date: number;
  readonly values: readonly number[];
  readonly asset?: number;
}

/** What every layout step needs: the header, its compact names and the columns besides the date. */
interface HeaderView {
  readonly header: readonly string[];
  readonly compact: readonly string[];
  readonly date: number;
  readonly others: readonly number[];
  /** Indices of the value columns named by the user, if any. */
  readonly given?: readonly number[];
  readonly options: ParseSeriesOptions;
  readonly origin: Origin;
}

/** Cleans header cells: trimmed, empty names replaced by `column_<n>`, duplicates rejected. */
export function cleanHeader(raw: readonly string[], origin: Origin): string[] {
  const header = raw.map((h, i) => {
    const t = h.trim();
    return t === "" ? `column_${i + 1}` : t;
  });
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) failInput(origin, `duplicate column name ${JSON.stringify(h)} in the header`, h);
    seen.add(h);
  }
  return header;
}

/** Finds a column named by the user: exact, then ignoring case and punctuation. */
function namedColumn(header: readonly string[], wanted: string, role: string, origin: Origin): number {
  let i = header.indexOf(wanted);
  if (i < 0) i = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (i < 0) i = header.findIndex((h) => compactName(h) === compactName(wanted) && compactName(h) !== "");
  if (i < 0) failInput(origin, `${role} column ${JSON.stringify(wanted)} not found; columns found: ${quotedNames(header)}`, wanted);
  return i;
}

function detectDateColumn(header: readonly string[], options: ParseSeriesOptions, origin: Origin): number {
  if (options.dateColumn !== undefined) return namedColumn(header, options.dateColumn, "date", origin);
  const i = findColumn(header, DATE_NAMES);
  if (i >= 0) return i;
  if (header.length >= 2) return 0;
  return failInput(origin, `no date column; columns found: ${quotedNames(header)}`);
}

/** The first of `cols` whose compact name is in `names` (in the order of `names`), or -1. */
function pick(view: HeaderView, cols: readonly number[], names: readonly string[]): number {
  for (const n of names) {
    const i = cols.find((c) => view.compact[c] === n);
    if (i !== undefined) return i;
  }
  return -1;
}

/** The asset column of a long panel: named by the user, else detected; -1 when none. */
function assetColumn(view: HeaderView): number {
  const { options } = view;
  return options.assetColumn !== undefined ? namedColumn(view.header, options.assetColumn, "asset", view.origin) : pick(view, view.others, ASSET_NAMES);
}

function needValue(view: HeaderView): never {
  const kind = view.options.values ?? "price";
  return failInput(
    view.origin,
    `cannot tell which column holds the ${kind === "return" ? "returns" : kind === "level" ? "levels" : "prices"}; columns found: ${quotedNames(view.header)}; pass valueColumn`,
  );
}

/** The format of a header when `format` is `auto`: by the export's tell-tale column names. */
function detectFormat(view: HeaderView): Exclude<SeriesFormat, "auto"> {
  const { header, compact, date, others, given, options } = view;
  const assetIdx = assetColumn(view);
  if (compact.includes("closelast")) return "nasdaq";
  if (options.assetColumn !== undefined || (assetIdx >= 0 && (given === undefined || given.length === 1) && others.length >= 2)) return "long";
  if (given !== undefined) return given.length > 1 ? "wide" : "generic";
  if (compact[date] === "observationdate" || (header[date] === "DATE" && date === 0)) return "fred";
  if (header.includes("Adj Close") && header.includes("Close")) return "yahoo";
  if (compact.includes("zamkniecie") || /^Date,Open,High,Low,Close(,Volume)?$/.test(header.join(","))) return "stooq";
  const known = others.filter((c) => PRICE_NAMES.includes(compact[c]!) || RETURN_NAMES.includes(compact[c]!) || OTHER_OHLCV.includes(compact[c]!));
  return known.length === 0 && others.length >= 2 ? "wide" : "generic";
}

function longLayout(view: HeaderView): Layout {
  const { options, given } = view;
  const asset = assetColumn(view);
  if (asset < 0) failInput(view.origin, `no asset column for a long panel; columns found: ${quotedNames(view.header)}; pass assetColumn`);
  if (given !== undefined && given.length !== 1) invalidOption("valueColumn", options.valueColumn, "one column name for a long panel");
  const rest = view.others.filter((c) => c !== asset);
  let value = given?.[0] ?? pick(view, rest, (options.values ?? "price") === "return" ? RETURN_NAMES : PRICE_NAMES);
  if (value < 0 && rest.length === 1) value = rest[0]!;
  if (value < 0) needValue(view);
  return { format: "long", date: view.date, values: [value], asset };
}

/** One value column (or the columns given) of a single-series export or a generic table. */
function singleLayout(view: HeaderView, format: "nasdaq" | "yahoo" | "stooq" | "generic"): Layout {
  const { given, others, date } = view;
  if (given !== undefined) return { format, date, values: given };
  const preferred = (view.options.values ?? "price") === "return" ? RETURN_NAMES : PRICE_NAMES;
  const names = format === "nasdaq" ? ["closelast"] : format === "yahoo" ? ["adjclose", "close"] : format === "stooq" ? ["close", "zamkniecie"] : preferred;
  let value = pick(view, others, names);
  if (value < 0 && format === "generic" && others.length === 1) value = others[0]!;
  if (value < 0) {
    if (format === "generic") needValue(view);
    const expected = format === "nasdaq" ? "Close/Last" : format === "yahoo" ? "Adj Close or Close" : "Close";
    failInput(view.origin, `not a ${format} file: no ${expected} column; columns found: ${quotedNames(view.header)}`);
  }
  return { format, date, values: [value] };
}

/**
 * The layout of a (cleaned) header under the options: the date column, then the format
 * (given, or detected), then that format's value and asset columns.
 * @throws MarketReactionError `INVALID_INPUT` naming the columns found when a column is missing.
 */
export function resolveLayout(header: readonly string[], options: ParseSeriesOptions, origin: Origin): Layout {
  const date = detectDateColumn(header, options, origin);
  const valueColumn = options.valueColumn;
  const wanted = valueColumn === undefined ? undefined : typeof valueColumn === "string" ? [valueColumn] : valueColumn;
  const view: HeaderView = {
    header,
    compact: header.map(compactName),
    date,
    others: header.map((_, i) => i).filter((i) => i !== date),
    options,
    origin,
    ...(wanted === undefined ? {} : { given: wanted.map((v) => namedColumn(header, v, "value", origin)) }),
  };
  const format = options.format === undefined || options.format === "auto" ? detectFormat(view) : options.format;
  switch (format) {
    case "long":
      return longLayout(view);
    case "wide":
    case "fred": {
      const values = view.given ?? view.others;
      if (values.length === 0) failInput(origin, `no value columns; columns found: ${quotedNames(header)}`);
      return { format, date, values };
    }
    default:
      return singleLayout(view, format);
  }
}
