/**
 * The study's windows bounded by the data: windows that no studied series is long enough to
 * hold are an error naming the option, not a study whose every pair is skipped.
 * @module
 */
import type { TradingCalendar } from "../../calendar/index.js";
import { normalizeWindows } from "../../calendar/windows.js";
import { invalidOption } from "../../errors.js";
import { lowerBound } from "../../time/dayKey.js";
import type { Series } from "../../types.js";
import type { ResolvedStudyOptions } from "../options.js";

const signed = (k: number): string => (k > 0 ? `+${k}` : String(k));

/** The sessions of `calendar` from a series' first to its last dated row: at least its returns. */
function sessionsSpanned(s: Series, calendar: TradingCalendar): number {
  if (s.days.length === 0) return 0;
  let lo = s.days[0]!;
  let hi = lo;
  for (let i = 1; i < s.days.length; i++) {
    const d = s.days[i]!;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  return lowerBound(calendar.days, hi + 1) - lowerBound(calendar.days, lo);
}

/**
 * Every pair needs its event windows on sessions of the asset's data, and before them, inside
 * the estimation window, at least `minEstimationObs` returns (by default half the window): from
 * the `minEstimationObs`-th session before the estimation window's end to the last event
 * window's end. When that is longer than the sessions any studied series spans on its
 * exchange's calendar (from its first to its last dated row), no pair can be studied.
 * @throws INVALID_OPTION naming `windows` (`--window`) when the event windows alone are too
 *   long, else `estimation` (`--estimation`, `--min-estimation`), with the numbers and the longest series.
 */
export function checkWindowsFitData(
  assets: readonly Series[],
  calendarOf: ReadonlyMap<string, TradingCalendar>,
  opts: Pick<ResolvedStudyOptions, "estimation" | "windows" | "minEstimationObs">,
): void {
  let longest: { id: string; sessions: number } | undefined;
  // the span depends on the days and the calendar only: once per day array (assets often share one)
  const spanned = new Map<Int32Array, { calendar: TradingCalendar; sessions: number }>();
  for (const s of assets) {
    const calendar = calendarOf.get(s.id);
    if (calendar === undefined) return; // not aligned: nothing to bound by
    let known = spanned.get(s.days);
    if (known === undefined || known.calendar !== calendar) {
      known = { calendar, sessions: sessionsSpanned(s, calendar) };
      spanned.set(s.days, known);
    }
    const sessions = known.sessions;
    if (longest === undefined || sessions > longest.sessions) longest = { id: s.id, sessions };
  }
  if (longest === undefined) return;
  const norm = normalizeWindows({ estimation: opts.estimation, windows: opts.windows });
  const [first, last] = norm.eventSpan;
  const of = `the longest series (${longest.id}) spans ${longest.sessions} sessions`;
  if (last - first + 1 > longest.sessions) {
    invalidOption(
      "windows",
      norm.windows,
      `event windows that fit the data: they span ${last - first + 1} sessions (${signed(first)} to ${signed(last)} around day 0), but ${of}; use shorter windows (command line: --window) or longer data`,
    );
  }
  const est = norm.estimation;
  if (est === undefined) return;
  const given = opts.minEstimationObs !== undefined;
  const minObs = opts.minEstimationObs ?? Math.max(Math.ceil((est[1] - est[0] + 1) / 2), 3);
  const need = last - est[1] + minObs;
  if (need > longest.sessions) {
    invalidOption(
      "estimation",
      est,
      `an estimation window that fits the data: ${minObs} estimation returns (minEstimationObs${given ? "" : ", by default half the window"}) ` +
        `and the ${last - est[1]} sessions after the window up to the last event window's end need ${need} sessions, but ${of}; ` +
        "use a shorter estimation window (command line: --estimation), a smaller minEstimationObs (--min-estimation) or longer data",
    );
  }
}
