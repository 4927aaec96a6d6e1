/** Flags of `study` for data from several exchanges: the benchmark's clock and the non-synchronous policy. */
import { exchangeCodes, type NonSynchronousPolicy } from "market-reaction";
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
