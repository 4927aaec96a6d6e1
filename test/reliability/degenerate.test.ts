/**
 * Issue 17, class 3: fits whose residual variance is rounding noise are skipped with a reason,
 * never reported with a t statistic. Near-zero relative to the returns' own size, not only
 * exactly zero.
 */
import { describe, expect, it } from "vitest";
import { eventStudy, type MarketEvent, type Series } from "market-reaction";
import { marketPair, sessions } from "./helpers.js";

const days = sessions("2024-01-02", 300);
const events: MarketEvent[] = [{ id: "E1", timestamp: "2025-01-15T12:00", timezone: "America/New_York", precision: "minute" }];
const study = (asset: Series, market?: Series, model?: "market" | "constant-mean" | "market-adjusted") =>
  eventStudy({
    assets: [asset],
    ...(market === undefined ? {} : { market }),
    events,
    estimation: [-120, -11],
    windows: [
      [0, 0],
      [-1, 1],
    ],
    ...(model === undefined ? {} : { model }),
  });

describe("degenerate fits", () => {
  it("a price growing at a constant rate (σ of rounding noise) is skipped with SINGULAR_DESIGN, not reported significant", () => {
    const values = Float64Array.from(days, (_, i) => 100 * 1.001 ** i);
    const asset: Series = { id: "GROW", kind: "price", days, values };
    const r = (() => {
      try {
        return study(asset);
      } catch (e) {
        return e as Error & { code?: string; issues?: { message: string }[] };
      }
    })();
    expect(r).toBeInstanceOf(Error);
    const err = r as Error & { code: string; issues: { message: string }[] };
    expect(err.code).toBe("NO_VALID_EVENTS");
    expect(err.issues[0]!.message).toMatch(/SINGULAR_DESIGN: .*residual standard deviation .* rounding noise/);
  });

  it("an asset equal to 2 × the market (a perfect market-model fit) is skipped", () => {
    const { market } = marketPair(3, days);
    const mret = new Float64Array(days.length);
    const values = new Float64Array(days.length);
    values[0] = 50;
    for (let i = 1; i < days.length; i++) {
      mret[i] = market.values[i]! / market.values[i - 1]! - 1;
      values[i] = values[i - 1]! * (1 + 0.0002 + 2 * mret[i]!);
    }
    const asset: Series = { id: "LEV", kind: "price", days, values };
    expect(() => study(asset, market, "market")).toThrow(/rounding noise/);
  });

  it("a real fit with small but genuine noise (1e-6 of the returns) is still studied", () => {
    const { market, asset } = marketPair(5, days, { sigma: 1e-8, sigmaM: 0.01 });
    const s = study(asset, market, "market");
    expect(s.car).toHaveLength(2);
    expect(s.skipped).toHaveLength(0);
  });
});
