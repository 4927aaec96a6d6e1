/** Flags of `study` for data from several exchanges: the benchmark's clock and the non-synchronous policy. */
import {
  exchangeCodes,
  isMarketReactionError,
  MarketReactionError,
  type DateFormat,
  type NonSynchronousPolicy,
  type SameDay0Policy,
  type SeriesTable,
} from "market-reaction";
import { choice } from "./args.js";
import { STUDY_CHOICES } from "./choices.js";
import { UsageError } from "./context.js";

/** `--market-exchange MIC` and `--non-synchronous dimson|ignore` as `eventStudy` options. */
export function nonSynchronousFlags(
  marketExchange: string | undefined,
  policy: string | undefined,
): { marketExchange?: string; nonSynchronous?: NonSynchronousPolicy } {
  const out: { marketExchange?: string; nonSynchronous?: NonSynchronousPolicy } = {};
  if (marketExchange !== undefined) {
    const code = marketExchange.toUpperCase();
    if (!exchangeCodes().includes(code))
      throw new UsageError(`invalid --market-exchange: ${JSON.stringify(marketExchange)}; expected one of ${exchangeCodes().join(", ")}`);
    out.marketExchange = code;
  }
  if (policy !== undefined) out.nonSynchronous = choice("non-synchronous", policy, STUDY_CHOICES["non-synchronous"], "dimson");
  return out;
}

/** `--same-day0 merge|keep` as the `eventStudy` option (only with `--tests`). */
export function sameDay0Flag(value: string | undefined, hasTests: boolean): { sameDay0?: SameDay0Policy } {
  if (value === undefined) return {};
  if (!hasTests) throw new UsageError("--same-day0 goes with --tests LIST|all (it chooses how the cross-event tests count statements that share day 0)");
  return { sameDay0: choice("same-day0", value, STUDY_CHOICES["same-day0"], "merge") };
}

/** `--date-format FMT` for the series files. */
export function dateFormatFlag(value: string | undefined): DateFormat | undefined {
  if (value === undefined) return undefined;
  return choice<DateFormat>("date-format", value, STUDY_CHOICES["date-format"], "YYYY-MM-DD");
}

/** True when a reader's error says a price column holds negative values (returns read as prices). */
function negativePrices(error: unknown): boolean {
  return (
    isMarketReactionError(error) &&
    error.code === "INVALID_INPUT" &&
    error.issues.some((i) => /price must be positive, got -|^values look like returns$/.test(i.message))
  );
}

/**
 * Reads a series file as prices; when it holds negative values (returns read as prices), the
 * error says how to load it: `--returns FILE --market ID` for a benchmark, `--returns FILE` for assets.
 */
export async function readPricesWithHint(
  file: string,
  role: "market" | "prices",
  read: (values: "price" | "return") => Promise<SeriesTable>,
): Promise<SeriesTable> {
  try {
    return await read("price");
  } catch (error) {
    if (!negativePrices(error)) throw error;
    const e = error as MarketReactionError;
    let ids = "ID";
    try {
      ids = (await read("return")).series.map((s) => s.id).join(",");
    } catch {
      // not readable as returns either: keep the generic hint
    }
    const hint = role === "market" ? `--returns ${file} --market ${ids.split(",")[0]}` : `--returns ${file}`;
    const [first, ...rest] = e.message.split("\n");
    const message = [`${first}: the file holds negative values, so it looks like returns, not prices; load it with ${hint}`, ...rest].join("\n");
    throw new MarketReactionError(e.code, message, e.issues, { cause: e });
  }
}
