// A study computed in shards (by assets and by statements) and merged is the single run, byte
// for byte; parts that do not belong together are refused with the difference named.
import { describe, expect, it } from "vitest";
import { eventStudy, parseEventsCsv, parseSeriesCsv, type EventStudyOptions, type Series } from "../../src/index.js";
import { mergeStudies, parseStudyPart, shardHead, studyPartToJSONText, studyShard, type ShardSpec } from "../../src/study/shards/index.js";
import { decodeExact, encodeExact } from "../../src/study/shards/codec.js";
import { readProjectFile } from "../helpers/shared-data.js";

const sectors = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-sectors.csv")).series;
const world = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-world.csv"), { id: "WORLD" }).series[0]!;
const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
const { events } = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv"));
const story = events.filter((e) => ["E17", "E22", "E27", "E34"].includes(e.id));
// a late-listed series (its early statements skipped), the US index and the six sectors
const short: Series = { ...us, id: "SHORT", days: us.days.slice(-300), values: us.values.slice(-300) };

/** All 31 statements (clustered dates, overlapping windows, rolled timestamps) on 8 series, with cross-event tests. */
const full: EventStudyOptions = {
  assets: [short, us, ...sectors],
  market: world,
  events,
  windows: [
    [0, 0],
    [-1, 1],
  ],
  tests: "all",
  adjust: "bh",
};

function mergedText(options: EventStudyOptions, by: ShardSpec["by"], count: number, viaText = true): string {
  const parts = Array.from({ length: count }, (_, index) => studyShard(options, { by, index, count }));
  return mergeStudies(viaText ? parts.map(studyPartToJSONText) : parts).toJSONText();
}

/** The options of shard `index` of `count` by assets with only its own assets (a benchmark named by id kept). */
function ownOptions(options: EventStudyOptions, index: number, count: number): EventStudyOptions {
  const all = options.assets as readonly Series[];
  const studied = all.filter((s) => s.id !== options.market);
  const own = new Set(studied.filter((_s, i) => i % count === index));
  return { ...options, assets: all.filter((s) => own.has(s) || s.id === options.market) };
}

/** Merged from shards that each got only their own assets (by assets) and the study's head. */
function mergedFromHead(options: EventStudyOptions, by: ShardSpec["by"], count: number): string {
  const head = shardHead(options);
  const parts = Array.from({ length: count }, (_, index) =>
    studyShard(by === "assets" ? ownOptions(options, index, count) : options, { by, index, count }, head),
  );
  return mergeStudies(parts.map(studyPartToJSONText)).toJSONText();
}

describe("studies in shards", () => {
  const single = eventStudy(full);
  const singleText = single.toJSONText();

  it("the fixture has what a merge must put back in place", () => {
    const codes = new Set(single.warnings.map((w) => w.code));
    for (const code of ["ROLLED_TO_NEXT_SESSION", "LATE_LISTING", "HIGH_EVENT_VOLATILITY", "OVERLAPPING_WINDOWS", "SAME_DAY0_MERGED", "CLUSTERED_EVENT_DATES"])
      expect(codes).toContain(code);
    expect(single.skipped.length).toBeGreaterThan(10);
    expect(single.aggregate?.windows.length).toBe(2);
  });

  it.each([
    ["assets", 4],
    ["statements", 4],
    ["assets", 3],
    ["statements", 7],
  ] as const)("by %s in %i shards, merged from the parts' JSON text: the single run byte for byte", (by, count) => {
    expect(mergedText(full, by, count)).toBe(singleText);
  });

  it.each([
    ["assets", 4],
    ["assets", 3],
    ["assets", 8],
    ["statements", 4],
  ] as const)("with the shard head, by %s in %i shards (each shard given only its own assets): the single run byte for byte", (by, count) => {
    expect(mergedFromHead(full, by, count)).toBe(singleText);
  });

  it("the parts in any order, in memory (no text) and with one shard", () => {
    const parts = [0, 1, 2, 3].map((index) => studyShard(full, { by: "assets", index, count: 4 }));
    expect(mergeStudies([parts[2]!, parts[0]!, parts[3]!, parts[1]!]).toJSONText()).toBe(singleText);
    expect(mergedText(full, "statements", 1, false)).toBe(singleText);
  });

  it("the dummy-variable regression and the placebo test merge from shards by assets", () => {
    const regression: EventStudyOptions = {
      assets: sectors.slice(0, 3),
      market: world,
      events: story,
      windows: [[0, 1]],
      regression: { hacLag: 3, vcov: "ols" },
    };
    expect(mergedText(regression, "assets", 2)).toBe(eventStudy(regression).toJSONText());
    expect(mergedFromHead(regression, "assets", 2)).toBe(eventStudy(regression).toJSONText());
    const placebo: EventStudyOptions = { assets: [us], market: world, events: story, windows: [[-1, 1]], placebo: { seed: 7, draws: 99 } };
    expect(mergedText(placebo, "assets", 2)).toBe(eventStudy(placebo).toJSONText());
    expect(mergedFromHead(placebo, "assets", 1)).toBe(eventStudy(placebo).toJSONText());
  });

  it("the estudy2 profile, log returns and a factor-free constant mean merge exactly too", () => {
    const e2: EventStudyOptions = {
      assets: sectors,
      market: world,
      events: story,
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: "all",
      conventions: "estudy2",
    };
    expect(mergedText(e2, "statements", 3)).toBe(eventStudy(e2).toJSONText());
    expect(mergedFromHead(e2, "assets", 3)).toBe(eventStudy(e2).toJSONText());
    const log: EventStudyOptions = {
      assets: sectors.slice(0, 4),
      events,
      model: "constant-mean",
      returnType: "log",
      windows: [[0, 1]],
      tests: ["grank_z", "wilcoxon"],
    };
    expect(mergedText(log, "assets", 4)).toBe(eventStudy(log).toJSONText());
    expect(mergedFromHead(log, "assets", 4)).toBe(eventStudy(log).toJSONText());
  });

  it("a benchmark named by id, a statement for one asset, per-asset exchanges, GARCH, kept same-day-0 statements: exact in 3 shards both ways", () => {
    const tokyo = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-tokyo.csv"), { id: "TOKYO" }).series[0]!;
    const cases: EventStudyOptions[] = [
      {
        assets: [us, world, ...sectors.slice(0, 2)],
        market: "WORLD",
        events: [...story, { ...events[0]!, id: "ONLY-ONE", asset: sectors[1]!.id }],
        tests: ["bmp", "sign"],
      },
      { assets: [us, tokyo], market: world, events: story, exchange: { US: "XNYS", TOKYO: "XTKS" }, windows: [[0, 1]] },
      { assets: sectors.slice(0, 1), market: world, events: story.slice(2), model: "garch-market", windows: [[0, 1]] },
      {
        assets: sectors,
        market: world,
        events,
        contamination: "keep",
        nonTrading: "drop",
        windows: [[-1, 1]],
        tests: ["adjusted_patell", "corrado_rank"],
        sameDay0: "keep",
      },
    ];
    for (const options of cases) {
      const single = eventStudy(options).toJSONText();
      expect(mergedText(options, "assets", 3)).toBe(single);
      expect(mergedText(options, "statements", 3)).toBe(single);
      expect(mergedFromHead(options, "assets", Math.min(3, (options.assets as readonly Series[]).length - (options.market === "WORLD" ? 1 : 0)))).toBe(single);
      expect(mergedFromHead(options, "statements", 3)).toBe(single);
    }
  });

  it("refuses shards by statements of a study with a regression or a placebo test, naming the option", () => {
    expect(() => studyShard({ assets: sectors, market: world, events, regression: true }, { by: "statements", index: 0, count: 2 })).toThrow(
      /option regression/,
    );
    expect(() => studyShard({ assets: [us], market: world, events: story, placebo: { seed: 1 } }, { by: "statements", index: 0, count: 2 })).toThrow(
      /option placebo/,
    );
    expect(() => studyShard(full, { by: "assets", index: 4, count: 4 })).toThrow(/shard.index/);
    expect(() => studyShard(full, { by: "rows" as "assets", index: 0, count: 1 })).toThrow(/shard.by/);
  });

  describe("parts that do not make one study", () => {
    const part = (options: EventStudyOptions, index: number, count = 2, by: ShardSpec["by"] = "assets") => studyShard(options, { by, index, count });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return [(error as { code?: string }).code, (error as Error).message];
      }
      return undefined;
    };

    it("a shard missing or twice, another layout", () => {
      expect(code(() => mergeStudies([part(full, 0)]))).toEqual(["SHARD_MISMATCH", expect.stringMatching(/shard 1 of 2 \(by assets\) missing/)]);
      expect(code(() => mergeStudies([part(full, 0), part(full, 0)]))).toEqual(["SHARD_MISMATCH", expect.stringMatching(/shard 0 of 2 is given twice/)]);
      expect(code(() => mergeStudies([part(full, 0), part(full, 1, 2, "statements")]))).toEqual(["SHARD_MISMATCH", expect.stringMatching(/sharded one way/)]);
      expect(code(() => mergeStudies([]))).toEqual(["SHARD_MISMATCH", "no study parts to merge"]);
    });

    it("other options: the key is named", () => {
      expect(code(() => mergeStudies([part(full, 0), part({ ...full, windows: [[0, 0]] }, 1)]))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/other options than part 1: windows/),
      ]);
      // an option outside the options block (the same-day-0 policy of the cross-event tests)
      expect(code(() => mergeStudies([part(full, 0), part({ ...full, sameDay0: "keep" }, 1)]))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/sameDay0 differs/),
      ]);
    });

    it("other data: the input whose fingerprint differs is named", () => {
      const changed = { ...sectors[2]!, values: sectors[2]!.values.map((v, i) => (i === 100 ? v + 1e-12 : v)) };
      const other = { ...full, assets: [short, us, sectors[0]!, sectors[1]!, changed, ...sectors.slice(3)] };
      expect(code(() => mergeStudies([part(full, 0), part(other, 1)]))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(
          new RegExp(
            `provenance\\.inputs\\.assets\\[4\\]\\.hash differs \\(asset ${sectors[2]!.id}\\)|provenance\\.inputs\\.assets\\[4\\]\\.hash \\(asset ${sectors[2]!.id}\\) differs`,
          ),
        ),
      ]);
      const fewer = { ...full, events: events.slice(1) };
      expect(code(() => mergeStudies([part(full, 0), part(fewer, 1)]))).toEqual(["SHARD_MISMATCH", expect.stringMatching(/differs/)]);
    });

    it("a shard head with other assets, data or options than the shard's: refused, the difference named", () => {
      const head = shardHead(full);
      const spec = { by: "assets", index: 1, count: 2 } as const;
      const own = ownOptions(full, 1, 2);
      const ownAssets = own.assets as readonly Series[];
      // the shard computed from its own assets equals the shard computed from all of them
      expect(studyPartToJSONText(studyShard(own, spec, head))).toBe(studyPartToJSONText(studyShard(full, spec)));
      expect(code(() => studyShard(full, spec, head))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/asset "SHORT" \(position 0 in the study\) belongs to shard 0 of 2/),
      ]);
      expect(code(() => studyShard({ ...own, assets: ownAssets.slice(1) }, spec, head))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/has 4 of the study's 8 assets; the options hold 3/),
      ]);
      expect(code(() => studyShard({ ...own, assets: [...ownAssets].reverse() }, spec, head))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/out of the study's order/),
      ]);
      const changed = { ...ownAssets[1]!, values: ownAssets[1]!.values.map((v, i) => (i === 100 ? v + 1e-12 : v)) };
      expect(code(() => studyShard({ ...own, assets: [ownAssets[0]!, changed, ...ownAssets.slice(2)] }, spec, head))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(new RegExp(`asset "${changed.id}": its data differ .*fingerprint\\.hash`)),
      ]);
      expect(code(() => studyShard({ ...own, windows: [[0, 0]] }, spec, head))).toEqual([
        "SHARD_MISMATCH",
        expect.stringMatching(/options differ from those of the shard head at run\.windows/),
      ]);
      expect(code(() => studyShard(ownOptions(full, 8, 9), { by: "assets", index: 8, count: 9 }, head))).toEqual([
        "INVALID_OPTION",
        expect.stringMatching(/at most as many shards as assets \(8\) with a shard head/),
      ]);
    });

    it("text that is not a part", () => {
      expect(code(() => parseStudyPart("{}"))).toEqual(["INVALID_INPUT", expect.stringMatching(/not a study part/)]);
      expect(code(() => mergeStudies(["not json"]))).toEqual(["INVALID_INPUT", expect.stringMatching(/JSON text/)]);
    });
  });
});

describe("the exact JSON of parts", () => {
  it("keeps every bit of typed arrays and the numbers JSON lacks", () => {
    const value = {
      a: Float64Array.of(0.1, -0, Number.NaN, Number.POSITIVE_INFINITY, 5e-324, -1.7976931348623157e308),
      b: Int32Array.of(-2147483648, 0, 2147483647),
      c: Uint8Array.of(0, 255, 7),
      n: [Number.NaN, -0, Number.NEGATIVE_INFINITY, 1.5],
      s: "text",
    };
    const back = decodeExact(JSON.parse(JSON.stringify(encodeExact(value)))) as typeof value;
    expect(Array.from(back.a).map((x) => (Object.is(x, -0) ? "-0" : String(x)))).toEqual([
      "0.1",
      "-0",
      "NaN",
      "Infinity",
      "5e-324",
      "-1.7976931348623157e+308",
    ]);
    expect(back.b).toEqual(value.b);
    expect(back.c).toEqual(value.c);
    expect(back.n.map((x) => (Object.is(x, -0) ? "-0" : String(x)))).toEqual(["NaN", "-0", "-Infinity", "1.5"]);
    expect(back.s).toBe("text");
    // base64 of every length remainder
    for (const n of [0, 1, 2, 3, 4, 5]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (37 * i + 11) & 255);
      expect(decodeExact(JSON.parse(JSON.stringify(encodeExact(bytes))))).toEqual(bytes);
    }
  });
});
