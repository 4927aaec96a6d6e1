/**
 * `market-reaction demo`: the April 2025 story (what `npm run example` prints in a checkout)
 * on the project's synthetic fixtures, generated in memory by the same seeded generator that
 * wrote `fixtures/`. Nothing is read from disk, so it works right after `npm install`.
 */
import { parseEventsCsv, parseSeriesCsv, type Series } from "market-reaction";
import { tariffStory } from "../../examples/lib/tariff-story.js";
import { makeFixtures } from "../../scripts/fixtures/make.js";
import { EVENTS_FILE, TOKYO, US_INDEX, WORLD } from "../../scripts/fixtures/params.js";
import { UsageError, type CliIO } from "./context.js";

export const DEMO_HELP = `market-reaction demo — the April 2025 tariff story on synthetic data

Usage: market-reaction demo

Generates the project's synthetic price fixtures in memory (seeded: the same numbers on every
run and machine; they are NOT market data) with the real, sourced list of April 2025 tariff
statements, and prints: where each statement lands in New York and Tokyo and why, the
overlapping windows, the index's abnormal returns around Lutnick (6 April), Hassett and the
false headline (7 April), Bessent (8 April) and the pause (9 April), and the methods for
clustered statements. It is what 'npm run example' prints in a checkout of the repository.

Options:
  --help, -h   this help
`;

function series(files: ReadonlyMap<string, string>, path: string): Series {
  const text = files.get(path);
  if (text === undefined) throw new Error(`the demo's generator made no ${path}`);
  return parseSeriesCsv(text, { file: path }).series[0]!;
}

/** Runs the demo; exit code 0. */
export async function demoCommand(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(DEMO_HELP);
    return 0;
  }
  if (argv.length > 0) throw new UsageError(`demo takes no arguments, got ${argv.join(" ")}; see 'market-reaction demo --help'`);
  const files = makeFixtures();
  const eventsText = files.get(EVENTS_FILE);
  if (eventsText === undefined) throw new Error(`the demo's generator made no ${EVENTS_FILE}`);
  tariffStory(
    {
      events: parseEventsCsv(eventsText, { file: EVENTS_FILE }).events,
      eventsSource: EVENTS_FILE,
      tokyo: series(files, TOKYO.file),
      index: series(files, US_INDEX.file),
      world: series(files, WORLD.file),
    },
    (text) => io.stdout(`${text}\n`),
  );
  return 0;
}
