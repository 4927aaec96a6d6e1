/**
 * Large results as a sequence of text chunks instead of one string: the JSON text of
 * {@link formatJson} and the CSV text of `formatCsv`, produced element by element, so a study
 * of millions of rows can be written while its rows are made (JavaScript strings stop at about
 * 512 MiB, and one string of that size needs several times its size to build).
 * @module
 */
import { invalidOption } from "../errors.js";
import { csvLine } from "./text.js";
import type { FormatCsvOptions, Row } from "./text.js";

/**
 * Rows made on demand, written by {@link jsonChunks} as a JSON array without first making them
 * all: the rows of a large table.
 *
 * @example
 * const rows = new JsonRows(function* () { yield { a: 1 }; yield { a: 2 }; });
 * [...jsonChunks({ rows })].join("") === formatJson({ rows: [{ a: 1 }, { a: 2 }] }); // => true
 */
export class JsonRows {
  constructor(readonly rows: () => Iterable<unknown>) {}
}

type Replacer = ((key: string, v: unknown) => unknown) | null;

/**
 * `NaN` → `null` (a missing number); ±Infinity → `null`, reported to `onNonFinite`. Without a
 * listener no replacer is needed: `JSON.stringify` writes non-finite numbers as `null` itself.
 */
function replacerOf(onNonFinite: ((key: string) => void) | undefined): Replacer {
  if (onNonFinite === undefined) return null;
  return (key, v) => {
    if (typeof v !== "number" || Number.isFinite(v)) return v;
    if (!Number.isNaN(v)) onNonFinite?.(key);
    return null;
  };
}

/** Text of one value at nesting `depth` (two spaces per level), as `JSON.stringify(…, 2)` writes it there. */
function nested(value: unknown, depth: number, replacer: Replacer): string | undefined {
  const text = JSON.stringify(value, replacer ?? undefined, 2) as string | undefined;
  return text === undefined || depth === 0 ? text : text.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** Whether a value is written element by element (an array, {@link JsonRows}, or an object holding them). */
function isStreamed(value: unknown): boolean {
  if (value instanceof JsonRows || Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  return Object.values(value).some((v) => v instanceof JsonRows || Array.isArray(v));
}

/** Elements per native `JSON.stringify` call when an array is written in chunks. */
const BATCH = 256;

/**
 * The elements of `batch` as `JSON.stringify` writes them inside an array at nesting `depth`
 * (each on its own lines, indented, separated by `,\n`): the batch is stringified once inside
 * `depth` single-element arrays, whose brackets are then cut off, so the native serializer
 * does the indentation.
 */
function batchText(batch: unknown[], depth: number, replacer: Replacer): string {
  let wrapped: unknown = batch;
  let head = "";
  let foot = "";
  for (let k = 0; k <= depth; k++) {
    head += `${"  ".repeat(k)}[\n`;
    foot = `\n${"  ".repeat(k)}]${foot}`;
  }
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, replacer ?? undefined, 2);
  return text.slice(head.length, text.length - foot.length);
}

function* arrayChunks(items: Iterable<unknown>, depth: number, replacer: Replacer): Generator<string> {
  let first = true;
  let batch: unknown[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) {
      yield `${first ? "[\n" : ",\n"}${batchText(batch, depth, replacer)}`;
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield `${first ? "[\n" : ",\n"}${batchText(batch, depth, replacer)}`;
    first = false;
  }
  yield first ? "[]" : `\n${"  ".repeat(depth)}]`;
}

function* valueChunks(value: unknown, depth: number, replacer: Replacer): Generator<string> {
  if (value instanceof JsonRows) {
    yield* arrayChunks(value.rows(), depth, replacer);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, depth, replacer);
    return;
  }
  if (!isStreamed(value)) {
    yield nested(value, depth, replacer) ?? "null";
    return;
  }
  const pad = "  ".repeat(depth + 1);
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const item = replacer === null ? v : replacer.call(value, key, v);
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "{\n" : ",\n"}${pad}${JSON.stringify(key)}: `;
    yield* valueChunks(item, depth + 1, replacer);
    first = false;
  }
  yield first ? "{}" : `\n${"  ".repeat(depth)}}`;
}

/**
 * The text of `formatJson(value)` as chunks (their concatenation is byte-identical), written
 * one array element at a time; {@link JsonRows} values are arrays whose rows are made as they
 * are written. Non-finite numbers are written as `null`; `onNonFinite` hears of each ±Infinity
 * (with its key), so a writer can warn that one was replaced.
 *
 * @example
 * [...jsonChunks({ car: [0.5, Number.NaN] })].join(""); // => '{\n  "car": [\n    0.5,\n    null\n  ]\n}\n'
 */
export function* jsonChunks(value: unknown, options: { readonly onNonFinite?: (key: string) => void } = {}): Generator<string> {
  if (typeof options !== "object" || options === null || (options.onNonFinite !== undefined && typeof options.onNonFinite !== "function"))
    invalidOption("jsonChunks: options", typeof options, "{ onNonFinite?: (key) => void }");
  yield* valueChunks(value, 0, replacerOf(options.onNonFinite));
  yield "\n";
}

/**
 * The text of `formatCsv(rows, options)` as chunks of whole lines (the columns must be given:
 * the rows are read once, as they are written).
 *
 * @example
 * [...csvChunks([{ id: "E1", car: 0.5 }], { columns: ["id", "car"] })].join(""); // => "id,car\nE1,0.5\n"
 */
export function* csvChunks(rows: Iterable<Row>, options: FormatCsvOptions & { readonly columns: readonly string[] }): Generator<string> {
  if (typeof rows !== "object" || rows === null || typeof (rows as Partial<Iterable<Row>>)[Symbol.iterator] !== "function")
    invalidOption("csvChunks: rows", typeof rows, "an iterable of row objects");
  if (typeof options !== "object" || options === null || !Array.isArray(options.columns) || options.columns.some((c) => typeof c !== "string"))
    invalidOption("csvChunks: options.columns", typeof options, "an array of column names");
  const delimiter = options.delimiter ?? ",";
  yield `${csvLine(options.columns, options.columns, delimiter, true, options)}\n`;
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(csvLine(row, options.columns, delimiter, false, options));
    if (batch.length === 1024) {
      yield `${batch.join("\n")}\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join("\n")}\n`;
}
