/**
 * The stratum each real statement's pseudo-dates are drawn from: all eligible sessions, those of
 * its calendar quarter, or those of its tercile of trailing volatility; and the checks that each
 * stratum can supply the dates a draw needs.
 * @module
 */
import { MarketReactionError, invalidOption, type Warning } from "../../../errors.js";
import { civilDate, isoFromDayKey } from "../../../time/index.js";
import type { ResolvedEvent } from "../common.js";
import type { ClusteredData } from "../types.js";
import { finiteSd } from "../volatility.js";
import { quantile7 } from "../../../stats/quantile.js";
import type { ResolvedPlaceboOptions } from "./options.js";

/** The sessions one statement's pseudo-dates come from. */
export interface Stratum {
  readonly key: string;
  readonly label: string;
  readonly sessions: Int32Array;
}

/**
 * One stratum per real statement under the regime.
 * @throws INVALID_OPTION (regime) when a statement has too few trailing returns for its volatility.
 */
export function placeboStrata(
  data: ClusteredData,
  evs: readonly ResolvedEvent[],
  eligible: readonly number[],
  o: Pick<ResolvedPlaceboOptions, "regime" | "volWindow">,
): Stratum[] {
  const strata: Stratum[] = [];
  const { regime, volWindow } = o;
  if (regime === "none") {
    const all = Int32Array.from(eligible);
    for (let j = 0; j < evs.length; j++) strata.push({ key: "all", label: "all eligible sessions", sessions: all });
  } else if (regime === "quarter") {
    const quarterOf = (d: number): string => {
      const c = civilDate(data.days[d]!);
      return `${c.year}-Q${Math.floor((c.month - 1) / 3) + 1}`;
    };
    for (const e of evs) {
      const q = quarterOf(e.index);
      strata.push({ key: q, label: `quarter ${q}`, sessions: Int32Array.from(eligible.filter((d) => quarterOf(d) === q)) });
    }
  } else {
    const vol = (d: number): number => {
      const r = finiteSd(data.asset, d - volWindow, d);
      return r.m >= Math.ceil(volWindow / 2) ? r.sd : Number.NaN;
    };
    const vols = eligible.map(vol);
    const sorted = Float64Array.from(vols.filter(Number.isFinite)).sort();
    const c1 = quantile7(sorted, 1 / 3);
    const c2 = quantile7(sorted, 2 / 3);
    const tercile = (v: number): number => (!Number.isFinite(v) ? -1 : v <= c1 ? 0 : v <= c2 ? 1 : 2);
    const names = ["low", "middle", "high"];
    for (const e of evs) {
      const v = vol(e.index);
      const t = tercile(v);
      if (t < 0) invalidOption("regime", regime, `statement ${e.id} has fewer than ${Math.ceil(volWindow / 2)} returns in its ${volWindow} trailing sessions`);
      strata.push({
        key: String(t),
        label: `${names[t]} tercile of ${volWindow}-session trailing volatility (statement ${(100 * v).toFixed(3)}%; cut points ${(100 * c1).toFixed(3)}%, ${(100 * c2).toFixed(3)}%)`,
        sessions: Int32Array.from(eligible.filter((_, i) => tercile(vols[i]!) === t)),
      });
    }
  }
  return strata;
}

/**
 * Checks that each used statement's stratum has enough sessions for distinct dates
 * (`SMALL_ELIGIBLE_SET` under 20), and warns of used statements sharing a day 0 (`DUPLICATE_DAY0`).
 * @throws INSUFFICIENT_DATA when a stratum has fewer sessions than the statements drawn from it.
 */
export function checkStrata(
  data: ClusteredData,
  evs: readonly ResolvedEvent[],
  usedEvents: readonly number[],
  strata: readonly Stratum[],
  warnings: Warning[],
): void {
  for (const j of usedEvents) {
    const same = usedEvents.filter((i) => strata[i]!.key === strata[j]!.key).length;
    if (strata[j]!.sessions.length < same) {
      throw new MarketReactionError(
        "INSUFFICIENT_DATA",
        `placebo: the eligible set for statement ${evs[j]!.id} (${strata[j]!.label}) has ${strata[j]!.sessions.length} sessions; at least ${same} are needed: widen it with a smaller exclude (placebo.exclude), regime "none" (command line: --regime none), a shorter estimation window or longer data`,
      );
    }
    if (strata[j]!.sessions.length < 20) {
      warnings.push({
        code: "SMALL_ELIGIBLE_SET",
        message: `placebo: only ${strata[j]!.sessions.length} eligible sessions for statement ${evs[j]!.id} (${strata[j]!.label}); the null distribution repeats few dates`,
        event_id: evs[j]!.id,
      });
    }
  }
  const dup = new Map<number, string[]>();
  for (const j of usedEvents) dup.set(evs[j]!.index, [...(dup.get(evs[j]!.index) ?? []), evs[j]!.id]);
  for (const [d, ids] of dup) {
    if (ids.length > 1) {
      warnings.push({
        code: "DUPLICATE_DAY0",
        message: `statements ${ids.join(", ")} share day 0 ${isoFromDayKey(data.days[d]!)}: their CARs are identical and count ${ids.length} times in the statistic, while pseudo-dates are drawn distinct`,
      });
    }
  }
}
