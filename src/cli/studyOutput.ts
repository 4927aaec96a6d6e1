/** The result of `market-reaction study` as text: the paper table or a tidy table. */
import { columnsOf, studyTable, type Row, type Study } from "market-reaction";
import { placeboText, regressionText } from "./clusteredText.js";
import { type NonFiniteTally, renderRows } from "./output.js";
import type { StudyFlags } from "./studyFlags.js";
import { escapeMarkdownCell } from "../output/escape.js";
import { terminalText } from "../output/text.js";

const CAR_COLUMNS = ["event_id", "asset", "day0", "window_start", "window_end", "car", "se", "t", "p_value", "bhar", "sq_p_value"];

function tidy(study: Study, flags: StudyFlags, tally?: NonFiniteTally): string {
  const rows = study.toRows(flags.table) as Row[];
  const all = columnsOf(rows);
  const columns = flags.table === "car" ? [...CAR_COLUMNS, ...all.filter((c) => !CAR_COLUMNS.includes(c))] : all;
  let text = renderRows(rows, columns, flags.format as "table" | "markdown" | "csv", tally);
  // the skipped pairs travel with a markdown or terminal table (a CSV announces them on stderr)
  const lines = skippedLines(study);
  if (flags.format !== "csv" && flags.table !== "skipped" && lines.length > 0) {
    const head = `${lines.length} (asset, statement) pair${lines.length === 1 ? " was" : "s were"} skipped (--table skipped lists them):`;
    text +=
      flags.format === "markdown"
        ? `\n${head}\n\n${lines.map((l) => `- ${escapeMarkdownCell(l)}`).join("\n")}\n`
        : `\n${head}\n${lines.map(terminalText).join("\n")}\n`;
  }
  return text;
}

/**
 * The study as CSV chunks (the rows made as they are written), in the column order of the
 * terminal table for `car`.
 */
export function studyCsvChunks(study: Study, flags: StudyFlags, onNonFinite: () => void): Iterable<string> {
  const order = (all: readonly string[]): readonly string[] => (flags.table === "car" ? [...CAR_COLUMNS, ...all.filter((c) => !CAR_COLUMNS.includes(c))] : all);
  return study.toCSVChunks(flags.table, { order, onNonFinite });
}

function caption(study: Study): string {
  const assets = [...new Set(study.car.map((r) => r.asset))];
  const market = typeof study.options.market === "string" ? ` against ${study.options.market}` : "";
  const who =
    assets.length === 1 ? ` of ${assets[0]}${market}` : assets.length <= 4 ? ` of ${assets.join(", ")}${market}` : ` of ${assets.length} assets${market}`;
  return `Cumulative abnormal returns${who} (%)`;
}

/** One line per skipped (asset, statement) pair. */
export function skippedLines(study: Study): string[] {
  return study.skipped.map((s) => `skipped ${s.event_id}${s.asset === null ? "" : ` (${s.asset})`}: ${s.code}: ${s.reason}`);
}

function skippedText(study: Study): string {
  if (study.skipped.length === 0) return "";
  return `\n${skippedLines(study).map(terminalText).join("\n")}\n`;
}

function aggregateText(study: Study, flags: StudyFlags): string {
  if (study.aggregate === null) return "";
  const rows: Row[] = [];
  for (const w of study.aggregate.windows) {
    for (const [name, t] of Object.entries(w.tests)) {
      rows.push({
        window: `[${w.window_start}, ${w.window_end}]`,
        "caar_%": Number((100 * w.caar).toFixed(3)),
        n: w.n,
        test: name,
        statistic: t.statistic,
        df: t.df ?? null,
        p_value: t.p_value,
      });
    }
  }
  const events = Math.max(0, ...study.aggregate.windows.map((w) => w.n));
  // one model row per studied pair (a merged study's per-pair building blocks stay in its shards)
  const pairs = study.models.length;
  const merged = events < pairs ? ` (${events} events: statements of an asset sharing day 0 are one event)` : "";
  return `\nAcross ${pairs} (asset, statement) pairs${merged} (CAAR = sum of AARs, in percent; conventions ${flags.conventions}):\n${renderRows(rows, ["window", "caar_%", "n", "test", "statistic", "df", "p_value"], "table")}`;
}

/**
 * The text of the result: the paper table (table, markdown, html, latex) unless `--table` asks
 * for a tidy table; csv is always tidy. The terminal table adds the skipped statements, the
 * cross-event tests and the clustered-statement results.
 */
export function studyText(study: Study, flags: StudyFlags, tally?: NonFiniteTally): string {
  if (flags.format === "csv" || (flags.tableGiven && (flags.format === "table" || flags.format === "markdown"))) return tidy(study, flags, tally);
  const format = flags.format === "table" ? "text" : (flags.format as "markdown" | "html" | "latex");
  let text = studyTable(study, format, { stat: flags.stat, caption: caption(study) });
  const lines = skippedLines(study);
  if (format === "markdown" && lines.length > 0) {
    text += `\n${lines.length} (asset, statement) pair${lines.length === 1 ? " was" : "s were"} skipped (--table skipped lists them):\n\n${lines.map((l) => `- ${escapeMarkdownCell(l)}`).join("\n")}\n`;
  }
  if (format !== "text") return text;
  text += skippedText(study) + aggregateText(study, flags);
  if (flags.method === "dummy") text += regressionText(study);
  text += placeboText(study);
  return text;
}
