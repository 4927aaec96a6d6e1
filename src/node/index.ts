/**
 * market-reaction/node: reading files and streams in Node.js.
 * @packageDocumentation
 */
export {
  readSeriesFile,
  readSeriesFileSync,
  readFactorsFile,
  readFactorsFileSync,
  readEventsFile,
  readEventsFileSync,
} from "./read.js";
export { decodeText } from "./decode.js";
export type { DecodedText } from "./decode.js";
export { readBarsFile } from "./bars.js";
export { renderSvg } from "./render.js";
export type { RenderSvgOptions } from "./render.js";
export { renderPng, checkRenderer, chromiumPath, CHROMIUM_FLAGS } from "./png.js";
export type { RenderPngOptions } from "./png.js";
export { readSeriesFileStream, readSeriesFileStreamSync } from "./stream.js";
export { STREAM_BYTES } from "./read.js";
export { readSeriesParquetFile } from "./parquet.js";
export { readSeriesArrowFile } from "./arrow.js";
export { eventStudyParallel, PARALLEL_MIN_PAIRS } from "./parallel.js";
export type { ParallelOptions } from "./parallel.js";
export { createStudyPool, POOL_MIN_PAIRS } from "./pool.js";
export type { StudyPool, StudyPoolOptions } from "./pool.js";
