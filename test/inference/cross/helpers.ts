// Builds CrossEvent inputs for the cross-event tests from the synthetic fixtures with the public
// pipeline pieces (fitModel / predictModel / abnormalReturns), market model on WORLD, simple
// returns, estimation offsets [-250, -11], event span [-5, 5].
import { abnormalReturns } from "../../../src/abnormal/index.js";
import type { CrossEvent } from "../../../src/inference/cross/index.js";
import { fitModel, predictModel } from "../../../src/models/index.js";
import { indexOfDay, loadFixtures, returnsOf } from "../../abnormal/helpers.js";

export const SECTORS = ["TECH", "ENERGY", "FIN", "HEALTH", "INDUST", "UTIL"] as const;

function range(a: number, b: number): Int32Array {
  return Int32Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** One CrossEvent per (sector, day 0). `withOffsets` = pass estimationOffsets. */
export function fixtureEvents(day0s: readonly string[], sectors: readonly string[] = SECTORS, withOffsets = true): CrossEvent[] {
  const fx = loadFixtures();
  const market = returnsOf(fx.prices.WORLD!);
  const out: CrossEvent[] = [];
  for (const day of day0s) {
    const d0 = indexOfDay(fx.days, day);
    const est = range(d0 - 250, d0 - 11);
    const span = range(d0 - 5, d0 + 5);
    for (const s of sectors) {
      const data = { asset: returnsOf(fx.prices[s]!), market };
      const fit = fitModel({ type: "market" }, data, est);
      const pred = predictModel(fit, data, span);
      const ars = abnormalReturns(
        fit,
        pred,
        Float64Array.from(span, (i) => data.asset[i]!),
        { start: -5 },
      );
      const ev: CrossEvent = {
        id: `${s} ${day}`,
        asset: s,
        fit,
        ars,
        estimationDays: Int32Array.from(fit.used, (i) => fx.days[i]!),
        eventDays: Int32Array.from(span, (i) => fx.days[i]!),
        ...(withOffsets ? { estimationOffsets: Int32Array.from(fit.used, (i) => i - d0) } : {}),
      };
      out.push(ev);
    }
  }
  return out;
}
