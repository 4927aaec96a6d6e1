export { formatTextTable, formatCsv, columnsOf } from "./text.js";
export type { Row, FormatTextTableOptions, FormatCsvOptions } from "./text.js";
export { formatJson } from "./json.js";
