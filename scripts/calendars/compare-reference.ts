/**
 * Compares every built-in calendar with the reference sessions in ../shared/data/calendars
 * (date, open, close, break) day by day and prints the differences.
 *
 * Run: npx tsx scripts/calendars/compare-reference.ts [MIC ...] [--json FILE]
 * The known differences kept in test/calendar/reference-differences.json (checked by
 * test/calendar/reference.test.ts and explained in docs/calendars.md) are written with
 * --json test/calendar/reference-differences.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { compactDifferences, compareWithReference } from "../../test/calendar/reference-compare.js";
import { exchangeCodes } from "../../src/calendar/exchanges.js";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const mics = args.filter((a, i) => !a.startsWith("--") && (jsonAt < 0 || i !== jsonAt + 1));
const dir = resolve(process.env.MARKET_REACTION_SHARED_DATA ?? "../shared/data", "calendars");
const all: Record<string, unknown> = {};
for (const mic of mics.length > 0 ? mics : exchangeCodes()) {
  const refMic = mic === "XNAS" ? "XNYS" : mic === "XSHE" ? "XSHG" : mic;
  let text: string;
  try {
    text = readFileSync(resolve(dir, `${refMic}.csv`), "utf8");
  } catch {
    console.log(`${mic}: no reference`);
    continue;
  }
  const r = compareWithReference(mic, text);
  all[mic] = compactDifferences(r);
  console.log(
    `${mic} ${r.from}..${r.to}: sessions ref ${r.referenceSessions} ours ${r.ourSessions}; missing ${r.missing.length}, extra ${r.extra.length}, hours ${r.hours.length}`,
  );
  if (process.env.VERBOSE) {
    for (const m of r.missing) console.log("  closed here, session in ref:", m.date, m.reason);
    for (const e of r.extra) console.log("  session here, closed in ref:", e);
    for (const h of r.hours) console.log("  hours:", h.date, "ours", h.ours, "ref", h.reference);
  }
}
if (jsonFile !== undefined) writeFileSync(jsonFile, `${JSON.stringify(all, null, 1)}\n`);
