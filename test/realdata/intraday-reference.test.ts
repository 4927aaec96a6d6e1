// Intraday references that do not depend on the rest of the run. A statement's row is computed
// from its own window and the options only; leaving other statements out of the reference is an
// explicit option (excludeStatementWindows, --exclude-statement-windows) reported in each row.
// The abnormal return is always given; only z and p may be missing, with the reason in the row.
import { describe, expect, it } from "vitest";
import { intradayStudy, parseBarsCsv, type IntradayAbnormalRow } from "../../src/intraday/index.js";
import { parseEventsCsv } from "../../src/io/index.js";
import { cli } from "../cli/helpers.js";
import { expectClose } from "../golden/expect-close.js";
import { describeWithSharedData, readProjectFile, readSharedData, sharedDataDir } from "../helpers/shared-data.js";

describeWithSharedData("E22 (false headline, 10:11 ET) on the SPXL minute bars, window [0,+10m]", () => {
  it("gives the same row whatever other statements and windows are in the run, and z matches an independent computation", () => {
    const text = readSharedData("spxl_1min_rth_20250407_20250409.csv");
    const { bars } = parseBarsCsv(text, { id: "SPXL" });
    const all = parseEventsCsv(readProjectFile("fixtures/events/tariffs-2025.csv")).events;
    const e22 = all.filter((e) => e.id === "E22");
    const rowOf = (events: typeof all, windows: [number, number][]): IntradayAbnormalRow =>
      intradayStudy({ bars, events, windows, delever: 3 }).abnormal.find((r) => r.event_id === "E22" && r.window === "[0,+10m]")!;
    const alone = rowOf(e22, [[0, 10]]);
    for (const other of [
      rowOf(all, [[0, 10]]),
      rowOf(e22, [
        [0, 10],
        [-10, 20],
      ]),
      rowOf(all, [
        [0, 10],
        [-10, 20],
      ]),
    ])
      expect(other).toEqual(alone);
    // independent: zero-mean prior-bars reference = the 41 bars 09:30-10:10 of 7 April (the first
    // from its open), delevered log returns log(1 + r/3); sd = sqrt(mean r² · 10 bars)
    const rows = text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","))
      .filter((c) => c[0]!.startsWith("2025-04-07"));
    const at = (hhmm: string) => rows.findIndex((c) => c[0]!.slice(11, 16) === hhmm);
    const del = (r: number) => Math.log1p(r / 3);
    const ref: number[] = [del(Number(rows[0]![5]) / Number(rows[0]![2]) - 1)];
    for (let i = 1; i < at("10:11"); i++) ref.push(del(Number(rows[i]![5]) / Number(rows[i - 1]![5]) - 1));
    let x = 0;
    for (let i = at("10:11"); i <= at("10:20"); i++) x += del(Number(rows[i]![5]) / Number(rows[i - 1]![5]) - 1);
    const sd = Math.sqrt((ref.reduce((a, v) => a + v * v, 0) / ref.length) * 10);
    expect(alone.n_reference).toBe(41);
    expectClose(alone.ar, x, { rtol: 1e-12 }, "AR");
    expectClose(alone.z, x / sd, { rtol: 1e-10 }, "z");
    expect(alone.z_missing_reason).toBeNull();
    expect(alone.excluded_reference).toBe(0);
  });

  it("through the CLI, --exclude-statement-windows is explicit and reported; the AR stays, z is blank with the reason", async () => {
    const D = sharedDataDir!;
    const args = [
      "intraday",
      "--bars",
      `${D}/spxl_1min_rth_20250407_20250409.csv`,
      "--events",
      `${D}/tariff_events_2025.csv`,
      "--delever",
      "3",
      "--window=0,+10m",
      "--window=-10m,+20m",
      "--format",
      "json",
    ];
    const plain = JSON.parse((await cli(...args)).stdout) as { abnormal: IntradayAbnormalRow[] };
    const excluded = JSON.parse((await cli(...args, "--exclude-statement-windows")).stdout) as { abnormal: IntradayAbnormalRow[] };
    const pick = (s: { abnormal: IntradayAbnormalRow[] }) => s.abnormal.find((r) => r.event_id === "E22" && r.window === "[0,+10m]")!;
    expect(Number.isFinite(pick(plain).z)).toBe(true);
    expect(pick(excluded).ar).toBe(pick(plain).ar);
    expect(pick(excluded).z).toBeNull(); // NaN in JSON
    expect(pick(excluded).z_missing_reason).toBe("only 11 reference bar(s) before the window (at least 30 needed)");
    expect(pick(excluded).excluded_reference).toBe(30);
  });
});

describe("too few reference bars (synthetic one-session fixture)", () => {
  it("reports the abnormal return and leaves z and p blank with the reason in the row", () => {
    const { bars } = parseBarsCsv(readProjectFile("fixtures/intraday/synthetic-us-index-1min.csv"), { id: "US_INDEX" });
    const { events } = parseEventsCsv("id,timestamp\nEARLY,2025-04-07T09:40\n");
    for (const model of ["zero-mean", "constant-mean"] as const) {
      const st = intradayStudy({ bars, events, windows: [[0, 10]], model });
      const r = st.abnormal[0]!;
      expect(r.reference).toBe("prior-bars");
      expect(r.n_reference).toBe(10);
      expect(Number.isFinite(r.ar)).toBe(true);
      expect(r.ar).toBe(r.log_return - r.expected);
      expect(Number.isNaN(r.z) && Number.isNaN(r.p_value)).toBe(true);
      expect(r.z_missing_reason).toBe("only 10 reference bar(s) before the window (at least 30 needed)");
      expect(st.warnings.filter((w) => w.code === "INSUFFICIENT_REFERENCE").map((w) => w.message)).toEqual([
        "EARLY [0,+10m]: only 10 reference bar(s) before the window (at least 30 needed); the abnormal return is reported, z and the p-values are not",
      ]);
    }
  });
});
