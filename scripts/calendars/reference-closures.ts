/**
 * The reference's closed weekdays that a built-in calendar keeps as sessions, by year, as
 * `YYYY-MM-DD` lists ready for a market file's dated table (the reference is the schedule
 * file in ../shared/data/calendars; see docs/calendars.md for when its dates are used as a
 * source and how that is cited). Prints each date with the nearest dates of the optional
 * series named after `--near` (e.g. `--near eidAlFitr,eidAlAdha`), to help name the holidays.
 *
 * Run: npx tsx scripts/calendars/reference-closures.ts MIC [--near series,...]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compareWithReference } from "../../test/calendar/reference-compare.js";
import { seriesDates } from "../../src/calendar/rules/lunisolar.js";
import type { DateSeries } from "../../src/calendar/rules/types.js";
import { dayKeyFromIso, isoFromDayKey } from "../../src/time/dayKey.js";

const args = process.argv.slice(2);
const mic = args[0] ?? "XBOM";
const nearAt = args.indexOf("--near");
const near = (nearAt >= 0 ? (args[nearAt + 1] ?? "") : "").split(",").filter((s) => s !== "") as DateSeries[];
const refMic = mic === "XSHE" ? "XSHG" : mic === "XNAS" ? "XNYS" : mic;
const dir = resolve(process.env.MARKET_REACTION_SHARED_DATA ?? "../shared/data", "calendars");
const r = compareWithReference(mic, readFileSync(resolve(dir, `${refMic}.csv`), "utf8"));
const byYear = new Map<string, string[]>();
for (const d of r.extra) {
  const y = d.slice(0, 4);
  byYear.set(y, [...(byYear.get(y) ?? []), d]);
}
for (const [year, days] of byYear) {
  const notes = days.map((d) => {
    const key = dayKeyFromIso(d);
    const hits = near.flatMap((s) => seriesDates(s, Number(year)).map((x) => [s, x - key] as const)).filter(([, dist]) => Math.abs(dist) <= 3);
    return hits.length === 0 ? d : `${d} (${hits.map(([s, dist]) => `${s}${dist === 0 ? "" : ` ${dist > 0 ? "+" : ""}${dist}`}`).join(", ")})`;
  });
  console.log(`${year}: ${notes.join(" ")}`);
}
for (const m of r.missing) console.log(`closed here, session in the reference: ${m.date} ${m.reason}`);
console.log(`(${isoFromDayKey(dayKeyFromIso(r.from))} to ${r.to})`);
