/**
 * The sessions a placebo test draws from: every candidate day 0 (windows inside the data, more
 * than h sessions from every real statement) with its CARs computed once, the real statements
 * through the same engine, and the eligible sessions (defined CARs with positive variance).
 * @module
 */
import { MarketReactionError } from "../../../errors.js";
import type { ClusteredData } from "../types.js";
import { windowLabel, type ResolvedEvent } from "../common.js";
import type { ResolvedPlaceboOptions } from "./options.js";
import { pairStatistics, pipelineTable, prefixTable, type PairStatisticsOptions, type SessionTable } from "./tables.js";

/** The CAR tables of the candidate sessions and of the real statements, and the eligible sessions. */
export interface PlaceboSessions {
  readonly table: SessionTable;
  readonly realTable: SessionTable;
  readonly eligible: number[];
  /** True when the fits came from prefix sums (market model, no contamination exclusion). */
  readonly fast: boolean;
}

/**
 * Computes the CAR tables of the candidate sessions and of the real statements.
 * @throws DATE_OUT_OF_RANGE when a real statement's windows run past the data; MISSING_RETURNS
 * when its CAR is undefined; the codes of `fitModel` when it cannot be estimated.
 */
export function placeboSessions(data: ClusteredData, evs: readonly ResolvedEvent[], o: ResolvedPlaceboOptions): PlaceboSessions {
  const n = data.asset.length;
  const { est, spanStart, spanEnd, windows, wIndex } = o;
  // real statements' event spans (for contamination exclusion)
  const contaminated = new Uint8Array(n);
  for (const e of evs) for (let t = Math.max(0, e.index + spanStart); t <= Math.min(n - 1, e.index + spanEnd); t++) contaminated[t] = 1;
  const maskOf = (d: number): Uint8Array | undefined => {
    if (o.contamination === "include") return undefined;
    const m = new Uint8Array(o.estLength);
    for (let j = 0; j < o.estLength; j++) m[j] = contaminated[d + est[0] + j] === 1 ? 0 : 1;
    return m;
  };
  // candidate sessions: windows inside the data, outside ±h of every statement; real ones too
  const lowest = Math.max(-est[0], -spanStart);
  const highest = n - 1 - Math.max(spanEnd, 0);
  const candidates: number[] = [];
  for (let d = lowest; d <= highest; d++) {
    if (evs.some((e) => Math.abs(d - e.index) <= o.h)) continue;
    candidates.push(d);
  }
  const fast = o.engine === "auto" && o.model.type === "market" && o.contamination === "include" && data.market !== undefined;
  const pairOpts: PairStatisticsOptions = { model: o.model, estimation: est, windows, minObs: o.minObs, returnType: o.returnType };
  const computeTable = (ds: readonly number[]): SessionTable =>
    fast ? prefixTable(data, ds, est, windows, o.minObs) : pipelineTable(data, ds, pairOpts, maskOf);
  const table = computeTable(candidates);
  // real statements through the same engine (errors of the pipeline propagate)
  const realTable = computeTable(evs.map((e) => e.index));
  for (const e of evs) {
    if (e.index + est[0] < 0 || e.index + spanEnd >= n) {
      throw new MarketReactionError(
        "DATE_OUT_OF_RANGE",
        `statement ${e.id}: the estimation window ${windowLabel(est)} or the event windows around ${e.iso} run past the data`,
      );
    }
    if (!Number.isFinite(realTable.car[wIndex]![e.index]!)) {
      // re-run the general pipeline to surface the reason
      const mask = maskOf(e.index);
      const p = pairStatistics(data, e.index, mask === undefined ? pairOpts : { ...pairOpts, mask });
      if (!Number.isFinite(p.cars[wIndex]!.car)) {
        throw new MarketReactionError(
          "MISSING_RETURNS",
          `statement ${e.id}: the CAR ${windowLabel(windows[wIndex]!)} is undefined (a missing return in the event window)`,
        );
      }
    }
  }
  const eligible = candidates.filter((d) => windows.every((_, w) => Number.isFinite(table.car[w]![d]!) && table.variance[w]![d]! > 0));
  return { table, realTable, eligible, fast };
}
