import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const EVENTS = "fixtures/events/tariffs-2025.csv";

describe("market-reaction align", () => {
  it("align --format json gives the contract fields with ISO day 0 on each exchange", async () => {
    const r = await cli(
      "align",
      "--events",
      EVENTS,
      "--exchange",
      "XNYS",
      "--exchange",
      "XTKS",
      "--calendar",
      "XTKS=fixtures/daily/synthetic-tokyo.csv",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["events", "skipped", "warnings"]);
    for (const row of out.events) {
      for (const key of ["id", "exchange", "timestamp", "timezone", "session", "day0", "rule", "reason"]) expect(row).toHaveProperty(key);
      expect(row.day0).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const day0 = (id: string, ex: string) => out.events.find((e: { id: string; exchange: string }) => e.id === id && e.exchange === ex).day0;
    // Lutnick on Sunday 6 April → Monday on both; the 10:11 ET headline → Monday NY, Tuesday Tokyo
    expect(day0("E17", "XNYS")).toBe("2025-04-07");
    expect(day0("E17", "XTKS")).toBe("2025-04-07");
    expect(day0("E22", "XNYS")).toBe("2025-04-07");
    expect(day0("E22", "XTKS")).toBe("2025-04-08");
    // Liberation Day after the close → 3 April
    expect(day0("E10", "XNYS")).toBe("2025-04-03");
    // a calendar from data is not approximate
    expect(out.events.every((e: { approximate: boolean }) => e.approximate === false)).toBe(true);
  });

  it("align prints a table and the reasons, warnings on stderr", async () => {
    const r = await cli("align", "--events", EVENTS);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^id\s+exchange\s+timestamp\s+timezone\s+local_time\s+session\s+day0\s+rule$/);
    expect(r.stdout).toContain("E17 on XNYS: Sunday 2025-04-06 10:30 America/New_York is not a trading day on XNYS");
    // the seven statements rolled on XNYS: one warning, shown as a note
    expect(r.stderr).toBe(
      "note: [ROLLED_TO_NEXT_SESSION] 7 statements fall outside a trading day; day 0 is the next session: E16, E17, E18, E19, E20, E39, … (7 in all) (rule and reason per statement: the rule and reason of each row)\n",
    );
  });

  it("align --non-trading=drop lists skipped statements; =error exits 1 with one line", async () => {
    const drop = await cli("align", "--events", EVENTS, "--non-trading=drop", "--format", "json");
    expect(drop.code).toBe(0);
    const out = JSON.parse(drop.stdout);
    expect(out.skipped.map((s: { id: string }) => s.id)).toContain("E17");
    expect(out.events.map((e: { id: string }) => e.id)).not.toContain("E17");
    const err = await cli("align", "--events", EVENTS, "--non-trading=error");
    expect(err.code).toBe(1);
    expect(err.stdout).toBe("");
    expect(err.stderr.trim().split("\n")).toHaveLength(1);
    expect(err.stderr).toMatch(/^market-reaction: NON_TRADING_DAY: .*E16/);
  });

  it("align --out writes the file; --format csv and markdown render the rows", async () => {
    const r = await cli("align", "--events", EVENTS, "--format", "csv", "--out", "aligned.csv");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const csv = r.files.get("aligned.csv")!;
    expect(csv.split("\n")[0]).toBe(
      "id,exchange,timestamp,timezone,local_time,session,day0,rule,reason,exchange_timezone,instant_utc,approximate,asset,label,speaker,role,venue,source,group,market_session",
    );
    const md = await cli("align", "--events", EVENTS, "--format", "markdown");
    expect(md.stdout.split("\n")[1]).toMatch(/^\| --- \|/);
  });

  it("usage errors exit 2 with a one-line message and no stack", async () => {
    for (const args of [
      ["align"],
      ["align", "--events", EVENTS, "--format", "xml"],
      ["align", "--events", EVENTS, "--exchange", "XXXX"],
      ["align", "--bogus"],
      ["frobnicate"],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("bad input files exit 1 naming the file; --debug adds details", async () => {
    const missing = await cli("align", "--events", "no/such/file.csv");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("market-reaction: IO_ERROR: cannot read no/such/file.csv: no such file\n");
    const wrong = await cli("align", "--events", "fixtures/daily/synthetic-world.csv");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/synthetic-world\.csv: missing required column id.*columns found: "date", "adj_close"/);
    const debug = await cli("align", "--events", "no/such/file.csv", "--debug");
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("--help and --version exit 0; no command prints help and exits 2", async () => {
    expect((await cli("--help")).code).toBe(0);
    expect((await cli("align", "--help")).stdout).toContain("--non-trading POLICY");
    expect((await cli("--version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cli()).code).toBe(2);
  });
});
