/** Flags of `study` for data from several exchanges: the benchmark's clock and the non-synchronous policy. */
import { exchangeCodes, type NonSynchronousPolicy, type SameDay0Policy } from "market-reaction";
import { choice } from "./args.js";
import { UsageError } from "./context.js";

/** `--market-exchange MIC` and `--non-synchronous dimson|ignore` as `eventStudy` options. */
export function nonSynchronousFlags(marketExchange: string | undefined, policy: string | undefined): { marketExchange?: string; nonSynchronous?: NonSynchronousPolicy } {
  const out: { marketExchange?: string; nonSynchronous?: NonSynchronousPolicy } = {};
  if (marketExchange !== undefined) {
    const code = marketExchange.toUpperCase();
    if (!exchangeCodes().includes(code)) throw new UsageError(`invalid --market-exchange: ${JSON.stringify(marketExchange)}; expected one of ${exchangeCodes().join(", ")}`);
    out.marketExchange = code;
  }
  if (policy !== undefined) out.nonSynchronous = choice("non-synchronous", policy, ["dimson", "ignore"] as const, "dimson");
  return out;
}

/** `--same-day0 merge|keep` as the `eventStudy` option (only with `--tests`). */
export function sameDay0Flag(value: string | undefined, hasTests: boolean): { sameDay0?: SameDay0Policy } {
  if (value === undefined) return {};
  if (!hasTests) throw new UsageError("--same-day0 goes with --tests LIST|all (it chooses how the cross-event tests count statements that share day 0)");
  return { sameDay0: choice("same-day0", value, ["merge", "keep"] as const, "merge") };
}
