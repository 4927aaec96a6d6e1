// Non-synchronous benchmarks: an asset that closes more than an hour before or after its
// benchmark. Synthetic fixtures: the Tokyo index follows the world benchmark one session late
// (fixtures/README.md: R_TOKYO[d] = α + β·L[d] + …, L = the world's return of the NYSE sessions
// that closed before Tokyo opened), and the US index is on the benchmark's clock.
import { linearRegression, sampleCorrelation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { closeGapHours, dayKeyFromIso, eventStudy, getExchange, synchronicityDiagnostics, type MarketEvent } from "../../src/index.js";
import { alignReturns, calendarFromSeries } from "../../src/index.js";
import { readFactorsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { cli } from "../cli/helpers.js";
import { expectClose } from "../golden/expect-close.js";
import { describeWithSharedData, sharedDataDir } from "../helpers/shared-data.js";

const tokyo = readSeriesFileSync("fixtures/daily/synthetic-tokyo.csv").series[0]!;
const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const pause: MarketEvent = { id: "E34", timestamp: "2025-04-09T13:18", timezone: "America/New_York", precision: "minute" };
const tokyoCalendar = calendarFromSeries(tokyo, "XTKS");

describe("close gaps from the exchanges' hours and time zones", () => {
  it("Tokyo (15:30 JST) closes 13.5 h before New York (16:00 EDT) in April 2025, 14.5 h in February (EST), 14 h under the old 15:00 close in July 2024; London 4.5 h", () => {
    expect(closeGapHours(getExchange("XTKS"), getExchange("XNYS"), dayKeyFromIso("2025-04-10"))).toBe(-13.5);
    expect(closeGapHours(getExchange("XTKS"), getExchange("XNYS"), dayKeyFromIso("2025-02-03"))).toBe(-14.5);
    expect(closeGapHours(getExchange("XTKS"), getExchange("XNYS"), dayKeyFromIso("2024-07-01"))).toBe(-14);
    expect(closeGapHours(getExchange("XLON"), getExchange("XNYS"), dayKeyFromIso("2025-04-10"))).toBe(-4.5);
    // the same zone and the same close: 0 without a zone conversion
    expect(closeGapHours(getExchange("XNAS"), getExchange("XNYS"), dayKeyFromIso("2025-04-10"))).toBe(0);
    expect(closeGapHours(getExchange("XNYS"), getExchange("XNYS"), dayKeyFromIso("2025-11-28"))).toBe(0);
    expect(closeGapHours(getExchange("XTKS"), getExchange("XTKS"), dayKeyFromIso("2025-02-03"))).toBe(0);
    expect(closeGapHours(getExchange("XNAS"), getExchange("XNYS"), dayKeyFromIso("2025-04-10"))).toBe(0);
  });
});

describe("an Asian index on a US benchmark", () => {
  it("measures the lag-1 cross-correlation and the β with and without the lead/lag terms", () => {
    const data = alignReturns({ asset: tokyo, market: world, calendar: tokyoCalendar });
    const d = synchronicityDiagnostics(data.asset, data.market!, data.asset.length)!;
    const used: number[] = [];
    for (let i = 1; i + 1 < data.asset.length; i++) {
      if ([data.asset[i], data.market![i - 1], data.market![i], data.market![i + 1]].every((v) => Number.isFinite(v))) used.push(i);
    }
    expect(d.n).toBe(used.length);
    // independent: simple-statistics on the same sessions
    expectClose(
      d.lagCorrelation,
      sampleCorrelation(
        used.map((i) => data.asset[i]!),
        used.map((i) => data.market![i - 1]!),
      ),
      { rtol: 1e-12 },
      "lag-1 correlation",
    );
    expectClose(d.beta, linearRegression(used.map((i) => [data.market![i]!, data.asset[i]!])).m, { rtol: 1e-10 }, "β");
    // the fixture's Tokyo index loads on the lagged world return (β 0.5), not on the same-day one
    expect(d.lagCorrelation).toBeGreaterThan(0.3);
    expect(Math.abs(d.beta)).toBeLessThan(0.2);
    expect(d.dimsonBeta).toBeGreaterThan(0.4);
  });

  it("by default fits such an asset with the Dimson model and says so once, with the numbers; the US index keeps the market model", () => {
    const study = eventStudy({ assets: [tokyo, us], market: world, exchange: { [tokyo.id]: tokyoCalendar }, events: [pause], windows: [[0, 0]] });
    expect(study.models.map((m) => [m.asset, m.model])).toEqual([
      [tokyo.id, "dimson"],
      [us.id, "market"],
    ]);
    const w = study.warnings.filter((x) => x.code === "NON_SYNCHRONOUS_BENCHMARK");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(
      /^synthetic-tokyo \(XTKS\) closes 13\.5 h before its benchmark synthetic-world \(XNYS\) on 2025-04-10: lag-1 cross-correlation 0\.\d\d, β -?0\.\d\d without and 0\.\d\d with the lead\/lag terms \(Dimson\), over \d+ sessions before the event windows; the Dimson model .* is used for it \(--non-synchronous ignore/,
    );
    const dimson = eventStudy({ assets: [tokyo], market: world, exchange: tokyoCalendar, events: [pause], windows: [[0, 0]], model: "dimson" });
    expect(study.car[0]!.car).toBe(dimson.car[0]!.car);
  });

  it("an explicit market model is kept, with the warning naming the remedy; nonSynchronous dimson applies it; ignore keeps the model", () => {
    const market = eventStudy({ assets: [tokyo], market: world, exchange: tokyoCalendar, events: [pause], windows: [[0, 0]], model: "market" });
    expect(market.models[0]!.model).toBe("market");
    expect(market.warnings.find((x) => x.code === "NON_SYNCHRONOUS_BENCHMARK")!.message).toMatch(
      /--non-synchronous dimson \(nonSynchronous: "dimson"\) or --model dimson/,
    );
    const fixed = eventStudy({
      assets: [tokyo],
      market: world,
      exchange: tokyoCalendar,
      events: [pause],
      windows: [[0, 0]],
      model: "market",
      nonSynchronous: "dimson",
    });
    expect(fixed.models[0]!.model).toBe("dimson");
    const kept = eventStudy({ assets: [tokyo], market: world, exchange: tokyoCalendar, events: [pause], windows: [[0, 0]], nonSynchronous: "ignore" });
    expect(kept.models[0]!.model).toBe("market");
    expect(kept.car[0]!.car).toBe(market.car[0]!.car);
  });

  it("a factor model is kept with the warning measured on the market factor; nonSynchronous dimson with it is an error", () => {
    const factors = readFactorsFileSync("fixtures/daily/synthetic-ff-factors.csv");
    const ff3 = eventStudy({ assets: [tokyo], factors, model: "ff3", exchange: tokyoCalendar, events: [pause], windows: [[0, 0]] });
    expect(ff3.models[0]!.model).toBe("ff3");
    const w = ff3.warnings.filter((x) => x.code === "NON_SYNCHRONOUS_BENCHMARK");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(
      /^synthetic-tokyo \(XTKS\) closes 13\.5 h before its benchmark the factor file \(XNYS\) .*; the factor model has no lead\/lag terms: --model dimson with --market BENCHMARK/,
    );
    expect(() => eventStudy({ assets: [tokyo], factors, model: "ff3", exchange: tokyoCalendar, events: [pause], nonSynchronous: "dimson" })).toThrow(
      /nonSynchronous.*factor models have no lead\/lag form/,
    );
    expect(() => eventStudy({ assets: [tokyo], exchange: tokyoCalendar, events: [pause], nonSynchronous: "dimson" })).toThrow(
      /no nonSynchronous without a market or factors/,
    );
  });

  it("a benchmark on the asset's clock (marketExchange) gives no warning; bad values are errors naming the option", () => {
    const same = eventStudy({ assets: [tokyo], market: world, exchange: tokyoCalendar, marketExchange: "XTKS", events: [pause], windows: [[0, 0]] });
    expect(same.warnings.map((x) => x.code)).not.toContain("NON_SYNCHRONOUS_BENCHMARK");
    expect(same.models[0]!.model).toBe("market");
    expect(() => eventStudy({ assets: [tokyo], market: world, events: [pause], nonSynchronous: "lag" as never })).toThrow(/nonSynchronous/);
  });
});

describeWithSharedData("Nikkei 225 on the ACWI ETF, 90-day pause (Tokyo day 0 = 10 April 2025)", () => {
  it("the CLI default uses the Dimson model (AR below the raw move); --model market keeps the market model and warns", async () => {
    const D = sharedDataDir!;
    const base = [
      "study",
      "--prices",
      `${D}/nikkei225_daily_2023_2026.csv`,
      "--market",
      `${D}/etf_acwi_daily_adjclose_2023_2026.csv`,
      "--events",
      `${D}/tariff_events_2025.csv`,
      "--exchange",
      "XTKS",
      "--calendar",
      `${D}/nikkei225_daily_2023_2026.csv`,
      "--window=0,0",
      "--format",
      "json",
    ];
    const run = async (...extra: string[]) =>
      JSON.parse((await cli(...base, ...extra)).stdout) as {
        car: { event_id: string; car: number }[];
        abnormal: { event_id: string; return: number }[];
        models: { event_id: string; model: string }[];
        warnings: { code: string; message: string }[];
      };
    const byDefault = await run();
    const dimson = await run("--model", "dimson");
    const market = await run("--model", "market");
    const car = (s: typeof byDefault) => s.car.find((r) => r.event_id === "E34")!.car;
    const raw = byDefault.abnormal.find((r) => r.event_id === "E34")!.return;
    expect(byDefault.models.find((m) => m.event_id === "E34")!.model).toBe("dimson");
    expect(car(byDefault)).toBe(car(dimson));
    expect(car(market)).toBeGreaterThan(raw); // the misleading number: more than the index's own move
    expect(car(byDefault)).toBeLessThan(raw / 2);
    for (const s of [byDefault, market]) {
      expect(s.warnings.filter((w) => w.code === "NON_SYNCHRONOUS_BENCHMARK")).toHaveLength(1);
    }
    expect(dimson.warnings.map((w) => w.code)).not.toContain("NON_SYNCHRONOUS_BENCHMARK");
  });
});
