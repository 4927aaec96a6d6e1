/**
 * The enumerated flags of the CLI, each with its list of values written once: the flags that set
 * a library option read the library's option enumerations (`src/options/enums.ts`, the lists the
 * option schemas use), the CLI's own flags are listed here. `choice()` checks a flag against its
 * list and the help texts print the same list.
 */
import {
  ADJUST_METHODS,
  CONTAMINATION_POLICIES,
  CONVENTION_PROFILES,
  DATE_FORMATS,
  FACTOR_UNITS,
  DUMMY_SPECIFICATIONS,
  INTRADAY_MODELS,
  INTRADAY_REFERENCES,
  NON_SYNCHRONOUS_POLICIES,
  NON_TRADING_POLICIES,
  PLACEBO_REGIMES,
  RETURN_TYPES,
  SAME_DAY0_POLICIES,
} from "../options/enums.js";

/** Output formats of the row-table commands (`align`, `calendar`, `intraday`). */
export const ROW_FORMATS = ["table", "markdown", "csv", "json"] as const;

/** The enumerated flags of `study`. */
export const STUDY_CHOICES = {
  "return-type": RETURN_TYPES,
  "non-trading": NON_TRADING_POLICIES,
  contamination: CONTAMINATION_POLICIES,
  "non-synchronous": NON_SYNCHRONOUS_POLICIES,
  "same-day0": SAME_DAY0_POLICIES,
  conventions: CONVENTION_PROFILES,
  adjust: ADJUST_METHODS,
  dummies: DUMMY_SPECIFICATIONS,
  regime: PLACEBO_REGIMES,
  method: ["standard", "dummy"],
  format: ["table", "markdown", "html", "latex", "csv", "json"],
  table: ["car", "abnormal", "models", "events", "skipped", "warnings", "regression", "regression_car", "wald", "volume", "volatility", "range"],
  stat: ["t", "p"],
  "plot-type": ["car", "ar", "timeline"],
  "factor-unit": FACTOR_UNITS,
  /** Without `auto`: the CLI detects the format when the flag is not given. */
  "date-format": DATE_FORMATS.filter((f) => f !== "auto") as readonly Exclude<(typeof DATE_FORMATS)[number], "auto">[],
} as const;

/** The enumerated flags of `intraday`. */
export const INTRADAY_CHOICES = {
  model: INTRADAY_MODELS,
  reference: INTRADAY_REFERENCES,
  format: ROW_FORMATS,
} as const;

/** The enumerated flags of `align`. */
export const ALIGN_CHOICES = {
  "non-trading": NON_TRADING_POLICIES,
  format: ROW_FORMATS,
} as const;

/** `a | b | c`: a flag's values in a help line. */
export function choiceList(values: readonly string[]): string {
  return values.join(" | ");
}

/**
 * A flag's values for a help line, `a | b | c`, wrapped before `width` characters; continuation
 * lines are indented to the help's description column.
 */
export function helpChoices(values: readonly string[], width = 66, indent = 25): string {
  const lines: string[] = [];
  let line = "";
  for (const v of values) {
    const next = line === "" ? v : `${line} | ${v}`;
    if (next.length > width && line !== "") {
      lines.push(`${line} |`);
      line = v;
    } else line = next;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}
