/**
 * Stage 1 of `eventStudy`, inputs: the studied assets, the benchmark and the statements, checked
 * against each other and against the resolved options before anything is computed.
 * @module
 */
import { invalidOption, throwIfIssues, type Issue } from "../../errors.js";
import { modelLabel } from "../../models/index.js";
import type { FactorColumns } from "../../returns/index.js";
import type { MarketEvent, Series } from "../../types.js";
import { modelNeedsFactors, modelNeedsMarket, type EventStudyOptions, type ResolvedStudyOptions } from "../options.js";
import { eventsByAsset, type EventsByAsset } from "../eventsByAsset.js";

/** The data of a study, checked. */
export interface StudyInputs {
  /** The studied series (without the benchmark when it was named by id). */
  readonly assets: readonly Series[];
  /** The benchmark, when given. */
  readonly market: Series | undefined;
  readonly factors: FactorColumns | undefined;
  readonly events: readonly MarketEvent[];
  /** Every (asset, statement) pair that could be studied: the capacity of the result columns. */
  readonly pairBound: number;
  /** The statements of each asset, grouped once (filtering all statements per asset is assets × statements). */
  readonly byAsset?: EventsByAsset;
}

/**
 * Checks the data options of a study: assets with distinct ids, the benchmark (a series or the id
 * of one of the assets), the factors and the benchmark the model needs, one series for a placebo
 * test, and statements with distinct ids naming studied assets (every statement problem listed
 * at once).
 * @throws INVALID_OPTION for a missing or malformed data option; INVALID_INPUT for malformed statements.
 */
export function studyInputs(options: EventStudyOptions, opts: ResolvedStudyOptions): StudyInputs {
  const all = assetList(options.assets);
  if (!Array.isArray(options.events)) invalidOption("events", options.events, "an array of statements (MarketEvent)");
  const { assets, market } = splitMarket(all, options);
  if (assets.length === 0) invalidOption("assets", options.assets, "at least one series besides the market");
  const ids = new Set<string>();
  for (const s of assets) {
    if (ids.has(s.id)) invalidOption("assets", s.id, "series with distinct ids");
    ids.add(s.id);
  }
  if (modelNeedsMarket(opts.model) && market === undefined) {
    invalidOption("market", undefined, `a benchmark series for the ${modelLabel(opts.model)} model (or choose model "constant-mean")`);
  }
  if (modelNeedsFactors(opts.model) && options.factors === undefined) {
    invalidOption("factors", undefined, `a factor table for the ${modelLabel(opts.model)} model`);
  }
  if (opts.placebo !== undefined && assets.length !== 1) {
    invalidOption("placebo", opts.placebo, `a study of one series (this one has ${assets.length}: placebo dates are drawn from one series' own history)`);
  }
  throwIfIssues(statementIssues(options.events, ids), "eventStudy: invalid statements");
  const events = options.events;
  const byAsset = eventsByAsset(events);
  let pairBound = 0;
  for (const a of assets) pairBound += byAsset.of(a.id).length;
  return { assets, market, factors: options.factors, events, pairBound, byAsset };
}

function assetList(assets: EventStudyOptions["assets"]): readonly Series[] {
  if (Array.isArray(assets)) return assets as readonly Series[];
  if (typeof assets === "object" && assets !== null && Array.isArray((assets as { series?: unknown }).series)) {
    return (assets as { series: readonly Series[] }).series;
  }
  return invalidOption("assets", assets, "an array of series or a SeriesTable");
}

/** The benchmark and the studied series: a market named by id is taken out of the assets. */
function splitMarket(all: readonly Series[], options: EventStudyOptions): { assets: readonly Series[]; market: Series | undefined } {
  if (typeof options.market === "string") {
    const market = all.find((s) => s.id === options.market);
    if (market === undefined) invalidOption("market", options.market, `the id of one of the assets (${all.map((s) => s.id).join(", ")}) or a Series`);
    return { assets: all.filter((s) => s !== market), market };
  }
  return { assets: all, market: options.market };
}

/** Statements: objects with distinct ids, naming a studied asset when they name one (the alignment checks timestamps and zones). */
function statementIssues(events: readonly unknown[], assetIds: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const seenIds = new Map<string, number>();
  events.forEach((e: unknown, i) => {
    const row = i + 1;
    if (typeof e !== "object" || e === null) {
      issues.push({ row, message: `not a statement object: ${e === null ? "null" : typeof e}` });
      return;
    }
    const { id, asset } = e as { id?: unknown; asset?: unknown };
    if (typeof id !== "string" || id === "") {
      issues.push({ row, column: "id", message: "missing statement id" });
      return;
    }
    const first = seenIds.get(id);
    if (first !== undefined) issues.push({ row, column: "id", message: `duplicate statement id ${JSON.stringify(id)} (first at row ${first})` });
    else seenIds.set(id, row);
    if (asset !== undefined && (typeof asset !== "string" || !assetIds.has(asset))) {
      issues.push({
        row,
        column: "asset",
        message: `statement ${id}: asset ${JSON.stringify(asset)} is not one of the studied assets (${[...assetIds].join(", ")})`,
      });
    }
  });
  return issues;
}
