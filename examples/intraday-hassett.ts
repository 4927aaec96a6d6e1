/**
 * The Hassett headline, minute by minute: the false "90-day pause" headline (E22, first
 * posted 10:11 ET on 7 April 2025) and the White House denial (E23) as separate statements,
 * with their [0, +10m] abnormal returns and z scores, and a Vega-Lite chart of the path.
 *
 *   npx tsx examples/intraday-hassett.ts                        # synthetic fixture (+ 40 history sessions)
 *   npx tsx examples/intraday-hassett.ts --bars ../shared/data/spxl_1min_rth_20250407_20250409.csv --delever 3
 *   npx tsx examples/intraday-hassett.ts --chart hassett.vl.json
 *
 * The fixture is synthetic (see fixtures/README.md). SPXL is a 3x ETF: --delever 3 divides
 * its bar returns by 3 to proxy the S&P 500 (an approximation, reported as a warning).
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { concatBars, formatTextTable, intradayChartSpec, intradayStudy } from "market-reaction";
import { readBarsFile, readEventsFile } from "market-reaction/node";
// src/intraday is not yet in the public barrel: import it from the files.

const FIXTURE = ["fixtures/intraday/synthetic-us-index-1min.csv", ...[1, 2, 3, 4].map((i) => `fixtures/intraday/synthetic-us-index-1min-history-${i}.csv`)];
const { values } = parseArgs({
  options: {
    bars: { type: "string", multiple: true },
    events: { type: "string", default: "fixtures/events/tariffs-2025.csv" },
    delever: { type: "string" },
    chart: { type: "string", default: join(tmpdir(), "intraday-hassett.vl.json") },
  },
});
const files = values.bars ?? FIXTURE;
const tables = await Promise.all(files.map((f) => readBarsFile(f)));
const bars = concatBars(
  tables.map((t) => t.bars),
  tables[0]!.bars.id,
);
const { events } = await readEventsFile(values.events);
const hassett = events.filter((e) => e.id === "E22" || e.id === "E23");

const study = intradayStudy({
  bars,
  events: hassett,
  windows: [
    [0, 10],
    [-10, 20],
  ],
  ...(values.delever === undefined ? {} : { delever: Number(values.delever) }),
});

process.stdout.write(`${bars.id}: ${study.grid.sessions.length} session(s) of ${study.grid.interval}-minute bars\n\n`);
process.stdout.write(
  formatTextTable(study.abnormal as never, {
    columns: ["event_id", "window", "bar_start", "ret", "ar", "sd", "z", "p_value", "p_value_empirical", "reference", "n_reference"],
    digits: 4,
  }),
);
process.stdout.write("\n");
for (const e of study.events) process.stdout.write(`${e.event_id}: ${e.reason}\n`);
for (const m of study.method) process.stdout.write(`method: ${m}\n`);
for (const w of study.warnings) process.stdout.write(`warning: ${w.message}\n`);

const spec = intradayChartSpec(study.grid, study.events, {
  sessions: ["2025-04-07"],
  title: `${bars.id} on 7 April 2025: the false pause headline (E22) and the denial (E23)`,
});
writeFileSync(values.chart, `${JSON.stringify(spec, null, 2)}\n`);
process.stdout.write(`\nVega-Lite v5 chart written to ${values.chart}\n`);
