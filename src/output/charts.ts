/**
 * Event-study charts as Vega-Lite v5 specifications: plain JSON objects with the data inlined,
 * rendered by JupyterLab / VS Code / the Deno kernel (MIME `application/vnd.vegalite.v5+json`),
 * vega-embed in a page, or `renderSvg` / `renderPng` of `market-reaction/node`.
 * @module
 */
export { VEGA_LITE_SCHEMA, VEGA_LITE_MIME } from "./charts/common.js";
export type { VegaLiteSpec, ChartOptions, CarChartOptions, ChartSource } from "./charts/common.js";
export { carChart } from "./charts/car.js";
export { arChart } from "./charts/ar.js";
export { timelineChart } from "./charts/timeline.js";
export type { TimelineEvent, TimelineChartOptions } from "./charts/timeline.js";
export { readableAssetName } from "./charts/names.js";
export { displayChart } from "./charts/display.js";
export type { ChartDisplay } from "./charts/display.js";
