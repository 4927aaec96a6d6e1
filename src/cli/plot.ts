/** `--plot`: the chart of a study, checked before the study runs, written as SVG or PNG. */
import { present } from "../options/present.js";
import { arChart, carChart, changePathChart, timelineChart, type Study, type VegaLiteSpec } from "market-reaction";
import { checkRenderer, renderPng, renderSvg } from "market-reaction/node";
import type { CliIO } from "./context.js";
import { writeBytesFile } from "./files.js";
import type { PlotFlags } from "./studyFlags.js";
import type { StudyInputs } from "./studyInputs.js";

/** Fails with MISSING_DEPENDENCY before any work when the chart cannot be drawn. */
export async function checkPlot(plot: PlotFlags | undefined): Promise<void> {
  if (plot !== undefined) await checkRenderer(plot.image);
}

function chartOf(plot: PlotFlags, study: Study, inputs: StudyInputs): VegaLiteSpec {
  const size = present({ width: plot.width, height: plot.height });
  // NAME=FILE names are shown as written; ids taken from file names are made readable by the chart
  const names = Object.fromEntries(inputs.named.map((id) => [id, id]));
  const common = { ...size, names, ...present({ title: plot.title }), sharedScale: plot.sharedScale };
  if (plot.type === "ar") return arChart(study, common);
  // level series: cumulative abnormal changes in their unit (bp or points), not in percent
  const level = inputs.assets.find((s) => s.kind === "level");
  if (plot.type === "car" && level !== undefined && inputs.assets.every((s) => s.kind === "level"))
    return changePathChart(study, { ...common, unit: inputs.levelUnit === "percent" ? "bp" : "points" });
  if (plot.type === "car") return carChart(study, common);
  const marketId = typeof inputs.market === "string" ? inputs.market : undefined;
  const priced = inputs.assets.filter((s) => s.kind === "price" && s.id !== marketId);
  return timelineChart(priced, study.events, { ...common, ...present({ from: plot.from, to: plot.to }) });
}

/** Draws the chart and writes it. */
export async function writePlot(io: CliIO, plot: PlotFlags, study: Study, inputs: StudyInputs): Promise<void> {
  const spec = chartOf(plot, study, inputs);
  if (plot.image === "svg") await io.writeFile(plot.file, await renderSvg(spec));
  else await writeBytesFile(plot.file, await renderPng(spec));
}
