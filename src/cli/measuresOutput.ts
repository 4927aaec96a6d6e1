/** The output of `study --levels` / `--measure`: rows with their measure and unit, and the measure tables. */
import { columnsOf, type Study } from "market-reaction";
import { measureJson, withUnits, type MeasureOutput } from "./measures.js";
import { type NonFiniteTally, renderRows, tallyInfinite, toJsonText } from "./output.js";
import type { StudyFlags } from "./studyFlags.js";

const CAR_COLUMNS = ["event_id", "asset", "day0", "window_start", "window_end", "car", "se", "t", "p_value", "sq_p_value", "measure", "unit"];

/** The JSON of a study, with `measure`/`unit` on its rows and `measures` when levels or measures were asked for. */
export function measureJsonText(study: Study, extra: MeasureOutput, warnings: unknown, tally?: NonFiniteTally): string {
  const json = study.toJSON();
  const value = extra.active ? { ...json, ...measureJson(json, extra), warnings } : { ...json, warnings };
  return toJsonText(tally === undefined ? value : tallyInfinite(value, tally));
}

/**
 * The text of a study with levels or measures (`undefined` otherwise: the usual output). The
 * paper table is in percent, so level series and measures are shown as tidy rows in their unit:
 * `--table volume|volatility` gives those rows; the terminal table gives the CARs (returns or
 * changes, when asked for) and then the volume and volatility tables.
 */
export function measureText(study: Study, flags: StudyFlags, extra: MeasureOutput, tally?: NonFiniteTally): string | undefined {
  if (!extra.active) return undefined;
  const format = flags.format === "csv" || flags.format === "markdown" ? flags.format : "table";
  if (flags.measureTable !== undefined) {
    const rows = (flags.measureTable === "volume" ? extra.volume : flags.measureTable === "range" ? extra.range : extra.volatility) ?? [];
    return renderRows(rows, columnsOf(rows), format, tally);
  }
  if (flags.tableGiven && (flags.table === "car" || flags.table === "abnormal")) {
    const rows = withUnits(study.toRows(flags.table) as object[], extra.units);
    return renderRows(rows, columnsOf(rows), format, tally);
  }
  if (flags.tableGiven) return undefined;
  let text =
    flags.measures.includes("returns") || flags.measures.includes("changes") ? renderRows(withUnits(study.car, extra.units), CAR_COLUMNS, format, tally) : "";
  if (extra.volume !== undefined) {
    text += `\nAbnormal log volume (ln(V + 1); ${String(extra.volume[0]?.model ?? "mean-adjusted")} model; windows cumulated with the full covariance; Wilcoxon rank-sum):\n`;
    text += renderRows(
      extra.volume,
      ["event_id", "asset", "window_start", "window_end", "abnormal", "se", "t", "p_value", "rank_p_value", "unit"],
      format,
      tally,
    );
  }
  if (extra.volatility !== undefined) {
    text += `\nAbnormal volatility (W = AR'Ω⁻¹AR/(L s²) ~ F(L, M − k)):\n`;
    text += renderRows(
      extra.volatility,
      ["event_id", "asset", "window_start", "window_end", "statistic", "mean_ratio", "df1", "df2", "p_value"],
      format,
      tally,
    );
  }
  if (extra.range !== undefined) {
    text += `\nRange-based volatility (daily range variance / estimation-window mean; t of its log, Student t M − 1):\n`;
    text += renderRows(extra.range, ["estimator", "event_id", "asset", "rel_day", "ratio", "t", "p_value", "df"], format, tally);
  }
  return text;
}
