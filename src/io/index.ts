/**
 * Inputs: price and return series, factor files and event lists, from CSV text, JSON or row
 * objects. Everything is validated at this edge; bad rows are collected into one error.
 * @module
 */
export { seriesFromRows, safeSeriesFromRows } from "./series.js";
export { parseSeriesCsv, safeParseSeriesCsv } from "./stream.js";
export { serializeSeriesCsv } from "./serialize.js";
export { createSeriesCsvParser } from "./stream.js";
export { parseSeriesParquet, seriesFromColumns } from "./parquet.js";
export type {
  ByteRangeSource,
  ColumnChunkData,
  NamedColumn,
  ParquetDateParsers,
  ParquetDecoder,
  ParquetMetadataLike,
  ParquetSchemaElementLike,
} from "./parquet.js";
export type { SeriesCsvParser } from "./stream.js";
export {
  parseFactorsCsv,
  safeParseFactorsCsv,
  factorsFromRows,
  safeFactorsFromRows,
  normalizeFactorName,
  findFactorName,
} from "./factors.js";
export {
  parseEventsCsv,
  safeParseEventsCsv,
  parseEventsJson,
  safeParseEventsJson,
  eventsFromRows,
  safeEventsFromRows,
  DEFAULT_EVENT_TIMEZONE,
  EVENT_COLUMN_ALIASES,
} from "./events.js";
export { detectDelimiter } from "./csv.js";
export { parseVolumeCsv } from "./volume.js";
export type { ParseVolumeOptions } from "./volume.js";
export type {
  SeriesFormat,
  ParseSeriesOptions,
  SeriesTable,
  SerializeSeriesOptions,
  FactorFormat,
  ParseFactorsOptions,
  FactorTable,
  EventField,
  ParsedEvent,
  ParseEventsOptions,
  EventsTable,
} from "./types.js";
