import { describe, expect, it } from "vitest";
import { intradayCommand, INTRADAY_HELP } from "../../src/cli/intraday.js";
import type { CliIO } from "../../src/cli/context.js";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), writeFile: async () => {}, stderrIsTTY: false };
  const code = await intradayCommand(argv, io);
  return { code, stdout, stderr };
}
const FIX = [
  "--bars",
  "fixtures/intraday/synthetic-us-index-1min.csv",
  ...[1, 2, 3, 4].flatMap((i) => ["--bars", `fixtures/intraday/synthetic-us-index-1min-history-${i}.csv`]),
];

describe("market-reaction intraday", () => {
  it("--format json: abnormal rows with the contract fields first, plus warnings and skipped", async () => {
    const r = await run(...FIX, "--events", "fixtures/events/tariffs-2025.csv", "--window=-10m,+20m", "--window=0,+10m", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { abnormal: Record<string, unknown>[]; warnings: unknown[]; skipped: { event_id: string; code: string }[] };
    expect(Object.keys(out.abnormal[0]!).slice(0, 9)).toEqual([
      "event_id",
      "asset",
      "window_start",
      "window_end",
      "bar_start",
      "ar",
      "z",
      "p_value",
      "p_value_empirical",
    ]);
    const e22 = out.abnormal.filter((a) => a.event_id === "E22");
    expect(e22.map((a) => [a.window_start, a.window_end])).toEqual([
      ["2025-04-07T10:01:00-04:00", "2025-04-07T10:31:00-04:00"],
      ["2025-04-07T10:11:00-04:00", "2025-04-07T10:21:00-04:00"],
    ]);
    expect(Array.isArray(out.warnings)).toBe(true);
    expect(out.skipped.find((s) => s.event_id === "E26")?.code).toBe("NO_BARS");
    expect(r.stderr).toBe("");
  });

  it("--delever 3 and a table: warnings go to stderr", async () => {
    const r = await run(...FIX, "--events", "fixtures/events/tariffs-2025.csv", "--delever", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/event_id/);
    expect(r.stdout).toMatch(/E22/);
    expect(r.stderr).toMatch(/approximation/);
  });

  it("usage errors name the flag", async () => {
    await expect(run("--events", "x.csv")).rejects.toThrow(/--bars FILE is required/);
    await expect(run(...FIX, "--events", "fixtures/events/tariffs-2025.csv", "--window=20,-10")).rejects.toThrow(/invalid --window/);
    await expect(run(...FIX, "--events", "fixtures/events/tariffs-2025.csv", "--model", "market")).rejects.toThrow(/--benchmark/);
    await expect(run(...FIX, "--events", "fixtures/events/tariffs-2025.csv", "--delever", "x")).rejects.toThrow(/invalid --delever/);
    expect((await run("--help")).stdout).toBe(INTRADAY_HELP);
  });
});
