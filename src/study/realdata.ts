/**
 * The hooks of `eventStudy` for data from real markets, called once per asset: the start of an
 * asset's returns when an estimation window begins before its first observation (late
 * listings, ./listing.ts) and the model of an asset whose benchmark closes at another instant
 * (non-synchronous benchmarks, ./synchronicity.ts).
 * @module
 */
import type { Exchange, TradingCalendar } from "../calendar/index.js";
import type { Warning } from "../errors.js";
import { modelColumns } from "../models/spec.js";
import type { Series } from "../types.js";
import { lateListingWarning, listingStart, type ListingStart } from "./listing.js";
import type { EventStudyOptions, ResolvedStudyOptions } from "./options.js";
import type { AssetReturns } from "./stages/returns.js";
import { benchmarkExchangeOf, lowerBoundDays, marketExchangeFromRecord, synchronicityDecision, type NonSynchronousPolicy } from "./synchronicity.js";

/** The first session of an asset's returns when its earliest estimation window starts before its data (with one `LATE_LISTING` warning), else `undefined`. */
export function lateListingStart(
  asset: Series,
  calendar: TradingCalendar,
  day0s: readonly number[],
  opts: ResolvedStudyOptions,
  warnings: Warning[],
): ListingStart | undefined {
  const listed = listingStart(calendar, asset, day0s, opts.estimation, opts.windows);
  if (listed === undefined) return undefined;
  warnings.push(lateListingWarning(asset.id, calendar.exchange.code, listed, String(opts.minEstimationObs ?? "half the estimation window")));
  return listed;
}

/**
 * The returns' warnings without the count of missing sessions when it counts exactly the
 * sessions before the listing (`LATE_LISTING` says it, once); any other gap keeps it.
 */
export function withoutListingDuplicate(warnings: readonly Warning[], listed: ListingStart | undefined): readonly Warning[] {
  if (listed === undefined) return warnings;
  return warnings.filter((w) => !(w.code === "MISSING_ASSET_RETURNS" && Number(/^(\d+) sessions? of /.exec(w.message)?.[1]) === listed.preListing));
}

/** The benchmark's clock and the choices that decide the model of a non-synchronous asset. */
export interface BenchmarkClock {
  readonly exchange: Exchange;
  readonly marketId: string | undefined;
  readonly explicitModel: boolean;
  readonly policy: NonSynchronousPolicy | undefined;
}

/** The benchmark's clock: `marketExchange`, else the `exchange` record's entry for the market id, else XNYS. */
export function benchmarkClock(options: EventStudyOptions, market: Series | undefined): BenchmarkClock {
  return {
    exchange: benchmarkExchangeOf(options.marketExchange ?? marketExchangeFromRecord(options.exchange, market?.id)),
    marketId: market?.id,
    explicitModel: options.model !== undefined,
    policy: options.nonSynchronous,
  };
}

/**
 * An asset's returns and options with its model: the study's, or the Dimson model when its
 * close differs from the benchmark's by more than an hour (one `NON_SYNCHRONOUS_BENCHMARK`
 * warning either way, with the measured numbers).
 */
export function synchronizedReturns(
  returns: Extract<AssetReturns, { ok: true }>,
  assetId: string,
  calendar: TradingCalendar,
  day0s: readonly number[],
  clock: BenchmarkClock,
  opts: ResolvedStudyOptions,
  warnings: Warning[],
): { returns: Extract<AssetReturns, { ok: true }>; opts: ResolvedStudyOptions } {
  const { data } = returns;
  const bench = data.market ?? (opts.model.type === "factors" ? returns.columns.factors[0] : undefined);
  if (bench === undefined || day0s.length === 0) return { returns, opts };
  const day = Math.min(...day0s);
  const decision = synchronicityDecision({
    asset: assetId,
    assetExchange: calendar.exchange,
    benchmarkExchange: clock.exchange,
    benchmarkName: data.market !== undefined ? (clock.marketId ?? "the market") : "the factor file",
    day,
    returns: data.asset,
    benchmark: bench,
    end: lowerBoundDays(data.days, day) + Math.min(...opts.windows.map((w) => w[0])),
    model: opts.model,
    explicitModel: clock.explicitModel,
    policy: clock.policy,
  });
  if (decision.warning !== undefined) warnings.push(decision.warning);
  if (decision.model === opts.model) return { returns, opts };
  return { returns: { ...returns, columns: modelColumns(decision.model, data) }, opts: { ...opts, model: decision.model } };
}
