// The design's runtime packages, used where they do the job: each use gives the numbers the
// hand-written code gave before (kept here as the reference), bit for bit where the algorithm
// is the same and to a stated tolerance where it differs; and every declared runtime
// dependency is imported by src/.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finiteSd } from "../../src/inference/clustered/volatility.js";
import { parseFactorsCsv } from "../../src/io/factors.js";
import { createRandom } from "../../src/stats/random.js";
import { mean, sum } from "../../src/stats/summary.js";
import { businessDayBefore, nthWeekday, shiftDay } from "../../src/time/calendarDates.js";
import { dayKey, dayKeyFromIso, dayOfWeek, isoFromDayKey, parseDate, weekdayName } from "../../src/time/index.js";
import { repoRoot } from "../helpers/shared-data.js";

// ── the hand-written versions these replaced ────────────────────────────────────────────────
function neumaierSum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
function sortedMedian(values: readonly number[]): number {
  const all = [...values].sort((a, b) => a - b);
  const m = all.length >> 1;
  return all.length % 2 === 1 ? all[m]! : (all[m - 1]! + all[m]!) / 2;
}
function correctedTwoPassSd(x: readonly number[]): number {
  const m = x.length;
  let s = 0;
  for (const v of x) s += v;
  const mu = s / m;
  let ss = 0;
  let c = 0;
  for (const v of x) {
    ss += (v - mu) * (v - mu);
    c += v - mu;
  }
  return Math.sqrt((ss - (c * c) / m) / (m - 1));
}
function regexDate(s: string, order: "mdy" | "dmy" | "ymd"): number {
  const m = /^(\d{1,4})[/.]?(\d{1,2})[/.]?(\d{1,4})$/.exec(s.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1.$2.$3"));
  if (m === null) return Number.NaN;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return order === "mdy" ? dayKey(c, a, b) : order === "dmy" ? dayKey(c, b, a) : dayKey(a, b, c);
}
const OLD_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const rnd = createRandom(20251202);
const samples = (n: number, scale: number): number[] => Array.from({ length: n }, () => scale * (rnd.next() - 0.5) * 2 ** Math.floor(40 * rnd.next() - 20));

describe("simple-statistics where it does the job", () => {
  it("sum (simple-statistics' Kahan–Babuška–Neumaier sum) equals the former hand-written sum bit for bit", () => {
    for (let k = 0; k < 500; k++) {
      const x = samples(1 + Math.floor(300 * rnd.next()), 1e3);
      expect(sum(x)).toBe(neumaierSum(x));
      expect(sum(Float64Array.from(x))).toBe(neumaierSum(x));
    }
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    expect(sum([])).toBe(0);
    expect(sum([1, Number.NaN])).toBeNaN();
  });

  it("mean equals the former sum / n bit for bit, NaN for an empty input", () => {
    for (let k = 0; k < 300; k++) {
      const x = samples(1 + Math.floor(100 * rnd.next()), 1);
      expect(mean(x)).toBe(neumaierSum(x) / x.length);
    }
    expect(mean([])).toBeNaN();
  });

  it("the factor files' unit check takes its median from simple-statistics, within one ulp of the sort-based median", async () => {
    // simple-statistics averages the two middle values as a/2 + b/2, the former code as (a + b)/2;
    // the median only decides between percent and decimal units (thresholds far apart)
    const { median } = await import("simple-statistics");
    for (let k = 0; k < 300; k++) {
      const x = samples(1 + Math.floor(60 * rnd.next()), 5).map(Math.abs);
      const ref = sortedMedian(x);
      expect(Math.abs(median(x) - ref)).toBeLessThanOrEqual(Number.EPSILON * ref);
      if (x.length % 2 === 1) expect(median(x)).toBe(ref);
    }
    // end to end: percent factors are recognised as percent (median |value| far above 0.2)
    const mkt = Array.from({ length: 30 }, (_, i) => (i % 7) - 2.75);
    const smb = Array.from({ length: 30 }, (_, i) => 0.1 + 0.07 * (i % 5));
    const text = ["date,Mkt-RF,SMB,RF", ...mkt.map((v, i) => `2025-01-${String(i + 1).padStart(2, "0")},${v},${smb[i]},0.02`)].join("\n");
    const typical = sortedMedian([...mkt, ...smb].map(Math.abs));
    const assumed = parseFactorsCsv(text).warnings.find((w) => w.code === "FACTOR_UNIT_ASSUMED");
    expect(assumed?.message).toContain(`assumed to be in percent (median absolute value ${typical})`);
  });

  it("the event-volatility SD (simple-statistics' sample SD) is within 1e-13 relative of the former corrected two-pass SD", () => {
    for (let k = 0; k < 300; k++) {
      const x = Array.from({ length: 2 + Math.floor(250 * rnd.next()) }, () => 0.01 * (rnd.next() - 0.5) + 1e-4);
      const withGaps = Float64Array.from([Number.NaN, ...x, Number.POSITIVE_INFINITY]);
      const { sd, m } = finiteSd(withGaps, 0, withGaps.length);
      expect(m).toBe(x.length);
      expect(Math.abs(sd - correctedTwoPassSd(x))).toBeLessThanOrEqual(1e-13 * correctedTwoPassSd(x));
    }
    expect(finiteSd(Float64Array.of(1), 0, 1).sd).toBeNaN();
  });
});

describe("date-fns where it does the job", () => {
  it("dates in MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY and YYYYMMDD (date-fns parse) equal the former regex reading, impossible dates included", () => {
    for (let k = 0; k < 3000; k++) {
      const y = 1900 + Math.floor(200 * rnd.next());
      const a = Math.floor(33 * rnd.next());
      const b = Math.floor(14 * rnd.next());
      const pad = rnd.next() < 0.5 ? (n: number) => String(n).padStart(2, "0") : String;
      expect(parseDate(`${pad(b)}/${pad(a)}/${y}`, "MM/DD/YYYY")).toEqual(regexDate(`${b}/${a}/${y}`, "mdy"));
      expect(parseDate(`${pad(a)}/${pad(b)}/${y}`, "DD/MM/YYYY")).toEqual(regexDate(`${a}/${b}/${y}`, "dmy"));
      expect(parseDate(`${pad(a)}.${pad(b)}.${y}`, "DD.MM.YYYY")).toEqual(regexDate(`${a}.${b}.${y}`, "dmy"));
      const compact = `${y}${String(b).padStart(2, "0")}${String(a).padStart(2, "0")}`;
      expect(parseDate(compact, "YYYYMMDD")).toEqual(regexDate(compact, "ymd"));
      expect(parseDate(compact, "auto")).toEqual(regexDate(compact, "ymd"));
    }
    expect(parseDate("02/29/2024", "MM/DD/YYYY")).toBe(dayKey(2024, 2, 29));
    expect(parseDate("02/29/2025", "MM/DD/YYYY")).toBeNaN();
    expect(parseDate("004/07/2025", "MM/DD/YYYY")).toBeNaN();
    expect(parseDate("4/7/25", "MM/DD/YYYY")).toBeNaN();
  });

  it("the same dates under every host time zone (the pattern is read in UTC)", () => {
    // test/time.test.ts and this folder run under TZ=UTC, America/Sao_Paulo, Asia/Kolkata and
    // Pacific/Apia in npm test; the value must not depend on it
    expect(parseDate("12/31/1969", "MM/DD/YYYY")).toBe(-1);
    expect(parseDate("01.01.1970", "DD.MM.YYYY")).toBe(0);
  });

  it("calendar-rule dates (date-fns on @date-fns/utc dates) do not depend on the host zone, across Apia's skipped 2011-12-30", () => {
    // npm test runs this folder under TZ=Pacific/Apia too, where 2011-12-30 never happened locally:
    // host-local Dates gave 2011-12-31 for one day before 2011-12-31, and subBusinessDays on a
    // TZDate("UTC") never returned
    const iso = (k: number) => isoFromDayKey(k);
    expect(["2011-12-29", "2011-12-30", "2011-12-31"].flatMap((d) => [-1, 1].map((n) => iso(shiftDay(dayKeyFromIso(d), n))))).toEqual([
      "2011-12-28",
      "2011-12-30",
      "2011-12-29",
      "2011-12-31",
      "2011-12-30",
      "2012-01-01",
    ]);
    expect(iso(businessDayBefore(2011, 12, 32))).toBe("2011-12-30");
    expect(iso(businessDayBefore(2022, 12, 25))).toBe("2022-12-23");
    expect(iso(nthWeekday(2025, 11, 4, 4))).toBe("2025-11-27");
    expect(iso(nthWeekday(2011, 12, 5, -1))).toBe("2011-12-30");
  });

  it("weekday names (date-fns' en-US locale) equal the former table for every day of 1900–2100", () => {
    for (let d = dayKey(1900, 1, 1); d <= dayKey(2100, 12, 31); d += 1) {
      expect(weekdayName(d)).toBe(OLD_WEEKDAYS[dayOfWeek(d)]);
    }
  });
});

describe("declared runtime dependencies", () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [readFileSync(p, "utf8")] : [];
    });
  }

  it("every entry of package.json dependencies is imported by src/", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const text = sources(join(repoRoot, "src")).join("\n");
    const unused = Object.keys(pkg.dependencies).filter((name) => !new RegExp(`from ["']${name.replace("/", "\\/")}(/[^"']*)?["']`).test(text));
    expect(unused, `declared but never imported by src/: ${unused.join(", ")}`).toEqual([]);
  });
});
