// eventStudyParallel: a study over worker threads gives the single-threaded study byte for byte.
// (From the sources, each worker loads the library through tsx: a few seconds per worker.)
import { describe, expect, it } from "vitest";
import { eventStudy, type EventStudyOptions } from "../../src/index.js";
import { eventStudyParallel, PARALLEL_MIN_PAIRS } from "../../src/node/index.js";
import { shardLayout } from "../../src/node/parallel.js";
import { events, sectors, strictStudy, twoWindows, us, world } from "./workerFixtures.js";

const options: EventStudyOptions = { ...twoWindows, tests: "all" };

describe("eventStudyParallel", () => {
  it("with 2 and 3 workers (by assets) and 2 workers on one asset (by statements): the single run byte for byte", async () => {
    const single = eventStudy(options).toJSONText();
    const [two, three] = await Promise.all([eventStudyParallel(options, { workers: 2 }), eventStudyParallel(options, { workers: 3 })]);
    expect(two.toJSONText()).toBe(single);
    expect(three.toJSONText()).toBe(single);
    const one: EventStudyOptions = { assets: [us], market: world, events, windows: [[-1, 1]] };
    expect((await eventStudyParallel(one, { workers: 2 })).toJSONText()).toBe(eventStudy(one).toJSONText());
  });

  it("each worker given only its series: a benchmark named by id, a late-listed series, gaps, one asset's statement, a series table; the caller's arrays untouched", async () => {
    // SHORT starts late (its early statements are skipped, LATE_LISTING); GAPPY misses a stretch
    // of returns inside estimation windows; one statement concerns one asset only
    const short = { ...us, id: "SHORT", days: us.days.slice(-300), values: us.values.slice(-300) };
    const gappy = { ...sectors[0]!, id: "GAPPY", values: sectors[0]!.values.map((v, i) => (i % 97 < 12 ? Number.NaN : v)) };
    const study: EventStudyOptions = {
      assets: { series: [short, world, us, gappy, ...sectors.slice(1, 4)] } as unknown as EventStudyOptions["assets"],
      market: "WORLD",
      events: [...events, { ...events[3]!, id: "ONLY-GAPPY", asset: "GAPPY" }],
      windows: [
        [0, 0],
        [-1, 2],
      ],
      tests: ["cross_sectional_t", "bmp", "corrado_rank", "sign"],
    };
    const single = eventStudy(study);
    const codes = new Set(single.warnings.map((w) => w.code));
    expect(codes).toContain("LATE_LISTING");
    expect(single.skipped.length).toBeGreaterThan(0);
    expect(single.car.some((r) => r.event_id === "ONLY-GAPPY")).toBe(true);
    const text = single.toJSONText();
    for (const workers of [2, 3, 4]) expect((await eventStudyParallel(study, { workers })).toJSONText(), `${workers} workers`).toBe(text);
    // the arrays were copied before they were transferred: the caller's series still hold their data
    expect(gappy.values.length).toBe(sectors[0]!.values.length);
    expect(short.days.length).toBe(300);
    expect(world.values.length).toBeGreaterThan(300);
  });

  it("a worker's error arrives with its code; workers must be a whole number ≥ 1", async () => {
    await expect(eventStudyParallel({ ...options, estimation: [-5, -20] }, { workers: 2 })).rejects.toMatchObject({ code: "INVALID_OPTION" });
    // strict: the first skipped pair fails the study, here in a worker (a late-listed series)
    const strict = strictStudy(options);
    expect(strict.code).toMatch(/^[A-Z_]+$/);
    await expect(eventStudyParallel(strict.options, { workers: 2 })).rejects.toMatchObject({ code: strict.code });
    await expect(eventStudyParallel(options, { workers: 0 })).rejects.toMatchObject({ code: "INVALID_OPTION", message: expect.stringMatching(/workers/) });
    // one worker: in this thread (the per-pair building blocks stay available)
    expect((await eventStudyParallel(options, { workers: 1 })).pairs.length).toBeGreaterThan(0);
  });
});

describe("the default number of workers", () => {
  const study = (assets: number, statements: number, extra: Partial<EventStudyOptions> = {}): EventStudyOptions =>
    ({
      assets: Array.from({ length: assets }, () => us),
      events: events.slice(0, 1).concat(Array.from({ length: statements - 1 }, () => events[0]!)),
      ...extra,
    }) as EventStudyOptions;

  it("one per PARALLEL_MIN_PAIRS / 2 pairs up to the cores; one thread under PARALLEL_MIN_PAIRS pairs or with cross-event tests; --workers N forces N", () => {
    expect(PARALLEL_MIN_PAIRS).toBe(25_000);
    expect(shardLayout(study(600, 40), undefined, 2)).toBeUndefined(); // 24,000 pairs
    expect(shardLayout(study(625, 40), undefined, 2)).toEqual({ by: "assets", count: 2 }); // 25,000
    expect(shardLayout(study(1000, 40), undefined, 8)).toEqual({ by: "assets", count: 3 }); // 40,000: 3 per 12,500
    expect(shardLayout(study(2000, 40), undefined, 1)).toBeUndefined(); // one core
    expect(shardLayout(study(2000, 40, { tests: ["bmp"] }), undefined, 2)).toBeUndefined();
    expect(shardLayout(study(2000, 40, { tests: ["bmp"] }), 2, 2)).toEqual({ by: "assets", count: 2 });
    expect(shardLayout(study(10, 4), 3, 2)).toEqual({ by: "assets", count: 3 });
    expect(shardLayout(study(1, 4), 3, 2)).toEqual({ by: "statements", count: 3 });
  });
});
