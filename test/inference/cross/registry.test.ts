// Contract of the cross-event test registry: every registered test is reachable by name, reports
// results of the common shape in both profiles, declares everything it reads from the shared
// context (run alone, it gives exactly what it gives inside the whole battery), and its
// convention notes are consistent. The shared rank kernel is checked against a direct
// definition of average ranks, medians and pooled scores.
import { describe, expect, it } from "vitest";
import { crossEventTests, TEST_NAMES, type CrossEventResult } from "../../../src/inference/cross/index.js";
import { CROSS_TESTS, ESTUDY2_TESTS, METHOD_NAMES } from "../../../src/inference/cross/registry.js";
import { rankAndPool } from "../../../src/inference/cross/ranks.js";
import { averageRanks } from "../../../src/inference/cross/util.js";
import { createRandom } from "../../../src/stats/random.js";
import { fixtureEvents } from "./helpers.js";

const CLUSTERED = ["2025-04-09"];
const STAGGERED = ["2025-04-03", "2025-04-07", "2025-04-09"];
const WINDOWS = [
  [0, 0],
  [-1, 1],
  [0, 5],
  [-5, 5],
] as const;

describe("the cross-event test registry", () => {
  it("lists every test once, in reporting order, and the names, methods and estudy2 set come from it", () => {
    expect(CROSS_TESTS.map((d) => d.name)).toEqual([...TEST_NAMES]);
    expect(new Set(TEST_NAMES).size).toBe(TEST_NAMES.length);
    for (const d of CROSS_TESTS) expect(METHOD_NAMES[d.name]).toBe(d.method);
    expect([...ESTUDY2_TESTS].sort()).toEqual([
      "bmp",
      "bw1980",
      "corrado_rank",
      "corrado_zivney_rank",
      "corrado_zivney_sign",
      "cross_sectional_t",
      "generalized_sign",
      "lamb",
      "patell",
      "sign",
      "time_series_t",
      "wilcoxon",
    ]);
  });

  it("estudy2 notes: every estudy2 test names its estudy2 counterpart and its window form", () => {
    for (const d of CROSS_TESTS) {
      if (d.estudy2 === undefined) continue;
      expect(d.estudy2, d.name).toMatch(/^[a-z0-9_]+$/);
      expect(["sum-of-daily", "own", "textbook"], d.name).toContain(d.estudy2Window);
      if (d.estudy2Window === "textbook") expect(d.estudy2WindowNote, d.name).toBeTruthy();
    }
    expect(new Set(CROSS_TESTS.map((d) => d.estudy2).filter((n) => n !== undefined)).size).toBe(ESTUDY2_TESTS.size);
  });

  for (const [label, days, conventions] of [
    ["textbook, staggered", STAGGERED, "textbook"],
    ["estudy2, clustered", CLUSTERED, "estudy2"],
  ] as const) {
    describe(label, () => {
      let all: CrossEventResult | undefined;
      const battery = (): CrossEventResult => (all ??= crossEventTests(fixtureEvents(days), { windows: WINDOWS, tests: "all", conventions }));

      it("every test gives a finite statistic and p-value on every day and window, with the common shape", () => {
        const r = battery();
        expect(r.conventions).toBe(conventions);
        for (const row of [...r.daily, ...r.windows]) {
          for (const d of CROSS_TESTS) {
            const t = row.tests[d.name]!;
            expect(Number.isFinite(t.statistic), `${d.name} statistic`).toBe(true);
            expect(t.p_value, `${d.name} p`).toBeGreaterThanOrEqual(0);
            expect(t.p_value, `${d.name} p`).toBeLessThanOrEqual(1);
            expect(t.alternative).toBe("two-sided");
            expect(t.n).toBeGreaterThan(0);
            expect(t.convention).toMatch(conventions === "estudy2" && d.estudy2 !== undefined ? /^(estudy2|textbook \(estudy2 has no)/ : /^textbook/);
          }
        }
      });

      it("each test run alone (its declared needs only) gives exactly its result inside the battery", () => {
        const r = battery();
        for (const d of CROSS_TESTS) {
          const alone = crossEventTests(fixtureEvents(days), { windows: WINDOWS, tests: [d.name], conventions });
          expect(Object.keys(alone.windows[0]!.tests)).toEqual([d.name]);
          expect(JSON.stringify(alone.daily.map((row) => row.tests[d.name])), d.name).toBe(JSON.stringify(r.daily.map((row) => row.tests[d.name])));
          expect(JSON.stringify(alone.windows.map((row) => row.tests[d.name])), d.name).toBe(JSON.stringify(r.windows.map((row) => row.tests[d.name])));
        }
      });
    });
  }
});

/** Average ranks by definition: (#{< v} + 1 + #{≤ v}) / 2, by counting (O(n²)). */
function definitionRanks(x: readonly number[]): number[] {
  return x.map((v) => (x.filter((w) => w < v).length + 1 + x.filter((w) => w <= v).length) / 2);
}

describe("the shared rank kernel", () => {
  const rng = createRandom(19);
  // values on a coarse grid so that ties occur, NaN for missing, −0 next to +0
  const draw = (n: number): number[] => Array.from({ length: n }, () => (rng.next() < 0.05 ? Number.NaN : Math.round(rng.normal() * 4) / 4));

  it("averageRanks (native sort, no comparator) matches the definition, ties and −0/+0 included", () => {
    for (let trial = 0; trial < 50; trial++) {
      const x = draw(1 + rng.int(40)).filter((v) => !Number.isNaN(v));
      if (trial === 0) x.push(-0, 0, 0);
      const out = new Float64Array(x.length);
      averageRanks(x, x.length, out, new Float64Array(x.length));
      expect([...out]).toEqual(definitionRanks(x));
    }
  });

  it("rankAndPool ranks values that agree in their top bits (packed keys out of order) like the definition", () => {
    const x = [1 + 2 ** -45, 1 + 2 ** -46, 0.5, 1 + 2 ** -45, -0, 0, 1 + 2 ** -47];
    // one event, one key per value: each key's sums are that value's scores
    const r = rankAndPool([{ estValues: x, estKeys: x.map((_, j) => j), spanValues: [], spanKeys: [], start: 0 }], 0, -1);
    const centre = (x.length + 1) / 2;
    expect([...r.corrado.sum].map((u) => u + centre)).toEqual(definitionRanks(x));
    const sorted = [...x].sort((a, b) => a - b);
    expect([...r.sign.sum]).toEqual(x.map((v) => Math.sign(v - sorted[3]!) || 0));
    expect([...r.sign.count]).toEqual(x.map(() => 1));
  });

  it("rankAndPool ranks bell-shaped, clustered and near-equal samples (each order and its fallbacks) and ties like the definition", () => {
    // 60 distinct values agreeing in their top 32 bits, descending: spread over the buckets (the bucket order)
    const near = Array.from({ length: 60 }, (_, j) => 1 + (60 - j) * 2 ** -40);
    // ties, ±0 and a range too wide for a finite spread (the radix order)
    const wide = [3, -0, 0, -2.5, 3, 1e-300, -1e300, 0, 7, 3];
    // a bell-shaped sample with a few outliers beyond 4 SD (the end buckets)
    const bell = Array.from({ length: 300 }, (_, j) => (j % 50 === 0 ? 40 : 1) * rng.normal());
    // two far clusters of 200 distinct values each: each fills one bucket, the insertion pass exceeds
    // its budget and the radix order takes over
    const clusters = Array.from({ length: 400 }, (_, j) => (j % 2 === 0 ? 100 : 0) + 1e-3 * rng.normal());
    // the near-equal values beside one far value: one bucket, then top bits that agree (the binary-search fallback)
    const nearAndFar = [...near, 1e9];
    for (const x of [near, wide, [...near, ...wide], bell, clusters, nearAndFar]) {
      const r = rankAndPool([{ estValues: x, estKeys: x.map((_, j) => j), spanValues: [], spanKeys: [], start: 0 }], 0, -1);
      const centre = (x.length + 1) / 2;
      expect([...r.corrado.sum].map((u) => u + centre)).toEqual(definitionRanks(x));
      const sorted = [...x].sort((a, b) => a - b);
      const h = x.length >> 1;
      const med = x.length % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
      expect([...r.sign.sum]).toEqual(x.map((v) => Math.sign(v - med) || 0));
    }
  });

  it("rankAndPool gives, per key, the sums of the centred ranks, uniform scores and median signs", () => {
    const events = Array.from({ length: 7 }, (_, i) => ({
      estValues: draw(20),
      estKeys: Array.from({ length: 20 }, (_, j) => -30 + j + (i % 3)),
      spanValues: draw(6),
      spanKeys: [-2, -1, 0, 1, 2, 3],
      start: -2,
    }));
    const from = -1;
    const to = 2;
    const r = rankAndPool(events, from, to);
    const expected = { corrado: new Map<number, number>(), uniform: new Map<number, number>(), sign: new Map<number, number>() };
    for (const e of events) {
      const keys = [...e.estKeys, ...e.spanKeys.slice(from - e.start, to - e.start + 1)];
      const vals = [...e.estValues, ...e.spanValues.slice(from - e.start, to - e.start + 1)];
      const keep = vals.map((v, j) => (Number.isNaN(v) ? -1 : j)).filter((j) => j >= 0);
      const x = keep.map((j) => vals[j]!);
      const T = x.length;
      const ranks = definitionRanks(x);
      const sorted = [...x].sort((a, b) => a - b);
      const med = T % 2 === 1 ? sorted[(T - 1) / 2]! : (sorted[T / 2 - 1]! + sorted[T / 2]!) / 2;
      keep.forEach((j, q) => {
        const k = keys[j]!;
        expected.corrado.set(k, (expected.corrado.get(k) ?? 0) + ranks[q]! - (T + 1) / 2);
        expected.uniform.set(k, (expected.uniform.get(k) ?? 0) + ranks[q]! / (T + 1) - 0.5);
        expected.sign.set(k, (expected.sign.get(k) ?? 0) + Math.sign(x[q]! - med));
      });
    }
    for (const t of ["corrado", "uniform", "sign"] as const) {
      const p = r[t];
      const got = new Map<number, number>();
      for (let k = 0; k < p.sum.length; k++) if (p.count[k]! > 0) got.set(p.base + k, p.sum[k]!);
      expect([...got.keys()].sort((a, b) => a - b)).toEqual([...expected[t].keys()].sort((a, b) => a - b));
      for (const [k, v] of expected[t]) expect(got.get(k)!, `${t} key ${k}`).toBeCloseTo(v, 12);
    }
  });
});
