// Issue 15 item 3: the runtime check and the error message of every option set come from its
// schema: an INVALID_OPTION naming the option path, the value received and what is allowed.
import { describe, expect, it } from "vitest";
import {
  crossEventTests,
  dummyRegression,
  eventStudy,
  intradayStudy,
  isMarketReactionError,
  parseSeriesCsv,
  placeboTest,
  type EventStudyOptions,
} from "market-reaction";
import { asset, market, statements } from "../study/stages/helpers.js";

/** The INVALID_OPTION message of `run`, or a failure when it does not throw one. */
function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isMarketReactionError(error) && error.code === "INVALID_OPTION") return error.message;
    throw error;
  }
  throw new Error("no error");
}

const base: EventStudyOptions = { assets: [asset("A", 1)], market, events: statements, estimation: [-120, -11] };
const studyWith = (extra: Record<string, unknown>) => () => eventStudy({ ...base, ...extra } as EventStudyOptions);

describe("eventStudy options", () => {
  it("a bad enumerated value names the option, the value and the allowed values", () => {
    expect(message(studyWith({ nonTrading: "skip" }))).toBe('invalid nonTrading: "skip"; expected "next", "previous", "drop" or "error"');
    expect(message(studyWith({ returnType: "pct" }))).toBe('invalid returnType: "pct"; expected "simple" or "log"');
  });

  it("an unknown option lists the known ones", () => {
    expect(message(studyWith({ windowz: [[0, 0]] }))).toMatch(
      /^invalid windowz: \[\[0, 0\]\]; expected a known option \(assets, market, factors, events, model, /,
    );
  });

  it("an option set to undefined counts as not given", () => {
    expect(() => studyWith({ model: undefined, regression: undefined })()).not.toThrow();
  });
});

describe("regression options (the study's regression group and dummyRegression)", () => {
  it("study: the path inside the group", () => {
    expect(message(studyWith({ regression: { hacLag: -1 } }))).toBe('invalid regression.hacLag: -1; expected a non-negative integer, "nw1994" or "cube-root"');
    expect(message(studyWith({ regression: { lags: 21 } }))).toBe("invalid regression.lags: 21; expected an integer from 0 to 20");
    expect(message(studyWith({ regression: { window: [-1, 1] } }))).toMatch(
      /^invalid regression.window: \[-1, 1\]; expected a known option \(specification, hacLag, hacAdjust, lags, vcov\)$/,
    );
    expect(message(studyWith({ regression: "yes" }))).toBe('invalid regression: "yes"; expected true, false or an options object');
  });

  it("dummyRegression", () => {
    const days = Int32Array.from({ length: 40 }, (_, i) => 20000 + i);
    const data = { days, asset: new Float64Array(40), market: new Float64Array(40) };
    const events = [{ id: "E1", day0: 20030 }];
    expect(message(() => dummyRegression(data, events, { vcov: "robust" as never }))).toBe('invalid vcov: "robust"; expected "auto", "hac" or "ols"');
    expect(message(() => dummyRegression(data, events, { hacAdjust: 1 as never }))).toBe("invalid hacAdjust: 1; expected true or false");
  });
});

describe("placebo options (the study's placebo group and placeboTest)", () => {
  it("study: draws is an integer from 1 to 10,000,000, the seed is required", () => {
    expect(message(studyWith({ placebo: { seed: 1, draws: 0 } }))).toBe("invalid placebo.draws: 0; expected an integer from 1 to 10000000");
    expect(message(studyWith({ placebo: { seed: 1, draws: 2.5 } }))).toBe("invalid placebo.draws: 2.5; expected an integer from 1 to 10000000");
    expect(message(studyWith({ placebo: { draws: 99 } }))).toBe(
      "invalid placebo.seed: undefined; expected a safe integer (placebo draws are seeded and the seed is reported)",
    );
  });

  it("placeboTest", () => {
    const days = Int32Array.from({ length: 40 }, (_, i) => 20000 + i);
    const data = { days, asset: new Float64Array(40) };
    const events = [{ id: "E1", day0: 20030 }];
    expect(message(() => placeboTest(data, events, { seed: 1, spacing: "tight" as never }))).toBe('invalid spacing: "tight"; expected "keep" or "independent"');
    expect(message(() => placeboTest(data, events, { seed: 1, statistic: { type: "median" } as never }))).toBe(
      'invalid statistic.type: "median"; expected { type: "car" | "mean-car" | "wald", window?, event? }',
    );
  });
});

describe("cross-event options (the study's crossEvent group and crossEventTests)", () => {
  it("study: the grouped options", () => {
    expect(message(studyWith({ crossEvent: { tests: "all", adjust: "bonferroni" } }))).toBe(
      'invalid crossEvent.adjust: "bonferroni"; expected "none", "holm" or "bh"',
    );
    expect(message(studyWith({ crossEvent: { tests: ["bmp", "t_test"] } }))).toMatch(
      /^invalid crossEvent.tests\[1\]: "t_test"; expected "all" or names from cross_sectional_t, /,
    );
    expect(message(studyWith({ crossEvent: { tests: [] } }))).toBe('invalid crossEvent.tests: []; expected "all" or a non-empty list of test names');
  });

  it("study: a flat (deprecated) and a grouped value that disagree is an error naming both", () => {
    expect(message(studyWith({ tests: ["bmp"], crossEvent: { tests: ["patell"] } }))).toBe(
      'invalid crossEvent.tests: ["patell"]; expected the value of the deprecated flat option tests (["bmp"]), or only one of crossEvent.tests and tests',
    );
    expect(message(studyWith({ adjust: "holm", crossEvent: { tests: "all", adjust: "bh" } }))).toMatch(
      /^invalid crossEvent.adjust: "bh"; .*flat option adjust \("holm"\)/,
    );
  });

  it("study: flat and grouped options give the same study", () => {
    const flat = eventStudy({
      ...base,
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: ["bmp", "corrado_rank"],
      adjust: "holm",
    });
    const grouped = eventStudy({
      ...base,
      windows: [
        [0, 0],
        [-1, 1],
      ],
      crossEvent: { tests: ["bmp", "corrado_rank"], adjust: "holm" },
    });
    const both = eventStudy({
      ...base,
      windows: [
        [0, 0],
        [-1, 1],
      ],
      tests: ["bmp", "corrado_rank"],
      crossEvent: { tests: ["bmp", "corrado_rank"], adjust: "holm" },
    });
    expect(grouped.aggregate).toBeDefined();
    expect(grouped.toJSONText()).toBe(flat.toJSONText());
    expect(both.toJSONText()).toBe(flat.toJSONText());
  });

  it("crossEventTests", () => {
    expect(message(() => crossEventTests([], { windows: [[0, 0]], conventions: "estudy" as never }))).toBe(
      'invalid conventions: "estudy"; expected "textbook" or "estudy2"',
    );
    expect(message(() => crossEventTests([], { windows: [[1, 0]] }))).toBe(
      "invalid windows[0]: [1, 0]; expected [start, end] with integer offsets, start ≤ end",
    );
  });
});

describe("intradayStudy options", () => {
  const bars = parseSeriesCsv("date,close\n2025-04-01,1\n").series[0]!; // any object: options are checked before the bars
  it("a bad value names the option and the allowed values", () => {
    expect(message(() => intradayStudy({ bars: bars as never, events: [], reference: "session" as never }))).toBe(
      'invalid reference: "session"; expected "auto", "same-clock" or "prior-bars"',
    );
    expect(message(() => intradayStudy({ bars: bars as never, events: [], minSessions: 2 }))).toBe(
      "invalid minSessions: 2; expected a whole number of at least 3",
    );
    expect(message(() => intradayStudy({ bars: bars as never, events: [], interval: 0 }))).toBe(
      "invalid interval: 0; expected a whole number of minutes from 1 to 240",
    );
  });
});

describe("parser options (zod already)", () => {
  it("parseSeriesCsv names the option and the allowed values", () => {
    expect(message(() => parseSeriesCsv("date,close\n2025-04-01,1\n", { format: "excel" as never }))).toMatch(
      /^invalid format: "excel"; expected one of "auto", /,
    );
  });
});
