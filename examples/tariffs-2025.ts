/**
 * The April 2025 tariff statements, aligned with the New York and Tokyo sessions.
 *
 *   npm run example                       # the bundled synthetic fixtures
 *   npm run example -- --events my.csv    # your own statement list
 *   npm run example -- --tokyo nikkei.csv # Tokyo trading days from a real Nikkei file
 *
 * The fixtures are synthetic (see fixtures/README.md); the statements are real, with sources.
 */
import { parseArgs } from "node:util";
import {
  alignEvents,
  calendarFromSeries,
  checkOverlaps,
  formatTextTable,
  tradingCalendar,
  type AlignmentRow,
} from "market-reaction";
import { readEventsFile, readSeriesFile } from "market-reaction/node";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "fixtures/events/tariffs-2025.csv" },
    tokyo: { type: "string", default: "fixtures/daily/synthetic-tokyo.csv" },
  },
});

const { events } = await readEventsFile(values.events!);
const tokyoPrices = await readSeriesFile(values.tokyo!);
const xnys = tradingCalendar("XNYS");
const xtks = calendarFromSeries(tokyoPrices.series[0]!, "XTKS"); // Tokyo trading days from the data

const truncate = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

// 1. Where does each statement land? Day 0 = the first session whose close comes after it.
const aligned = alignEvents(events, [xnys, xtks]);
const byId = new Map<string, { XNYS?: AlignmentRow; XTKS?: AlignmentRow }>();
for (const row of aligned.rows) byId.set(row.id, { ...byId.get(row.id), [row.exchange]: row });

console.log(`${events.length} statements from ${values.events}\n`);
console.log(
  formatTextTable(
    [...byId.entries()].map(([id, r]) => ({
      id,
      statement: r.XNYS?.timestamp ?? r.XTKS?.timestamp ?? "",
      speaker: truncate((r.XNYS ?? r.XTKS)?.event.speaker ?? "", 28),
      nyse_session: r.XNYS?.session ?? "",
      nyse_day0: r.XNYS?.day0_iso ?? "",
      tokyo_clock: r.XTKS?.local_time ?? "",
      tokyo_day0: r.XTKS?.day0_iso ?? "",
    })),
  ),
);

// 2. The cases daily tools get wrong, with the reasons the library gives.
const highlight = ["E10", "E17", "E22", "E34"];
console.log("Why:");
for (const row of aligned.rows) {
  if (highlight.includes(row.id)) console.log(`  ${row.id} ${row.exchange}: ${row.reason}`);
}

// 3. Sunday, Monday and Tuesday statements with [-1, +1] windows overlap on one index.
const april = aligned.rows.filter((r) => r.exchange === "XNYS" && ["E17", "E22", "E27"].includes(r.id));
const overlaps = checkOverlaps(april, xnys, { estimation: [-250, -11], windows: [[-1, 1]] });
console.log(`\nOverlapping event windows on XNYS (${overlaps.overlaps.length}):`);
for (const w of overlaps.warnings) console.log(`  ${w.code}: ${w.message}`);
