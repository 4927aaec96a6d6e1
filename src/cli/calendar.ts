/** `market-reaction calendar`: an exchange's sessions, or where a price file disagrees with them. */
import {
  betterExchange,
  calendarDays,
  compareDays,
  dayKeyFromIso,
  disagreesOften,
  exchangeCodes,
  isoFromDayKey,
  tradingCalendar,
  type Row,
  weekdayName,
  type TradingCalendar,
} from "market-reaction";
import { readSeriesFile } from "market-reaction/node";
import { ROW_FORMATS } from "./choices.js";
import { choice, type OptionSpec, parseCommandArgs } from "./args.js";
import { UsageError, type CliIO } from "./context.js";
import { emit, renderRows, toJsonText, type OutputFormat } from "./output.js";

export const CALENDAR_HELP = `Usage: market-reaction calendar MIC --from DATE --to DATE [options]
       market-reaction calendar MIC --check FILE [options]

Prints an exchange's built-in sessions (open, close, midday break, early closes) and the
reason for each closed trading weekday, or lists where the dates of a price file disagree
with them (exit code 1 when they do).

Options:
  MIC                    exchange: ${"${EXCHANGES}"}
  --from DATE            first day (YYYY-MM-DD)
  --to DATE              last day (YYYY-MM-DD)                      (default: --from)
  --check FILE           compare the dates of a price file with the sessions
  --format FORMAT        table | markdown | csv | json              (default table)
  --out FILE             write the result to FILE instead of stdout
  --debug                print stack traces on errors

Examples:
  market-reaction calendar XTKS --from 2025-04-01 --to 2025-05-09
  market-reaction calendar XHKG --check hangseng.csv
`;

const LIST_COLUMNS = ["date", "weekday", "status", "open", "close", "break", "note", "projected"] as const;
const CHECK_COLUMNS = ["date", "weekday", "problem", "rules_say"] as const;

function parseDay(flag: string, value: string): number {
  const d = dayKeyFromIso(value);
  if (!Number.isFinite(d)) throw new UsageError(`invalid --${flag}: ${JSON.stringify(value)}; expected a date YYYY-MM-DD`);
  return d;
}

function calendarOf(mic: string | undefined): TradingCalendar {
  if (mic === undefined || mic.startsWith("-"))
    throw new UsageError(`calendar: name the exchange first, e.g. market-reaction calendar XTKS --from 2025-04-01; built in: ${exchangeCodes().join(", ")}`);
  const code = mic.toUpperCase();
  if (!exchangeCodes().includes(code)) throw new UsageError(`calendar: unknown exchange ${JSON.stringify(mic)}; built in: ${exchangeCodes().join(", ")}`);
  return tradingCalendar(code);
}

/** The flags of `calendar` (the help text gives each its meaning; FILE marks a path). */
export const CALENDAR_OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  check: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

export async function calendarCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const first = argv[0];
  const { values } = parseCommandArgs("calendar", first !== undefined && !first.startsWith("-") ? argv.slice(1) : argv, CALENDAR_OPTIONS);
  if (values.help === true) {
    io.stdout(CALENDAR_HELP.replace("${EXCHANGES}", exchangeCodes().join(", ")));
    return 0;
  }
  const cal = calendarOf(first);
  const format = choice<OutputFormat>("format", values.format, ROW_FORMATS, "table");
  if (values.check !== undefined) return checkFile(cal, values.check, format, values.out, io);
  if (values.from === undefined) throw new UsageError("calendar: give --from DATE (and --to DATE) or --check FILE (see market-reaction calendar --help)");
  const from = parseDay("from", values.from);
  const to = values.to === undefined ? from : parseDay("to", values.to);
  if (to < from) throw new UsageError(`calendar: --to ${values.to} is before --from ${values.from}`);
  const rows = calendarDays(cal, from, to);
  const text =
    format === "json"
      ? toJsonText({ exchange: cal.exchange.code, edition: cal.edition ?? null, days: rows })
      : renderRows(rows as unknown as Row[], LIST_COLUMNS, format);
  await emit(io, text, values.out);
  const projected = rows.find((r) => r.projected);
  if (projected !== undefined && format !== "json") {
    io.stderr(
      `note: days after ${cal.edition} (from ${projected.date}) are projected from the ${cal.exchange.code} rules; closures announced later are not known\n`,
    );
  }
  return 0;
}

async function checkFile(cal: TradingCalendar, file: string, format: OutputFormat, out: string | undefined, io: CliIO): Promise<number> {
  const table = await readSeriesFile(file);
  const all = new Set<number>();
  for (const s of table.series) for (const d of s.days) all.add(d);
  const days = Int32Array.from([...all].sort((a, b) => a - b));
  const c = compareDays(cal, days);
  const code = cal.exchange.code;
  const rows = [
    ...c.missing.map((d) => ({ day: d, problem: "no row on a session", rules_say: "session" })),
    ...c.extra.map((d) => ({ day: d, problem: "row on a closed day", rules_say: cal.closedReason(d) ?? "closed" })),
  ]
    .sort((a, b) => a.day - b.day)
    .map((r) => ({ date: isoFromDayKey(r.day), weekday: weekdayName(r.day), problem: r.problem, rules_say: r.rules_say }));
  const better = disagreesOften(c) ? betterExchange(days, code) : undefined;
  const span = Number.isFinite(c.from) ? `${isoFromDayKey(c.from)} to ${isoFromDayKey(c.to)}` : "no overlap";
  const summary = `${file} against ${code} (${span}, ${c.sessions} sessions): ${c.missing.length} session${c.missing.length === 1 ? "" : "s"} without a row, ${c.extra.length} row${c.extra.length === 1 ? "" : "s"} on closed days`;
  const hint =
    better === undefined
      ? ""
      : `the file matches the ${better.code} rules much better (${better.disagreements} disagreements against ${c.missing.length + c.extra.length}): is it a ${better.code} series?`;
  const text =
    format === "json"
      ? toJsonText({
          exchange: code,
          file,
          from: Number.isFinite(c.from) ? isoFromDayKey(c.from) : null,
          to: Number.isFinite(c.to) ? isoFromDayKey(c.to) : null,
          sessions: c.sessions,
          disagreements: rows,
          suggestion: better?.code ?? null,
        })
      : renderRows(rows as unknown as Row[], CHECK_COLUMNS, format);
  await emit(io, text, out);
  if (format !== "json") {
    io.stderr(`${summary}\n`);
    if (hint !== "") io.stderr(`warning: ${hint}\n`);
  }
  return rows.length === 0 ? 0 : 1;
}
