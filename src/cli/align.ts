/** `market-reaction align`: statements → day 0 on one or more exchanges, with reasons. */
import {
  classifyWarnings,
  alignEvents,
  eventRow,
  calendarFromSeries,
  exchangeCodes,
  getExchange,
  type ExchangeInput,
  type NonTradingPolicy,
  type Row,
  type Warning,
} from "market-reaction";
import { readEventsFile, readSeriesFile } from "market-reaction/node";
import { ALIGN_CHOICES } from "./choices.js";
import { choice, type OptionSpec, parseCommandArgs } from "./args.js";
import { printWarnings } from "./warnings.js";
import { UsageError, type CliIO } from "./context.js";
import { emit, type NonFiniteTally, type OutputFormat, renderRows, tallyInfinite, toJsonText, warnNonFinite } from "./output.js";
import { escapeMarkdownCell } from "../output/escape.js";
import { terminalText } from "../output/text.js";

export const ALIGN_HELP = `Usage: market-reaction align --events FILE [options]

Maps each statement to day 0 — the first session whose close comes after it — on each
exchange's own clock, and says why (rule and reason).

Options:
  --events FILE          statements as CSV or JSON (id, timestamp, timezone, …)   (required)
  --exchange MIC         exchange; repeatable (default XNYS). Built in: ${"${EXCHANGES}"}
  --calendar [MIC=]FILE  take the trading days of MIC (default: the only --exchange) from the
                         dates of a price file; repeatable
  --non-trading POLICY   next | previous | drop | error   (default next)
  --format FORMAT        table | markdown | csv | json    (default table)
  --out FILE             write the result to FILE instead of stdout
  --verbose              print every warning (default: a summary by code)
  --debug                print stack traces on errors

Examples:
  market-reaction align --events statements.csv --exchange XNYS --exchange XTKS
  market-reaction align --events events.json --non-trading=error --format json --out aligned.json
  market-reaction align --events events.csv --exchange XTKS --calendar XTKS=nikkei.csv
`;

const COLUMNS = ["id", "exchange", "timestamp", "timezone", "local_time", "session", "day0", "rule"] as const;

/** The flags of `align` (the help text gives each its meaning; FILE marks a path). */
export const ALIGN_OPTIONS = {
  events: { type: "string" },
  exchange: { type: "string", multiple: true },
  calendar: { type: "string", multiple: true },
  "non-trading": { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

export async function alignCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs("align", argv, ALIGN_OPTIONS);
  if (values.help === true) {
    io.stdout(ALIGN_HELP.replace("${EXCHANGES}", exchangeCodes().join(", ")));
    return 0;
  }
  if (values.events === undefined) throw new UsageError("align: --events FILE is required (see market-reaction align --help)");
  const format = choice<OutputFormat>("format", values.format, ALIGN_CHOICES.format, "table");
  const nonTrading = choice<NonTradingPolicy>("non-trading", values["non-trading"], ALIGN_CHOICES["non-trading"], "next");
  const codes = (values.exchange ?? ["XNYS"]).map((c) => c.toUpperCase());
  for (const code of codes) {
    if (!exchangeCodes().includes(code)) throw new UsageError(`invalid --exchange: ${JSON.stringify(code)}; expected one of ${exchangeCodes().join(", ")}`);
  }

  // --calendar [MIC=]FILE: trading days from data
  const fromData = new Map<string, string>();
  for (const spec of values.calendar ?? []) {
    const m = /^([A-Za-z]{4})=(.+)$/.exec(spec);
    let code: string;
    let file: string;
    if (m !== null) {
      code = m[1]!.toUpperCase();
      file = m[2]!;
    } else {
      if (codes.length !== 1) throw new UsageError("align: with several --exchange values, write --calendar MIC=FILE");
      code = codes[0]!;
      file = spec;
    }
    if (!codes.includes(code)) throw new UsageError(`align: --calendar names ${code}, which is not among the --exchange values (${codes.join(", ")})`);
    fromData.set(code, file);
  }

  const warnings: Warning[] = [];
  const exchanges: ExchangeInput[] = [];
  for (const code of codes) {
    const file = fromData.get(code);
    if (file === undefined) {
      exchanges.push(code);
      continue;
    }
    const table = await readSeriesFile(file);
    warnings.push(...table.warnings);
    const days = new Set<number>();
    for (const s of table.series) for (const d of s.days) days.add(d);
    exchanges.push(calendarFromSeries(Int32Array.from([...days].sort((a, b) => a - b)), getExchange(code)));
  }

  const parsed = await readEventsFile(values.events);
  warnings.push(...parsed.warnings);
  const result = alignEvents(parsed.events, exchanges, { nonTrading });
  warnings.push(...result.warnings);

  const records = result.rows.map(eventRow);
  const tally: NonFiniteTally = { count: 0 };
  let text: string;
  if (format === "json") {
    const skipped = result.skipped.map((s) => ({ id: s.id, exchange: s.exchange, code: s.code, reason: s.reason }));
    text = toJsonText(tallyInfinite({ events: records, skipped, warnings: classifyWarnings(warnings) }, tally));
  } else if (format === "csv") {
    text = renderRows(
      records as unknown as Row[],
      [...COLUMNS, ...Object.keys(records[0] ?? {}).filter((c) => !(COLUMNS as readonly string[]).includes(c))],
      "csv",
      tally,
    );
    // a CSV holds one table: the skipped statements are announced on stderr
    for (const s of result.skipped) io.stderr(`skipped ${terminalText(`${s.id} on ${s.exchange}: ${s.code}: ${s.reason}`)}\n`);
  } else {
    text = renderRows(records as unknown as Row[], COLUMNS, format, tally);
    const reasons = result.rows.map((r) => `${r.id} on ${r.exchange}: ${r.reason}`);
    const skipped = result.skipped.map((s) => `${s.id} on ${s.exchange} skipped: ${s.reason}`);
    // statement ids and reasons are user text: escaped for markdown, or for the terminal
    text += `\n${[...reasons, ...skipped].map((l) => (format === "markdown" ? `- ${escapeMarkdownCell(l)}` : terminalText(l))).join("\n")}\n`;
  }
  await emit(io, text, values.out);
  warnNonFinite(io, tally, format);
  if (format !== "json") printWarnings(io, warnings, { verbose: values.verbose === true, reasonsIn: "the rule and reason of each row" });
  return 0;
}
