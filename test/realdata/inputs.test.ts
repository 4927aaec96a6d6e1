// Inputs that mean something else: a date column mixing formats, --market with a factor model,
// a returns file read as prices, and the statements file's market_session column.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { alignEvents, eventStudy, isMarketReactionError, parseEventsCsv, parseFactorsCsv, parseSeriesCsv, tradingCalendar } from "../../src/index.js";
import { readFactorsFileSync, readSeriesFileSync } from "../../src/node/index.js";
import { refineByMarketSession } from "../../src/study/marketSession.js";
import { cli } from "../cli/helpers.js";
import { describeWithSharedData, sharedDataDir } from "../helpers/shared-data.js";

const us = readSeriesFileSync("fixtures/daily/synthetic-us-index.csv").series[0]!;
const world = readSeriesFileSync("fixtures/daily/synthetic-world.csv").series[0]!;
const tokyo = readSeriesFileSync("fixtures/daily/synthetic-tokyo.csv").series[0]!;
const factors = readFactorsFileSync("fixtures/daily/synthetic-ff-factors.csv");
const dir = mkdtempSync(`${tmpdir()}/mr-inputs-`);

describe("a date column with more than one format", () => {
  const text = "date,close\n2025-04-01,10\n2025-04-02,11\n04/03/2025,12\n2025-04-04,13\n04/07/2025,12.5\n";

  it("is an error naming the rows of the minority format", () => {
    let error: unknown;
    try {
      parseSeriesCsv(text);
    } catch (e) {
      error = e;
    }
    expect(isMarketReactionError(error) && error.code).toBe("INVALID_INPUT");
    const issues = (error as { issues: { row?: number; column?: string; message: string }[] }).issues;
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, "date"],
      [5, "date"],
    ]);
    expect(issues[0]!.message).toBe(
      'date "04/03/2025" is written MM/DD/YYYY while 3 rows of this column are YYYY-MM-DD (2 row(s) are MM/DD/YYYY): a column with mixed date formats is ambiguous; give the format (dateFormat option, --date-format) to read one',
    );
  });

  it("a factor file's date column too", () => {
    expect(() => parseFactorsCsv("date,Mkt-RF,RF\n20250401,0.1,0.01\n20250402,0.2,0.01\n2025-04-03,0.3,0.01\n")).toThrow(
      /row 3, column date: date "2025-04-03" is written YYYY-MM-DD while 2 rows of this column are YYYYMMDD/,
    );
  });

  it("one format throughout is read as before; a given format reads only that format", () => {
    expect(parseSeriesCsv("date,close\n04/01/2025,10\n04/02/2025,11\n").series[0]!.days.length).toBe(2);
    expect(() => parseSeriesCsv(text, { dateFormat: "YYYY-MM-DD" })).toThrow(/row 3, column date: not a valid date: "04\/03\/2025" \(expected YYYY-MM-DD\)/);
  });

  it("the CLI takes --date-format (a day-first file gives the same study as the ISO one)", async () => {
    const dmy = (d: number) => {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    };
    writeFileSync(`${dir}/us-dmy.csv`, "date,close\n" + Array.from(us.days, (d, i) => `${dmy(d)},${us.values[i]}`).join("\n") + "\n");
    const args = ["--market", "fixtures/daily/synthetic-world.csv", "--events", "fixtures/events/tariffs-2025.csv", "--window=0,0", "--format", "csv"];
    const iso = await cli("study", "--prices", "fixtures/daily/synthetic-us-index.csv", ...args);
    const dayFirst = await cli("study", "--prices", `${dir}/us-dmy.csv`, "--date-format", "DD/MM/YYYY", ...args);
    expect(dayFirst.code).toBe(0);
    expect(dayFirst.stdout.replaceAll("us-dmy", "synthetic-us-index")).toBe(iso.stdout);
    const bad = await cli("study", "--prices", `${dir}/us-dmy.csv`, "--date-format", "DD-MM", ...args);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid --date-format/);
  });
});

describe("--market with a factor model", () => {
  it("is rejected with what to do (before, the benchmark was ignored and still recorded in the options)", () => {
    expect(() =>
      eventStudy({ assets: [us], market: world, factors, model: "ff3", events: parseEventsCsv("id,timestamp\nE34,2025-04-09T13:18\n").events }),
    ).toThrow(
      /invalid market: "synthetic-world"; expected no market with the factor model ff3: .* drop the market \(--market\), or choose a market model for it/,
    );
  });

  it("through the CLI: exit 2 naming the option", async () => {
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--market",
      "fixtures/daily/synthetic-world.csv",
      "--factors",
      "fixtures/daily/synthetic-ff-factors.csv",
      "--model",
      "ff3",
      "--events",
      "fixtures/events/tariffs-2025.csv",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^market-reaction: INVALID_OPTION: invalid market/);
  });
});

describe("a returns file given as prices", () => {
  it("the error says to load it with --returns FILE --market ID", async () => {
    const lines = ["date,WORLD_R"];
    for (let i = 1; i < world.days.length; i++)
      lines.push(`${new Date(world.days[i]! * 86_400_000).toISOString().slice(0, 10)},${(world.values[i]! / world.values[i - 1]! - 1).toFixed(6)}`);
    writeFileSync(`${dir}/world-returns.csv`, lines.join("\n") + "\n");
    const r = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--market",
      `${dir}/world-returns.csv`,
      "--events",
      "fixtures/events/tariffs-2025.csv",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `the file holds negative values, so it looks like returns, not prices; load it with --returns ${dir}/world-returns.csv --market WORLD_R`,
    );
    const ok = await cli(
      "study",
      "--prices",
      "fixtures/daily/synthetic-us-index.csv",
      "--returns",
      `${dir}/world-returns.csv`,
      "--market",
      "WORLD_R",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--format",
      "json",
    );
    expect(ok.code).toBe(0);
  });
});

describe("the statements' market_session column", () => {
  const csv = "id,timestamp,market_session\nAC,2025-04-02,after_close\nPO,2025-04-03,pre-open\nUN,2025-04-04,uncertain\nTIMED,2025-04-07T10:11,after_close\n";
  const { events } = parseEventsCsv(csv);

  it("refines a date-only statement's day 0 on an exchange in its time zone; a timed statement keeps its own time", () => {
    const rows = refineByMarketSession(alignEvents(events, "XNYS"), tradingCalendar("XNYS")).rows;
    expect(rows.map((r) => [r.id, r.day0_iso, r.rule, r.session])).toEqual([
      ["AC", "2025-04-03", "after-close-next", "after-close"],
      ["PO", "2025-04-03", "pre-open-same-day", "pre-open"],
      ["UN", "2025-04-04", "date-only-same-day", "date-only"],
      ["TIMED", "2025-04-07", "regular-same-day", "regular"],
    ]);
  });

  it("travels into every table of a study (and the CLI's), and is left alone on a Tokyo calendar", async () => {
    const study = eventStudy({ assets: [us], market: world, events, windows: [[0, 0]], estimation: [-120, -11] });
    expect(study.events.map((e) => [e.id, e.day0, e.market_session])).toEqual([
      ["AC", "2025-04-03", "after_close"],
      ["PO", "2025-04-03", "pre-open"],
      ["UN", "2025-04-04", "uncertain"],
      ["TIMED", "2025-04-07", "after_close"],
    ]);
    for (const table of [study.car, study.abnormal, study.models])
      expect(table.map((r) => r.market_session)).toEqual(["after_close", "pre-open", "uncertain", "after_close"]);
    const onTokyo = eventStudy({ assets: [tokyo], market: world, events, windows: [[0, 0]], estimation: [-120, -11], exchange: "XTKS", model: "dimson" });
    expect(onTokyo.events.find((e) => e.id === "AC")!.rule).toBe("date-only-same-day");
    writeFileSync(`${dir}/sessions.csv`, csv);
    const intraday = await cli("intraday", "--bars", "fixtures/intraday/synthetic-us-index-1min.csv", "--events", `${dir}/sessions.csv`, "--format", "csv");
    expect(intraday.stdout.split("\n")[0]!.split(",")).toContain("market_session");
    for (const table of ["car", "abnormal", "models", "events"]) {
      const r = await cli(
        "study",
        "--prices",
        "fixtures/daily/synthetic-us-index.csv",
        "--market",
        "fixtures/daily/synthetic-world.csv",
        "--events",
        `${dir}/sessions.csv`,
        "--window=0,0",
        "--format",
        "csv",
        "--table",
        table,
      );
      expect(r.stdout.split("\n")[0]!.split(","), table).toContain("market_session");
    }
  });
});

describeWithSharedData("market_session on the shared tariff statements (SPY, NYSE)", () => {
  it("the date-only after-close statements E09, E11 and E38 get the next session as day 0", async () => {
    const r = await cli(
      "study",
      "--prices",
      `${sharedDataDir!}/etf_spy_daily_adj_2023_2026.csv`,
      "--events",
      `${sharedDataDir!}/tariff_events_2025.csv`,
      "--window=0,0",
      "--format",
      "json",
    );
    const events = (JSON.parse(r.stdout) as { events: { id: string; day0: string; rule: string; market_session: string }[] }).events;
    const pick = (id: string) => events.find((e) => e.id === id)!;
    expect(["E09", "E11", "E38"].map((id) => [pick(id).day0, pick(id).rule, pick(id).market_session])).toEqual([
      ["2025-03-27", "after-close-next", "after_close"],
      ["2025-04-03", "after-close-next", "after_close"],
      ["2025-04-14", "after-close-next", "after_close"],
    ]);
    expect(pick("E13").rule).toBe("pre-open-same-day");
  });
});
