import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyWarnings, groupWarnings, warningLine, warningLines, warningSeverity, type Warning } from "../../src/index.js";
import { cli } from "../cli/helpers.js";

const pair = (a: string, b: string, asset = "SPX"): Warning => ({
  code: "OVERLAPPING_WINDOWS",
  message: `event windows of ${a} and ${b} overlap`,
  event_id: a,
  subjects: [a, b],
  asset,
});

describe("groupWarnings", () => {
  it("puts volatility, non-synchronous benchmarks and clustering first, information last", () => {
    const groups = groupWarnings([
      { code: "ROLLED_TO_NEXT_SESSION", message: "Sunday", event_id: "E17" },
      { code: "ESTIMATION_CONTAMINATED", message: "contains", event_id: "E22", subjects: ["E22", "E17"] },
      pair("E17", "E22"),
      { code: "CLUSTERED_STATEMENTS", message: "clustered" },
      { code: "NON_SYNCHRONOUS_BENCHMARK", message: "closes earlier", asset: "SPX" },
      { code: "HIGH_EVENT_VOLATILITY", message: "SD 2.3 times", asset: "SPX" },
    ]);
    expect(groups.map((g) => g.code)).toEqual([
      "HIGH_EVENT_VOLATILITY",
      "NON_SYNCHRONOUS_BENCHMARK",
      "CLUSTERED_STATEMENTS",
      "OVERLAPPING_WINDOWS",
      "ESTIMATION_CONTAMINATED",
      "ROLLED_TO_NEXT_SESSION",
    ]);
    expect(groups.map((g) => g.severity)).toEqual(["high", "high", "high", "high", "medium", "info"]);
  });

  it("summarizes overlapping pairs as clusters of statements with their dates", () => {
    const ws = [pair("E10", "E12"), pair("E12", "E15"), pair("E10", "E15"), pair("E17", "E22"), pair("E01", "E02")];
    const day0 = { E01: "2025-02-03", E02: "2025-02-03", E10: "2025-04-03", E12: "2025-04-03", E15: "2025-04-04", E17: "2025-04-07", E22: "2025-04-07" };
    const [g] = groupWarnings(ws, { day0 });
    expect(g!.count).toBe(5);
    expect(g!.summary).toBe(
      "7 statements form 3 clusters of overlapping event windows (5 pairs): E01, E02 (3 Feb), E10–E15 (3 statements, 3–4 Apr), E17, E22 (7 Apr); " +
        "CARs within a cluster share sessions and are not independent (the regression option tests them jointly) [asset SPX]",
    );
  });

  it("names the asset of each warning when its message does not", () => {
    const groups = groupWarnings(["XLK", "XLE"].map((asset) => ({ code: "HIGH_EVENT_VOLATILITY", message: "the SD is 2 times", asset, event_id: "E01" })));
    expect(warningLines(groups).map((l) => l.text)).toEqual([
      "[HIGH_EVENT_VOLATILITY] XLK: the SD is 2 times",
      "[HIGH_EVENT_VOLATILITY] XLE: the SD is 2 times",
    ]);
  });

  it("keeps to the line budget and says what it left out; verbose lists everything", () => {
    const ws: Warning[] = [];
    for (let i = 0; i < 30; i++) ws.push({ code: `CODE_${i}`, message: `m${i}`, asset: "A" });
    const lines = warningLines(groupWarnings(ws), { maxLines: 20, everyWarning: "--verbose" });
    expect(lines).toHaveLength(20);
    expect(lines[19]!.text).toBe(`… and 11 more warnings (${Array.from({ length: 11 }, (_, i) => `CODE_${19 + i}`).join(", ")}); every warning: --verbose`);
    expect(warningLines(groupWarnings(ws), { verbose: true })).toHaveLength(30);
  });

  it("summarizes rolled statements from the subjects of grouped warnings and the event_id of single ones", () => {
    const groups = groupWarnings(
      [
        { code: "ROLLED_TO_NEXT_SESSION", message: "XNYS: 2 statements …", exchange: "XNYS", count: 2, subjects: ["E16", "E17"] },
        { code: "ROLLED_TO_NEXT_SESSION", message: "XTKS: 2 statements …", exchange: "XTKS", count: 2, subjects: ["E17", "E20"] },
        { code: "ROLLED_TO_NEXT_SESSION", message: "event E39 on XTKS: …", event_id: "E39", exchange: "XTKS" },
      ],
      { day0: { E16: "2025-04-07", E17: "2025-04-07" } },
    );
    expect(groups.map((g) => [g.code, g.count, g.subjects])).toEqual([["ROLLED_TO_NEXT_SESSION", 3, ["E16", "E17", "E20", "E39"]]]);
    expect(groups[0]!.summary).toBe(
      "4 statements fall outside a trading day on XNYS, XTKS; day 0 is the next session: E16 → 2025-04-07, E17 → 2025-04-07, E20, E39 (rule and reason per statement: the events table)",
    );
    // a group of rolled statements is always its summary, however few warnings it holds
    expect(warningLines([groups[0]!])[0]!.text).toBe(`[ROLLED_TO_NEXT_SESSION] ${groups[0]!.summary}`);
    const one = groupWarnings([{ code: "ROLLED_TO_PREVIOUS_SESSION", message: "m", exchange: "XNYS", count: 1, subjects: ["E1"] }]);
    expect(one[0]!.summary).toBe(
      "1 statement falls outside a trading day; day 0 is the previous session: E1 (rule and reason per statement: the events table)",
    );
  });

  it("classifies every warning for JSON: code, severity and subjects", () => {
    expect(classifyWarnings([pair("E17", "E22"), { code: "X", message: "m" }])).toEqual([
      { ...pair("E17", "E22"), severity: "high", subjects: ["E17", "E22"] },
      { code: "X", message: "m", severity: "medium", subjects: [] },
    ]);
    expect(warningSeverity("ROLLED_TO_PREVIOUS_SESSION")).toBe("info");
  });
});

describe("study warnings in the CLI", () => {
  const BASE = [
    "study",
    "--prices",
    "fixtures/daily/synthetic-us-index.csv",
    "--market",
    "fixtures/daily/synthetic-world.csv",
    "--events",
    "fixtures/events/tariffs-2025.csv",
    "--window=-1,1",
    "--window=0,5",
  ];

  it("prints a summary of at most 20 lines, all warnings with --verbose, every one in JSON", async () => {
    const json = JSON.parse((await cli(...BASE, "--format", "json")).stdout) as { warnings: { code: string; severity: string; subjects: string[] }[] };
    const total = json.warnings.length;
    expect(total).toBeGreaterThanOrEqual(3); // one OVERLAPPING_WINDOWS per cluster, not per pair; one ROLLED_TO_NEXT_SESSION per exchange
    for (const w of json.warnings) {
      expect(["high", "medium", "info"]).toContain(w.severity);
      expect(Array.isArray(w.subjects)).toBe(true);
    }
    const summary = (await cli(...BASE)).stderr.trimEnd().split("\n");
    expect(summary.length).toBeLessThanOrEqual(20);
    // one OVERLAPPING_WINDOWS warning per cluster (checkOverlaps), or the summary of several
    expect(
      summary.some((l) =>
        /^warning: \[OVERLAPPING_WINDOWS\] .*(\d+ statements form \d+ clusters? of overlapping event windows|event windows of \d+ statements overlap)/.test(l),
      ),
    ).toBe(true);
    expect(summary.every((l) => /^(warning|note): /.test(l))).toBe(true);
    const verbose = (await cli(...BASE, "--verbose")).stderr.trimEnd().split("\n");
    expect(verbose).toHaveLength(total);
  });

  it("shows statements moved to the next session as a note, not a warning", async () => {
    const r = await cli(...BASE);
    expect(r.stderr).not.toMatch(/^warning: .*ROLLED_TO_NEXT_SESSION/m);
    expect(r.stderr).toMatch(/^note: \[ROLLED_TO_NEXT_SESSION\] \d+ statements fall outside a trading day/m);
    // one warning for the exchange, naming every rolled statement; --verbose shows its message, not the whole list
    const json = JSON.parse((await cli(...BASE, "--format", "json")).stdout) as { warnings: Warning[] };
    const rolled = json.warnings.filter((w) => w.code === "ROLLED_TO_NEXT_SESSION");
    expect(rolled.map((w) => [w.exchange, w.count, w.subjects])).toEqual([["XNYS", 7, ["E16", "E17", "E18", "E19", "E20", "E39", "E40"]]]);
    const verbose = (await cli(...BASE, "--verbose")).stderr.split("\n");
    expect(verbose.filter((l) => l.includes("ROLLED_TO_NEXT_SESSION"))).toEqual([`note: [ROLLED_TO_NEXT_SESSION] ${rolled[0]!.message}`]);
  });
});

describe("docs/warnings.md", () => {
  it("catalogues every code the study of the fixtures emits, with the severity the library gives it", async () => {
    const BASE = [
      "study",
      "--prices",
      "fixtures/daily/synthetic-sectors.csv",
      "--factors",
      "fixtures/daily/synthetic-ff-factors.csv",
      "--model",
      "ff3",
      "--events",
      "fixtures/events/tariffs-2025.csv",
      "--format",
      "json",
      "--method",
      "dummy",
    ];
    const json = JSON.parse((await cli(...BASE)).stdout) as { warnings: { code: string; severity: string }[] };
    const doc = readFileSync("docs/warnings.md", "utf8");
    const codes = [...new Set(json.warnings.map((w) => w.code))];
    expect(codes.length).toBeGreaterThan(3);
    for (const code of [...codes, "HIGH_EVENT_VOLATILITY", "NON_SYNCHRONOUS_BENCHMARK", "CLUSTERED_STATEMENTS", "ROLLED_TO_PREVIOUS_SESSION"]) {
      const row = doc.split("\n").find((l) => l.startsWith("|") && l.includes(`\`${code}\``));
      expect(row, `${code} is not in docs/warnings.md`).toBeDefined();
      expect(row).toContain(`| ${warningSeverity(code)} |`);
    }
  });
});

describe("groupWarnings with one warning per cluster", () => {
  it("reads the statements of a cluster from its members, and the affected statements of a contamination group", () => {
    const cluster = (ids: string[]): Warning =>
      ({
        code: "OVERLAPPING_WINDOWS",
        message: `event windows of ${ids.length} statements overlap`,
        event_id: ids[0]!,
        asset: "SPX",
        members: ids.map((id) => ({ id })),
      }) as Warning;
    const day0 = { E10: "2025-04-03", E12: "2025-04-03", E15: "2025-04-04", E17: "2025-04-07", E22: "2025-04-07" };
    const [g] = groupWarnings([cluster(["E10", "E12", "E15"]), cluster(["E17", "E22"])], { day0 });
    expect(g!.summary).toBe(
      "5 statements form 2 clusters of overlapping event windows: E10–E15 (3 statements, 3–4 Apr), E17, E22 (7 Apr); " +
        "CARs within a cluster share sessions and are not independent (the regression option tests them jointly) [asset SPX]",
    );
    const contamination = {
      code: "ESTIMATION_CONTAMINATED",
      message: "… they are excluded",
      event_id: "E34",
      members: [{ id: "E17" }, { id: "E22" }],
      affected: ["E34", "E38"],
    } as Warning;
    const [c] = groupWarnings([contamination, { ...contamination, affected: ["E40"] } as Warning]);
    expect(c!.summary).toMatch(
      /^the estimation windows of 3 statements contain event-window sessions of 2 other statements \(2 groups\); those sessions are excluded/,
    );
  });
});

describe("warningLine: the names in front of the message", () => {
  it("lists at most six subjects the message does not name, then the count", () => {
    const members = Array.from({ length: 23 }, (_, i) => ({ id: `E${18 + i}` }));
    const line = warningLine({ code: "OVERLAPPING_WINDOWS", message: "event windows overlap on the same sessions", asset: "SPX", members });
    expect(line).toBe("[OVERLAPPING_WINDOWS] SPX, E18, E19, E20, E21, E22, … (24 in all): event windows overlap on the same sessions");
    expect(warningLine({ code: "OVERLAPPING_WINDOWS", message: "overlap", subjects: ["E1", "E2"] })).toBe("[OVERLAPPING_WINDOWS] E1, E2: overlap");
  });
});
