// The browser example: pick a CSV of prices (and optionally one of a market index) and a CSV of
// statements; the study runs in the page with the library's ESM build and draws the charts
// with vega + vega-lite (loaded by index.html from node_modules as the globals `vega` and
// `vegaLite`). Bundled by esbuild into bundle.js (see README.md); "market-reaction" resolves to
// dist/index.js. Plain JavaScript so that the project's type-check (no DOM lib) skips it.
import { arChart, carChart, eventStudy, parseEventsCsv, parseSeriesCsv, timelineChart } from "market-reaction";

const $ = (id) => document.getElementById(id);

async function fileText(input) {
  const f = input.files?.[0];
  return f === undefined ? undefined : f.text();
}

async function draw(id, spec) {
  const el = $(id);
  el.textContent = "";
  const runtime = globalThis.vega.parse(globalThis.vegaLite.compile(spec).spec);
  await new globalThis.vega.View(runtime, { renderer: "svg", container: el }).runAsync();
}

async function run() {
  const status = $("status");
  status.textContent = "running…";
  try {
    const pricesText = await fileText($("prices"));
    const eventsText = await fileText($("events"));
    const marketText = await fileText($("market"));
    if (pricesText === undefined || eventsText === undefined) throw new Error("choose a prices CSV and a statements CSV");
    const prices = parseSeriesCsv(pricesText, { values: "price" });
    const market = marketText === undefined ? undefined : parseSeriesCsv(marketText, { values: "price" }).series[0];
    const { events } = parseEventsCsv(eventsText);
    const windows = $("windows")
      .value.split(";")
      .map((w) => w.split(",").map((x) => Number(x.trim())));
    const study = eventStudy({ assets: prices.series, ...(market === undefined ? {} : { market }), events, windows });
    $("table").innerHTML = study.toTable("html"); // toTable escapes every user string
    await draw("car", carChart(study));
    await draw("ar", arChart(study, { width: 300, height: 90 }));
    await draw("timeline", timelineChart(prices.series, study.events, { width: 760 }));
    status.textContent = `done: ${study.models.length} fits, ${study.car.length} CARs, ${study.warnings.length} warnings, ${study.skipped.length} skipped`;
    document.body.dataset.state = "done";
  } catch (error) {
    status.textContent = `error: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.state = "error";
  }
}

$("run").addEventListener("click", () => void run());
