/**
 * Clustered event dates in the cross-event tests.
 *
 * (a) Statements of one asset that share day 0 give that asset identical (asset, statement)
 * pairs: the same abnormal returns, the same estimation sample. Testing them as independent
 * events counts one observation several times. By default the cross-event tests take one event
 * per asset and day 0, named after the statements it merges (`E17+E22`); the per-statement
 * tables keep every statement.
 *
 * (b) Pairs of different assets on the same calendar date are cross-sectionally correlated
 * (the whole market moved that day). Tests that treat the pairs as independent (cross-sectional
 * t, Patell, BMP, sign, Wilcoxon, …) then overstate significance; the correlation-adjusted tests
 * (Kolari–Pynnönen adjusted Patell and BMP, which deflate by the mean residual correlation r̄)
 * and the portfolio tests (time-series t, Lamb: their variance comes from the time series of
 * the average abnormal return) stay valid. When the pairs cluster on shared dates, one warning
 * gives the counts and r̄, and those tests are reported first.
 *
 * @module
 */
import type { SAME_DAY0_POLICIES } from "../options/enums.js";
import type { Warning } from "../errors.js";
import { averageResidualCorrelation } from "../inference/cross/correlation.js";
import {
  crossEventTests,
  type Conventions,
  type CrossEvent,
  type CrossEventOptions,
  type DailyRow,
  type PAdjustMethod,
  type TestName,
  type TestResults,
  type WindowRow,
} from "../inference/cross/index.js";
import { isoFromDayKey } from "../time/index.js";
import { checkArrayOf, checkNumber, checkString } from "../check.js";

/** What to do with statements of one asset that share day 0: merge them (default) or keep every pair. */
export type SameDay0Policy = (typeof SAME_DAY0_POLICIES)[number];

/**
 * Tests that stay valid when events cluster on shared calendar dates, in reporting order.
 * @example
 * CLUSTER_ROBUST_TESTS; // => ["adjusted_bmp", "adjusted_patell", "time_series_t", "lamb"]
 */
export const CLUSTER_ROBUST_TESTS: readonly TestName[] = ["adjusted_bmp", "adjusted_patell", "time_series_t", "lamb"];

/** A cross-event input with its day 0 (a day key). */
export interface DatedCrossEvent extends CrossEvent {
  readonly day0: number;
}

/** Result of {@link mergeSameDay0}. */
export interface MergedEvents {
  readonly events: readonly DatedCrossEvent[];
  readonly warnings: readonly Warning[];
}

/**
 * One event per asset and day 0 (`policy: "merge"`), its id the merged statements joined by
 * `+`; one `SAME_DAY0_MERGED` warning per group of statements sharing a day 0, with the counts.
 * With `"keep"` the events are returned as they are and the warning names the duplicates.
 * @example
 * ```ts
 * const fit = { residuals: new Float64Array(0) } as never;
 * const ev = (id: string, asset: string, day0: number) => ({ id, asset, day0, fit, ars: {} as never, estimationDays: new Int32Array(0), eventDays: new Int32Array(0) });
 * const r = mergeSameDay0([ev("E17", "XLK", 20185), ev("E22", "XLK", 20185), ev("E34", "XLK", 20187)], "merge");
 * r.events.map((e) => e.id); // => ["E17+E22", "E34"]
 * r.warnings[0]!.code; // => "SAME_DAY0_MERGED"
 * ```
 */
export function mergeSameDay0(events: readonly DatedCrossEvent[], policy: SameDay0Policy): MergedEvents {
  checkArrayOf("mergeSameDay0", "events", events, { id: "string", asset: "string", day0: "number" });
  checkString("mergeSameDay0", "policy", policy);
  const groups = new Map<string, DatedCrossEvent[]>();
  for (const e of events) {
    const key = `${e.asset}\u0000${e.day0}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [e]);
    else g.push(e);
  }
  // situations: the same statements sharing the same day 0, over however many assets
  const situations = new Map<string, { ids: string[]; day0: number; assets: string[] }>();
  const out: DatedCrossEvent[] = [];
  for (const g of groups.values()) {
    const first = g[0]!;
    if (g.length === 1) {
      out.push(first);
      continue;
    }
    const ids = g.map((e) => e.id);
    const key = `${ids.join("+")}\u0000${first.day0}`;
    const s = situations.get(key);
    if (s === undefined) situations.set(key, { ids, day0: first.day0, assets: [first.asset] });
    else s.assets.push(first.asset);
    if (policy === "merge") out.push({ ...first, id: ids.join("+") });
    else out.push(...g);
  }
  const warnings: Warning[] = [];
  for (const s of situations.values()) {
    const duplicates = (s.ids.length - 1) * s.assets.length;
    const shown = s.assets.slice(0, 5).join(", ") + (s.assets.length > 5 ? ", …" : "");
    const head = `cross-event tests: statements ${s.ids.join(", ")} share day 0 (${isoFromDayKey(s.day0)}) on ${s.assets.length} asset(s) (${shown}), so their pairs have identical abnormal returns`;
    warnings.push({
      code: "SAME_DAY0_MERGED",
      message:
        policy === "merge"
          ? `${head}: merged into one event per asset and day 0, ${s.ids.join("+")} (${duplicates} duplicate pair(s) removed; --same-day0 keep, sameDay0: "keep", tests them separately)`
          : `${head}: kept as ${duplicates} duplicate pair(s) (sameDay0 "keep"), which count one observation ${s.ids.length} times; --same-day0 merge (the default) takes one event per asset and day 0`,
    });
  }
  return { events: out, warnings };
}

/** Measured clustering of the events on calendar dates. */
export interface ClusteringInfo {
  readonly pairs: number;
  /** Pairs whose day 0 is also the day 0 of a pair of another asset. */
  readonly sharedDatePairs: number;
  /** Distinct day-0 dates. */
  readonly dates: number;
  /** Mean pairwise correlation of the estimation residuals (NaN when not computed). */
  readonly rbar: number;
  /** Tests that stay valid under the clustering, in the order they are reported. */
  readonly robustTests: readonly TestName[];
}

/** Largest number of events for which r̄ is computed here (O(N²M)) when no adjusted test asked for it. */
const RBAR_LIMIT = 500;

/**
 * Share of pairs on a calendar date shared with other assets, and r̄; `undefined` when fewer than
 * half of the pairs share a date with another asset's (no clustering to report).
 * @example
 * ```ts
 * const fit = { residuals: Float64Array.of(0.01, -0.02, 0.015, 0.003) } as never;
 * const days = Int32Array.of(1, 2, 3, 4);
 * const ev = (asset: string, day0: number) => ({ id: "E", asset, day0, fit, ars: {} as never, estimationDays: days, eventDays: new Int32Array(0) });
 * const c = clusteringOf([ev("A", 10), ev("B", 10), ev("C", 12)], Number.NaN)!;
 * [c.pairs, c.sharedDatePairs, c.dates, c.rbar]; // => [3, 2, 2, 1]
 * ```
 */
export function clusteringOf(events: readonly DatedCrossEvent[], rbar: number): ClusteringInfo | undefined {
  checkArrayOf("clusteringOf", "events", events, { asset: "string", day0: "number" });
  checkNumber("clusteringOf", "rbar", rbar);
  const assetsOn = new Map<number, Set<string>>();
  for (const e of events) {
    let s = assetsOn.get(e.day0);
    if (s === undefined) assetsOn.set(e.day0, (s = new Set()));
    s.add(e.asset);
  }
  let shared = 0;
  for (const e of events) if (assetsOn.get(e.day0)!.size > 1) shared++;
  if (shared === 0 || 2 * shared < events.length) return undefined;
  let r = rbar;
  if (Number.isNaN(r) && events.length <= RBAR_LIMIT) {
    r = averageResidualCorrelation(events.map((e) => ({ days: e.estimationDays, values: e.fit.residuals }))).rbar;
  }
  return { pairs: events.length, sharedDatePairs: shared, dates: assetsOn.size, rbar: r, robustTests: CLUSTER_ROBUST_TESTS };
}

/** One `CLUSTERED_EVENT_DATES` warning with the counts, r̄ and the tests that stay valid. */
export function clusteringWarning(c: ClusteringInfo, requested: readonly TestName[]): Warning {
  const robust = c.robustTests.filter((t) => requested.includes(t));
  const r = Number.isNaN(c.rbar)
    ? `mean residual correlation r̄ not computed for more than ${RBAR_LIMIT} pairs (the adjusted tests compute it)`
    : `mean residual correlation r̄ = ${c.rbar.toFixed(3)}`;
  const pct = ((100 * c.sharedDatePairs) / c.pairs).toFixed(0);
  return {
    code: "CLUSTERED_EVENT_DATES",
    message:
      `cross-event tests: ${c.sharedDatePairs} of ${c.pairs} pairs (${pct}%) share their day 0 with pairs of other assets (${c.dates} dates); ${r}: ` +
      `tests that treat the pairs as independent overstate significance; valid under this clustering: the correlation-adjusted and portfolio tests (${c.robustTests.join(", ")})` +
      (robust.length > 0 ? `, reported first` : `, none of which was asked for: add them with --tests (tests option)`),
  };
}

/** The tests of a row with the cluster-robust ones first (same objects, new key order). */
export function robustFirst(tests: TestResults): TestResults {
  const out: Record<string, unknown> = {};
  for (const t of CLUSTER_ROBUST_TESTS) if (tests[t] !== undefined) out[t] = tests[t];
  for (const [k, v] of Object.entries(tests)) if (!(k in out)) out[k] = v;
  return out as TestResults;
}

/** Options of {@link clusteredCrossEventTests}: those of `crossEventTests` and the same-day-0 policy. */
export interface ClusteredCrossOptions {
  readonly windows: CrossEventOptions["windows"];
  readonly tests: readonly TestName[];
  readonly conventions: Conventions;
  readonly adjust: PAdjustMethod;
  readonly sameDay0: SameDay0Policy;
}

/**
 * The cross-event tests of a study with clustered dates handled: statements of one asset that
 * share day 0 merged (or kept, by option), the clustering across assets measured, warned about
 * once, and the tests that stay valid under it reported first.
 */
export function clusteredCrossEventTests(
  events: readonly DatedCrossEvent[],
  options: ClusteredCrossOptions,
): { daily: readonly DailyRow[]; windows: readonly WindowRow[]; warnings: Warning[] } {
  const merged = mergeSameDay0(events, options.sameDay0);
  const cross = crossEventTests(merged.events, { windows: options.windows, tests: options.tests, conventions: options.conventions, adjust: options.adjust });
  const warnings: Warning[] = [...merged.warnings, ...cross.warnings];
  const clustering = clusteringOf(merged.events, cross.rbar);
  if (clustering === undefined) return { daily: cross.daily, windows: cross.windows, warnings };
  warnings.push(clusteringWarning(clustering, options.tests));
  return {
    daily: cross.daily.map((d) => ({ ...d, tests: robustFirst(d.tests) })),
    windows: cross.windows.map((w) => ({ ...w, tests: robustFirst(w.tests) })),
    warnings,
  };
}
