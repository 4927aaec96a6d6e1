import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tradingCalendar } from "../../src/calendar/calendar.js";
import { isoFromDayKey } from "../../src/time/index.js";
import { cli } from "./helpers.js";

function priceFile(mic: string, from: string, to: string, drop: readonly string[] = [], add: readonly string[] = []): string {
  const days = [...tradingCalendar(mic).days].map(isoFromDayKey).filter((x) => x >= from && x <= to && !drop.includes(x));
  const all = [...days, ...add].sort();
  const file = join(mkdtempSync(join(tmpdir(), "mr-cal-")), `${mic}.csv`);
  writeFileSync(file, `date,close\n${all.map((x, i) => `${x},${100 + i}`).join("\n")}\n`);
  return file;
}

describe("market-reaction calendar", () => {
  it("lists sessions with open, close and break, and the reason for each closed weekday", async () => {
    const r = await cli("calendar", "XTKS", "--from", "2025-04-28", "--to", "2025-05-07", "--format", "csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("date,weekday,status,open,close,break,note,projected");
    expect(lines).toContain("2025-04-28,Monday,session,09:00,15:30,11:30-12:30,,false");
    expect(lines).toContain("2025-04-29,Tuesday,closed,,,,Shōwa Day,false");
    expect(lines).toContain("2025-05-06,Tuesday,closed,,,,Greenery Day (observed),false");
    expect(lines.some((l) => l.startsWith("2025-05-03"))).toBe(false); // weekends are left out
  });

  it("shows early closes and flags projected days after the edition", async () => {
    const r = await cli("calendar", "xlon", "--from", "2026-12-24", "--to", "2027-01-04", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.edition).toBe(2026);
    expect(out.days[0]).toMatchObject({ date: "2026-12-24", close: "12:30", note: "Christmas Eve (half day)", projected: false });
    expect(out.days.at(-1)).toMatchObject({ date: "2027-01-04", projected: true });
  });

  it("rejects an unknown MIC listing the supported ones, and a date outside the covered years", async () => {
    const bad = await cli("calendar", "XXXX", "--from", "2025-01-01");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("built in: XNYS, XNAS, XTKS");
    const old = await cli("calendar", "XLON", "--from", "1985-01-01", "--to", "1985-01-31");
    expect(old.code).not.toBe(0);
    expect(old.stderr).toContain("covers 1990-01-01 to 2099-12-31");
  });

  it("--check lists where a price file disagrees with the rules (exit 1)", async () => {
    const file = priceFile("XHKG", "2025-03-03", "2025-06-30", ["2025-05-06"], ["2025-04-04"]);
    const r = await cli("calendar", "XHKG", "--check", file, "--format", "csv");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2025-04-04,Friday,row on a closed day,Ching Ming Festival");
    expect(r.stdout).toContain("2025-05-06,Tuesday,no row on a session,session");
    expect(r.stderr).toContain("1 session without a row, 1 row on closed days");
    expect(r.stderr).not.toContain("matches the");
    const ok = await cli("calendar", "XHKG", "--check", priceFile("XHKG", "2025-01-02", "2025-06-30"));
    expect(ok.code).toBe(0);
  });

  it("--check suggests the right exchange when the file contradicts the rules on many days", async () => {
    const r = await cli("calendar", "XETR", "--check", priceFile("XNYS", "2024-01-02", "2025-06-30"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/matches the XNYS rules much better \(0 disagreements against \d+\)/);
  });
});
