/**
 * JSON fingerprint: the exact JSON text of a fixed set of studies on the committed fixtures, so a
 * refactoring can be checked to change no number and no byte of output.
 *
 *   npx tsx scripts/json-fingerprint.ts            # compare with scripts/fingerprint/baseline.json (exit 1 on a difference)
 *   npx tsx scripts/json-fingerprint.ts --record   # write a new baseline (only when an output is MEANT to change)
 *   npx tsx scripts/json-fingerprint.ts --out DIR  # also where the full texts go (default test-output/fingerprint)
 *
 * Each case writes `study.toJSONText()` (event studies), or the formatted JSON of the result
 * (intraday studies, dummy-variable regressions, placebo tests), to `<out>/<case>.json`; the
 * baseline holds the SHA-256 and length of each. With `--record` the texts are also copied to
 * `<out>/baseline/`, so that after a change `diff <out>/baseline/X.json <out>/X.json` shows
 * where a difference is (the baseline copies are not committed: the fixtures are).
 *
 * The cases cover every model preset the fixtures can fit, both return types, both
 * contamination policies, strict and lenient skipping, per-asset exchanges, the SQ test on and
 * off, the dummy-variable regression (event and pooled, every HAC lag rule), the placebo test
 * (every regime and spacing), every cross-event test under both convention profiles and every
 * p-value adjustment, the studies of the examples, and intraday studies with each model and
 * reference.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  calendarFromSeries,
  concatBars,
  dummyRegression,
  eventStudy,
  formatJson,
  intradayStudy,
  parseBarsCsv,
  parseEventsCsv,
  parseFactorsCsv,
  parseSeriesCsv,
  placeboTest,
  alignReturns,
  tradingCalendar,
  type BarSeries,
  type EventStudyOptions,
} from "../src/index.js";

const { values: args } = parseArgs({ options: { record: { type: "boolean", default: false }, out: { type: "string", default: "test-output/fingerprint" } } });
const root = join(import.meta.dirname, "..");
const baselineFile = join(root, "scripts/fingerprint/baseline.json");
const text = (p: string): string => readFileSync(join(root, p), "utf8");

const sectors = parseSeriesCsv(text("fixtures/daily/synthetic-sectors.csv")).series;
const world = parseSeriesCsv(text("fixtures/daily/synthetic-world.csv"), { id: "WORLD" }).series[0]!;
const us = parseSeriesCsv(text("fixtures/daily/synthetic-us-index.csv"), { id: "US" }).series[0]!;
const tokyo = parseSeriesCsv(text("fixtures/daily/synthetic-tokyo.csv"), { id: "TOKYO" }).series[0]!;
const factors = parseFactorsCsv(text("fixtures/daily/synthetic-ff-factors.csv"));
const { events } = parseEventsCsv(text("fixtures/events/tariffs-2025.csv"));
const pick = (...ids: string[]) => events.filter((e) => ids.includes(e.id));
const story = pick("E17", "E22", "E27", "E34");
const three = pick("E17", "E22", "E27");
const xtks = calendarFromSeries(tokyo, "XTKS");

const study = (options: EventStudyOptions): string => eventStudy(options).toJSONText();

/** The numbers of `study.pairs` (typed arrays as plain arrays). */
const pairsJson = (s: ReturnType<typeof eventStudy>): string =>
  formatJson(
    JSON.parse(
      JSON.stringify(s.pairs, (_key, value: unknown) =>
        ArrayBuffer.isView(value) ? Array.from(value as Float64Array, (x) => (Number.isFinite(x) ? x : String(x))) : value,
      ),
    ),
  );

/** Every case: a name and the JSON text it produces. */
const cases: Record<string, () => string> = {
  // the studies of examples/tariffs-2025.ts and examples/sectors.ts
  "example-tariffs-market": () =>
    study({
      assets: [us],
      market: world,
      events: story,
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ],
      model: "market",
    }),
  "example-tariffs-constant": () =>
    study({
      assets: [us],
      events: story,
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ],
      model: "constant-mean",
    }),
  "example-tariffs-clustered": () =>
    study({ assets: [us], market: world, events: three, windows: [[-1, 1]], regression: true, placebo: { seed: 20250407, draws: 999, regime: "volatility" } }),
  "example-sectors-tests": () =>
    study({
      assets: sectors,
      market: world,
      events: pick("E10", "E17", "E27", "E34"),
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: ["cross_sectional_t", "patell", "adjusted_patell", "bmp", "adjusted_bmp", "generalized_sign", "corrado_rank", "grank_t", "wilcoxon"],
      adjust: "holm",
    }),
  // every model preset the fixtures can fit (no momentum column: carhart is skipped with a reason)
  "sectors-all-events-market": () =>
    study({
      assets: sectors,
      market: world,
      events,
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ],
    }),
  "sectors-market-adjusted": () => study({ assets: sectors, market: world, events, model: "market-adjusted", windows: [[0, 1]] }),
  "sectors-scholes-williams": () => study({ assets: sectors, market: world, events: story, model: "scholes-williams", windows: [[-1, 1]] }),
  "sectors-dimson": () =>
    study({
      assets: sectors,
      market: world,
      events: story,
      model: "dimson",
      windows: [
        [-1, 1],
        [0, 3],
      ],
    }),
  "sectors-dimson-2": () => study({ assets: sectors.slice(0, 2), market: world, events: story, model: { type: "dimson", lags: 2 }, windows: [[0, 0]] }),
  "sectors-ff3-log": () => study({ assets: sectors.slice(0, 2), factors, model: "ff3", events, windows: [[0, 1]], returnType: "log" }),
  "sectors-ff5": () => study({ assets: sectors.slice(2, 4), factors, model: "ff5", events: story, windows: [[-1, 1]] }),
  "sectors-factors-named": () => study({ assets: sectors.slice(4), factors, model: "factors:Mkt-RF,SMB", events: story, windows: [[0, 2]] }),
  "sectors-carhart-skips": () => study({ assets: [sectors[0]!], factors, model: "carhart", events: story, windows: [[0, 0]] }),
  "us-constant-mean": () =>
    study({
      assets: [us],
      events,
      windows: [
        [0, 0],
        [-2, 2],
      ],
      model: "constant-mean",
      estimation: { length: 120, gap: 5 },
    }),
  // options of the study itself
  "us-market-keep-contamination": () => study({ assets: [us], market: world, events, contamination: "keep", windows: [[-1, 1]] }),
  "us-market-nosq-minobs": () => study({ assets: [us], market: world, events: story, sq: false, minEstimationObs: 200, estimation: [-250, -11] }),
  "us-market-previous": () => study({ assets: [us], market: world, events, nonTrading: "previous", windows: [[0, 0]] }),
  "us-market-drop": () => study({ assets: [us], market: world, events, nonTrading: "drop", windows: [[0, 0]] }),
  "market-by-id": () => study({ assets: [us, world], market: "WORLD", events: story }),
  "tokyo-and-us": () =>
    study({
      assets: [us, tokyo],
      market: world,
      model: "constant-mean",
      events,
      exchange: { TOKYO: xtks },
      windows: [
        [0, 0],
        [0, 2],
      ],
    }),
  "tokyo-mic": () => study({ assets: [tokyo], events: story, exchange: "XTKS", windows: [[0, 1]] }),
  "per-asset-statements": () =>
    study({ assets: sectors.slice(0, 3), market: world, events: [...story, { ...events[0]!, id: "ONLY-TECH", asset: "TECH" }], windows: [[0, 0]] }),
  "short-history-skips": () =>
    study({ assets: [{ ...us, id: "SHORT", days: us.days.slice(-300), values: us.values.slice(-300) }, us], market: world, events: story, windows: [[0, 0]] }),
  // the clustered-statement family
  "regression-pooled-cube-root": () =>
    study({
      assets: [us],
      market: world,
      events: three,
      windows: [
        [-1, 1],
        [0, 0],
      ],
      regression: { specification: "pooled", hacLag: "cube-root", hacAdjust: true, lags: 1 },
    }),
  "regression-fixed-lag-ols": () =>
    study({ assets: sectors.slice(0, 2), market: world, events: three, windows: [[0, 1]], regression: { hacLag: 3, vcov: "ols" } }),
  "regression-hac-constant": () => study({ assets: [us], model: "constant-mean", events: three, windows: [[-1, 1]], regression: { vcov: "hac" } }),
  "regression-factors": () => study({ assets: [sectors[0]!], factors, model: "ff3", events: three, windows: [[-1, 1]], regression: true }),
  "placebo-quarter-independent": () =>
    study({
      assets: [us],
      market: world,
      events: three,
      windows: [[-1, 1]],
      placebo: { seed: 11, draws: 299, regime: "quarter", spacing: "independent", exclude: 5 },
    }),
  "placebo-none-one-event": () =>
    study({ assets: [us], market: world, events: pick("E34"), windows: [[0, 0]], placebo: { seed: 12, draws: 199, regime: "none" } }),
  "placebo-log-keep": () =>
    study({
      assets: [us],
      events: three,
      returnType: "log",
      contamination: "keep",
      windows: [[0, 1]],
      placebo: { seed: 13, draws: 199 },
      minEstimationObs: 100,
    }),
  // cross-event tests: all of them, both profiles, every adjustment
  "tests-all-textbook-bh": () =>
    study({
      assets: sectors,
      market: world,
      events,
      windows: [
        [0, 0],
        [-1, 1],
        [0, 5],
      ],
      tests: "all",
      adjust: "bh",
    }),
  "tests-all-estudy2": () =>
    study({
      assets: sectors,
      market: world,
      events: story,
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: "all",
      conventions: "estudy2",
    }),
  "tests-constant-log": () =>
    study({
      assets: sectors.slice(0, 4),
      model: "constant-mean",
      events: story,
      windows: [[-1, 1]],
      tests: ["cross_sectional_t", "bmp", "grank_z"],
      returnType: "log",
    }),
  "strict-throws": () =>
    study({ assets: [{ ...us, id: "SHORT", days: us.days.slice(-60), values: us.values.slice(-60) }], market: world, events: story, strict: true }),
  // the per-pair building blocks (rebuilt on access without tests, kept with them)
  "pairs-rebuilt": () =>
    pairsJson(
      eventStudy({
        assets: sectors.slice(0, 2),
        market: world,
        events: story,
        windows: [
          [0, 0],
          [-1, 1],
        ],
      }),
    ),
  "pairs-kept": () =>
    pairsJson(
      eventStudy({
        assets: sectors.slice(0, 2),
        market: world,
        events: story,
        windows: [
          [0, 0],
          [-1, 1],
        ],
        tests: ["bmp"],
      }),
    ),
  // the clustered tools on their own
  "dummy-regression-direct": () => {
    const data = alignReturns({ asset: us, market: world, calendar: tradingCalendar("XNYS") });
    const day = (iso: string) => data.days.findIndex((d) => d === parseSeriesCsv(`date,v\n${iso},1\n`).series[0]!.days[0]);
    const list = [
      { id: "A", day0: data.days[day("2025-04-07")]! },
      { id: "B", day0: data.days[day("2025-04-09")]! },
    ];
    return formatJson(
      dummyRegression(data, list, {
        window: [-1, 2],
        carWindows: [
          [0, 1],
          [-1, 2],
        ],
        controls: ["market"],
        estimation: 200,
      }),
    );
  },
  "placebo-direct": () => {
    const data = alignReturns({ asset: us, market: world, calendar: tradingCalendar("XNYS") });
    const list = [{ id: "A", day0: data.days[data.days.length - 180]! }];
    return formatJson(
      placeboTest(data, list, { model: { type: "market" }, estimation: [-200, -11], windows: [[0, 1]], statistic: { type: "car" }, seed: 5, draws: 199 }),
    );
  },
};

// intraday: the fixture bars (+ 40 history sessions), each model and reference
const barFiles = ["fixtures/intraday/synthetic-us-index-1min.csv", ...[1, 2, 3, 4].map((i) => `fixtures/intraday/synthetic-us-index-1min-history-${i}.csv`)];
const bars = (): BarSeries => {
  const tables = barFiles.map((f) => parseBarsCsv(text(f), { id: "US1M" }));
  return concatBars(
    tables.map((t) => t.bars),
    "US1M",
  );
};
/** A second series of bars from the first (a deterministic wobble on each price), as a benchmark. */
const benchmark = (b: BarSeries): BarSeries => {
  const wobble = (a: Float64Array) => a.map((x, i) => x * (1 + 0.0004 * Math.sin(0.37 * i)));
  return { ...b, id: "BENCH", open: wobble(b.open), high: wobble(b.high), low: wobble(b.low), close: wobble(b.close) };
};
const intraday = (o: Omit<Parameters<typeof intradayStudy>[0], "bars" | "events"> & { bars?: BarSeries }): string => {
  const { grid: _grid, ...rest } = intradayStudy({ bars: bars(), events: pick("E22", "E23", "E34"), ...o });
  return formatJson(rest);
};
Object.assign(cases, {
  "intraday-zero-mean": () =>
    intraday({
      windows: [
        [0, 10],
        [-10, 20],
      ],
    }),
  "intraday-constant-prior-bars": () => intraday({ model: "constant-mean", reference: "prior-bars", windows: ["0m,+30m"], minBars: 20 }),
  "intraday-market": () => {
    const b = bars();
    return intraday({
      bars: b,
      benchmark: benchmark(b),
      model: "market",
      windows: [
        [0, 10],
        [0, 60],
      ],
    });
  },
  "intraday-cross-close-delever": () => intraday({ windows: [[0, 400]], crossClose: true, delever: 3 }),
  "intraday-constant-same-clock": () =>
    intraday({
      model: "constant-mean",
      windows: [
        [-10, 20],
        [0, 5],
      ],
    }),
  "intraday-zero-prior-bars": () => intraday({ reference: "prior-bars", windows: [[0, 10]], lookback: 3 }),
  "intraday-market-prior-bars": () => {
    const b = bars();
    return intraday({ bars: b, benchmark: benchmark(b), model: "market", reference: "prior-bars", windows: [[0, 15]] });
  },
  "intraday-few-sessions": () => intraday({ reference: "same-clock", lookback: 5, minSessions: 10, windows: [[0, 10]] }),
} satisfies Record<string, () => string>);

const outDir = join(root, args.out!);
mkdirSync(outDir, { recursive: true });
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const current: Record<string, { sha256: string; length: number }> = {};
for (const [name, run] of Object.entries(cases)) {
  let out: string;
  try {
    out = run();
  } catch (error) {
    // an error is an output too: its code and message must not change either
    out = `ERROR ${(error as { code?: string }).code ?? ""}: ${(error as Error).message}\n`;
  }
  writeFileSync(join(outDir, `${name}.json`), out);
  current[name] = { sha256: sha(out), length: out.length };
}

if (args.record) {
  mkdirSync(join(root, "scripts/fingerprint"), { recursive: true });
  writeFileSync(baselineFile, `${JSON.stringify(current, null, 2)}\n`);
  mkdirSync(join(outDir, "baseline"), { recursive: true });
  for (const name of Object.keys(current)) copyFileSync(join(outDir, `${name}.json`), join(outDir, "baseline", `${name}.json`));
  process.stdout.write(`recorded ${Object.keys(current).length} cases in ${baselineFile}\n`);
} else {
  if (!existsSync(baselineFile)) throw new Error(`no baseline: run with --record first (${baselineFile})`);
  const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as typeof current;
  const names = new Set([...Object.keys(baseline), ...Object.keys(current)]);
  let differ = 0;
  for (const name of names) {
    const a = baseline[name];
    const b = current[name];
    const same = a !== undefined && b !== undefined && a.sha256 === b.sha256 && a.length === b.length;
    if (!same) differ++;
    process.stdout.write(
      `${same ? "same   " : "DIFFERS"} ${name}${a === undefined ? " (not in the baseline)" : b === undefined ? " (missing now)" : ` (${b.length} bytes)`}\n`,
    );
  }
  process.stdout.write(
    differ === 0 ? `all ${names.size} outputs byte-identical to the baseline\n` : `${differ} of ${names.size} outputs differ (full texts in ${outDir})\n`,
  );
  process.exitCode = differ === 0 ? 0 : 1;
}
