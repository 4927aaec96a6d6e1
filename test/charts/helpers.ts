import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eventStudy, type MarketEvent } from "../../src/index.js";
import { readEventsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { repoRoot } from "../helpers/shared-data.js";
import { validate } from "./json-schema.js";

// vega-lite's exports map hides build/; the schema ships in the package at this path
export const vegaLiteSchema = JSON.parse(readFileSync(join(repoRoot, "node_modules/vega-lite/build/vega-lite-schema.json"), "utf8")) as Record<string, unknown>;
export const validateSpec = (spec: unknown): string[] => validate(vegaLiteSchema, spec);

export const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
export const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
export const sectors = readSeriesFileSync("fixtures/daily/synthetic-sectors.csv").series;
export const { events } = readEventsFileSync("fixtures/events/tariffs-2025.csv");
export const pick = (...ids: string[]): MarketEvent[] => events.filter((e) => ids.includes(e.id));

/** One index, three statements, windows [-1,1] and [0,0] (span -1..1). */
export const study = eventStudy({
  assets: [us],
  market: world,
  events: pick("E10", "E17", "E27"),
  windows: [
    [-1, 1],
    [0, 0],
  ],
});
/** Two sectors (small multiples). */
export const study2 = eventStudy({
  assets: sectors.filter((s) => ["TECH", "ENERGY"].includes(s.id)),
  market: world,
  events: pick("E10", "E17"),
  windows: [[-1, 1]],
});
/** Every statement of the fixture on one index (nine distinct days 0: top-k and shared day 0). */
export const studyAll = eventStudy({ assets: [us], market: world, events, windows: [[-1, 1]] });
/** Two sectors under file-stem ids, as the CLI names unnamed single-series files. */
export const fileNamed = sectors.slice(0, 2).map((s, i) => ({ ...s, id: ["sp500_daily_2023_2026", "etf_xlk_daily_adj_2023_2026"][i]! }));
export const studyFileNamed = eventStudy({ assets: fileNamed, market: world, events: pick("E10", "E17"), windows: [[-1, 1]] });

/** Occurrences of a regular expression in a text. */
export const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, "g")) ?? []).length;
