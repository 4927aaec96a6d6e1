/**
 * Synthetic data for the stage tests: a market with a known path and assets with known betas on
 * the NYSE sessions of 2024-06 to 2025-06, and statements in April 2025.
 */
import { dayKeyFromIso, nyseTradingDays, tradingCalendar, type MarketEvent, type Series } from "../../../src/index.js";
import { resolveStudyOptions, type EventStudyOptions, type ResolvedStudyOptions } from "../../../src/study/options.js";
import { alignReturnsWith } from "../../../src/returns/align.js";
import { modelColumns } from "../../../src/models/spec.js";

export const days = nyseTradingDays(dayKeyFromIso("2024-06-03"), dayKeyFromIso("2025-06-30"));
const marketValues = Float64Array.from(days, (_d, i) => 0.01 * Math.sin(0.7 * i) + 0.002 * Math.cos(2.3 * i));
export const market: Series = { id: "MKT", kind: "return", days, values: marketValues };

/** An asset with returns beta × market + a deterministic wobble (+ `jump` on `jumpDay`). */
export function asset(id: string, beta: number, jumpDay?: string, jump = 0): Series {
  const jumpKey = jumpDay === undefined ? -1 : dayKeyFromIso(jumpDay);
  return {
    id,
    kind: "return",
    days,
    values: Float64Array.from(days, (d, i) => beta * marketValues[i]! + 0.003 * Math.sin(1.9 * i + beta) + (d === jumpKey ? jump : 0)),
  };
}

export const statement = (id: string, timestamp: string, extra: Partial<MarketEvent> = {}): MarketEvent => ({
  id,
  timestamp,
  timezone: "America/New_York",
  precision: "minute",
  ...extra,
});

export const statements: MarketEvent[] = [statement("E1", "2025-04-07T10:00"), statement("E2", "2025-04-09T13:18"), statement("E3", "2025-04-24T12:00")];

export function resolved(options: Partial<EventStudyOptions> = {}): ResolvedStudyOptions {
  return resolveStudyOptions({ assets: [asset("A", 1)], market, events: statements, estimation: [-120, -11], ...options } as EventStudyOptions);
}

/** An asset's returns on the NYSE calendar with the market and the model's columns. */
export function assetData(a: Series, opts: ResolvedStudyOptions = resolved()) {
  const data = alignReturnsWith({ asset: a, market, calendar: tradingCalendar("XNYS"), returnType: opts.returnType }, new Map());
  return { data, columns: modelColumns(opts.model, data) };
}
