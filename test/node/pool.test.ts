// createStudyPool: worker threads started once and kept across studies; every study the same as
// eventStudy byte for byte. (From the sources, each worker loads the library through tsx: a few
// seconds per worker, paid once for the whole file.)
import { afterAll, describe, expect, it } from "vitest";
import { eventStudy, shardHead, type EventStudyOptions } from "../../src/index.js";
import { createStudyPool, POOL_MIN_PAIRS } from "../../src/node/index.js";
import { poolLayout, ShardWorker } from "../../src/node/pool.js";
import { shardDelivery } from "../../src/node/shardMessage.js";
import { events, sectors, strictStudy, twoWindows, us, world } from "./workerFixtures.js";

const base: EventStudyOptions = { ...twoWindows, sq: true };

// every study of this file, whatever its size, goes to the two workers (minPairs 0)
const pool = createStudyPool({ workers: 2, minPairs: 0 });
afterAll(() => pool.close());

describe("createStudyPool", () => {
  it("gives eventStudy's study byte for byte, study after study on the same workers and several at once", async () => {
    expect(pool.workers).toBe(2);
    const first = await pool.eventStudy(base);
    expect(first.pairs).toHaveLength(0); // computed in the workers (a study in this thread keeps its pairs)
    expect(first.toJSONText()).toBe(eventStudy(base).toJSONText());
    // other windows, one asset (split by statements), and three studies sent at once
    const variants: EventStudyOptions[] = [
      { ...base, windows: [[0, 5]], estimation: [-200, -11] },
      { assets: [us], market: world, events, windows: [[-1, 1]] },
      { ...base, assets: sectors.slice(0, 3), model: "constant-mean" },
    ];
    const studies = await Promise.all(variants.map((o) => pool.eventStudy(o)));
    studies.forEach((study, i) => {
      expect(study.pairs, `variant ${i}`).toHaveLength(0);
      expect(study.toJSONText(), `variant ${i}`).toBe(eventStudy(variants[i]!).toJSONText());
    });
  });

  it("a worker's error arrives with its code, and the pool goes on", async () => {
    await expect(pool.eventStudy({ ...base, estimation: [-5, -20] })).rejects.toMatchObject({ code: "INVALID_OPTION" });
    // strict: the first skipped pair fails the study, here in a worker (a late-listed series)
    const strict = strictStudy(base);
    expect(strict.code).toMatch(/^[A-Z_]+$/);
    await expect(pool.eventStudy(strict.options)).rejects.toMatchObject({ code: strict.code });
    expect((await pool.eventStudy(base)).toJSONText()).toBe(eventStudy(base).toJSONText());
  });

  it("runs in this thread a study with cross-event tests, one below minPairs, and one it cannot split", async () => {
    const withTests: EventStudyOptions = { ...base, tests: ["cross_sectional_t", "bmp"] };
    const tested = await pool.eventStudy(withTests);
    expect(tested.pairs.length).toBeGreaterThan(0);
    expect(tested.toJSONText()).toBe(eventStudy(withTests).toJSONText());
    expect(poolLayout(withTests, 2, 0)).toBeUndefined();
    expect(poolLayout(base, 2, 0)).toEqual({ by: "assets", count: 2 });
    const pairs = (1 + sectors.length) * events.length;
    expect(poolLayout(base, 2, pairs + 1)).toBeUndefined();
    expect(poolLayout(base, 2, pairs)).toEqual({ by: "assets", count: 2 });
    expect(poolLayout(base, 2)).toEqual(pairs >= POOL_MIN_PAIRS ? { by: "assets", count: 2 } : undefined);
    expect(poolLayout({ assets: [us], events: events.slice(0, 1) }, 2, 0)).toBeUndefined(); // one asset, one statement
    expect(poolLayout({ assets: [us], events, placebo: { draws: 10, seed: 1 } }, 2, 0)).toBeUndefined(); // placebo needs all of a series' statements
    expect(poolLayout({ assets: [us], events }, 4, 0)).toEqual({ by: "statements", count: 4 });
    expect(poolLayout(base, 1, 0)).toBeUndefined(); // one worker: this thread
  });

  it("checks its options, and after close() refuses studies", async () => {
    expect(() => createStudyPool({ workers: 0 })).toThrow(expect.objectContaining({ code: "INVALID_OPTION", message: expect.stringMatching(/workers/) }));
    expect(() => createStudyPool({ workers: 1.5 })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => createStudyPool({ minPairs: -1 })).toThrow(expect.objectContaining({ code: "INVALID_OPTION", message: expect.stringMatching(/minPairs/) }));
    const other = createStudyPool({ workers: 1 });
    expect(other.workers).toBe(1);
    await expect(other.eventStudy(null as unknown as EventStudyOptions)).rejects.toMatchObject({ code: "INVALID_OPTION" });
    await other.close();
    await other.close(); // again: nothing happens
    await expect(other.eventStudy(base)).rejects.toMatchObject({ code: "INVALID_OPTION", message: expect.stringMatching(/closed/) });
  });
});

describe("ShardWorker", () => {
  it("rejects the shards pending when it is stopped, and every shard after", async () => {
    const worker = new ShardWorker();
    const options = { ...base, assets: [us, sectors[0]!] };
    const head = shardHead(options);
    const part = worker.compute(shardDelivery(options, { by: "assets", count: 1, index: 0 }, head), "shard 0/1");
    await worker.stop();
    expect(worker.alive).toBe(false);
    await expect(part).rejects.toThrow(/shard 0\/1: the study workers were closed/);
    await expect(worker.compute(shardDelivery(options, { by: "assets", count: 1, index: 0 }, head), "shard 0/1")).rejects.toThrow(
      /shard 0\/1: the study workers were closed/,
    );
  });
});
