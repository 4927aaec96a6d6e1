/**
 * The April 2025 results on REAL data, for the README and docs/results-2025.md.
 *
 *   npx tsx scripts/april-2025-results.ts [--data ../shared/data]
 *
 * Reads the S&P 500 (Yahoo ^GSPC) and the ACWI ETF (Yahoo adjusted close) from the shared
 * validation data (not shipped with the package: see ../shared/data/README.md for sources and
 * commits), studies the statements of fixtures/events/tariffs-2025.csv, and writes
 * docs/results-2025.md, the CAR chart docs/img/car-2025.svg, and the table between the
 * `results` markers of README.md. Deterministic: the placebo test has a fixed seed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { carChart, eventStudy, formatTextTable } from "market-reaction";
import { readEventsFile, readSeriesFile, renderSvg } from "market-reaction/node";

const { values } = parseArgs({ options: { data: { type: "string", default: "../shared/data" } } });
const dir = values.data!;
const spx = (await readSeriesFile(join(dir, "sp500_daily_2023_2026.csv"), { id: "S&P 500" })).series[0]!;
const acwi = (await readSeriesFile(join(dir, "etf_acwi_daily_adjclose_2023_2026.csv"), { id: "ACWI" })).series[0]!;
const { events } = await readEventsFile("fixtures/events/tariffs-2025.csv");
const story = events.filter((e) => ["E10", "E17", "E22", "E27", "E34"].includes(e.id));

const study = eventStudy({
  assets: [spx],
  market: acwi,
  events: story,
  windows: [
    [0, 0],
    [-1, 1],
    [0, 5],
  ],
});
const clustered = eventStudy({
  assets: [spx],
  market: acwi,
  events: story.filter((e) => ["E17", "E22", "E27"].includes(e.id)),
  windows: [[-1, 1]],
  regression: true,
  placebo: { seed: 20250407, draws: 9999, regime: "volatility" },
});

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const table = study.toTable("markdown", { stat: "t" });
const reg = clustered.regression_car.map(
  (c) =>
    `| ${c.event_id} | [${c.window_start}, ${c.window_end}] | ${pct(c.estimate)} | ${pct(c.vcov === "hac" ? c.std_error_hac : c.std_error)} (${c.vcov}) | ${c.p_value.toFixed(4)} |`,
);
const p = clustered.placebo!;
const vol = clustered.warnings.find((w) => w.code === "HIGH_EVENT_VOLATILITY");
const model = study.models[0]!;

const body = `Market model of the S&P 500 on the ACWI ETF (estimation window [-250, -11], simple returns;
alpha ${Number(model.alpha).toExponential(2)}, beta ${Number(model.beta).toFixed(3)}, sigma ${pct(model.sigma)}, M = ${model.n}).
Statements E17 (Sunday) and E22 (Monday 10:11 ET) share day 0, Monday 7 April.

${table}
The Sunday–Monday–Tuesday statements (E17, E22, E27) on one index, [-1, +1] windows:
dummy-variable regression with the ACWI as control (their dummies share sessions and are merged),
and placebo dates from the same volatility regime with the statements' spacing.

| statement | window | CAR | s.e. | p |
|---|---|---|---|---|
${reg.join("\n")}

Placebo test of the ${p.statistic}: observed ${pct(p.observed)}, p = ${p.p_value.toFixed(4)}
(B = ${p.draws}, seed ${p.seed}, ${p.eligible.size} eligible sessions, regime ${p.eligible.regime}).
${vol === undefined ? "" : `\n> ${vol.message}\n`}`;

const header = `# April 2025 on real data

Produced by \`npx tsx scripts/april-2025-results.ts\` from ../shared/data (S&P 500: Yahoo \`^GSPC\`
via zjplab/US-Trading-Data; ACWI: Yahoo adjusted close via culolom/culolom-backtest — see that
folder's README for commits and checks). The repository does not ship these price files.

`;
writeFileSync("docs/results-2025.md", `${header}${body}\n![CAR paths](img/car-2025.svg)\n`);
writeFileSync("docs/img/car-2025.svg", await renderSvg(carChart(study, { title: "S&P 500 around the April 2025 statements (market model on ACWI)" })));

const readme = readFileSync("README.md", "utf8");
const start = "<!-- results:start -->";
const end = "<!-- results:end -->";
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i >= 0 && j > i) {
  writeFileSync("README.md", `${readme.slice(0, i + start.length)}\n${body}\n![CAR paths around the statements](docs/img/car-2025.svg)\n${readme.slice(j)}`);
}
process.stdout.write(
  `${formatTextTable(
    study.car.map((r) => ({ event: r.event_id, window: `[${r.window_start}, ${r.window_end}]`, car: r.car, t: r.t, p: r.p_value })),
    { digits: 3 },
  )}`,
);
