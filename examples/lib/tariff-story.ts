/**
 * The April 2025 tariff story, told on whatever data it is given: where each statement lands in
 * New York and Tokyo, why, which windows overlap, the index's abnormal returns around the
 * statements, and the methods for clustered statements.
 *
 * `examples/tariffs-2025.ts` runs it on files (the bundled fixtures by default) and the
 * `market-reaction demo` command runs it on the same synthetic data generated in memory, so
 * both print the same lines.
 */
import {
  alignEvents,
  calendarFromSeries,
  checkOverlaps,
  covarianceSentence,
  covarianceUse,
  eventStudy,
  formatTextTable,
  meanCarSentence,
  tradingCalendar,
  type AlignmentRow,
  type TradingCalendar,
  type MarketEvent,
  type Series,
  type Study,
} from "market-reaction";

/** The data the story runs on. */
export interface TariffStoryInput {
  /** The statements (the sourced list of April 2025, or the user's own). */
  readonly events: readonly MarketEvent[];
  /** Where the statements came from, for the first line (a file name). */
  readonly eventsSource: string;
  /** The US index studied. */
  readonly index: Series;
  /** The world benchmark of the market model. */
  readonly world: Series;
  /** A Tokyo index, whose trading days give the Tokyo calendar. */
  readonly tokyo: Series;
}

const HIGHLIGHT = ["E10", "E17", "E22", "E34"];
const STORY = ["E17", "E22", "E27", "E34"];
const CLUSTER = ["E17", "E22", "E27"];
const WINDOWS = [
  [0, 0],
  [-1, 1],
  [0, 5],
] as const;

const truncate = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const sig = (x: unknown): string => (typeof x === "number" ? x.toPrecision(4) : String(x));

/** Tells the story through `print`, one call per line or block of lines. */
export function tariffStory(input: TariffStoryInput, print: (text: string) => void): void {
  const xnys = tradingCalendar("XNYS");
  const xtks = calendarFromSeries(input.tokyo, "XTKS"); // Tokyo trading days from the data
  const aligned = alignEvents(input.events, [xnys, xtks]).rows;
  printLandings(input, aligned, print);
  printReasons(aligned, print);
  printOverlaps(aligned, xnys, print);
  printReaction(input, print);
  printClustered(input, print);
}

/** 1. Where does each statement land? Day 0 = the first session whose close comes after it. */
function printLandings(input: TariffStoryInput, aligned: readonly AlignmentRow[], print: (text: string) => void): void {
  const byId = new Map<string, { XNYS?: AlignmentRow; XTKS?: AlignmentRow }>();
  for (const row of aligned) byId.set(row.id, { ...byId.get(row.id), [row.exchange]: row });
  print(`${input.events.length} statements from ${input.eventsSource}\n`);
  print(
    formatTextTable(
      [...byId.entries()].map(([id, r]) => ({
        id,
        statement: r.XNYS?.timestamp ?? r.XTKS?.timestamp ?? "",
        speaker: truncate((r.XNYS ?? r.XTKS)?.event.speaker ?? "", 28),
        nyse_session: r.XNYS?.session ?? "",
        nyse_day0: r.XNYS?.day0_iso ?? "",
        tokyo_clock: r.XTKS?.local_time ?? "",
        tokyo_day0: r.XTKS?.day0_iso ?? "",
      })),
    ),
  );
}

/** 2. The cases daily tools get wrong, with the reasons the library gives. */
function printReasons(aligned: readonly AlignmentRow[], print: (text: string) => void): void {
  print("Why:");
  for (const row of aligned) {
    if (HIGHLIGHT.includes(row.id)) print(`  ${row.id} ${row.exchange}: ${row.reason}`);
  }
}

/** 3. Sunday, Monday and Tuesday statements with [-1, +1] windows overlap on one index. */
function printOverlaps(aligned: readonly AlignmentRow[], xnys: TradingCalendar, print: (text: string) => void): void {
  const april = aligned.filter((r) => r.exchange === "XNYS" && CLUSTER.includes(r.id));
  const overlaps = checkOverlaps(april, xnys, { estimation: [-250, -11], windows: [[-1, 1]] });
  print(`\nPairs of statements whose [-1, +1] event windows overlap on XNYS: ${overlaps.overlaps.length}`);
  for (const w of overlaps.warnings) print(`  ${w.code}: ${w.message}`);
}

function carTable(study: Study): string {
  return formatTextTable(
    study.car.map((r) => ({
      statement: r.event_id,
      speaker: truncate(r.speaker ?? "", 24),
      day0: r.day0,
      window: `[${r.window_start}, ${r.window_end}]`,
      "CAR (%)": 100 * r.car,
      t: r.t,
      p_value: r.p_value,
      sq_p: r.sq_p_value,
      "BHAR (%)": 100 * r.bhar,
    })),
    { digits: 3 },
  );
}

/** 4. The reaction: abnormal returns of the index around the three statements and the pause. */
function printReaction(input: TariffStoryInput, print: (text: string) => void): void {
  const { index, world } = input;
  const story = input.events.filter((e) => STORY.includes(e.id));
  const market = eventStudy({ assets: [index], market: world, events: story, windows: WINDOWS, model: "market" });
  const model = market.models[0]!;
  print(`\nMarket model of ${index.id} on ${world.id}: alpha ${sig(model.alpha)}, beta ${sig(model.beta)}, sigma ${sig(model.sigma)}, n ${model.n}`);
  print(carTable(market));
  const constant = eventStudy({ assets: [index], events: story, windows: WINDOWS, model: "constant-mean" });
  print("Constant-mean model:");
  print(carTable(constant));
  const overlapping = market.warnings.filter((w) => w.code === "OVERLAPPING_WINDOWS").length;
  const contaminated = market.warnings.filter((w) => w.code === "ESTIMATION_CONTAMINATED").length;
  print(
    `With ${story.length} statements and the windows [0, 0], [-1, 1] and [0, 5], ${overlapping} pairs of statements have overlapping event windows (their union, [-1, 5]), and ${contaminated} estimation windows contain another statement's event window:`,
  );
  print("statements one session apart share their windows, so their CARs");
  print("are not separate effects. The methods for clustered statements on one index:");
}

/**
 * 5. Sunday, Monday, Tuesday on one index: dummy-variable regression with Newey-West errors,
 *    and placebo dates drawn from the same volatility regime with the same spacing.
 */
function printClustered(input: TariffStoryInput, print: (text: string) => void): void {
  const three = input.events.filter((e) => CLUSTER.includes(e.id));
  const clustered = eventStudy({
    assets: [input.index],
    market: input.world,
    events: three,
    windows: [[-1, 1]],
    regression: true,
    placebo: { seed: 20250407, draws: 999, regime: "volatility" },
  });
  print(
    "\nDummy-variable regression (market as control). Coefficients in their own units: the market beta as a ratio, the intercept and event dummies in percent per session; se_used is the standard error of the covariance in vcov:",
  );
  const own = (kind: string, x: number): string => (kind === "control" ? x.toFixed(3) : `${(100 * x).toFixed(3)} %`);
  print(
    formatTextTable(
      clustered.regression.map((r) => ({
        term: r.term,
        estimate: own(r.kind, r.estimate),
        se_used: own(r.kind, r.vcov === "hac" ? r.std_error_hac : r.std_error),
        p_value: r.p_value,
        vcov: r.vcov,
      })),
      { digits: 3 },
    ),
  );
  print(covarianceSentence(covarianceUse(clustered.regression, clustered.regression_car, clustered.wald)));
  print(
    formatTextTable(
      clustered.regression_car.map((c) => ({
        car: c.event_id,
        window: `[${c.window_start}, ${c.window_end}]`,
        "CAR (%)": 100 * c.estimate,
        "se used (%)": 100 * (c.vcov === "hac" ? c.std_error_hac : c.std_error),
        p_value: c.p_value,
        vcov: c.vcov,
      })),
      { digits: 3 },
    ),
  );
  const p = clustered.placebo!;
  print(
    `Placebo test: ${p.statistic} from each statement's own model = ${(100 * p.observed).toFixed(2)} %, p = ${p.p_value.toFixed(4)} (B = ${p.draws}, seed ${p.seed}, ${p.eligible.size} eligible sessions, regime ${p.eligible.regime})`,
  );
  const mean = clustered.regression_car.find((c) => c.event_id === "mean");
  if (mean !== undefined) print(meanCarSentence(mean.estimate, p.observed, "[-1, +1]"));
  for (const w of clustered.warnings.filter((x) => x.code === "HIGH_EVENT_VOLATILITY" || x.code === "MERGED_EVENT_DUMMIES")) print(`${w.code}: ${w.message}`);
}
