// Validation of the cross-event tests on estudy2's bundled data (../shared/data/estudy2, read
// only): seven US stocks and the S&P 500, log returns, market model on 2019-04-01..2020-03-13
// (its divisors, degrees of freedom and rank samples). Checks the inputs against estudy2's own abnormal returns, the
// numbers the conventions note documents (Wilcoxon W = 27, n = 7, exact two-sided p ≈ 0.031 on
// 2020-03-19; the textbook sign statistic 0.45 on 2020-03-18 of case 5, where estudy2's
// missing-data quirk gives 1.52), and the profile's fallback on missing data.
import { expect, it } from "vitest";
import { abnormalReturns } from "../../src/abnormal/index.js";
import { crossEventTests, type CrossEvent } from "../../src/inference/cross/index.js";
import { fitModel, predictModel } from "../../src/models/index.js";
import { dayKeyFromIso } from "../../src/time/index.js";
import { expectClose } from "../golden/expect-close.js";
import { describeWithSharedData, readSharedData } from "../helpers/shared-data.js";

interface Table {
  dates: string[];
  columns: Record<string, Float64Array>;
}

function readWide(name: string): Table {
  const lines = readSharedData(`estudy2/${name}`).trim().split(/\r?\n/);
  const header = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  const columns: Record<string, Float64Array> = {};
  header.slice(1).forEach((h, j) => {
    columns[h] = Float64Array.from(rows, (r) => (r[j + 1] === "NA" ? Number.NaN : Number(r[j + 1])));
  });
  return { dates: rows.map((r) => r[0]!), columns };
}

const SECURITIES = ["AMZN", "ZM", "UBER", "NFLX", "SHOP", "FB", "UPWK"];
const SPAN = ["2020-03-16", "2020-03-31"];

function buildEvents(rates: Table, market: Float64Array, securities: readonly string[]): CrossEvent[] {
  const dates = rates.dates;
  const est = dates.map((d, i) => (d >= "2019-04-01" && d <= "2020-03-13" ? i : -1)).filter((i) => i >= 0);
  const span = dates.map((d, i) => (d >= SPAN[0]! && d <= SPAN[1]! ? i : -1)).filter((i) => i >= 0);
  const day0 = dates.indexOf("2020-03-19");
  const days = Int32Array.from(dates, (d) => dayKeyFromIso(d));
  return securities.map((s) => {
    const data = { asset: rates.columns[s]!, market };
    const fit = fitModel({ type: "market" }, data, est);
    const pred = predictModel(fit, data, span);
    const ars = abnormalReturns(
      fit,
      pred,
      Float64Array.from(span, (i) => data.asset[i]!),
      { start: span[0]! - day0, returnType: "log" },
    );
    return {
      id: s,
      asset: s,
      fit,
      ars,
      estimationDays: Int32Array.from(fit.used, (i) => days[i]!),
      eventDays: Int32Array.from(span, (i) => days[i]!),
      estimationOffsets: Int32Array.from(fit.used, (i) => i - day0),
    };
  });
}

describeWithSharedData("cross-event tests on estudy2's bundled data", () => {
  const rates = readWide("rates.csv");
  const indx = readWide("rates_indx.csv");
  const market = indx.columns.GSPC!;

  it("inputs: the market-model ARs and estimation lengths agree with estudy2's (securities_returns*.csv)", () => {
    expect(indx.dates).toEqual(rates.dates);
    const events = buildEvents(rates, market, SECURITIES);
    const model = readSharedData("estudy2/securities_returns_model.csv").trim().split(/\r?\n/).slice(1);
    for (const line of model) {
      const [sec, , , , , len] = line.split(",");
      expect(events.find((e) => e.id === sec)!.fit.nObs, sec).toBe(Number(len));
    }
    const ref = readSharedData("estudy2/securities_returns.csv").trim().split(/\r?\n/).slice(1);
    let compared = 0;
    for (const line of ref) {
      const f = line.split(",");
      const ev = events.find((e) => e.id === f[0]);
      const j = ev ? ev.eventDays.indexOf(dayKeyFromIso(f[1]!)) : -1;
      if (!ev || j < 0) continue;
      expectClose(ev.ars.ar[j]!, Number(f[7]), { rtol: 1e-9, atol: 1e-14 }, `${f[0]} ${f[1]} AR`);
      compared++;
    }
    expect(compared).toBe(7 * 12);
  });

  it("Wilcoxon on 2020-03-19 (case 3): W = 27 with n = 7, exact two-sided p = 0.03125", () => {
    const events = buildEvents(rates, market, SECURITIES);
    const r = crossEventTests(events, { windows: [[0, 0]], tests: ["wilcoxon", "sign"] });
    const day = r.daily.find((d) => d.date === "2020-03-19")!;
    expect(day.rel_day).toBe(0);
    const w = day.tests.wilcoxon!;
    expect(w.statistic).toBe(27);
    expect(w.n).toBe(7);
    expect(w.p_value).toBe(0.03125);
  });

  it("estudy2 profile: ZM and UBER lack part of the estimation window, so the profile falls back and says so", () => {
    const r = crossEventTests(buildEvents(rates, market, SECURITIES), { windows: [[0, 0]], conventions: "estudy2", tests: ["patell"] });
    expect(r.conventions).toBe("textbook");
    expect(r.warnings.map((w) => w.code)).toContain("CONVENTIONS_FALLBACK");
    const five = crossEventTests(buildEvents(rates, market, ["AMZN", "NFLX", "SHOP", "FB", "UPWK"]), {
      windows: [[0, 0]],
      conventions: "estudy2",
      tests: ["patell"],
    });
    expect(five.conventions).toBe("estudy2");
  });

  it("case 5 (injected NAs), 2020-03-18: 5 of 7 available, 3 positive -> textbook sign Z = 0.447, not estudy2's 1.52", () => {
    const case5 = readWide("case5_rates_with_na.csv");
    const r = crossEventTests(buildEvents(case5, market, SECURITIES), { windows: [[0, 0]], conventions: "estudy2", tests: ["sign"] });
    expect(r.conventions).toBe("textbook");
    const day = r.daily.find((d) => d.date === "2020-03-18")!;
    expect(day.n).toBe(5);
    expect(day.tests.sign!.details!.w).toBe(3);
    expectClose(day.tests.sign!.statistic, 0.5 / Math.sqrt(1.25), { rtol: 1e-15 }, "sign Z");
  });
});
