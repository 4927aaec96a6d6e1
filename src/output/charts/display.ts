/**
 * Charts in notebooks: the Jupyter display bundle of a Vega-Lite spec.
 * @module
 */
import { VEGA_LITE_MIME, type VegaLiteSpec } from "./common.js";
import { checkObject } from "../../check.js";

/** An object that displays a chart in notebooks (Deno kernel: the display symbol or `toSpec()`). */
export interface ChartDisplay {
  toSpec(): VegaLiteSpec;
  toJSON(): VegaLiteSpec;
  [key: symbol]: () => Record<string, unknown>;
}

/**
 * Wraps a spec for notebooks: the Deno Jupyter kernel shows it as a Vega-Lite chart
 * (`application/vnd.vegalite.v5+json`, with a `text/plain` fallback).
 *
 * @example
 * ```ts
 * const days = Int32Array.from(["2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const spx: Series = { id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) };
 * const display = displayChart(timelineChart(spx, [])); // the last expression of a Deno notebook cell
 * display[Symbol.for("Jupyter.display")]!()["text/plain"]; // => "Vega-Lite chart: SPX and the statements (2025-04-08 to 2025-04-09)"
 * ```
 */
export function displayChart(spec: VegaLiteSpec): ChartDisplay {
  checkObject("displayChart", "spec", spec);
  const title = spec.title as { text?: string } | undefined;
  return {
    toSpec: () => spec,
    toJSON: () => spec,
    [Symbol.for("Jupyter.display")]: () => ({ [VEGA_LITE_MIME]: spec, "text/plain": `Vega-Lite chart: ${title?.text ?? "untitled"}` }),
  };
}
