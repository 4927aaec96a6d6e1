/** `market-reaction intraday`: abnormal returns in minute windows around timestamped statements. */
import {
  classifyWarnings,
  concatBars,
  exchangeCodes,
  intradayStudy,
  parseMinuteWindow,
  type BarSeries,
  type IntradayModel,
  type IntradayReference,
  type IntradayStudyOptions,
  type IntradayStudyResult,
  type MinuteWindow,
  type Row,
  type Warning,
} from "market-reaction";
import { readBarsFile, readEventsFile } from "market-reaction/node";
// Until the lead wires src/intraday into the public barrels, import it from the files.
import { choice, type OptionSpec, parseCommandArgs } from "./args.js";
import { INTRADAY_CHOICES, choiceList } from "./choices.js";
import { present } from "../options/present.js";
import { printWarnings } from "./warnings.js";
import { UsageError, type CliIO } from "./context.js";
import { emit, type NonFiniteTally, type OutputFormat, renderRows, tallyInfinite, toJsonText, warnNonFinite } from "./output.js";
import { escapeMarkdownCell } from "../output/escape.js";
import { terminalText } from "../output/text.js";

export const INTRADAY_HELP = `Usage: market-reaction intraday --bars FILE… --events FILE [options]

Places each timestamped statement on the first bar that starts at or after it and reports
the abnormal return in minute windows around it, with a z score against the same clock
window on earlier non-event sessions (or, when fewer than --min-sessions exist, against
the per-bar volatility of the earlier bars; the "reference" column says which).

Data:
  --bars FILE            bars CSV (repeatable; files are joined): a time column (datetime,
                         datetime_utc, timestamp, …; with offset, Z, or local + --timezone)
                         and open,high,low,close[,volume]                        (required)
  --benchmark FILE       intraday benchmark bars for --model market (repeatable)
  --events FILE          statements, CSV or JSON (id, timestamp, timezone, …)     (required)
  --timezone ZONE        zone of bar times written without an offset
  --asset ID             asset name in the output (default: the first file's name)

Windows and model:
  --window=A,B           minutes around the statement's bar, e.g. --window=-10m,+20m
                         (repeatable; default 0,+10m). Write it with '=' when A is negative.
  --model MODEL          ${choiceList(INTRADAY_CHOICES.model)}    (default zero-mean)
  --delever K            divide a K-times leveraged ETF's returns by K (e.g. 3 for SPXL;
                         an approximation, reported as a warning)
  --exchange MIC         exchange whose sessions and clock are used (default XNYS)
  --interval N           bar length in minutes (default: detected)
  --extended-hours       keep pre- and post-market bars (04:00-20:00)
  --cross-close          let windows run past the close into the next session
  --exclude-statement-windows
                         leave the other statements' sessions and window bars out of each
                         reference (off by default: a statement's row does not depend on
                         what else is in the run; rows report excluded_reference)
  --reference REF        ${choiceList(INTRADAY_CHOICES.reference)}   (default auto)
  --lookback N           sessions searched for same-clock windows (default 60)
  --min-sessions N       same-clock sessions needed (default 20)

Output:
  --format FORMAT        ${choiceList(INTRADAY_CHOICES.format)}    (default table)
  --out FILE             write the result to FILE instead of stdout
  --verbose              print every warning (default: a summary by code)
  --debug                print stack traces on errors

JSON: { abnormal: [{event_id, asset, window_start, window_end, bar_start, ar, z, p_value,
p_value_empirical, …}], events, skipped, warnings, method }. ar is a log return.

Examples:
  market-reaction intraday --bars spxl_1min.csv --events statements.csv \\
      --window=-10m,+20m --window=0,+10m --delever 3 --format json
  market-reaction intraday --bars april-7-9.csv --bars march-history.csv --events statements.csv
`;

const COLUMNS = [
  "event_id",
  "asset",
  "window",
  "bar_start",
  "ar",
  "z",
  "p_value",
  "p_value_empirical",
  "reference",
  "n_reference",
  "z_missing_reason",
] as const;

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`invalid --${flag}: ${JSON.stringify(value)}; expected a positive whole number`);
  return Number(value);
}

/** The flags of `intraday` (the help text gives each its meaning; FILE marks a path). */
export const INTRADAY_OPTIONS = {
  bars: { type: "string", multiple: true },
  benchmark: { type: "string", multiple: true },
  events: { type: "string" },
  timezone: { type: "string" },
  asset: { type: "string" },
  window: { type: "string", multiple: true },
  model: { type: "string" },
  delever: { type: "string" },
  exchange: { type: "string" },
  interval: { type: "string" },
  "extended-hours": { type: "boolean" },
  "cross-close": { type: "boolean" },
  "exclude-statement-windows": { type: "boolean" },
  reference: { type: "string" },
  lookback: { type: "string" },
  "min-sessions": { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

type IntradayValues = ReturnType<typeof parseCommandArgs<typeof INTRADAY_OPTIONS>>["values"];

/** The `intradayStudy` options the flags set (all but the data), checked. */
type IntradayFlagOptions = Omit<IntradayStudyOptions, "bars" | "events" | "benchmark">;

/** Checks the flags that set `intradayStudy` options. */
function intradayFlags(values: IntradayValues): IntradayFlagOptions {
  const model = choice<IntradayModel>("model", values.model, INTRADAY_CHOICES.model, "zero-mean");
  if (model === "market" && values.benchmark === undefined) throw new UsageError("intraday: --model market needs --benchmark FILE");
  const exchange = (values.exchange ?? "XNYS").toUpperCase();
  if (!exchangeCodes().includes(exchange))
    throw new UsageError(`invalid --exchange: ${JSON.stringify(exchange)}; expected one of ${exchangeCodes().join(", ")}`);
  const delever = values.delever === undefined ? undefined : Number(values.delever);
  if (values.delever !== undefined && (!/^\d+(\.\d+)?$/.test(values.delever) || !(delever! > 0)))
    throw new UsageError(`invalid --delever: ${JSON.stringify(values.delever)}; expected a positive leverage factor such as 3`);
  const windows: MinuteWindow[] = (values.window ?? ["0,+10m"]).map((w) => {
    try {
      return parseMinuteWindow(w);
    } catch {
      throw new UsageError(`invalid --window: ${JSON.stringify(w)}; expected two minute offsets such as --window=-10m,+20m`);
    }
  });
  return present({
    windows,
    model,
    exchange,
    reference: choice<IntradayReference>("reference", values.reference, INTRADAY_CHOICES.reference, "auto"),
    delever,
    interval: positiveInt("interval", values.interval),
    lookback: positiveInt("lookback", values.lookback),
    minSessions: positiveInt("min-sessions", values["min-sessions"]),
    extendedHours: values["extended-hours"] === true ? true : undefined,
    crossClose: values["cross-close"] === true ? true : undefined,
    excludeStatementWindows: values["exclude-statement-windows"] === true ? true : undefined,
    asset: values.asset,
  });
}

/** Reads and joins the bar files; their warnings go to `warnings`. */
async function readBars(files: readonly string[], timezone: string | undefined, warnings: Warning[]): Promise<BarSeries> {
  const tables = [];
  for (const f of files) tables.push(await readBarsFile(f, timezone === undefined ? {} : { timezone }));
  for (const t of tables) warnings.push(...t.warnings);
  return concatBars(
    tables.map((t) => t.bars),
    tables[0]!.bars.id,
  );
}

/** The result as text in `format` (the skipped statements of a CSV go to stderr). */
function intradayText(result: IntradayStudyResult, format: OutputFormat, warnings: readonly Warning[], io: CliIO, tally: NonFiniteTally): string {
  if (format === "json") {
    const events = result.events.map((e) => ({
      event_id: e.event_id,
      local_time: e.local_time,
      instant_utc: e.instant_utc,
      session: e.session,
      bar_start: e.bar_start,
      rule: e.rule,
      reason: e.reason,
    }));
    return toJsonText(
      tallyInfinite({ abnormal: result.abnormal, events, skipped: result.skipped, warnings: classifyWarnings(warnings), method: result.method }, tally),
    );
  }
  const rows = result.abnormal as unknown as Row[];
  const text = renderRows(rows, format === "csv" ? Object.keys(result.abnormal[0] ?? {}) : COLUMNS, format, tally);
  if (format === "csv") {
    // a CSV holds one table: the skipped statements are announced on stderr
    for (const s of result.skipped) io.stderr(`skipped ${terminalText(`${s.event_id} (${s.code}): ${s.reason}`)}\n`);
    return text;
  }
  const lines = [
    ...result.events.map((e) => `${e.event_id}: ${e.reason}`),
    ...result.skipped.map((s) => `${s.event_id} skipped (${s.code}): ${s.reason}`),
    ...result.method,
  ];
  return `${text}\n${lines.map((l) => (format === "markdown" ? `- ${escapeMarkdownCell(l)}` : terminalText(l))).join("\n")}\n`;
}

/** Runs `market-reaction intraday` with `argv` (after the command name). */
export async function intradayCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs("intraday", argv, INTRADAY_OPTIONS);
  if (values.help === true) {
    io.stdout(INTRADAY_HELP);
    return 0;
  }
  if (values.bars === undefined || values.bars.length === 0) throw new UsageError("intraday: --bars FILE is required (see market-reaction intraday --help)");
  if (values.events === undefined) throw new UsageError("intraday: --events FILE is required (see market-reaction intraday --help)");
  const format = choice<OutputFormat>("format", values.format, INTRADAY_CHOICES.format, "table");
  const options = intradayFlags(values);
  const warnings: Warning[] = [];
  const bars = await readBars(values.bars, values.timezone, warnings);
  const benchmark = values.benchmark === undefined ? undefined : await readBars(values.benchmark, values.timezone, warnings);
  const parsed = await readEventsFile(values.events);
  warnings.push(...parsed.warnings);
  const result = intradayStudy({ ...options, bars, events: parsed.events, ...present({ benchmark }) });
  warnings.push(...result.warnings);
  const tally: NonFiniteTally = { count: 0 };
  await emit(io, intradayText(result, format, warnings, io, tally), values.out);
  warnNonFinite(io, tally, format);
  if (format !== "json") printWarnings(io, warnings, { verbose: values.verbose === true });
  return 0;
}
