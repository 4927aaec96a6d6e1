// crossEventTests: aggregation, options, profiles, fallbacks, warnings and adjustments, on
// events built from the fixtures with fitModel / predictModel / abnormalReturns.
import { describe, expect, it } from "vitest";
import type { AbnormalReturns } from "../../../src/abnormal/types.js";
import { MarketReactionError } from "../../../src/errors.js";
import { adjustAcrossResults, adjustPValues, crossEventTests, crossSectionalTTest, TEST_NAMES, type CrossEvent } from "../../../src/inference/cross/index.js";
import { setDayBlockEntries } from "../../../src/inference/cross/crossEventTests.js";
import { expectClose } from "../../golden/expect-close.js";
import { fixtureEvents } from "./helpers.js";

const STAGGERED = ["2025-04-03", "2025-04-07", "2025-04-09"];

/** A copy of an event with some ARs set missing. */
function withMissing(ev: CrossEvent, indices: number[]): CrossEvent {
  const ar = Float64Array.from(ev.ars.ar);
  for (const i of indices) ar[i] = Number.NaN;
  const ars: AbnormalReturns = { ...ev.ars, ar };
  return { ...ev, ars };
}

/** A copy of an event whose span keeps only its entries a … b − 1 (a later start, a shorter span). */
function shortened(ev: CrossEvent, a: number, b: number): CrossEvent {
  const x = ev.ars;
  const k = x.k;
  const ars: AbnormalReturns = {
    ...x,
    start: x.start + a,
    length: b - a,
    actual: x.actual.slice(a, b),
    expected: x.expected.slice(a, b),
    ar: x.ar.slice(a, b),
    variance: x.variance.slice(a, b),
    t: x.t.slice(a, b),
    sar: x.sar.slice(a, b),
    pValue: x.pValue.slice(a, b),
    design: x.design.slice(a * k, b * k),
  };
  return { ...ev, ars, eventDays: ev.eventDays.slice(a, b) };
}

describe("crossEventTests(events, options)", () => {
  const events = fixtureEvents(STAGGERED);

  it("reads each day's cross-section alike in one block of days, in blocks of three and of one", () => {
    // spans that start and end on different days, and a missing AR
    const ev = events.map((e, i) => (i === 0 ? withMissing(e, [5]) : i === 1 ? shortened(e, 2, 9) : i === 2 ? shortened(e, 0, 4) : e));
    const options = {
      windows: [
        [-2, 3],
        [0, 1],
      ] as [number, number][],
    };
    const whole = JSON.stringify(crossEventTests(ev, options));
    for (const days of [1, 3]) {
      const previous = setDayBlockEntries(days * ev.length);
      try {
        expect(JSON.stringify(crossEventTests(ev, options))).toBe(whole);
      } finally {
        setDayBlockEntries(previous);
      }
    }
    expect(JSON.parse(whole).daily.find((d: { rel_day: number }) => d.rel_day === -5).n).toBe(ev.length - 1); // the event that starts at −3 has no AR on −5
  });

  it("AAR_τ is the mean AR over the events; CAAR = Σ AAR = mean CAR in a balanced panel", () => {
    const r = crossEventTests(events, { windows: [[-1, 1]], tests: ["cross_sectional_t"] });
    expect(r.daily).toHaveLength(11);
    const d0 = r.daily.find((d) => d.rel_day === 0)!;
    const ars = events.map((e) => e.ars.ar[5]!);
    expectClose(d0.aar, ars.reduce((a, b) => a + b, 0) / ars.length, { rtol: 1e-14 }, "aar");
    expect(d0.n).toBe(18);
    expect(d0.date).toBeUndefined(); // three different day-0 dates
    const w = r.windows[0]!;
    const sumAar = r.daily.filter((d) => d.rel_day >= -1 && d.rel_day <= 1).reduce((a, d) => a + d.aar, 0);
    expectClose(w.caar, sumAar, { rtol: 1e-13 }, "caar");
    expectClose(w.mean_car, w.caar, { rtol: 1e-12 }, "balanced");
    expect(w.n).toBe(18);
    expect(r.warnings).toEqual([]);
  });

  it("runs every test by default, each result with the common shape", () => {
    const r = crossEventTests(events, { windows: [[0, 0]] });
    for (const row of [...r.daily, ...r.windows]) {
      expect(Object.keys(row.tests).sort()).toEqual([...TEST_NAMES].sort());
      for (const t of Object.values(row.tests)) {
        expect(t.alternative).toBe("two-sided");
        expect(t.convention.startsWith("textbook")).toBe(true);
        expect(t.p_value).toBeGreaterThanOrEqual(0);
        expect(t.p_value).toBeLessThanOrEqual(1);
      }
    }
  });

  it("clustered events carry the common date", () => {
    const r = crossEventTests(fixtureEvents(["2025-04-09"]), { windows: [[0, 0]], tests: ["sign"] });
    expect(r.daily.find((d) => d.rel_day === 0)!.date).toBe("2025-04-09");
  });

  it("unbalanced panel: N_τ drops, caar and mean_car differ and a warning says so", () => {
    const ev = events.map((e, i) => (i === 0 ? withMissing(e, [5]) : e));
    const r = crossEventTests(ev, { windows: [[0, 1]], tests: ["cross_sectional_t", "patell"] });
    expect(r.daily.find((d) => d.rel_day === 0)!.n).toBe(17);
    const w = r.windows[0]!;
    expect(w.n).toBe(17);
    expect(w.caar).not.toBe(w.mean_car);
    expect(r.warnings.map((x) => x.code)).toContain("UNBALANCED_WINDOW");
    // the daily cross-sectional t uses the 17 available ARs only
    const x = ev.map((e) => e.ars.ar[5]!).filter((v) => !Number.isNaN(v));
    expectClose(r.daily.find((d) => d.rel_day === 0)!.tests.cross_sectional_t!.statistic, crossSectionalTTest(x).statistic, { rtol: 1e-14 }, "t");
  });

  it("estudy2 on staggered dates or with missing data falls back to textbook with a warning", () => {
    const r = crossEventTests(events, { windows: [[0, 0]], conventions: "estudy2", tests: ["patell"] });
    expect(r.conventions).toBe("textbook");
    expect(r.warnings[0]!.code).toBe("CONVENTIONS_FALLBACK");
    expect(r.warnings[0]!.message).toMatch(/same event-window dates/);
    const tb = crossEventTests(events, { windows: [[0, 0]], tests: ["patell"] });
    expect(r.windows[0]!.tests.patell!.statistic).toBe(tb.windows[0]!.tests.patell!.statistic);
    const clustered = fixtureEvents(["2025-04-09"]);
    const miss = crossEventTests(
      clustered.map((e, i) => (i === 2 ? withMissing(e, [3]) : e)),
      { windows: [[0, 0]], conventions: "estudy2", tests: ["sign"] },
    );
    expect(miss.conventions).toBe("textbook");
    expect(miss.warnings[0]!.message).toMatch(/missing abnormal return/);
  });

  it("estudy2 on complete clustered data labels its tests and keeps textbook-only tests textbook", () => {
    const r = crossEventTests(fixtureEvents(["2025-04-09"]), { windows: [[0, 2]], conventions: "estudy2" });
    expect(r.conventions).toBe("estudy2");
    expect(r.warnings).toEqual([]);
    const w = r.windows[0]!.tests;
    expect(w.patell!.convention).toMatch(/^estudy2: Σ daily/);
    expect(w.grank_t!.convention).toMatch(/^textbook \(estudy2 has no such test\)/);
    // estudy2 CAR statistic = Σ daily / √D
    const daily = r.daily.filter((d) => d.rel_day >= 0 && d.rel_day <= 2).map((d) => d.tests.bmp!.statistic);
    expectClose(w.bmp!.statistic, daily.reduce((a, b) => a + b, 0) / Math.sqrt(3), { rtol: 1e-14 }, "Σ/√D");
  });

  it("without estimationOffsets, equal windows give the same event-time pooling", () => {
    const a = crossEventTests(events, { windows: [[0, 1]], tests: ["corrado_rank", "time_series_t", "grank_t"] });
    const b = crossEventTests(fixtureEvents(STAGGERED, undefined, false), { windows: [[0, 1]], tests: ["corrado_rank", "time_series_t", "grank_t"] });
    expect(b.warnings).toEqual([]);
    for (const t of ["corrado_rank", "time_series_t", "grank_t"] as const) {
      expect(b.windows[0]!.tests[t]!.statistic).toBe(a.windows[0]!.tests[t]!.statistic);
    }
  });

  it("adjust: Holm / BH p-values over the windows of each test (and over days), never below p", () => {
    const windows = [
      [0, 0],
      [-1, 1],
      [0, 5],
    ] as const;
    const r = crossEventTests(events, { windows, tests: ["bmp", "sign"], adjust: "holm" });
    const ps = r.windows.map((w) => w.tests.bmp!.p_value);
    const want = adjustPValues(ps, "holm");
    r.windows.forEach((w, i) => {
      expect(w.tests.bmp!.p_value_adjusted).toBe(want[i]);
      expect(w.tests.bmp!.p_value_adjusted!).toBeGreaterThanOrEqual(w.tests.bmp!.p_value);
    });
    expect(r.daily[0]!.tests.sign!.p_value_adjusted).toBeDefined();
    const plain = crossEventTests(events, { windows, tests: ["bmp"] });
    expect(plain.windows[0]!.tests.bmp!.p_value_adjusted).toBeUndefined();
  });

  it("adjustAcrossResults: one family per test across statements", () => {
    const r1 = crossEventTests(fixtureEvents(["2025-04-07"]), {
      windows: [
        [0, 0],
        [0, 1],
      ],
      tests: ["bmp"],
    });
    const r2 = crossEventTests(fixtureEvents(["2025-04-09"]), {
      windows: [
        [0, 0],
        [0, 1],
      ],
      tests: ["bmp"],
    });
    adjustAcrossResults([r1, r2], "bh");
    const ps = [...r1.windows, ...r2.windows].map((w) => w.tests.bmp!.p_value);
    const want = adjustPValues(ps, "bh");
    [...r1.windows, ...r2.windows].forEach((w, i) => expect(w.tests.bmp!.p_value_adjusted).toBe(want[i]));
  });

  it("days: reports only the requested offsets", () => {
    const r = crossEventTests(events, { windows: [[0, 0]], tests: ["sign"], days: [-1, 0, 1] });
    expect(r.daily.map((d) => d.rel_day)).toEqual([-1, 0, 1]);
  });

  it("a window outside some events' spans counts only the events that cover it", () => {
    const r = crossEventTests(events, { windows: [[4, 7]], tests: ["cross_sectional_t"] });
    expect(r.windows[0]!.n).toBe(0);
    expect(r.windows[0]!.tests.cross_sectional_t!.statistic).toBeNaN();
  });

  it("is deterministic", () => {
    const a = crossEventTests(events, { windows: [[0, 1]] });
    const b = crossEventTests(events, { windows: [[0, 1]] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("rejects bad options and empty input", () => {
    const bad = (o: object): unknown => crossEventTests(events, o as never);
    expect(() => bad({ windows: [[1, 0]] })).toThrow(MarketReactionError);
    expect(() => bad({ windows: [[0, 0]], tests: ["nope"] })).toThrow(/tests/);
    expect(() => bad({ windows: [[0, 0]], conventions: "eventus" })).toThrow(/conventions/);
    expect(() => bad({ windows: [[0, 0]], adjust: "bonferroni" })).toThrow(/adjust/);
    expect(() => bad({})).toThrow(/windows/);
    try {
      crossEventTests([], { windows: [[0, 0]] });
      expect.fail("no throw");
    } catch (e) {
      expect((e as MarketReactionError).code).toBe("NO_VALID_EVENTS");
    }
    const broken = { ...events[0]!, eventDays: new Int32Array(3) };
    expect(() => crossEventTests([broken], { windows: [[0, 0]] })).toThrow(/eventDays/);
  });
});
