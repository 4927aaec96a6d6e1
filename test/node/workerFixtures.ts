// The series and statements the worker-thread tests (parallel.test.ts, pool.test.ts) study, and
// the strict study whose first skipped pair fails in a worker.
import { eventStudy, parseEventsCsv, parseSeriesCsv, type EventStudyOptions } from "../../src/index.js";
import { readProjectFile } from "../helpers/shared-data.js";

export const sectors = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-sectors.csv")).series;
export const world = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-world.csv"), { id: "WORLD" }).series[0]!;
export const us = parseSeriesCsv(readProjectFile("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
export const { events } = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv"));

/** Every series against the world index, at every statement, over two windows. */
export const twoWindows: EventStudyOptions = {
  assets: [us, ...sectors],
  market: world,
  events,
  windows: [
    [0, 0],
    [-1, 1],
  ],
};

/**
 * `options` made strict with a late-listed series first (its early statements are skipped, which
 * fails a strict study), and the code `eventStudy` throws for it in this thread.
 */
export function strictStudy(options: EventStudyOptions): { readonly options: EventStudyOptions; readonly code: unknown } {
  const strict: EventStudyOptions = {
    ...options,
    assets: [{ ...us, id: "SHORT", days: us.days.slice(-300), values: us.values.slice(-300) }, us],
    strict: true,
  };
  try {
    eventStudy(strict);
  } catch (error) {
    return { options: strict, code: (error as { code?: unknown }).code };
  }
  return { options: strict, code: undefined };
}
