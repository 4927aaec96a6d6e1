/**
 * market-reaction/arrow: price and return panels from Apache Arrow IPC data (the file format,
 * `.arrow` / Feather v2 `.feather`, and the stream format, `.arrows`), read by the library's
 * own small IPC reader, in browsers and Node. A separate entry so that the core bundle does not
 * carry the reader; the node entry's `readSeriesArrowFile` and `readSeriesFile` use it.
 *
 * @packageDocumentation
 */
export { parseSeriesArrow } from "./io/arrow/series.js";
