/** `market-reaction study`: abnormal returns around each statement. */
import { existsSync } from "node:fs";
import {
  calendarFromSeries,
  columnsOf,
  eventStudy,
  exchangeCodes,
  getExchange,
  type EventStudyOptions,
  type ExchangeInput,
  type ModelOption,
  type NonTradingPolicy,
  type Row,
  type Series,
  type StudyTable,
  type Warning,
  type DateFormat,
} from "market-reaction";
import { arChart, carChart, TEST_NAMES, timelineChart, type TestName } from "market-reaction";
import { readEventsFile, readFactorsFile, readSeriesFile, renderSvg } from "market-reaction/node";
import { choice, parseCommandArgs, parseWindowFlag } from "./args.js";
import { UsageError, type CliIO } from "./context.js";
import { dateFormatFlag, nonSynchronousFlags, readPricesWithHint, sameDay0Flag } from "./realdata.js";
import { emit, progressBar, renderRows, toJsonText, type OutputFormat } from "./output.js";

export const STUDY_HELP = `Usage: market-reaction study --prices FILE… --events FILE [options]

Fits a normal-return model on each statement's estimation window and reports abnormal
returns (AR), cumulative abnormal returns (CAR, with the full covariance), buy-and-hold
abnormal returns (BHAR), t tests and the SQ test for each event window.

Data:
  --prices FILE          price series (repeatable): single-series, wide or long files;
                         Yahoo, Stooq, FRED, Nasdaq and generic layouts are detected
  --returns FILE         return series instead of prices (repeatable; decimal returns)
  --market ID|FILE       benchmark: the id of a loaded series, or a file
  --factors FILE         factor file (Ken French daily CSV or generic; percent detected)
  --events FILE          statements, CSV or JSON                                (required)
  --date-format FMT      date format of the --prices/--returns files: YYYY-MM-DD | YYYYMMDD |
                         MM/DD/YYYY | DD/MM/YYYY | DD.MM.YYYY (default: detected; a column
                         mixing formats is an error naming the rows)

Model and windows:
  --model MODEL          constant-mean | market-adjusted | market | ff3 | carhart | ff5 |
                         scholes-williams | dimson | factors:COL,COL
                         (default market with --market, else constant-mean)
  --return-type TYPE     simple | log                                 (default simple)
  --estimation=A,B       estimation window in sessions relative to day 0 (default -250,-11)
  --window=A,B           event window, repeatable                      (default -1,1)
  --exchange MIC         exchange of the assets (default XNYS): ${"${EXCHANGES}"}
  --market-exchange MIC  exchange whose closes date the benchmark's and the factor file's
                         returns                                       (default XNYS)
  --non-synchronous P    dimson | ignore: assets that close over an hour before or after the
                         benchmark (Tokyo on a US ETF) get the Dimson lead/lag model, or keep
                         the model (default dimson unless --model is given; docs/real-data.md)
  --calendar FILE        take the exchange's trading days from a price file
  --non-trading POLICY   next | previous | drop | error                (default next)
  --contamination MODE   exclude | keep: other statements' event windows in estimation
                         samples                                       (default exclude)
  --min-estimation N     fewest estimation observations (default: half the window)
  --strict               fail instead of skipping a statement that cannot be studied

Across statements and assets (docs/tests.md):
  --tests LIST|all       cross-event tests: AAR per day and CAAR per window with each test,
                         e.g. cross_sectional_t,bmp,adjusted_bmp,corrado_rank,grank_t
  --conventions PROFILE  textbook | estudy2                            (default textbook)
  --adjust METHOD        none | holm | bh: multiple-testing adjustment  (default none)
  --same-day0 POLICY     merge | keep: statements of one asset sharing day 0 tested as one
                         event named E17+E22, or as separate pairs     (default merge)

Clustered statements on one series (docs/clustered.md):
  --method METHOD        standard | dummy: dummy adds the dummy-variable regression with
                         Newey-West (HAC) errors and Wald tests        (default standard)
  --dummies SPEC         event (one dummy per statement and day) | pooled   (default event)
  --hac-lag N            Newey-West lag: a number, nw1994 or cube-root  (default nw1994)
  --hac-adjust           small-sample factor T/(T-K) on the HAC covariance
  --placebo B            placebo inference with B pseudo-event draws (one series only)
  --seed N               seed of the placebo draws                      (default 1)
  --regime REGIME        volatility | quarter | none: where pseudo-dates come from
                         (default volatility)

Output:
  --format FORMAT        table | markdown | csv | json                 (default table)
  --table TABLE          for csv/markdown: car | abnormal | models | events | skipped
                         (default car)
  --out FILE             write the result to FILE instead of stdout
  --plot FILE.svg        also draw a chart as SVG (needs the optional packages vega and
                         vega-lite: npm install vega vega-lite@"<6.5")
  --plot-type TYPE       car (CAR paths with 95% bands) | ar (AR bars) | timeline (prices
                         and statements; needs --prices)               (default car)
  --debug                print stack traces on errors

Examples:
  market-reaction study --prices SP500.csv --market ACWI.csv --events statements.csv \\
    --window=0,0 --window=-1,1 --window=0,5
  market-reaction study --prices sectors.csv --factors F-F_Research_Data_Factors_daily.CSV \\
    --model ff3 --events statements.csv --format json --out study.json
  market-reaction study --prices prices.csv --market world.csv --events statements.csv \
    --window=-1,1 --format markdown --plot car.svg
  market-reaction study --prices prices.csv --events statements.csv --plot timeline.svg \
    --plot-type timeline

A progress bar is drawn on stderr while a long study runs, only when stderr is a terminal.
Exit codes: 0 success (warnings on stderr), 1 data or runtime failure, 2 usage error.
`;

const CAR_COLUMNS = ["event_id", "asset", "day0", "window_start", "window_end", "car", "se", "t", "p_value", "bhar", "sq_p_value"];

async function loadSeries(files: readonly string[], kind: "price" | "return", warnings: Warning[], dateFormat?: DateFormat): Promise<Series[]> {
  const out: Series[] = [];
  for (const file of files) {
    const read = (values: "price" | "return") => readSeriesFile(file, { values, ...(dateFormat === undefined ? {} : { dateFormat }) });
    const table = kind === "price" ? await readPricesWithHint(file, "prices", read) : await read("return");
    warnings.push(...table.warnings);
    out.push(...table.series);
  }
  return out;
}

export async function studyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs("study", argv, {
    prices: { type: "string", multiple: true },
    returns: { type: "string", multiple: true },
    market: { type: "string" },
    factors: { type: "string" },
    events: { type: "string" },
    model: { type: "string" },
    "return-type": { type: "string" },
    estimation: { type: "string" },
    window: { type: "string", multiple: true },
    exchange: { type: "string" },
    "market-exchange": { type: "string" },
    "non-synchronous": { type: "string" },
    calendar: { type: "string" },
    "non-trading": { type: "string" },
    contamination: { type: "string" },
    "min-estimation": { type: "string" },
    strict: { type: "boolean" },
    method: { type: "string" },
    dummies: { type: "string" },
    "hac-lag": { type: "string" },
    "hac-adjust": { type: "boolean" },
    placebo: { type: "string" },
    seed: { type: "string" },
    regime: { type: "string" },
    tests: { type: "string" },
    conventions: { type: "string" },
    adjust: { type: "string" },
    "same-day0": { type: "string" },
    "date-format": { type: "string" },
    format: { type: "string" },
    table: { type: "string" },
    out: { type: "string" },
    plot: { type: "string" },
    "plot-type": { type: "string" },
    debug: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help === true) {
    io.stdout(STUDY_HELP.replace("${EXCHANGES}", exchangeCodes().join(", ")));
    return 0;
  }
  if (values.events === undefined) throw new UsageError("study: --events FILE is required (see market-reaction study --help)");
  if ((values.prices ?? []).length + (values.returns ?? []).length === 0) throw new UsageError("study: give at least one --prices or --returns file");
  const plotType = choice("plot-type", values["plot-type"], ["car", "ar", "timeline"] as const, "car");
  if (values["plot-type"] !== undefined && values.plot === undefined) throw new UsageError("--plot-type goes with --plot FILE.svg");
  if (values.plot !== undefined && !values.plot.toLowerCase().endsWith(".svg")) throw new UsageError(`invalid --plot: ${JSON.stringify(values.plot)}; the chart is written as SVG, give a FILE.svg`);
  if (plotType === "timeline" && values.plot !== undefined && (values.prices ?? []).length === 0) throw new UsageError("--plot-type timeline draws prices: give --prices files");
  const format = choice<OutputFormat>("format", values.format, ["table", "markdown", "csv", "json"], "table");
  const table = choice<StudyTable>("table", values.table, ["car", "abnormal", "models", "events", "skipped", "regression", "regression_car", "wald"], "car");
  const method = choice("method", values.method, ["standard", "dummy"] as const, "standard");
  const dummies = choice("dummies", values.dummies, ["event", "pooled"] as const, "event");
  let hacLag: number | "nw1994" | "cube-root" | undefined;
  if (values["hac-lag"] !== undefined) {
    const v = values["hac-lag"];
    if (v === "nw1994" || v === "cube-root") hacLag = v;
    else if (/^\d+$/.test(v)) hacLag = Number(v);
    else throw new UsageError(`invalid --hac-lag: ${JSON.stringify(v)}; expected a whole number, nw1994 or cube-root`);
  }
  if (method !== "dummy" && (values.dummies !== undefined || values["hac-lag"] !== undefined || values["hac-adjust"] === true)) {
    throw new UsageError("--dummies, --hac-lag and --hac-adjust go with --method dummy");
  }
  const positiveInt = (flag: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`invalid --${flag}: ${JSON.stringify(v)}; expected a positive whole number`);
    return Number(v);
  };
  const draws = positiveInt("placebo", values.placebo);
  const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new UsageError(`invalid --seed: ${JSON.stringify(values.seed)}; expected a whole number`);
  const regime = choice("regime", values.regime, ["volatility", "quarter", "none"] as const, "volatility");
  let tests: readonly TestName[] | "all" | undefined;
  if (values.tests !== undefined) {
    if (values.tests === "all") tests = "all";
    else {
      const list = values.tests.split(",").map((t) => t.trim()).filter((t) => t !== "");
      const unknown = list.filter((t) => !(TEST_NAMES as readonly string[]).includes(t));
      if (list.length === 0 || unknown.length > 0) throw new UsageError(`invalid --tests: ${JSON.stringify(values.tests)}; expected all or a comma-separated list of ${TEST_NAMES.join(", ")}`);
      tests = list as TestName[];
    }
  }
  const conventions = choice("conventions", values.conventions, ["textbook", "estudy2"] as const, "textbook");
  const adjust = choice("adjust", values.adjust, ["none", "holm", "bh"] as const, "none");
  if (tests === undefined && (values.conventions !== undefined || values.adjust !== undefined)) throw new UsageError("--conventions and --adjust go with --tests LIST|all");
  if (draws === undefined && (values.seed !== undefined || values.regime !== undefined)) throw new UsageError("--seed and --regime go with --placebo B");
  const returnType = choice("return-type", values["return-type"], ["simple", "log"] as const, "simple");
  const nonTrading = choice<NonTradingPolicy>("non-trading", values["non-trading"], ["next", "previous", "drop", "error"], "next");
  const contamination = choice("contamination", values.contamination, ["exclude", "keep"] as const, "exclude");
  const estimation = values.estimation === undefined ? undefined : parseWindowFlag("estimation", values.estimation);
  const windows = values.window?.map((w) => parseWindowFlag("window", w));
  let minEstimationObs: number | undefined;
  if (values["min-estimation"] !== undefined) {
    minEstimationObs = Number(values["min-estimation"]);
    if (!Number.isInteger(minEstimationObs) || minEstimationObs < 1) throw new UsageError(`invalid --min-estimation: ${JSON.stringify(values["min-estimation"])}; expected a positive integer`);
  }
  let exchange: ExchangeInput = "XNYS";
  if (values.exchange !== undefined) {
    const code = values.exchange.toUpperCase();
    if (!exchangeCodes().includes(code)) throw new UsageError(`invalid --exchange: ${JSON.stringify(values.exchange)}; expected one of ${exchangeCodes().join(", ")}`);
    exchange = code;
  }

  const warnings: Warning[] = [];
  const dateFormat = dateFormatFlag(values["date-format"]);
  const assets = [...(await loadSeries(values.prices ?? [], "price", warnings, dateFormat)), ...(await loadSeries(values.returns ?? [], "return", warnings, dateFormat))];
  let market: Series | string | undefined;
  if (values.market !== undefined) {
    if (assets.some((s) => s.id === values.market)) market = values.market;
    else if (existsSync(values.market)) {
      const marketFile = values.market;
      const t = await readPricesWithHint(marketFile, "market", (kind) => readSeriesFile(marketFile, { values: kind }));
      warnings.push(...t.warnings);
      if (t.series.length !== 1) throw new UsageError(`--market ${values.market}: the file holds ${t.series.length} series; give a single-series file or the id of a loaded series`);
      market = t.series[0]!;
    } else {
      throw new UsageError(`--market ${JSON.stringify(values.market)} is neither a loaded series (${assets.map((s) => s.id).join(", ")}) nor a file`);
    }
  }
  if (values.calendar !== undefined) {
    const t = await readSeriesFile(values.calendar);
    warnings.push(...t.warnings);
    const days = new Set<number>();
    for (const s of t.series) for (const d of s.days) days.add(d);
    exchange = calendarFromSeries(Int32Array.from([...days].sort((a, b) => a - b)), getExchange(typeof exchange === "string" ? exchange : "XNYS"));
  }
  const nonSync = nonSynchronousFlags(values["market-exchange"], values["non-synchronous"]);
  const factors = values.factors === undefined ? undefined : await readFactorsFile(values.factors);
  if (factors !== undefined) warnings.push(...factors.warnings);
  const parsed = await readEventsFile(values.events);
  warnings.push(...parsed.warnings);

  const options: EventStudyOptions = {
    assets,
    events: parsed.events,
    returnType,
    nonTrading,
    contamination,
    exchange,
    ...nonSync,
    ...sameDay0Flag(values["same-day0"], tests !== undefined),
    ...(market === undefined ? {} : { market }),
    ...(factors === undefined ? {} : { factors }),
    ...(values.model === undefined ? {} : { model: values.model as ModelOption }),
    ...(estimation === undefined ? {} : { estimation }),
    ...(windows === undefined ? {} : { windows }),
    ...(minEstimationObs === undefined ? {} : { minEstimationObs }),
    ...(values.strict === true ? { strict: true } : {}),
    ...(method === "dummy"
      ? { regression: { specification: dummies, ...(hacLag === undefined ? {} : { hacLag }), ...(values["hac-adjust"] === true ? { hacAdjust: true } : {}) } }
      : {}),
    ...(draws === undefined ? {} : { placebo: { draws, seed: seed ?? 1, regime } }),
    ...(tests === undefined ? {} : { tests, conventions, adjust }),
  };
  if (draws !== undefined && assets.length - (typeof market === "string" ? 1 : 0) !== 1) {
    throw new UsageError("--placebo needs exactly one studied series (placebo dates come from that series' own history)");
  }
  const onProgress = progressBar(io);
  const study = eventStudy(onProgress === undefined ? options : { ...options, onProgress });
  const allWarnings = [...warnings, ...study.warnings];

  let text: string;
  if (format === "json") {
    text = toJsonText({ ...study.toJSON(), warnings: allWarnings });
  } else if (format === "table" && values.table === undefined) {
    text = renderRows(study.car as unknown as Row[], CAR_COLUMNS, "table");
    if (study.skipped.length > 0) text += `\n${study.skipped.map((s) => `skipped ${s.event_id}${s.asset === null ? "" : ` (${s.asset})`}: ${s.code}: ${s.reason}`).join("\n")}\n`;
    if (study.aggregate !== null) {
      const events = Math.max(0, ...study.aggregate.windows.map((w) => w.n));
      text += `\nAcross ${study.pairs.length} (asset, statement) pairs${events < study.pairs.length ? ` (${events} events: statements of an asset sharing day 0 are one event)` : ""} (CAAR = sum of AARs; conventions ${conventions}):\n`;
      const rows: Row[] = [];
      for (const w of study.aggregate.windows) {
        for (const [name, t] of Object.entries(w.tests)) {
          rows.push({ window: `[${w.window_start}, ${w.window_end}]`, caar: w.caar, n: w.n, test: name, statistic: t.statistic, df: t.df ?? null, p_value: t.p_value });
        }
      }
      text += renderRows(rows, ["window", "caar", "n", "test", "statistic", "df", "p_value"], "table");
    }
    if (method === "dummy") {
      text += `\nDummy-variable regression (statistic and p_value use the covariance named in vcov):\n`;
      text += renderRows(study.regression as unknown as Row[], ["asset", "term", "estimate", "std_error", "std_error_hac", "statistic", "p_value", "vcov"], "table");
      text += `\nCARs from the regression:\n`;
      text += renderRows(study.regression_car as unknown as Row[], ["asset", "event_id", "window_start", "window_end", "estimate", "std_error", "std_error_hac", "p_value", "vcov"], "table");
      text += `\nWald tests:\n`;
      text += renderRows(study.wald as unknown as Row[], ["asset", "hypothesis", "statistic", "df", "p_value", "vcov"], "table");
    }
    if (study.placebo !== null) {
      const p = study.placebo;
      text += `\nPlacebo test: ${p.statistic} = ${p.observed.toPrecision(4)}, p = ${p.p_value.toPrecision(4)} (B = ${p.draws}, seed ${p.seed}, ${p.eligible.size} eligible sessions; null 2.5%/97.5%: ${p.quantiles["2.5%"].toPrecision(3)}, ${p.quantiles["97.5%"].toPrecision(3)})\n`;
      text += `  eligible: ${p.eligible.definition}\n`;
    }
  } else {
    const rows = study.toRows(table) as Row[];
    const all = columnsOf(rows);
    const columns = table === "car" ? [...CAR_COLUMNS, ...all.filter((c) => !CAR_COLUMNS.includes(c))] : all;
    text = renderRows(rows, columns, format);
  }
  await emit(io, text, values.out);
  if (values.plot !== undefined) {
    const priced = assets.filter((s) => s.kind === "price" && s.id !== (typeof market === "string" ? market : undefined));
    const spec = plotType === "ar" ? arChart(study) : plotType === "timeline" ? timelineChart(priced, study.events) : carChart(study);
    await io.writeFile(values.plot, await renderSvg(spec));
  }
  if (format !== "json") for (const w of allWarnings) io.stderr(`warning: ${w.message}\n`);
  return 0;
}
