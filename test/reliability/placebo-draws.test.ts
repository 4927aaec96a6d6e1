/**
 * Issue 17, class 5: placebo draws bounded by the distinct pseudo-date sets the data allow.
 */
import { describe, expect, it } from "vitest";
import { eventStudy, isoFromDayKey, placeboTest, type MarketEvent } from "market-reaction";
import { marketPair, sessions } from "./helpers.js";

const days = sessions("2024-01-02", 200);
const market = Float64Array.from(days, (_, i) => 0.01 * Math.sin(i) + 0.004 * Math.cos(3.1 * i));
// beta 1.1, a small idiosyncratic term and 5% on the statement's session
const shock = 170;
const asset = market.map((m, i) => 1.1 * m + 0.003 * Math.cos(5 * i) + (i === shock ? 0.05 : 0));
const data = { days, asset, market };
const base = {
  model: { type: "market" as const },
  estimation: [-60, -11] as [number, number],
  windows: [[0, 0]] as [number, number][],
  regime: "none" as const,
};

describe("placebo draws against the distinct pseudo-date sets", () => {
  it("one statement: more draws than eligible sessions is PLACEBO_DRAWS_REPEAT with N, 1/(N+1) and the remedy", () => {
    const events = [{ id: "E1", day0: isoFromDayKey(days[shock]!) }];
    const few = placeboTest(data, events, { ...base, seed: 1, draws: 20 });
    const N = few.eligible.size;
    expect(N).toBeGreaterThan(20);
    expect(few.warnings.map((w) => w.code)).not.toContain("PLACEBO_DRAWS_REPEAT");
    expect(placeboTest(data, events, { ...base, seed: 1, draws: N }).warnings.map((w) => w.code)).not.toContain("PLACEBO_DRAWS_REPEAT");
    const many = placeboTest(data, events, { ...base, seed: 1, draws: 999 });
    // the shock is the most extreme CAR: p = 1/(B + 1), below what N dates can support
    expect(many.p_value).toBe(1 / 1000);
    const w = many.warnings.find((x) => x.code === "PLACEBO_DRAWS_REPEAT");
    const floor = (1 / (N + 1)).toPrecision(3);
    expect(w?.message).toBe(
      `placebo: 999 draws but only ${N} distinct pseudo-date sets are possible on these data, so draws repeat sets ` +
        `and no p-value below 1/${N + 1} = ${floor} is supported; the reported p-value 0.00100 is below that floor; ` +
        `give at most ${N} draws (option placebo.draws / draws; command line: --placebo B) or widen the eligible set (longer data, placebo.exclude, regime "none" / --regime none)`,
    );
  });

  it("two statements drawn independently from one stratum: the sets are C(N, 2), so 999 draws are far fewer", () => {
    const events = [
      { id: "E1", day0: isoFromDayKey(days[shock]!) },
      { id: "E2", day0: isoFromDayKey(days[shock - 30]!) },
    ];
    const r = placeboTest(data, events, { ...base, seed: 2, draws: 999, spacing: "independent" });
    const N = r.eligible.size;
    expect((N * (N - 1)) / 2).toBeGreaterThan(999);
    expect(r.warnings.map((w) => w.code)).not.toContain("PLACEBO_DRAWS_REPEAT");
    // keeping the spacing leaves one anchor per draw: at most N sets
    const kept = placeboTest(data, events, { ...base, seed: 2, draws: 999, spacing: "keep" });
    expect(kept.warnings.find((w) => w.code === "PLACEBO_DRAWS_REPEAT")?.message).toMatch(
      new RegExp(`^placebo: 999 draws but only ${kept.eligible.size} distinct pseudo-date sets`),
    );
  });

  it("eventStudy's placebo carries the warning into the study's warnings", () => {
    const pair = marketPair(7, sessions("2024-01-02", 200));
    const events: MarketEvent[] = [{ id: "E1", timestamp: "2024-09-03T12:00", timezone: "America/New_York", precision: "minute" }];
    const study = eventStudy({ assets: [pair.asset], market: pair.market, events, estimation: [-60, -11], placebo: { seed: 3, draws: 5000, regime: "none" } });
    expect(study.warnings.find((w) => w.code === "PLACEBO_DRAWS_REPEAT")?.message).toMatch(/^placebo: 5000 draws but only \d+ distinct pseudo-date sets/);
  });

  it("an exclusion band that leaves no eligible session is INSUFFICIENT_DATA naming the options that widen the set", () => {
    const events = [{ id: "E1", day0: isoFromDayKey(days[shock]!) }];
    expect(() => placeboTest(data, events, { ...base, seed: 1, draws: 99, exclude: 500 })).toThrow(
      /^placebo: the eligible set for statement E1 \(.*\) has 0 sessions; at least 1 are needed: widen it with a smaller exclude \(placebo\.exclude\), regime "none" \(command line: --regime none\), a shorter estimation window or longer data$/,
    );
  });
});
