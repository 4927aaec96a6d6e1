/** `market-reaction study`: abnormal returns around each statement. */
import { MODEL_PRESETS, classifyWarnings, exchangeCodes, type EventStudyOptions, type ModelOption, type Study } from "market-reaction";
import { STUDY_CHOICES as C, choiceList, helpChoices } from "./choices.js";
import { HAC_LAG_RULES } from "../options/enums.js";
import { present } from "../options/present.js";
import { UsageError, type CliIO } from "./context.js";
import { emit, emitChunks, type NonFiniteTally, progressBar, warnNonFinite } from "./output.js";
import { checkPlot, writePlot } from "./plot.js";
import { nonSynchronousFlags, sameDay0Flag } from "./realdata.js";
import { parseStudyFlags, type StudyFlags } from "./studyFlags.js";
import { readStudyInputs, splitNamed, type StudyInputs } from "./studyInputs.js";
import { measureOutput } from "./measures.js";
import { parseParallelFlags, runStudy, writeShard } from "./shards.js";
import { measureJsonText, measureText } from "./measuresOutput.js";
import { skippedLines, studyCsvChunks, studyText } from "./studyOutput.js";
import { day0ById, printWarnings } from "./warnings.js";
import { terminalText } from "../output/text.js";

export const STUDY_HELP = `Usage: market-reaction study --prices FILE… --events FILE [options]

Fits a normal-return model on each statement's estimation window and reports abnormal
returns (AR), cumulative abnormal returns (CAR, with the full covariance), buy-and-hold
abnormal returns (BHAR), t tests and the SQ test for each event window.

Data:
  --prices [NAME=]FILE   price series (repeatable): single-series, wide or long files;
                         Yahoo, Stooq, FRED, Nasdaq and generic layouts are detected;
                         NAME= names the series of a single-series file (SPX=sp500.csv)
  --returns [NAME=]FILE  return series instead of prices (repeatable; decimal returns)
  --levels FILE          level series studied in changes (repeatable): yields, spreads,
                         volatility indices; any finite value, negative included
  --level-unit UNIT      percent (yields: changes in basis points) | points  (default points),
                         for every column; COLUMN=UNIT for one column, repeatable
                         (--level-unit DGS10=percent --level-unit VIX=points)
  --value-column COL     the value column of the --prices/--returns files (default detected)
  --market ID|[NAME=]FILE  benchmark: the id of a loaded series, or a file
  --factors FILE         factor file (Ken French daily CSV or generic)
  --factor-unit UNIT     ${choiceList(C["factor-unit"])}: unit of the factor file (default auto:
                         detected from the values, with a note)
  --events FILE          statements, CSV or JSON                                (required)
  --date-format FMT      date format of the --prices/--returns files (default: detected; a
                         column mixing formats is an error naming the rows):
                         ${helpChoices(C["date-format"])}
  --ids LIST             only these statements, e.g. --ids E10,E17,E34
  --group NAME           only the statements of this group (the events file's group column)

Model and windows:
  --model MODEL          ${helpChoices([...MODEL_PRESETS, "factors:COL,COL"])}
                         (default market with --market, else constant-mean); garch:
                         GARCH(1,1) with a constant mean, garch-market with the market
                         model as mean; ARs standardized by each day's variance forecast
  --return-type TYPE     ${choiceList(C["return-type"])}                                 (default simple)
  --estimation=A,B       estimation window in sessions relative to day 0 (default -250,-11)
  --window=A,B           event window, repeatable                      (default -1,1)
  --exchange MIC         exchange of the assets (default XNYS): ${"${EXCHANGES}"}
  --market-exchange MIC  exchange whose closes date the benchmark's and the factor file's
                         returns                                       (default XNYS)
  --non-synchronous P    ${choiceList(C["non-synchronous"])}: assets that close over an hour before or after the
                         benchmark (Tokyo on a US ETF) get the Dimson lead/lag model, or keep
                         the model (default dimson unless --model is given; docs/real-data.md)
  --calendar FILE        take the exchange's trading days from a price file
  --non-trading POLICY   ${choiceList(C["non-trading"])}                (default next)
  --contamination MODE   ${choiceList(C.contamination)}: other statements' event windows in estimation
                         samples                                       (default exclude)
  --min-estimation N     fewest estimation observations (default: half the window)
  --strict               fail instead of skipping a statement that cannot be studied

Across statements and assets (docs/tests.md):
  --tests LIST|all       cross-event tests: AAR per day and CAAR per window with each test,
                         e.g. cross_sectional_t,bmp,adjusted_bmp,corrado_rank,grank_t
  --conventions PROFILE  ${choiceList(C.conventions)}                            (default textbook)
  --adjust METHOD        ${choiceList(C.adjust)}: multiple-testing adjustment  (default none)
  --same-day0 POLICY     ${choiceList(C["same-day0"])}: statements of one asset sharing day 0 tested as one
                         event named E17+E22, or as separate pairs     (default merge)

Clustered statements on one series (docs/clustered.md):
  --method METHOD        ${choiceList(C.method)}: dummy adds the dummy-variable regression with
                         Newey-West (HAC) errors and Wald tests        (default standard)
  --dummies SPEC         ${choiceList(C.dummies)}: one dummy per statement and day, or
                         one per day                                   (default event)
  --hac-lag N            Newey-West lag: a number, ${HAC_LAG_RULES.join(" or ")}  (default nw1994)
  --hac-adjust           small-sample factor T/(T-K) on the HAC covariance
  --placebo B            placebo inference with B pseudo-event draws (one series only)
  --seed N               seed of the placebo draws                      (default 1)
  --regime REGIME        ${choiceList(C.regime)}: where pseudo-dates come from
                         (default volatility)

Measures (docs/measures.md):
  --measure MEASURE      returns | changes | volume | volatility, repeatable (default returns;
                         changes = the --levels series, in their unit). volume: abnormal log
                         volume from the volume column of the --prices files (market model on
                         the --market file's volume when it has one, else mean-adjusted);
                         volatility: AR'Ω⁻¹AR/(L s²) per window, exact F(L, M − k); the tables
                         are tidy rows with measure and unit (--table volume|volatility)
  --volume [NAME=]FILE   with --measure volume, repeatable: volume from a separate file (its
                         volume column, or its one value column) for the studied series NAME
                         (the only one when NAME is left out), or the benchmark (NAME market)
  --range ESTIMATOR      parkinson | garman-klass, repeatable, with --measure volatility:
                         range-based daily variance from the high/low (Garman–Klass: also
                         open/close) columns of the --prices files against the estimation
                         mean, ratio and log-variance t per event session (--table range)

Every core, many machines (docs/scale.md):
  --workers N            worker threads (default: one per 12,500 pairs up to the number of
                         cores; studies under 25,000 pairs or with --tests, charts and
                         measures other than returns run in one thread); 1: in this
                         thread. The output is the same byte for byte
  --shard K/N            compute shard K (0 … N−1) of the study only and write its part as
                         JSON; market-reaction merge PART… makes the whole study from all N
  --shard-by BY          assets | statements: how the shards split the study (default assets)

Output:
  --format FORMAT        table | markdown | html | latex: the paper table (CAR in percent,
                         stars, t in parentheses, notes naming model, test, M, variance);
                         csv | json: the tidy tables (decimal returns)  (default table)
  --table TABLE          car | abnormal | models | events | skipped | warnings | regression |
                         regression_car | wald: a tidy table (csv, json, markdown, table)
  --stat ${C.stat.join("|")}             under each CAR of the paper table: t statistic or p-value (default t)
  --out FILE             write the result to FILE instead of stdout
  --plot FILE.svg|.png   also draw a chart (needs the optional packages vega and vega-lite:
                         npm install vega vega-lite@"<6.5"; PNG also playwright-core and a
                         Chromium browser); checked before the study runs
  --plot-type TYPE       ${choiceList(C["plot-type"])}: CAR paths with 95% bands, AR bars, or
                         prices and statements (needs --prices)        (default car)
  --title TEXT           chart title (default names the asset, the model and the windows)
  --from DATE, --to DATE dates of the timeline (default a month before the first and after
                         the last statement)
  --width N, --height N  size of one chart panel in pixels
  --shared-scale         one y scale for every panel of a multi-asset chart
  --verbose              print every warning (default: a summary by code, about 20 lines)
  --debug                print stack traces on errors

Examples:
  market-reaction study --prices SP500.csv --market ACWI.csv --events statements.csv \\
    --window=0,0 --window=-1,1 --window=0,5
  market-reaction study --prices sectors.csv --factors F-F_Research_Data_Factors_daily.CSV \\
    --factor-unit percent --model ff3 --events statements.csv --format json --out study.json
  market-reaction study --prices SPX=sp500.csv --market ACWI=acwi.csv --events statements.csv \\
    --ids E17,E22,E34 --format markdown
  market-reaction study --prices prices.csv --market world.csv --events statements.csv \
    --window=-1,1 --format latex --plot car.png --title "S&P 500 around the statements"
  market-reaction study --prices prices.csv --events statements.csv --plot timeline.svg \
    --plot-type timeline

Warnings go to stderr as a summary by code, the important ones first (docs/warnings.md);
--verbose prints each one, and --format json keeps them all with code, severity and subjects.
A progress bar is drawn on stderr while a long study runs, only when stderr is a terminal.
Exit codes: 0 success (warnings on stderr), 1 data or runtime failure, 2 usage error.
`;

function studyOptions(f: StudyFlags, inputs: StudyInputs): EventStudyOptions {
  const v = f.values;
  return {
    assets: inputs.assets,
    events: inputs.events,
    returnType: f.returnType,
    nonTrading: f.nonTrading,
    contamination: f.contamination,
    exchange: inputs.exchange,
    ...nonSynchronousFlags(v["market-exchange"], v["non-synchronous"]),
    ...sameDay0Flag(v["same-day0"], f.tests !== undefined),
    ...present({
      market: inputs.market,
      factors: inputs.factors,
      model: v.model as ModelOption | undefined,
      estimation: f.estimation,
      windows: f.windows,
      minEstimationObs: f.minEstimationObs,
      strict: v.strict === true ? true : undefined,
      regression:
        f.method === "dummy"
          ? { specification: f.dummies, ...present({ hacLag: f.hacLag, hacAdjust: v["hac-adjust"] === true ? true : undefined }) }
          : undefined,
      placebo: f.draws === undefined ? undefined : { draws: f.draws, seed: f.seed ?? 1, regime: f.regime },
      crossEvent: f.tests === undefined ? undefined : { tests: f.tests, conventions: f.conventions, adjust: f.adjust },
    }),
  };
}

export async function studyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const flags = parseStudyFlags(argv);
  if (flags === "help") {
    io.stdout(STUDY_HELP.replace("${EXCHANGES}", exchangeCodes().join(", ")));
    return 0;
  }
  await checkPlot(flags.plot);
  const inputs = await readStudyInputs(flags);
  const options = studyOptions(flags, inputs);
  if (flags.draws !== undefined && inputs.assets.length - (typeof inputs.market === "string" ? 1 : 0) !== 1) {
    throw new UsageError("--placebo needs exactly one studied series (placebo dates come from that series' own history)");
  }
  const parallel = parseParallelFlags(flags);
  if (parallel.shard !== undefined) return writeShard(io, options, parallel.shard, inputs.warnings, flags.values.out);
  const onProgress = progressBar(io);
  const study = await runStudy(options, parallel.workers, onProgress);
  return writeStudy(io, study, flags, inputs);
}

/** The result of a study (or of a merge) in the format asked for, its warnings on stderr. */
export async function writeStudy(io: CliIO, study: Study, flags: StudyFlags, inputs: StudyInputs): Promise<number> {
  const extra = measureOutput(study, {
    measures: flags.measures,
    assets: inputs.assets,
    prices: inputs.priceFiles,
    market: typeof inputs.market === "string" ? inputs.market : inputs.marketFile,
    marketIsFile: inputs.marketFile !== undefined,
    levelUnit: flags.levelUnit,
    levelUnits: flags.levelUnits,
    hasLevels: (flags.values.levels ?? []).length > 0,
    warnings: inputs.warnings,
    ranges: flags.ranges,
    volumeFiles: (flags.values.volume ?? []).map((spec) => splitNamed("volume", spec)),
  });
  const allWarnings = [...inputs.warnings, ...study.warnings];
  const tally: NonFiniteTally = { count: 0 }; // ±Infinity written as null / empty cells: counted, then said on stderr
  const onNonFinite = (): void => void tally.count++;
  const measured = flags.format === "json" ? undefined : measureText(study, flags, extra, tally);
  // JSON and CSV are written as they are made (a large study is never one string)
  if (flags.format === "json" && extra.active) await emit(io, measureJsonText(study, extra, classifyWarnings(allWarnings), tally), flags.values.out);
  else if (flags.format === "json") await emitChunks(io, study.toJSONChunks({ warnings: classifyWarnings(allWarnings), onNonFinite }), flags.values.out);
  else if (measured !== undefined) await emit(io, measured, flags.values.out);
  else if (flags.format === "csv") {
    await emitChunks(io, studyCsvChunks(study, flags, onNonFinite), flags.values.out);
    const lines = skippedLines(study);
    if (flags.table !== "skipped" && lines.length > 0) {
      io.stderr(
        `market-reaction: ${lines.length} (asset, statement) pair${lines.length === 1 ? " was" : "s were"} skipped and are not in the CSV (--table skipped writes them as CSV):\n`,
      );
      for (const l of lines) io.stderr(`${terminalText(l)}\n`);
    }
  } else {
    await emit(io, studyText(study, flags, tally), flags.values.out);
    // the HTML and LaTeX paper tables have no place for them: the skipped pairs go to stderr
    const lines = skippedLines(study);
    if ((flags.format === "html" || flags.format === "latex") && lines.length > 0) for (const l of lines) io.stderr(`${terminalText(l)}\n`);
  }
  warnNonFinite(io, tally, flags.format);
  if (flags.plot !== undefined) await writePlot(io, flags.plot, study, inputs);
  if (flags.format !== "json") printWarnings(io, allWarnings, { verbose: flags.values.verbose === true, day0: day0ById(study.events) });
  return 0;
}
