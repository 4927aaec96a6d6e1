/**
 * Readable display names for assets whose id is a file stem (`etf_xlk_daily_adj_2023_2026`).
 * @module
 */
import { checkString } from "../../check.js";

/** Words of a file stem that describe the file, not the asset: frequency, adjustment, field. */
const FILE_WORDS = new Set([
  "daily",
  "weekly",
  "monthly",
  "intraday",
  "1min",
  "5min",
  "rth",
  "adj",
  "adjclose",
  "adjusted",
  "close",
  "closes",
  "price",
  "prices",
  "ohlc",
  "ohlcv",
  "data",
]);

/** Leading words naming the kind of instrument (`etf_xlk`, `idx_sp500`). */
const PREFIXES = new Set(["etf", "idx", "index", "fund", "stock"]);

/** A year, a date or a date range: 2023, 20250407, 2023-2026 (split at `_`, `-`, `.`, spaces). */
const isDateWord = (w: string): boolean => /^(19|20)\d{2}(\d{4})?$/.test(w);

/**
 * The name shown for an asset in chart titles, legends and panel headers when the user gave none:
 * for an id that looks like a file stem, the id without years and date ranges, without frequency,
 * adjustment and field words (`daily`, `adj`, `adjclose`, `close`, …) and without a leading
 * instrument word (`etf_`, `idx_`); a single remaining word is upper-cased as a ticker
 * (`SP500`, `XLK`), several words are joined by spaces, words of up to four letters upper-cased
 * and longer ones capitalised (`Nasdaq Composite`). An id with none of these words (`TECH`,
 * `synthetic-us-index`, `S&P 500`) is returned unchanged, as is one with nothing left after them.
 * Only display text: the data keep the asset id.
 *
 * @example
 * readableAssetName("sp500_daily_2023_2026"); // => "SP500"
 * readableAssetName("etf_xlk_daily_adj_2023_2026"); // => "XLK"
 * readableAssetName("nasdaq_composite_daily_2023_2026"); // => "Nasdaq Composite"
 * readableAssetName("synthetic-us-index"); // => "synthetic-us-index"
 */
export function readableAssetName(id: string): string {
  checkString("readableAssetName", "id", id);
  const words = id.split(/[_\-.\s]+/).filter((w) => w !== "");
  let kept = words.filter((w) => !isDateWord(w) && !FILE_WORDS.has(w.toLowerCase()));
  if (kept.length > 1 && PREFIXES.has(kept[0]!.toLowerCase())) kept = kept.slice(1);
  if (kept.length === words.length || kept.length === 0) return id;
  if (kept.length === 1) return kept[0]!.toUpperCase();
  return kept.map((w) => (w.length <= 4 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join(" ");
}
