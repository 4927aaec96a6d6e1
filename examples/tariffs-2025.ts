/**
 * The April 2025 tariff statements: where each lands in New York and Tokyo, and how the
 * index reacted (market model against a world benchmark, and a constant-mean model).
 *
 *   npm run example                                     # the bundled synthetic fixtures
 *   npm run example -- --events my.csv                  # your own statement list
 *   npm run example -- --prices SP500.csv --market ACWI.csv --tokyo nikkei.csv   # real data
 *
 * The fixtures are synthetic (see fixtures/README.md); the statements are real, with sources.
 * The story itself (the library calls, step by step) is in examples/lib/tariff-story.ts;
 * `npx market-reaction demo` prints the same on the same synthetic data made in memory.
 */
import { parseArgs } from "node:util";
import { readEventsFile, readSeriesFile } from "market-reaction/node";
import { tariffStory } from "./lib/tariff-story.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "fixtures/events/tariffs-2025.csv" },
    tokyo: { type: "string", default: "fixtures/daily/synthetic-tokyo.csv" },
    prices: { type: "string", default: "fixtures/daily/synthetic-us-index.csv" },
    market: { type: "string", default: "fixtures/daily/synthetic-world.csv" },
  },
});

const first = async (file: string) => (await readSeriesFile(file)).series[0]!;
tariffStory(
  {
    events: (await readEventsFile(values.events!)).events,
    eventsSource: values.events!,
    tokyo: await first(values.tokyo!),
    index: await first(values.prices!),
    world: await first(values.market!),
  },
  (text) => console.log(text),
);
