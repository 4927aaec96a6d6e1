/**
 * zod schemas for the options of the input parsers. Options are programmer input: the first
 * problem throws `INVALID_OPTION` at once, naming the option, the value and what is allowed.
 * @module
 */
import * as z from "zod";
import { invalidOption } from "../errors.js";
import { DATE_FORMATS, FACTOR_UNITS, LEVEL_UNITS } from "../options/enums.js";
import { isValidTimeZone } from "../time/index.js";
import type { ParseEventsOptions, ParseFactorsOptions, ParseSeriesOptions, SerializeSeriesOptions } from "../io/types.js";

const SERIES_FORMATS = ["auto", "generic", "yahoo", "stooq", "fred", "nasdaq", "wide", "long"] as const;
const EVENT_FIELDS = ["id", "timestamp", "timezone", "precision", "asset", "label", "speaker", "role", "venue", "source", "group"] as const;

const quoteAll = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(", ");
const oneOf = (values: readonly string[]): string => `one of ${quoteAll(values)}`;

const name = z.string().trim().min(1);
const delimiter = z.string().refine((d) => d.length === 1 && d !== '"' && d !== "\n" && d !== "\r");

/** What each option accepts, for the error message. */
const ALLOWED: Record<string, string> = {
  format: oneOf(SERIES_FORMATS),
  id: "a non-empty string",
  dateColumn: "a non-empty column name",
  valueColumn: "a column name or a non-empty array of column names",
  assetColumn: "a non-empty column name",
  values: oneOf(["price", "return", "level"]),
  returnUnit: oneOf(["decimal", "percent"]),
  levelUnit: oneOf(LEVEL_UNITS),
  delimiter: "a single character other than a quote or a line break",
  decimal: oneOf([".", ","]),
  dateFormat: oneOf(DATE_FORMATS),
  file: "a string",
  unit: oneOf(FACTOR_UNITS),
  columns: "a list or record of column names",
  defaultTimezone: 'an IANA time zone name such as "America/New_York"',
  extraColumns: oneOf(["keep", "drop"]),
  layout: oneOf(["wide", "long"]),
};

const seriesSchema = z.strictObject({
  format: z.enum(SERIES_FORMATS).optional(),
  id: name.optional(),
  dateColumn: name.optional(),
  valueColumn: z.union([name, z.array(name).min(1)]).optional(),
  assetColumn: name.optional(),
  values: z.enum(["price", "return", "level"]).optional(),
  returnUnit: z.enum(["decimal", "percent"]).optional(),
  levelUnit: z.enum(LEVEL_UNITS).optional(),
  delimiter: delimiter.optional(),
  decimal: z.enum([".", ","]).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  file: z.string().optional(),
});

const factorsSchema = z.strictObject({
  format: z.enum(["auto", "french", "generic"]).optional(),
  unit: z.enum(FACTOR_UNITS).optional(),
  dateColumn: name.optional(),
  columns: z.array(name).min(1).optional(),
  delimiter: delimiter.optional(),
  decimal: z.enum([".", ","]).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  file: z.string().optional(),
});

const eventsSchema = z.strictObject({
  defaultTimezone: z.string().refine(isValidTimeZone).optional(),
  columns: z.partialRecord(z.enum(EVENT_FIELDS), name).optional(),
  extraColumns: z.enum(["keep", "drop"]).optional(),
  delimiter: delimiter.optional(),
  file: z.string().optional(),
});

const serializeSchema = z.strictObject({
  layout: z.enum(["wide", "long"]).optional(),
  delimiter: delimiter.optional(),
  onNonFinite: z.custom<(count: number, first: { readonly asset: string; readonly date: string }) => void>((v) => typeof v === "function").optional(),
});

function check(schema: z.ZodType, options: unknown, what: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return invalidOption(`${what} options`, options, "an options object");
  }
  const record = options as Record<string, unknown>;
  const result = schema.safeParse(options);
  if (result.success) return result.data as Record<string, unknown>;
  // Report an unknown key first (usually a typo), else the first bad value.
  const unknown = result.error.issues.find((i) => i.code === "unrecognized_keys");
  if (unknown !== undefined && unknown.code === "unrecognized_keys") {
    const key = unknown.keys[0]!;
    const known = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
    return invalidOption(`option ${JSON.stringify(key)}`, record[key], `a known option of ${what} (${known.join(", ")})`);
  }
  const first = result.error.issues[0]!;
  const key = String(first.path[0] ?? what);
  const sub = first.path.length > 1 ? `.${first.path.slice(1).join(".")}` : "";
  return invalidOption(`${key}${sub}`, record[key], ALLOWED[key] ?? first.message);
}

function noCommaClash(o: { delimiter?: unknown; decimal?: unknown }): void {
  if (o.decimal === "," && o.delimiter === ",") {
    invalidOption("delimiter", ",", 'a delimiter other than "," when decimal is "," (e.g. ";")');
  }
}

/**
 * Validates the options of the series parsers.
 * @throws MarketReactionError `INVALID_OPTION` naming the option, the value and the allowed values.
 * @example
 * checkSeriesOptions({ format: "yahoo" }); // => { format: "yahoo" }
 */
export function checkSeriesOptions(options: unknown): ParseSeriesOptions {
  const o = check(seriesSchema, options, "parseSeriesCsv") as ParseSeriesOptions;
  noCommaClash(o);
  if (o.returnUnit !== undefined && o.values !== "return") {
    invalidOption("returnUnit", o.returnUnit, 'no returnUnit unless values is "return"');
  }
  if (o.levelUnit !== undefined && o.values !== "level") {
    invalidOption("levelUnit", o.levelUnit, 'no levelUnit unless values is "level"');
  }
  return o;
}

/**
 * Validates the options of the factor parsers.
 * @throws MarketReactionError `INVALID_OPTION`.
 * @example
 * checkFactorsOptions({ unit: "percent" });
 */
export function checkFactorsOptions(options: unknown): ParseFactorsOptions {
  const o = check(factorsSchema, options, "parseFactorsCsv") as ParseFactorsOptions;
  noCommaClash(o);
  return o;
}

/**
 * Validates the options of the event parsers.
 * @throws MarketReactionError `INVALID_OPTION`.
 * @example
 * checkEventsOptions({ defaultTimezone: "Asia/Tokyo" });
 */
export function checkEventsOptions(options: unknown): ParseEventsOptions {
  return check(eventsSchema, options, "parseEventsCsv") as ParseEventsOptions;
}

/**
 * Validates the options of {@link serializeSeriesCsv}.
 * @throws MarketReactionError `INVALID_OPTION`.
 * @example
 * checkSerializeOptions({ layout: "long" });
 */
export function checkSerializeOptions(options: unknown): SerializeSeriesOptions {
  return check(serializeSchema, options, "serializeSeriesCsv") as SerializeSeriesOptions;
}
