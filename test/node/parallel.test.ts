// eventStudyParallel: a study over worker threads gives the single-threaded study byte for byte.
// (From the sources, each worker loads the library through tsx: a few seconds per worker.)
import { describe, expect, it } from "vitest";
import { eventStudy, parseEventsCsv, parseSeriesCsv, type EventStudyOptions } from "../../src/index.js";
import { eventStudyParallel } from "../../src/node/index.js";
import { readProjectFile } from "../helpers/shared-data.js";

const sectors = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-sectors.csv")).series;
const world = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-world.csv"), { id: "WORLD" }).series[0]!;
const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
const { events } = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv"));
const options: EventStudyOptions = {
  assets: [us, ...sectors],
  market: world,
  events,
  windows: [
    [0, 0],
    [-1, 1],
  ],
  tests: "all",
};

describe("eventStudyParallel", () => {
  it("with 2 and 3 workers (by assets) and 2 workers on one asset (by statements): the single run byte for byte", async () => {
    const single = eventStudy(options).toJSONText();
    const [two, three] = await Promise.all([eventStudyParallel(options, { workers: 2 }), eventStudyParallel(options, { workers: 3 })]);
    expect(two.toJSONText()).toBe(single);
    expect(three.toJSONText()).toBe(single);
    const one: EventStudyOptions = { assets: [us], market: world, events, windows: [[-1, 1]] };
    expect((await eventStudyParallel(one, { workers: 2 })).toJSONText()).toBe(eventStudy(one).toJSONText());
  });

  it("a worker's error arrives with its code; workers must be a whole number ≥ 1", async () => {
    await expect(eventStudyParallel({ ...options, estimation: [-5, -20] }, { workers: 2 })).rejects.toMatchObject({ code: "INVALID_OPTION" });
    await expect(eventStudyParallel(options, { workers: 0 })).rejects.toMatchObject({ code: "INVALID_OPTION", message: expect.stringMatching(/workers/) });
    // one worker: in this thread (the per-pair building blocks stay available)
    expect((await eventStudyParallel(options, { workers: 1 })).pairs.length).toBeGreaterThan(0);
  });
});
