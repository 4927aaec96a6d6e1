// End-to-end through the CLI on estudy2's bundled data (../shared/data/estudy2, read only):
// `study --conventions estudy2 --tests all` with ZM and UBER listed inside the estimation window.
// Every security is fitted (none skipped) and matches estudy2's own outputs: estimation length,
// alpha and beta (securities_returns_model.csv) and every abnormal return of the event window
// (securities_returns.csv), to 1e-10 relative. The daily cross-sectional t, sign and Wilcoxon
// statistics match scripts/golden/estudy2_late.py (an independent numpy implementation of
// estudy2's definitions; on these complete event days they do not depend on its missing-data
// conventions) to 1e-10 relative.
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli } from "../cli/helpers.js";
import { expectClose } from "../golden/expect-close.js";
import { loadGolden } from "../golden/load.js";
import { describeWithSharedData, readSharedData, sharedDataDir } from "../helpers/shared-data.js";

interface Golden {
  models: Record<string, { n: number; alpha: number; beta: number }>;
  daily: { date: string; n: number; mean: number; t: number; t_p: number; sign_w: number; sign_z: number; sign_p: number; wilcoxon_w: number }[];
}
const SECURITIES = ["AMZN", "ZM", "UBER", "NFLX", "SHOP", "FB", "UPWK"];
const TOL = { rtol: 1e-10, atol: 1e-15 };

describeWithSharedData("estudy2's bundled data through the CLI (late listings of ZM and UBER)", () => {
  it("study --conventions estudy2 --tests all reproduces estudy2's fits, abnormal returns and daily tests for all seven securities", async () => {
    const dir = join(sharedDataDir!, "estudy2");
    const r = await cli(
      "study",
      "--returns",
      join(dir, "rates.csv"),
      "--returns",
      join(dir, "rates_indx.csv"),
      "--market",
      "GSPC",
      "--events",
      "test/realdata/data/estudy2-event.csv",
      "--estimation=-243,-4",
      "--window=-3,8",
      "--return-type",
      "log",
      "--tests",
      "all",
      "--conventions",
      "estudy2",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      models: { asset: string; n: number; alpha: number; beta: number; estimation_start: string; estimation_end: string }[];
      abnormal: { asset: string; date: string; ar: number; expected: number }[];
      skipped: unknown[];
      warnings: { code: string; message: string }[];
      aggregate: {
        daily: { rel_day: number; n: number; aar: number; tests: Record<string, { statistic: number; p_value: number; details?: Record<string, number> }> }[];
      };
    };
    expect(out.skipped).toEqual([]);
    expect(out.models.map((m) => m.asset).sort()).toEqual([...SECURITIES].sort());
    const late = out.warnings.filter((w) => w.code === "LATE_LISTING").map((w) => w.message.split(":")[0]);
    expect(late).toEqual(["ZM", "UBER"]);

    // estudy2's own fits
    for (const line of readSharedData("estudy2/securities_returns_model.csv").trim().split(/\r?\n/).slice(1)) {
      const [sec, , , , , len, alpha, beta] = line.split(",");
      const m = out.models.find((x) => x.asset === sec)!;
      expect(m.n, sec).toBe(Number(len));
      expect([m.estimation_start, m.estimation_end]).toEqual(["2019-04-02", "2020-03-13"]);
      expectClose(m.alpha, Number(alpha), TOL, `${sec} alpha`);
      expectClose(m.beta, Number(beta), TOL, `${sec} beta`);
    }
    // estudy2's own abnormal returns, every event-window date of every security
    let compared = 0;
    for (const line of readSharedData("estudy2/securities_returns.csv").trim().split(/\r?\n/).slice(1)) {
      const f = line.split(",");
      const row = out.abnormal.find((a) => a.asset === f[0] && a.date === f[1]);
      if (row === undefined) continue;
      expectClose(row.expected, Number(f[4]), TOL, `${f[0]} ${f[1]} predicted`);
      expectClose(row.ar, Number(f[7]), TOL, `${f[0]} ${f[1]} abnormal`);
      compared++;
    }
    expect(compared).toBe(7 * 12);

    // daily tests against the independent reference
    const golden = loadGolden<Golden>("estudy2-late.json");
    expect(out.aggregate.daily).toHaveLength(golden.daily.length);
    golden.daily.forEach((g, j) => {
      const day = out.aggregate.daily[j]!;
      expect(day.rel_day).toBe(j - 3);
      expect(day.n).toBe(7);
      expectClose(day.aar, g.mean, TOL, `${g.date} AAR`);
      expectClose(day.tests.cross_sectional_t!.statistic, g.t, TOL, `${g.date} t`);
      expectClose(day.tests.cross_sectional_t!.p_value, g.t_p, { rtol: 1e-9, atol: 1e-15 }, `${g.date} t p`);
      expect(day.tests.sign!.details!.w).toBe(g.sign_w);
      expectClose(day.tests.sign!.statistic, g.sign_z, TOL, `${g.date} sign`);
      expect(day.tests.wilcoxon!.statistic).toBe(g.wilcoxon_w);
    });
  });
});
