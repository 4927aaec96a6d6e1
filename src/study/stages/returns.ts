/**
 * Stage 3 of `eventStudy`, returns: an asset's returns on its own calendar (the benchmark and
 * factors mapped onto the same sessions) and the model's data columns over them.
 * @module
 */
import type { TradingCalendar } from "../../calendar/index.js";
import { isMarketReactionError, type MarketReactionError, type Warning } from "../../errors.js";
import type { RegressorCache } from "../../models/regressorCache.js";
import { modelColumns, type ModelColumns } from "../../models/spec.js";
import type { AlignReturnsOptions, AlignedReturns, FactorColumns } from "../../returns/index.js";
import { alignReturnsWith, type BenchmarkMemo } from "../../returns/align.js";
import type { Series } from "../../types.js";
import { modelNeedsFactors, modelNeedsMarket, type ResolvedStudyOptions } from "../options.js";

/**
 * An asset's returns and the model's columns over its sessions, or the error that stopped them
 * (with the warnings met before it).
 */
export type AssetReturns =
  | { readonly ok: true; readonly data: AlignedReturns; readonly columns: ModelColumns; readonly warnings: readonly Warning[] }
  | { readonly ok: false; readonly error: MarketReactionError; readonly warnings: readonly Warning[] };

/**
 * Returns of one asset on its calendar, with the benchmark (when the model needs it) and the
 * factors (for a factor model), and the model's columns, resolved and checked once per asset.
 * `memo` maps the benchmark once per span of sessions for all the assets that share it, and
 * `regressors` (when given) keeps the market's side of the market model's fits for the assets
 * after the first (the columns it serves must not change while it lives).
 * A MarketReactionError on the way (returns that cannot be computed, a model the data cannot
 * feed) is returned, for the caller to skip the asset's statements with it; other errors propagate.
 */
export function assetReturns(
  asset: Series,
  market: Series | undefined,
  factors: FactorColumns | undefined,
  calendar: TradingCalendar,
  opts: Pick<ResolvedStudyOptions, "model" | "returnType">,
  memo: BenchmarkMemo,
  from?: number,
  regressors?: RegressorCache,
): AssetReturns {
  let data: AlignedReturns;
  try {
    data = alignReturnsWith(alignOptions(asset, market, factors, calendar, opts, from), memo);
  } catch (error) {
    if (!isMarketReactionError(error)) throw error;
    return { ok: false, error, warnings: [] };
  }
  const warnings = [...data.warnings];
  const thin = thinTradingWarning(asset.id, calendar.exchange.code, data.asset);
  if (thin !== undefined) warnings.push(thin);
  try {
    const columns = modelColumns(opts.model, data);
    return { ok: true, data, columns: regressors === undefined ? columns : { ...columns, regressors }, warnings };
  } catch (error) {
    if (!isMarketReactionError(error)) throw error;
    return { ok: false, error, warnings };
  }
}

/** The aligner's options for one asset (built field by field: this runs once per asset). */
function alignOptions(
  asset: Series,
  market: Series | undefined,
  factors: FactorColumns | undefined,
  calendar: TradingCalendar,
  opts: Pick<ResolvedStudyOptions, "model" | "returnType">,
  from: number | undefined,
): AlignReturnsOptions {
  const o: { -readonly [K in keyof AlignReturnsOptions]: AlignReturnsOptions[K] } = { asset, calendar, returnType: opts.returnType };
  if (market !== undefined && modelNeedsMarket(opts.model)) o.market = market;
  if (factors !== undefined && modelNeedsFactors(opts.model)) o.factors = factors;
  if (from !== undefined) o.from = from;
  return o;
}

/** Share of sessions with an exactly unchanged price above which a series counts as thinly traded. */
const THIN_TRADING_SHARE = 0.1;

/**
 * `THIN_TRADING` when at least 10% (and 5) of an asset's returns are exactly zero: stale prices
 * bias market-model betas towards zero; the Scholes-Williams and Dimson models correct for it.
 */
export function thinTradingWarning(asset: string, exchange: string, returns: Float64Array): Warning | undefined {
  let zeros = 0;
  let finite = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (!Number.isFinite(r)) continue;
    finite++;
    if (r === 0) zeros++;
  }
  if (zeros < 5 || zeros < THIN_TRADING_SHARE * finite) return undefined;
  return {
    code: "THIN_TRADING",
    message: `${asset}: ${zeros} of ${finite} returns (${((100 * zeros) / finite).toFixed(1)}%) are exactly zero (unchanged prices): the series looks thinly traded, which biases market-model betas towards zero; consider the scholes-williams or dimson model`,
    asset,
    exchange,
  };
}
